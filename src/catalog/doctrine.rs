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
