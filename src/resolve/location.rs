//! Who operates a resource (vendor) and where it lands (region), from the catalog's
//! knowledge of its provider: endpoint rules first for the vendor; for the region, the
//! resource's own arguments, then an endpoint's region, then the provider configuration,
//! then hints such as an availability zone.

use super::Evidence;
use super::analysis::{Analysis, InstanceId, InstanceKey};
use super::providers::{BindTarget, Binding};
use crate::catalog::{AttrPath, Catalog, ProviderEntry};
use crate::config::Mode;
use crate::evaluate::Value;
use crate::evaluate::expr::get_attr;
use crate::source::Span;
use crate::syntax::{Body, Expr};

/// What was found for one resource instance.
#[derive(Debug, Default)]
pub struct Placement {
    pub vendor: Option<String>,
    pub region: Option<String>,
    pub hosted: bool,
    pub unresolved: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// The lines that decided vendor and region (provider block, region argument).
    pub causes: Vec<Span>,
}

/// A value read at an attribute path, with where it was written and how it was derived.
pub struct Found {
    pub value: Value,
    pub span: Span,
    pub evidence: Vec<Evidence>,
}

/// What placement reads: a configuration block's arguments evaluated statically, or the
/// values a plan records for a resource or a provider configuration.
pub trait Arguments {
    /// The value at a dotted path (nested blocks, then an argument and the keys of its
    /// value); `None` when nothing is written there.
    fn read(&self, path: &AttrPath) -> Option<Found>;

    /// The first of `paths` set (not null).
    fn first<'p>(&self, paths: &'p [AttrPath]) -> Option<(&'p AttrPath, Found)> {
        paths.iter().find_map(|path| {
            let found = self.read(path)?;
            (found.value != Value::Null).then_some((path, found))
        })
    }
}

/// A block of the configuration, read where it is written.
pub(super) struct BlockArguments<'a, 'w> {
    pub an: &'a Analysis<'w>,
    pub instance: InstanceId,
    pub key: &'a InstanceKey,
    pub body: &'a Body,
}

impl Arguments for BlockArguments<'_, '_> {
    fn read(&self, path: &AttrPath) -> Option<Found> {
        self.an.read_path(self.instance, self.key, self.body, path)
    }
}

/// How a resource's provider configuration was found, for the messages of [`decide`].
pub struct ProviderView<'a> {
    /// Its arguments; `None` for an implicit (empty) configuration or an unresolved one.
    pub arguments: Option<&'a dyn Arguments>,
    /// Its name (`aws.west`), for messages.
    pub name: &'a str,
    /// False when the configuration itself could not be found (already reported).
    pub resolved: bool,
}

/// The decision order shared by `check` and `plan-check`: the operator from an endpoint
/// rule or the provider; the region from the resource's arguments, then the parent
/// resource it lives in, then an endpoint, then the provider configuration, then hints.
pub fn decide(
    catalog: &Catalog,
    source: &str,
    kind: &str,
    resource: &dyn Arguments,
    provider: &ProviderView<'_>,
    parent: &mut dyn FnMut(&ProviderEntry) -> Option<Placement>,
    out: &mut Placement,
) {
    let Some(entry) = catalog.provider(source) else {
        out.unresolved.push(not_in_catalog(catalog, source));
        return;
    };
    if entry.hosting == crate::catalog::Hosting::None {
        out.hosted = false;
        out.evidence.push(Evidence::new(
            None,
            format!("{source} resources live only in Terraform state: nothing is hosted"),
        ));
        return;
    }
    let endpoint_region = settle_vendor(entry, source, Some(kind), provider.arguments, out);
    if entry.is_global_type(kind) {
        out.region = Some("global".into());
        out.evidence.push(Evidence::new(
            None,
            format!("{kind} is a global service: not bound to a region"),
        ));
        return;
    }
    if let Some(found) = resource.first(&entry.resource_location) {
        settle_region(entry, found, "resource argument", out);
        return;
    }
    if let Some(parent) = parent(entry) {
        out.evidence.extend(parent.evidence);
        out.causes.extend(parent.causes);
        out.unresolved.extend(parent.unresolved);
        out.region = parent.region;
        return;
    }
    if let Some((region, span, value)) = endpoint_region {
        out.evidence.push(Evidence::new(
            Some(span),
            format!("region {region} from endpoint {value:?}"),
        ));
        out.region = Some(region);
        return;
    }
    // Some types do not follow the provider's region when their own argument is absent.
    if let Some(default) = entry.type_default_location(kind) {
        out.evidence.push(Evidence::new(
            None,
            format!("{kind} without a location argument is created in {default} (the provider's default for this type)"),
        ));
        out.region = Some(default.to_string());
        return;
    }
    if let Some(found) = provider
        .arguments
        .and_then(|p| p.first(&entry.provider_location))
    {
        settle_region(entry, found, "provider argument", out);
        return;
    }
    if let Some(found) = resource.first(&entry.location_hints) {
        settle_region(entry, found, "hint", out);
        return;
    }
    if provider.resolved {
        let args = distinct(
            entry
                .resource_location
                .iter()
                .chain(&entry.provider_location),
        );
        let config = provider.name;
        let default = entry
            .default_location
            .as_ref()
            .map(|d| format!(" (the provider falls back on {d} when the environment sets nothing)"))
            .unwrap_or_default();
        out.unresolved.push(if args.is_empty() {
            format!("{source} has no region argument souverain knows of")
        } else if entry.provider_location.is_empty() {
            format!("no location set on the resource ({args}), and no parent resource it lives in was found")
        } else {
            format!("no region set on the resource or on provider configuration {config} ({args}): it comes from the environment when Terraform runs{default}")
        });
    }
}

impl Analysis<'_> {
    pub fn place(
        &self,
        catalog: &Catalog,
        instance: InstanceId,
        index: usize,
        key: &InstanceKey,
        source: &str,
        binding: &Binding,
    ) -> Placement {
        let resource = &self.module_of(instance).resources[index];
        let mut out = Placement {
            hosted: true,
            ..Placement::default()
        };
        let config_key = self.resource_provider_key(instance, index);
        let (span, how) = match &resource.provider {
            Some((_, span)) => (*span, "its provider argument"),
            None => (resource.header, "its type"),
        };
        out.evidence.push(Evidence::new(
            Some(span),
            format!(
                "{} uses provider configuration {config_key} ({how})",
                resource.address()
            ),
        ));
        out.evidence.extend(binding.via.iter().cloned());
        let hosted = catalog
            .provider(source)
            .is_some_and(|e| e.hosting != crate::catalog::Hosting::None);
        // The provider configuration's body and where to evaluate it.
        let provider = match &binding.target {
            BindTarget::Block { instance, index } if hosted => {
                let block = &self.module_of(*instance).providers[*index];
                let config = binding.config.as_deref().unwrap_or("?");
                out.evidence.push(Evidence::new(
                    Some(block.header),
                    format!("provider configuration {config} is defined here"),
                ));
                out.causes.push(block.header);
                Some(BlockArguments {
                    an: self,
                    instance: *instance,
                    key: &InstanceKey::Single,
                    body: &block.body,
                })
            }
            BindTarget::Unresolved(reason) if hosted => {
                out.unresolved.push(reason.clone());
                None
            }
            _ => None,
        };
        let view = ProviderView {
            arguments: provider.as_ref().map(|p| p as &dyn Arguments),
            name: binding.config.as_deref().unwrap_or("?"),
            resolved: !matches!(binding.target, BindTarget::Unresolved(_)),
        };
        let arguments = BlockArguments {
            an: self,
            instance,
            key,
            body: &resource.body,
        };
        let mut parent =
            |entry: &ProviderEntry| self.parent_location(catalog, entry, instance, index, key);
        decide(
            catalog,
            source,
            &resource.kind,
            &arguments,
            &view,
            &mut parent,
            &mut out,
        );
        out
    }
}

/// The operator: an endpoint rule that matches a provider argument (applying to `kind`
/// when given), else the provider's own operator. Returns the region an endpoint names,
/// if any.
fn settle_vendor(
    entry: &ProviderEntry,
    source: &str,
    kind: Option<&str>,
    provider: Option<&dyn Arguments>,
    out: &mut Placement,
) -> Option<(String, Span, String)> {
    let mut endpoint_region = None;
    let mut vendor_reason = None;
    for rule in entry
        .endpoints
        .iter()
        .filter(|r| kind.is_none_or(|k| r.applies_to(k)))
    {
        let Some(provider) = provider else {
            break;
        };
        let Some(found) = provider.read(&rule.attribute) else {
            continue;
        };
        match &found.value {
            Value::String(s) => {
                if let Some(m) = rule.matches(s) {
                    out.evidence.extend(found.evidence);
                    out.evidence.push(Evidence::new(
                        Some(found.span),
                        format!("{} = {s:?} → operator {}", rule.attribute, m.vendor),
                    ));
                    out.causes.push(found.span);
                    out.vendor = Some(m.vendor.to_string());
                    endpoint_region = m.region.map(|r| (r, found.span, s.to_string()));
                    break;
                }
                if entry.vendor.is_none() {
                    vendor_reason.get_or_insert_with(|| format!("{} = {s:?} is not a known endpoint: declare its operator in .souverain.hcl (an internal cloud, for instance)", rule.attribute));
                }
            }
            Value::Unknown(u) => {
                vendor_reason.get_or_insert_with(|| {
                    format!(
                        "provider argument {} is unknown, so the operator is unknown: {}",
                        rule.attribute, u.reason
                    )
                });
            }
            _ => {}
        }
    }
    if out.vendor.is_none() {
        match (&entry.vendor, vendor_reason) {
            (_, Some(reason)) => out.unresolved.push(reason),
            (Some(vendor), None) => {
                out.vendor = Some(vendor.clone());
                out.evidence.push(Evidence::new(
                    None,
                    format!("{source} is operated by {vendor}"),
                ));
            }
            (None, None) => {
                let attrs = distinct(entry.endpoints.iter().map(|r| &r.attribute));
                out.unresolved.push(format!(
                    "{source} does not tell its operator without an endpoint ({attrs}); none is set"
                ));
            }
        }
    }
    endpoint_region
}

fn settle_region(
    entry: &ProviderEntry,
    (path, found): (&AttrPath, Found),
    what: &str,
    out: &mut Placement,
) {
    out.evidence.extend(found.evidence);
    out.causes.push(found.span);
    match &found.value {
        Value::String(s) if s.trim().is_empty() => {
            out.unresolved.push(format!("{what} {path} is empty"))
        }
        Value::String(s) => {
            let region = if path.is_zone {
                entry.region_of_zone(s)
            } else {
                entry.normalise_location(s)
            };
            let note = if region == **s {
                format!("region {region} from {what} {path}")
            } else {
                format!("region {region} from {what} {path} = {s:?}")
            };
            out.evidence.push(Evidence::new(Some(found.span), note));
            out.region = Some(region);
        }
        Value::Unknown(u) => out
            .unresolved
            .push(format!("{what} {path} is unknown: {}", u.reason)),
        other => out.unresolved.push(format!(
            "{what} {path} is a {}, not a region name",
            other.type_name()
        )),
    }
}

impl Analysis<'_> {
    /// Where a root's state backend stores the state: the backend block is read like a
    /// provider block of the provider whose catalog entry lists that backend.
    pub fn place_backend(&self, catalog: &Catalog, backend: &crate::config::Backend) -> Placement {
        let root = super::analysis::InstanceId(0);
        let mut out = Placement {
            hosted: true,
            ..Placement::default()
        };
        out.causes.push(backend.header);
        if &*backend.kind == "local" {
            out.hosted = false;
            out.evidence.push(Evidence::new(
                Some(backend.header),
                "the local backend keeps the state on the machine that runs Terraform",
            ));
            return out;
        }
        let Some(entry) = catalog
            .providers()
            .find(|p| p.backends.iter().any(|b| *b == *backend.kind))
        else {
            out.unresolved.push(format!("the {:?} backend is not in the catalog: where it stores the state is unknown to souverain", backend.kind));
            return out;
        };
        let source = entry.source.clone();
        let body = with_legacy_endpoint(&backend.body);
        let arguments = BlockArguments {
            an: self,
            instance: root,
            key: &InstanceKey::Single,
            body: &body,
        };
        let endpoint_region = settle_vendor(entry, &source, None, Some(&arguments), &mut out);
        if let Some(found) = arguments.first(&entry.provider_location) {
            settle_region(entry, found, "backend argument", &mut out);
        } else if let Some((region, span, value)) = endpoint_region {
            out.evidence.push(Evidence::new(
                Some(span),
                format!("region {region} from endpoint {value:?}"),
            ));
            out.region = Some(region);
        } else {
            out.unresolved.push(format!("the {} backend does not say where its storage is (the bucket or account location is not in the configuration)", backend.kind));
        }
        out
    }

    /// The instance a reference's index selects (`aws_s3_bucket.b[each.key]`), evaluated
    /// where the reference is written.
    pub(super) fn instance_key_of(
        &self,
        instance: InstanceId,
        key: &InstanceKey,
        index: Option<&Expr>,
    ) -> InstanceKey {
        match index.map(|expr| self.eval(instance, key, expr)) {
            None => InstanceKey::Single,
            Some(Value::Number(n)) if n >= 0.0 && n.fract() == 0.0 => {
                InstanceKey::Index(n as usize)
            }
            Some(Value::String(k)) => InstanceKey::Key(k.to_string(), Value::Null),
            Some(other) => InstanceKey::Unknown(other),
        }
    }

    /// The location of the parent a resource without a location argument lives in, found
    /// through the catalog's `location_from_parent` arguments (`server_id =
    /// azurerm_mssql_server.main.id`).
    fn parent_location(
        &self,
        catalog: &Catalog,
        entry: &ProviderEntry,
        instance: InstanceId,
        index: usize,
        key: &InstanceKey,
    ) -> Option<Placement> {
        let module = self.module_of(instance);
        let resource = &module.resources[index];
        let (attr, parent) = resource.body.attributes.iter().find_map(|attr| {
            let parent = attr.expr.resource_reference()?;
            let parent_index = module.find_resource(Mode::Managed, parent.kind, parent.name)?;
            let parent_kind = &module.resources[parent_index].kind;
            entry
                .lives_in(&attr.name, &resource.kind, parent_kind)
                .then_some((attr, (parent_index, parent.key)))
        })?;
        let (parent_index, parent_key_expr) = parent;
        if self.placing.borrow().contains(&(instance, parent_index)) {
            return None;
        }
        let parent_key = self.instance_key_of(instance, key, parent_key_expr);
        let parent = &module.resources[parent_index];
        let parent_config = self.resource_provider_key(instance, parent_index);
        let binding = self.bind_provider(instance, &parent_config);
        let source = module.provider_source(parent.implied_provider());
        self.placing.borrow_mut().push((instance, index));
        let mut placement = self.place(
            catalog,
            instance,
            parent_index,
            &parent_key,
            &source,
            &binding,
        );
        self.placing.borrow_mut().pop();
        let address = format!("{}{}", parent.address(), parent_key.suffix());
        placement.evidence.insert(
            0,
            Evidence::new(
                Some(attr.span),
                format!(
                    "{} has no location of its own: it lives in {address} ({})",
                    resource.address(),
                    attr.name
                ),
            ),
        );
        Some(placement)
    }

    /// Evaluates a dotted path: nested blocks (or, in JSON syntax, object arguments), then an
    /// argument.
    /// The value at `path` in `body` and where it was written (without evidence).
    pub(super) fn read_value(
        &self,
        instance: InstanceId,
        key: &InstanceKey,
        body: &Body,
        path: &AttrPath,
    ) -> Option<(Value, Span)> {
        self.read_path(instance, key, body, path)
            .map(|f| (f.value, f.span))
    }

    fn read_path(
        &self,
        instance: InstanceId,
        key: &InstanceKey,
        body: &Body,
        path: &AttrPath,
    ) -> Option<Found> {
        let (first, rest) = path.segments.split_first()?;
        if rest.is_empty() {
            let attr = body.attribute(first)?;
            let (value, evidence) = self.eval_traced(instance, key, &attr.expr);
            return Some(Found {
                value,
                span: attr.span,
                evidence,
            });
        }
        if let Some(block) = body.blocks_named(first).next() {
            let inner = AttrPath {
                segments: rest.to_vec(),
                is_zone: path.is_zone,
            };
            return self.read_path(instance, key, &block.body, &inner);
        }
        let attr = body.attribute(first)?;
        let (value, evidence) = self.eval_traced(instance, key, &attr.expr);
        Some(Found {
            value: value_at(value, rest),
            span: attr.span,
            evidence,
        })
    }
}

/// The value at `path` under an argument's value: through object keys, and into the first
/// element of a list (a nested block written as an object, or a plan's list of blocks).
pub fn value_at(mut value: Value, path: &[String]) -> Value {
    for segment in path {
        value = match value {
            Value::List(items) | Value::Set(items) => items
                .first()
                .map(|v| get_attr(v, segment))
                .unwrap_or(Value::Null),
            Value::Map(_) => match get_attr(&value, segment) {
                Value::Unknown(u) if u.error => Value::Null,
                v => v,
            },
            other => other,
        };
    }
    value
}

/// Why a provider is unknown, with a hint when the source was only implied: a module that
/// uses `scaleway_*` resources without `required_providers` gets `hashicorp/scaleway`, which
/// Terraform would not find either.
fn not_in_catalog(catalog: &Catalog, source: &str) -> String {
    let mut reason = format!(
        "provider {source} is not in the catalog: its operator and region arguments are unknown to souverain"
    );
    if let Some(name) = source.strip_prefix("hashicorp/") {
        let candidates: Vec<&str> = catalog
            .providers()
            .map(|p| p.source.as_str())
            .filter(|s| s.rsplit('/').next() == Some(name) && !s.starts_with("hashicorp/"))
            .collect();
        if !candidates.is_empty() {
            reason.push_str(&format!(
                " (the module has no required_providers entry for {name}; did you mean {}?)",
                candidates.join(" or ")
            ));
        }
    }
    reason
}

/// Attribute paths listed once each, in order: `region, zone`.
fn distinct<'p>(paths: impl Iterator<Item = &'p AttrPath>) -> String {
    let mut names: Vec<String> = Vec::new();
    for path in paths {
        let name = path.to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// The S3 backend's deprecated `endpoint = "host"` is `endpoints { s3 = "host" }` (the form
/// the catalog's endpoint rules read).
fn with_legacy_endpoint(body: &Body) -> std::borrow::Cow<'_, Body> {
    match body.attribute("endpoint") {
        Some(endpoint)
            if body.blocks_named("endpoints").next().is_none()
                && body.attribute("endpoints").is_none() =>
        {
            let mut body = body.clone();
            body.blocks.push(crate::syntax::Block {
                ident: "endpoints".into(),
                labels: Vec::new(),
                body: Body {
                    attributes: vec![crate::syntax::Attribute {
                        name: "s3".into(),
                        ..endpoint.clone()
                    }],
                    blocks: Vec::new(),
                },
                span: endpoint.span,
                header: endpoint.span,
            });
            std::borrow::Cow::Owned(body)
        }
        _ => std::borrow::Cow::Borrowed(body),
    }
}
