//! Diagnostics about the input: rendered with miette for people, as JSON for tools.

use super::{Emitter, Style, snippet};
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::engine::Run;
use crate::source::SourceMap;
use miette::{LabeledSpan, MietteDiagnostic};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub severity: Severity,
    pub code: Code,
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

/// A run's diagnostics for a person (on standard error, beside any format).
pub struct Human {
    pub style: Style,
}

impl Emitter for Human {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        write_human(out, &run.sources, &run.diagnostics, self.style)
    }
}

/// Writes diagnostics for a person: `file:line:col` first (clickable in terminals and
/// editors), then the source excerpt.
pub fn write_human(
    out: &mut dyn Write,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    style: Style,
) -> io::Result<()> {
    let handler = snippet::handler(style.color, style.width);
    for d in diagnostics {
        let j = to_json(sources, d);
        let severity = d.severity.as_str();
        match (&j.file, j.line, j.column) {
            (Some(f), Some(l), Some(c)) => {
                writeln!(out, "{f}:{l}:{c}: {severity}[{}]: {}", d.code, d.message)?
            }
            _ => writeln!(out, "{severity}[{}]: {}", d.code, d.message)?,
        }
        if let Location::Span(span) = &d.location {
            let mut report = MietteDiagnostic::new(d.message.clone())
                .with_severity(snippet::severity(d.severity))
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
