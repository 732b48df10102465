//! Where a resource copies its data (replicas, geo-redundant storage, backups, exports),
//! from the catalog's replication rules: each destination is resolved like a location.

use super::analysis::{Analysis, InstanceId, InstanceKey, prefix};
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

/// A value found at a path, or a nested block that is merely present (`auto {}`).
enum Found {
    Value(Value),
    Block,
}

impl Analysis<'_> {
    pub fn replicas(
        &self,
        catalog: &Catalog,
        entry: &ProviderEntry,
        instance: InstanceId,
        index: usize,
        key: &InstanceKey,
        (vendor, region): (Option<&str>, Option<&str>),
    ) -> Vec<Replica> {
        let resource = &self.module_of(instance).resources[index];
        let Some(data_type) = catalog.data_type(&resource.kind) else {
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
                // The destination is another resource: read the expression itself, since
                // the referenced attribute (an ARN, an id) is known only after apply.
                let here = prefix(&self.instance(instance).address);
                for attr in attributes_at(&resource.body, &path.segments) {
                    let target = match attr.expr.resource_reference() {
                        Some(r) => {
                            let suffix = self.instance_key_of(instance, key, r.key).suffix();
                            Target::Resource(format!("{here}{}.{}{suffix}", r.kind, r.name))
                        }
                        None => match self.eval(instance, key, &attr.expr) {
                            Value::Unknown(u) => Target::Unknown(u.reason.to_string()),
                            v => Target::Unknown(format!(
                                "{attribute} = {v} does not refer to a resource of this configuration"
                            )),
                        },
                    };
                    out.push(Replica {
                        attribute: attribute.clone(),
                        target,
                        span: attr.span,
                    });
                }
                continue;
            }
            let mut found = Vec::new();
            self.collect(instance, key, &resource.body, &path.segments, &mut found);
            if found.is_empty() && rule.applies_to(None) {
                // Absent, with a default that replicates (Azure SQL backups default to Geo).
                out.push(self.destination(
                    catalog,
                    entry,
                    rule.kind,
                    None,
                    (vendor, region),
                    attribute.clone(),
                    resource.header,
                ));
            }
            for (value, span) in found {
                let text = match &value {
                    Found::Value(Value::String(s)) => Some(s.to_string()),
                    Found::Value(Value::Bool(b)) => Some(b.to_string()),
                    _ => None,
                };
                if let Found::Value(Value::Unknown(u)) = &value {
                    out.push(Replica {
                        attribute: attribute.clone(),
                        target: Target::Unknown(u.reason.to_string()),
                        span,
                    });
                    continue;
                }
                if !rule.applies_to(text.as_deref()) {
                    continue;
                }
                // A plain region in an argument that may hold a multi-region (GCS
                // `location`) is the primary location, not a copy.
                let multi = |code: &str| {
                    vendor
                        .and_then(|v| catalog.region(v, code))
                        .is_some_and(|r| r.multi || r.unpinned)
                };
                if rule.kind == DestinationKind::MultiRegion && !text.as_deref().is_some_and(multi)
                {
                    continue;
                }
                let replica = self.destination(
                    catalog,
                    entry,
                    rule.kind,
                    text.as_deref(),
                    (vendor, region),
                    attribute.clone(),
                    span,
                );
                out.push(replica);
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn destination(
        &self,
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

    /// Every value at `path`: through every repeated nested block, or through the maps and
    /// lists of an argument; a nested block at the end of the path counts as present.
    fn collect(
        &self,
        instance: InstanceId,
        key: &InstanceKey,
        body: &Body,
        path: &[String],
        out: &mut Vec<(Found, Span)>,
    ) {
        let Some((first, rest)) = path.split_first() else {
            return;
        };
        let blocks: Vec<_> = body.blocks_named(first).collect();
        if !blocks.is_empty() {
            for block in blocks {
                if rest.is_empty() {
                    out.push((Found::Block, block.span));
                } else {
                    self.collect(instance, key, &block.body, rest, out);
                }
            }
            return;
        }
        let Some(attr) = body.attribute(first) else {
            return;
        };
        let mut values = vec![self.eval(instance, key, &attr.expr)];
        for segment in rest {
            values = values
                .into_iter()
                .flat_map(|v| descend(v, segment))
                .collect();
        }
        for value in values {
            match value {
                Value::List(items) => {
                    out.extend(items.iter().cloned().map(|v| (Found::Value(v), attr.span)))
                }
                Value::Null => {}
                v => out.push((Found::Value(v), attr.span)),
            }
        }
    }
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
        Value::List(items) => items
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
