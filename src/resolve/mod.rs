//! Resolution: for every resource instance of every root, the provider configuration,
//! vendor and region it lands on, with the evidence chain that decided them. Roots are
//! analysed in parallel; modules are shared, never re-parsed.

mod analysis;
mod inputs;
mod location;
mod providers;
mod replication;
mod tags;

pub use analysis::{InstanceKey, prefix};
pub use inputs::Inputs;
pub use location::{Arguments, Found, Placement, ProviderView, decide, value_at};
pub use replication::{Copies, Replica, Target, replicas, values_at};
pub use tags::{Tag, TagOrigin, tags_in_value};

use crate::catalog::Catalog;
use crate::config::Mode;
use crate::diagnostic::{Diagnostic, Location};
use crate::parse::Workspace;
use crate::source::Span;
use analysis::{Analysis, InstanceId};
use rayon::prelude::*;

/// Bounds that keep hostile or runaway input from exhausting time or memory. Hitting one
/// is reported and the entry is unresolved, never silently truncated.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Instances one `count`/`for_each` block may expand to.
    pub max_instances: usize,
    /// Module nesting depth.
    pub max_module_depth: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_instances: 100_000,
            max_module_depth: 64,
        }
    }
}

/// One step of the reasoning behind a placement.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Where it was read; `None` for the command line, the environment or built-in
    /// knowledge.
    pub span: Option<Span>,
    pub note: String,
}

impl Evidence {
    pub fn new(span: Option<Span>, note: impl Into<String>) -> Evidence {
        Evidence {
            span,
            note: note.into(),
        }
    }
}

/// A resource record's index in its run: what findings point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceId(u32);

impl ResourceId {
    pub fn new(index: usize) -> ResourceId {
        ResourceId(u32::try_from(index).expect("fewer than 2^32 resources"))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A resource instance and where it lands. Plain data: reports render it.
#[derive(Clone, Debug)]
pub struct ResourceRecord {
    /// Root module directory, relative to the scanned path.
    pub root: String,
    /// Address relative to the root (`module.logs.aws_s3_bucket.logs["a"]`).
    pub address: String,
    pub kind: String,
    pub mode: Mode,
    /// The resource block's header.
    pub span: Span,
    /// The whole resource block.
    pub block: Span,
    /// The enclosing module call blocks, innermost first.
    pub calls: Vec<Span>,
    pub provider_source: String,
    pub provider_config: Option<String>,
    pub vendor: Option<String>,
    pub region: Option<String>,
    /// False for providers that host nothing (random, null, tls, …).
    pub hosted: bool,
    pub unresolved: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// The provider and region lines that decided the placement.
    pub causes: Vec<Span>,
    /// Tags of the resource, of its provider's defaults and of enclosing module calls.
    pub tags: Vec<Tag>,
    /// Where the resource copies its data (replicas, geo-redundancy, backups).
    pub replicas: Vec<Replica>,
}

/// Where a root's Terraform state is stored.
#[derive(Clone, Debug)]
pub struct BackendRecord {
    pub root: String,
    /// `s3`, `gcs`, `azurerm`, `cloud`, …
    pub kind: String,
    pub span: Span,
    pub vendor: Option<String>,
    pub region: Option<String>,
    pub hosted: bool,
    pub unresolved: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub causes: Vec<Span>,
}

pub struct Inventory {
    pub resources: Vec<ResourceRecord>,
    pub backends: Vec<BackendRecord>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolves every root of the workspace.
pub fn resolve(ws: &Workspace, catalog: &Catalog, inputs: &Inputs, limits: &Limits) -> Inventory {
    let per_root: Vec<(Vec<ResourceRecord>, Option<BackendRecord>, Vec<Diagnostic>)> = ws
        .roots
        .par_iter()
        .map(|root| {
            let file_name = |span: Span| ws.sources.display(span.file).to_string();
            let values =
                inputs::root_values(&ws.auto_vars[root.module.0 as usize], inputs, &file_name);
            let analysis = Analysis::new(ws, root.module, values, limits);
            let mut records = Vec::new();
            walk(
                &analysis,
                catalog,
                InstanceId(0),
                &root.display,
                &mut records,
            );
            let backend = ws.module(root.module).backend.as_ref().map(|b| {
                let placement = analysis.place_backend(catalog, b);
                BackendRecord {
                    root: root.display.clone(),
                    kind: b.kind.to_string(),
                    span: b.header,
                    vendor: placement.vendor,
                    region: placement.region,
                    hosted: placement.hosted,
                    unresolved: placement.unresolved,
                    evidence: dedup(placement.evidence),
                    causes: placement.causes,
                }
            });
            (records, backend, analysis.diagnostics.into_inner())
        })
        .collect();
    let mut resources = Vec::new();
    let mut backends = Vec::new();
    let mut diagnostics = Vec::new();
    for (records, backend, diags) in per_root {
        resources.extend(records);
        backends.extend(backend);
        diagnostics.extend(diags);
    }
    // The same module reached from several roots reports the same problem once.
    diagnostics.sort_by_key(|d| (location_key(&d.location), d.message.clone()));
    diagnostics.dedup_by(|a, b| {
        a.message == b.message && location_key(&a.location) == location_key(&b.location)
    });
    Inventory {
        resources,
        backends,
        diagnostics,
    }
}

fn location_key(location: &Location) -> (u32, u32) {
    match location {
        Location::Span(s) => (s.file.0, s.start),
        _ => (u32::MAX, 0),
    }
}

/// Every resource of an instance, then of its module calls, depth first.
fn walk(
    an: &Analysis<'_>,
    catalog: &Catalog,
    instance: InstanceId,
    root: &str,
    out: &mut Vec<ResourceRecord>,
) {
    let inst = an.instance(instance);
    let module = an.module_of(instance);
    // Module-call arguments classify data-holding resources only: read them once, and
    // only when the instance has such a resource.
    let call_tags = std::cell::OnceCell::new();
    let calls = an.call_blocks(instance);
    for (index, resource) in module.resources.iter().enumerate() {
        let base = format!("{}{}", prefix(&inst.address), resource.address());
        let provider_key = an.resource_provider_key(instance, index);
        let binding = an.bind_provider(instance, &provider_key);
        let local_name = provider_key.split('.').next().unwrap_or(&provider_key);
        let source = module.provider_source(local_name);
        let keys = an.expand(
            instance,
            &InstanceKey::Single,
            resource.count.as_ref(),
            resource.for_each.as_ref(),
            &base,
            resource.header,
        );
        let entry = catalog.provider(&source);
        // Tags and copies matter for data-holding resources only (see `classify`).
        let data_entry = entry.filter(|_| {
            resource.mode == Mode::Managed && catalog.data_type(&resource.kind).is_some()
        });
        for instance_key in keys {
            let mut placement =
                an.place(catalog, instance, index, &instance_key, &source, &binding);
            let tags = match data_entry {
                Some(entry) if placement.hosted => {
                    let mut tags = an.tags(entry, instance, index, &instance_key, &binding);
                    tags.extend(
                        call_tags
                            .get_or_init(|| an.call_tags(instance))
                            .iter()
                            .cloned(),
                    );
                    tags
                }
                _ => Vec::new(),
            };
            let replicas = match data_entry {
                Some(entry) if placement.hosted => an.replicas(
                    catalog,
                    entry,
                    instance,
                    index,
                    &instance_key,
                    (placement.vendor.as_deref(), placement.region.as_deref()),
                ),
                _ => Vec::new(),
            };
            if let InstanceKey::Unknown(why) = &instance_key {
                let what = if resource.count.is_some() {
                    "count"
                } else {
                    "for_each"
                };
                let reason = why
                    .first_unknown()
                    .map(|u| u.reason.to_string())
                    .unwrap_or_default();
                placement.unresolved.insert(
                    0,
                    format!(
                        "{what} is not known statically, so the instances are not known: {reason}"
                    ),
                );
            }
            if let Some((_, span)) = &resource.provider {
                placement.causes.insert(0, *span);
            }
            out.push(ResourceRecord {
                root: root.to_string(),
                address: format!("{base}{}", instance_key.suffix()),
                kind: resource.kind.to_string(),
                mode: resource.mode,
                span: resource.header,
                block: resource.span,
                calls: calls.clone(),
                provider_source: source.clone(),
                provider_config: binding.config.clone(),
                vendor: placement.vendor,
                region: placement.region,
                hosted: placement.hosted,
                unresolved: placement.unresolved,
                evidence: dedup(placement.evidence),
                causes: placement.causes,
                tags,
                replicas,
            });
        }
    }
    for call in 0..module.calls.len() {
        for child in an.call_instances(instance, call).iter() {
            walk(an, catalog, *child, root, out);
        }
    }
}

fn dedup(evidence: Vec<Evidence>) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::with_capacity(evidence.len());
    for e in evidence {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}
