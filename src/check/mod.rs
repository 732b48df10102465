//! Checking: the doctrine's rules applied to classified resources and to each root's state
//! backend. Rules live one per file in [`rules`], registered in [`rules::RULES`]; findings
//! are plain data that the reports render.

pub mod baseline;
mod hosting;
pub mod rules;
mod suppressions;
#[cfg(test)]
pub(crate) mod tester;

use crate::catalog::Catalog;
use crate::classify::Classification;
use crate::date::Date;
use crate::level::Level;
use crate::resolve::{BackendRecord, ResourceId, ResourceRecord};
use crate::settings::Settings;
use crate::source::{SourceMap, Span};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

pub use crate::severity::Severity;

/// A rule's id (`SOV001`): declared once, in the rule's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RuleId(&'static str);

impl RuleId {
    /// For a rule's `META`; users' spellings are read with [`rules::by_id`].
    pub const fn declare(id: &'static str) -> RuleId {
        RuleId(id)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// What a rule judges: what one pass or failure of it is about (a JUnit test case, a
/// SARIF result's location).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Each data-holding resource passes or fails it.
    Resource,
    /// Each root (its state backend) passes or fails it.
    Root,
    /// Each suppression comment.
    Comment,
}

/// What a rule is, for `explain`, SARIF and the docs.
pub struct RuleMeta {
    pub id: RuleId,
    pub name: &'static str,
    pub severity: Severity,
    pub scope: Scope,
    /// One line.
    pub summary: &'static str,
    /// Markdown: what, why, example, fix.
    pub doc: &'static str,
}

/// A place that contributed to a finding (provider block, region argument, tag…).
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub span: Span,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub root: String,
    /// The resource it is about; `None` for findings about a root (its state backend) or
    /// a suppression comment.
    pub resource: Option<ResourceId>,
    /// The resource block header (or the backend block, or the comment).
    pub span: Span,
    pub related: Vec<Related>,
    pub message: String,
    pub help: Option<String>,
    /// The reason of the suppression comment that silenced it.
    pub suppressed: Option<String>,
    /// What caused the finding, in terms that do not move with lines or dates (the
    /// placement `vendor|region`, a replication argument, a comment's text): part of the
    /// fingerprint.
    pub cause: String,
}

impl Finding {
    /// A stable identity (`rule`, root, address, cause): the same finding keeps it when
    /// lines move, so baselines and SARIF alerts do not churn. FNV-1a, 64 bits, hex.
    /// `records` are the run's, which [`Finding::resource`] indexes.
    pub fn fingerprint(&self, records: &[ResourceRecord]) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let parts = [
            self.rule.as_str(),
            &self.root,
            self.address(records).unwrap_or(""),
            &self.cause,
        ];
        for part in parts {
            for byte in part.bytes().chain([0]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x}")
    }

    /// The address of its resource.
    pub fn address<'r>(&self, records: &'r [ResourceRecord]) -> Option<&'r str> {
        self.resource.map(|id| records[id.index()].address.as_str())
    }
}

/// What every rule sees.
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub settings: &'a Settings,
    /// The day qualifications and suppressions are judged on.
    pub today: Date,
    pub fail_on_unresolved: bool,
    /// The rules run; `None`: every rule.
    pub selected: Option<&'a [RuleId]>,
}

impl Context<'_> {
    /// Whether the rule runs in this check.
    pub fn runs(&self, rule: RuleId) -> bool {
        self.selected
            .is_none_or(|selected| selected.contains(&rule))
    }

    fn rules(&self) -> impl Iterator<Item = &'static dyn Rule> + '_ {
        rules::RULES
            .iter()
            .copied()
            .filter(|rule| self.runs(rule.meta().id))
    }
}

/// A resource with its classification.
pub struct Subject<'a> {
    pub id: ResourceId,
    pub record: &'a ResourceRecord,
    pub class: &'a Classification,
    /// Every resource of the run by (root, address), for rules that follow references.
    others: &'a HashMap<(&'a str, &'a str), &'a ResourceRecord>,
    alternatives: &'a hosting::AlternativesByCategory<'a>,
}

impl Subject<'_> {
    /// Another resource of the same root.
    pub fn other(&self, address: &str) -> Option<&ResourceRecord> {
        self.others
            .get(&(self.record.root.as_str(), address))
            .copied()
    }

    pub fn level(&self) -> Option<Level> {
        self.class.level
    }

    /// The qualified offers that would suit this resource's data: a finding's help.
    pub fn alternatives(&self, cx: &Context<'_>) -> String {
        self.alternatives.get(cx, self.class.category.as_deref())
    }

    /// A finding about this resource, with its placement causes as related spans.
    pub fn finding(&self, rule: &'static RuleMeta, severity: Severity, message: String) -> Finding {
        let mut related: Vec<Related> = self
            .record
            .causes
            .iter()
            .map(|span| Related {
                span: *span,
                note: "decides where it is hosted".into(),
            })
            .collect();
        if let Some((Some(span), note)) = &self.class.because {
            related.push(Related {
                span: *span,
                note: note.clone(),
            });
        }
        Finding {
            rule: rule.id,
            severity,
            root: self.record.root.clone(),
            resource: Some(self.id),
            span: self.record.span,
            related,
            message,
            help: None,
            suppressed: None,
            cause: format!(
                "{}|{}",
                self.record.vendor.as_deref().unwrap_or(""),
                self.record.region.as_deref().unwrap_or("")
            ),
        }
    }
}

/// A root and its state backend, with the most sensitive level of the data in the root.
pub struct RootView<'a> {
    pub backend: &'a BackendRecord,
    pub level: Option<Level>,
    /// The resource that holds the most sensitive data.
    pub most_sensitive: Option<&'a ResourceRecord>,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;

    fn check_resource(&self, _cx: &Context<'_>, _subject: &Subject<'_>, _out: &mut Vec<Finding>) {}

    fn check_root(&self, _cx: &Context<'_>, _root: &RootView<'_>, _out: &mut Vec<Finding>) {}
}

/// A finding's severity after the configuration; `None` when the rule is turned off. A
/// configured severity replaces the rule's own (SOV002's error-or-warning by level).
fn configured(settings: &Settings, rule: RuleId, severity: Severity) -> Option<Severity> {
    match settings.severities.get(rule.as_str()) {
        None => Some(severity),
        Some(configured) => *configured,
    }
}

/// Runs every rule on every resource and root, then applies suppression comments.
pub fn check(
    cx: &Context<'_>,
    sources: &SourceMap,
    resources: &[ResourceRecord],
    classes: &[Classification],
    backends: &[BackendRecord],
) -> Vec<Finding> {
    let others: HashMap<(&str, &str), &ResourceRecord> = resources
        .iter()
        .map(|r| ((r.root.as_str(), r.address.as_str()), r))
        .collect();
    let alternatives = hosting::AlternativesByCategory::new(cx);
    // Resources are judged independently: in parallel, findings kept in resource order.
    let mut findings: Vec<Finding> = resources
        .par_iter()
        .zip(classes)
        .enumerate()
        .flat_map_iter(|(index, (record, class))| {
            let subject = Subject {
                id: ResourceId::new(index),
                record,
                class,
                others: &others,
                alternatives: &alternatives,
            };
            let mut out = Vec::new();
            for rule in cx.rules() {
                rule.check_resource(cx, &subject, &mut out);
            }
            out
        })
        .collect();
    // The most sensitive data of each root, in one pass.
    let mut most: HashMap<&str, (Level, &ResourceRecord)> = HashMap::new();
    for (record, level) in resources
        .iter()
        .zip(classes)
        .filter_map(|(r, c)| Some((r, c.level?)))
    {
        let entry = most.entry(record.root.as_str()).or_insert((level, record));
        if level > entry.0 {
            *entry = (level, record);
        }
    }
    for backend in backends {
        let most = most.get(backend.root.as_str());
        let view = RootView {
            backend,
            level: most.map(|(l, _)| *l),
            most_sensitive: most.map(|(_, r)| *r),
        };
        for rule in cx.rules() {
            rule.check_root(cx, &view, &mut findings);
        }
    }
    suppressions::apply(cx, sources, resources, &mut findings);
    findings.retain_mut(|f| match configured(cx.settings, f.rule, f.severity) {
        Some(severity) => {
            f.severity = severity;
            true
        }
        None => false,
    });
    findings.sort_by(|a, b| {
        (&a.root, a.span.file, a.span.start, a.rule).cmp(&(
            &b.root,
            b.span.file,
            b.span.start,
            b.rule,
        ))
    });
    findings
}
