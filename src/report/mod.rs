//! Rendering: a [`Run`] is plain data; each output format is one [`Emitter`], in its own
//! file, registered once in [`CHECK_FORMATS`] or [`INVENTORY_FORMATS`]. Emitters write
//! to the writer they are given: none opens a file or knows the command line.

pub mod catalog;
pub mod diagnostics;
pub mod github;
pub mod human;
pub mod inventory;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod snippet;
#[cfg(test)]
mod tests;

use crate::engine::Run;
use std::io::{self, Write};

/// One output format of a run.
pub trait Emitter {
    fn emit(&self, out: &mut dyn Write, run: &Run) -> io::Result<()>;
}

/// How text meant for people is laid out.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    /// Columns available.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// A format users can ask for by name.
pub struct Format {
    pub name: &'static str,
    pub about: &'static str,
    emitter: fn(Style) -> Box<dyn Emitter>,
}

impl Format {
    pub fn emitter(&self, style: Style) -> Box<dyn Emitter> {
        (self.emitter)(style)
    }
}

/// The formats of `check` and `plan-check`.
pub static CHECK_FORMATS: &[Format] = &[
    Format {
        name: "human",
        about: "findings with source excerpts, for a terminal",
        emitter: |style| Box::new(human::Human { style }),
    },
    Format {
        name: "json",
        about: "findings, suppressed findings, summary and diagnostics as JSON",
        emitter: |_| Box::new(json::Json),
    },
    Format {
        name: "github",
        about: "GitHub Actions annotations (and a step summary when GITHUB_STEP_SUMMARY is set)",
        emitter: |_| Box::new(github::Annotations),
    },
    Format {
        name: "junit",
        about: "JUnit XML: a test case per data-holding resource and rule",
        emitter: |_| Box::new(junit::Junit),
    },
    Format {
        name: "sarif",
        about: "SARIF 2.1.0, for code scanning",
        emitter: |_| Box::new(sarif::Sarif),
    },
];

/// The formats of `inventory`.
pub static INVENTORY_FORMATS: &[Format] = &[
    Format {
        name: "table",
        about: "one line per resource",
        emitter: |_| Box::new(inventory::Table),
    },
    Format {
        name: "json",
        about: "resources with their evidence, and diagnostics",
        emitter: |_| Box::new(inventory::Json),
    },
    Format {
        name: "csv",
        about: "one row per resource, for a spreadsheet",
        emitter: |_| Box::new(inventory::Csv),
    },
];

/// The format of this name among `formats`.
pub fn format(formats: &'static [Format], name: &str) -> Option<&'static Format> {
    formats.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}
