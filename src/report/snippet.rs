//! Source excerpts with labels (miette), shared by the diagnostics and findings renderers.

use crate::severity::Severity;
use crate::source::{SourceMap, Span};
use miette::{GraphicalReportHandler, GraphicalTheme, MietteDiagnostic, NamedSource};
use std::io::{self, Write};

pub fn handler(color: bool, width: usize) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
}

/// miette's name for a severity.
pub fn severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// Lines longer than this are not excerpted: a plan written by `terraform show -json` is
/// one line of the whole plan.
const MAX_EXCERPT_LINE: usize = 500;

/// Renders `diagnostic` over the file of `span`; without an excerpt for a data file or a
/// line too long to show.
pub fn render(
    out: &mut dyn Write,
    handler: &GraphicalReportHandler,
    mut diagnostic: MietteDiagnostic,
    sources: &SourceMap,
    span: Span,
) -> io::Result<()> {
    let file = sources.get(span.file);
    let bytes = file.text.as_bytes();
    let start = (span.start as usize).min(bytes.len());
    let line_start = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| start + i);
    let report = if !file.excerpts || line_end - line_start > MAX_EXCERPT_LINE {
        diagnostic.labels = None;
        miette::Report::new(diagnostic)
    } else {
        miette::Report::new(diagnostic)
            .with_source_code(NamedSource::new(file.display.clone(), file.text.clone()))
    };
    let mut text = String::new();
    if handler.render_report(&mut text, report.as_ref()).is_ok() {
        // miette pads lines; trailing spaces make snapshots brittle.
        for line in text.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}

pub fn range(span: Span) -> miette::SourceSpan {
    (span.start as usize..span.end as usize).into()
}
