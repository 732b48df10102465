//! `format` and `formatlist`: go-cty's verbs, flags, widths and precisions, with Go's
//! number formatting.

use std::iter::Peekable;
use std::str::Chars;

use unicode_segmentation::UnicodeSegmentation;

use super::encoding::{write_json, write_json_string};
use super::{Args, Res, guarded_repeat, string};
use crate::evaluate::Value;

/// One `%` directive of a format string.
#[derive(Default)]
struct Verb {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    sharp: bool,
    width: Option<usize>,
    precision: Option<usize>,
    mode: char,
}

/// go-cty's `format`: flags, an optional `[n]` argument index, width, precision and
/// a verb. Every argument must be used.
pub(super) fn format_values(a: &Args, spec: &str, vals: &[Value]) -> Res {
    let mut out = String::new();
    let mut chars = spec.chars().peekable();
    let (mut next_arg, mut highest) = (0usize, 0usize);
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.next_if_eq(&'%').is_some() {
            out.push('%');
            continue;
        }
        let mut verb = Verb::default();
        while let Some(flag) = chars.next_if(|c| "+- #0".contains(*c)) {
            match flag {
                '+' => verb.plus = true,
                '-' => verb.minus = true,
                ' ' => verb.space = true,
                '#' => verb.sharp = true,
                _ => verb.zero = true,
            }
        }
        if chars.next_if_eq(&'[').is_some() {
            let index = take_number(&mut chars).filter(|n| *n > 0);
            match (index, chars.next()) {
                (Some(n), Some(']')) => next_arg = n - 1,
                _ => return Err(a.err("invalid argument index in format string")),
            }
        }
        verb.width = take_number(&mut chars);
        if chars.next_if_eq(&'.').is_some() {
            verb.precision = take_number(&mut chars);
            if verb.precision.is_none() {
                return Err(a.err("a period in a format verb must be followed by a precision"));
            }
        }
        verb.mode = chars
            .next()
            .ok_or_else(|| a.err("unterminated format verb at the end of the format string"))?;
        let Some(arg) = vals.get(next_arg) else {
            return Err(a.err(format!(
                "not enough arguments for %{}: need argument {} but have {}",
                verb.mode,
                next_arg + 1,
                vals.len()
            )));
        };
        next_arg += 1;
        highest = highest.max(next_arg);
        format_one(a, &verb, arg, &mut out)?;
    }
    if highest < vals.len() {
        return Err(a.err(format!(
            "too many arguments; only {highest} used by format string"
        )));
    }
    string(out)
}

/// Reads a decimal number; one too large for `usize` saturates (and is refused later).
fn take_number(chars: &mut Peekable<Chars<'_>>) -> Option<usize> {
    let mut digits = String::new();
    while let Some(d) = chars.next_if(char::is_ascii_digit) {
        digits.push(d);
    }
    (!digits.is_empty()).then(|| digits.parse::<usize>().unwrap_or(usize::MAX))
}

fn format_one(a: &Args, verb: &Verb, arg: &Value, out: &mut String) -> Result<(), Value> {
    if *arg == Value::Null && verb.mode != 'v' {
        return Err(a.err(format!(
            "null value cannot be formatted with %{}",
            verb.mode
        )));
    }
    let unsupported = || {
        Value::unknown(format!(
            "{}: this use of %{} is not evaluated",
            a.name, verb.mode
        ))
    };
    match verb.mode {
        'v' => {
            let text = match arg {
                Value::String(s) if !verb.sharp => s.to_string(),
                Value::Number(n) if !verb.sharp => go_shortest_g(*n),
                _ => {
                    let mut json = String::new();
                    write_json(arg, &mut json).map_err(|e| a.err(e))?;
                    json
                }
            };
            out.push_str(&pad_width(a, verb, text)?);
        }
        't' => out.push_str(if a.conv(arg, Value::to_bool)? {
            "true"
        } else {
            "false"
        }),
        's' | 'q' => {
            let mut s = a.as_str(arg)?.to_string();
            // go-cty truncates to the precision only when it is positive.
            if let Some(p) = verb.precision.filter(|p| *p > 0) {
                s = s.graphemes(true).take(p).collect();
            }
            if verb.mode == 'q' {
                let mut quoted = String::new();
                write_json_string(&s, &mut quoted);
                s = quoted;
            }
            out.push_str(&pad_width(a, verb, s)?);
        }
        'd' | 'b' | 'o' | 'x' | 'X' => {
            let n = a.as_num(arg)?;
            if n.fract() != 0.0 || !n.is_finite() {
                return Err(a.err(format!("an integer is required for %{}", verb.mode)));
            }
            if verb.sharp || verb.precision.is_some() || n.abs() >= 1e38 {
                return Err(unsupported());
            }
            let magnitude = n.abs() as u128;
            let digits = match verb.mode {
                'd' => magnitude.to_string(),
                'b' => format!("{magnitude:b}"),
                'o' => format!("{magnitude:o}"),
                'x' => format!("{magnitude:x}"),
                _ => format!("{magnitude:X}"),
            };
            out.push_str(&pad_number(a, verb, n < 0.0, digits)?);
        }
        'f' | 'e' | 'E' | 'g' | 'G' => {
            let n = a.as_num(arg)?;
            let precision = verb.precision.unwrap_or(6);
            // Terraform numbers are arbitrary-precision; an f64 has ~15 exact digits.
            if verb.sharp || precision > 15 || !n.is_finite() {
                return Err(unsupported());
            }
            let digits = match verb.mode {
                'f' => format!("{:.precision$}", n.abs()),
                'e' | 'E' => {
                    let e = go_exponent(&format!("{:.precision$e}", n.abs()));
                    if verb.mode == 'E' {
                        e.to_uppercase()
                    } else {
                        e
                    }
                }
                _ if verb.precision.is_none() => {
                    let g = go_shortest_g(n.abs());
                    if verb.mode == 'G' {
                        g.to_uppercase()
                    } else {
                        g
                    }
                }
                _ => return Err(unsupported()),
            };
            out.push_str(&pad_number(
                a,
                verb,
                n.is_sign_negative() && n != 0.0,
                digits,
            )?);
        }
        other => return Err(a.err(format!("unsupported format verb %{other}"))),
    }
    Ok(())
}

/// Go's `%g` with the shortest representation: exponent form when the exponent is
/// below -4 or at least 6 (e.g. `1e+06`), plain decimal otherwise.
fn go_shortest_g(n: f64) -> String {
    let sci = format!("{n:e}");
    let exponent: i32 = sci
        .rsplit_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    if n != 0.0 && !(-4..6).contains(&exponent) {
        go_exponent(&sci)
    } else {
        format!("{n}")
    }
}

/// Rust writes `1.5e3`; Go writes `1.5e+03` (a sign and at least two digits).
fn go_exponent(rust: &str) -> String {
    match rust.rsplit_once('e') {
        Some((mantissa, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            format!("{mantissa}e{sign}{digits:0>2}")
        }
        None => rust.to_string(),
    }
}

/// Pads strings and `%v` output to the width (in grapheme clusters), with zeros when
/// the `0` flag is set and on the right with `-`, as go-cty does.
fn pad_width(a: &Args, verb: &Verb, text: String) -> Result<String, Value> {
    let len = text.graphemes(true).count();
    let Some(missing) = verb
        .width
        .and_then(|w| w.checked_sub(len))
        .filter(|m| *m > 0)
    else {
        return Ok(text);
    };
    let pad = guarded_repeat(a, if verb.zero { '0' } else { ' ' }, missing)?;
    Ok(if verb.minus { text + &pad } else { pad + &text })
}

/// Go's numeric padding: the sign comes before zero padding.
fn pad_number(a: &Args, verb: &Verb, negative: bool, digits: String) -> Result<String, Value> {
    let sign = match (negative, verb.plus, verb.space) {
        (true, _, _) => "-",
        (false, true, _) => "+",
        (false, false, true) => " ",
        _ => "",
    };
    let len = sign.len() + digits.len();
    let missing = verb.width.unwrap_or(0).saturating_sub(len);
    Ok(if verb.minus {
        format!("{sign}{digits}{}", guarded_repeat(a, ' ', missing)?)
    } else if verb.zero {
        format!("{sign}{}{digits}", guarded_repeat(a, '0', missing)?)
    } else {
        format!("{}{sign}{digits}", guarded_repeat(a, ' ', missing)?)
    })
}

/// Lists are iterated together (they must have one length); other arguments repeat.
/// An iteration whose arguments are not all known gives an unknown element.
pub(super) fn formatlist(a: &Args) -> Res {
    let spec = a.str(0)?;
    let args = a.vals.get(1..).unwrap_or(&[]);
    let mut length: Option<usize> = None;
    for arg in args {
        if arg.is_unknown() {
            return Err(arg.clone());
        }
        if let Some(items) = arg.items() {
            match length {
                Some(n) if n != items.len() => {
                    return Err(a.err("all list arguments must have the same length"));
                }
                _ => length = Some(items.len()),
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..length.unwrap_or(1) {
        let row: Vec<Value> = args
            .iter()
            .map(|arg| match arg {
                Value::List(items) | Value::Set(items) => {
                    items.get(i).cloned().unwrap_or(Value::Null)
                }
                other => other.clone(),
            })
            .collect();
        match row.iter().find_map(Value::first_unknown) {
            Some(unknown) => out.push(Value::Unknown(unknown.clone())),
            None => out.push(format_values(a, &spec, &row)?),
        }
    }
    Ok(Value::list(out))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::evaluate::Value;

    #[test]
    fn format_verbs() {
        let f = |spec: &str, args: &[Value]| {
            let mut all = vec![s(spec)];
            all.extend_from_slice(args);
            all
        };
        check(vec![
            ("format", f("%s-%d", &[s("a"), n(7.0)]), Is(s("a-7"))),
            (
                "format",
                f("%5s|%-5s|%05d", &[s("ab"), s("cd"), n(-42.0)]),
                Is(s("   ab|cd   |-0042")),
            ),
            (
                "format",
                f("%.2f %f %+d", &[n(1.23456), n(1.0), n(5.0)]),
                Is(s("1.23 1.000000 +5")),
            ),
            (
                "format",
                f("%q %t %%", &[s("a\"<b"), Value::Bool(true)]),
                Is(s("\"a\\\"\\u003cb\" true %")),
            ),
            (
                "format",
                f("%v %v %v", &[n(1000000.0), n(1.5), l(&[n(1.0), s("x")])]),
                Is(s("1e+06 1.5 [1,\"x\"]")),
            ),
            (
                "format",
                f("%v %#v", &[Value::Null, s("x")]),
                Is(s("null \"x\"")),
            ),
            (
                "format",
                f("%x %X %o %b", &[n(255.0), n(255.0), n(8.0), n(5.0)]),
                Is(s("ff FF 10 101")),
            ),
            ("format", f("%e", &[n(1234.5)]), Is(s("1.234500e+03"))),
            ("format", f("%.3s", &[s("abcdef")]), Is(s("abc"))),
            ("format", f("%[2]s %[1]s", &[s("a"), s("b")]), Is(s("b a"))),
            ("format", f("%d", &[n(1.5)]), Error("integer is required")),
            ("format", f("%d", &[s("x")]), Error("not a number")),
            (
                "format",
                f("%s %s", &[s("a")]),
                Error("not enough arguments"),
            ),
            (
                "format",
                f("%s", &[s("a"), s("b")]),
                Error("too many arguments"),
            ),
            ("format", f("%s", &[Value::Null]), Error("null")),
            (
                "format",
                f("%y", &[s("a")]),
                Error("unsupported format verb"),
            ),
            ("format", f("%", &[]), Error("unterminated")),
            ("format", f("%999999999s", &[s("a")]), Unknown("too large")),
            ("format", f("%.20f", &[n(0.1)]), Unknown("not evaluated")),
            ("format", f("%s", &[l(&[unk()])]), Unknown("var.x")),
            (
                "formatlist",
                vec![s("%s=%d"), ls(&["a", "b"]), l(&[n(1.0), n(2.0)])],
                Is(ls(&["a=1", "b=2"])),
            ),
            (
                "formatlist",
                vec![s("%s-%s"), ls(&["a", "b"]), s("x")],
                Is(ls(&["a-x", "b-x"])),
            ),
            (
                "formatlist",
                vec![s("%s"), l(&[s("a"), unk()])],
                Is(l(&[s("a"), unk()])),
            ),
            (
                "formatlist",
                vec![s("%s%s"), ls(&["a"]), ls(&["a", "b"])],
                Error("same length"),
            ),
            ("formatlist", vec![s("%s"), unk()], Unknown("var.x")),
        ]);
    }
}
