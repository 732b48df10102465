//! Terraform's override files (`override.tf`, `*_override.tf`): each top-level block of an
//! override file is merged into the block of the same kind and name in the other files.
//! https://developer.hashicorp.com/terraform/language/files/override

use super::ModelError;
use crate::syntax::{Block, Body};

/// Merges `overrides` (in file-name order) into `base`.
pub fn merge_overrides(base: &mut Vec<Block>, overrides: Vec<Block>, errors: &mut Vec<ModelError>) {
    for block in overrides {
        match &*block.ident {
            "locals" => merge_locals(base, block, errors),
            "terraform" => match base.iter_mut().find(|b| &*b.ident == "terraform") {
                Some(target) => merge_terraform(&mut target.body, block.body),
                None => base.push(block),
            },
            _ => match base.iter_mut().find(|b| same_block(b, &block)) {
                Some(target) => merge_body(&mut target.body, block.body),
                // An absent default provider configuration is an implicit empty one, so
                // Terraform lets an override file define it.
                None if &*block.ident == "provider" && alias(&block).is_none() => base.push(block),
                None => errors.push(ModelError {
                    span: block.header,
                    message: format!(
                        "override block `{} {}` has no matching block in the module's other files; Terraform rejects it, souverain ignores it",
                        block.ident,
                        block.labels.join(" ")
                    ),
                }),
            },
        }
    }
}

fn same_block(a: &Block, b: &Block) -> bool {
    if a.ident != b.ident || a.labels != b.labels {
        return false;
    }
    // Provider configurations are identified by name and alias.
    &*a.ident != "provider" || alias(a) == alias(b)
}

fn alias(block: &Block) -> Option<&str> {
    block
        .body
        .attribute("alias")
        .and_then(|a| a.expr.as_literal_str())
}

/// Arguments replace arguments; a nested block type present in the override replaces all
/// blocks of that type in the base.
fn merge_body(base: &mut Body, over: Body) {
    for attr in over.attributes {
        match base.attributes.iter_mut().find(|a| a.name == attr.name) {
            Some(existing) => *existing = attr,
            None => base.attributes.push(attr),
        }
    }
    let replaced: Vec<_> = over.blocks.iter().map(|b| b.ident.clone()).collect();
    base.blocks.retain(|b| !replaced.contains(&b.ident));
    base.blocks.extend(over.blocks);
}

fn merge_locals(base: &mut [Block], over: Block, errors: &mut Vec<ModelError>) {
    for attr in over.body.attributes {
        let target = base
            .iter_mut()
            .filter(|b| &*b.ident == "locals")
            .flat_map(|b| b.body.attributes.iter_mut())
            .find(|a| a.name == attr.name);
        match target {
            Some(existing) => *existing = attr,
            None => errors.push(ModelError {
                span: attr.span,
                message: format!(
                    "override of local.{} has no base definition; ignored",
                    attr.name
                ),
            }),
        }
    }
}

/// `required_providers` entries merge one by one; other nested blocks (`backend`,
/// `cloud`) replace.
fn merge_terraform(base: &mut Body, mut over: Body) {
    if let Some(pos) = over
        .blocks
        .iter()
        .position(|b| &*b.ident == "required_providers")
    {
        let required = over.blocks.remove(pos);
        match base
            .blocks
            .iter_mut()
            .find(|b| &*b.ident == "required_providers")
        {
            Some(target) => merge_body(&mut target.body, required.body),
            None => base.blocks.push(required),
        }
    }
    merge_body(base, over);
}
