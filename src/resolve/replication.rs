//! Where a resource copies its data (replicas, geo-redundant storage, backups, exports),
//! from the catalog's replication rules: each destination is resolved like a location.

use super::analysis::{Analysis, InstanceId, InstanceKey, prefix};
use super::location::BlockArguments;
use crate::catalog::{Catalog, DestinationKind, ProviderEntry};
use crate::evaluate::Value;
use crate::evaluate::expr::get_attr;
use crate::source::Span;
use crate::syntax::Body;

/// One place a resource's data is copied to.
#[derive(Clone, Debug, PartialEq)]
pub struct Replica {
    /// The argument that sends it there (`replica.region_name`).
    pub attribute: String,
    pub target: Target,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A region code of the resource's vendor.
    Region(String),
    /// A location the vendor chooses (automatic replication, multi-region keys).
    Unpinned,
    /// Another resource, whose own placement is the destination (its address in the root).
    Resource(String),
    Unknown(String),
}

/// What replication reads of a resource: its configuration block, or its planned values.
pub trait Copies {
    /// Every value at `path`, through every repeated nested block or the maps and lists of
    /// an argument; `None` for a nested block that is merely present (`auto {}`).
    fn collect(&self, path: &[String]) -> Vec<(Option<Value>, Span)>;

    /// The resources the arguments at `path` refer to (their addresses in the root), or
    /// why the destination is unknown.
    fn references(&self, path: &[String]) -> Vec<(Target, Span)>;
}

impl Analysis<'_> {
    pub fn replicas(
        &self,
        catalog: &Catalog,
        entry: &ProviderEntry,
        instance: InstanceId,
        index: usize,
        key: &InstanceKey,
        placed: (Option<&str>, Option<&str>),
    ) -> Vec<Replica> {
        let resource = &self.module_of(instance).resources[index];
        let arguments = BlockArguments {
            an: self,
            instance,
            key,
            body: &resource.body,
        };
        replicas(
            catalog,
            entry,
            &resource.kind,
            &arguments,
            resource.header,
            placed,
        )
    }
}

/// Where a resource of type `kind`, placed at `(vendor, region)`, copies its data, by the
/// catalog's replication rules for that type.
pub fn replicas(
    catalog: &Catalog,
    entry: &ProviderEntry,
    kind: &str,
    resource: &dyn Copies,
    header: Span,
    (vendor, region): (Option<&str>, Option<&str>),
) -> Vec<Replica> {
    let Some(data_type) = catalog.data_type(kind) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rule in &data_type.replication {
        if vendor.is_some_and(|v| !rule.applies_to_vendor(v)) {
            continue;
        }
        let Some(path) = &rule.attribute else {
            continue; // own-location: the resource is itself the copy, judged as such.
        };
        let attribute = path.to_string();
        if rule.kind == DestinationKind::ResourceReference {
            // The destination is another resource: read the reference itself, since the
            // referenced attribute (an ARN, an id) is known only after apply.
            out.extend(
                resource
                    .references(&path.segments)
                    .into_iter()
                    .map(|(target, span)| Replica {
                        attribute: attribute.clone(),
                        target,
                        span,
                    }),
            );
            continue;
        }
        let found = resource.collect(&path.segments);
        if found.is_empty() && rule.applies_to(None) {
            // Absent, with a default that replicates (Azure SQL backups default to Geo).
            out.push(destination(
                catalog,
                entry,
                rule.kind,
                None,
                (vendor, region),
                attribute.clone(),
                header,
            ));
        }
        for (value, span) in found {
            let text = match &value {
                Some(Value::String(s)) => Some(s.to_string()),
                Some(Value::Bool(b)) => Some(b.to_string()),
                _ => None,
            };
            if let Some(Value::Unknown(u)) = &value {
                out.push(Replica {
                    attribute: attribute.clone(),
                    target: Target::Unknown(u.reason.to_string()),
                    span,
                });
                continue;
            }
            // A block or an object (`replication { auto {} }`) replicates by being there,
            // unless the rule asks for given values.
            let applies = match (&value, text.as_deref()) {
                (_, Some(text)) => rule.applies_to(Some(text)),
                (None | Some(Value::Map(_)), None) => rule.when.is_empty(),
                _ => false,
            };
            if !applies {
                continue;
            }
            // A plain region in an argument that may hold a multi-region (GCS `location`)
            // is the primary location, not a copy.
            let multi = |code: &str| {
                vendor
                    .and_then(|v| catalog.region(v, code))
                    .is_some_and(|r| r.multi || r.unpinned)
            };
            if rule.kind == DestinationKind::MultiRegion && !text.as_deref().is_some_and(multi) {
                continue;
            }
            out.push(destination(
                catalog,
                entry,
                rule.kind,
                text.as_deref(),
                (vendor, region),
                attribute.clone(),
                span,
            ));
        }
    }
    out
}

fn destination(
    catalog: &Catalog,
    entry: &ProviderEntry,
    kind: DestinationKind,
    value: Option<&str>,
    (vendor, region): (Option<&str>, Option<&str>),
    attribute: String,
    span: Span,
) -> Replica {
    let target = match kind {
        DestinationKind::Region | DestinationKind::MultiRegion => match value {
            Some(v) => Target::Region(entry.normalise_location(v)),
            None => Target::Unknown(format!("{attribute} is not set")),
        },
        DestinationKind::Unpinned => Target::Unpinned,
        DestinationKind::PairedRegion => match (vendor, region) {
            (Some(v), Some(r)) => match catalog.paired_region(v, r) {
                Some(pair) => Target::Region(pair.to_string()),
                None => {
                    Target::Unknown(format!("the region paired with {r} is not in the catalog"))
                }
            },
            _ => Target::Unknown(
                "the resource's own region is unresolved, so its paired region is too".into(),
            ),
        },
        DestinationKind::ResourceReference => Target::Unknown(format!(
            "{attribute} does not refer to a resource of this configuration"
        )),
        DestinationKind::OwnLocation => Target::Unknown(String::new()),
    };
    Replica {
        attribute,
        target,
        span,
    }
}

impl Copies for BlockArguments<'_, '_> {
    fn collect(&self, path: &[String]) -> Vec<(Option<Value>, Span)> {
        let mut out = Vec::new();
        collect_in(self, self.body, path, &mut out);
        out
    }

    fn references(&self, path: &[String]) -> Vec<(Target, Span)> {
        let here = prefix(&self.an.instance(self.instance).address);
        let attribute = path.join(".");
        attributes_at(self.body, path)
            .into_iter()
            .map(|attr| {
                let target = match attr.expr.resource_reference() {
                    Some(r) => {
                        let suffix = self
                            .an
                            .instance_key_of(self.instance, self.key, r.key)
                            .suffix();
                        Target::Resource(format!("{here}{}.{}{suffix}", r.kind, r.name))
                    }
                    None => match self.an.eval(self.instance, self.key, &attr.expr) {
                        Value::Unknown(u) => Target::Unknown(u.reason.to_string()),
                        v => Target::Unknown(format!(
                            "{attribute} = {v} does not refer to a resource of this configuration"
                        )),
                    },
                };
                (target, attr.span)
            })
            .collect()
    }
}

fn collect_in(
    at: &BlockArguments<'_, '_>,
    body: &Body,
    path: &[String],
    out: &mut Vec<(Option<Value>, Span)>,
) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    let blocks: Vec<_> = body.blocks_named(first).collect();
    if !blocks.is_empty() {
        for block in blocks {
            if rest.is_empty() {
                out.push((None, block.span));
            } else {
                collect_in(at, &block.body, rest, out);
            }
        }
        return;
    }
    let Some(attr) = body.attribute(first) else {
        return;
    };
    let value = at.an.eval(at.instance, at.key, &attr.expr);
    out.extend(
        values_at(value, rest)
            .into_iter()
            .map(|v| (Some(v), attr.span)),
    );
}

/// The values at `path` under `value`, through maps and every element of lists; the
/// elements of a list at the end are values of their own.
pub fn values_at(value: Value, path: &[String]) -> Vec<Value> {
    let mut values = vec![value];
    for segment in path {
        values = values
            .into_iter()
            .flat_map(|v| descend(v, segment))
            .collect();
    }
    values
        .into_iter()
        .flat_map(|value| match value {
            Value::List(items) | Value::Set(items) => items.iter().cloned().collect(),
            Value::Null => Vec::new(),
            v => vec![v],
        })
        .collect()
}

/// The arguments at a dotted path through nested blocks (every repeated block).
fn attributes_at<'b>(body: &'b Body, path: &'b [String]) -> Vec<&'b crate::syntax::Attribute> {
    match path {
        [] => Vec::new(),
        [last] => body.attribute(last).into_iter().collect(),
        [first, rest @ ..] => body
            .blocks_named(first)
            .flat_map(|b| attributes_at(&b.body, rest))
            .collect(),
    }
}

/// `.segment` on a map, or on each element of a list.
fn descend(value: Value, segment: &str) -> Vec<Value> {
    match value {
        Value::List(items) | Value::Set(items) => items
            .iter()
            .flat_map(|v| descend(v.clone(), segment))
            .collect(),
        Value::Map(_) => match get_attr(&value, segment) {
            Value::Unknown(u) if u.error => Vec::new(),
            v => vec![v],
        },
        Value::Unknown(_) => vec![value],
        _ => Vec::new(),
    }
}
