//! `souverain catalog`: what souverain believes, with sources, dates and expiries.

use crate::catalog::Catalog;
use serde_json::json;
use std::io::{self, Write};

pub fn write(
    out: &mut dyn Write,
    catalog: &Catalog,
    vendor: Option<&str>,
    as_json: bool,
) -> io::Result<()> {
    let mut vendors: Vec<_> = catalog
        .vendors()
        .filter(|v| vendor.is_none_or(|id| v.id == id))
        .collect();
    vendors.sort_by(|a, b| a.id.cmp(&b.id));
    let qualifications: Vec<_> = catalog
        .qualifications()
        .iter()
        .filter(|q| vendor.is_none_or(|id| q.vendor == id))
        .collect();
    if as_json {
        let doc = json!({
            "vendors": vendors.iter().map(|v| json!({
                "id": v.id, "name": v.name, "headquarters": v.headquarters, "jurisdiction": v.jurisdiction,
                "eu": v.eu, "extraterritorial_laws": v.extraterritorial_laws, "internal_cloud": v.internal_cloud,
                "note": v.note, "source": v.source, "date": v.date, "confirmed": v.confirmed,
            })).collect::<Vec<_>>(),
            "qualifications": qualifications.iter().map(|q| json!({
                "id": q.id, "vendor": q.vendor, "offer": q.offer, "framework": q.framework, "version": q.version,
                "regions": q.regions, "categories": q.categories, "resource_types": q.resource_types,
                "valid_from": q.valid_from, "valid_until": q.valid_until, "decision": q.decision,
                "source": q.source, "date": q.date, "confirmed": q.confirmed,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        return writeln!(out);
    }
    writeln!(out, "VENDORS")?;
    for v in &vendors {
        let exposure = if v.extraterritorial_laws.is_empty() {
            "no non-EU exposure known".to_string()
        } else {
            v.extraterritorial_laws.join(", ")
        };
        let kind = if v.internal_cloud {
            ", State internal cloud"
        } else {
            ""
        };
        let confirmed = if v.confirmed { "" } else { " [unconfirmed]" };
        writeln!(
            out,
            "  {:<20} {} ({}, jurisdiction {}{kind}){confirmed}",
            v.id, v.name, v.headquarters, v.jurisdiction
        )?;
        writeln!(out, "  {:<20} exposure: {exposure}", "")?;
        writeln!(out, "  {:<20} source: {} ({})", "", v.source, v.date)?;
    }
    writeln!(out, "\nSECNUMCLOUD QUALIFICATIONS")?;
    for q in &qualifications {
        let regions = if q.regions.is_empty() {
            "all regions".to_string()
        } else {
            q.regions.join(", ")
        };
        let confirmed = if q.confirmed { "" } else { " [unconfirmed]" };
        writeln!(
            out,
            "  {:<20} {}: {} — {regions}, {} → {}{confirmed}",
            q.id, q.vendor, q.offer, q.valid_from, q.valid_until
        )?;
        writeln!(out, "  {:<20} source: {} ({})", "", q.source, q.date)?;
    }
    Ok(())
}
