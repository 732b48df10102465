//! What a run found: plain data, rendered by [`crate::report`]'s emitters.

use crate::catalog::Catalog;
use crate::check::baseline::Matched;
use crate::check::{Finding, Severity};
use crate::classify::Classification;
use crate::diagnostic::Diagnostic;
use crate::parse::Workspace;
use crate::resolve::{BackendRecord, ResourceId, ResourceRecord};
use crate::source::SourceMap;
use serde::Serialize;
use std::path::PathBuf;

/// One check of a tree or a plan.
pub struct Run {
    /// Every file read; every span of the run points into it.
    pub sources: SourceMap,
    /// Every resource instance and where it lands; [`ResourceId`] indexes it.
    pub records: Vec<ResourceRecord>,
    /// What each record holds, in the order of `records`.
    pub classes: Vec<Classification>,
    /// Each root's state backend.
    pub backends: Vec<BackendRecord>,
    /// Findings reported, open and suppressed (`Finding::suppressed`), in file order.
    pub findings: Vec<Finding>,
    /// Findings the baseline knew: not reported.
    pub known: Vec<Finding>,
    /// Problems with the input: what they name was not (or not wholly) analysed.
    pub diagnostics: Vec<Diagnostic>,
    /// Root modules, as displayed.
    pub roots: Vec<String>,
    /// The repository the tree belongs to (canonical): report paths are relative to it.
    pub repo_root: PathBuf,
    pub summary: Summary,
    /// Unresolved hosting of classified data fails the run.
    pub fail_on_unresolved: bool,
    /// Whether any configuration (or a plan) was found to check.
    pub found_any: bool,
    /// The knowledge the run was judged against.
    pub catalog: Catalog,
    /// The syntax trees the records were made from. No emitter needs them; they are kept
    /// so that a caller that exits right after a run (the command line) can skip freeing
    /// them node by node, which costs several percent of a run.
    pub(super) _syntax: Workspace,
}

impl Run {
    pub fn record(&self, id: ResourceId) -> &ResourceRecord {
        &self.records[id.index()]
    }

    /// The findings no suppression comment silenced.
    pub fn open(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.suppressed.is_none())
    }

    /// The address of a finding's resource; `None` for findings about a root or a comment.
    pub fn address(&self, finding: &Finding) -> Option<&str> {
        finding.address(&self.records)
    }

    /// Whether the run fails at `threshold`: an open finding at or above it, input that
    /// could not be read (never a silent pass), or, with `fail_on_unresolved`, input not
    /// analysed.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.open().any(|f| f.severity >= threshold)
            || self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
            || (self.fail_on_unresolved && self.summary.unanalysed > 0)
    }
}

/// Counts for the summary line and the JSON `summary` (a public contract).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    pub suppressed: usize,
    pub resources: usize,
    pub data_resources: usize,
    pub roots: usize,
    /// Inputs souverain could not analyse (unparsable files, modules not found or not
    /// installed): what they hold was not checked.
    pub unanalysed: usize,
    /// With a baseline: findings the baseline knew (not reported) and entries gone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Matched>,
}

impl Summary {
    pub fn of(
        findings: &[Finding],
        records: &[ResourceRecord],
        classes: &[Classification],
        roots: usize,
        diagnostics: &[Diagnostic],
        baseline: Option<Matched>,
    ) -> Summary {
        let mut summary = Summary {
            resources: records.len(),
            data_resources: classes.iter().filter(|c| c.category.is_some()).count(),
            roots,
            unanalysed: diagnostics.iter().filter(|d| d.leaves_unanalysed()).count(),
            baseline,
            ..Summary::default()
        };
        for f in findings {
            match (f.suppressed.is_some(), f.severity) {
                (true, _) => summary.suppressed += 1,
                (false, Severity::Error) => summary.errors += 1,
                (false, Severity::Warning) => summary.warnings += 1,
                (false, Severity::Info) => summary.info += 1,
            }
        }
        summary
    }

    pub fn line(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let baseline = match self.baseline {
            Some(b) => format!("; baseline: {} known, {} gone", b.matched, b.gone),
            None => String::new(),
        };
        let unanalysed = match self.unanalysed {
            0 => String::new(),
            n => format!(
                "; {} not analysed (see the diagnostics)",
                plural(n, "input")
            ),
        };
        format!(
            "{}, {}, {} info ({} suppressed) on {} resources ({} holding data) in {}{unanalysed}{baseline}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            self.info,
            self.suppressed,
            self.resources,
            self.data_resources,
            plural(self.roots, "root"),
        )
    }
}
