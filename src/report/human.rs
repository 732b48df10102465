//! `--format human`: one miette report per finding, for people at a terminal.

use super::snippet::{self, range, render};
use super::{Emitter, Style};
use crate::engine::Run;
use miette::{LabeledSpan, MietteDiagnostic};
use std::io::{self, Write};

pub struct Human {
    pub style: Style,
}

impl Emitter for Human {
    /// One graphical report per open finding, labelled on the resource and on the causes
    /// in the same file; causes in other files follow as notes with their own excerpt.
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        let sources = &run.sources;
        let handler = snippet::handler(self.style.color, self.style.width);
        for f in run.open() {
            let file = sources.get(f.span.file);
            let at = sources.line_col(f.span);
            let address = run.address(f);
            let what = address.unwrap_or("state backend");
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
                Some(address.unwrap_or("here").to_string()),
                range(f.span),
            )];
            let (same, other): (Vec<_>, Vec<_>) =
                f.related.iter().partition(|r| r.span.file == f.span.file);
            labels.extend(
                same.iter()
                    .map(|r| LabeledSpan::new_with_span(Some(r.note.clone()), range(r.span))),
            );
            let mut report = MietteDiagnostic::new(f.message.clone())
                .with_severity(snippet::severity(f.severity))
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
        writeln!(out, "{}", run.summary.line())
    }
}
