//! The plan's `configuration`: modules, resources and provider configurations with their
//! `expressions`, and the plan's `variables`. Terraform records an expression either as a
//! constant or as the references it makes; references to input variables are followed
//! through the module calls up to the root's values. Nothing else is evaluated.

use super::address::module_calls;
use super::document::{SENSITIVE, entries, get, is_true, items, span, str_at, value_of};
use crate::catalog::AttrPath;
use crate::evaluate::Value;
use crate::evaluate::expr::get_attr;
use crate::resolve::{Arguments, Evidence, Found};
use crate::source::FileId;
use jsonc_parser::ast::Value as Json;
use std::collections::HashMap;

/// Deepest module nesting followed (as the configuration's module depth limit).
const MAX_DEPTH: usize = 64;

pub struct Configuration<'a, 't> {
    pub file: FileId,
    /// Module configurations by call path (`app.store`; the root is ``).
    modules: HashMap<String, &'a Json<'t>>,
    /// Module call blocks (with their `expressions`) by call path.
    calls: HashMap<String, &'a Json<'t>>,
    /// Resource configurations by (call path, address in the module).
    resources: HashMap<(String, String), &'a Json<'t>>,
    providers: Option<&'a Json<'t>>,
    /// The plan's `variables`: the root module's input values.
    variables: Option<&'a Json<'t>>,
}

impl<'a, 't> Configuration<'a, 't> {
    pub fn new(plan: &'a Json<'t>, file: FileId) -> Configuration<'a, 't> {
        let configuration = get(plan, "configuration");
        let mut cx = Configuration {
            file,
            modules: HashMap::new(),
            calls: HashMap::new(),
            resources: HashMap::new(),
            providers: configuration.and_then(|c| get(c, "provider_config")),
            variables: get(plan, "variables"),
        };
        if let Some(root) = configuration.and_then(|c| get(c, "root_module")) {
            cx.index(String::new(), root, 0);
        }
        cx
    }

    fn index(&mut self, path: String, module: &'a Json<'t>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for resource in items(get(module, "resources")) {
            if let Some(address) = str_at(resource, "address") {
                self.resources
                    .insert((path.clone(), address.to_string()), resource);
            }
        }
        for (name, call) in entries(get(module, "module_calls")) {
            let child = if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            };
            self.calls.insert(child.clone(), call);
            if let Some(inner) = get(call, "module") {
                self.index(child, inner, depth + 1);
            }
        }
        self.modules.insert(path, module);
    }

    /// A resource's configuration, by its module instance address and its address there.
    pub fn resource(&self, module: &str, address: &str) -> Option<&'a Json<'t>> {
        let path = call_path(module).ok()?;
        self.resources.get(&(path, address.to_string())).copied()
    }

    pub fn provider(&self, key: &str) -> Option<&'a Json<'t>> {
        self.providers.and_then(|p| get(p, key))
    }

    /// Every provider configuration key (`aws`, `module.app:aws.west`).
    pub fn provider_keys(&self) -> impl Iterator<Item = &'a str> {
        super::document::entries(self.providers).map(|(key, _)| key)
    }

    /// The expressions of the module call at `path`.
    pub fn call(&self, path: &str) -> Option<&'a Json<'t>> {
        self.calls.get(path).copied()
    }

    /// The value of an expression written in the module at `path`: a constant, or one
    /// input variable (possibly an attribute of it) followed up to where it is set.
    pub fn expression(&self, path: &str, expression: &'a Json<'t>) -> Result<Found, String> {
        self.expression_at(path, expression, 0)
    }

    fn expression_at(
        &self,
        path: &str,
        expression: &'a Json<'t>,
        depth: usize,
    ) -> Result<Found, String> {
        if let Some(constant) = get(expression, "constant_value") {
            return Ok(Found {
                value: value_of(constant),
                span: span(self.file, constant),
                evidence: Vec::new(),
            });
        }
        let references: Vec<&str> = items(get(expression, "references"))
            .iter()
            .filter_map(super::document::str_of)
            .collect();
        let Some(longest) = references.iter().max_by_key(|r| r.len()) else {
            return Err("the plan records neither its value nor what it refers to".into());
        };
        let Some(rest) = longest.strip_prefix("var.") else {
            return Err(format!(
                "it depends on {longest}, whose value the plan does not record"
            ));
        };
        let mut attrs = rest.split('.');
        let name = attrs.next().unwrap_or_default();
        if let Some(other) = references
            .iter()
            .find(|r| **r != format!("var.{name}") && !r.starts_with(&format!("var.{name}.")))
        {
            return Err(format!(
                "it combines var.{name} with {other}, and the plan records only the references"
            ));
        }
        let mut found = self.variable(path, name, depth)?;
        for attr in attrs {
            found.value = get_attr(&found.value, attr);
        }
        found.evidence.push(Evidence::new(
            Some(span(self.file, expression)),
            format!("{longest} (the plan records the reference, the value is the variable's)"),
        ));
        Ok(found)
    }

    /// An input variable of the module at `path`: the root's from the plan's `variables`,
    /// a child's from its module call, else its default.
    fn variable(&self, path: &str, name: &str, depth: usize) -> Result<Found, String> {
        if depth > MAX_DEPTH {
            return Err(format!(
                "var.{name} goes through more than {MAX_DEPTH} module calls"
            ));
        }
        let declared = self
            .modules
            .get(path)
            .and_then(|m| get(m, "variables"))
            .and_then(|v| get(v, name));
        if declared.is_some_and(|v| is_true(get(v, "sensitive"))) {
            return Err(format!("var.{name} is {SENSITIVE}"));
        }
        if path.is_empty() {
            let value = self
                .variables
                .and_then(|v| get(v, name))
                .and_then(|v| get(v, "value"))
                .ok_or_else(|| format!("var.{name} has no value in the plan's variables"))?;
            return Ok(Found {
                value: value_of(value),
                span: span(self.file, value),
                evidence: vec![Evidence::new(
                    Some(span(self.file, value)),
                    format!("var.{name} = {} in the plan's variables", value_of(value)),
                )],
            });
        }
        let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
        let call = self.calls.get(path).copied();
        match call
            .and_then(|c| get(c, "expressions"))
            .and_then(|e| get(e, name))
        {
            Some(input) => {
                let mut found = self.expression_at(parent, input, depth + 1)?;
                found.evidence.push(Evidence::new(
                    Some(span(self.file, input)),
                    format!("var.{name} of module.{path} is set by its module call"),
                ));
                Ok(found)
            }
            None => match declared.and_then(|v| get(v, "default")) {
                Some(default) => Ok(Found {
                    value: value_of(default),
                    span: span(self.file, default),
                    evidence: vec![Evidence::new(
                        Some(span(self.file, default)),
                        format!("var.{name} of module.{path} takes its default"),
                    )],
                }),
                None => Err(format!(
                    "var.{name} of module.{path} is not set in the plan's configuration"
                )),
            },
        }
    }
}

/// A module instance address as its call path (`module.a["x"].module.b` → `a.b`). Plans
/// of Terraform 0.12 write a provider configuration's module as the path itself (`a.b`).
pub fn call_path(module: &str) -> Result<String, String> {
    if !module.is_empty() && !module.starts_with("module.") {
        return super::address::parts(module)?
            .iter()
            .map(|(name, key)| match *key {
                "" => Ok(*name),
                _ => Err(format!("{module:?} is not a module path")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|names| names.join("."));
    }
    Ok(module_calls(module)?
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join("."))
}

/// The calling module of a module written as a plan's provider keys write it: `module.a`
/// for `module.a.module.b`, `a` for Terraform 0.12's `a.b`; `None` for a module the root
/// calls.
pub fn calling_module(module: &str) -> Option<&str> {
    match module.strip_prefix("module.") {
        Some(_) => module.rsplit_once(".module.").map(|(parent, _)| parent),
        None => module.rsplit_once('.').map(|(parent, _)| parent),
    }
}

/// The arguments of a provider configuration (or any block) as the plan's expressions
/// record them, read in the module they are written in.
pub struct Expressions<'c, 'a, 't> {
    pub cx: &'c Configuration<'a, 't>,
    /// Call path of the module the expressions are written in.
    pub module: String,
    pub expressions: &'a Json<'t>,
}

impl Arguments for Expressions<'_, '_, '_> {
    fn read(&self, path: &AttrPath) -> Option<Found> {
        let (last, blocks) = path.segments.split_last()?;
        let mut node = self.expressions;
        for segment in blocks {
            // A nested block: a list of bodies; the first one is the one read.
            node = items(get(node, segment)).first()?;
        }
        let expression = get(node, last)?;
        if matches!(expression, Json::Array(_)) {
            return None; // a nested block, not an argument
        }
        Some(
            self.cx
                .expression(&self.module, expression)
                .unwrap_or_else(|reason| Found {
                    value: Value::unknown(reason),
                    span: span(self.cx.file, expression),
                    evidence: Vec::new(),
                }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{call_path, calling_module};

    #[test]
    fn module_paths_in_both_forms() {
        assert_eq!(call_path(r#"module.a["x"].module.b"#).unwrap(), "a.b");
        assert_eq!(call_path("a.b").unwrap(), "a.b");
        assert_eq!(call_path("").unwrap(), "");
        assert!(call_path("a[0]").is_err());
        assert_eq!(calling_module("module.a.module.b"), Some("module.a"));
        assert_eq!(calling_module("a.b"), Some("a"));
        assert_eq!(calling_module("module.a"), None);
        assert_eq!(calling_module("a"), None);
    }
}
