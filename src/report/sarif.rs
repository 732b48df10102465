//! `souverain check --format sarif`: one SARIF 2.1.0 log, for GitHub code scanning and
//! other SARIF viewers (a public contract).
//!
//! Locations are URIs relative to the repository root (`uriBaseId: "%SRCROOT%"`), never
//! absolute: a log must not leak the machine's paths, and code scanning only shows results
//! on files of the repository. A finding in a file outside the repository or in a module
//! Terraform downloaded (under `.terraform/`) is shown at the module call that brings it
//! in. Results carry `partialFingerprints` that do not move with lines, so alerts are not
//! closed and reopened when code is edited above them.

use super::Emitter;
use crate::check::rules::RULES;
use crate::check::{Finding, Related, RuleMeta, Severity};
use crate::diagnostic::{Diagnostic, Location as DiagnosticLocation};
use crate::engine::Run as CheckRun;
use crate::resolve::ResourceRecord;
use crate::source::{SourceMap, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path};

/// Where every rule is documented. One place, so the links of the rules cannot drift
/// apart when the documentation moves.
const RULES_HELP_URI: &str = "https://github.com/souverain/souverain/blob/main/README.md#rules";

const INFORMATION_URI: &str = "https://github.com/souverain/souverain";

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base every artifact URI is relative to: the repository root.
const SRCROOT: &str = "%SRCROOT%";

/// The key of `partialFingerprints`; versioned so a change of [`Finding::fingerprint`]
/// can come with a new key instead of silently reopening every alert.
const FINGERPRINT_KEY: &str = "souverainFingerprint/v1";

/// Tags GitHub uses to file the alerts: `security` puts them under security alerts.
const TAGS: [&str; 3] = ["security", "sovereignty", "terraform"];

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// Only a description: the absolute root would tie the log to one machine.
    original_uri_base_ids: BTreeMap<&'static str, BaseId>,
    /// Columns count characters, as the human and JSON reports do.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    /// The diagnostics: what could not be (wholly) analysed.
    invocations: [Invocation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    /// False when some input could not be read: the results do not cover it.
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: OwnedText,
    descriptor: Descriptor,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

#[derive(Serialize)]
struct Descriptor {
    id: &'static str,
}

#[derive(Serialize)]
struct BaseId {
    description: Text<'static>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text<'a>,
    full_description: OwnedText,
    help: Help<'a>,
    help_uri: &'static str,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Help<'a> {
    text: String,
    markdown: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 3],
    /// GitHub's 0–10 score that ranks an alert critical, high, medium or low.
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: OwnedText,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties<'a>>,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<OwnedText>,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    fully_qualified_name: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    justification: &'a str,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    help: &'a str,
}

/// One SARIF 2.1.0 log for a run. A finding in a downloaded module is placed at its module
/// call; every URI is relative to the run's repository root.
pub struct Sarif;

impl Emitter for Sarif {
    fn emit(&self, out: &mut dyn Write, run: &CheckRun) -> io::Result<()> {
        let placer = Placer {
            sources: &run.sources,
            repo_root: &run.repo_root,
            resources: &run.records,
        };
        let log = Log {
            schema: SCHEMA_URI,
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "souverain",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: INFORMATION_URI,
                        rules: RULES.iter().map(|r| rule(r.meta())).collect(),
                    },
                },
                original_uri_base_ids: BTreeMap::from([(
                    SRCROOT,
                    BaseId {
                        description: Text {
                            text: "The root of the repository that was checked.",
                        },
                    },
                )]),
                column_kind: "unicodeCodePoints",
                results: run.findings.iter().map(|f| placer.result(f)).collect(),
                invocations: [Invocation {
                    execution_successful: !run
                        .diagnostics
                        .iter()
                        .any(|d| d.severity == Severity::Error),
                    tool_execution_notifications: run
                        .diagnostics
                        .iter()
                        .map(|d| placer.notification(d))
                        .collect(),
                }],
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

fn rule(meta: &'static RuleMeta) -> Rule<'static> {
    let first_paragraph = meta.doc.split("\n\n").next().unwrap_or(meta.doc);
    let description = plain(first_paragraph);
    // The docs open with a `**What.**` label, noise in a one-paragraph description.
    let description = description.strip_prefix("What. ").unwrap_or(&description);
    Rule {
        id: meta.id.as_str(),
        name: meta.name,
        short_description: Text { text: meta.summary },
        full_description: OwnedText {
            text: description.to_owned(),
        },
        help: Help {
            text: plain(meta.doc),
            markdown: meta.doc,
        },
        help_uri: RULES_HELP_URI,
        default_configuration: Configuration {
            level: level(meta.severity),
        },
        properties: RuleProperties {
            tags: TAGS,
            security_severity: match meta.severity {
                Severity::Error => "8.0",
                Severity::Warning => "5.0",
                Severity::Info => "2.0",
            },
        },
    }
}

/// Markdown as plain text: the docs only use `**` for emphasis; code spans and blocks
/// read as they are.
fn plain(markdown: &str) -> String {
    markdown.replace("**", "")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Turns spans into repository-relative locations.
struct Placer<'a> {
    sources: &'a SourceMap,
    /// Canonical, as source paths are: they share its prefix.
    repo_root: &'a Path,
    resources: &'a [ResourceRecord],
}

/// A module call that stands for code the repository does not hold.
struct Stand {
    /// The call block's first line.
    at: PhysicalLocation,
    /// `in module NAME (downloaded)`.
    prefix: String,
}

impl Placer<'_> {
    fn notification(&self, d: &Diagnostic) -> Notification {
        let (locations, message) = match &d.location {
            DiagnosticLocation::Span(span) => (
                self.physical(*span)
                    .map(Location::physical)
                    .into_iter()
                    .collect(),
                d.message.clone(),
            ),
            DiagnosticLocation::File { path, line, column } => {
                (Vec::new(), format!("{path}:{line}:{column}: {}", d.message))
            }
            DiagnosticLocation::None => (Vec::new(), d.message.clone()),
        };
        Notification {
            level: level(d.severity),
            message: OwnedText { text: message },
            descriptor: Descriptor {
                id: d.code.as_str(),
            },
            locations,
        }
    }

    fn result<'f>(&self, f: &'f Finding) -> SarifResult<'f> {
        let here = self.physical(f.span);
        let stand = match here {
            Some(_) => None,
            None => self.stand_in(f),
        };
        let message = match &stand {
            Some(stand) => format!("{}: {}", stand.prefix, f.message),
            None => f.message.clone(),
        };
        let primary = match (here, &stand) {
            (Some(at), _) => Location::physical(at),
            (None, Some(stand)) => Location::physical(stand.at.clone()),
            // Nothing of it is in the repository: its address is all that can be said.
            (None, None) => Location {
                id: None,
                physical_location: None,
                logical_locations: vec![LogicalLocation {
                    fully_qualified_name: f.address(self.resources).unwrap_or(&f.root).to_string(),
                    kind: if f.resource.is_some() {
                        "resource"
                    } else {
                        "module"
                    },
                }],
                message: None,
            },
        };
        SarifResult {
            rule_id: f.rule.as_str(),
            rule_index: RULES.iter().position(|r| r.meta().id == f.rule),
            level: level(f.severity),
            message: OwnedText { text: message },
            locations: vec![primary],
            related_locations: f
                .related
                .iter()
                .filter_map(|r| self.related(r, stand.as_ref()))
                .enumerate()
                .map(|(id, mut location)| {
                    location.id = Some(id);
                    location
                })
                .collect(),
            partial_fingerprints: BTreeMap::from([(
                FINGERPRINT_KEY,
                f.fingerprint(self.resources),
            )]),
            suppressions: f
                .suppressed
                .iter()
                .map(|reason| Suppression {
                    kind: "inSource",
                    justification: reason,
                })
                .collect(),
            properties: f.help.as_deref().map(|help| ResultProperties { help }),
        }
    }

    /// A related span in the repository, or else at the finding's stand-in call; dropped
    /// when neither exists.
    fn related(&self, r: &Related, stand: Option<&Stand>) -> Option<Location> {
        let (at, note) = match self.physical(r.span) {
            Some(at) => (at, r.note.clone()),
            None => {
                let stand = stand?;
                (stand.at.clone(), format!("{}: {}", stand.prefix, r.note))
            }
        };
        Some(Location {
            message: Some(OwnedText { text: note }),
            ..Location::physical(at)
        })
    }

    /// The outermost module call in the repository enclosing the finding's resource (or,
    /// for a finding about no resource, a resource of the same root and file).
    fn stand_in(&self, f: &Finding) -> Option<Stand> {
        let record = f
            .resource
            .map(|id| &self.resources[id.index()])
            .or_else(|| {
                self.resources
                    .iter()
                    .find(|r| r.root == f.root && r.span.file == f.span.file)
            })?;
        let (call, at) = record
            .calls
            .iter()
            .rev()
            .find_map(|call| Some((*call, self.physical(header(self.sources, *call))?)))?;
        let how = if self.relative(f.span).is_some() {
            "downloaded"
        } else {
            "outside the repository"
        };
        Some(Stand {
            at,
            prefix: format!("in module {} ({how})", call_name(self.sources, call)),
        })
    }

    fn physical(&self, span: Span) -> Option<PhysicalLocation> {
        let uri = self.uri(span)?;
        let file = self.sources.get(span.file);
        let start = file.line_col(span.start);
        let end = file.line_col(span.end);
        Some(PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri,
                uri_base_id: SRCROOT,
            },
            region: Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
            },
        })
    }

    /// The URI of a span's file relative to the repository root, unless it lies outside
    /// the repository or in a module Terraform downloaded.
    fn uri(&self, span: Span) -> Option<String> {
        let relative = self.relative(span)?;
        if relative.iter().any(|part| part == ".terraform") {
            return None;
        }
        Some(
            relative
                .iter()
                .map(|part| encode(part))
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    /// The path of a span's file under the repository root, as its components.
    fn relative(&self, span: Span) -> Option<Vec<String>> {
        let path = &self.sources.get(span.file).path;
        let relative = path.strip_prefix(self.repo_root).ok()?;
        relative
            .components()
            .map(|c| match c {
                Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    }
}

impl Location {
    fn physical(at: PhysicalLocation) -> Location {
        Location {
            id: None,
            physical_location: Some(at),
            logical_locations: Vec::new(),
            message: None,
        }
    }
}

/// The first line of a block: where an editor should land, not the whole block.
fn header(sources: &SourceMap, block: Span) -> Span {
    let text = sources.snippet(block);
    let line = text.split('\n').next().unwrap_or(text).trim_end();
    Span {
        end: block.start + line.len() as u32,
        ..block
    }
}

/// The label of a `module "NAME" {` block.
fn call_name(sources: &SourceMap, call: Span) -> &str {
    let header = sources.snippet(header(sources, call));
    let label = header.strip_prefix("module").unwrap_or(header);
    let label = label.split('{').next().unwrap_or(label);
    label.trim().trim_matches('"')
}

/// A path segment as a URI segment: characters a URI path cannot hold, and `:` (a first
/// segment with one would read as a scheme), are percent-encoded.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
