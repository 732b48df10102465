//! Which provider configuration a resource uses: its `provider` argument or the default
//! configuration of the provider its type implies, looked up in its module, then through
//! the `providers` maps of module calls, then inherited from the parent.

use super::Evidence;
use super::analysis::{Analysis, InstanceId, prefix};
use crate::config::provider_key;

/// Where a provider configuration is defined.
#[derive(Clone, Debug)]
pub enum BindTarget {
    /// A `provider` block: index into the instance's module `providers`.
    Block {
        instance: InstanceId,
        index: usize,
    },
    /// No `provider` block anywhere: Terraform uses an empty default configuration
    /// (settings come from the environment at run time).
    Implicit,
    Unresolved(String),
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub target: BindTarget,
    /// The configuration's address, as shown to users (`aws.west`, `module.net.aws`).
    pub config: Option<String>,
    /// How the resource got there: `providers` maps and inheritance.
    pub via: Vec<Evidence>,
}

impl Analysis<'_> {
    /// Resolves the provider configuration `key` (`aws`, `aws.west`) as seen from an instance.
    pub fn bind_provider(&self, instance: InstanceId, key: &str) -> Binding {
        let inst = self.instance(instance);
        let module = self.ws.module(inst.module);
        if let Some(index) = module.providers.iter().position(|p| p.key() == key) {
            return Binding {
                target: BindTarget::Block { instance, index },
                config: Some(format!("{}{key}", prefix(&inst.address))),
                via: Vec::new(),
            };
        }
        let aliased = key.contains('.');
        let Some((parent, call_index, _)) = inst.parent.clone() else {
            return if aliased {
                Binding {
                    target: BindTarget::Unresolved(format!(
                        "provider configuration {key} is not defined in the root module"
                    )),
                    config: None,
                    via: Vec::new(),
                }
            } else {
                Binding {
                    target: BindTarget::Implicit,
                    config: Some(key.to_string()),
                    via: vec![Evidence::new(
                        None,
                        format!(
                            "no provider \"{key}\" block in the root module: Terraform uses an empty default configuration"
                        ),
                    )],
                }
            };
        };
        let call = &self.module_of(parent).calls[call_index];
        let passed = call.providers.iter().find(|p| p.child == key);
        let (parent_key, note, span) = match passed {
            Some(p) => (
                p.parent.clone(),
                format!("{} passes {} as {key}", inst.address, p.parent),
                Some(p.span),
            ),
            None if !aliased => (
                key.to_string(),
                format!(
                    "{} inherits the default {key} configuration of its caller",
                    inst.address
                ),
                Some(call.header),
            ),
            None => {
                return Binding {
                    target: BindTarget::Unresolved(format!(
                        "{} does not receive provider configuration {key}: the module call's `providers` map does not pass it",
                        inst.address
                    )),
                    config: None,
                    via: Vec::new(),
                };
            }
        };
        let mut binding = self.bind_provider(parent, &parent_key);
        binding.via.insert(0, Evidence::new(span, note));
        binding
    }

    /// The provider configuration key a resource uses.
    pub fn resource_provider_key(&self, instance: InstanceId, index: usize) -> String {
        let resource = &self.module_of(instance).resources[index];
        match &resource.provider {
            Some((key, _)) if !key.is_empty() => key.clone(),
            _ => provider_key(resource.implied_provider(), None),
        }
    }
}
