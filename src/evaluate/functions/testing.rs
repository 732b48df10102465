//! Test helpers shared by the families' tests: value builders and a table checker
//! that calls each function through [`call`], as configurations do.

use super::call;
use crate::evaluate::Value;

pub(super) fn s(v: &str) -> Value {
    Value::string(v)
}
pub(super) fn n(v: f64) -> Value {
    Value::Number(v)
}
pub(super) fn l(items: &[Value]) -> Value {
    Value::list(items.to_vec())
}
pub(super) fn ls(items: &[&str]) -> Value {
    Value::list(items.iter().map(|i| s(i)).collect())
}
/// A set holding these elements in this order (as Terraform iterates it).
pub(super) fn set(items: &[Value]) -> Value {
    Value::Set(std::sync::Arc::new(items.to_vec()))
}
pub(super) fn m(entries: &[(&str, Value)]) -> Value {
    Value::map(
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}
pub(super) fn unk() -> Value {
    Value::unknown("var.x is set at apply")
}

pub(super) enum Want {
    Is(Value),
    /// An error value whose reason contains this text.
    Error(&'static str),
    /// A non-error unknown whose reason contains this text.
    Unknown(&'static str),
}
pub(super) use Want::*;

pub(super) fn check(cases: Vec<(&str, Vec<Value>, Want)>) {
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
