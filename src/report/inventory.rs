//! `souverain inventory` output: a table, JSON or CSV.
//!
//! The JSON shape is a public contract:
//! `{"resources":[{"address","type","mode","root","file","line","column",
//! "provider":{"source","config"},"vendor","region","hosted","unresolved":[…],
//! "evidence":[{"file","line","note"}]}],"diagnostics":[…]}`.

use super::Emitter;
use crate::config::Mode;
use crate::engine::Run;
use crate::resolve::{Evidence, ResourceRecord};
use crate::source::SourceMap;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonInventory<'a> {
    resources: Vec<JsonResource<'a>>,
    diagnostics: Vec<super::diagnostics::JsonDiagnostic>,
}

#[derive(Serialize)]
struct JsonResource<'a> {
    address: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    mode: Mode,
    root: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    provider: JsonProvider<'a>,
    vendor: Option<&'a str>,
    region: Option<&'a str>,
    hosted: bool,
    unresolved: &'a [String],
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonProvider<'a> {
    source: &'a str,
    config: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    file: Option<&'a str>,
    line: Option<u32>,
    note: &'a str,
}

fn evidence<'a>(sources: &'a SourceMap, e: &'a Evidence) -> JsonEvidence<'a> {
    JsonEvidence {
        file: e.span.map(|s| sources.display(s.file)),
        line: e.span.map(|s| sources.line_col(s).line),
        note: &e.note,
    }
}

/// `--format json`.
pub struct Json;

impl Emitter for Json {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        write_json(out, run)
    }
}

/// `--format table` (the default).
pub struct Table;

impl Emitter for Table {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        write_table(out, &run.sources, &run.records)
    }
}

/// `--format csv`.
pub struct Csv;

impl Emitter for Csv {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        write_csv(out, &run.sources, &run.records)
    }
}

fn write_json(out: &mut dyn Write, run: &Run) -> io::Result<()> {
    let sources = &run.sources;
    let resources = run
        .records
        .iter()
        .map(|r| {
            let at = sources.line_col(r.span);
            JsonResource {
                address: &r.address,
                kind: &r.kind,
                mode: r.mode,
                root: &r.root,
                file: sources.display(r.span.file),
                line: at.line,
                column: at.column,
                provider: JsonProvider {
                    source: &r.provider_source,
                    config: r.provider_config.as_deref(),
                },
                vendor: r.vendor.as_deref(),
                region: r.region.as_deref(),
                hosted: r.hosted,
                unresolved: &r.unresolved,
                evidence: r.evidence.iter().map(|e| evidence(sources, e)).collect(),
            }
        })
        .collect();
    let doc = JsonInventory {
        resources,
        diagnostics: run
            .diagnostics
            .iter()
            .map(|d| super::diagnostics::to_json(sources, d))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

const COLUMNS: [&str; 7] = [
    "ROOT",
    "ADDRESS",
    "VENDOR",
    "REGION",
    "PROVIDER",
    "LOCATION",
    "UNRESOLVED",
];

fn row(sources: &SourceMap, r: &ResourceRecord) -> [String; 7] {
    let at = sources.line_col(r.span);
    let unknown = |v: &Option<String>| {
        v.clone()
            .unwrap_or_else(|| if r.hosted { "?".into() } else { "-".into() })
    };
    [
        r.root.clone(),
        r.address.clone(),
        unknown(&r.vendor),
        unknown(&r.region),
        r.provider_config.clone().unwrap_or_else(|| "?".into()),
        format!("{}:{}", sources.display(r.span.file), at.line),
        r.unresolved.first().cloned().unwrap_or_default(),
    ]
}

fn write_table(
    out: &mut dyn Write,
    sources: &SourceMap,
    records: &[ResourceRecord],
) -> io::Result<()> {
    let rows: Vec<[String; 7]> = records.iter().map(|r| row(sources, r)).collect();
    let mut widths = COLUMNS.map(|c| c.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()).take(6) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == cells.len() - 1 {
                text.push_str(cell);
            } else {
                text.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            }
        }
        text.trim_end().to_string()
    };
    writeln!(out, "{}", line(&COLUMNS.map(String::from)))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    let resolved = records
        .iter()
        .filter(|r| r.hosted && r.region.is_some() && r.vendor.is_some())
        .count();
    let hosted = records.iter().filter(|r| r.hosted).count();
    writeln!(
        out,
        "\n{} resources, {hosted} hosted, {resolved} with vendor and region resolved",
        records.len()
    )
}

fn write_csv(
    out: &mut dyn Write,
    sources: &SourceMap,
    records: &[ResourceRecord],
) -> io::Result<()> {
    writeln!(
        out,
        "root,address,type,mode,file,line,column,provider_source,provider_config,vendor,region,hosted,unresolved"
    )?;
    for r in records {
        let at = sources.line_col(r.span);
        let mode = if r.mode == Mode::Data {
            "data"
        } else {
            "managed"
        };
        let fields = [
            r.root.clone(),
            r.address.clone(),
            r.kind.clone(),
            mode.to_string(),
            sources.display(r.span.file).to_string(),
            at.line.to_string(),
            at.column.to_string(),
            r.provider_source.clone(),
            r.provider_config.clone().unwrap_or_default(),
            r.vendor.clone().unwrap_or_default(),
            r.region.clone().unwrap_or_default(),
            r.hosted.to_string(),
            r.unresolved.join("; "),
        ];
        let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so that a
/// spreadsheet never runs a cell as a formula.
fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}
