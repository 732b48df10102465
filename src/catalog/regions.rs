//! Where each vendor's region codes are (`policies/regions.hcl`): the country behind a
//! code is what the geography rule checks, and it is a fact that changes as vendors open
//! regions, so it is data with a source like the rest of the catalog.

use super::load::{check_country, check_source_date, confirmed_by_default};
use super::pattern::Pattern;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What the catalog knows about a region code of a vendor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionInfo {
    /// The catalog entry that matched: the code itself, or a family pattern such as
    /// `us-*`, so a finding can say which rule placed the region.
    pub code: String,
    /// ISO 3166 alpha-2 codes; `EU` means "in the EU, country not known" and `??`
    /// "outside the EU, country not known". Empty for an unpinned location.
    pub countries: Vec<String>,
    /// A multi-region or dual-region: the data may be in any of `countries`.
    pub multi: bool,
    /// The vendor chooses where the data goes (Google `global`, Azure `europe`): nothing
    /// can be said about the country.
    pub unpinned: bool,
    /// Every country is an EU member state (and the location is pinned).
    pub eu: bool,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

/// Two regions of a vendor that replicate to each other (Azure region pairs): where
/// geo-redundant storage and geo-backups go.
#[derive(Clone, Debug)]
pub struct RegionPair {
    pub vendor: String,
    pub regions: [String; 2],
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

/// One code or family pattern of a vendor, before the EU test (which needs the doctrine's
/// country list, possibly from another file).
#[derive(Clone, Debug)]
pub(super) struct RegionEntry {
    pub(super) vendor: String,
    code: String,
    /// Set for a family (`us-*`, `GRA*`); exact codes are looked up by their lower case.
    pattern: Option<Pattern>,
    countries: Vec<String>,
    multi: bool,
    unpinned: bool,
    source: String,
    date: String,
    confirmed: bool,
}

impl RegionEntry {
    pub(super) fn info(&self, is_eu: impl Fn(&str) -> bool) -> RegionInfo {
        RegionInfo {
            code: self.code.clone(),
            countries: self.countries.clone(),
            multi: self.multi,
            unpinned: self.unpinned,
            eu: !self.unpinned
                && !self.countries.is_empty()
                && self.countries.iter().all(|c| is_eu(c)),
            source: self.source.clone(),
            date: self.date.clone(),
            confirmed: self.confirmed,
        }
    }

    /// How much of the code a family pattern spells out: among matching families the most
    /// specific wins (`eu-west-lz-*` over `eu-*`), whatever the file order.
    fn specificity(&self) -> usize {
        self.code.chars().filter(|&c| c != '*').count()
    }
}

#[derive(Clone, Debug, Default)]
pub(super) struct Regions {
    /// `(vendor, lower-case code)` → entry.
    exact: BTreeMap<(String, String), RegionEntry>,
    families: Vec<RegionEntry>,
    pairs: Vec<RegionPair>,
}

impl Regions {
    pub(super) fn insert(&mut self, entry: RegionEntry) -> Result<(), String> {
        let duplicate = || {
            format!(
                "region `{}` of vendor `{}` is declared twice",
                entry.code, entry.vendor
            )
        };
        if entry.pattern.is_some() {
            if self
                .families
                .iter()
                .any(|f| f.vendor == entry.vendor && f.code.eq_ignore_ascii_case(&entry.code))
            {
                return Err(duplicate());
            }
            self.families.push(entry);
        } else {
            let key = (entry.vendor.clone(), entry.code.to_ascii_lowercase());
            if self.exact.contains_key(&key) {
                return Err(duplicate());
            }
            self.exact.insert(key, entry);
        }
        Ok(())
    }

    pub(super) fn insert_pair(&mut self, pair: RegionPair) -> Result<(), String> {
        for region in &pair.regions {
            if self.paired(&pair.vendor, region).is_some() {
                return Err(format!(
                    "region `{region}` of vendor `{}` is in two pairs",
                    pair.vendor
                ));
            }
        }
        self.pairs.push(pair);
        Ok(())
    }

    /// An exact code wins over a family; case is ignored.
    pub(super) fn lookup(&self, vendor: &str, code: &str) -> Option<&RegionEntry> {
        let code = code.trim();
        self.exact
            .get(&(vendor.to_string(), code.to_ascii_lowercase()))
            .or_else(|| {
                self.families
                    .iter()
                    .filter(|f| {
                        f.vendor == vendor
                            && f.pattern
                                .as_ref()
                                .is_some_and(|p| p.captures(code).is_some())
                    })
                    .max_by_key(|f| f.specificity())
            })
    }

    pub(super) fn paired(&self, vendor: &str, code: &str) -> Option<&str> {
        let code = code.trim();
        self.pairs
            .iter()
            .filter(|p| p.vendor == vendor)
            .find_map(|p| match &p.regions {
                [a, b] if a.eq_ignore_ascii_case(code) => Some(b.as_str()),
                [a, b] if b.eq_ignore_ascii_case(code) => Some(a.as_str()),
                _ => None,
            })
    }

    pub(super) fn entries(&self) -> impl Iterator<Item = &RegionEntry> {
        self.exact.values().chain(&self.families)
    }

    pub(super) fn pairs(&self) -> &[RegionPair] {
        &self.pairs
    }
}

/// The attributes of a `regions "VENDOR"` block; its nested `region` and `multi_region`
/// blocks are decoded one by one so each error points at its own line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRegionSet {
    pub(super) source: String,
    pub(super) date: String,
    #[serde(default = "confirmed_by_default")]
    pub(super) confirmed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRegion {
    country: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMultiRegion {
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    unpinned: bool,
}

/// `??` is allowed on top of country codes: "outside the EU, country unknown".
fn check_region_country(code: &str) -> Result<(), String> {
    if code == "??" {
        Ok(())
    } else {
        check_country("country", code)
    }
}

fn entry(
    vendor: &str,
    code: &str,
    set: &RawRegionSet,
    countries: Vec<String>,
    multi: bool,
    unpinned: bool,
) -> Result<RegionEntry, String> {
    check_source_date(&set.source, &set.date)?;
    let code = code.trim();
    if code.is_empty() || code.contains(['{', '}']) {
        return Err(format!(
            "invalid region code `{code}`: a code, or a family with `*` such as `us-*`"
        ));
    }
    let pattern = code
        .contains('*')
        .then(|| Pattern::parse(code))
        .transpose()?;
    Ok(RegionEntry {
        vendor: vendor.to_string(),
        code: code.to_string(),
        pattern,
        countries,
        multi,
        unpinned,
        source: set.source.clone(),
        date: set.date.clone(),
        confirmed: set.confirmed,
    })
}

pub(super) fn region(
    vendor: &str,
    code: &str,
    set: &RawRegionSet,
    raw: RawRegion,
) -> Result<RegionEntry, String> {
    check_region_country(&raw.country)?;
    entry(vendor, code, set, vec![raw.country], false, false)
}

pub(super) fn multi_region(
    vendor: &str,
    code: &str,
    set: &RawRegionSet,
    raw: RawMultiRegion,
) -> Result<RegionEntry, String> {
    for country in &raw.countries {
        check_region_country(country)?;
    }
    if raw.unpinned != raw.countries.is_empty() {
        return Err(
            "a multi_region lists its countries, or is `unpinned = true` with none".to_string(),
        );
    }
    entry(vendor, code, set, raw.countries, true, raw.unpinned)
}

pub(super) fn pair(
    vendor: &str,
    regions: [String; 2],
    set: &RawRegionSet,
) -> Result<RegionPair, String> {
    check_source_date(&set.source, &set.date)?;
    if regions[0].eq_ignore_ascii_case(&regions[1]) {
        return Err(format!("region `{}` cannot pair with itself", regions[0]));
    }
    Ok(RegionPair {
        vendor: vendor.to_string(),
        regions,
        source: set.source.clone(),
        date: set.date.clone(),
        confirmed: set.confirmed,
    })
}
