//! Terraform's built-in functions over [`Value`]s.
//!
//! Each function follows Terraform's own implementation (go-cty's stdlib and
//! Terraform's `internal/lang/funcs`), including its quirks. Where souverain cannot
//! reproduce Terraform exactly (Go's special casing, arbitrary-precision numbers,
//! hash-ordered sets of structured values), the result is unknown rather than a guess.
//! Errors are reserved for inputs Terraform itself rejects.
//!
//! This file holds the entry point, the registry of builtins and the helpers the
//! families share; each family lives in its own file, as in Terraform's `lang/funcs`.

mod collections;
mod encoding;
mod format;
mod numbers;
mod sets;
mod strings;
#[cfg(test)]
mod testing;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use unicode_segmentation::UnicodeSegmentation;

use super::Value;
use super::value::{MAX_STRING_LEN, dedupe};
use collections::{
    alltrue, anytrue, chunklist, coalesce, coalescelist, compact, concat, element, flatten_into,
    length, lookup, matchkeys, merge, range, slice, sort, transpose, zipmap,
};
use encoding::{urlencode, write_json};
use format::{format_values, formatlist};
use numbers::{fold_numbers, parseint};
use sets::{convert_or_null, set_filter, setproduct, unified_lists};
use strings::{change_case, indent, join, regex_match, replace, split, substr, title};

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
        Ok(Value::list(dedupe(a.unified_list(0)?)))
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
        Ok(Value::set(unified_lists(a, 0)?.concat()))
    }),
    deep("setintersection", 1, ANY, |a| set_filter(a, true)),
    deep("setsubtract", 2, 2, |a| set_filter(a, false)),
    deep("setproduct", 2, ANY, setproduct),
    // Type conversions.
    deep("tolist", 1, 1, |a| {
        convert_or_null(a, |a| Ok(Value::list(a.unified_list(0)?)))
    }),
    deep("toset", 1, 1, |a| {
        convert_or_null(a, |a| Ok(Value::set(a.unified_list(0)?)))
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
            Value::List(items) | Value::Set(items) => Ok(items),
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

/// Converts a sequence's elements to one type as Terraform does for lists, sets and
/// maps: mixed primitives become strings; primitives mixed with collections are an
/// error. Nulls keep their place.
fn unify(a: &Args, items: Vec<Value>) -> Result<Vec<Value>, Value> {
    unify_values(items).map_err(|reason| a.err(reason))
}

/// [`unify`] for the evaluator (a conditional's two results), the error being the reason.
pub(crate) fn unify_values(items: Vec<Value>) -> Result<Vec<Value>, String> {
    let kinds = kinds(&items);
    if kinds.len() <= 1 {
        return Ok(items);
    }
    if !all_primitive(&kinds) {
        return Err("all elements must have the same type".to_string());
    }
    items
        .into_iter()
        .map(|v| match v {
            Value::Null => Ok(Value::Null),
            v => v
                .to_string_value()
                .map(Value::String)
                .map_err(|e| e.to_string()),
        })
        .collect()
}

/// The kinds of the non-null items (a set and a list being one kind).
fn kinds(items: &[Value]) -> BTreeSet<&'static str> {
    items
        .iter()
        .filter(|v| **v != Value::Null)
        .map(|v| match v {
            Value::Set(_) => "list",
            v => v.type_name(),
        })
        .collect()
}

fn all_primitive(kinds: &BTreeSet<&str>) -> bool {
    kinds
        .iter()
        .all(|k| matches!(*k, "string" | "number" | "bool"))
}

#[cfg(test)]
mod tests {
    use super::call;
    use super::testing::*;
    use crate::evaluate::Value;

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
