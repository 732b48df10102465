//! `--format github`: GitHub Actions workflow commands that annotate the pull request, and
//! a Markdown step summary.
//!
//! GitHub shows at most 10 errors, 10 warnings and 10 notices per step and drops the rest
//! silently: the most severe findings come first, and a last notice counts what was not
//! shown and points at the summary and the SARIF report.

use super::Emitter;
use crate::check::{Finding, Severity};
use crate::diagnostic::Location;
use crate::engine::Run;
use crate::source::{LineCol, Span, relative_display};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Annotations GitHub displays per level and per step.
pub const PER_LEVEL: usize = 10;

/// GitHub's limit on a step summary is 1 MiB; stay clear of it.
pub const SUMMARY_LIMIT: usize = 1024 * 1024 - 4096;

/// Workflow commands annotating the pull request, files relative to the repository root
/// as GitHub resolves them: diagnostics first (what could not be checked), then findings.
pub struct Annotations;

/// One annotation before it is written.
struct Annotation {
    severity: Severity,
    /// File, first and last line and column.
    place: Option<(String, LineCol, LineCol)>,
    title: String,
    message: String,
}

impl Emitter for Annotations {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        let sources = &run.sources;
        let place = |span: Span| {
            let file = sources.get(span.file);
            Some((
                relative_display(&file.path, &run.repo_root),
                file.line_col(span.start),
                file.line_col(span.end),
            ))
        };
        let diagnostics = run.diagnostics.iter().map(|d| Annotation {
            severity: d.severity,
            place: match &d.location {
                Location::Span(span) => place(*span),
                _ => None,
            },
            title: format!("souverain {}", d.code),
            message: match &d.location {
                Location::File { path, line, column } => {
                    format!("{path}:{line}:{column}: {}", d.message)
                }
                _ => d.message.clone(),
            },
        });
        let findings = run.open().map(|f| {
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str("\n\n");
                message.push_str(help);
            }
            Annotation {
                severity: f.severity,
                place: place(f.span),
                title: match run.address(f) {
                    Some(address) => format!("{} {address}", f.rule),
                    None => f.rule.to_string(),
                },
                message,
            }
        });
        let mut annotations: Vec<Annotation> = diagnostics.chain(findings).collect();
        annotations.sort_by_key(|a| std::cmp::Reverse(a.severity));
        let mut shown: BTreeMap<Severity, usize> = BTreeMap::new();
        let mut hidden = 0;
        for a in annotations {
            let count = shown.entry(a.severity).or_default();
            if *count == PER_LEVEL {
                hidden += 1;
                continue;
            }
            *count += 1;
            let command = match a.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let place = match &a.place {
                Some((file, start, end)) => format!(
                    "file={},line={},endLine={},col={},endColumn={},",
                    escape_property(file),
                    start.line,
                    end.line,
                    start.column,
                    end.column
                ),
                None => String::new(),
            };
            writeln!(
                out,
                "::{command} {place}title={}::{}",
                escape_property(&a.title),
                escape_data(&a.message)
            )?;
        }
        if hidden > 0 {
            writeln!(
                out,
                "::notice title=souverain::{}",
                escape_data(&format!(
                    "{hidden} more findings are not shown as annotations (GitHub shows {PER_LEVEL} per level): see the step summary or the SARIF report"
                ))
            )?;
        }
        Ok(())
    }
}

/// Workflow command data: `%`, CR and LF are escaped.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow command properties: also `:` and `,`, which separate properties.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The Markdown step summary (appended to `GITHUB_STEP_SUMMARY`): counts per rule and
/// severity, then a table of the findings, truncated before GitHub's size limit.
pub struct StepSummary;

impl Emitter for StepSummary {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        out.write_all(summary_markdown(run).as_bytes())
    }
}

fn summary_markdown(run: &Run) -> String {
    let sources = &run.sources;
    let mut md = String::from("## souverain\n\n");
    let _ = writeln!(md, "{}\n", run.summary.line());
    let open: Vec<&Finding> = run.open().collect();
    if open.is_empty() {
        md.push_str("No finding.\n");
        return md;
    }
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in &open {
        *counts.entry((f.rule.as_str(), f.severity)).or_default() += 1;
    }
    md.push_str("| rule | severity | findings |\n|---|---|---|\n");
    for ((rule, severity), n) in &counts {
        let _ = writeln!(md, "| {rule} | {} | {n} |", severity.as_str());
    }
    md.push_str("\n| severity | rule | resource | where | message |\n|---|---|---|---|---|\n");
    let mut sorted = open.clone();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for (i, f) in sorted.iter().enumerate() {
        let at = sources.line_col(f.span);
        let row = format!(
            "| {} | {} | {} | `{}:{}` | {} |\n",
            f.severity.as_str(),
            f.rule,
            cell(run.address(f).unwrap_or("-")),
            sources.display(f.span.file),
            at.line,
            cell(&f.message)
        );
        if md.len() + row.len() > SUMMARY_LIMIT {
            let _ = writeln!(
                md,
                "\n{} more findings are not listed (summary size limit): see the SARIF report.",
                sorted.len() - i
            );
            break;
        }
        md.push_str(&row);
    }
    md
}

/// A Markdown table cell: pipes escaped, on one line.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
