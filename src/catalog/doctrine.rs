//! The doctrine as data (`policies/doctrine.hcl`): which countries are in the EU, what each
//! sensitivity level requires, and the tag vocabulary that marks a resource's level.
//! Kept out of code so an organisation can tighten a requirement or add its own markings
//! without a new release.

use super::load::{check_country, check_source_date, confirmed_by_default};
use crate::level::Level;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The EU member states: the geography SecNumCloud and the doctrine accept.
#[derive(Clone, Debug, Default)]
pub struct EuCountries {
    /// ISO 3166 alpha-2 codes, upper case.
    pub codes: BTreeSet<String>,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

impl EuCountries {
    /// `EU` itself counts: the catalog writes it for "somewhere in the EU" (a vendor under
    /// EU control, an OVH Local Zone whose country the sources do not give).
    pub fn contains(&self, country: &str) -> bool {
        let upper = country.trim().to_ascii_uppercase();
        upper == "EU" || self.codes.contains(&upper)
    }
}

/// What the doctrine requires of a resource holding data of one level.
#[derive(Clone, Debug)]
pub struct LevelPolicy {
    pub level: Level,
    pub description: String,
    /// A SecNumCloud-qualified offer (or a State internal cloud) is required.
    pub requires_qualification: bool,
    /// Exposure to a non-EU law is a failure; when `false` it is at most a warning.
    pub requires_immunity: bool,
    /// Where the data may be: `EU` (any of the EU countries) or one country code;
    /// `None` means anywhere.
    pub geography: Option<String>,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

/// Tag keys that carry a classification and the values that name a level. Keys and values
/// are compared after [`normalise`], because tags are written by hand in every style
/// (`Data-Classification`, `DIFFUSION_RESTREINTE`, `diffusion restreinte`).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    keys: BTreeSet<String>,
    values: BTreeMap<String, Level>,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

impl Vocabulary {
    pub fn is_key(&self, key: &str) -> bool {
        self.keys.contains(&normalise(key))
    }

    /// The level a tag states, or `None` when `key` is not a classification key or the
    /// value is not in the vocabulary.
    pub fn level_of(&self, key: &str, value: &str) -> Option<Level> {
        if self.is_key(key) {
            self.level_of_value(value)
        } else {
            None
        }
    }

    /// The level a classification value names, whatever key carried it (a module input
    /// such as `data_classification = "DR"`).
    pub fn level_of_value(&self, value: &str) -> Option<Level> {
        self.values.get(&normalise(value)).copied()
    }

    /// The keys, normalised.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(String::as_str)
    }

    /// The values with their level, normalised.
    pub fn values(&self) -> impl Iterator<Item = (&str, Level)> {
        self.values.iter().map(|(v, l)| (v.as_str(), *l))
    }

    /// Adds keys and values (from the user configuration); a value already known takes the
    /// new level, since the organisation knows its own markings best.
    pub fn extend(
        &mut self,
        keys: impl IntoIterator<Item = String>,
        values: impl IntoIterator<Item = (String, Level)>,
    ) {
        self.keys.extend(keys.into_iter().map(|k| normalise(&k)));
        for (value, level) in values {
            self.values.insert(normalise(&value), level);
        }
    }
}

/// Lower case, surrounding space trimmed, and `-` and inner whitespace read as `_`.
fn normalise(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| {
            if c == '-' || c.is_whitespace() {
                '_'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Everything `doctrine.hcl` declares; one of each block is required, so a `--policies`
/// directory cannot silently lose the EU list or a level.
#[derive(Clone, Debug, Default)]
pub(super) struct Doctrine {
    pub(super) eu: EuCountries,
    /// One per level, least sensitive first.
    pub(super) levels: Vec<LevelPolicy>,
    pub(super) vocabulary: Vocabulary,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDoctrine {
    eu_countries: Vec<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLevel {
    description: String,
    #[serde(default)]
    requires_qualification: bool,
    #[serde(default)]
    requires_immunity: bool,
    #[serde(default)]
    geography: Option<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVocabulary {
    keys: Vec<String>,
    #[serde(default)]
    public: Vec<String>,
    #[serde(default)]
    internal: Vec<String>,
    #[serde(default)]
    sensitive: Vec<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

pub(super) fn eu_countries(raw: RawDoctrine) -> Result<EuCountries, String> {
    check_source_date(&raw.source, &raw.date)?;
    let mut codes = BTreeSet::new();
    for code in raw.eu_countries {
        check_country("eu_countries", &code)?;
        if !codes.insert(code.clone()) {
            return Err(format!("eu_countries lists `{code}` twice"));
        }
    }
    Ok(EuCountries {
        codes,
        source: raw.source,
        date: raw.date,
        confirmed: raw.confirmed,
    })
}

pub(super) fn level_policy(label: &str, raw: RawLevel) -> Result<LevelPolicy, String> {
    check_source_date(&raw.source, &raw.date)?;
    let level = Level::parse(label).ok_or_else(|| {
        format!("unknown level `{label}`: expected `public`, `internal` or `sensitive`")
    })?;
    if let Some(geography) = &raw.geography {
        check_country("geography", geography)?;
    }
    Ok(LevelPolicy {
        level,
        description: raw.description,
        requires_qualification: raw.requires_qualification,
        requires_immunity: raw.requires_immunity,
        geography: raw.geography,
        source: raw.source,
        date: raw.date,
        confirmed: raw.confirmed,
    })
}

pub(super) fn vocabulary(raw: RawVocabulary) -> Result<Vocabulary, String> {
    check_source_date(&raw.source, &raw.date)?;
    let mut keys = BTreeSet::new();
    for key in &raw.keys {
        if !keys.insert(normalise(key)) {
            return Err(format!("vocabulary key `{key}` is listed twice"));
        }
    }
    let mut values = BTreeMap::new();
    let by_level = [
        (Level::Public, &raw.public),
        (Level::Internal, &raw.internal),
        (Level::Sensitive, &raw.sensitive),
    ];
    for (level, list) in by_level {
        for value in list {
            if values.insert(normalise(value), level).is_some() {
                return Err(format!(
                    "vocabulary value `{value}` is listed twice (values compare ignoring case, `-` and `_`)"
                ));
            }
        }
    }
    Ok(Vocabulary {
        keys,
        values,
        source: raw.source,
        date: raw.date,
        confirmed: raw.confirmed,
    })
}

/// Days from `from` to `to` (negative when `to` is earlier); `None` unless both are valid
/// ISO dates. Written out rather than taken from a date crate: it is the only calendar
/// arithmetic souverain needs (qualification expiry).
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(parse_date(to)?) - day_number(parse_date(from)?))
}

/// `(year, month, day)` of a `YYYY-MM-DD` date that exists in the proleptic Gregorian
/// calendar (2024-02-29 yes, 2026-02-29 no).
pub(super) fn parse_date(date: &str) -> Option<(i64, u32, u32)> {
    let bytes = date.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let year: i64 = date[..4].parse().ok()?;
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=month_days)
        .contains(&day)
        .then_some((year, month, day))
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`): eras of 400 years have
/// a fixed length, and starting the year in March puts the leap day last.
fn day_number((year, month, day): (i64, u32, u32)) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
