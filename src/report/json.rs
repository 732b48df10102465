//! `--format json` of `check` and `plan-check` (a public contract):
//! `{"findings":[{"rule","severity","address","root","file","line","column","message",
//! "help","related":[{"file","line","column","note"}],"fingerprint"}],
//! "suppressed":[… same, plus "reason"],"summary":{…},"diagnostics":[{"severity","code",
//! "message","file","line","column","help"}]}`.

use super::Emitter;
use super::diagnostics::{JsonDiagnostic, to_json};
use crate::check::{Finding, Severity};
use crate::engine::{Run, Summary};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonFinding<'a>>,
    suppressed: Vec<JsonFinding<'a>>,
    summary: &'a Summary,
    /// What could not be (wholly) analysed, and why.
    diagnostics: Vec<JsonDiagnostic>,
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

fn json_finding<'a>(run: &'a Run, f: &'a Finding) -> JsonFinding<'a> {
    let sources = &run.sources;
    let at = sources.line_col(f.span);
    JsonFinding {
        rule: f.rule.as_str(),
        severity: f.severity,
        address: run.address(f),
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
        fingerprint: f.fingerprint(&run.records),
    }
}

pub struct Json;

impl Emitter for Json {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        let (suppressed, open): (Vec<&Finding>, Vec<&Finding>) =
            run.findings.iter().partition(|f| f.suppressed.is_some());
        let report = JsonReport {
            findings: open.into_iter().map(|f| json_finding(run, f)).collect(),
            suppressed: suppressed
                .into_iter()
                .map(|f| json_finding(run, f))
                .collect(),
            summary: &run.summary,
            diagnostics: run
                .diagnostics
                .iter()
                .map(|d| to_json(&run.sources, d))
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }
}
