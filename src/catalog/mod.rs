//! The knowledge souverain relies on, as data: `policies/*.hcl` (vendors, providers,
//! regions, qualifications, data types, and the doctrine's levels and vocabulary).
//!
//! Facts about clouds change (qualifications expire, providers add regions, vendors change
//! hands), so they live in HCL files that carry a source and a date for every entry,
//! rather than in code. The files are embedded in the binary ([`Catalog::embedded`]);
//! users can replace them (`--policies DIR`, [`Catalog::load_dir`]) or add to them
//! (`.souverain.hcl`, [`parse_overlay`] + [`Catalog::extend`]). `policies/README.md`
//! documents the schema.

mod data_type;
mod doctrine;
#[cfg(test)]
mod doctrine_tests;
mod load;
mod pattern;
mod qualification;
mod regions;
#[cfg(test)]
mod tests;

use crate::date::Date;
use crate::level::Level;
use crate::source::LineCol;
use data_type::DataTypes;
use doctrine::Doctrine;
use globset::GlobSet;
use pattern::host_of;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

pub use data_type::{CATEGORIES, DataType, DestinationKind, Replication};
pub use doctrine::{EuCountries, LevelPolicy, Vocabulary};
pub use load::{CatalogOverlay, parse_overlay};
pub(crate) use load::{File as HclFile, check_country, check_date, line_col};
pub use pattern::Pattern;
pub use qualification::{Alternative, Qualification};
pub use regions::{RegionInfo, RegionPair};

/// The policy files compiled into the binary, in load order.
const EMBEDDED_FILES: [(&str, &str); 6] = [
    (
        "policies/vendors.hcl",
        include_str!("../../policies/vendors.hcl"),
    ),
    (
        "policies/providers.hcl",
        include_str!("../../policies/providers.hcl"),
    ),
    (
        "policies/regions.hcl",
        include_str!("../../policies/regions.hcl"),
    ),
    (
        "policies/qualifications.hcl",
        include_str!("../../policies/qualifications.hcl"),
    ),
    (
        "policies/data_types.hcl",
        include_str!("../../policies/data_types.hcl"),
    ),
    (
        "policies/doctrine.hcl",
        include_str!("../../policies/doctrine.hcl"),
    ),
];

/// Parsed once per process: every run needs it and the text never changes.
static EMBEDDED: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::from_texts(EMBEDDED_FILES.iter().map(|&(origin, text)| (origin, text))).unwrap_or_else(
        |e| panic!("embedded policies are invalid (the catalog tests check them): {e}"),
    )
});

/// Vendors by id, provider entries by source address, and what the doctrine checks
/// against: regions, qualifications, data types, levels and the tag vocabulary.
#[derive(Clone, Debug)]
pub struct Catalog {
    vendors: BTreeMap<String, Vendor>,
    providers: BTreeMap<String, ProviderEntry>,
    /// Other addresses of the same provider (`hashicorp/google-beta` → `hashicorp/google`,
    /// legacy `hashicorp/openstack`): one entry, so overlay rules reach every address.
    aliases: BTreeMap<String, String>,
    regions: regions::Regions,
    /// In file order, which is the order alternatives are suggested in.
    qualifications: Vec<Qualification>,
    data_types: DataTypes,
    doctrine: Doctrine,
}

impl Catalog {
    /// The catalog shipped in the binary.
    pub fn embedded() -> Catalog {
        EMBEDDED.clone()
    }

    /// Every `*.hcl` file of `dir`, read in name order, as a complete replacement for
    /// the embedded set (`--policies DIR`).
    pub fn load_dir(dir: &Path) -> Result<Catalog, CatalogError> {
        let display = dir.display().to_string();
        let whole_dir = |message: String| CatalogError {
            origin: display.clone(),
            position: None,
            message,
        };
        let entries =
            std::fs::read_dir(dir).map_err(|e| whole_dir(format!("cannot read directory: {e}")))?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|e| whole_dir(format!("cannot read directory: {e}")))?
                .path();
            if path.is_file() && path.extension().is_some_and(|ext| ext == "hcl") {
                paths.push(path);
            }
        }
        if paths.is_empty() {
            return Err(whole_dir(
                "no `*.hcl` policy file in this directory".to_string(),
            ));
        }
        paths.sort();
        let mut texts = Vec::with_capacity(paths.len());
        for path in paths {
            let origin = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|e| CatalogError {
                origin: origin.clone(),
                position: None,
                message: format!("cannot read policy file: {e}"),
            })?;
            texts.push((origin, text));
        }
        Catalog::from_texts(texts.iter().map(|(o, t)| (o.as_str(), t.as_str())))
    }

    /// Adds a user overlay: its vendors replace embedded vendors with the same id (the
    /// organisation knows better), and its endpoint rules are tried before the catalog's
    /// own rules of the same provider. Nothing is applied when an error is returned.
    pub fn extend(&mut self, overlay: CatalogOverlay) -> Result<(), CatalogError> {
        let known_vendor = |id: &str| {
            self.vendors.contains_key(id) || overlay.vendors.iter().any(|v| v.value.id == id)
        };
        for endpoint in &overlay.endpoints {
            if self.provider(&endpoint.value.provider).is_none() {
                return Err(endpoint.error(format!(
                    "endpoint for unknown provider `{}`: add a `provider` block with --policies",
                    endpoint.value.provider
                )));
            }
            if !known_vendor(&endpoint.value.rule.vendor) {
                return Err(endpoint.error(format!(
                    "unknown vendor `{}`: declare it in a `vendor` block",
                    endpoint.value.rule.vendor
                )));
            }
        }
        for vendor in overlay.vendors {
            self.vendors.insert(vendor.value.id.clone(), vendor.value);
        }
        for endpoint in overlay.endpoints.into_iter().rev() {
            let overlay_endpoint = endpoint.value;
            let source = self.canonical(&overlay_endpoint.provider);
            if let Some(provider) = self.providers.get_mut(&source) {
                provider.endpoints.insert(0, overlay_endpoint.rule);
            }
        }
        Ok(())
    }

    /// Declares a State internal cloud reached through OpenStack: a vendor accepted for
    /// sensitive data, recognised by the host of the provider's `auth_url`.
    pub fn add_internal_cloud(
        &mut self,
        id: &str,
        name: &str,
        auth_urls: &[String],
        origin: &str,
    ) -> Result<(), String> {
        const OPENSTACK: &str = "terraform-provider-openstack/openstack";
        let vendor = self
            .vendors
            .entry(id.to_string())
            .or_insert_with(|| Vendor {
                id: id.to_string(),
                name: name.to_string(),
                headquarters: "FR".into(),
                jurisdiction: "FR".into(),
                eu: true,
                extraterritorial_laws: Vec::new(),
                internal_cloud: true,
                note: None,
                source: origin.to_string(),
                date: String::new(),
                confirmed: true,
            });
        if !vendor.internal_cloud {
            return Err(format!(
                "internal_cloud \"{id}\": vendor {id} exists in the catalog and is not an internal cloud"
            ));
        }
        let mut rules = Vec::new();
        for url in auth_urls {
            let host = host_of(url)
                .ok_or_else(|| format!("internal_cloud \"{id}\": no host in {url:?}"))?;
            rules.push(EndpointRule {
                attribute: AttrPath {
                    segments: vec!["auth_url".into()],
                    is_zone: false,
                },
                matcher: Matcher::Host(pattern::Pattern::parse(&host)?),
                vendor: id.to_string(),
                resource_types: GlobSet::empty(),
                source: origin.to_string(),
                date: String::new(),
                confirmed: true,
            });
        }
        let source = self.canonical(OPENSTACK);
        let provider = self
            .providers
            .get_mut(&source)
            .ok_or("the catalog has no OpenStack provider")?;
        for rule in rules.into_iter().rev() {
            provider.endpoints.insert(0, rule);
        }
        Ok(())
    }

    /// The entry for a provider source address. `source` is expected normalised
    /// (lower-case `namespace/type`); a `registry.terraform.io/` or
    /// `registry.opentofu.org/` prefix and upper case are tolerated since both registries
    /// serve the same providers.
    /// Looked up through an alias, the entry's `source` is its canonical address.
    pub fn provider(&self, source: &str) -> Option<&ProviderEntry> {
        self.providers.get(&self.canonical(source))
    }

    fn canonical(&self, source: &str) -> String {
        let lower = source.to_ascii_lowercase();
        let short = lower
            .strip_prefix("registry.terraform.io/")
            .or_else(|| lower.strip_prefix("registry.opentofu.org/"))
            .unwrap_or(&lower);
        self.aliases
            .get(short)
            .cloned()
            .unwrap_or_else(|| short.to_string())
    }

    pub fn vendor(&self, id: &str) -> Option<&Vendor> {
        self.vendors.get(id)
    }

    pub fn vendors(&self) -> impl Iterator<Item = &Vendor> {
        self.vendors.values()
    }

    pub fn providers(&self) -> impl Iterator<Item = &ProviderEntry> {
        self.providers.values()
    }

    /// Where a region code of a vendor is: `None` when the catalog does not know it.
    /// Case is ignored; an exact code wins over a family pattern (`GRA*`), and the most
    /// specific family over the others. Zones are expected already mapped to their region
    /// ([`ProviderEntry::region_of_zone`]).
    pub fn region(&self, vendor: &str, code: &str) -> Option<RegionInfo> {
        self.regions
            .lookup(vendor, code)
            .map(|entry| entry.info(|c| self.is_eu_country(c)))
    }

    /// Every region entry of the catalog with its vendor, for listings and checks.
    pub fn regions(&self) -> impl Iterator<Item = (&str, RegionInfo)> {
        self.regions
            .entries()
            .map(|entry| (entry.vendor.as_str(), entry.info(|c| self.is_eu_country(c))))
    }

    /// The region that geo-redundant copies of `code` go to (Azure region pairs).
    pub fn paired_region(&self, vendor: &str, code: &str) -> Option<&str> {
        self.regions.paired(vendor, code)
    }

    pub fn region_pairs(&self) -> &[RegionPair] {
        self.regions.pairs()
    }

    /// An EU member state, or `EU` ("somewhere in the EU"); case is ignored.
    pub fn is_eu_country(&self, country: &str) -> bool {
        self.doctrine.eu.contains(country)
    }

    pub fn eu_countries(&self) -> &EuCountries {
        &self.doctrine.eu
    }

    pub fn qualifications(&self) -> &[Qualification] {
        &self.qualifications
    }

    /// Qualifications of `vendor` covering `region` (`None`: region unknown → only offers
    /// valid in all regions) and this resource type and category (`None`: not a catalogued
    /// data type, so only the offer's resource types decide). Offers without a Terraform
    /// signal never match. Validity dates are left to the caller, who knows the date.
    pub fn qualifications_for(
        &self,
        vendor: &str,
        region: Option<&str>,
        resource_type: &str,
        category: Option<&str>,
    ) -> Vec<&Qualification> {
        self.qualifications
            .iter()
            .filter(|q| {
                q.vendor == vendor
                    && q.terraform_signal
                    && q.covers_region(region)
                    && q.covers_type(resource_type)
                    && q.covers_category(category)
            })
            .collect()
    }

    /// Confirmed qualified offers valid on `today` whose scope covers `category`, to
    /// suggest in a finding's help. An offer limited to some resource types (S3NS) counts
    /// only if one of them is a data type of that category.
    pub fn alternatives(&self, category: &str, today: Date) -> Vec<Alternative> {
        self.qualifications
            .iter()
            .filter(|q| q.confirmed && q.is_valid_on(today))
            .filter(|q| q.covers_category(Some(category)))
            .filter(|q| {
                q.resource_types.is_empty()
                    || self
                        .data_types
                        .iter()
                        .any(|d| d.category == category && q.covers_type(&d.resource_type))
            })
            .map(|q| Alternative {
                qualification: q.id.clone(),
                vendor_name: self
                    .vendor(&q.vendor)
                    .map_or_else(|| q.vendor.clone(), |v| v.name.clone()),
                offer: q.offer.clone(),
                regions: q.regions.clone(),
                valid_until: q.valid_until,
            })
            .collect()
    }

    /// The category and replication rules of a data-holding resource type; `None` for a
    /// type that holds no data the doctrine cares about (a network, an IAM binding).
    pub fn data_type(&self, resource_type: &str) -> Option<&DataType> {
        self.data_types.get(resource_type)
    }

    pub fn data_types(&self) -> impl Iterator<Item = &DataType> {
        self.data_types.iter()
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.doctrine.vocabulary
    }

    /// Adds classification keys and values from the user configuration (see
    /// [`Vocabulary::extend`]).
    pub fn extend_vocabulary(
        &mut self,
        keys: impl IntoIterator<Item = String>,
        values: impl IntoIterator<Item = (String, Level)>,
    ) {
        self.doctrine.vocabulary.extend(keys, values);
    }

    /// The requirements of each level, least sensitive first.
    pub fn levels(&self) -> &[LevelPolicy] {
        &self.doctrine.levels
    }

    pub fn level(&self, level: Level) -> Option<&LevelPolicy> {
        self.doctrine.levels.iter().find(|l| l.level == level)
    }
}

/// A problem in a policy file, with the place to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    /// The file (path, `policies/….hcl` for embedded data, or an overlay's origin).
    pub origin: String,
    /// 1-based; `None` when the problem concerns the whole file or directory.
    pub position: Option<LineCol>,
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(LineCol { line, column }) => {
                write!(f, "{}:{line}:{column}: {}", self.origin, self.message)
            }
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for CatalogError {}

/// A company that operates infrastructure, and the law it answers to.
#[derive(Clone, Debug)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    /// ISO 3166 alpha-2 country of the head office.
    pub headquarters: String,
    /// Country (or `EU`) whose law controls the operator; differs from `headquarters`
    /// when control sits elsewhere.
    pub jurisdiction: String,
    /// Whether `jurisdiction` is an EU member state (or the EU): the SecNumCloud
    /// immunity test needs an EU head office and EU control.
    pub eu: bool,
    /// Identifiers of non-EU laws that can compel the vendor to hand over data
    /// (`us-cloud-act`, `cn-national-intelligence-law`, …). Empty means none known.
    pub extraterritorial_laws: Vec<String>,
    /// A State internal cloud (Cloud Pi, Nubo): accepted for sensitive data without a
    /// SecNumCloud qualification.
    pub internal_cloud: bool,
    /// Context that does not fit a field (technology licensed from a US company, …).
    pub note: Option<String>,
    pub source: String,
    /// ISO date of the source (or, for an undated source, of the compilation).
    pub date: String,
    /// `false` for facts the domain reference marks UNCONFIRMED: report them as
    /// warnings, never as hard failures.
    pub confirmed: bool,
}

/// How a Terraform provider's resources map to a vendor and a location.
#[derive(Clone, Debug)]
pub struct ProviderEntry {
    /// Lower-case `namespace/type` (or `host/namespace/type`).
    pub source: String,
    /// The vendor when no endpoint rule says otherwise; `None` when only the endpoint
    /// tells (OpenStack): an unknown endpoint then leaves the resource unresolved.
    pub vendor: Option<String>,
    pub hosting: Hosting,
    /// Paths read on the provider block, in priority order.
    pub provider_location: Vec<AttrPath>,
    /// Paths read on the resource, in priority order; they win over the provider's.
    pub resource_location: Vec<AttrPath>,
    /// Paths that only hint at a location, used when nothing else is known.
    pub location_hints: Vec<AttrPath>,
    /// Location assumed when nothing is set (the provider's documented default).
    pub default_location: Option<String>,
    pub zone_to_region: ZoneToRegion,
    pub location_case: LocationCase,
    /// Tried in order; the first rule whose attribute is set, whose resource types
    /// include the resource and whose pattern matches decides the vendor.
    pub endpoints: Vec<EndpointRule>,
    /// Resource types that have no region (IAM, DNS, CDN…).
    pub global_resource_types: GlobSet,
    /// Arguments through which a resource without a location argument refers to the parent
    /// it lives in (`server_id` of an Azure SQL database): it inherits the parent's.
    pub location_from_parent: GlobSet,
    /// Resource types that are not parents in that sense (a resource group holds resources
    /// in any region).
    pub parent_excluded_types: GlobSet,
    /// Arguments holding a resource's tags or labels (`tags`, `settings.user_labels`).
    pub tags: Vec<AttrPath>,
    /// How the provider's resources write their tags, unless `type_tag_formats` says
    /// otherwise for a type.
    pub tag_format: TagFormat,
    /// Types whose tags are written another way than the provider's (Scaleway's object
    /// storage takes an S3 tag map, its other resources `"key=value"` lists).
    pub type_tag_formats: BTreeMap<String, TagFormat>,
    /// Where a type is created when its own location argument is absent, when that is not
    /// the provider configuration's region (a BigQuery dataset goes to the `US`
    /// multi-region).
    pub type_default_locations: BTreeMap<String, String>,
    /// Provider-block arguments whose tags every resource gets (AWS `default_tags.tags`).
    pub provider_tags: Vec<AttrPath>,
    /// Terraform state backends stored on this provider's cloud (`s3`, `gcs`); a backend
    /// block is read like a provider block of this provider.
    pub backends: Vec<String>,
    /// Where the entry's facts come from (`source` is taken by the address).
    pub citation: String,
    pub date: String,
    pub confirmed: bool,
}

impl ProviderEntry {
    /// Where resources of this type go without a location argument of their own, when the
    /// provider's region is not it.
    pub fn type_default_location(&self, resource_type: &str) -> Option<&str> {
        self.type_default_locations
            .get(resource_type)
            .map(String::as_str)
    }

    /// How resources of this type write their tags.
    pub fn tag_format_of(&self, resource_type: &str) -> TagFormat {
        self.type_tag_formats
            .get(resource_type)
            .copied()
            .unwrap_or(self.tag_format)
    }
    /// Whether a resource of type `child` that refers through `attribute` to a resource of
    /// type `parent` lives in it, and so takes its location (`server_id =
    /// azurerm_mssql_server.main.id`): a parent argument, a parent of the same provider,
    /// not one of the types that are references but not homes.
    pub fn lives_in(&self, attribute: &str, child: &str, parent: &str) -> bool {
        self.location_from_parent.is_match(attribute)
            && parent.split('_').next() == child.split('_').next()
            && !self.parent_excluded_types.is_match(parent)
    }

    pub fn is_global_type(&self, resource_type: &str) -> bool {
        self.global_resource_types.is_match(resource_type)
    }

    /// The region a zone belongs to, following the provider's naming scheme.
    pub fn region_of_zone(&self, zone: &str) -> String {
        self.zone_to_region.region_of(zone)
    }

    /// The location spelled the way region tables spell it.
    pub fn normalise_location(&self, location: &str) -> String {
        match self.location_case {
            LocationCase::AsWritten => location.to_string(),
            LocationCase::LowerNoSpace => location
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hosting {
    /// Resources live on the vendor's infrastructure.
    Cloud,
    /// Resources exist only in Terraform state (random, null, tls…): nothing to locate.
    None,
}

/// How a zone name maps to its region.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ZoneToRegion {
    /// The provider has no zones, or zones are locations in their own right.
    #[default]
    None,
    /// `eu-west-3a` → `eu-west-3` (AWS, Outscale).
    TrailingLetter,
    /// `europe-west9-a` → `europe-west9` (Google).
    DashLetter,
    /// `fr-par-1` → `fr-par` (Scaleway).
    DashNumber,
}

impl ZoneToRegion {
    /// The zone unchanged when it does not follow the scheme, so a region name given
    /// where a zone was expected still classifies.
    pub fn region_of(self, zone: &str) -> String {
        let stripped = match self {
            ZoneToRegion::None => None,
            ZoneToRegion::TrailingLetter => {
                let mut chars = zone.chars().rev();
                match (chars.next(), chars.next()) {
                    (Some(letter), Some(digit))
                        if letter.is_ascii_alphabetic() && digit.is_ascii_digit() =>
                    {
                        Some(&zone[..zone.len() - 1])
                    }
                    _ => None,
                }
            }
            ZoneToRegion::DashLetter => zone.rsplit_once('-').and_then(|(region, suffix)| {
                (suffix.len() == 1 && suffix.chars().all(|c| c.is_ascii_alphabetic()))
                    .then_some(region)
            }),
            ZoneToRegion::DashNumber => zone.rsplit_once('-').and_then(|(region, suffix)| {
                (!suffix.is_empty() && suffix.chars().all(|c| c.is_ascii_digit())).then_some(region)
            }),
        };
        stripped
            .filter(|r| !r.is_empty())
            .unwrap_or(zone)
            .to_string()
    }
}

/// How a provider writes tags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TagFormat {
    /// `tags = { key = "value" }`.
    #[default]
    Map,
    /// `tags = ["key=value"]` (Scaleway).
    KeyValueList,
    /// `tags { key = "k" value = "v" }` blocks (Outscale).
    KeyValueBlocks,
}

/// How location values are written in the provider's own region tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocationCase {
    #[default]
    AsWritten,
    /// Azure accepts `France Central` and `francecentral` for the same region.
    LowerNoSpace,
}

/// An attribute path: `region`, or `api.region` through a nested block. For a repeated
/// nested block (`nodes.region`) every instance is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttrPath {
    pub segments: Vec<String>,
    /// The value is a zone, to be mapped with [`ProviderEntry::region_of_zone`].
    pub is_zone: bool,
}

impl AttrPath {
    /// A one-segment path to a region-valued argument.
    pub fn plain(name: String) -> AttrPath {
        AttrPath {
            segments: vec![name],
            is_zone: false,
        }
    }

    fn parse(text: &str, is_zone: bool) -> Result<AttrPath, String> {
        let segments: Vec<String> = text.split('.').map(str::to_string).collect();
        let valid = |s: &String| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        if segments.iter().all(valid) {
            Ok(AttrPath { segments, is_zone })
        } else {
            Err(format!(
                "invalid attribute path `{text}`: expected names separated by dots, like `api.region`"
            ))
        }
    }
}

impl fmt::Display for AttrPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.segments.join("."))
    }
}

/// A provider attribute whose value reveals the real vendor (and maybe the region): an
/// S3 endpoint pointing `hashicorp/aws` at Outscale, an OpenStack `auth_url`…
#[derive(Clone, Debug)]
pub struct EndpointRule {
    /// Path on the provider block.
    pub attribute: AttrPath,
    pub matcher: Matcher,
    pub vendor: String,
    /// Resource types the endpoint serves; empty means all.
    pub resource_types: GlobSet,
    pub source: String,
    pub date: String,
    pub confirmed: bool,
}

#[derive(Clone, Debug)]
pub enum Matcher {
    /// Compares the host of a URL, `host:port` or bare host.
    Host(Pattern),
    /// Compares the whole (trimmed) value.
    Value(Pattern),
}

/// What an endpoint rule concluded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointMatch<'a> {
    pub vendor: &'a str,
    /// From the pattern's `{region}` capture.
    pub region: Option<String>,
}

impl EndpointRule {
    /// `Some` when `value` (the evaluated attribute string) matches.
    pub fn matches(&self, value: &str) -> Option<EndpointMatch<'_>> {
        let (pattern, subject) = match &self.matcher {
            Matcher::Host(pattern) => (pattern, host_of(value)?),
            Matcher::Value(pattern) => (pattern, value.trim().to_string()),
        };
        let capture = pattern.captures(&subject)?;
        Some(EndpointMatch {
            vendor: &self.vendor,
            region: capture.map(|range| subject[range].to_string()),
        })
    }

    pub fn applies_to(&self, resource_type: &str) -> bool {
        self.resource_types.is_empty() || self.resource_types.is_match(resource_type)
    }
}
