//! Problems with the input, reported with a location and never fatal to the run.

pub use crate::severity::Severity;
use crate::source::Span;
use serde::Serialize;
use std::fmt;

/// A diagnostic's stable identifier (its kebab-case name is a public contract: JSON and
/// SARIF consumers match on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A configuration file that does not parse.
    ParseError,
    /// A file that cannot be read or is not UTF-8.
    UnreadableFile,
    UnreadableDirectory,
    /// A path given to scan that does not exist.
    PathNotFound,
    /// An `--include`/`--exclude` or configured glob that does not compile.
    InvalidGlob,
    /// A configuration construct souverain rejects (a duplicate block, a bad reference).
    InvalidConfiguration,
    /// A `.terraform/modules/modules.json` that cannot be read.
    InvalidModuleManifest,
    /// A local module source that does not exist.
    ModuleNotFound,
    /// A remote module `terraform init` did not download.
    ModuleNotInstalled,
    ModuleCycle,
    ReferenceCycle,
    /// A bound on hostile input was hit: what lies beyond it was not analysed.
    LimitEvaluation,
    LimitIgnoreFile,
    LimitInstances,
    LimitModuleDepth,
    /// No Terraform or OpenTofu file under the given paths.
    NoConfiguration,
    /// Changed files were given, but no root module reads them.
    NoRootReadsChangedFiles,
    /// A plan that cannot be read.
    PlanError,
    /// A plan Terraform marked errored: it may be incomplete.
    PlanErrored,
    /// Plan resources with no block in the configuration directory.
    PlanWithoutSource,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::ParseError => "parse-error",
            Code::UnreadableFile => "unreadable-file",
            Code::UnreadableDirectory => "unreadable-directory",
            Code::PathNotFound => "path-not-found",
            Code::InvalidGlob => "invalid-glob",
            Code::InvalidConfiguration => "invalid-configuration",
            Code::InvalidModuleManifest => "invalid-module-manifest",
            Code::ModuleNotFound => "module-not-found",
            Code::ModuleNotInstalled => "module-not-installed",
            Code::ModuleCycle => "module-cycle",
            Code::ReferenceCycle => "reference-cycle",
            Code::LimitEvaluation => "limit-evaluation",
            Code::LimitIgnoreFile => "limit-ignore-file",
            Code::LimitInstances => "limit-instances",
            Code::LimitModuleDepth => "limit-module-depth",
            Code::NoConfiguration => "no-configuration",
            Code::NoRootReadsChangedFiles => "no-root-reads-changed-files",
            Code::PlanError => "plan-error",
            Code::PlanErrored => "plan-errored",
            Code::PlanWithoutSource => "plan-without-source",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub location: Location,
    pub help: Option<String>,
}

/// Where a diagnostic points: a span in a loaded file, or a file that could not be loaded.
#[derive(Clone, Debug)]
pub enum Location {
    Span(Span),
    /// A file that has no text in the source map (unreadable, not UTF-8), with 1-based
    /// line and column when known.
    File {
        path: String,
        line: u32,
        column: u32,
    },
    None,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: Code,
        message: impl Into<String>,
        location: Location,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            location,
            help: None,
        }
    }

    pub fn error(code: Code, message: impl Into<String>, location: Location) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message, location)
    }

    pub fn warning(code: Code, message: impl Into<String>, location: Location) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message, location)
    }

    pub fn info(code: Code, message: impl Into<String>, location: Location) -> Diagnostic {
        Diagnostic::new(Severity::Info, code, message, location)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Whether it leaves some of the configuration unread: what it names was not checked.
    pub fn leaves_unanalysed(&self) -> bool {
        self.severity == Severity::Error || self.code == Code::ModuleNotInstalled
    }
}
