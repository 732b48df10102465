//! Diagnostics about the input: rendered with miette for people, as JSON for tools.

use super::snippet;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::source::SourceMap;
use miette::{LabeledSpan, MietteDiagnostic};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub help: Option<String>,
}

pub fn to_json(sources: &SourceMap, d: &Diagnostic) -> JsonDiagnostic {
    let (file, line, column) = match &d.location {
        Location::Span(span) => {
            let at = sources.line_col(*span);
            (
                Some(sources.display(span.file).to_string()),
                Some(at.line),
                Some(at.column),
            )
        }
        Location::File { path, line, column } => (Some(path.clone()), Some(*line), Some(*column)),
        Location::None => (None, None, None),
    };
    JsonDiagnostic {
        severity: d.severity,
        code: d.code,
        message: d.message.clone(),
        file,
        line,
        column,
        help: d.help.clone(),
    }
}

/// Writes diagnostics for a person: `file:line:col` first (clickable in terminals and
/// editors), then the source excerpt.
pub fn write_human(
    out: &mut dyn Write,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    color: bool,
    width: usize,
) -> io::Result<()> {
    let handler = snippet::handler(color, width);
    for d in diagnostics {
        let j = to_json(sources, d);
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        match (&j.file, j.line, j.column) {
            (Some(f), Some(l), Some(c)) => {
                writeln!(out, "{f}:{l}:{c}: {severity}[{}]: {}", d.code, d.message)?
            }
            _ => writeln!(out, "{severity}[{}]: {}", d.code, d.message)?,
        }
        if let Location::Span(span) = &d.location {
            let mut report = MietteDiagnostic::new(d.message.clone())
                .with_severity(match d.severity {
                    Severity::Error => miette::Severity::Error,
                    Severity::Warning => miette::Severity::Warning,
                    Severity::Note => miette::Severity::Advice,
                })
                .with_label(LabeledSpan::new_primary_with_span(
                    Some("here".into()),
                    snippet::range(*span),
                ));
            if let Some(help) = &d.help {
                report = report.with_help(help.clone());
            }
            snippet::render(out, &handler, report, sources, *span)?;
        } else if let Some(help) = &d.help {
            writeln!(out, "  help: {help}")?;
        }
    }
    Ok(())
}
