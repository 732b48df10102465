//! The user configuration, `.souverain.hcl`: what the organisation knows that the Terraform
//! code does not say (how sensitive its data is, which geography it must stay in, which
//! internal clouds it runs) and how strict the checks must be.
//!
//! The file is strict like the policy files: an unknown key or a bad value is an error with
//! its line and column, because a silently ignored typo would weaken a compliance check.

mod read;
#[cfg(test)]
mod tests;

use crate::catalog::CatalogOverlay;
use crate::fs::{FileSystem, Kind};
use crate::level::Level;
use globset::GlobMatcher;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use read::parse_settings;

/// The name looked for by [`find_settings`].
pub const FILE_NAME: &str = ".souverain.hcl";

/// Everything `.souverain.hcl` can say; [`Settings::default`] when there is no file.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The file read, if any.
    pub origin: Option<PathBuf>,
    /// Level of data-holding resources that nothing classifies; `None` leaves them
    /// unclassified (checks that need a level then skip them, rather than guess).
    pub default_level: Option<Level>,
    /// In file order; the last matching rule wins, so a broad rule can come first and
    /// exceptions after it.
    pub classify: Vec<ClassifyRule>,
    pub geography: Geography,
    /// State internal clouds the organisation runs (their endpoints are not public).
    pub internal_clouds: Vec<InternalCloud>,
    /// Rule id (`SOV003`) → severity, overriding the rule's own.
    pub severities: BTreeMap<String, RuleSeverity>,
    /// Rule ids that a suppression comment cannot silence, so that CI keeps them enforced
    /// whatever the code's authors write.
    pub non_suppressible: Vec<String>,
    /// Globs of paths to skip, as written (the scanner compiles them with its own options).
    pub exclude: Vec<String>,
    /// Whether a resource whose placement is unresolved fails the run.
    pub fail_on_unresolved: bool,
    /// Tag or label keys read as a classification, besides the built-in ones.
    pub classification_keys: Vec<String>,
    /// Tag or label values and the level each stands for, besides the built-in ones.
    pub classification_values: Vec<(String, Level)>,
    /// `vendor` and `endpoint` blocks, for [`crate::catalog::Catalog::extend`].
    pub overlay: CatalogOverlay,
}

/// A `classify` block: resources it matches hold data of `level`. Every matcher given must
/// match; at least one is given.
#[derive(Clone, Debug)]
pub struct ClassifyRule {
    /// Glob on the resource address relative to its root, module path included
    /// (`module.citizens.*`).
    pub address: Option<GlobMatcher>,
    /// Glob on the resource type (`aws_s3_bucket`, `google_sql_*`).
    pub resource_type: Option<GlobMatcher>,
    /// Glob on the root directory relative to the scanned path; `*` stops at `/`, as in
    /// other path globs.
    pub root: Option<GlobMatcher>,
    pub level: Level,
    /// Line of the block, to say which rule classified a resource.
    pub line: u32,
}

impl ClassifyRule {
    pub fn matches(&self, root: &str, address: &str, resource_type: &str) -> bool {
        let accepts = |matcher: &Option<GlobMatcher>, subject: &str| {
            matcher.as_ref().is_none_or(|m| m.is_match(subject))
        };
        accepts(&self.root, root)
            && accepts(&self.address, address)
            && accepts(&self.resource_type, resource_type)
    }
}

/// Where data may be located.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Geography {
    /// Any EU member state: the doctrine's baseline.
    #[default]
    Eu,
    /// France only, which some ministries require.
    France,
    /// An explicit list of ISO 3166 alpha-2 codes, upper case.
    Countries(Vec<String>),
}

/// An `internal_cloud "id"` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InternalCloud {
    /// Lower-case letters, digits and `-`, like vendor ids.
    pub id: String,
    pub name: String,
    /// Keystone URLs whose OpenStack resources run on this cloud.
    pub openstack_auth_urls: Vec<String>,
    /// Where the declaration comes from (a CMDB, a ministry's note).
    pub source: Option<String>,
}

/// A severity set in the `rules` block; `None`: the rule is off.
pub type RuleSeverity = Option<crate::severity::Severity>;

/// A problem in the settings file, with the place to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError {
    pub file: PathBuf,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub message: String,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// The level the last matching `classify` rule gives, `None` when no rule matches.
    /// [`Settings::default_level`] is not applied here: a classification tag on the
    /// resource comes between the two, and only the caller sees tags.
    pub fn level_for(&self, root: &str, address: &str, resource_type: &str) -> Option<Level> {
        self.classify
            .iter()
            .rev()
            .find(|rule| rule.matches(root, address, resource_type))
            .map(|rule| rule.level)
    }

    /// Pins rules from the command line (`check --non-suppressible`), which CI controls and
    /// a pull request does not: no suppression comment silences them, and the
    /// configuration file can neither turn them off nor change their severity.
    pub fn pin(&mut self, rules: &[String]) -> Result<(), String> {
        for rule in rules {
            let rule = rule.to_ascii_uppercase();
            if !is_rule_id(&rule) {
                return Err(format!(
                    "--non-suppressible {rule:?}: not a rule id (SOV and three digits)"
                ));
            }
            self.severities.remove(&rule);
            if !self.non_suppressible.contains(&rule) {
                self.non_suppressible.push(rule);
            }
        }
        Ok(())
    }
}

/// The `.souverain.hcl` that applies to `start` (a directory, or a file's directory): the
/// first one found walking up. The walk stops after the repository root (a directory with
/// `.git`), so that a file outside the repository never changes a repository's checks.
pub fn find_settings(fs: &dyn FileSystem, start: &Path) -> Option<PathBuf> {
    let start = fs.absolute(start).ok()?;
    let mut dir = if fs.kind(&start) == Some(Kind::Dir) {
        start.as_path()
    } else {
        start.parent()?
    };
    loop {
        let candidate = dir.join(FILE_NAME);
        if fs.kind(&candidate) == Some(Kind::File) {
            return Some(candidate);
        }
        if fs.kind(&dir.join(".git")).is_some() {
            return None;
        }
        dir = dir.parent()?;
    }
}

/// `SOV` followed by three digits: the shape of every rule id, checked wherever a user
/// writes one so that a typo is reported rather than matching nothing.
pub(crate) fn is_rule_id(id: &str) -> bool {
    id.strip_prefix("SOV")
        .is_some_and(|digits| digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()))
}

impl Settings {
    /// Adds what this configuration declares to the catalog: vendors and endpoint rules,
    /// internal clouds, classification vocabulary.
    pub fn apply_to(&mut self, catalog: &mut crate::catalog::Catalog) -> Result<(), String> {
        let origin = self
            .origin
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        catalog
            .extend(std::mem::take(&mut self.overlay))
            .map_err(|e| e.to_string())?;
        for cloud in &self.internal_clouds {
            catalog.add_internal_cloud(
                &cloud.id,
                &cloud.name,
                &cloud.openstack_auth_urls,
                &origin,
            )?;
        }
        catalog.extend_vocabulary(
            self.classification_keys.iter().cloned(),
            self.classification_values.iter().cloned(),
        );
        Ok(())
    }
}
