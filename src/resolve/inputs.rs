//! Values of a root module's variables, with Terraform's precedence (lowest first):
//! defaults < `TF_VAR_*` < `terraform.tfvars` < `terraform.tfvars.json` < `*.auto.tfvars`
//! (name order) < `--var-file` (in order) < `--var` (in order).

use super::Evidence;
use crate::evaluate::Value;
use crate::evaluate::types::constant;
use crate::parse::VarFile;
use crate::source::Span;
use crate::syntax::Name;
use std::collections::HashMap;

/// Variable values given outside the configuration, shared by every root.
#[derive(Default)]
pub struct Inputs {
    /// `--var-file` files, in command-line order.
    pub var_files: Vec<VarFile>,
    /// `--var name=value`, in command-line order.
    pub vars: Vec<(String, String)>,
    /// `TF_VAR_name` environment variables.
    pub env: Vec<(String, String)>,
}

impl Inputs {
    /// Reads `TF_VAR_*` from the process environment.
    pub fn env_from_process() -> Vec<(String, String)> {
        let mut env: Vec<_> = std::env::vars()
            .filter_map(|(k, v)| Some((k.strip_prefix("TF_VAR_")?.to_string(), v)))
            .collect();
        env.sort();
        env
    }
}

/// A value set for a root variable, and where it was set.
pub(crate) struct SetValue {
    pub value: Value,
    pub evidence: Evidence,
}

/// Every value set for a root's variables, the winning one per name.
pub(crate) fn root_values(
    auto_vars: &[VarFile],
    inputs: &Inputs,
    file_name: &dyn Fn(Span) -> String,
) -> HashMap<Name, SetValue> {
    let mut values: HashMap<Name, SetValue> = HashMap::new();
    let raw = |(name, raw): &(String, String), how: &str| {
        let note = format!("var.{name} set by {how}");
        let set = SetValue {
            value: raw_value(raw),
            evidence: Evidence::new(None, note),
        };
        (Name::from(name.as_str()), set)
    };
    values.extend(
        inputs
            .env
            .iter()
            .map(|v| raw(v, &format!("the environment variable TF_VAR_{}", v.0))),
    );
    for file in auto_vars.iter().chain(&inputs.var_files) {
        for attr in &file.attributes {
            let note = format!("var.{} set in {}", attr.name, file_name(attr.span));
            let set = SetValue {
                value: constant(&attr.expr),
                evidence: Evidence::new(Some(attr.span), note),
            };
            values.insert(attr.name.clone(), set);
        }
    }
    values.extend(
        inputs
            .vars
            .iter()
            .map(|v| raw(v, "--var on the command line")),
    );
    values
}

/// A `--var`/`TF_VAR_` value: Terraform reads it as an HCL expression for complex types and
/// as a raw string otherwise. Without the declared type, a value that looks like a list or an
/// object is parsed, anything else is a string.
fn raw_value(raw: &str) -> Value {
    let trimmed = raw.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        let span = Span::new(crate::source::FileId(u32::MAX), 0..0);
        if let Ok(expr) = crate::parse::hcl::parse_expr(crate::source::FileId(u32::MAX), raw, span)
        {
            return constant(&expr);
        }
    }
    Value::string(raw)
}
