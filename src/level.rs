//! Sensitivity levels of the doctrine, least to most sensitive.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Non-sensitive data: the external catalogue is fine.
    Public,
    /// Less sensitive data: allowed geography; extraterritorial exposure is a warning.
    Internal,
    /// Sensitive data (2023 doctrine, SREN art. 31): a SecNumCloud-qualified offer or a State
    /// internal cloud, immune to non-EU law, in the allowed geography.
    Sensitive,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Public => "public",
            Level::Internal => "internal",
            Level::Sensitive => "sensitive",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "public" => Some(Level::Public),
            "internal" => Some(Level::Internal),
            "sensitive" => Some(Level::Sensitive),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
