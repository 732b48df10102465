//! Collection functions over lists and maps: `length`, `concat`, `merge`, `lookup`,
//! `coalesce*`, `compact`, `element`, `flatten`, `slice`, `sort`, `range`, `zipmap`,
//! `alltrue`, `anytrue`, `chunklist`, `transpose`, `matchkeys` (one-liners are inline in
//! the registry).

use std::collections::BTreeMap;

use unicode_segmentation::UnicodeSegmentation;

use super::sets::unified_lists;
use super::{Args, Res, all_primitive, kinds, unify};
use crate::evaluate::Value;

pub(super) fn length(a: &Args) -> Res {
    let n = match a.arg(0)? {
        Value::String(s) => s.graphemes(true).count(),
        Value::List(items) | Value::Set(items) => items.len(),
        Value::Map(entries) => entries.len(),
        v @ Value::Unknown(_) => return Err(v.clone()),
        other => return Err(a.err(format!("cannot take the length of a {}", other.type_name()))),
    };
    Ok(Value::Number(n as f64))
}

/// go-cty's concat converts the elements to one type only when every argument is a list,
/// not a tuple (`["a"]`, a `for` expression): `concat(tolist(["a"]), tolist([1]))` is
/// `["a", "1"]` but `concat(["a"], [1])` is `["a", 1]` (stdlib ConcatFunc). souverain does
/// not tell lists from tuples, so when the two readings differ the result is unknown,
/// unless an argument mixing kinds shows it is a tuple.
pub(super) fn concat(a: &Args) -> Res {
    let mut out = Vec::new();
    let mut some_tuple = false;
    for i in 0..a.vals.len() {
        let list = a.list(i)?;
        some_tuple |= kinds(list).len() > 1;
        out.extend_from_slice(list);
    }
    let kinds = kinds(&out);
    if !some_tuple && kinds.len() > 1 && all_primitive(&kinds) {
        return Err(Value::unknown(
            "concat: its arguments mix element types, which convert to strings if they are all lists and stay as they are if one is a tuple; souverain does not tell lists from tuples",
        ));
    }
    Ok(Value::list(out))
}

/// Later arguments win; null arguments are skipped.
pub(super) fn merge(a: &Args) -> Res {
    let mut out = BTreeMap::new();
    for v in a.vals {
        if *v != Value::Null {
            out.extend(a.as_map(v)?.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }
    Ok(Value::map(out))
}

pub(super) fn lookup(a: &Args) -> Res {
    let (map, key) = (a.map(0)?, a.str(1)?);
    match (map.get(&*key), a.vals.get(2)) {
        (Some(v), _) => Ok(v.clone()),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(a.err(format!("the given object has no attribute {key:?}"))),
    }
}

/// The first argument that is neither null nor an empty string. Terraform unifies the
/// arguments' types first, so a number chosen among strings becomes a string.
pub(super) fn coalesce(a: &Args) -> Res {
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

pub(super) fn coalescelist(a: &Args) -> Res {
    for v in a.vals {
        if *v != Value::Null && !a.as_list(v)?.is_empty() {
            return Ok(v.clone());
        }
    }
    Err(a.err("no non-null arguments"))
}

pub(super) fn compact(a: &Args) -> Res {
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
pub(super) fn element(a: &Args) -> Res {
    let (list, index) = (a.list(0)?, a.int(1)?);
    if list.is_empty() {
        return Err(a.err("cannot use element function with an empty list"));
    }
    // A negative index wraps around from the end, as in current Terraform (the
    // function's page: "To get the last element from the list use the index -1"); up to
    // Terraform 1.9 it was an error, accepted since 1.10 (go-cty 1.15).
    let i = index.rem_euclid(list.len() as i64) as usize;
    list.get(i)
        .cloned()
        .ok_or_else(|| a.err("index out of range"))
}

/// Unknown elements stop flattening: they might be lists themselves.
pub(super) fn flatten_into(items: &[Value], out: &mut Vec<Value>) -> Result<(), Value> {
    for item in items {
        match item {
            Value::List(inner) | Value::Set(inner) => flatten_into(inner, out)?,
            Value::Unknown(_) => return Err(item.clone()),
            other => out.push(other.clone()),
        }
    }
    Ok(())
}

pub(super) fn slice(a: &Args) -> Res {
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
pub(super) fn sort(a: &Args) -> Res {
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
pub(super) fn range(a: &Args) -> Res {
    let nums = (0..a.vals.len())
        .map(|i| a.num(i))
        .collect::<Result<Vec<_>, _>>()?;
    let (start, end, step) = match nums[..] {
        [end] => (0.0, end, if end < 0.0 { -1.0 } else { 1.0 }),
        [start, end] => (start, end, if end < start { -1.0 } else { 1.0 }),
        [start, end, step] => (start, end, step),
        _ => return Err(a.err("must have one, two, or three arguments")),
    };
    // go-cty's "step must not be zero" check compares with its own zero value by identity,
    // so it never fires for a step the configuration gives: a zero step counts upwards,
    // giving [] when end equals start, the 1024 values error when it is above, the "end
    // must be greater" error when below (stdlib RangeFunc).
    if step < 0.0 && end > start {
        return Err(a.err("end must be less than start when step is negative"));
    }
    if step >= 0.0 && end < start {
        return Err(a.err("end must be greater than start when step is positive"));
    }
    let mut out = Vec::new();
    loop {
        // Multiplying rather than accumulating keeps fractional steps from drifting.
        let n = start + step * out.len() as f64;
        if (step >= 0.0 && n >= end) || (step < 0.0 && n <= end) {
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
pub(super) fn zipmap(a: &Args) -> Res {
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
pub(super) fn alltrue(a: &Args) -> Res {
    for v in a.list(0)? {
        if *v == Value::Null || !a.conv(v, Value::to_bool)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// A known `true` anywhere wins over unknown elements; nulls are skipped.
pub(super) fn anytrue(a: &Args) -> Res {
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
pub(super) fn chunklist(a: &Args) -> Res {
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

pub(super) fn transpose(a: &Args) -> Res {
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

/// Each argument is a list of one element type, and the keys and the search set are
/// converted to a common one: `matchkeys(["a", "b"], [1, 2], ["1"])` matches the first.
pub(super) fn matchkeys(a: &Args) -> Res {
    let values = a.unified_list(0)?;
    let [keys, search] = <[Vec<Value>; 2]>::try_from(unified_lists(a, 1)?)
        .map_err(|_| a.err("expects 3 arguments"))?;
    if values.len() != keys.len() {
        return Err(a.err("length of keys and values should be equal"));
    }
    Ok(Value::list(
        values
            .into_iter()
            .zip(keys)
            .filter(|(_, k)| search.contains(k))
            .map(|(v, _)| v)
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::evaluate::Value;

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
            // Lists would convert to strings, tuples not: not known which these are.
            (
                "concat",
                vec![ls(&["a"]), l(&[n(1.0)])],
                Unknown("lists from tuples"),
            ),
            // An argument mixing kinds is a tuple: nothing converts.
            (
                "concat",
                vec![l(&[s("a"), n(1.0)]), l(&[Value::Bool(true)])],
                Is(l(&[s("a"), n(1.0), Value::Bool(true)])),
            ),
            (
                "concat",
                vec![l(&[n(1.0)]), l(&[n(2.0), Value::Null])],
                Is(l(&[n(1.0), n(2.0), Value::Null])),
            ),
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
            // distinct takes a list: its elements convert to one type first.
            (
                "distinct",
                vec![l(&[n(1.0), s("1"), Value::Bool(true)])],
                Is(ls(&["1", "true"])),
            ),
            ("element", vec![abc.clone(), n(4.0)], Is(s("b"))),
            ("element", vec![abc.clone(), n(-1.0)], Is(s("c"))),
            ("element", vec![abc.clone(), n(-2.0)], Is(s("b"))),
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
            // Keys and search set unify: numbers become strings, so 1 matches "1".
            (
                "matchkeys",
                vec![
                    abc.clone(),
                    l(&[n(1.0), n(2.0), n(3.0)]),
                    l(&[n(1.0), s("3")]),
                ],
                Is(ls(&["a", "c"])),
            ),
            (
                "matchkeys",
                vec![l(&[s("a"), n(2.0)]), ls(&["x", "y"]), ls(&["y"])],
                Is(ls(&["2"])),
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
            ("range", vec![n(1.0), n(1.0), n(0.0)], Is(l(&[]))),
            (
                "range",
                vec![n(1.0), n(5.0), n(0.0)],
                Error("more than 1024"),
            ),
            (
                "range",
                vec![n(5.0), n(1.0), n(0.0)],
                Error("end must be greater"),
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
}
