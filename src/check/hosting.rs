//! Questions several rules ask about a placement: is this country allowed, which
//! qualifications cover this resource, what compliant alternatives exist.

use super::{Context, Subject};
use crate::catalog::Qualification;
use crate::settings::Geography;
use std::collections::HashMap;

/// Whether every country is in the allowed geography.
pub fn allowed(cx: &Context<'_>, countries: &[String]) -> bool {
    !countries.is_empty()
        && countries.iter().all(|c| match &cx.settings.geography {
            Geography::Eu => cx.catalog.is_eu_country(c),
            Geography::France => c == "FR",
            Geography::Countries(list) => list.iter().any(|l| l.eq_ignore_ascii_case(c)),
        })
}

pub fn geography_name(cx: &Context<'_>) -> String {
    match &cx.settings.geography {
        Geography::Eu => "the EU".to_string(),
        Geography::France => "France".to_string(),
        Geography::Countries(list) => list.join(", "),
    }
}

/// Qualifications of the vendor that cover this resource where it is: those valid today,
/// and those that would cover it but have expired.
pub fn qualifications<'c>(
    cx: &Context<'c>,
    vendor: &str,
    region: Option<&str>,
    kind: &str,
    category: Option<&str>,
) -> (Vec<&'c Qualification>, Vec<&'c Qualification>) {
    cx.catalog
        .qualifications_for(vendor, region, kind, category)
        .into_iter()
        .filter(|q| q.valid_from <= cx.today)
        .partition(|q| cx.today <= q.valid_until)
}

/// The operator of a resource whose level requires a qualified offer (or an internal
/// cloud), if known: what SOV001 and SOV004 look at.
pub fn vendor_needing_qualification<'s>(cx: &Context<'_>, s: &Subject<'s>) -> Option<&'s str> {
    s.record
        .vendor
        .as_deref()
        .filter(|_| requirements(cx, s.level()).qualification)
}

/// Whether some region of the vendor could be qualified for a resource: a qualification
/// Terraform can tell apart (OVHcloud's qualified offers cannot be told from its others).
/// Whether `vendor` is a State internal cloud declared in the configuration: it needs no
/// qualification and is judged whole, whatever its regions.
pub fn is_internal_cloud(cx: &Context<'_>, vendor: &str) -> bool {
    cx.catalog.vendor(vendor).is_some_and(|v| v.internal_cloud)
}

pub fn has_any_qualification(cx: &Context<'_>, vendor: &str) -> bool {
    cx.catalog
        .qualifications()
        .iter()
        .any(|q| q.vendor == vendor && q.terraform_signal)
}

/// Alternatives named in a finding's help.
const MAX_ALTERNATIVES: usize = 4;

/// "Compliant alternatives for block-storage: …", from the catalog's qualified offers.
pub fn alternatives(cx: &Context<'_>, category: Option<&str>) -> String {
    let offers = category
        .map(|c| cx.catalog.alternatives(c, cx.today))
        .unwrap_or_default();
    let what = category.unwrap_or("this data");
    // Offers with a Terraform signal (regions) first: they are where a tree can move to.
    let mut list: Vec<String> = offers
        .iter()
        .filter(|o| !o.regions.is_empty())
        .chain(offers.iter().filter(|o| o.regions.is_empty()))
        .map(ToString::to_string)
        .collect();
    if list.len() > MAX_ALTERNATIVES {
        let more = list.len() - MAX_ALTERNATIVES;
        list.truncate(MAX_ALTERNATIVES);
        list.push(format!("{more} more in `souverain catalog`"));
    }
    if list.is_empty() {
        format!(
            "no SecNumCloud-qualified offer in the catalog covers {what}; use a State internal cloud (declare it in .souverain.hcl)"
        )
    } else {
        format!(
            "SecNumCloud-qualified alternatives for {what}: {}; or a State internal cloud declared in .souverain.hcl",
            list.join("; ")
        )
    }
}

/// [`alternatives`] for every data category of the catalog, built once per run: the help
/// is the same for every finding of a category, and building it costs more than the rest
/// of the finding.
pub struct AlternativesByCategory<'c>(HashMap<Option<&'c str>, String>);

impl<'c> AlternativesByCategory<'c> {
    pub fn new(cx: &Context<'c>) -> AlternativesByCategory<'c> {
        let categories = cx.catalog.data_types().map(|d| Some(d.category.as_str()));
        let mut by_category = HashMap::new();
        for category in categories.chain([None]) {
            by_category
                .entry(category)
                .or_insert_with(|| alternatives(cx, category));
        }
        AlternativesByCategory(by_category)
    }

    pub fn get(&self, cx: &Context<'_>, category: Option<&str>) -> String {
        match self.0.get(&category) {
            Some(help) => help.clone(),
            None => alternatives(cx, category),
        }
    }
}

/// What a level requires, from the doctrine in the catalog (`policies/doctrine.hcl`).
pub struct Requirements {
    /// A SecNumCloud-qualified offer or a State internal cloud.
    pub qualification: bool,
    /// Severity of an exposure to non-EU law: an error when immunity is required, a
    /// warning for other restricted levels, nothing for unrestricted ones.
    pub exposure: Option<super::Severity>,
    /// The data must stay in the allowed geography.
    pub geography: bool,
}

impl Requirements {
    /// Whether the level asks anything at all (`public` does not).
    pub fn any(&self) -> bool {
        self.qualification || self.exposure.is_some() || self.geography
    }
}

pub fn requirements(cx: &Context<'_>, level: Option<crate::level::Level>) -> Requirements {
    let policy = level.and_then(|l| cx.catalog.level(l));
    let geography = policy.is_some_and(|p| p.geography.is_some());
    let exposure = match policy {
        Some(p) if p.requires_immunity => Some(super::Severity::Error),
        Some(p) if p.geography.is_some() => Some(super::Severity::Warning),
        _ => None,
    };
    Requirements {
        qualification: policy.is_some_and(|p| p.requires_qualification),
        exposure,
        geography,
    }
}
