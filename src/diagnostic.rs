//! Problems with the input, reported with a location and never fatal to the run.

use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable identifier, e.g. `parse-error`, `module-not-installed`.
    pub code: &'static str,
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
    pub fn error(code: &'static str, message: impl Into<String>, location: Location) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location,
            help: None,
        }
    }

    pub fn warning(
        code: &'static str,
        message: impl Into<String>,
        location: Location,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, location)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}
