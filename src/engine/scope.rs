//! Changed-file runs (pre-commit): only findings that touch the given files are reported.

use crate::check::Finding;
use crate::resolve::ResourceRecord;
use crate::source::{SourceMap, Span};
use std::path::PathBuf;

/// Keeps the findings whose resource, a cause or a piece of evidence (a tfvars value, a
/// module call's argument, a provider alias passed down) is in one of `changed`
/// (canonical paths). Nothing is dropped when `changed` is empty (a whole-tree run).
pub(super) fn keep_changed(
    findings: &mut Vec<Finding>,
    sources: &SourceMap,
    records: &[ResourceRecord],
    changed: &[PathBuf],
) {
    if changed.is_empty() {
        return;
    }
    let touched = |span: Span| changed.contains(&sources.get(span.file).path);
    let evidence_touched = |f: &Finding| {
        f.resource.is_some_and(|id| {
            records[id.index()]
                .evidence
                .iter()
                .filter_map(|e| e.span)
                .any(touched)
        })
    };
    findings.retain(|f| {
        touched(f.span) || f.related.iter().any(|r| touched(r.span)) || evidence_touched(f)
    });
}
