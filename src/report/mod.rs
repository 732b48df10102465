//! Rendering: results are plain data; each output format is a separate renderer.

pub mod catalog;
pub mod diagnostics;
pub mod findings;
pub mod inventory;
pub mod sarif;
