//! Every rule, registered once. A rule is a file holding its id, name, default severity,
//! documentation and check.

mod sov001;
mod sov002;
mod sov003;
mod sov004;
mod sov005;
mod sov006;
mod sov007;
mod sov008;
mod sov009;

use super::{Rule, RuleMeta};

pub static RULES: &[&dyn Rule] = &[
    &sov001::Sov001,
    &sov002::Sov002,
    &sov003::Sov003,
    &sov004::Sov004,
    &sov005::Sov005,
    &sov006::Sov006,
    &sov007::Sov007,
    &sov008::Sov008,
    &sov009::Sov009,
];

/// The rule with this id, however it is cased.
pub fn by_id(id: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| r.meta())
        .find(|m| m.id.as_str().eq_ignore_ascii_case(id))
}

pub use sov009::META as SUPPRESSION;
