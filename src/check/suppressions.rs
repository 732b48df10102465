//! Applies `# souverain:ignore` comments: a valid one on a resource block (or on an
//! enclosing module call) silences that rule's findings for it. Every problem with a
//! comment — and every comment that silences nothing — is a SOV009 finding.

use super::rules::{self, SUPPRESSION};
use super::{Context, Finding, Severity};
use crate::date::Date;
use crate::parse::Syntax;
use crate::resolve::ResourceRecord;
use crate::source::{SourceMap, Span};
use crate::suppress::{Suppression, block_suppressions};
use std::collections::HashMap;

struct Comment {
    suppression: Suppression,
    root: String,
    used: bool,
}

pub fn apply(
    cx: &Context<'_>,
    sources: &SourceMap,
    resources: &[ResourceRecord],
    findings: &mut Vec<Finding>,
) {
    // Every comment attached to a resource block or a module call block, once.
    let mut comments: Vec<Comment> = Vec::new();
    let mut by_block: HashMap<Span, Vec<usize>> = HashMap::new();
    for record in resources {
        for block in std::iter::once(record.block).chain(record.calls.iter().copied()) {
            if by_block.contains_key(&block) {
                continue;
            }
            let file = sources.get(block.file);
            let json = Syntax::of(&file.display) == Syntax::Json;
            let found = block_suppressions(block.file, &file.text, block, json);
            let ids = found
                .into_iter()
                .map(|suppression| {
                    comments.push(Comment {
                        suppression,
                        root: record.root.clone(),
                        used: false,
                    });
                    comments.len() - 1
                })
                .collect();
            by_block.insert(block, ids);
        }
    }
    for finding in findings.iter_mut() {
        let Some(record) = finding.resource.map(|id| &resources[id.index()]) else {
            continue;
        };
        let blocks = std::iter::once(record.block).chain(record.calls.iter().copied());
        for id in blocks.flat_map(|b| by_block.get(&b).into_iter().flatten().copied()) {
            let comment = &mut comments[id];
            if !comment
                .suppression
                .rules
                .iter()
                .any(|r| r.eq_ignore_ascii_case(finding.rule.as_str()))
            {
                continue;
            }
            comment.used = true;
            if problem(cx, &comment.suppression).is_none() && !is_pinned(cx, finding.rule.as_str())
            {
                finding.suppressed = comment.suppression.reason.clone();
                break;
            }
        }
    }
    for comment in &comments {
        let s = &comment.suppression;
        let message = match problem(cx, s) {
            Some(p) => p,
            None => match s.rules.iter().find(|r| is_pinned(cx, r)) {
                Some(r) => {
                    format!("{r} cannot be suppressed: the configuration makes it non-suppressible")
                }
                // A comment naming a rule that did not run may well silence something.
                None if !comment.used
                    && s.rules
                        .iter()
                        .all(|r| rules::by_id(r).is_some_and(|m| cx.runs(m.id))) =>
                {
                    format!(
                        "unused suppression of {}: no such finding on this block",
                        s.rules.join(", ")
                    )
                }
                None => continue,
            },
        };
        if !cx.runs(SUPPRESSION.id) {
            continue;
        }
        findings.push(Finding {
            rule: SUPPRESSION.id,
            severity: Severity::Warning,
            root: comment.root.clone(),
            resource: None,
            span: s.span,
            related: Vec::new(),
            message,
            help: Some("write `# souverain:ignore SOV00x until=YYYY-MM-DD -- reason` on the line above the block".into()),
            suppressed: None,
            cause: format!(
                "{}|{}|{}|{}",
                sources.display(s.span.file),
                s.rules.join(","),
                s.until.as_deref().unwrap_or(""),
                s.reason.as_deref().unwrap_or("")
            ),
        });
    }
}

/// Why a comment cannot suppress anything, if it cannot.
fn problem(cx: &Context<'_>, s: &Suppression) -> Option<String> {
    if let Some(p) = &s.problem {
        return Some(format!("malformed suppression: {p}"));
    }
    if let Some(unknown) = s.rules.iter().find(|r| rules::by_id(r).is_none()) {
        return Some(format!("suppression names unknown rule {unknown}"));
    }
    if s.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Some(format!(
            "suppression of {} has no reason (write `-- why`)",
            s.rules.join(", ")
        ));
    }
    match &s.until {
        // A malformed date is the comment's problem, reported when it is read.
        Some(until) if Date::parse(until).is_some_and(|until| until < cx.today) => Some(format!(
            "suppression of {} expired on {until}",
            s.rules.join(", ")
        )),
        _ => None,
    }
}

fn is_pinned(cx: &Context<'_>, rule: &str) -> bool {
    cx.settings
        .non_suppressible
        .iter()
        .any(|r| r.eq_ignore_ascii_case(rule))
}
