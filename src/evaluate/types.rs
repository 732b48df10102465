//! Type constraints of variables (`type = object({ a = optional(string, "x") })`):
//! Terraform converts every value given to a variable to its type, which fills in the
//! defaults of `optional` attributes, drops attributes the type does not declare, and
//! converts primitives. Values are conformed the same way here; anything that does not
//! fit is left as it is (Terraform would reject it; souverain reports what it can).

use super::{Evaluator, Scope, Value};
use crate::syntax::{Expr, ExprKind, Traverse};
use std::collections::BTreeMap;

/// Converts `value` to the type constraint `ty`.
pub fn conform(value: Value, ty: &Expr) -> Value {
    conform_depth(value, ty, 0)
}

/// Type constraints nested deeper than this are left alone.
const MAX_TYPE_DEPTH: u32 = 32;

fn conform_depth(value: Value, ty: &Expr, depth: u32) -> Value {
    if depth > MAX_TYPE_DEPTH || value.is_unknown() || value == Value::Null {
        return value;
    }
    match &ty.kind {
        ExprKind::Variable(name) => primitive(value, name),
        ExprKind::Call(call) => match (&*call.name, call.args.as_slice()) {
            ("object", [attrs]) => object(value, attrs, depth),
            ("list" | "set", [element]) => match value.items() {
                Some(items) => {
                    let items = items
                        .iter()
                        .map(|v| conform_depth(v.clone(), element, depth + 1))
                        .collect();
                    if &*call.name == "set" {
                        Value::set(items)
                    } else {
                        Value::list(items)
                    }
                }
                None => value,
            },
            ("map", [element]) => match value {
                Value::Map(entries) => Value::map(
                    entries
                        .iter()
                        .map(|(k, v)| (k.clone(), conform_depth(v.clone(), element, depth + 1)))
                        .collect(),
                ),
                other => other,
            },
            (
                "tuple",
                [
                    Expr {
                        kind: ExprKind::Tuple(elements),
                        ..
                    },
                ],
            ) => match value {
                Value::List(items) => Value::list(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| match elements.get(i) {
                            Some(t) => conform_depth(v.clone(), t, depth + 1),
                            None => v.clone(),
                        })
                        .collect(),
                ),
                other => other,
            },
            _ => value,
        },
        _ => value,
    }
}

fn primitive(value: Value, name: &str) -> Value {
    let converted = match name {
        "string" => value.to_string_value().map(Value::String),
        "number" => value.to_number().map(Value::Number),
        "bool" => value.to_bool().map(Value::Bool),
        _ => return value,
    };
    converted.unwrap_or(value)
}

fn object(value: Value, attrs: &Expr, depth: u32) -> Value {
    let (Value::Map(entries), ExprKind::Object(declared)) = (&value, &attrs.kind) else {
        return value;
    };
    let mut out = BTreeMap::new();
    for (key, attr_ty) in declared {
        let Some(name) = key.as_literal_str().or_else(|| match &key.kind {
            ExprKind::Variable(n) => Some(n),
            _ => None,
        }) else {
            continue;
        };
        let given = entries.get(name).filter(|v| **v != Value::Null);
        let conformed = match (optional(attr_ty), given) {
            (Some((inner, _)), Some(v)) => conform_depth(v.clone(), inner, depth + 1),
            (Some((inner, Some(default))), None) => {
                conform_depth(constant(default), inner, depth + 1)
            }
            (Some((_, None)), None) => Value::Null,
            (None, Some(v)) => conform_depth(v.clone(), attr_ty, depth + 1),
            // A required attribute is missing: Terraform rejects the value; keep it absent.
            (None, None) => match entries.get(name) {
                Some(null) => null.clone(),
                None => continue,
            },
        };
        out.insert(name.to_string(), conformed);
    }
    Value::map(out)
}

/// `optional(T)` or `optional(T, default)`.
fn optional(ty: &Expr) -> Option<(&Expr, Option<&Expr>)> {
    match &ty.kind {
        ExprKind::Call(call) if &*call.name == "optional" => match call.args.as_slice() {
            [inner] => Some((inner, None)),
            [inner, default] => Some((inner, Some(default))),
            _ => None,
        },
        _ => None,
    }
}

/// Evaluates an expression that must be constant (a default, a variables file value).
pub fn constant(expr: &Expr) -> Value {
    Evaluator::new(&Constants).eval(expr)
}

/// The scope of constant expressions: every reference is an error.
pub struct Constants;

impl Scope for Constants {
    fn reference(&self, _: &Evaluator<'_>, root: &str, _: &[Traverse]) -> (Value, usize) {
        (
            Value::error(format!(
                "`{root}` cannot be used here: the value must be a constant"
            )),
            0,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, Span};

    fn expr(text: &str) -> Expr {
        crate::parse::hcl::parse_expr(FileId(0), text, Span::new(FileId(0), 0..0)).unwrap()
    }

    #[test]
    fn fills_optional_defaults_and_drops_undeclared_attributes() {
        let ty = expr(
            r#"map(object({ region = optional(string, "eu-west-3"), size = number, tags = optional(map(string)), extra = optional(object({ on = optional(bool, true) }), {}) }))"#,
        );
        let value = constant(&expr(
            r#"{ a = { size = "10", other = 1 }, b = { size = 2, region = "eu-central-1", extra = {} } }"#,
        ));
        let conformed = conform(value, &ty);
        let expected = constant(&expr(
            r#"{ a = { region = "eu-west-3", size = 10, tags = null, extra = { on = true } }, b = { region = "eu-central-1", size = 2, tags = null, extra = { on = true } } }"#,
        ));
        assert_eq!(conformed, expected);
    }

    #[test]
    fn leaves_unknown_and_mismatched_values_alone() {
        let ty = expr("object({ a = string })");
        assert!(conform(Value::unknown("x"), &ty).is_unknown());
        assert_eq!(conform(Value::string("s"), &ty), Value::string("s"));
        assert_eq!(
            conform(Value::Bool(true), &expr("string")),
            Value::string("true")
        );
    }

    #[test]
    fn a_set_type_makes_a_set() {
        let given = constant(&expr(r#"["b", "a", "b"]"#));
        let set = conform(given.clone(), &expr("set(string)"));
        assert_eq!(
            set,
            Value::set(vec![Value::string("a"), Value::string("b")])
        );
        assert!(matches!(set, Value::Set(_)));
        assert_eq!(conform(given.clone(), &expr("list(string)")), given);
        assert!(matches!(
            conform(set, &expr("list(string)")),
            Value::List(items) if items.len() == 2
        ));
    }

    #[test]
    fn references_in_constants_are_errors() {
        assert!(matches!(constant(&expr("var.x")), Value::Unknown(u) if u.error));
    }
}
