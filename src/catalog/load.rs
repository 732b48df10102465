//! Reading policy files: HCL blocks decoded with serde (`deny_unknown_fields`, so a typo
//! in a user's file is an error, not a silently ignored field), then checked.
//!
//! hcl-edit parses the text because it keeps byte spans; each block is then converted
//! to an `hcl::Body` and deserialized on its own, so an error can point at the block, or
//! at the attribute the serde message names.

use super::data_type::{self, DataType, DataTypes, Replication};
use super::doctrine::{self, Doctrine, EuCountries, LevelPolicy, Vocabulary};
use super::pattern::Pattern;
use super::qualification::{self, Qualification};
use super::regions::{self, RawRegionSet, RegionEntry, RegionPair, Regions};
use super::{
    AttrPath, Catalog, CatalogError, EndpointRule, Hosting, LocationCase, Matcher, ProviderEntry,
    TagFormat, Vendor, ZoneToRegion,
};
use crate::date::Date;
use crate::level::Level;
use crate::parse::depth::{Start, check_depth};
use crate::source::{LineCol, SourceFile};
use globset::{Glob, GlobSet, GlobSetBuilder};
use hcl_edit::Span as _;
use hcl_edit::structure::{Block, BlockLabel, Body, Structure};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// Additions from a user configuration file (`.souverain.hcl`): `vendor` blocks and
/// top-level `endpoint` blocks naming their provider. Apply with [`Catalog::extend`].
#[derive(Clone, Debug, Default)]
pub struct CatalogOverlay {
    pub(super) vendors: Vec<Located<Vendor>>,
    pub(super) endpoints: Vec<Located<OverlayEndpoint>>,
}

#[derive(Clone, Debug)]
pub(super) struct OverlayEndpoint {
    pub(super) provider: String,
    pub(super) rule: EndpointRule,
}

/// A decoded entry and where it was written, for errors found after decoding.
#[derive(Clone, Debug)]
pub(super) struct Located<T> {
    pub(super) value: T,
    origin: String,
    position: LineCol,
}

impl<T> Located<T> {
    pub(super) fn error(&self, message: String) -> CatalogError {
        CatalogError {
            origin: self.origin.clone(),
            position: Some(self.position),
            message,
        }
    }
}

/// Reads `vendor` and `endpoint` blocks; `origin` names the text in errors.
pub fn parse_overlay(text: &str, origin: &str) -> Result<CatalogOverlay, CatalogError> {
    let (file, body) = File::parse(text, origin)?;
    let mut overlay = CatalogOverlay::default();
    for block in file.blocks(&body, &["vendor", "endpoint"])? {
        overlay.push_block(&file, block)?;
    }
    Ok(overlay)
}

impl CatalogOverlay {
    /// Adds one `vendor` or `endpoint` block of `file`. Public to the crate because
    /// `.souverain.hcl` mixes these blocks with settings the settings module reads itself.
    pub(crate) fn push_block(&mut self, file: &File, block: &Block) -> Result<(), CatalogError> {
        match block.ident.as_str() {
            "vendor" => self.vendors.push(file.vendor(block)?),
            "endpoint" => self.endpoints.push(file.overlay_endpoint(block)?),
            other => {
                return Err(file.error(
                    block.ident.span(),
                    format!("unexpected block `{other}`: expected `vendor` or `endpoint`"),
                ));
            }
        }
        Ok(())
    }
}

/// Every block a complete policy set may contain.
const POLICY_BLOCKS: [&str; 10] = [
    "vendor",
    "provider",
    "regions",
    "region_pairs",
    "qualification",
    "data_types",
    "replication",
    "doctrine",
    "level",
    "vocabulary",
];

/// Entries gathered from every file, checked against each other once all are read (a
/// qualification may name a vendor declared in a later file).
#[derive(Default)]
struct Gathered {
    vendors: BTreeMap<String, Located<Vendor>>,
    providers: Vec<Located<ProviderEntry>>,
    aliases: BTreeMap<String, String>,
    regions: Vec<Located<RegionEntry>>,
    pairs: Vec<Located<RegionPair>>,
    qualifications: Vec<Located<Qualification>>,
    data_types: Vec<Located<DataType>>,
    replications: Vec<Located<(String, Replication)>>,
    eu: Vec<Located<EuCountries>>,
    levels: Vec<Located<LevelPolicy>>,
    vocabularies: Vec<Located<Vocabulary>>,
}

impl Catalog {
    /// Builds a catalog from complete policy texts (`(origin, text)`), checking that
    /// ids are unique and that every vendor reference resolves.
    pub(super) fn from_texts<'a>(
        texts: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Catalog, CatalogError> {
        let mut all = Gathered::default();
        let mut last_origin = String::new();
        for (origin, text) in texts {
            let (file, body) = File::parse(text, origin)?;
            last_origin = origin.to_string();
            for block in file.blocks(&body, &POLICY_BLOCKS)? {
                all.add(&file, block)?;
            }
        }
        all.build(&last_origin)
    }
}

impl Gathered {
    fn add(&mut self, file: &File<'_>, block: &Block) -> Result<(), CatalogError> {
        match block.ident.as_str() {
            "vendor" => {
                let vendor = file.vendor(block)?;
                if self.vendors.contains_key(&vendor.value.id) {
                    return Err(vendor.error(format!("duplicate vendor `{}`", vendor.value.id)));
                }
                self.vendors.insert(vendor.value.id.clone(), vendor);
            }
            "provider" => {
                let (provider, provider_aliases) = file.provider(block)?;
                let taken = |address: &String| {
                    self.aliases.contains_key(address)
                        || self.providers.iter().any(|p| &p.value.source == address)
                };
                let addresses = std::iter::once(&provider.value.source).chain(&provider_aliases);
                for address in addresses.clone() {
                    if taken(address)
                        || provider_aliases.iter().filter(|a| *a == address).count() > 1
                    {
                        return Err(provider.error(format!("duplicate provider `{address}`")));
                    }
                }
                for alias in provider_aliases {
                    self.aliases.insert(alias, provider.value.source.clone());
                }
                self.providers.push(provider);
            }
            "regions" => self.regions.extend(file.region_set(block)?),
            "region_pairs" => self.pairs.extend(file.region_pairs(block)?),
            "qualification" => self.qualifications.push(file.qualification(block)?),
            "data_types" => self.data_types.extend(file.data_types(block)?),
            "replication" => self.replications.push(file.replication(block)?),
            "doctrine" => self.eu.push(file.doctrine(block)?),
            "level" => self.levels.push(file.level(block)?),
            _ => self.vocabularies.push(file.vocabulary(block)?),
        }
        Ok(())
    }

    /// `origin` names the policy set in errors about a missing block.
    fn build(self, origin: &str) -> Result<Catalog, CatalogError> {
        let known = |id: &str| self.vendors.contains_key(id);
        let unknown = |id: &str| format!("unknown vendor `{id}`");
        for provider in &self.providers {
            let entry = &provider.value;
            let referenced = entry
                .vendor
                .iter()
                .chain(entry.endpoints.iter().map(|e| &e.vendor));
            for id in referenced {
                if !known(id) {
                    return Err(provider.error(format!(
                        "provider `{}` refers to unknown vendor `{id}`",
                        entry.source
                    )));
                }
            }
        }
        let mut regions = Regions::default();
        for entry in self.regions {
            if !known(&entry.value.vendor) {
                return Err(entry.error(unknown(&entry.value.vendor)));
            }
            let error = |message| entry.error(message);
            regions.insert(entry.value.clone()).map_err(error)?;
        }
        for pair in self.pairs {
            if !known(&pair.value.vendor) {
                return Err(pair.error(unknown(&pair.value.vendor)));
            }
            let error = |message| pair.error(message);
            regions.insert_pair(pair.value.clone()).map_err(error)?;
        }
        let mut qualifications: Vec<Qualification> = Vec::new();
        for qualification in self.qualifications {
            let q = &qualification.value;
            if !known(&q.vendor) {
                return Err(qualification.error(unknown(&q.vendor)));
            }
            if qualifications.iter().any(|other| other.id == q.id) {
                return Err(qualification.error(format!("duplicate qualification `{}`", q.id)));
            }
            qualifications.push(qualification.value);
        }
        let mut data_types = DataTypes::default();
        for data_type in self.data_types {
            let error = |message| data_type.error(message);
            data_types.insert(data_type.value.clone()).map_err(error)?;
        }
        for rule in self.replications {
            let (resource_type, replication) = &rule.value;
            if let Some(id) = replication.except_vendors.iter().find(|id| !known(id)) {
                return Err(rule.error(unknown(id)));
            }
            data_types
                .add_replication(resource_type, replication.clone())
                .map_err(|message| rule.error(message))?;
        }
        let missing = |what: &str| CatalogError {
            origin: origin.to_string(),
            position: None,
            message: format!("no `{what}` block in the policy set: copy policies/doctrine.hcl"),
        };
        let eu = single(self.eu, "doctrine")?.ok_or_else(|| missing("doctrine"))?;
        let vocabulary =
            single(self.vocabularies, "vocabulary")?.ok_or_else(|| missing("vocabulary"))?;
        let mut levels: Vec<LevelPolicy> = Vec::new();
        for level in self.levels {
            if levels.iter().any(|l| l.level == level.value.level) {
                return Err(level.error(format!("duplicate level `{}`", level.value.level)));
            }
            levels.push(level.value);
        }
        levels.sort_by_key(|l| l.level);
        if let Some(absent) = [Level::Public, Level::Internal, Level::Sensitive]
            .into_iter()
            .find(|level| !levels.iter().any(|l| l.level == *level))
        {
            return Err(missing(&format!("level \"{absent}\"")));
        }
        Ok(Catalog {
            vendors: self
                .vendors
                .into_iter()
                .map(|(id, v)| (id, v.value))
                .collect(),
            providers: self
                .providers
                .into_iter()
                .map(|p| (p.value.source.clone(), p.value))
                .collect(),
            aliases: self.aliases,
            regions,
            qualifications,
            data_types,
            doctrine: Doctrine {
                eu,
                levels,
                vocabulary,
            },
        })
    }
}

/// The value of a block that must appear at most once in the whole policy set.
fn single<T>(entries: Vec<Located<T>>, what: &str) -> Result<Option<T>, CatalogError> {
    let mut entries = entries.into_iter();
    let first = entries.next();
    match entries.next() {
        Some(second) => Err(second.error(format!("a second `{what}` block: only one is allowed"))),
        None => Ok(first.map(|f| f.value)),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVendor {
    name: String,
    headquarters: String,
    jurisdiction: String,
    eu: bool,
    extraterritorial_laws: Vec<String>,
    #[serde(default)]
    internal_cloud: bool,
    #[serde(default)]
    note: Option<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvider {
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    vendor: Option<String>,
    hosting: Hosting,
    #[serde(default)]
    provider_location: Vec<String>,
    #[serde(default)]
    resource_location: Vec<String>,
    #[serde(default)]
    location_hints: Vec<String>,
    #[serde(default)]
    zone_attributes: Vec<String>,
    #[serde(default)]
    zone_to_region: ZoneToRegion,
    #[serde(default)]
    location_case: LocationCase,
    #[serde(default)]
    default_location: Option<String>,
    #[serde(default)]
    global_resource_types: Vec<String>,
    #[serde(default)]
    location_from_parent: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    tag_format: TagFormat,
    #[serde(default)]
    type_tag_formats: BTreeMap<String, TagFormat>,
    #[serde(default)]
    type_default_locations: BTreeMap<String, String>,
    #[serde(default)]
    provider_tags: Vec<String>,
    #[serde(default)]
    backends: Vec<String>,
    #[serde(default)]
    parent_excluded_types: Vec<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEndpoint {
    attribute: String,
    #[serde(rename = "match")]
    match_kind: MatchKind,
    pattern: String,
    vendor: String,
    #[serde(default)]
    resource_types: Vec<String>,
    source: String,
    date: String,
    #[serde(default = "confirmed_by_default")]
    confirmed: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum MatchKind {
    Host,
    Value,
}

/// One policy text and its name, to decode its blocks and locate errors in it (also used by
/// the settings reader, so that `.souverain.hcl` errors read like policy errors).
pub(crate) struct File<'a> {
    origin: &'a str,
    /// Every block is located: counting lines from the start each time was quadratic;
    /// a source file indexes its lines once.
    lines: SourceFile,
}

impl<'a> File<'a> {
    /// The text's name and its parsed body.
    pub(crate) fn parse(text: &'a str, origin: &'a str) -> Result<(File<'a>, Body), CatalogError> {
        let located = |offset: usize, message: String| CatalogError {
            origin: origin.to_string(),
            position: Some(line_col(text, offset)),
            message,
        };
        check_depth(text, Start::Body).map_err(|e| located(e.offset, e.message))?;
        let body = hcl_edit::parser::parse_body(text)
            .map_err(|e| located(e.location().offset(), e.message().trim().to_string()))?;
        let lines = SourceFile::new(PathBuf::from(origin), origin.to_string(), Arc::from(text));
        Ok((File { origin, lines }, body))
    }

    /// The top-level blocks of `body`, all of which must be one of `allowed`.
    fn blocks<'b>(&self, body: &'b Body, allowed: &[&str]) -> Result<Vec<&'b Block>, CatalogError> {
        let expected = allowed
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        body.iter()
            .map(|structure| match structure {
                Structure::Block(block) if allowed.contains(&block.ident.as_str()) => Ok(block),
                Structure::Block(block) => Err(self.error(
                    block.ident.span(),
                    format!(
                        "unexpected block `{}`: expected {expected}",
                        block.ident.as_str()
                    ),
                )),
                Structure::Attribute(attr) => Err(self.error(
                    attr.key.span(),
                    format!(
                        "unexpected attribute `{}` at top level: expected {expected} blocks",
                        attr.key.as_str()
                    ),
                )),
            })
            .collect()
    }

    fn vendor(&self, block: &Block) -> Result<Located<Vendor>, CatalogError> {
        let [id] = self.labels(block, "its id")?;
        let raw: RawVendor = self.decode(block, &block.body)?;
        let check = |result: Result<(), String>| self.in_block(block, result);
        check(check_id(&id))?;
        check(check_country("headquarters", &raw.headquarters))?;
        check(check_country("jurisdiction", &raw.jurisdiction))?;
        check(check_source_date(&raw.source, &raw.date))?;
        Ok(self.locate(
            block,
            Vendor {
                id,
                name: raw.name,
                headquarters: raw.headquarters,
                jurisdiction: raw.jurisdiction,
                eu: raw.eu,
                extraterritorial_laws: raw.extraterritorial_laws,
                internal_cloud: raw.internal_cloud,
                note: raw.note,
                source: raw.source,
                date: raw.date,
                confirmed: raw.confirmed,
            },
        ))
    }

    /// The entry and the other addresses it answers to.
    fn provider(
        &self,
        block: &Block,
    ) -> Result<(Located<ProviderEntry>, Vec<String>), CatalogError> {
        let [source] = self.labels(block, "its source address")?;
        self.in_block(block, check_provider_source(&source))?;
        let mut fields = Body::new();
        let mut endpoints = Vec::new();
        for structure in block.body.iter() {
            match structure {
                Structure::Block(nested) if nested.ident.as_str() == "endpoint" => {
                    endpoints.push(self.endpoint(nested, &nested.body)?);
                }
                other => fields.push(other.clone()),
            }
        }
        let mut raw: RawProvider = self.decode(block, &fields)?;
        let aliases = std::mem::take(&mut raw.aliases);
        for alias in &aliases {
            self.in_block(block, check_provider_source(alias))?;
        }
        let entry = self.in_block(block, provider_entry(source, raw, endpoints))?;
        Ok((self.locate(block, entry), aliases))
    }

    fn overlay_endpoint(&self, block: &Block) -> Result<Located<OverlayEndpoint>, CatalogError> {
        if let Some(label) = block.labels.first() {
            return Err(self.error(label.span(), "`endpoint` takes no label".to_string()));
        }
        let mut body = block.body.clone();
        let provider = match body.remove_attribute("provider") {
            Some(attr) => match &attr.value {
                hcl_edit::expr::Expression::String(s) => s.value().to_ascii_lowercase(),
                _ => {
                    return Err(self.error(
                        attr.value.span(),
                        "`provider` must be a string such as \"terraform-provider-openstack/openstack\""
                            .to_string(),
                    ));
                }
            },
            None => {
                return Err(self.error(
                    block.ident.span(),
                    "a top-level `endpoint` needs `provider = \"namespace/type\"`".to_string(),
                ));
            }
        };
        let rule = self.endpoint(block, &body)?;
        Ok(self.locate(block, OverlayEndpoint { provider, rule }))
    }

    /// A `regions "VENDOR"` block: its attributes cite the source of every nested
    /// `region "CODE"` and `multi_region "CODE"` entry.
    fn region_set(&self, block: &Block) -> Result<Vec<Located<RegionEntry>>, CatalogError> {
        let [vendor] = self.labels(block, "the vendor id")?;
        let (set, nested): (RawRegionSet, _) = self.split(block, &["region", "multi_region"])?;
        nested
            .into_iter()
            .map(|entry| {
                let [code] = self.labels(entry, "the region code")?;
                let result = if entry.ident.as_str() == "region" {
                    let raw = self.decode(entry, &entry.body)?;
                    regions::region(&vendor, &code, &set, raw)
                } else {
                    let raw = self.decode(entry, &entry.body)?;
                    regions::multi_region(&vendor, &code, &set, raw)
                };
                Ok(self.locate(entry, self.in_block(entry, result)?))
            })
            .collect()
    }

    /// A `region_pairs "VENDOR"` block of `pair "A" "B" {}` entries.
    fn region_pairs(&self, block: &Block) -> Result<Vec<Located<RegionPair>>, CatalogError> {
        let [vendor] = self.labels(block, "the vendor id")?;
        let (set, nested): (RawRegionSet, _) = self.split(block, &["pair"])?;
        nested
            .into_iter()
            .map(|entry| {
                let regions = self.labels(entry, "the two paired regions")?;
                if !entry.body.is_empty() {
                    return Err(self.error(
                        entry.ident.span(),
                        "`pair` takes an empty body: `pair \"a\" \"b\" {}`".to_string(),
                    ));
                }
                let pair = self.in_block(entry, regions::pair(&vendor, regions, &set))?;
                Ok(self.locate(entry, pair))
            })
            .collect()
    }

    fn qualification(&self, block: &Block) -> Result<Located<Qualification>, CatalogError> {
        let [id] = self.labels(block, "its id")?;
        self.in_block(block, check_id(&id))?;
        let raw = self.decode(block, &block.body)?;
        let qualification = self.in_block(block, qualification::qualification(id, raw))?;
        Ok(self.locate(block, qualification))
    }

    fn data_types(&self, block: &Block) -> Result<Vec<Located<DataType>>, CatalogError> {
        let [category] = self.labels(block, "the data category")?;
        let raw = self.decode(block, &block.body)?;
        let types = self.in_block(block, data_type::data_types(&category, raw))?;
        Ok(types.into_iter().map(|t| self.locate(block, t)).collect())
    }

    fn replication(&self, block: &Block) -> Result<Located<(String, Replication)>, CatalogError> {
        let [resource_type] = self.labels(block, "the resource type")?;
        let raw = self.decode(block, &block.body)?;
        let rule = self.in_block(block, data_type::replication(raw))?;
        Ok(self.locate(block, (resource_type, rule)))
    }

    fn doctrine(&self, block: &Block) -> Result<Located<EuCountries>, CatalogError> {
        let [] = self.labels(block, "none")?;
        let raw = self.decode(block, &block.body)?;
        let eu = self.in_block(block, doctrine::eu_countries(raw))?;
        Ok(self.locate(block, eu))
    }

    fn level(&self, block: &Block) -> Result<Located<LevelPolicy>, CatalogError> {
        let [level] = self.labels(block, "the level")?;
        let raw = self.decode(block, &block.body)?;
        let policy = self.in_block(block, doctrine::level_policy(&level, raw))?;
        Ok(self.locate(block, policy))
    }

    fn vocabulary(&self, block: &Block) -> Result<Located<Vocabulary>, CatalogError> {
        let [] = self.labels(block, "none")?;
        let raw = self.decode(block, &block.body)?;
        let vocabulary = self.in_block(block, doctrine::vocabulary(raw))?;
        Ok(self.locate(block, vocabulary))
    }

    /// Decodes the attributes of `block` and returns its nested blocks, which must be
    /// named in `nested`.
    fn split<'b, T: DeserializeOwned>(
        &self,
        block: &'b Block,
        nested: &[&str],
    ) -> Result<(T, Vec<&'b Block>), CatalogError> {
        let mut fields = Body::new();
        let mut blocks = Vec::new();
        for structure in block.body.iter() {
            match structure {
                Structure::Block(inner) if nested.contains(&inner.ident.as_str()) => {
                    blocks.push(inner);
                }
                Structure::Block(inner) => {
                    let expected: Vec<String> = nested.iter().map(|n| format!("`{n}`")).collect();
                    return Err(self.error(
                        inner.ident.span(),
                        format!(
                            "{}: unexpected block `{}`: expected {}",
                            describe(block),
                            inner.ident.as_str(),
                            expected.join(" or ")
                        ),
                    ));
                }
                attribute => fields.push(attribute.clone()),
            }
        }
        Ok((self.decode(block, &fields)?, blocks))
    }

    /// The `N` labels of a block; `meaning` says what they are in the error.
    fn labels<const N: usize>(
        &self,
        block: &Block,
        meaning: &str,
    ) -> Result<[String; N], CatalogError> {
        let labels: Vec<String> = block
            .labels
            .iter()
            .map(|label| match label {
                BlockLabel::String(s) => s.value().clone(),
                BlockLabel::Ident(i) => i.as_str().to_string(),
            })
            .collect();
        labels.try_into().map_err(|_| {
            let count = match N {
                0 => "no label".to_string(),
                1 => format!("exactly one label, {meaning}"),
                n => format!("{n} labels, {meaning}"),
            };
            self.error(
                block.ident.span(),
                format!("`{}` takes {count}", block.ident.as_str()),
            )
        })
    }

    /// An `endpoint` block whose fields are `body` (the block's own body, or a copy
    /// without the overlay's `provider`).
    fn endpoint(&self, block: &Block, body: &Body) -> Result<EndpointRule, CatalogError> {
        if let Some(label) = block.labels.first() {
            return Err(self.error(label.span(), "`endpoint` takes no label".to_string()));
        }
        let raw: RawEndpoint = self.decode(block, body)?;
        self.in_block(block, endpoint_rule(raw))
    }

    /// The single label of a `vendor`/`provider` block.
    pub(crate) fn label(&self, block: &Block) -> Result<String, CatalogError> {
        match block.labels.as_slice() {
            [label] => Ok(match label {
                BlockLabel::String(s) => s.value().clone(),
                BlockLabel::Ident(i) => i.as_str().to_string(),
            }),
            _ => Err(self.error(
                block.ident.span(),
                format!("`{}` takes exactly one label, its id", block.ident.as_str()),
            )),
        }
    }

    fn decode<T: DeserializeOwned>(&self, block: &Block, body: &Body) -> Result<T, CatalogError> {
        let value = hcl::Body::from(body.clone());
        hcl::from_body(value).map_err(|e| {
            let message = e.to_string();
            let span = named_span(body, &message).or_else(|| block.ident.span());
            self.error(span, format!("{}: {message}", describe(block)))
        })
    }

    /// Attaches a validation failure to the block it concerns.
    fn in_block<T>(&self, block: &Block, result: Result<T, String>) -> Result<T, CatalogError> {
        result.map_err(|message| {
            self.error(
                block.ident.span(),
                format!("{}: {message}", describe(block)),
            )
        })
    }

    fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(offset as u32)
    }

    fn locate<T>(&self, block: &Block, value: T) -> Located<T> {
        Located {
            value,
            origin: self.origin.to_string(),
            position: self.line_col(block.ident.span().unwrap_or(0..0).start),
        }
    }

    pub(crate) fn error(&self, span: Option<Range<usize>>, message: String) -> CatalogError {
        CatalogError {
            origin: self.origin.to_string(),
            position: Some(self.line_col(span.unwrap_or(0..0).start)),
            message,
        }
    }
}

/// `vendor "aws"`, `endpoint`: how a block is named in messages.
fn describe(block: &Block) -> String {
    match block.labels.first() {
        Some(BlockLabel::String(s)) => format!("{} \"{}\"", block.ident.as_str(), s.value()),
        Some(BlockLabel::Ident(i)) => format!("{} {}", block.ident.as_str(), i.as_str()),
        None => block.ident.as_str().to_string(),
    }
}

/// serde names the offending field or value between backticks (``unknown field `foo` ``,
/// ``unknown variant `bar` ``): point at the attribute with that key or string value.
fn named_span(body: &Body, message: &str) -> Option<Range<usize>> {
    let (_, after) = message.split_once('`')?;
    let (name, _) = after.split_once('`')?;
    body.attributes()
        .find(|attr| attr.key.as_str() == name)
        .and_then(|attr| attr.key.span())
        .or_else(|| {
            body.attributes()
                .find(|attr| {
                    matches!(&attr.value, hcl_edit::expr::Expression::String(s) if s.value() == name)
                })
                .and_then(|attr| attr.value.span())
        })
}

pub(crate) fn line_col(text: &str, offset: usize) -> LineCol {
    SourceFile::new(PathBuf::new(), String::new(), Arc::from(text)).line_col(offset as u32)
}

fn provider_entry(
    source: String,
    raw: RawProvider,
    endpoints: Vec<EndpointRule>,
) -> Result<ProviderEntry, String> {
    check_source_date(&raw.source, &raw.date)?;
    let paths = |list: &[String]| -> Result<Vec<AttrPath>, String> {
        list.iter()
            .map(|p| AttrPath::parse(p, raw.zone_attributes.contains(p)))
            .collect()
    };
    let provider_location = paths(&raw.provider_location)?;
    let resource_location = paths(&raw.resource_location)?;
    let location_hints = paths(&raw.location_hints)?;
    let tags = paths(&raw.tags)?;
    let provider_tags = paths(&raw.provider_tags)?;
    let all_paths = [
        &raw.provider_location,
        &raw.resource_location,
        &raw.location_hints,
    ];
    if let Some(stray) = raw
        .zone_attributes
        .iter()
        .find(|z| !all_paths.iter().any(|list| list.contains(z)))
    {
        return Err(format!(
            "zone attribute `{stray}` is not listed in provider_location, resource_location or location_hints"
        ));
    }
    if !raw.zone_attributes.is_empty() && raw.zone_to_region == ZoneToRegion::None {
        return Err("zone_attributes needs a zone_to_region other than \"none\"".to_string());
    }
    if raw.hosting == Hosting::None
        && (raw.vendor.is_some()
            || !endpoints.is_empty()
            || !all_paths.iter().all(|list| list.is_empty()))
    {
        return Err(
            "a provider with hosting = \"none\" takes no vendor, location or endpoint".to_string(),
        );
    }
    Ok(ProviderEntry {
        source,
        vendor: raw.vendor,
        hosting: raw.hosting,
        provider_location,
        resource_location,
        location_hints,
        default_location: raw.default_location,
        zone_to_region: raw.zone_to_region,
        location_case: raw.location_case,
        endpoints,
        global_resource_types: glob_set("global_resource_types", &raw.global_resource_types)?,
        location_from_parent: glob_set("location_from_parent", &raw.location_from_parent)?,
        tags,
        tag_format: raw.tag_format,
        type_tag_formats: raw.type_tag_formats,
        type_default_locations: raw.type_default_locations,
        provider_tags,
        backends: raw.backends,
        parent_excluded_types: glob_set("parent_excluded_types", &raw.parent_excluded_types)?,
        citation: raw.source,
        date: raw.date,
        confirmed: raw.confirmed,
    })
}

fn endpoint_rule(raw: RawEndpoint) -> Result<EndpointRule, String> {
    check_source_date(&raw.source, &raw.date)?;
    let pattern = Pattern::parse(&raw.pattern)?;
    Ok(EndpointRule {
        attribute: AttrPath::parse(&raw.attribute, false)?,
        matcher: match raw.match_kind {
            MatchKind::Host => Matcher::Host(pattern),
            MatchKind::Value => Matcher::Value(pattern),
        },
        vendor: raw.vendor,
        resource_types: glob_set("resource_types", &raw.resource_types)?,
        source: raw.source,
        date: raw.date,
        confirmed: raw.confirmed,
    })
}

pub(super) fn glob_set(field: &str, patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        builder.add(Glob::new(pattern).map_err(|e| format!("{field}: {e}"))?);
    }
    builder.build().map_err(|e| format!("{field}: {e}"))
}

fn check_id(id: &str) -> Result<(), String> {
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    valid
        .then_some(())
        .ok_or_else(|| format!("invalid id `{id}`: use lower-case letters, digits and `-`"))
}

fn check_provider_source(source: &str) -> Result<(), String> {
    let segments: Vec<&str> = source.split('/').collect();
    let valid = matches!(segments.len(), 2 | 3)
        && segments.iter().all(|s| {
            !s.is_empty()
                && s.chars().all(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')
                })
        });
    valid.then_some(()).ok_or_else(|| {
        format!("invalid provider source `{source}`: expected lower-case `namespace/type` or `host/namespace/type`")
    })
}

/// ISO 3166 alpha-2 code, or `EU`.
pub(crate) fn check_country(field: &str, code: &str) -> Result<(), String> {
    let valid = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
    valid.then_some(()).ok_or_else(|| {
        format!("{field} = \"{code}\": expected a two-letter upper-case country code")
    })
}

/// Every fact must say where it comes from and when, so it can be re-checked.
pub(super) fn check_source_date(source: &str, date: &str) -> Result<(), String> {
    if source.trim().is_empty() {
        return Err("source must not be empty".to_string());
    }
    check_date(date).map_err(|e| format!("date = {e}"))
}

/// An ISO date, YYYY-MM-DD, on the real calendar (`Err` holds the quoted date and what
/// was expected).
pub(crate) fn check_date(date: &str) -> Result<(), String> {
    Date::parse(date)
        .map(|_| ())
        .ok_or_else(|| format!("\"{date}\": expected an ISO date, YYYY-MM-DD"))
}

/// A fact is confirmed unless its entry says otherwise (the embedded catalog marks every
/// unconfirmed fact; a user's own declarations are taken as confirmed).
pub(super) fn confirmed_by_default() -> bool {
    true
}
