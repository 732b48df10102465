//! A resource's planned values (`change.after`, or the prior state's `values`), read by the
//! same placement and replication code as a configuration block.

use super::address::resource_of;
use super::document::{get, items, span};
use crate::catalog::AttrPath;
use crate::evaluate::Value;
use crate::resolve::{Arguments, Copies, Found, Target, value_at, values_at};
use crate::source::{FileId, Span};
use jsonc_parser::ast::Value as Json;

pub struct Planned<'a, 't> {
    /// The planned object, unknown and sensitive parts masked.
    pub value: Value,
    /// Its JSON, for spans.
    pub node: Option<&'a Json<'t>>,
    /// The resource's configuration (`expressions`), for the references it makes.
    pub config: Option<&'a Json<'t>>,
    pub file: FileId,
    /// Where a value without JSON of its own (an unknown one) is reported: the change.
    pub fallback: Span,
    /// The module instance prefix of the resource's address (`module.a["x"].`).
    pub prefix: String,
}

impl Planned<'_, '_> {
    /// Where the top-level attribute `name` is written in the plan.
    fn span_of(&self, name: &str) -> Span {
        self.node
            .and_then(|n| get(n, name))
            .map_or(self.fallback, |n| span(self.file, n))
    }

    /// The planned value of the top-level attribute `name`, computed or not, and where it
    /// is written.
    pub fn planned(&self, name: &str) -> Option<Found> {
        Some(Found {
            value: self.attribute(name)?,
            span: self.span_of(name),
            evidence: Vec::new(),
        })
    }

    /// Whether the configuration sets the top-level argument `name`; true when the plan
    /// has no configuration to tell.
    fn configures(&self, name: &str) -> bool {
        self.config
            .and_then(|c| get(c, "expressions"))
            .is_none_or(|e| get(e, name).is_some())
    }

    /// The value of the top-level attribute `name`; `None` when the plan has no such
    /// attribute.
    pub fn attribute(&self, name: &str) -> Option<Value> {
        match &self.value {
            Value::Map(entries) => entries.get(name).cloned(),
            _ => None,
        }
    }
}

impl Arguments for Planned<'_, '_> {
    fn read(&self, path: &AttrPath) -> Option<Found> {
        let (first, rest) = path.segments.split_first()?;
        let value = self.attribute(first)?;
        if value.is_unknown() && !self.configures(first) {
            // Computed by the provider, not set by the configuration (AWS ≤ 5 buckets'
            // `region`): where it lands is decided as if it were absent, as `check` does.
            return None;
        }
        let value = value_at(value, rest);
        Some(Found {
            value,
            span: self.span_of(first),
            evidence: Vec::new(),
        })
    }
}

impl Copies for Planned<'_, '_> {
    fn collect(&self, path: &[String]) -> Vec<(Option<Value>, Span)> {
        let Some((first, rest)) = path.split_first() else {
            return Vec::new();
        };
        let Some(value) = self.attribute(first) else {
            return Vec::new();
        };
        let span = self.span_of(first);
        values_at(value, rest)
            .into_iter()
            .map(|v| (Some(v), span))
            .collect()
    }

    fn references(&self, path: &[String]) -> Vec<(Target, Span)> {
        let attribute = path.join(".");
        let expressions = self.config.and_then(|c| get(c, "expressions"));
        let mut out = Vec::new();
        if let Some(expressions) = expressions {
            collect_expressions(expressions, path, &mut |expression| {
                let references = items(get(expression, "references"));
                let target = references
                    .iter()
                    .filter_map(super::document::str_of)
                    .find_map(resource_of)
                    .map(|r| Target::Resource(format!("{}{r}", self.prefix)))
                    .unwrap_or_else(|| {
                        Target::Unknown(format!(
                            "{attribute} does not refer to a resource of this configuration"
                        ))
                    });
                out.push((target, span(self.file, expression)));
            });
            return out;
        }
        // No configuration in the plan: the planned value says only whether it is set.
        self.collect(path)
            .into_iter()
            .map(|(value, span)| {
                let reason = match value {
                    Some(Value::Unknown(u)) => u.reason.to_string(),
                    _ => format!(
                        "{attribute} is set, but the plan has no configuration saying which resource it refers to"
                    ),
                };
                (Target::Unknown(reason), span)
            })
            .collect()
    }
}

/// Every expression at a dotted path through nested blocks (each repeated block).
fn collect_expressions<'a, 't>(
    node: &'a Json<'t>,
    path: &[String],
    found: &mut dyn FnMut(&'a Json<'t>),
) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    let Some(next) = get(node, first) else {
        return;
    };
    if rest.is_empty() {
        if !matches!(next, Json::Array(_)) {
            found(next);
        }
        return;
    }
    for block in items(Some(next)) {
        collect_expressions(block, rest, found);
    }
}
