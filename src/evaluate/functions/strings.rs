//! String functions: case, `title`, `join`, `split`, `replace`, `regex`, `substr` and
//! `indent` (the one-line ones, such as `trim*` and `strrev`, are inline in the registry).

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::{Args, Res, guarded_repeat, string, within_string_limit};
use crate::evaluate::Value;

/// Go's `strings.ToUpper`/`ToLower` map each character to exactly one character;
/// where Rust's full Unicode mapping differs (`ß` → `SS`), the result is unknown.
pub(super) fn change_case(a: &Args, upper: bool) -> Res {
    let s = a.str(0)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(simple_case(a, c, upper)?);
    }
    string(out)
}

fn simple_case(a: &Args, c: char, upper: bool) -> Result<char, Value> {
    if c.is_ascii() {
        return Ok(if upper {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        });
    }
    let mut mapped: Vec<char> = if upper {
        c.to_uppercase().collect()
    } else {
        c.to_lowercase().collect()
    };
    match (mapped.pop(), mapped.is_empty()) {
        (Some(single), true) => Ok(single),
        _ => Err(Value::unknown(format!(
            "{}: the case mapping of {c:?} differs between Go and Rust",
            a.name
        ))),
    }
}

/// Go's `strings.Title`: the first letter after each separator is uppercased, where a
/// separator is anything but an ASCII letter, digit or `_`, or a Unicode space.
pub(super) fn title(a: &Args) -> Res {
    let s = a.str(0)?;
    let is_separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            c.is_whitespace()
        }
    };
    let mut out = String::with_capacity(s.len());
    let mut after_separator = true;
    for c in s.chars() {
        // Title case differs from upper case for the Latin digraphs (ǅ, ǈ, ǋ, ǲ).
        if after_separator && matches!(c, '\u{1C4}'..='\u{1CC}' | '\u{1F1}'..='\u{1F3}') {
            return Err(Value::unknown("title: title case of a Latin digraph"));
        }
        out.push(if after_separator {
            simple_case(a, c, true)?
        } else {
            c
        });
        after_separator = is_separator(c);
    }
    string(out)
}

pub(super) fn join(a: &Args) -> Res {
    let sep = a.str(0)?;
    let mut parts = Vec::new();
    for i in 1..a.vals.len() {
        for item in a.list(i)? {
            if *item == Value::Null {
                return Err(a.err("cannot join a null element"));
            }
            parts.push(a.as_str(item)?);
        }
    }
    let separators = sep.len().saturating_mul(parts.len().saturating_sub(1));
    let predicted = parts.iter().map(|p| p.len()).sum::<usize>();
    within_string_limit(a, predicted.saturating_add(separators))?;
    string(parts.join(&*sep))
}

/// Go's `strings.Split`: an empty separator splits into characters.
pub(super) fn split(a: &Args) -> Res {
    let (sep, s) = (a.str(0)?, a.str(1)?);
    let parts: Vec<Value> = if sep.is_empty() {
        s.chars().map(|c| Value::string(c.to_string())).collect()
    } else {
        s.split(&*sep).map(Value::string).collect()
    };
    Ok(Value::list(parts))
}

/// A pattern wrapped in slashes is a regular expression; Go's `$1`/`${name}`
/// replacement syntax is the same as the `regex` crate's.
pub(super) fn replace(a: &Args) -> Res {
    let (s, pattern, with) = (a.str(0)?, a.str(1)?, a.str(2)?);
    match pattern.strip_prefix('/').and_then(|p| p.strip_suffix('/')) {
        Some(re) => string(compile_regex(a, re, &s)?.replace_all(&s, &*with)),
        None => {
            let matches = if pattern.is_empty() {
                s.chars().count() + 1
            } else {
                s.matches(&*pattern).count()
            };
            within_string_limit(a, s.len() + matches.saturating_mul(with.len()))?;
            string(s.replace(&*pattern, &with))
        }
    }
}

/// Compiles an RE2 pattern. Go's `\d`, `\w`, `\s` and `\b` are ASCII-only whereas the
/// `regex` crate's are Unicode-aware, so they only agree on ASCII input.
fn compile_regex(a: &Args, pattern: &str, haystack: &str) -> Result<Regex, Value> {
    let perl_class = ["\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\b", "\\B"];
    if !haystack.is_ascii() && perl_class.iter().any(|c| pattern.contains(c)) {
        return Err(Value::unknown(format!(
            "{}: Go and Rust disagree on Perl classes over non-ASCII text",
            a.name
        )));
    }
    Regex::new(pattern).map_err(|e| a.err(format!("error parsing pattern: {e}")))
}

/// `regex` returns the first match, `regexall` every match. A match is the matched
/// string without capture groups, a list of unnamed captures, or a map of named ones.
pub(super) fn regex_match(a: &Args, all: bool) -> Res {
    let (pattern, s) = (a.str(0)?, a.str(1)?);
    let re = compile_regex(a, &pattern, &s)?;
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let named = names.iter().filter(|n| n.is_some()).count();
    if named > 0 && named < names.len() {
        return Err(a.err("invalid pattern: cannot mix both named and unnamed capture groups"));
    }
    let to_value = |caps: regex::Captures<'_>| {
        let group = |i: usize| {
            caps.get(i)
                .map_or(Value::Null, |m| Value::string(m.as_str()))
        };
        if names.is_empty() {
            group(0)
        } else if named > 0 {
            Value::map(
                names
                    .iter()
                    .enumerate()
                    .filter_map(|(i, n)| Some(((*n)?.to_string(), group(i + 1))))
                    .collect(),
            )
        } else {
            Value::list((1..=names.len()).map(group).collect())
        }
    };
    if all {
        return Ok(Value::list(re.captures_iter(&s).map(to_value).collect()));
    }
    re.captures(&s)
        .map(to_value)
        .ok_or_else(|| a.err("pattern did not match any part of the given string"))
}

/// Offsets and lengths count grapheme clusters. Like Terraform, a negative offset
/// counts from the end, a negative length takes the rest, and a zero length gives ""
/// only when the offset was not negative (go-cty skips that shortcut otherwise).
pub(super) fn substr(a: &Args) -> Res {
    let (s, offset, length) = (a.str(0)?, a.int(1)?, a.int(2)?);
    let graphemes: Vec<&str> = s.graphemes(true).collect();
    let total = graphemes.len() as i64;
    let start = if offset < 0 {
        (offset + total).max(0)
    } else if length == 0 {
        return string("");
    } else {
        offset.min(total)
    };
    let rest = graphemes.get(start as usize..).unwrap_or(&[]);
    let take = if length <= 0 {
        rest.len()
    } else {
        (length as usize).min(rest.len())
    };
    string(rest.get(..take).unwrap_or(&[]).concat())
}

pub(super) fn indent(a: &Args) -> Res {
    let (spaces, s) = (a.int(0)?, a.str(1)?);
    if spaces < 0 {
        return Err(a.err("the number of spaces must not be negative"));
    }
    let pad = guarded_repeat(a, ' ', spaces as usize)?;
    string(s.replace('\n', &format!("\n{pad}")))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::evaluate::Value;

    #[test]
    fn strings() {
        check(vec![
            ("lower", vec![s("HeLLo")], Is(s("hello"))),
            ("upper", vec![s("héllo")], Is(s("HÉLLO"))),
            ("upper", vec![s("straße")], Unknown("case mapping")),
            ("upper", vec![l(&[])], Error("upper: cannot convert a list")),
            ("upper", vec![n(12.0)], Is(s("12"))),
            (
                "title",
                vec![s("hello world-foo_bar")],
                Is(s("Hello World-Foo_bar")),
            ),
            (
                "join",
                vec![s(", "), ls(&["a", "b"]), l(&[n(1.0)])],
                Is(s("a, b, 1")),
            ),
            ("join", vec![s(","), l(&[Value::Null])], Error("null")),
            ("join", vec![s(",")], Error("expects at least 2")),
            (
                "split",
                vec![s(","), s("a,b,,c")],
                Is(ls(&["a", "b", "", "c"])),
            ),
            ("split", vec![s(","), s("")], Is(ls(&[""]))),
            ("split", vec![s(""), s("ab")], Is(ls(&["a", "b"]))),
            ("replace", vec![s("a-b-c"), s("-"), s("+")], Is(s("a+b+c"))),
            (
                "replace",
                vec![s("a1b22"), s("/[0-9]+/"), s("<$0>")],
                Is(s("a<1>b<22>")),
            ),
            (
                "replace",
                vec![s("x"), s("/(/"), s("")],
                Error("error parsing pattern"),
            ),
            (
                "replace",
                vec![s("é1"), s("/\\d/"), s("")],
                Unknown("Perl classes"),
            ),
            ("regex", vec![s("[a-z]+"), s("12abc34")], Is(s("abc"))),
            (
                "regex",
                vec![s("(\\d+)-(\\d+)"), s("10-20")],
                Is(ls(&["10", "20"])),
            ),
            (
                "regex",
                vec![s("(?P<a>x)(?P<b>y)?"), s("x")],
                Is(m(&[("a", s("x")), ("b", Value::Null)])),
            ),
            ("regex", vec![s("(?P<a>x)(y)"), s("xy")], Error("mix")),
            ("regex", vec![s("z"), s("abc")], Error("did not match")),
            ("regexall", vec![s("[0-9]"), s("a1b2")], Is(ls(&["1", "2"]))),
            ("regexall", vec![s("z"), s("abc")], Is(l(&[]))),
            ("substr", vec![s("hello"), n(1.0), n(3.0)], Is(s("ell"))),
            ("substr", vec![s("hello"), n(-3.0), n(-1.0)], Is(s("llo"))),
            ("substr", vec![s("hello"), n(-3.0), n(2.0)], Is(s("ll"))),
            ("substr", vec![s("hello"), n(-9.0), n(2.0)], Is(s("he"))),
            ("substr", vec![s("hello"), n(-2.0), n(0.0)], Is(s("lo"))),
            ("substr", vec![s("hello"), n(1.0), n(0.0)], Is(s(""))),
            ("substr", vec![s("hello"), n(9.0), n(2.0)], Is(s(""))),
            (
                "substr",
                vec![s("🤔e\u{301}x"), n(1.0), n(1.0)],
                Is(s("e\u{301}")),
            ),
            (
                "substr",
                vec![s("hello"), n(1.5), n(1.0)],
                Error("not an integer"),
            ),
            ("trim", vec![s("?!hi?!"), s("!?")], Is(s("hi"))),
            ("trimspace", vec![s(" \n hi \t")], Is(s("hi"))),
            (
                "trimprefix",
                vec![s("helloworld"), s("hello")],
                Is(s("world")),
            ),
            ("trimprefix", vec![s("hello"), s("x")], Is(s("hello"))),
            (
                "trimsuffix",
                vec![s("helloworld"), s("world")],
                Is(s("hello")),
            ),
            ("chomp", vec![s("hi\r\n\n")], Is(s("hi"))),
            ("indent", vec![n(2.0), s("a\nb\n")], Is(s("a\n  b\n  "))),
            ("indent", vec![n(-1.0), s("a")], Error("negative")),
            ("indent", vec![n(1e9), s("a\nb")], Unknown("too large")),
            (
                "startswith",
                vec![s("hello"), s("he")],
                Is(Value::Bool(true)),
            ),
            (
                "endswith",
                vec![s("hello"), s("he")],
                Is(Value::Bool(false)),
            ),
            (
                "strcontains",
                vec![s("hello"), s("ll")],
                Is(Value::Bool(true)),
            ),
            ("strrev", vec![s("ae\u{301}b")], Is(s("be\u{301}a"))),
            ("length", vec![s("e\u{301}a")], Is(n(2.0))),
        ]);
    }
}
