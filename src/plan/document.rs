//! The plan's JSON, read as borrowed nodes that keep their byte ranges, so that whatever
//! souverain reads in a plan can be pointed at in the plan file.

use crate::evaluate::Value;
use crate::source::{FileId, Span};
use jsonc_parser::ast::Value as Json;
use jsonc_parser::common::Ranged;
use std::collections::BTreeMap;

/// Why a value of the plan is not read.
pub const AFTER_APPLY: &str = "known only after apply (the plan marks it unknown)";
pub const SENSITIVE: &str =
    "marked sensitive in the plan: souverain neither reads nor prints sensitive values";

pub fn get<'a, 't>(node: &'a Json<'t>, key: &str) -> Option<&'a Json<'t>> {
    match node {
        Json::Object(object) => object
            .properties
            .iter()
            .find(|p| p.name.as_str() == key)
            .map(|p| &p.value),
        _ => None,
    }
}

pub fn str_of<'a>(node: &'a Json<'_>) -> Option<&'a str> {
    match node {
        Json::StringLit(s) => Some(&s.value),
        _ => None,
    }
}

pub fn str_at<'a>(node: &'a Json<'_>, key: &str) -> Option<&'a str> {
    get(node, key).and_then(str_of)
}

pub fn items<'a, 't>(node: Option<&'a Json<'t>>) -> &'a [Json<'t>] {
    match node {
        Some(Json::Array(array)) => &array.elements,
        _ => &[],
    }
}

/// An object's properties, in order.
pub fn entries<'a, 't>(
    node: Option<&'a Json<'t>>,
) -> impl Iterator<Item = (&'a str, &'a Json<'t>)> {
    let properties = match node {
        Some(Json::Object(object)) => object.properties.as_slice(),
        _ => &[],
    };
    properties.iter().map(|p| (p.name.as_str(), &p.value))
}

pub fn is_true(node: Option<&Json<'_>>) -> bool {
    matches!(node, Some(Json::BooleanLit(b)) if b.value)
}

pub fn span(file: FileId, node: &Json<'_>) -> Span {
    let range = node.range();
    Span::new(file, range.start..range.end)
}

/// A planned value with the plan's masks applied: what `unknown` marks is unknown until
/// apply, what `sensitive` marks is never read. Unknown leaves are absent from the value
/// itself, so the mask's keys count too.
pub fn masked(
    value: Option<&Json<'_>>,
    unknown: Option<&Json<'_>>,
    sensitive: Option<&Json<'_>>,
) -> Value {
    if is_true(sensitive) {
        return Value::unknown(SENSITIVE);
    }
    if is_true(unknown) {
        return Value::unknown(AFTER_APPLY);
    }
    match value {
        None | Some(Json::NullKeyword(_)) => Value::Null,
        Some(Json::BooleanLit(b)) => Value::Bool(b.value),
        Some(Json::NumberLit(n)) => Value::Number(n.value.parse().unwrap_or(f64::NAN)),
        Some(Json::StringLit(s)) => Value::string(&*s.value),
        Some(Json::Array(array)) => Value::list(
            array
                .elements
                .iter()
                .enumerate()
                .map(|(i, item)| masked(Some(item), element(unknown, i), element(sensitive, i)))
                .collect(),
        ),
        Some(Json::Object(object)) => {
            let mut out = BTreeMap::new();
            for p in &object.properties {
                let key = p.name.as_str();
                out.insert(
                    key.to_string(),
                    masked(
                        Some(&p.value),
                        unknown.and_then(|m| get(m, key)),
                        sensitive.and_then(|m| get(m, key)),
                    ),
                );
            }
            // Unknown attributes the value leaves out.
            for (key, mask) in entries(unknown) {
                if !out.contains_key(key) && is_true(Some(mask)) {
                    out.insert(key.to_string(), Value::unknown(AFTER_APPLY));
                }
            }
            Value::map(out)
        }
    }
}

fn element<'a, 't>(mask: Option<&'a Json<'t>>, index: usize) -> Option<&'a Json<'t>> {
    items(mask).get(index)
}

/// A plain JSON value (a constant of the configuration, a variable's value).
pub fn value_of(node: &Json<'_>) -> Value {
    masked(Some(node), None, None)
}
