//! `--format junit`, for GitLab, Jenkins and Azure DevOps: one test case per data-holding
//! resource and per-resource rule (failed by an open error or warning finding, skipped
//! when suppressed), one per finding about a root or a comment (SOV007, SOV009), and one
//! per diagnostic (an input that could not be wholly analysed fails).

use super::Emitter;
use crate::check::rules::RULES;
use crate::check::{Finding, RuleId, Scope, Severity};
use crate::diagnostic::Location;
use crate::engine::Run;
use crate::resolve::ResourceId;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Junit;

impl Emitter for Junit {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        write_junit(out, run)
    }
}

fn write_junit(out: &mut dyn Write, run: &Run) -> io::Result<()> {
    let sources = &run.sources;
    let mut by_case: HashMap<(ResourceId, RuleId), Vec<&Finding>> = HashMap::new();
    for f in &run.findings {
        if let Some(id) = f.resource {
            by_case.entry((id, f.rule)).or_default().push(f);
        }
    }
    let resource_rules: Vec<RuleId> = RULES
        .iter()
        .map(|r| r.meta())
        .filter(|m| m.scope == Scope::Resource)
        .map(|m| m.id)
        .collect();
    let mut cases = String::new();
    let (mut tests, mut failures, mut skipped) = (0, 0, 0);
    let data_holding = run
        .records
        .iter()
        .zip(&run.classes)
        .enumerate()
        .filter(|(_, (_, c))| c.category.is_some());
    for (index, (record, _)) in data_holding {
        for &rule in &resource_rules {
            let found = by_case
                .get(&(ResourceId::new(index), rule))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let at = sources.line_col(record.span);
            let location = format!("{}:{}", sources.display(record.span.file), at.line);
            tests += 1;
            let (fail, skip) = case(
                &mut cases,
                &format!("{} {}", record.root, record.address),
                rule.as_str(),
                &location,
                found,
            );
            failures += usize::from(fail);
            skipped += usize::from(skip);
        }
    }
    for f in run.findings.iter().filter(|f| f.resource.is_none()) {
        let at = sources.line_col(f.span);
        let location = format!("{}:{}", sources.display(f.span.file), at.line);
        tests += 1;
        let (fail, skip) = case(
            &mut cases,
            &format!("{} {location}", f.root),
            f.rule.as_str(),
            &location,
            &[f],
        );
        failures += usize::from(fail);
        skipped += usize::from(skip);
    }
    for d in run
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
    {
        let location = match &d.location {
            Location::Span(span) => {
                let at = sources.line_col(*span);
                format!("{}:{}", sources.display(span.file), at.line)
            }
            Location::File { path, line, .. } => format!("{path}:{line}"),
            Location::None => String::new(),
        };
        tests += 1;
        failures += 1;
        let _ = write!(
            cases,
            "    <testcase classname=\"souverain.input\" name=\"{} {}\" file=\"{}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
            xml(d.code.as_str()),
            xml(&location),
            xml(location.split(':').next().unwrap_or("")),
            d.severity.as_str(),
            xml(&d.message),
            xml(d.help.as_deref().unwrap_or(""))
        );
    }
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="souverain" tests="{tests}" failures="{failures}" skipped="{skipped}">"#
    )?;
    writeln!(
        out,
        r#"  <testsuite name="souverain check" tests="{tests}" failures="{failures}" skipped="{skipped}">"#
    )?;
    out.write_all(cases.as_bytes())?;
    writeln!(out, "  </testsuite>\n</testsuites>")
}

/// Writes one test case; returns whether it failed and whether it was skipped.
fn case(
    out: &mut String,
    name: &str,
    rule: &str,
    location: &str,
    found: &[&Finding],
) -> (bool, bool) {
    let _ = write!(
        out,
        r#"    <testcase classname="{}" name="{}" file="{}">"#,
        xml(rule),
        xml(name),
        xml(location.split(':').next().unwrap_or(""))
    );
    let open: Vec<&&Finding> = found.iter().filter(|f| f.suppressed.is_none()).collect();
    let failing: Vec<&&&Finding> = open
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    let result = if let Some(first) = failing.first() {
        let details: Vec<String> = failing
            .iter()
            .map(|f| {
                format!(
                    "{}: {}\n{}",
                    f.severity.as_str(),
                    f.message,
                    f.help.as_deref().unwrap_or("")
                )
            })
            .collect();
        let _ = write!(
            out,
            "\n      <failure type=\"{}\" message=\"{}\">{}\n{}</failure>\n    ",
            first.severity.as_str(),
            xml(&first.message),
            xml(location),
            xml(&details.join("\n"))
        );
        (true, false)
    } else if let Some(reason) = found.iter().find_map(|f| f.suppressed.as_deref()) {
        let _ = write!(
            out,
            "\n      <skipped message=\"suppressed: {}\"/>\n    ",
            xml(reason)
        );
        (false, true)
    } else {
        if let Some(info) = open.first() {
            let _ = write!(
                out,
                "\n      <system-out>{}</system-out>\n    ",
                xml(&info.message)
            );
        }
        (false, false)
    };
    out.push_str("</testcase>\n");
    result
}

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
