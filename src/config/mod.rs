//! The Terraform configuration model of one module (one directory), built from the parsed
//! bodies of its files after `*_override` merging. Expressions stay unevaluated.

mod merge;

use crate::source::{FileId, Span};
use crate::syntax::{Attribute, Block, Body, Expr, Name};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

pub use merge::merge_overrides;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModuleId(pub u32);

#[derive(Debug, Default)]
pub struct Module {
    /// Canonical directory of the module.
    pub dir: PathBuf,
    pub files: Vec<FileId>,
    pub variables: BTreeMap<Name, Variable>,
    pub locals: BTreeMap<Name, Attribute>,
    pub outputs: BTreeMap<Name, Attribute>,
    pub providers: Vec<ProviderBlock>,
    /// `terraform { required_providers { … } }`, by local name.
    pub required_providers: BTreeMap<Name, RequiredProvider>,
    pub resources: Vec<Resource>,
    pub calls: Vec<ModuleCall>,
    /// `terraform { backend "s3" { … } }` or `terraform { cloud { … } }`: where the state,
    /// which holds every attribute of every resource, is stored.
    pub backend: Option<Backend>,
    /// Per mode (managed, data), type → name → index in `resources`, for references;
    /// nested so that a lookup by `&str` allocates nothing.
    resource_index: [HashMap<Name, HashMap<Name, usize>>; 2],
    /// Call name → index in `calls`.
    call_index: HashMap<Name, usize>,
}

#[derive(Debug)]
pub struct Backend {
    /// `s3`, `gcs`, `azurerm`, `local`, …; `cloud` for HCP Terraform.
    pub kind: Name,
    pub body: Body,
    pub header: Span,
}

#[derive(Debug)]
pub struct Variable {
    pub name: Name,
    pub default: Option<Expr>,
    /// The type constraint, which values are converted to.
    pub ty: Option<Expr>,
    pub sensitive: bool,
    pub span: Span,
}

/// A `provider "name" { … }` block.
#[derive(Debug)]
pub struct ProviderBlock {
    pub name: Name,
    pub alias: Option<Name>,
    pub body: Body,
    pub span: Span,
    pub header: Span,
}

impl ProviderBlock {
    /// `aws` or `aws.west`.
    pub fn key(&self) -> String {
        provider_key(&self.name, self.alias.as_deref())
    }
}

pub fn provider_key(name: &str, alias: Option<&str>) -> String {
    match alias {
        Some(alias) => format!("{name}.{alias}"),
        None => name.to_string(),
    }
}

#[derive(Debug)]
pub struct RequiredProvider {
    /// Source address as written, or `None` when only a version constraint is given.
    pub source: Option<String>,
    pub configuration_aliases: Vec<String>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Managed,
    Data,
}

#[derive(Debug)]
pub struct Resource {
    pub mode: Mode,
    pub kind: Name,
    pub name: Name,
    pub count: Option<Expr>,
    pub for_each: Option<Expr>,
    /// `provider = aws.west`: the local provider key and the span of the argument.
    pub provider: Option<(String, Span)>,
    pub body: Body,
    pub span: Span,
    pub header: Span,
}

impl Resource {
    /// `aws_s3_bucket.logs` or `data.aws_region.current`.
    pub fn address(&self) -> String {
        match self.mode {
            Mode::Managed => format!("{}.{}", self.kind, self.name),
            Mode::Data => format!("data.{}.{}", self.kind, self.name),
        }
    }

    /// The provider local name implied by the type (`google_storage_bucket` → `google`).
    pub fn implied_provider(&self) -> &str {
        self.kind.split('_').next().unwrap_or(&self.kind)
    }
}

#[derive(Debug)]
pub struct ModuleCall {
    pub name: Name,
    pub source: Option<String>,
    pub source_span: Span,
    pub version: Option<String>,
    pub count: Option<Expr>,
    pub for_each: Option<Expr>,
    /// `providers = { child_key = parent_key }`.
    pub providers: Vec<PassedProvider>,
    /// Every other argument: inputs to the child's variables.
    pub inputs: BTreeMap<Name, Attribute>,
    pub span: Span,
    pub header: Span,
}

#[derive(Debug)]
pub struct PassedProvider {
    pub child: String,
    pub parent: String,
    pub span: Span,
}

/// A problem found while building the model (a malformed block); reported, never fatal.
#[derive(Debug)]
pub struct ModelError {
    pub span: Span,
    pub message: String,
}

const CALL_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

impl Module {
    /// Builds the model from the merged top-level blocks of a directory's files.
    pub fn build(
        dir: PathBuf,
        files: Vec<FileId>,
        blocks: Vec<Block>,
        errors: &mut Vec<ModelError>,
    ) -> Module {
        let mut module = Module {
            dir,
            files,
            ..Module::default()
        };
        for block in blocks {
            module.add_block(block, errors);
        }
        for (i, r) in module.resources.iter().enumerate() {
            if module.resource_index[r.mode as usize]
                .entry(r.kind.clone())
                .or_default()
                .insert(r.name.clone(), i)
                .is_some()
            {
                errors.push(ModelError {
                    span: r.header,
                    message: format!(
                        "duplicate {} block: {}",
                        if r.mode == Mode::Data {
                            "data"
                        } else {
                            "resource"
                        },
                        r.address()
                    ),
                });
            }
        }
        for (i, c) in module.calls.iter().enumerate() {
            if module.call_index.insert(c.name.clone(), i).is_some() {
                errors.push(ModelError {
                    span: c.header,
                    message: format!("duplicate module call: module.{}", c.name),
                });
            }
        }
        module
    }

    pub fn find_resource(&self, mode: Mode, kind: &str, name: &str) -> Option<usize> {
        self.resource_index[mode as usize]
            .get(kind)?
            .get(name)
            .copied()
    }

    pub fn find_call(&self, name: &str) -> Option<usize> {
        self.call_index.get(name).copied()
    }

    fn add_block(&mut self, block: Block, errors: &mut Vec<ModelError>) {
        let label = |i: usize| block.labels.get(i).cloned();
        match &*block.ident {
            "variable" => {
                let Some(name) = label(0) else {
                    return errors.push(missing_label(&block, "variable", "a name"));
                };
                let sensitive =
                    block
                        .body
                        .attribute("sensitive")
                        .is_some_and(|a| match &a.expr.kind {
                            crate::syntax::ExprKind::Bool(b) => *b,
                            // Terraform converts the string to a bool.
                            crate::syntax::ExprKind::String(s) => &**s == "true",
                            _ => false,
                        });
                self.variables.insert(
                    name.clone(),
                    Variable {
                        name,
                        default: block.body.attribute("default").map(|a| a.expr.clone()),
                        ty: block.body.attribute("type").map(|a| a.expr.clone()),
                        sensitive,
                        span: block.header,
                    },
                );
            }
            "locals" => {
                for attr in block.body.attributes {
                    self.locals.insert(attr.name.clone(), attr);
                }
            }
            "output" => {
                let Some(name) = label(0) else {
                    return errors.push(missing_label(&block, "output", "a name"));
                };
                if let Some(value) = block.body.attribute("value") {
                    self.outputs.insert(name, value.clone());
                }
            }
            "provider" => {
                let Some(name) = label(0) else {
                    return errors.push(missing_label(&block, "provider", "a name"));
                };
                let alias = block
                    .body
                    .attribute("alias")
                    .and_then(|a| a.expr.as_literal_str())
                    .map(Arc::from);
                self.providers.push(ProviderBlock {
                    name,
                    alias,
                    span: block.span,
                    header: block.header,
                    body: block.body,
                });
            }
            "terraform" => {
                for required in block.body.blocks_named("required_providers") {
                    self.add_required_providers(required);
                }
                let backend = block
                    .body
                    .blocks
                    .iter()
                    .find(|b| &*b.ident == "backend" || &*b.ident == "cloud");
                if let Some(b) = backend {
                    let kind = if &*b.ident == "cloud" {
                        Name::from("cloud")
                    } else {
                        b.labels.first().cloned().unwrap_or_else(|| Name::from(""))
                    };
                    self.backend = Some(Backend {
                        kind,
                        body: b.body.clone(),
                        header: b.header,
                    });
                }
            }
            "resource" | "data" => {
                let (Some(kind), Some(name)) = (label(0), label(1)) else {
                    return errors.push(missing_label(&block, &block.ident, "a type and a name"));
                };
                let mode = if &*block.ident == "data" {
                    Mode::Data
                } else {
                    Mode::Managed
                };
                let provider = block.body.attribute("provider").map(|a| {
                    let key = a
                        .expr
                        .as_reference()
                        .map(|p| p.join("."))
                        .unwrap_or_default();
                    (key, a.span)
                });
                self.resources.push(Resource {
                    mode,
                    kind,
                    name,
                    count: block.body.attribute("count").map(|a| a.expr.clone()),
                    for_each: block.body.attribute("for_each").map(|a| a.expr.clone()),
                    provider,
                    span: block.span,
                    header: block.header,
                    body: block.body,
                });
            }
            "module" => {
                let Some(name) = label(0) else {
                    return errors.push(missing_label(&block, "module", "a name"));
                };
                let attr = |n: &str| block.body.attribute(n);
                let providers = attr("providers")
                    .map(|a| passed_providers(&a.expr, errors))
                    .unwrap_or_default();
                let inputs = block
                    .body
                    .attributes
                    .iter()
                    .filter(|a| !CALL_META.contains(&&*a.name))
                    .map(|a| (a.name.clone(), a.clone()))
                    .collect();
                self.calls.push(ModuleCall {
                    name,
                    source: attr("source")
                        .and_then(|a| a.expr.as_literal_str())
                        .map(String::from),
                    source_span: attr("source").map(|a| a.span).unwrap_or(block.header),
                    version: attr("version")
                        .and_then(|a| a.expr.as_literal_str())
                        .map(String::from),
                    count: attr("count").map(|a| a.expr.clone()),
                    for_each: attr("for_each").map(|a| a.expr.clone()),
                    providers,
                    inputs,
                    span: block.span,
                    header: block.header,
                });
            }
            // `moved`, `import`, `check`, `removed`: nothing is hosted by them.
            _ => {}
        }
    }

    fn add_required_providers(&mut self, block: &Block) {
        for attr in &block.body.attributes {
            let (source, configuration_aliases) = match &attr.expr.kind {
                crate::syntax::ExprKind::Object(entries) => {
                    let field = |name: &str| {
                        entries
                            .iter()
                            .find(|(k, _)| k.as_literal_str() == Some(name))
                            .map(|(_, v)| v)
                    };
                    let source = field("source")
                        .and_then(|v| v.as_literal_str())
                        .map(String::from);
                    let aliases = match field("configuration_aliases").map(|v| &v.kind) {
                        Some(crate::syntax::ExprKind::Tuple(items)) => items
                            .iter()
                            .filter_map(|i| i.as_reference().map(|p| p.join(".")))
                            .collect(),
                        _ => Vec::new(),
                    };
                    (source, aliases)
                }
                // Legacy `aws = "~> 5.0"`: a version constraint only.
                _ => (None, Vec::new()),
            };
            self.required_providers.insert(
                attr.name.clone(),
                RequiredProvider {
                    source,
                    configuration_aliases,
                    span: attr.span,
                },
            );
        }
    }

    /// The provider source address for a local name, normalised (`hashicorp/aws`;
    /// a non-default registry host is kept).
    pub fn provider_source(&self, local_name: &str) -> String {
        match self
            .required_providers
            .get(local_name)
            .and_then(|r| r.source.as_deref())
        {
            Some(source) => normalise_source(source),
            // `terraform_data` and `terraform_remote_state` belong to the built-in provider.
            None if local_name == "terraform" => "terraform.io/builtin/terraform".to_string(),
            None => format!("hashicorp/{local_name}"),
        }
    }
}

/// `registry.terraform.io/hashicorp/aws` and `hashicorp/aws` are the same provider;
/// source addresses are case-insensitive.
pub fn normalise_source(source: &str) -> String {
    let lower = source.trim().to_ascii_lowercase();
    let parts: Vec<&str> = lower.split('/').collect();
    match parts.as_slice() {
        [host, ns, name]
            if *host == "registry.terraform.io" || *host == "registry.opentofu.org" =>
        {
            format!("{ns}/{name}")
        }
        [name] => format!("hashicorp/{name}"),
        _ => lower,
    }
}

fn passed_providers(expr: &Expr, errors: &mut Vec<ModelError>) -> Vec<PassedProvider> {
    let crate::syntax::ExprKind::Object(entries) = &expr.kind else {
        errors.push(ModelError {
            span: expr.span,
            message: "`providers` must be a map of provider configurations".into(),
        });
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|(k, v)| {
            let child = k.as_reference()?.join(".");
            let Some(parent) = v.as_reference() else {
                errors.push(ModelError {
                    span: v.span,
                    message: format!(
                        "`providers` entry {child} must refer to a provider configuration"
                    ),
                });
                return None;
            };
            Some(PassedProvider {
                child,
                parent: parent.join("."),
                span: k.span.start_of().join(v.span),
            })
        })
        .collect()
}

fn missing_label(block: &Block, what: &str, needs: &str) -> ModelError {
    ModelError {
        span: block.header,
        message: format!("a {what} block needs {needs}"),
    }
}
