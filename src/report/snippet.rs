//! Source excerpts with labels (miette), shared by the diagnostics and findings renderers.

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

/// Renders `diagnostic` over the file of `span`.
pub fn render(
    out: &mut dyn Write,
    handler: &GraphicalReportHandler,
    diagnostic: MietteDiagnostic,
    sources: &SourceMap,
    span: Span,
) -> io::Result<()> {
    let file = sources.get(span.file);
    let report = miette::Report::new(diagnostic)
        .with_source_code(NamedSource::new(file.display.clone(), file.text.clone()));
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
