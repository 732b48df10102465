//! Which resource types hold data, of what kind, and where they copy it
//! (`policies/data_types.hcl`). Only data-holding resources fall under the doctrine, and a
//! replica in another region must be classified like the primary, so both are data the
//! resolver evaluates generically.

use super::AttrPath;
use super::load::{check_source_date, confirmed_by_default};
use globset::{Glob, GlobMatcher};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The data categories; qualifications scope their offers with the same names.
pub const CATEGORIES: [&str; 13] = [
    "object-storage",
    "block-storage",
    "database",
    "cache",
    "queue-stream",
    "secrets",
    "keys",
    "logs",
    "backup",
    "warehouse",
    "search",
    "file-share",
    "ml-data",
];

/// A data-holding resource type (or family of types).
#[derive(Clone, Debug)]
pub struct DataType {
    /// The type, or a glob such as `ovh_okms_*`.
    pub resource_type: String,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// Where copies of the data go, besides the resource's own location.
    pub replication: Vec<Replication>,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

/// An attribute of a resource that sends a copy of its data somewhere.
#[derive(Clone, Debug)]
pub struct Replication {
    /// Dotted path through nested blocks or object keys; every instance of a repeated
    /// block is read. `None` for [`DestinationKind::OwnLocation`].
    pub attribute: Option<AttrPath>,
    pub kind: DestinationKind,
    /// The rule applies only when the value is one of these (compared ignoring ASCII
    /// case; booleans as `true`/`false`). Empty: whenever the attribute is set (an
    /// attribute with a value, or a nested block present).
    pub when: Vec<String>,
    /// The provider's default when the attribute is absent (`Geo` for Azure SQL backups):
    /// a destination the configuration does not show.
    pub default: Option<String>,
    /// Vendors where the rule does not hold (S3NS keeps `auto` replication in its region).
    pub except_vendors: Vec<String>,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

impl Replication {
    /// Whether the rule fires for the attribute's value (`None`: absent), after the
    /// default applies.
    pub fn applies_to(&self, value: Option<&str>) -> bool {
        match value.or(self.default.as_deref()) {
            None => false,
            Some(value) => {
                self.when.is_empty() || self.when.iter().any(|w| w.eq_ignore_ascii_case(value))
            }
        }
    }

    pub fn applies_to_vendor(&self, vendor: &str) -> bool {
        !self.except_vendors.iter().any(|v| v == vendor)
    }
}

/// How to turn a replication attribute into a destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DestinationKind {
    /// The value is a region (or a list of regions) of the same vendor.
    Region,
    /// The value is the resource's location; it is a destination only when the catalog
    /// knows it as a multi- or dual-region (GCS `EU`), whose countries all receive data.
    MultiRegion,
    /// The value switches on replication to the paired region of the resource's own.
    PairedRegion,
    /// The value lets the vendor place copies anywhere.
    Unpinned,
    /// The value refers to another resource (a bucket, a vault): its location is the
    /// destination.
    ResourceReference,
    /// The resource itself is the copy of another resource's data: its own location is a
    /// destination of that data.
    OwnLocation,
}

/// Data types by exact name, then by glob (the most specific glob wins).
#[derive(Clone, Debug, Default)]
pub(super) struct DataTypes {
    exact: BTreeMap<String, DataType>,
    globs: Vec<(GlobMatcher, DataType)>,
}

impl DataTypes {
    pub(super) fn insert(&mut self, data_type: DataType) -> Result<(), String> {
        let name = &data_type.resource_type;
        let taken = self.exact.contains_key(name)
            || self.globs.iter().any(|(_, d)| &d.resource_type == name);
        if taken {
            return Err(format!("data type `{name}` is declared twice"));
        }
        if name.contains(['*', '?', '[', '{']) {
            let matcher = Glob::new(name)
                .map_err(|e| format!("types: {e}"))?
                .compile_matcher();
            self.globs.push((matcher, data_type));
        } else {
            self.exact.insert(name.clone(), data_type);
        }
        Ok(())
    }

    pub(super) fn get(&self, resource_type: &str) -> Option<&DataType> {
        self.exact.get(resource_type).or_else(|| {
            self.globs
                .iter()
                .filter(|(m, _)| m.is_match(resource_type))
                .max_by_key(|(_, d)| d.resource_type.len())
                .map(|(_, d)| d)
        })
    }

    /// Attaches a rule to the entry of exactly `resource_type`.
    pub(super) fn add_replication(
        &mut self,
        resource_type: &str,
        rule: Replication,
    ) -> Result<(), String> {
        let data_type = self
            .exact
            .get_mut(resource_type)
            .ok_or_else(|| format!("`{resource_type}` is not declared in a `data_types` block"))?;
        let same = |r: &Replication| r.attribute == rule.attribute && r.kind == rule.kind;
        if data_type.replication.iter().any(same) {
            return Err(format!(
                "replication rule of `{resource_type}` on `{}` is declared twice",
                rule.attribute
                    .as_ref()
                    .map_or_else(|| "its own location".to_string(), ToString::to_string)
            ));
        }
        data_type.replication.push(rule);
        Ok(())
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &DataType> {
        self.exact.values().chain(self.globs.iter().map(|(_, d)| d))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDataTypes {
    types: Vec<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReplication {
    #[serde(default)]
    attribute: Option<String>,
    kind: DestinationKind,
    #[serde(default)]
    when: Vec<String>,
    #[serde(default)]
    default: Option<String>,
    #[serde(default)]
    pub(super) except_vendors: Vec<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

pub(super) fn data_types(category: &str, raw: RawDataTypes) -> Result<Vec<DataType>, String> {
    check_source_date(&raw.source, &raw.date)?;
    if !CATEGORIES.contains(&category) {
        return Err(format!(
            "unknown category `{category}`: expected one of {}",
            CATEGORIES.join(", ")
        ));
    }
    Ok(raw
        .types
        .into_iter()
        .map(|resource_type| DataType {
            resource_type,
            category: category.to_string(),
            replication: Vec::new(),
            source: raw.source.clone(),
            date: raw.date.clone(),
            confirmed: raw.confirmed,
        })
        .collect())
}

pub(super) fn replication(raw: RawReplication) -> Result<Replication, String> {
    check_source_date(&raw.source, &raw.date)?;
    let attribute = raw
        .attribute
        .as_deref()
        .map(|a| AttrPath::parse(a, false))
        .transpose()?;
    match (raw.kind, &attribute) {
        (DestinationKind::OwnLocation, Some(_)) => {
            return Err("kind = \"own-location\" takes no attribute".to_string());
        }
        (DestinationKind::OwnLocation, None) => {
            if !raw.when.is_empty() || raw.default.is_some() {
                return Err("kind = \"own-location\" takes no `when` or `default`".to_string());
            }
        }
        (_, None) => return Err("an attribute is required".to_string()),
        (_, Some(_)) => {}
    }
    if let Some(default) = &raw.default
        && !raw.when.is_empty()
        && !raw.when.iter().any(|w| w.eq_ignore_ascii_case(default))
    {
        return Err(format!(
            "default `{default}` is not among `when`: the default would never fire"
        ));
    }
    Ok(Replication {
        attribute,
        kind: raw.kind,
        when: raw.when,
        default: raw.default,
        except_vendors: raw.except_vendors,
        source: raw.source,
        date: raw.date,
        confirmed: raw.confirmed,
    })
}
