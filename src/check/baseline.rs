//! Baselines: adopt souverain on a repository with existing findings. `--write-baseline`
//! records today's open findings by fingerprint; `--baseline` then reports only new ones.

use super::Finding;
use crate::resolve::ResourceRecord;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Serialize, Deserialize)]
pub struct Baseline {
    /// Format version, for readers of the file.
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One recorded finding: the fingerprint decides, the rest helps people read the file.
#[derive(Serialize, Deserialize, Clone)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub root: String,
    pub address: Option<String>,
}

/// What applying a baseline did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Matched {
    /// Findings known to the baseline, not reported.
    pub matched: usize,
    /// Baseline entries that no longer match a finding (fixed, or changed).
    pub gone: usize,
}

impl Baseline {
    /// The open findings of `findings`, whose resources are `records`.
    pub fn of<'f>(
        findings: impl IntoIterator<Item = &'f Finding>,
        records: &[ResourceRecord],
    ) -> Baseline {
        let mut findings: Vec<Entry> = findings
            .into_iter()
            .filter(|f| f.suppressed.is_none())
            .map(|f| Entry {
                fingerprint: f.fingerprint(records),
                rule: f.rule.to_string(),
                root: f.root.clone(),
                address: f.address(records).map(str::to_string),
            })
            .collect();
        findings.sort_by(|a, b| {
            (&a.root, &a.address, &a.rule, &a.fingerprint).cmp(&(
                &b.root,
                &b.address,
                &b.rule,
                &b.fingerprint,
            ))
        });
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline {
            version: 1,
            findings,
        }
    }

    pub fn parse(text: &str) -> Result<Baseline, String> {
        let baseline: Baseline = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        if baseline.version != 1 {
            return Err(format!(
                "baseline version {} is not supported (expected 1)",
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Takes out the findings the baseline knows, and returns them.
    pub fn apply(
        &self,
        findings: &mut Vec<Finding>,
        records: &[ResourceRecord],
    ) -> (Vec<Finding>, Matched) {
        let known: HashSet<&str> = self
            .findings
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut seen: HashSet<String> = HashSet::new();
        let (matched, open): (Vec<Finding>, Vec<Finding>) =
            std::mem::take(findings).into_iter().partition(|f| {
                let fingerprint = f.fingerprint(records);
                let is_known = f.suppressed.is_none() && known.contains(fingerprint.as_str());
                if is_known {
                    seen.insert(fingerprint);
                }
                is_known
            });
        *findings = open;
        let counts = Matched {
            matched: matched.len(),
            gone: known.len() - seen.len(),
        };
        (matched, counts)
    }
}
