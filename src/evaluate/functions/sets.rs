//! Set functions (`setunion`, `setintersection`, `setsubtract`, `setproduct`) and the
//! null handling the `to*` conversions share. Sets themselves (their order) are built by
//! [`Value::set`].

use super::{Args, Impl, Res, unify};
use crate::evaluate::Value;

/// Every argument from `first` on as a list, with the elements of all of them converted
/// to one type.
pub(super) fn unified_lists(a: &Args, first: usize) -> Result<Vec<Vec<Value>>, Value> {
    let lists = (first..a.vals.len())
        .map(|i| a.list(i))
        .collect::<Result<Vec<_>, _>>()?;
    let mut unified = unify(a, lists.concat())?.into_iter();
    Ok(lists
        .iter()
        .map(|l| unified.by_ref().take(l.len()).collect())
        .collect())
}

/// `setintersection` keeps elements present in every other argument, `setsubtract`
/// those absent from the second.
pub(super) fn set_filter(a: &Args, keep_common: bool) -> Res {
    let mut lists = unified_lists(a, 0)?.into_iter();
    let first = lists.next().unwrap_or_default();
    let others: Vec<Vec<Value>> = lists.collect();
    let kept = first
        .into_iter()
        .filter(|v| others.iter().all(|o| o.contains(v) == keep_common))
        .collect();
    Ok(Value::set(kept))
}

/// A list if every argument is a list, otherwise a set (the function's documentation).
/// Refuses products no real configuration builds (Terraform accepts them).
pub(super) fn setproduct(a: &Args) -> Res {
    const MAX_PRODUCT: usize = 1_000_000;
    // Each argument is a list or set of one element type (its own, not a common one).
    let lists = (0..a.vals.len())
        .map(|i| a.unified_list(i))
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
    let rows = rows.into_iter().map(Value::list).collect();
    if a.vals.iter().any(|v| matches!(v, Value::Set(_))) {
        Ok(Value::set(rows))
    } else {
        Ok(Value::list(rows))
    }
}

/// Terraform's conversion functions turn null into null of the target type.
pub(super) fn convert_or_null(a: &Args, convert: Impl) -> Res {
    match a.arg(0)? {
        Value::Null => Ok(Value::Null),
        _ => convert(a),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::evaluate::Value;

    #[test]
    fn sets_and_conversions() {
        check(vec![
            (
                "toset",
                vec![ls(&["b", "a", "b"])],
                Is(set(&[s("a"), s("b")])),
            ),
            (
                "toset",
                vec![l(&[n(10.0), n(2.0), n(10.0)])],
                Is(set(&[n(2.0), n(10.0)])),
            ),
            (
                "toset",
                vec![l(&[s("b"), n(1.0), Value::Bool(true)])],
                Is(set(&[s("1"), s("b"), s("true")])),
            ),
            (
                "toset",
                vec![l(&[m(&[("k", n(2.0))]), m(&[("k", n(1.0))])])],
                Is(set(&[m(&[("k", n(2.0))]), m(&[("k", n(1.0))])])),
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
            // The page lists only "true" and "false", but Terraform's tobool converts with
            // go-cty, which also takes "1" and "0" (cty/convert/conversion_primitive.go).
            ("tobool", vec![s("1")], Is(Value::Bool(true))),
            ("tobool", vec![s("0")], Is(Value::Bool(false))),
            ("tobool", vec![s("True")], Error("cannot convert a string")),
            ("tobool", vec![s("no")], Error("cannot convert a string")),
            ("list", vec![s("a")], Error("removed")),
            (
                "setunion",
                vec![ls(&["b"]), ls(&["a", "b"])],
                Is(set(&[s("a"), s("b")])),
            ),
            (
                "setunion",
                vec![ls(&["b"]), l(&[n(1.0)])],
                Is(set(&[s("1"), s("b")])),
            ),
            (
                "setintersection",
                vec![ls(&["a", "b", "c"]), ls(&["c", "b"]), ls(&["b", "c"])],
                Is(set(&[s("b"), s("c")])),
            ),
            (
                "setsubtract",
                vec![ls(&["a", "b", "c"]), ls(&["b"])],
                Is(set(&[s("a"), s("c")])),
            ),
            (
                "setproduct",
                vec![ls(&["a", "b"]), ls(&["1"])],
                Is(l(&[ls(&["a", "1"]), ls(&["b", "1"])])),
            ),
            ("setproduct", vec![ls(&["a"]), l(&[])], Is(l(&[]))),
            // Each argument converts to one element type of its own.
            (
                "setproduct",
                vec![l(&[s("a"), n(1.0)]), l(&[n(2.0)])],
                Is(l(&[l(&[s("a"), n(2.0)]), l(&[s("1"), n(2.0)])])),
            ),
            (
                "setproduct",
                vec![l(&[s("a"), ls(&["b"])]), l(&[n(2.0)])],
                Error("same type"),
            ),
            // A set among the arguments makes the result a set (the function's page).
            (
                "setproduct",
                vec![set(&[s("a"), s("b")]), ls(&["1"])],
                Is(set(&[ls(&["a", "1"]), ls(&["b", "1"])])),
            ),
            ("tolist", vec![set(&[s("a"), s("b")])], Is(ls(&["a", "b"]))),
        ]);
    }
}
