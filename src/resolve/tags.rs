//! Tags and labels of a resource, of its provider configuration (AWS `default_tags`) and of
//! the module calls it sits in, evaluated with their spans: the raw material of a
//! resource's sensitivity.

use super::analysis::{Analysis, InstanceId, InstanceKey};
use super::providers::{BindTarget, Binding};
use crate::catalog::{AttrPath, ProviderEntry, TagFormat};
use crate::evaluate::Value;
use crate::evaluate::expr::get_attr;
use crate::source::Span;
use crate::syntax::Body;

/// Where a tag was set.
#[derive(Clone, Debug, PartialEq)]
pub enum TagOrigin {
    Resource,
    /// The provider configuration's default tags.
    Provider,
    /// An argument of an enclosing module call (its address).
    ModuleCall(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    pub key: String,
    /// The value, or why it is not known.
    pub value: Result<String, String>,
    pub span: Span,
    pub origin: TagOrigin,
}

impl Analysis<'_> {
    /// The tags of a resource instance and of its provider configuration.
    pub fn tags(
        &self,
        entry: &ProviderEntry,
        instance: InstanceId,
        index: usize,
        key: &InstanceKey,
        binding: &Binding,
    ) -> Vec<Tag> {
        let resource = &self.module_of(instance).resources[index];
        let mut tags = Vec::new();
        for path in &entry.tags {
            self.read_tags(
                instance,
                key,
                &resource.body,
                path,
                entry.tag_format_of(&resource.kind),
                TagOrigin::Resource,
                &mut tags,
            );
        }
        if let BindTarget::Block {
            instance: at,
            index,
        } = binding.target
        {
            let body = &self.module_of(at).providers[index].body;
            for path in &entry.provider_tags {
                self.read_tags(
                    at,
                    &InstanceKey::Single,
                    body,
                    path,
                    TagFormat::Map,
                    TagOrigin::Provider,
                    &mut tags,
                );
            }
        }
        tags
    }

    /// Arguments of the module calls enclosing an instance, innermost first: string
    /// arguments as `name = value`, and the entries of map arguments (`tags`, `labels`).
    /// The classifier keeps those whose key it recognises.
    pub fn call_tags(&self, mut instance: InstanceId) -> Vec<Tag> {
        let mut tags = Vec::new();
        while let Some((parent, call_index, _)) = self.instance(instance).parent.clone() {
            let address = self.instance(instance).address.clone();
            let call = &self.module_of(parent).calls[call_index];
            for (name, input) in &call.inputs {
                let origin = TagOrigin::ModuleCall(address.clone());
                // The child's variable: the input converted to the variable's type.
                match self.var(instance, name) {
                    Value::String(s) => tags.push(Tag {
                        key: name.to_string(),
                        value: Ok(s.to_string()),
                        span: input.span,
                        origin,
                    }),
                    Value::Map(entries) => push_map(&entries, input.span, &origin, &mut tags),
                    _ => {}
                }
            }
            instance = parent;
        }
        tags
    }

    /// The module call blocks enclosing an instance, innermost first.
    pub fn call_blocks(&self, mut instance: InstanceId) -> Vec<Span> {
        let mut blocks = Vec::new();
        while let Some((parent, call_index, _)) = self.instance(instance).parent.clone() {
            blocks.push(self.module_of(parent).calls[call_index].span);
            instance = parent;
        }
        blocks
    }

    #[allow(clippy::too_many_arguments)]
    fn read_tags(
        &self,
        instance: InstanceId,
        key: &InstanceKey,
        body: &Body,
        path: &AttrPath,
        format: TagFormat,
        origin: TagOrigin,
        out: &mut Vec<Tag>,
    ) {
        if format == TagFormat::KeyValueBlocks {
            // `tags { key = "k" value = "v" }`, repeated.
            for block in body.blocks_named(&path.segments[0]) {
                let field = |name: &str| {
                    block
                        .body
                        .attribute(name)
                        .map(|a| self.eval(instance, key, &a.expr))
                };
                if let (Some(Value::String(k)), Some(v)) = (field("key"), field("value")) {
                    out.push(Tag {
                        key: k.to_string(),
                        value: as_text(&v),
                        span: block.span,
                        origin: origin.clone(),
                    });
                }
            }
            return;
        }
        let Some((value, span)) = self.read_value(instance, key, body, path) else {
            return;
        };
        tags_in_value(value, span, path, format, origin, out);
    }
}

/// The tags a value holds, in the provider's format; a list of `{ key, value }` objects
/// is how a plan records `tags { key = … value = … }` blocks.
pub fn tags_in_value(
    value: Value,
    span: Span,
    path: &AttrPath,
    format: TagFormat,
    origin: TagOrigin,
    out: &mut Vec<Tag>,
) {
    match (format, value) {
        (_, Value::Unknown(u)) => out.push(Tag {
            key: path.to_string(),
            value: Err(u.reason.to_string()),
            span,
            origin,
        }),
        (TagFormat::Map, Value::Map(entries)) => push_map(&entries, span, &origin, out),
        (TagFormat::KeyValueList, Value::List(items) | Value::Set(items)) => {
            for item in items.iter() {
                if let Value::String(s) = item {
                    let (k, v) = s.split_once('=').unwrap_or((s, ""));
                    out.push(Tag {
                        key: k.to_string(),
                        value: Ok(v.to_string()),
                        span,
                        origin: origin.clone(),
                    });
                }
            }
        }
        (TagFormat::KeyValueBlocks, Value::List(items) | Value::Set(items)) => {
            for item in items.iter() {
                if let Value::String(k) = get_attr(item, "key") {
                    out.push(Tag {
                        key: k.to_string(),
                        value: as_text(&get_attr(item, "value")),
                        span,
                        origin: origin.clone(),
                    });
                }
            }
        }
        _ => {}
    }
}

fn push_map(
    entries: &std::collections::BTreeMap<String, Value>,
    span: Span,
    origin: &TagOrigin,
    out: &mut Vec<Tag>,
) {
    for (k, v) in entries {
        out.push(Tag {
            key: k.clone(),
            value: as_text(v),
            span,
            origin: origin.clone(),
        });
    }
}

fn as_text(value: &Value) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s.to_string()),
        Value::Unknown(u) => Err(u.reason.to_string()),
        other => other
            .to_string_value()
            .map(|s| s.to_string())
            .map_err(|_| format!("a {} is not a tag value", other.type_name())),
    }
}
