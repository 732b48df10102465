//! Placing a plan's resources on the configuration they come from: the resource block,
//! the module calls around it and the provider and region lines that decided, so that
//! findings and annotations point at `.tf` lines rather than at the plan.

use super::address::parts;
use crate::resolve::ResourceRecord;
use std::collections::HashMap;

/// Moves each plan record's locations onto the statically analysed record of the same
/// resource block (the address without instance keys). Returns how many plan records
/// found no block: those stay located in the plan.
pub fn attach_sources(records: &mut [ResourceRecord], configured: &[ResourceRecord]) -> usize {
    let mut blocks: HashMap<String, &ResourceRecord> = HashMap::new();
    for record in configured {
        blocks
            .entry(block_address(&record.address))
            .or_insert(record);
    }
    let mut unmatched = 0;
    for record in records.iter_mut() {
        let Some(block) = blocks.get(&block_address(&record.address)) else {
            unmatched += 1;
            continue;
        };
        record.span = block.span;
        record.block = block.block;
        record.calls = block.calls.clone();
        if !block.causes.is_empty() {
            record.causes = block.causes.clone();
        }
        for tag in &mut record.tags {
            if let Some(written) = block.tags.iter().find(|t| t.key == tag.key) {
                tag.span = written.span;
            }
        }
        for replica in &mut record.replicas {
            if let Some(written) = block
                .replicas
                .iter()
                .find(|r| r.attribute == replica.attribute)
            {
                replica.span = written.span;
            }
        }
    }
    unmatched
}

/// `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`.
fn block_address(address: &str) -> String {
    match parts(address) {
        Ok(parts) => parts
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join("."),
        Err(_) => address.to_string(),
    }
}
