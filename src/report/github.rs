//! `--format github`: GitHub Actions workflow commands that annotate the pull request, and
//! a Markdown step summary.
//!
//! GitHub shows at most 10 errors, 10 warnings and 10 notices per step and drops the rest
//! silently: the most severe findings come first, and a last notice counts what was not
//! shown and points at the summary and the SARIF report.

use crate::check::{Finding, Severity};
use crate::source::{SourceMap, relative_display};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// Annotations GitHub displays per level and per step.
pub const PER_LEVEL: usize = 10;

/// GitHub's limit on a step summary is 1 MiB; stay clear of it.
pub const SUMMARY_LIMIT: usize = 1024 * 1024 - 4096;

/// Annotations name files relative to `repo_root`, as GitHub resolves them.
pub fn write_annotations(
    out: &mut dyn Write,
    sources: &SourceMap,
    findings: &[Finding],
    repo_root: &Path,
) -> io::Result<()> {
    let mut open: Vec<&Finding> = findings.iter().filter(|f| f.suppressed.is_none()).collect();
    open.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let mut shown: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut hidden = 0;
    for f in open {
        let count = shown.entry(f.severity).or_default();
        if *count == PER_LEVEL {
            hidden += 1;
            continue;
        }
        *count += 1;
        let start = sources.line_col(f.span);
        let end = sources.get(f.span.file).line_col(f.span.end);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = match &f.address {
            Some(address) => format!("{} {address}", f.rule),
            None => f.rule.to_string(),
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\n\n");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{command} file={},line={},endLine={},col={},endColumn={},title={}::{}",
            escape_property(&relative_display(&sources.get(f.span.file).path, repo_root)),
            start.line,
            end.line,
            start.column,
            end.column,
            escape_property(&title),
            escape_data(&message)
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

/// The Markdown step summary: counts per rule and severity, then a table of the findings,
/// truncated before GitHub's size limit.
pub fn summary_markdown(sources: &SourceMap, findings: &[Finding], line: &str) -> String {
    let mut md = String::from("## souverain\n\n");
    let _ = writeln!(md, "{line}\n");
    let open: Vec<&Finding> = findings.iter().filter(|f| f.suppressed.is_none()).collect();
    if open.is_empty() {
        md.push_str("No finding.\n");
        return md;
    }
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in &open {
        *counts.entry((f.rule, f.severity)).or_default() += 1;
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
            cell(f.address.as_deref().unwrap_or("-")),
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
