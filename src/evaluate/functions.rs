//! Terraform's built-in functions over [`Value`]s.
//!
//! Each function follows Terraform's own implementation (go-cty's stdlib and
//! Terraform's `internal/lang/funcs`), including its quirks. Where souverain cannot
//! reproduce Terraform exactly (Go's special casing, arbitrary-precision numbers,
//! hash-ordered sets of structured values), the result is unknown rather than a guess.
//! Errors are reserved for inputs Terraform itself rejects.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::iter::Peekable;
use std::str::Chars;
use std::sync::Arc;

use base64::Engine as _;
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use super::Value;
use super::value::MAX_STRING_LEN;

/// Calls a built-in function. `try` and `can` are evaluated by the evaluator, not here.
pub fn call(name: &str, args: Vec<Value>) -> Value {
    if name.contains("::") {
        return Value::unknown(format!(
            "provider-defined function {name}() is not evaluated by souverain"
        ));
    }
    if let Some((_, depends_on)) = IMPURE.iter().find(|(names, _)| names.contains(&name)) {
        return Value::unknown(format!("{name}() depends on {depends_on}, not evaluated"));
    }
    let Some(builtin) = BUILTINS.iter().find(|b| b.name == name) else {
        return Value::unknown(format!("function {name}() is not evaluated by souverain"));
    };
    if args.len() < builtin.min || args.len() > builtin.max {
        let expected = match (builtin.min, builtin.max) {
            (min, ANY) => format!("at least {min}"),
            (min, max) if min == max => format!("{min}"),
            (min, max) => format!("{min} to {max}"),
        };
        return Value::error(format!(
            "{name}: expects {expected} argument(s), got {}",
            args.len()
        ));
    }
    if builtin.deep
        && let Some(unknown) = args.iter().find_map(Value::first_unknown)
    {
        return Value::Unknown(unknown.clone());
    }
    let args = Args { name, vals: &args };
    match (builtin.f)(&args) {
        Ok(v) | Err(v) => v,
    }
}

/// Functions whose result depends on something outside the configuration.
const IMPURE: &[(&[&str], &str)] = &[
    (
        &[
            "file",
            "fileexists",
            "fileset",
            "filebase64",
            "filemd5",
            "filesha1",
            "filesha256",
            "filesha512",
            "filebase64sha256",
            "filebase64sha512",
            "templatefile",
            "abspath",
            "pathexpand",
        ],
        "the filesystem",
    ),
    (&["timestamp", "plantimestamp"], "the clock"),
    (&["uuid", "bcrypt"], "randomness"),
    (&["try", "can"], "the evaluator (it is handled there)"),
];

/// `Err` carries the value to return as is: an unknown argument or an error.
type Res = Result<Value, Value>;
type Impl = fn(&Args<'_>) -> Res;
const ANY: usize = usize::MAX;

struct Builtin {
    name: &'static str,
    min: usize,
    max: usize,
    /// The result needs every argument wholly known; otherwise the function itself
    /// decides which unknowns matter (e.g. `length` ignores unknown elements).
    deep: bool,
    f: Impl,
}

const fn deep(name: &'static str, min: usize, max: usize, f: Impl) -> Builtin {
    Builtin {
        name,
        min,
        max,
        deep: true,
        f,
    }
}

const fn shallow(name: &'static str, min: usize, max: usize, f: Impl) -> Builtin {
    Builtin {
        name,
        min,
        max,
        deep: false,
        f,
    }
}

static BUILTINS: &[Builtin] = &[
    // Strings.
    deep("lower", 1, 1, |a| change_case(a, false)),
    deep("upper", 1, 1, |a| change_case(a, true)),
    deep("title", 1, 1, title),
    deep("format", 1, ANY, |a| {
        format_values(a, &a.str(0)?, a.vals.get(1..).unwrap_or(&[]))
    }),
    shallow("formatlist", 1, ANY, formatlist),
    deep("join", 2, ANY, join),
    deep("split", 2, 2, split),
    deep("replace", 3, 3, replace),
    deep("regex", 2, 2, |a| regex_match(a, false)),
    deep("regexall", 2, 2, |a| regex_match(a, true)),
    deep("substr", 3, 3, substr),
    deep("trim", 2, 2, |a| {
        let cutset = a.str(1)?;
        string(a.str(0)?.trim_matches(|c| cutset.contains(c)))
    }),
    deep("trimspace", 1, 1, |a| string(a.str(0)?.trim())),
    deep("trimprefix", 2, 2, |a| {
        let s = a.str(0)?;
        string(s.strip_prefix(&*a.str(1)?).unwrap_or(&s))
    }),
    deep("trimsuffix", 2, 2, |a| {
        let s = a.str(0)?;
        string(s.strip_suffix(&*a.str(1)?).unwrap_or(&s))
    }),
    deep("chomp", 1, 1, |a| {
        string(a.str(0)?.trim_end_matches(['\r', '\n']))
    }),
    deep("indent", 2, 2, indent),
    deep("startswith", 2, 2, |a| {
        Ok(Value::Bool(a.str(0)?.starts_with(&*a.str(1)?)))
    }),
    deep("endswith", 2, 2, |a| {
        Ok(Value::Bool(a.str(0)?.ends_with(&*a.str(1)?)))
    }),
    deep("strcontains", 2, 2, |a| {
        Ok(Value::Bool(a.str(0)?.contains(&*a.str(1)?)))
    }),
    deep("strrev", 1, 1, |a| {
        string(a.str(0)?.graphemes(true).rev().collect::<String>())
    }),
    // Collections.
    shallow("length", 1, 1, length),
    shallow("concat", 1, ANY, concat),
    shallow("merge", 0, ANY, merge),
    shallow("lookup", 2, 3, lookup),
    shallow("coalesce", 1, ANY, coalesce),
    shallow("coalescelist", 1, ANY, coalescelist),
    deep("compact", 1, 1, compact),
    deep("distinct", 1, 1, |a| {
        Ok(Value::list(dedupe(a.list(0)?.to_vec())))
    }),
    shallow("element", 2, 2, element),
    shallow("flatten", 1, 1, |a| {
        let mut out = Vec::new();
        flatten_into(a.list(0)?, &mut out)?;
        Ok(Value::list(out))
    }),
    deep("index", 2, 2, |a| {
        let (list, item) = (a.list(0)?, a.arg(1)?);
        match list.iter().position(|v| v == item) {
            Some(i) => Ok(Value::Number(i as f64)),
            None => Err(a.err("item not found")),
        }
    }),
    shallow("keys", 1, 1, |a| {
        Ok(Value::list(
            a.map(0)?
                .keys()
                .map(|k| Value::string(k.as_str()))
                .collect(),
        ))
    }),
    shallow("values", 1, 1, |a| {
        Ok(Value::list(a.map(0)?.values().cloned().collect()))
    }),
    deep("contains", 2, 2, |a| {
        Ok(Value::Bool(a.list(0)?.contains(a.arg(1)?)))
    }),
    shallow("slice", 3, 3, slice),
    deep("sort", 1, 1, sort),
    shallow("reverse", 1, 1, |a| {
        Ok(Value::list(a.list(0)?.iter().rev().cloned().collect()))
    }),
    deep("range", 1, 3, range),
    shallow("zipmap", 2, 2, zipmap),
    shallow("one", 1, 1, |a| match a.list(0)? {
        [] => Ok(Value::Null),
        [only] => Ok(only.clone()),
        _ => Err(a.err("must be a list, set, or tuple value with either zero or one elements")),
    }),
    shallow("alltrue", 1, 1, alltrue),
    shallow("anytrue", 1, 1, anytrue),
    shallow("chunklist", 2, 2, chunklist),
    deep("transpose", 1, 1, transpose),
    deep("matchkeys", 3, 3, matchkeys),
    // Sets.
    deep("setunion", 1, ANY, |a| {
        Ok(Value::list(make_set(unified_lists(a)?.concat())))
    }),
    deep("setintersection", 1, ANY, |a| set_filter(a, true)),
    deep("setsubtract", 2, 2, |a| set_filter(a, false)),
    deep("setproduct", 2, ANY, setproduct),
    // Type conversions.
    deep("tolist", 1, 1, |a| {
        convert_or_null(a, |a| Ok(Value::list(a.unified_list(0)?)))
    }),
    deep("toset", 1, 1, |a| {
        convert_or_null(a, |a| Ok(Value::list(make_set(a.unified_list(0)?))))
    }),
    deep("tomap", 1, 1, |a| {
        convert_or_null(a, |a| {
            let map = a.map(0)?;
            let values = unify(a, map.values().cloned().collect())?;
            Ok(Value::map(map.keys().cloned().zip(values).collect()))
        })
    }),
    deep("tostring", 1, 1, |a| {
        convert_or_null(a, |a| Ok(Value::String(a.str(0)?)))
    }),
    deep("tonumber", 1, 1, |a| {
        convert_or_null(a, |a| Ok(Value::Number(a.num(0)?)))
    }),
    deep("tobool", 1, 1, |a| {
        convert_or_null(a, |a| Ok(Value::Bool(a.bool(0)?)))
    }),
    shallow("list", 0, ANY, |a| Err(a.err(REMOVED_IN_0_15))),
    shallow("map", 0, ANY, |a| Err(a.err(REMOVED_IN_0_15))),
    // Numbers.
    deep("abs", 1, 1, |a| Ok(Value::Number(a.num(0)?.abs()))),
    deep("ceil", 1, 1, |a| Ok(Value::Number(a.num(0)?.ceil()))),
    deep("floor", 1, 1, |a| Ok(Value::Number(a.num(0)?.floor()))),
    deep("pow", 2, 2, |a| {
        Ok(Value::Number(a.num(0)?.powf(a.num(1)?)))
    }),
    deep("log", 2, 2, |a| {
        Ok(Value::Number(a.num(0)?.ln() / a.num(1)?.ln()))
    }),
    deep("signum", 1, 1, |a| {
        let n = a.num(0)?;
        Ok(Value::Number(if n == 0.0 { 0.0 } else { n.signum() }))
    }),
    deep("min", 1, ANY, |a| fold_numbers(a, f64::min)),
    deep("max", 1, ANY, |a| fold_numbers(a, f64::max)),
    deep("sum", 1, 1, |a| {
        let list = a.list(0)?;
        if list.is_empty() {
            return Err(a.err("cannot sum an empty list"));
        }
        list.iter()
            .try_fold(0.0, |acc, v| Ok(acc + a.as_num(v)?))
            .map(Value::Number)
    }),
    deep("parseint", 2, 2, parseint),
    // Encodings.
    deep("jsonencode", 1, 1, |a| {
        let mut out = String::new();
        write_json(a.arg(0)?, &mut out).map_err(|e| a.err(e))?;
        string(out)
    }),
    deep("jsondecode", 1, 1, |a| {
        let json: serde_json::Value = serde_json::from_str(&a.str(0)?).map_err(|e| a.err(e))?;
        Ok(Value::from_json(&json))
    }),
    deep("base64encode", 1, 1, |a| {
        string(base64::engine::general_purpose::STANDARD.encode(a.str(0)?.as_bytes()))
    }),
    deep("base64decode", 1, 1, |a| {
        // Go's decoder skips line breaks.
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(a.str(0)?.replace(['\r', '\n'], ""))
            .map_err(|e| a.err(format!("failed to decode base64 data: {e}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| a.err("the result of decoding the provided string is not valid UTF-8"))?;
        string(text)
    }),
    deep("urlencode", 1, 1, |a| string(urlencode(&a.str(0)?))),
];

const REMOVED_IN_0_15: &str =
    "this function was removed in Terraform v0.15; use tolist([...]) or tomap({...}) syntax";

/// The arguments of one call, with typed extractors that propagate unknown arguments
/// as they are and turn conversion failures into errors naming the function.
struct Args<'a> {
    name: &'a str,
    vals: &'a [Value],
}

impl<'a> Args<'a> {
    fn err(&self, msg: impl fmt::Display) -> Value {
        Value::error(format!("{}: {msg}", self.name))
    }

    fn arg(&self, i: usize) -> Result<&'a Value, Value> {
        self.vals
            .get(i)
            .ok_or_else(|| self.err(format!("missing argument {}", i + 1)))
    }

    /// Applies one of [`Value`]'s conversions, keeping an unknown input as it is.
    fn conv<T>(&self, v: &Value, f: impl FnOnce(&Value) -> Result<T, Value>) -> Result<T, Value> {
        if v.is_unknown() {
            return Err(v.clone());
        }
        f(v).map_err(|e| match e {
            Value::Unknown(u) => self.err(u.reason),
            other => other,
        })
    }

    fn as_str(&self, v: &Value) -> Result<Arc<str>, Value> {
        self.conv(v, Value::to_string_value)
    }

    fn as_num(&self, v: &Value) -> Result<f64, Value> {
        self.conv(v, Value::to_number)
    }

    fn as_int(&self, v: &Value) -> Result<i64, Value> {
        let n = self.as_num(v)?;
        // Beyond 2^53 an f64 no longer tells which integer Terraform had.
        if n.fract() != 0.0 || n.abs() > 9_007_199_254_740_992.0 {
            return Err(self.err(format!(
                "{} is not an integer",
                super::value::format_number(n)
            )));
        }
        Ok(n as i64)
    }

    fn as_list(&self, v: &'a Value) -> Result<&'a [Value], Value> {
        match v {
            Value::List(items) => Ok(items),
            Value::Unknown(_) => Err(v.clone()),
            other => Err(self.err(format!("expected a list, got a {}", other.type_name()))),
        }
    }

    fn as_map(&self, v: &'a Value) -> Result<&'a BTreeMap<String, Value>, Value> {
        match v {
            Value::Map(entries) => Ok(entries),
            Value::Unknown(_) => Err(v.clone()),
            other => Err(self.err(format!("expected a map, got a {}", other.type_name()))),
        }
    }

    fn str(&self, i: usize) -> Result<Arc<str>, Value> {
        self.as_str(self.arg(i)?)
    }

    fn num(&self, i: usize) -> Result<f64, Value> {
        self.as_num(self.arg(i)?)
    }

    fn int(&self, i: usize) -> Result<i64, Value> {
        self.as_int(self.arg(i)?)
    }

    fn bool(&self, i: usize) -> Result<bool, Value> {
        self.conv(self.arg(i)?, Value::to_bool)
    }

    fn list(&self, i: usize) -> Result<&'a [Value], Value> {
        self.as_list(self.arg(i)?)
    }

    fn map(&self, i: usize) -> Result<&'a BTreeMap<String, Value>, Value> {
        self.as_map(self.arg(i)?)
    }

    /// A list argument with its elements converted to one type, as Terraform does when
    /// a function takes a list or set of a single element type.
    fn unified_list(&self, i: usize) -> Result<Vec<Value>, Value> {
        unify(self, self.list(i)?.to_vec())
    }
}

fn string(s: impl Into<Arc<str>>) -> Res {
    Ok(Value::string(s))
}

/// Refuses to build a string longer than [`MAX_STRING_LEN`], from its predicted length.
fn within_string_limit(a: &Args, predicted: usize) -> Result<(), Value> {
    if predicted > MAX_STRING_LEN {
        return Err(Value::over_limit(format!(
            "{}: the result would exceed the string size limit ({MAX_STRING_LEN} bytes)",
            a.name
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------
// Strings

/// Go's `strings.ToUpper`/`ToLower` map each character to exactly one character;
/// where Rust's full Unicode mapping differs (`ß` → `SS`), the result is unknown.
fn change_case(a: &Args, upper: bool) -> Res {
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
fn title(a: &Args) -> Res {
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

fn join(a: &Args) -> Res {
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
fn split(a: &Args) -> Res {
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
fn replace(a: &Args) -> Res {
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
fn regex_match(a: &Args, all: bool) -> Res {
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
fn substr(a: &Args) -> Res {
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

fn indent(a: &Args) -> Res {
    let (spaces, s) = (a.int(0)?, a.str(1)?);
    if spaces < 0 {
        return Err(a.err("the number of spaces must not be negative"));
    }
    let pad = guarded_repeat(a, ' ', spaces as usize)?;
    string(s.replace('\n', &format!("\n{pad}")))
}

/// Builds padding, refusing sizes no real configuration uses (Terraform accepts them,
/// so this is unknown, not an error).
fn guarded_repeat(a: &Args, c: char, n: usize) -> Result<String, Value> {
    const MAX_PADDING: usize = 100_000;
    if n > MAX_PADDING {
        return Err(Value::unknown(format!(
            "{}: padding of {n} characters is too large to evaluate",
            a.name
        )));
    }
    Ok(std::iter::repeat_n(c, n).collect())
}

// ---------------------------------------------------------------------------------
// format and formatlist

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
fn format_values(a: &Args, spec: &str, vals: &[Value]) -> Res {
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
fn formatlist(a: &Args) -> Res {
    let spec = a.str(0)?;
    let args = a.vals.get(1..).unwrap_or(&[]);
    let mut length: Option<usize> = None;
    for arg in args {
        if arg.is_unknown() {
            return Err(arg.clone());
        }
        if let Value::List(items) = arg {
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
                Value::List(items) => items.get(i).cloned().unwrap_or(Value::Null),
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

// ---------------------------------------------------------------------------------
// Collections

fn length(a: &Args) -> Res {
    let n = match a.arg(0)? {
        Value::String(s) => s.graphemes(true).count(),
        Value::List(items) => items.len(),
        Value::Map(entries) => entries.len(),
        v @ Value::Unknown(_) => return Err(v.clone()),
        other => return Err(a.err(format!("cannot take the length of a {}", other.type_name()))),
    };
    Ok(Value::Number(n as f64))
}

fn concat(a: &Args) -> Res {
    let mut out = Vec::new();
    for i in 0..a.vals.len() {
        out.extend_from_slice(a.list(i)?);
    }
    Ok(Value::list(out))
}

/// Later arguments win; null arguments are skipped.
fn merge(a: &Args) -> Res {
    let mut out = BTreeMap::new();
    for v in a.vals {
        if *v != Value::Null {
            out.extend(a.as_map(v)?.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }
    Ok(Value::map(out))
}

fn lookup(a: &Args) -> Res {
    let (map, key) = (a.map(0)?, a.str(1)?);
    match (map.get(&*key), a.vals.get(2)) {
        (Some(v), _) => Ok(v.clone()),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(a.err(format!("the given object has no attribute {key:?}"))),
    }
}

/// The first argument that is neither null nor an empty string. Terraform unifies the
/// arguments' types first, so a number chosen among strings becomes a string.
fn coalesce(a: &Args) -> Res {
    let mut chosen = None;
    for (i, v) in a.vals.iter().enumerate() {
        match v {
            Value::Unknown(_) => return Err(v.clone()),
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            _ => {
                chosen = Some(i);
                break;
            }
        }
    }
    let Some(i) = chosen else {
        return Err(a.err("no non-null, non-empty-string arguments"));
    };
    if let Some(v @ Value::String(_)) = a.vals.get(i) {
        return Ok(v.clone());
    }
    if let Some(unknown) = a.vals.iter().find(|v| v.is_unknown()) {
        return Err(unknown.clone());
    }
    let mut unified = unify(a, a.vals.to_vec())?;
    Ok(unified.swap_remove(i))
}

fn coalescelist(a: &Args) -> Res {
    for v in a.vals {
        if *v != Value::Null && !a.as_list(v)?.is_empty() {
            return Ok(v.clone());
        }
    }
    Err(a.err("no non-null arguments"))
}

fn compact(a: &Args) -> Res {
    let mut out = Vec::new();
    for v in a.list(0)? {
        if *v != Value::Null {
            let s = a.as_str(v)?;
            if !s.is_empty() {
                out.push(Value::String(s));
            }
        }
    }
    Ok(Value::list(out))
}

/// Index wraps around the list; a negative index is an error.
fn element(a: &Args) -> Res {
    let (list, index) = (a.list(0)?, a.int(1)?);
    if index < 0 {
        return Err(a.err("cannot use element function with a negative index"));
    }
    if list.is_empty() {
        return Err(a.err("cannot use element function with an empty list"));
    }
    let i = index as usize % list.len();
    list.get(i)
        .cloned()
        .ok_or_else(|| a.err("index out of range"))
}

/// Unknown elements stop flattening: they might be lists themselves.
fn flatten_into(items: &[Value], out: &mut Vec<Value>) -> Result<(), Value> {
    for item in items {
        match item {
            Value::List(inner) => flatten_into(inner, out)?,
            Value::Unknown(_) => return Err(item.clone()),
            other => out.push(other.clone()),
        }
    }
    Ok(())
}

fn slice(a: &Args) -> Res {
    let (list, start, end) = (a.list(0)?, a.int(1)?, a.int(2)?);
    let len = list.len() as i64;
    let problem = if start < 0 {
        Some("start index must not be less than zero")
    } else if start > len {
        Some("start index must not be greater than the length of the list")
    } else if end < 0 {
        Some("end index must not be less than zero")
    } else if end > len {
        Some("end index must not be greater than the length of the list")
    } else if start > end {
        Some("start index must not be greater than end index")
    } else {
        None
    };
    if let Some(problem) = problem {
        return Err(a.err(problem));
    }
    let items = list.get(start as usize..end as usize).unwrap_or(&[]);
    Ok(Value::list(items.to_vec()))
}

/// Sorts lexically, after converting every element to a string.
fn sort(a: &Args) -> Res {
    let mut strings = Vec::new();
    for v in a.list(0)? {
        if *v == Value::Null {
            return Err(a.err("a null string cannot be sorted"));
        }
        strings.push(a.as_str(v)?);
    }
    strings.sort();
    Ok(Value::list(
        strings.into_iter().map(Value::String).collect(),
    ))
}

/// Terraform refuses to generate more than 1024 values.
fn range(a: &Args) -> Res {
    let nums = (0..a.vals.len())
        .map(|i| a.num(i))
        .collect::<Result<Vec<_>, _>>()?;
    let (start, end, step) = match nums[..] {
        [end] => (0.0, end, if end < 0.0 { -1.0 } else { 1.0 }),
        [start, end] => (start, end, if end < start { -1.0 } else { 1.0 }),
        [start, end, step] => (start, end, step),
        _ => return Err(a.err("must have one, two, or three arguments")),
    };
    if step == 0.0 {
        return Err(a.err("step must not be zero"));
    }
    if step < 0.0 && end > start {
        return Err(a.err("end must be less than start when step is negative"));
    }
    if step > 0.0 && end < start {
        return Err(a.err("end must be greater than start when step is positive"));
    }
    let mut out = Vec::new();
    loop {
        // Multiplying rather than accumulating keeps fractional steps from drifting.
        let n = start + step * out.len() as f64;
        if (step > 0.0 && n >= end) || (step < 0.0 && n <= end) {
            break;
        }
        if out.len() >= 1024 {
            return Err(a.err("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step"));
        }
        out.push(Value::Number(n));
    }
    Ok(Value::list(out))
}

/// Keys must be known strings; values are taken as they are. Later duplicates win.
fn zipmap(a: &Args) -> Res {
    let (keys, values) = (a.list(0)?, a.list(1)?);
    if keys.len() != values.len() {
        return Err(a.err(format!(
            "number of keys ({}) does not match number of values ({})",
            keys.len(),
            values.len()
        )));
    }
    let mut out = BTreeMap::new();
    for (k, v) in keys.iter().zip(values) {
        if *k == Value::Null {
            return Err(a.err("keys list has a null value"));
        }
        out.insert(a.as_str(k)?.to_string(), v.clone());
    }
    Ok(Value::map(out))
}

/// Like Terraform: a null element makes the result false, an unknown one unknown.
fn alltrue(a: &Args) -> Res {
    for v in a.list(0)? {
        if *v == Value::Null || !a.conv(v, Value::to_bool)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// A known `true` anywhere wins over unknown elements; nulls are skipped.
fn anytrue(a: &Args) -> Res {
    let mut unknown = None;
    for v in a.list(0)? {
        match v {
            Value::Null => {}
            Value::Unknown(_) => unknown = unknown.or(Some(v)),
            v if a.conv(v, Value::to_bool)? => return Ok(Value::Bool(true)),
            _ => {}
        }
    }
    match unknown {
        Some(u) => Err(u.clone()),
        None => Ok(Value::Bool(false)),
    }
}

/// A size of 0 gives the whole list as the only chunk, as go-cty does.
fn chunklist(a: &Args) -> Res {
    let (list, size) = (a.list(0)?, a.int(1)?);
    if size < 0 {
        return Err(a.err("the size argument must be positive"));
    }
    if list.is_empty() {
        return Ok(Value::list(Vec::new()));
    }
    let size = if size == 0 { list.len() } else { size as usize };
    Ok(Value::list(
        list.chunks(size).map(|c| Value::list(c.to_vec())).collect(),
    ))
}

fn transpose(a: &Args) -> Res {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (key, list) in a.map(0)? {
        for v in a.as_list(list)? {
            if *v == Value::Null {
                return Err(a.err("input list must not contain null string"));
            }
            out.entry(a.as_str(v)?.to_string())
                .or_default()
                .push(Value::string(key.as_str()));
        }
    }
    Ok(Value::map(
        out.into_iter().map(|(k, v)| (k, Value::list(v))).collect(),
    ))
}

fn matchkeys(a: &Args) -> Res {
    let (values, keys, search) = (a.list(0)?, a.list(1)?, a.list(2)?);
    if values.len() != keys.len() {
        return Err(a.err("length of keys and values should be equal"));
    }
    Ok(Value::list(
        values
            .iter()
            .zip(keys)
            .filter(|(_, k)| search.contains(k))
            .map(|(v, _)| v.clone())
            .collect(),
    ))
}

// ---------------------------------------------------------------------------------
// Sets and type conversions

/// Converts a sequence's elements to one type as Terraform does for lists, sets and
/// maps: mixed primitives become strings; primitives mixed with collections are an
/// error. Nulls keep their place.
fn unify(a: &Args, items: Vec<Value>) -> Result<Vec<Value>, Value> {
    let kinds: BTreeSet<&str> = items
        .iter()
        .filter(|v| **v != Value::Null)
        .map(Value::type_name)
        .collect();
    if kinds.len() <= 1 {
        return Ok(items);
    }
    if !kinds
        .iter()
        .all(|k| matches!(*k, "string" | "number" | "bool"))
    {
        return Err(a.err("all elements must have the same type"));
    }
    items
        .into_iter()
        .map(|v| match v {
            Value::Null => Ok(Value::Null),
            v => a.as_str(&v).map(Value::String),
        })
        .collect()
}

/// Every argument as a list, with the elements of all of them converted to one type.
fn unified_lists(a: &Args) -> Result<Vec<Vec<Value>>, Value> {
    let lists = (0..a.vals.len())
        .map(|i| a.list(i))
        .collect::<Result<Vec<_>, _>>()?;
    let mut unified = unify(a, lists.concat())?.into_iter();
    Ok(lists
        .iter()
        .map(|l| unified.by_ref().take(l.len()).collect())
        .collect())
}

fn dedupe(items: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for v in items {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// A set as Terraform iterates it: strings lexically, numbers by value, false before
/// true, nulls last; other element types keep first-seen order (Terraform's own order
/// for them is a hash order that no configuration should rely on).
fn make_set(items: Vec<Value>) -> Vec<Value> {
    let mut set = dedupe(items);
    // Ranking kinds first keeps the comparison a total order even for mixed input.
    let rank = |v: &Value| match v {
        Value::Bool(_) => 0,
        Value::Number(_) => 1,
        Value::String(_) => 2,
        Value::List(_) => 3,
        Value::Map(_) => 4,
        Value::Unknown(_) => 5,
        Value::Null => 6,
    };
    set.sort_by(|x, y| {
        rank(x).cmp(&rank(y)).then_with(|| match (x, y) {
            (Value::String(a), Value::String(b)) => a.cmp(b),
            (Value::Number(a), Value::Number(b)) => a.total_cmp(b),
            (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        })
    });
    set
}

/// `setintersection` keeps elements present in every other argument, `setsubtract`
/// those absent from the second.
fn set_filter(a: &Args, keep_common: bool) -> Res {
    let mut lists = unified_lists(a)?.into_iter();
    let first = lists.next().unwrap_or_default();
    let others: Vec<Vec<Value>> = lists.collect();
    let kept = first
        .into_iter()
        .filter(|v| others.iter().all(|o| o.contains(v) == keep_common))
        .collect();
    Ok(Value::list(make_set(kept)))
}

/// Refuses products no real configuration builds (Terraform accepts them).
fn setproduct(a: &Args) -> Res {
    const MAX_PRODUCT: usize = 1_000_000;
    let lists = (0..a.vals.len())
        .map(|i| a.list(i))
        .collect::<Result<Vec<_>, _>>()?;
    let size = lists
        .iter()
        .try_fold(1usize, |acc, l| acc.checked_mul(l.len()))
        .filter(|n| *n <= MAX_PRODUCT);
    if size.is_none() {
        return Err(Value::unknown(
            "setproduct: the product is too large to evaluate",
        ));
    }
    let mut rows: Vec<Vec<Value>> = vec![Vec::new()];
    for list in lists {
        rows = rows
            .into_iter()
            .flat_map(|row| {
                list.iter().map(move |v| {
                    let mut row = row.clone();
                    row.push(v.clone());
                    row
                })
            })
            .collect();
    }
    Ok(Value::list(rows.into_iter().map(Value::list).collect()))
}

/// Terraform's conversion functions turn null into null of the target type.
fn convert_or_null(a: &Args, convert: Impl) -> Res {
    match a.arg(0)? {
        Value::Null => Ok(Value::Null),
        _ => convert(a),
    }
}

// ---------------------------------------------------------------------------------
// Numbers

fn fold_numbers(a: &Args, pick: fn(f64, f64) -> f64) -> Res {
    let nums = (0..a.vals.len())
        .map(|i| a.num(i))
        .collect::<Result<Vec<_>, _>>()?;
    nums.into_iter()
        .reduce(pick)
        .map(Value::Number)
        .ok_or_else(|| a.err("must pass at least one number"))
}

/// Digits beyond 9 are `a`–`z`, then `A`–`Z` above base 36 (Go's `big.Int` rules).
fn parseint(a: &Args) -> Res {
    let (s, base) = (a.str(0)?, a.int(1)?);
    if !(2..=62).contains(&base) {
        return Err(a.err("base must be a whole number between 2 and 62 inclusive"));
    }
    let invalid = || a.err(format!("cannot parse {s:?} as a base {base} integer"));
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    if digits.is_empty() {
        return Err(invalid());
    }
    let mut n: u128 = 0;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'a'..='z' => c as i64 - 'a' as i64 + 10,
            'A'..='Z' if base <= 36 => c as i64 - 'A' as i64 + 10,
            'A'..='Z' => c as i64 - 'A' as i64 + 36,
            _ => return Err(invalid()),
        };
        if d >= base {
            return Err(invalid());
        }
        n = n
            .checked_mul(base as u128)
            .and_then(|n| n.checked_add(d as u128))
            .ok_or_else(|| Value::unknown("parseint: the number is too large to evaluate"))?;
    }
    let n = n as f64;
    Ok(Value::Number(if negative { -n } else { n }))
}

// ---------------------------------------------------------------------------------
// Encodings

/// Terraform's JSON: compact, object keys sorted, and Go's HTML-safe escaping of
/// `<`, `>`, `&`, U+2028 and U+2029.
fn write_json(v: &Value, out: &mut String) -> Result<(), String> {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if n.is_finite() => {
            let _ = write!(out, "{n}");
        }
        Value::Number(n) => return Err(format!("{n} cannot be represented in JSON")),
        Value::String(s) => write_json_string(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out)?;
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(k, out);
                out.push(':');
                write_json(item, out)?;
            }
            out.push('}');
        }
        Value::Unknown(u) => return Err(u.reason.to_string()),
    }
    Ok(())
}

fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's `url.QueryEscape`: spaces become `+`, unreserved bytes stay.
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::string(v)
    }
    fn n(v: f64) -> Value {
        Value::Number(v)
    }
    fn l(items: &[Value]) -> Value {
        Value::list(items.to_vec())
    }
    fn ls(items: &[&str]) -> Value {
        Value::list(items.iter().map(|i| s(i)).collect())
    }
    fn m(entries: &[(&str, Value)]) -> Value {
        Value::map(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }
    fn unk() -> Value {
        Value::unknown("var.x is set at apply")
    }

    enum Want {
        Is(Value),
        /// An error value whose reason contains this text.
        Error(&'static str),
        /// A non-error unknown whose reason contains this text.
        Unknown(&'static str),
    }
    use Want::*;

    fn check(cases: Vec<(&str, Vec<Value>, Want)>) {
        for (name, args, want) in cases {
            let shown = format!("{name}({args:?})");
            let got = call(name, args);
            match (want, &got) {
                (Is(v), _) => assert_eq!(got, v, "{shown}"),
                (Error(text), Value::Unknown(u)) => {
                    assert!(u.error && u.reason.contains(text), "{shown}: {u:?}");
                }
                (Unknown(text), Value::Unknown(u)) => {
                    assert!(!u.error && u.reason.contains(text), "{shown}: {u:?}");
                }
                (_, _) => panic!("{shown}: expected unknown or error, got {got:?}"),
            }
        }
    }

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

    #[test]
    fn collections() {
        let abc = ls(&["a", "b", "c"]);
        check(vec![
            ("length", vec![abc.clone()], Is(n(3.0))),
            ("length", vec![l(&[unk(), unk()])], Is(n(2.0))),
            ("length", vec![m(&[("a", unk())])], Is(n(1.0))),
            ("length", vec![Value::Null], Error("null")),
            ("length", vec![unk()], Unknown("var.x")),
            (
                "concat",
                vec![ls(&["a"]), l(&[unk()])],
                Is(l(&[s("a"), unk()])),
            ),
            ("concat", vec![ls(&["a"]), s("b")], Error("expected a list")),
            (
                "merge",
                vec![
                    m(&[("a", n(1.0)), ("b", n(1.0))]),
                    Value::Null,
                    m(&[("b", n(2.0))]),
                ],
                Is(m(&[("a", n(1.0)), ("b", n(2.0))])),
            ),
            ("merge", vec![], Is(m(&[]))),
            ("merge", vec![ls(&["a"])], Error("expected a map")),
            ("lookup", vec![m(&[("a", n(1.0))]), s("a")], Is(n(1.0))),
            (
                "lookup",
                vec![m(&[("a", n(1.0))]), s("b"), n(9.0)],
                Is(n(9.0)),
            ),
            (
                "lookup",
                vec![m(&[("a", n(1.0))]), s("b")],
                Error("no attribute \"b\""),
            ),
            (
                "lookup",
                vec![m(&[("a", n(1.0)), ("b", unk())]), s("a")],
                Is(n(1.0)),
            ),
            ("lookup", vec![m(&[])], Error("expects 2 to 3")),
            (
                "coalesce",
                vec![Value::Null, s(""), s("x"), unk()],
                Is(s("x")),
            ),
            ("coalesce", vec![Value::Null, n(1.0), s("a")], Is(s("1"))),
            (
                "coalesce",
                vec![Value::Null, n(1.0), unk()],
                Unknown("var.x"),
            ),
            ("coalesce", vec![unk(), s("x")], Unknown("var.x")),
            ("coalesce", vec![Value::Null, s("")], Error("no non-null")),
            (
                "coalescelist",
                vec![l(&[]), ls(&["a"]), unk()],
                Is(ls(&["a"])),
            ),
            (
                "compact",
                vec![l(&[s("a"), s(""), Value::Null, n(1.0)])],
                Is(ls(&["a", "1"])),
            ),
            ("distinct", vec![ls(&["b", "a", "b"])], Is(ls(&["b", "a"]))),
            ("element", vec![abc.clone(), n(4.0)], Is(s("b"))),
            ("element", vec![abc.clone(), n(-1.0)], Error("negative")),
            ("element", vec![l(&[]), n(0.0)], Error("empty")),
            ("element", vec![l(&[unk(), s("b")]), n(1.0)], Is(s("b"))),
            (
                "flatten",
                vec![l(&[ls(&["a"]), l(&[ls(&["b"]), s("c")])])],
                Is(abc.clone()),
            ),
            ("flatten", vec![l(&[ls(&["a"]), unk()])], Unknown("var.x")),
            ("index", vec![abc.clone(), s("c")], Is(n(2.0))),
            ("index", vec![abc.clone(), s("z")], Error("not found")),
            (
                "keys",
                vec![m(&[("b", unk()), ("a", n(1.0))])],
                Is(ls(&["a", "b"])),
            ),
            (
                "values",
                vec![m(&[("b", n(2.0)), ("a", n(1.0))])],
                Is(l(&[n(1.0), n(2.0)])),
            ),
            ("contains", vec![abc.clone(), s("b")], Is(Value::Bool(true))),
            (
                "contains",
                vec![l(&[s("a"), unk()]), s("b")],
                Unknown("var.x"),
            ),
            (
                "slice",
                vec![abc.clone(), n(1.0), n(3.0)],
                Is(ls(&["b", "c"])),
            ),
            (
                "slice",
                vec![abc.clone(), n(2.0), n(1.0)],
                Error("greater than end"),
            ),
            (
                "slice",
                vec![abc.clone(), n(0.0), n(4.0)],
                Error("length of the list"),
            ),
            (
                "sort",
                vec![l(&[s("b"), n(10.0), n(9.0)])],
                Is(ls(&["10", "9", "b"])),
            ),
            ("reverse", vec![abc.clone()], Is(ls(&["c", "b", "a"]))),
            (
                "zipmap",
                vec![ls(&["a", "b"]), l(&[n(1.0), unk()])],
                Is(m(&[("a", n(1.0)), ("b", unk())])),
            ),
            ("zipmap", vec![ls(&["a"]), l(&[])], Error("does not match")),
            ("zipmap", vec![l(&[unk()]), l(&[n(1.0)])], Unknown("var.x")),
            ("one", vec![l(&[])], Is(Value::Null)),
            ("one", vec![ls(&["a"])], Is(s("a"))),
            ("one", vec![abc.clone()], Error("zero or one")),
            (
                "alltrue",
                vec![l(&[Value::Bool(true), s("true")])],
                Is(Value::Bool(true)),
            ),
            (
                "alltrue",
                vec![l(&[Value::Bool(true), Value::Null])],
                Is(Value::Bool(false)),
            ),
            ("alltrue", vec![l(&[])], Is(Value::Bool(true))),
            (
                "anytrue",
                vec![l(&[unk(), Value::Bool(true)])],
                Is(Value::Bool(true)),
            ),
            (
                "anytrue",
                vec![l(&[unk(), Value::Bool(false)])],
                Unknown("var.x"),
            ),
            ("anytrue", vec![l(&[])], Is(Value::Bool(false))),
            (
                "chunklist",
                vec![abc.clone(), n(2.0)],
                Is(l(&[ls(&["a", "b"]), ls(&["c"])])),
            ),
            (
                "chunklist",
                vec![abc.clone(), n(0.0)],
                Is(Value::list(vec![abc.clone()])),
            ),
            ("chunklist", vec![abc.clone(), n(-1.0)], Error("positive")),
            (
                "transpose",
                vec![m(&[("a", ls(&["1", "2"])), ("b", ls(&["2"]))])],
                Is(m(&[("1", ls(&["a"])), ("2", ls(&["a", "b"]))])),
            ),
            (
                "matchkeys",
                vec![abc.clone(), ls(&["x", "y", "x"]), ls(&["x"])],
                Is(ls(&["a", "c"])),
            ),
            (
                "matchkeys",
                vec![abc.clone(), ls(&["x"]), ls(&["x"])],
                Error("equal"),
            ),
            ("range", vec![n(3.0)], Is(l(&[n(0.0), n(1.0), n(2.0)]))),
            ("range", vec![n(-2.0)], Is(l(&[n(0.0), n(-1.0)]))),
            (
                "range",
                vec![n(1.0), n(2.0), n(0.25)],
                Is(l(&[n(1.0), n(1.25), n(1.5), n(1.75)])),
            ),
            (
                "range",
                vec![n(5.0), n(1.0), n(-2.0)],
                Is(l(&[n(5.0), n(3.0)])),
            ),
            ("range", vec![n(3.0), n(3.0)], Is(l(&[]))),
            (
                "range",
                vec![n(1.0), n(5.0), n(0.0)],
                Error("must not be zero"),
            ),
            (
                "range",
                vec![n(1.0), n(5.0), n(-1.0)],
                Error("end must be less"),
            ),
            (
                "range",
                vec![n(1024.0)],
                Is(Value::list((0..1024).map(|i| n(i as f64)).collect())),
            ),
            ("range", vec![n(1025.0)], Error("more than 1024")),
            ("range", vec![n(1e300)], Error("more than 1024")),
            (
                "range",
                vec![n(1.0), n(2.0), n(3.0), n(4.0)],
                Error("expects 1 to 3"),
            ),
        ]);
    }

    #[test]
    fn sets_and_conversions() {
        check(vec![
            ("toset", vec![ls(&["b", "a", "b"])], Is(ls(&["a", "b"]))),
            (
                "toset",
                vec![l(&[n(10.0), n(2.0), n(10.0)])],
                Is(l(&[n(2.0), n(10.0)])),
            ),
            (
                "toset",
                vec![l(&[s("b"), n(1.0), Value::Bool(true)])],
                Is(ls(&["1", "b", "true"])),
            ),
            (
                "toset",
                vec![l(&[m(&[("k", n(2.0))]), m(&[("k", n(1.0))])])],
                Is(l(&[m(&[("k", n(2.0))]), m(&[("k", n(1.0))])])),
            ),
            ("toset", vec![l(&[s("a"), ls(&["b"])])], Error("same type")),
            ("toset", vec![l(&[s("a"), unk()])], Unknown("var.x")),
            ("tolist", vec![l(&[s("a"), n(1.0)])], Is(ls(&["a", "1"]))),
            ("tolist", vec![Value::Null], Is(Value::Null)),
            (
                "tomap",
                vec![m(&[("a", n(1.0)), ("b", s("x"))])],
                Is(m(&[("a", s("1")), ("b", s("x"))])),
            ),
            ("tostring", vec![n(1.5)], Is(s("1.5"))),
            (
                "tostring",
                vec![ls(&["a"])],
                Error("tostring: cannot convert a list"),
            ),
            ("tonumber", vec![s("12")], Is(n(12.0))),
            ("tonumber", vec![s("x")], Error("not a number")),
            ("tobool", vec![s("true")], Is(Value::Bool(true))),
            ("tobool", vec![n(1.0)], Error("cannot convert a number")),
            ("list", vec![s("a")], Error("removed")),
            (
                "setunion",
                vec![ls(&["b"]), ls(&["a", "b"])],
                Is(ls(&["a", "b"])),
            ),
            (
                "setunion",
                vec![ls(&["b"]), l(&[n(1.0)])],
                Is(ls(&["1", "b"])),
            ),
            (
                "setintersection",
                vec![ls(&["a", "b", "c"]), ls(&["c", "b"]), ls(&["b", "c"])],
                Is(ls(&["b", "c"])),
            ),
            (
                "setsubtract",
                vec![ls(&["a", "b", "c"]), ls(&["b"])],
                Is(ls(&["a", "c"])),
            ),
            (
                "setproduct",
                vec![ls(&["a", "b"]), ls(&["1"])],
                Is(l(&[ls(&["a", "1"]), ls(&["b", "1"])])),
            ),
            ("setproduct", vec![ls(&["a"]), l(&[])], Is(l(&[]))),
        ]);
    }

    #[test]
    fn numbers() {
        check(vec![
            ("abs", vec![n(-2.5)], Is(n(2.5))),
            ("ceil", vec![n(1.2)], Is(n(2.0))),
            ("floor", vec![s("-1.2")], Is(n(-2.0))),
            ("pow", vec![n(2.0), n(10.0)], Is(n(1024.0))),
            ("log", vec![n(8.0), n(2.0)], Is(n(3.0))),
            ("signum", vec![n(-3.0)], Is(n(-1.0))),
            ("signum", vec![n(0.0)], Is(n(0.0))),
            ("min", vec![n(3.0), n(1.0), s("2")], Is(n(1.0))),
            ("max", vec![n(3.0), n(1.0)], Is(n(3.0))),
            ("max", vec![], Error("expects at least 1")),
            ("max", vec![s("x")], Error("max: \"x\" is not a number")),
            ("sum", vec![l(&[n(1.0), n(2.5)])], Is(n(3.5))),
            ("sum", vec![l(&[])], Error("empty")),
            ("parseint", vec![s("ff"), n(16.0)], Is(n(255.0))),
            ("parseint", vec![s("-101"), n(2.0)], Is(n(-5.0))),
            ("parseint", vec![s("Z"), n(62.0)], Is(n(61.0))),
            ("parseint", vec![s("12"), n(2.0)], Error("cannot parse")),
            ("parseint", vec![s("1"), n(1.0)], Error("between 2 and 62")),
        ]);
    }

    #[test]
    fn encodings() {
        let doc = m(&[
            ("b", l(&[n(1.0), n(1.5), Value::Bool(true), Value::Null])),
            ("a", s("<x>&\n")),
        ]);
        let json = r#"{"a":"\u003cx\u003e\u0026\n","b":[1,1.5,true,null]}"#;
        check(vec![
            ("jsonencode", vec![doc.clone()], Is(s(json))),
            ("jsonencode", vec![l(&[unk()])], Unknown("var.x")),
            ("jsondecode", vec![s(json)], Is(doc)),
            ("jsondecode", vec![s("{")], Error("jsondecode")),
            ("base64encode", vec![s("héllo")], Is(s("aMOpbGxv"))),
            ("base64decode", vec![s("aMOp\nbGxv")], Is(s("héllo"))),
            ("base64decode", vec![s("!!")], Error("base64")),
            ("base64decode", vec![s("/w==")], Error("UTF-8")),
            ("urlencode", vec![s("a b&c/é~")], Is(s("a+b%26c%2F%C3%A9~"))),
        ]);
    }

    #[test]
    fn unknowns_and_unsupported() {
        let reason = Value::unknown("aws_instance.x.id is known after apply");
        // The first unknown argument, even nested, comes back as it is.
        assert_eq!(call("upper", vec![reason.clone()]), reason);
        assert_eq!(
            call("join", vec![s(","), l(&[s("a"), reason.clone()])]),
            reason
        );
        assert_eq!(
            call("format", vec![s("%s %s"), reason.clone(), unk()]),
            reason
        );
        let error = Value::error("missing attribute");
        assert_eq!(call("lower", vec![error.clone()]), error);
        check(vec![
            ("file", vec![s("x")], Unknown("filesystem")),
            ("timestamp", vec![], Unknown("clock")),
            ("uuid", vec![], Unknown("randomness")),
            ("try", vec![s("x")], Unknown("evaluator")),
            (
                "provider::aws::arn_parse",
                vec![s("x")],
                Unknown("provider-defined"),
            ),
            (
                "yamlencode",
                vec![s("x")],
                Unknown("not evaluated by souverain"),
            ),
        ]);
    }
}
