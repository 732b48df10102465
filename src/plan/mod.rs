//! Plans: what `terraform show -json PLANFILE` (or `tofu show -json`) says is about to be
//! created or changed, placed by the same decision order as the configuration
//! ([`crate::resolve::decide`]). Planned values (`change.after`) win over provider
//! configuration; what the plan marks unknown stays unresolved; what it marks sensitive is
//! never read. <https://developer.hashicorp.com/terraform/internals/json-format>

mod address;
mod configuration;
mod document;
mod planned;
mod sources;

pub use sources::attach_sources;

use crate::catalog::{AttrPath, Catalog, ProviderEntry, TagFormat};
use crate::config::{Mode, normalise_source};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::evaluate::Value;
use crate::resolve::{
    Arguments, Evidence, Placement, ProviderView, ResourceRecord, Tag, TagOrigin, decide, replicas,
    tags_in_value,
};
use crate::source::{FileId, Span};
use configuration::{Configuration, Expressions, call_path, calling_module};
use document::{get, is_true, items, span, str_at, str_of};
use jsonc_parser::ast::Value as Json;
use planned::Planned;
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Also resources the plan leaves unchanged, and those only in the prior state.
    pub all: bool,
}

pub struct PlanResources {
    pub resources: Vec<ResourceRecord>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a plan and places every resource it creates, updates or replaces (and, with
/// `all`, every resource it keeps). `root` names the root module in the records.
pub fn read(
    text: &str,
    file: FileId,
    root: &str,
    catalog: &Catalog,
    options: &Options,
) -> Result<PlanResources, Diagnostic> {
    let error = |offset: usize, message: String| {
        Diagnostic::error(
            Code::PlanError,
            message,
            Location::Span(Span::new(file, offset..offset)),
        )
    };
    let text = without_wrapper(text);
    let plan = match crate::parse::parse_json_document(&text) {
        Ok(Some(plan @ Json::Object(_))) => plan,
        Ok(_) => return Err(error(0, "a plan is a JSON object".into())),
        Err(e) => return Err(error(e.offset, format!("not valid JSON: {}", e.message))),
    };
    let Some(version) = get(&plan, "format_version").and_then(str_of) else {
        return Err(error(
            0,
            "no format_version: this is not the output of `terraform show -json PLANFILE`".into(),
        ));
    };
    let major = version.split('.').next().unwrap_or_default();
    if major != "0" && major != "1" {
        let at = get(&plan, "format_version").map_or(0, |n| span(file, n).start as usize);
        return Err(error(
            at,
            format!("plan format_version {version} is not supported: souverain reads 0.x and 1.x"),
        ));
    }
    if get(&plan, "resource_changes").is_none() && get(&plan, "planned_values").is_none() {
        return Err(error(
            0,
            "no resource_changes nor planned_values: this looks like a state, not a plan".into(),
        ));
    }
    let mut diagnostics = Vec::new();
    if is_true(get(&plan, "errored")) {
        diagnostics.push(Diagnostic::warning(
            Code::PlanErrored,
            "the plan errored: it may leave out resources Terraform could not plan, which were not checked",
            Location::Span(Span::new(file, 0..0)),
        ));
    }
    let cx = Configuration::new(&plan, file);
    let changes = changes(&plan, file, options);
    let by_address: HashMap<&str, usize> = changes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.address, i))
        .collect();
    let placer = Placer {
        cx: &cx,
        catalog,
        changes: &changes,
        by_address: &by_address,
        root,
    };
    let mut resources = Vec::with_capacity(changes.len());
    for (index, change) in changes.iter().enumerate() {
        match placer.record(index, &mut Vec::new()) {
            Ok(record) => resources.push(record),
            Err(message) => diagnostics.push(Diagnostic::error(
                Code::PlanError,
                format!("{}: {message}", change.address),
                Location::Span(change.span),
            )),
        }
    }
    Ok(PlanResources {
        resources,
        diagnostics,
    })
}

/// The plan as Terraform printed it. Through the `hashicorp/setup-terraform` action's
/// wrapper, `terraform show -json` output is framed by `[command]…` and `::debug::…`
/// lines: those are blanked, byte for byte, so that offsets still point into the file.
fn without_wrapper(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.starts_with("[command]") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("[command]") || trimmed.starts_with("::") {
            for c in line.chars() {
                match c {
                    '\n' | '\r' => out.push(c),
                    _ => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
                }
            }
        } else {
            out.push_str(line);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One resource instance of the plan and its planned values.
struct Change<'a, 't> {
    address: &'a str,
    module: &'a str,
    mode: Mode,
    kind: &'a str,
    name: &'a str,
    provider_name: &'a str,
    /// What the plan does: `create`, `update`, `delete, create`, `no-op`, `read`, or
    /// `prior state` for resources only the prior state holds.
    actions: String,
    after: Option<&'a Json<'t>>,
    unknown: Option<&'a Json<'t>>,
    sensitive: Option<&'a Json<'t>>,
    span: Span,
    header: Span,
}

/// The resource instances to judge: created, updated, replaced or read; with `all`, also
/// unchanged ones and those only in the prior state. Deleted and forgotten ones never.
fn changes<'a, 't>(plan: &'a Json<'t>, file: FileId, options: &Options) -> Vec<Change<'a, 't>> {
    let mut out = Vec::new();
    for entry in items(get(plan, "resource_changes")) {
        let Some(change) = get(entry, "change") else {
            continue;
        };
        if get(entry, "deposed").is_some() {
            continue; // a deposed object is only ever destroyed
        }
        let actions: Vec<&str> = items(get(change, "actions"))
            .iter()
            .filter_map(str_of)
            .collect();
        let wanted = actions
            .iter()
            .any(|a| matches!(*a, "create" | "update" | "read"))
            || (options.all && actions == ["no-op"]);
        if !wanted {
            continue;
        }
        if let Some(c) = change_of(entry, file, actions.join(", ")) {
            out.push(Change {
                after: get(change, "after"),
                unknown: get(change, "after_unknown"),
                sensitive: get(change, "after_sensitive"),
                ..c
            });
        }
    }
    if options.all {
        let seen: std::collections::HashSet<&str> = out.iter().map(|c| c.address).collect();
        let mut prior = Vec::new();
        let root = get(plan, "prior_state")
            .and_then(|s| get(s, "values"))
            .and_then(|v| get(v, "root_module"));
        if let Some(root) = root {
            state_resources(root, 0, &mut prior);
        }
        for resource in prior {
            if let Some(c) = change_of(resource, file, "prior state".into())
                && !seen.contains(c.address)
            {
                out.push(Change {
                    after: get(resource, "values"),
                    sensitive: get(resource, "sensitive_values"),
                    ..c
                });
            }
        }
    }
    out
}

fn state_resources<'a, 't>(module: &'a Json<'t>, depth: usize, out: &mut Vec<&'a Json<'t>>) {
    if depth > 64 {
        return;
    }
    out.extend(items(get(module, "resources")));
    for child in items(get(module, "child_modules")) {
        state_resources(child, depth + 1, out);
    }
}

fn change_of<'a, 't>(entry: &'a Json<'t>, file: FileId, actions: String) -> Option<Change<'a, 't>> {
    let mode = match str_at(entry, "mode")? {
        "managed" => Mode::Managed,
        "data" => Mode::Data,
        _ => return None,
    };
    Some(Change {
        address: str_at(entry, "address")?,
        module: str_at(entry, "module_address").unwrap_or(""),
        mode,
        kind: str_at(entry, "type")?,
        name: str_at(entry, "name")?,
        provider_name: str_at(entry, "provider_name").unwrap_or(""),
        actions,
        after: None,
        unknown: None,
        sensitive: None,
        span: span(file, entry),
        header: get(entry, "address").map_or(span(file, entry), |a| span(file, a)),
    })
}

struct Placer<'p, 'a, 't> {
    cx: &'p Configuration<'a, 't>,
    catalog: &'p Catalog,
    changes: &'p [Change<'a, 't>],
    by_address: &'p HashMap<&'a str, usize>,
    root: &'p str,
}

/// A resource's provider configuration as the plan's configuration records it.
struct Provider<'a, 't> {
    key: String,
    node: Option<&'a Json<'t>>,
    source: String,
    evidence: Vec<Evidence>,
    unresolved: Option<String>,
}

impl<'a, 't> Placer<'_, 'a, 't> {
    fn record(&self, index: usize, placing: &mut Vec<usize>) -> Result<ResourceRecord, String> {
        let change = &self.changes[index];
        let prefix = crate::resolve::prefix(change.module);
        let local = match change.mode {
            Mode::Managed => format!("{}.{}", change.kind, change.name),
            Mode::Data => format!("data.{}.{}", change.kind, change.name),
        };
        // A malformed module address is reported for this resource, not guessed at.
        address::module_calls(change.module)?;
        let config = self.cx.resource(change.module, &local);
        let provider = self.provider(change, config);
        let planned = Planned {
            value: document::masked(change.after, change.unknown, change.sensitive),
            node: change.after,
            config,
            file: self.cx.file,
            fallback: change.header,
            prefix,
        };
        let mut out = Placement {
            hosted: true,
            ..Placement::default()
        };
        out.evidence.push(Evidence::new(
            Some(change.header),
            format!("{} is in the plan ({})", change.address, change.actions),
        ));
        out.evidence.extend(provider.evidence.iter().cloned());
        out.unresolved.extend(provider.unresolved.clone());
        let provider_module = provider
            .node
            .and_then(|n| str_at(n, "module_address"))
            .map_or(Ok(String::new()), call_path)?;
        let expressions = provider
            .node
            .and_then(|n| get(n, "expressions"))
            .map(|e| Expressions {
                cx: self.cx,
                module: provider_module,
                expressions: e,
            });
        if let Some(node) = provider.node.filter(|_| self.hosted(&provider.source)) {
            out.causes.push(
                get(node, "name").map_or(span(self.cx.file, node), |n| span(self.cx.file, n)),
            );
        }
        let view = ProviderView {
            arguments: expressions.as_ref().map(|e| e as &dyn Arguments),
            name: &provider.key,
            resolved: provider.unresolved.is_none(),
        };
        let mut parent = |entry: &ProviderEntry| self.parent(index, config, entry, placing);
        decide(
            self.catalog,
            &provider.source,
            change.kind,
            &planned,
            &view,
            &mut parent,
            &mut out,
        );
        let entry = self.catalog.provider(&provider.source);
        let data_entry = entry.filter(|_| {
            out.hosted
                && change.mode == Mode::Managed
                && self.catalog.data_type(change.kind).is_some()
        });
        let (tags, copies) = match data_entry {
            Some(entry) => {
                let mut tags = self.tags(entry, change.kind, &planned, expressions.as_ref());
                tags.extend(self.call_tags(change.module));
                let copies = replicas(
                    self.catalog,
                    entry,
                    change.kind,
                    &planned,
                    change.header,
                    (out.vendor.as_deref(), out.region.as_deref()),
                );
                (tags, copies)
            }
            None => (Vec::new(), Vec::new()),
        };
        Ok(ResourceRecord {
            root: self.root.to_string(),
            address: change.address.to_string(),
            kind: change.kind.to_string(),
            mode: change.mode,
            span: change.header,
            block: change.span,
            calls: Vec::new(),
            provider_source: provider.source,
            provider_config: Some(provider.key),
            vendor: out.vendor,
            region: out.region,
            hosted: out.hosted,
            unresolved: out.unresolved,
            evidence: out.evidence,
            causes: out.causes,
            tags,
            replicas: copies,
        })
    }

    fn hosted(&self, source: &str) -> bool {
        self.catalog
            .provider(source)
            .is_some_and(|e| e.hosting != crate::catalog::Hosting::None)
    }

    /// The provider configuration a resource uses: `provider_config_key` of its
    /// configuration. Plans before Terraform 1.2 key a module's inherited default
    /// configuration by the module (`module.app:aws`) without recording it; it is then
    /// the calling module's, unless that module has several configurations of the
    /// provider (one of them may have been passed).
    fn provider(&self, change: &Change<'a, 't>, config: Option<&'a Json<'t>>) -> Provider<'a, 't> {
        let from_name = normalise_source(change.provider_name);
        let key = config
            .and_then(|c| get(c, "provider_config_key"))
            .and_then(|n| Some((n, str_of(n)?)));
        let Some((key_node, key)) = key else {
            let local = change
                .provider_name
                .rsplit('/')
                .next()
                .unwrap_or(change.provider_name);
            return Provider {
                key: local.to_string(),
                node: None,
                source: from_name,
                evidence: vec![Evidence::new(
                    Some(change.header),
                    format!(
                        "{} uses provider {} (the plan has no configuration for it, so its provider arguments are unknown)",
                        change.address, change.provider_name
                    ),
                )],
                unresolved: None,
            };
        };
        let mut evidence = vec![Evidence::new(
            Some(span(self.cx.file, key_node)),
            format!(
                "{} uses provider configuration {key} (provider_config_key)",
                change.address
            ),
        )];
        let mut current = key.to_string();
        let mut unresolved = None;
        let node = loop {
            if let Some(node) = self.cx.provider(&current) {
                break Some(node);
            }
            let Some((module, local)) = current.rsplit_once(':') else {
                break None;
            };
            let parent_module = calling_module(module);
            let parent_key = match parent_module {
                Some(p) => format!("{p}:{local}"),
                None => local.to_string(),
            };
            let name = local.split('.').next().unwrap_or(local);
            let siblings = self
                .cx
                .provider_keys()
                .filter(|k| {
                    let (m, l) = k.rsplit_once(':').map_or(("", *k), |(m, l)| (m, l));
                    m == parent_module.unwrap_or("") && l.split('.').next() == Some(name)
                })
                .count();
            if siblings > 1 {
                unresolved = Some(format!(
                    "provider configuration {current} is not in the plan and the calling module has {siblings} configurations of {name}: which one was passed is not recorded (plans before Terraform 1.2)"
                ));
                break None;
            }
            evidence.push(Evidence::new(
                None,
                format!("{current} is not in the plan's provider configurations: inherited from the calling module as {parent_key}"),
            ));
            current = parent_key;
        };
        let source = node
            .and_then(|n| str_at(n, "full_name"))
            .map(normalise_source)
            .unwrap_or(from_name);
        if let Some(node) = node {
            evidence.push(Evidence::new(
                Some(span(self.cx.file, node)),
                format!("provider configuration {current} ({source})"),
            ));
        }
        Provider {
            key: current,
            node,
            source,
            evidence,
            unresolved,
        }
    }

    /// The location of the resource a child resource lives in (`server_id =
    /// azurerm_mssql_server.main.id`), from the references the configuration records.
    fn parent(
        &self,
        index: usize,
        config: Option<&'a Json<'t>>,
        entry: &ProviderEntry,
        placing: &mut Vec<usize>,
    ) -> Option<Placement> {
        let change = &self.changes[index];
        let expressions = config.and_then(|c| get(c, "expressions"));
        let (attribute, parent) =
            document::entries(expressions).find_map(|(name, expression)| {
                let parent = items(get(expression, "references"))
                    .iter()
                    .filter_map(str_of)
                    .find_map(address::resource_of)?;
                let kind = parent.split('.').next()?;
                entry
                    .lives_in(name, change.kind, kind)
                    .then_some((name, parent))
            })?;
        let prefix = crate::resolve::prefix(change.module);
        let address = format!("{prefix}{parent}");
        let &parent_index = self.by_address.get(address.as_str())?;
        if placing.contains(&parent_index) || placing.len() > 16 {
            return None;
        }
        placing.push(index);
        let record = self.record(parent_index, placing).ok();
        placing.pop();
        let record = record?;
        let mut evidence = vec![Evidence::new(
            expressions
                .and_then(|e| get(e, attribute))
                .map(|n| span(self.cx.file, n)),
            format!(
                "{} has no location of its own: it lives in {address} ({attribute})",
                change.address
            ),
        )];
        evidence.extend(record.evidence);
        Some(Placement {
            vendor: record.vendor,
            region: record.region,
            hosted: record.hosted,
            unresolved: record.unresolved,
            evidence,
            causes: record.causes,
        })
    }

    /// Tags of the resource. AWS records the provider's default tags merged into
    /// `tags_all`, Google its default labels into `terraform_labels`: those are read when
    /// present, a key the resource does not set itself being the provider's.
    fn tags(
        &self,
        entry: &ProviderEntry,
        kind: &str,
        planned: &Planned<'_, '_>,
        provider: Option<&Expressions<'_, '_, '_>>,
    ) -> Vec<Tag> {
        let mut tags = Vec::new();
        let mut any_merged = false;
        for path in &entry.tags {
            let own = planned.read(path);
            let name = path.to_string();
            let merged = [format!("{name}_all"), format!("terraform_{name}")]
                .into_iter()
                .find_map(|n| planned.planned(&n))
                .filter(|f| f.value != Value::Null);
            let own_keys: Vec<String> = match own.as_ref().map(|o| &o.value) {
                Some(Value::Map(m)) => m.keys().cloned().collect(),
                _ => Vec::new(),
            };
            any_merged |= merged.is_some();
            let (found, origin) = match (merged, own) {
                // Merged tags unknown until apply: the resource's own still count.
                (Some(m), own) if m.value.is_unknown() => {
                    let all = AttrPath::plain(format!("{name} (with the provider's)"));
                    let origin = TagOrigin::Provider;
                    tags_in_value(
                        m.value,
                        m.span,
                        &all,
                        entry.tag_format_of(kind),
                        origin,
                        &mut tags,
                    );
                    match own {
                        Some(own) => (own, TagOrigin::Resource),
                        None => continue,
                    }
                }
                (Some(merged), _) => (merged, TagOrigin::Provider),
                (None, Some(own)) => (own, TagOrigin::Resource),
                (None, None) => continue,
            };
            let mut read = Vec::new();
            tags_in_value(
                found.value,
                found.span,
                path,
                entry.tag_format_of(kind),
                origin.clone(),
                &mut read,
            );
            for mut tag in read {
                // In merged tags, a key the resource sets is its own.
                if origin == TagOrigin::Provider && own_keys.contains(&tag.key) {
                    tag.origin = TagOrigin::Resource;
                }
                tags.push(tag);
            }
        }
        if let (false, Some(provider)) = (any_merged, provider) {
            for path in &entry.provider_tags {
                if let Some(found) = provider.read(path) {
                    tags_in_value(
                        found.value,
                        found.span,
                        path,
                        TagFormat::Map,
                        TagOrigin::Provider,
                        &mut tags,
                    );
                }
            }
        }
        tags
    }

    /// Constant string and map arguments of the module calls enclosing a resource,
    /// innermost first, as the configuration's module-call classification reads them.
    fn call_tags(&self, module: &str) -> Vec<Tag> {
        let Ok(calls) = address::module_calls(module) else {
            return Vec::new();
        };
        let mut tags = Vec::new();
        for depth in (1..=calls.len()).rev() {
            let path: Vec<&str> = calls[..depth].iter().map(|(n, _)| *n).collect();
            let instance: String = calls[..depth]
                .iter()
                .map(|(n, k)| format!("module.{n}{k}"))
                .collect::<Vec<_>>()
                .join(".");
            let Some(call) = self.cx.call(&path.join(".")) else {
                continue;
            };
            let parent = path[..depth - 1].join(".");
            for (name, expression) in document::entries(get(call, "expressions")) {
                let Ok(found) = self.cx.expression(&parent, expression) else {
                    continue;
                };
                let origin = TagOrigin::ModuleCall(instance.clone());
                match found.value {
                    Value::String(s) => tags.push(Tag {
                        key: name.to_string(),
                        value: Ok(s.to_string()),
                        span: found.span,
                        origin,
                    }),
                    value @ Value::Map(_) => {
                        let path = AttrPath::plain(name.to_string());
                        tags_in_value(value, found.span, &path, TagFormat::Map, origin, &mut tags);
                    }
                    _ => {}
                }
            }
        }
        tags
    }
}
