//! Static evaluation of expressions: partial, never guessing.

pub mod functions;
pub mod value;

pub use value::{Unknown, Value};
