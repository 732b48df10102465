//! SecNumCloud qualifications (`policies/qualifications.hcl`). A qualification belongs to
//! one offer of one vendor, in some regions, for three years from the ANSSI decision: a
//! sovereign vendor's other offers, regions or expired offers do not count.

use super::data_type::CATEGORIES;
use super::load::{check_source_date, confirmed_by_default, glob_set};
use crate::date::Date;
use globset::GlobSet;
use serde::Deserialize;
use std::fmt;

#[derive(Clone, Debug)]
pub struct Qualification {
    pub id: String,
    pub vendor: String,
    pub offer: String,
    /// `secnumcloud` for now; a field so an EU scheme can be added as data.
    pub framework: String,
    /// Referential version (`3.2`) when the sources agree on it.
    pub version: Option<String>,
    /// Region codes covered; empty means every region of the vendor (a provider that is
    /// the qualified offer as a whole, like NumSpot).
    pub regions: Vec<String>,
    /// Data categories in scope; `*` means all.
    pub categories: Vec<String>,
    /// Globs of the resource types in scope (the services of the offer); empty means all.
    pub resource_types: Vec<String>,
    /// `false` when nothing in Terraform tells this offer apart from the vendor's others
    /// (OVH Hosted Private Cloud on VMware, Cegedim): it is listed, shown as an
    /// alternative, but never matches a resource.
    pub terraform_signal: bool,
    pub valid_from: Date,
    pub valid_until: Date,
    /// ANSSI decision number.
    pub decision: Option<String>,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
    type_set: GlobSet,
}

impl Qualification {
    /// Whether `date` falls within the validity period, both ends included.
    pub fn is_valid_on(&self, date: Date) -> bool {
        self.valid_from <= date && date <= self.valid_until
    }

    pub(super) fn covers_region(&self, region: Option<&str>) -> bool {
        match region {
            _ if self.regions.is_empty() => true,
            Some(region) => self
                .regions
                .iter()
                .any(|r| r.eq_ignore_ascii_case(region.trim())),
            None => false,
        }
    }

    pub(super) fn covers_type(&self, resource_type: &str) -> bool {
        self.resource_types.is_empty() || self.type_set.is_match(resource_type)
    }

    /// An unknown category (a resource that holds no catalogued data) does not restrict:
    /// the resource types decide.
    pub(super) fn covers_category(&self, category: Option<&str>) -> bool {
        match category {
            Some(category) => self.categories.iter().any(|c| c == "*" || c == category),
            None => true,
        }
    }
}

/// A qualified offer to suggest in a finding's help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    pub qualification: String,
    pub vendor_name: String,
    pub offer: String,
    pub regions: Vec<String>,
    pub valid_until: Date,
}

impl fmt::Display for Alternative {
    /// `3DS Outscale cloudgouv-eu-west-1 (IaaS Cloud on Demand, until 2026-11-30)`; the
    /// vendor's legal details in parentheses are left to `souverain catalog`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vendor = self
            .vendor_name
            .split(" (")
            .next()
            .unwrap_or(&self.vendor_name);
        let regions = if self.regions.is_empty() {
            String::new()
        } else {
            format!(" {}", self.regions.join(", "))
        };
        write!(
            f,
            "{vendor}{regions} ({}, until {})",
            self.offer, self.valid_until
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQualification {
    vendor: String,
    offer: String,
    framework: Framework,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    regions: Vec<String>,
    categories: Vec<String>,
    #[serde(default)]
    resource_types: Vec<String>,
    #[serde(default = "signal_by_default")]
    terraform_signal: bool,
    valid_from: String,
    valid_until: String,
    #[serde(default)]
    decision: Option<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

/// Only SecNumCloud is recognised; an enum so a typo is an error.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Framework {
    Secnumcloud,
}

pub(super) fn qualification(id: String, raw: RawQualification) -> Result<Qualification, String> {
    check_source_date(&raw.source, &raw.date)?;
    let valid = |field: &str, date: &str| {
        Date::parse(date)
            .ok_or_else(|| format!("{field} = \"{date}\": expected an ISO date, YYYY-MM-DD"))
    };
    let valid_from = valid("valid_from", &raw.valid_from)?;
    let valid_until = valid("valid_until", &raw.valid_until)?;
    if valid_from > valid_until {
        return Err(format!(
            "valid_from ({}) is after valid_until ({})",
            raw.valid_from, raw.valid_until
        ));
    }
    if raw.categories.is_empty() {
        return Err("categories must not be empty: use [\"*\"] for all".to_string());
    }
    if let Some(unknown) = raw
        .categories
        .iter()
        .find(|c| *c != "*" && !CATEGORIES.contains(&c.as_str()))
    {
        return Err(format!(
            "unknown category `{unknown}`: expected `*` or one of {}",
            CATEGORIES.join(", ")
        ));
    }
    Ok(Qualification {
        id,
        type_set: glob_set("resource_types", &raw.resource_types)?,
        vendor: raw.vendor,
        offer: raw.offer,
        framework: match raw.framework {
            Framework::Secnumcloud => "secnumcloud",
        }
        .to_string(),
        version: raw.version,
        regions: raw.regions,
        categories: raw.categories,
        resource_types: raw.resource_types,
        terraform_signal: raw.terraform_signal,
        valid_from,
        valid_until,
        decision: raw.decision,
        source: raw.source,
        date: raw.date,
        confirmed: raw.confirmed,
    })
}

/// Most offers are recognisable (by vendor, region, types); the exceptions say so.
fn signal_by_default() -> bool {
    true
}
