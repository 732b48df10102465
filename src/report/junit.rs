//! `--format junit`, for GitLab, Jenkins and Azure DevOps: one test case per data-holding
//! resource and rule (failed by an open error or warning finding, skipped when
//! suppressed), plus one per finding about a root or a comment (SOV007, SOV009).

use crate::check::{Finding, Severity};
use crate::classify::Classification;
use crate::resolve::ResourceRecord;
use crate::source::SourceMap;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Rules judged per resource: a resource passes or fails each of them.
const RESOURCE_RULES: [&str; 7] = [
    "SOV001", "SOV002", "SOV003", "SOV004", "SOV005", "SOV006", "SOV008",
];

pub fn write_junit(
    out: &mut dyn Write,
    sources: &SourceMap,
    findings: &[Finding],
    resources: &[ResourceRecord],
    classes: &[Classification],
) -> io::Result<()> {
    let mut by_case: HashMap<(&str, &str, &str), Vec<&Finding>> = HashMap::new();
    for f in findings {
        if let Some(address) = &f.address {
            by_case
                .entry((f.root.as_str(), address.as_str(), f.rule))
                .or_default()
                .push(f);
        }
    }
    let mut cases = String::new();
    let (mut tests, mut failures, mut skipped) = (0, 0, 0);
    for (record, _) in resources
        .iter()
        .zip(classes)
        .filter(|(_, c)| c.category.is_some())
    {
        for rule in RESOURCE_RULES {
            let found = by_case
                .get(&(record.root.as_str(), record.address.as_str(), rule))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let at = sources.line_col(record.span);
            let location = format!("{}:{}", sources.display(record.span.file), at.line);
            tests += 1;
            let (fail, skip) = case(
                &mut cases,
                &format!("{} {}", record.root, record.address),
                rule,
                &location,
                found,
            );
            failures += usize::from(fail);
            skipped += usize::from(skip);
        }
    }
    for f in findings.iter().filter(|f| f.address.is_none()) {
        let at = sources.line_col(f.span);
        let location = format!("{}:{}", sources.display(f.span.file), at.line);
        tests += 1;
        let (fail, skip) = case(
            &mut cases,
            &format!("{} {location}", f.root),
            f.rule,
            &location,
            &[f],
        );
        failures += usize::from(fail);
        skipped += usize::from(skip);
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
