//! `souverain check` output: miette reports for people, JSON for tools.
//!
//! JSON (a public contract): `{"findings":[{"rule","severity","address","root","file",
//! "line","column","message","help","related":[{"file","line","column","note"}]}],
//! "suppressed":[… same, plus "reason"],"summary":{…}}`.

use super::snippet::{self, range, render};
use crate::check::{Finding, Severity};
use crate::source::SourceMap;
use miette::{LabeledSpan, MietteDiagnostic};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonFinding<'a>>,
    suppressed: Vec<JsonFinding<'a>>,
    summary: &'a Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    address: Option<&'a str>,
    root: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
    help: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
    /// Stable across line moves: what baselines and SARIF match on.
    fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    note: &'a str,
}

/// Counts for the summary line and the JSON `summary`.
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
    /// With `--baseline`: findings the baseline knew (not reported) and entries gone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::check::baseline::Matched>,
}

impl Summary {
    pub fn count(&mut self, findings: &[Finding]) {
        for f in findings {
            match (f.suppressed.is_some(), f.severity) {
                (true, _) => self.suppressed += 1,
                (false, Severity::Error) => self.errors += 1,
                (false, Severity::Warning) => self.warnings += 1,
                (false, Severity::Info) => self.info += 1,
            }
        }
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

fn json_finding<'a>(sources: &'a SourceMap, f: &'a Finding) -> JsonFinding<'a> {
    let at = sources.line_col(f.span);
    JsonFinding {
        rule: f.rule,
        severity: f.severity,
        address: f.address.as_deref(),
        root: &f.root,
        file: sources.display(f.span.file),
        line: at.line,
        column: at.column,
        message: &f.message,
        help: f.help.as_deref(),
        related: f
            .related
            .iter()
            .map(|r| {
                let at = sources.line_col(r.span);
                JsonRelated {
                    file: sources.display(r.span.file),
                    line: at.line,
                    column: at.column,
                    note: &r.note,
                }
            })
            .collect(),
        reason: f.suppressed.as_deref(),
        fingerprint: f.fingerprint(),
    }
}

pub fn write_json(
    out: &mut dyn Write,
    sources: &SourceMap,
    findings: &[Finding],
    summary: &Summary,
) -> io::Result<()> {
    let (suppressed, open): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.suppressed.is_some());
    let report = JsonReport {
        findings: open.into_iter().map(|f| json_finding(sources, f)).collect(),
        suppressed: suppressed
            .into_iter()
            .map(|f| json_finding(sources, f))
            .collect(),
        summary,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// Human output: one graphical report per finding, labelled on the resource and on the
/// causes in the same file; causes in other files follow as notes with their own excerpt.
pub fn write_human(
    out: &mut dyn Write,
    sources: &SourceMap,
    findings: &[Finding],
    summary: &Summary,
    color: bool,
    width: usize,
) -> io::Result<()> {
    let handler = snippet::handler(color, width);
    for f in findings.iter().filter(|f| f.suppressed.is_none()) {
        let file = sources.get(f.span.file);
        let at = sources.line_col(f.span);
        let what = f.address.as_deref().unwrap_or("state backend");
        // The same module reached from two roots gives the same address twice.
        let root = if f.root == "." {
            String::new()
        } else {
            format!(" (root {})", f.root)
        };
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {what}{root}",
            file.display,
            at.line,
            at.column,
            f.severity.as_str(),
            f.rule
        )?;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(f.address.clone().unwrap_or_else(|| "here".into())),
            range(f.span),
        )];
        let (same, other): (Vec<_>, Vec<_>) =
            f.related.iter().partition(|r| r.span.file == f.span.file);
        labels.extend(
            same.iter()
                .map(|r| LabeledSpan::new_with_span(Some(r.note.clone()), range(r.span))),
        );
        let mut report = MietteDiagnostic::new(f.message.clone())
            .with_severity(severity(f.severity))
            .with_labels(labels);
        if let Some(help) = &f.help {
            report = report.with_help(help.clone());
        }
        render(out, &handler, report, sources, f.span)?;
        for r in other {
            let note = MietteDiagnostic::new(r.note.clone())
                .with_severity(miette::Severity::Advice)
                .with_label(LabeledSpan::new_primary_with_span(None, range(r.span)));
            render(out, &handler, note, sources, r.span)?;
        }
    }
    writeln!(out, "{}", summary.line())
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}
