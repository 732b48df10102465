//! Static evaluation of expressions: partial, never guessing.

pub mod expr;
pub mod functions;
pub mod types;
pub mod value;

pub use expr::{Evaluator, Scope};
pub use value::{Unknown, Value};
