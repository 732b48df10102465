//! Parsing: file text → [`crate::syntax::Body`], for native HCL and JSON syntax.

mod compat;
pub mod depth;
pub mod hcl;
pub mod json;
pub(crate) mod lexer;
pub mod load;
pub mod prescan;

pub use hcl::SyntaxError;
pub use load::{CallSource, Root, VarFile, Workspace};

use crate::source::FileId;
use crate::syntax::Body;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Hcl,
    Json,
}

impl Syntax {
    /// `.tf.json`, `.tofu.json` and `.tfvars.json` use the JSON syntax.
    pub fn of(file_name: &str) -> Syntax {
        if file_name.ends_with(".json") {
            Syntax::Json
        } else {
            Syntax::Hcl
        }
    }
}

pub use depth::{MAX_EXPRESSION_DEPTH, MAX_NESTING};

/// Parses a JSON document souverain reads as data (a plan): strict JSON, nesting bounded.
pub fn parse_json_document(
    text: &str,
) -> Result<Option<jsonc_parser::ast::Value<'_>>, SyntaxError> {
    check_nesting(text)?;
    json::parse_json(text)
}

/// Parses a configuration file (`.tf`, `.tofu`, and their JSON forms).
pub fn parse_config(file: FileId, text: &str, syntax: Syntax) -> Result<Body, SyntaxError> {
    match syntax {
        Syntax::Hcl => parse_hcl(file, text),
        Syntax::Json => {
            check_nesting(text)?;
            json::parse_body(file, text, json::JsonMode::Config)
        }
    }
}

/// hcl-edit, retried once through the compatibility pass when it fails; the original
/// error is the one reported when the retry fails too.
fn parse_hcl(file: FileId, text: &str) -> Result<Body, SyntaxError> {
    hcl::parse_body(file, text).or_else(|error| {
        compat::blank_object_for_newlines(text)
            .and_then(|fixed| hcl::parse_body(file, &fixed).ok())
            .ok_or(error)
    })
}

/// Parses a variable definitions file (`terraform.tfvars`, `*.auto.tfvars(.json)`,
/// `--var-file`): only its top-level attributes matter.
pub fn parse_tfvars(file: FileId, text: &str, syntax: Syntax) -> Result<Body, SyntaxError> {
    match syntax {
        Syntax::Hcl => parse_hcl(file, text),
        Syntax::Json => {
            check_nesting(text)?;
            json::parse_body(file, text, json::JsonMode::Literal)
        }
    }
}

/// Rejects JSON whose brackets nest deeper than [`MAX_NESTING`], counting every bracket
/// (inside strings too: an over-count only rejects what no real file contains). The
/// strings Terraform reads as templates or expressions are measured when they are parsed.
fn check_nesting(text: &str) -> Result<(), SyntaxError> {
    let mut depth = 0usize;
    for (offset, byte) in text.bytes().enumerate() {
        match byte {
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(SyntaxError {
                        offset,
                        message: format!(
                            "brackets nest deeper than {MAX_NESTING} levels; souverain does not parse this file"
                        ),
                    });
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}
