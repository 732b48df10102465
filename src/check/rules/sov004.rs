use super::super::hosting;
use crate::check::{Context, Finding, Rule, RuleId, RuleMeta, Scope, Severity, Subject};

pub struct Sov004;

/// A qualification expiring within this many days is reported.
pub const WARN_DAYS: i64 = 90;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV004"),
    name: "qualification-expiring",
    severity: Severity::Error,
    scope: Scope::Resource,
    summary: "The SecNumCloud qualification relied on has expired or expires within 90 days",
    doc: r#"**What.** Sensitive data relies on a SecNumCloud qualification that has expired (an error) or expires within 90 days (a warning). `--today YYYY-MM-DD` sets the date for reproducible runs.

**Why.** A qualification lasts three years from ANSSI's decision and must be renewed; an offer whose qualification lapsed is no longer a "cloud de confiance". Outscale's IaaS qualification runs to 2026-11-30 and OVHcloud's Hosted Private Cloud to 2026-12-29: check their renewal in the ANSSI catalogue.

**Example.** An `outscale_volume` classified sensitive in `cloudgouv-eu-west-1` on 2026-11-23: the qualification expires in 7 days.

**Fix.** Check the ANSSI catalogue for the renewal and update `policies/qualifications.hcl` (or your `--policies` directory) with the new decision, or plan the move to another qualified offer."#,
};

impl Rule for Sov004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_resource(&self, cx: &Context<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
        let Some(vendor) = hosting::vendor_needing_qualification(cx, s) else {
            return;
        };
        let category = s.class.category.as_deref();
        let (valid, expired) = hosting::qualifications(
            cx,
            vendor,
            s.record.region.as_deref(),
            &s.record.kind,
            category,
        );
        if let Some(latest) = valid
            .iter()
            .max_by(|a, b| a.valid_until.cmp(&b.valid_until))
        {
            let days = cx.today.days_until(latest.valid_until);
            if days <= WARN_DAYS {
                let mut finding = s.finding(
                    &META,
                    Severity::Warning,
                    format!(
                        "the SecNumCloud qualification of {} expires on {} (in {days} days)",
                        latest.offer, latest.valid_until
                    ),
                );
                finding.help = Some(format!(
                    "check the renewal in the ANSSI catalogue and update the qualification (`souverain catalog --vendor {vendor}`); {}",
                    s.alternatives(cx)
                ));
                out.push(finding);
            }
        } else if let Some(lapsed) = expired
            .iter()
            .max_by(|a, b| a.valid_until.cmp(&b.valid_until))
        {
            let mut finding = s.finding(
                &META,
                Severity::Error,
                format!(
                    "the SecNumCloud qualification of {} expired on {}",
                    lapsed.offer, lapsed.valid_until
                ),
            );
            finding.help = Some(s.alternatives(cx));
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tester::Tester;

    #[test]
    fn cases() {
        Tester::new(&super::META)
            .today("2028-09-18")
            .pass(&[
                // Internal data needs no qualification, expired or not.
                &[(
                    "main.tf",
                    r#"terraform {
  required_providers {
    outscale = { source = "outscale/outscale" }
  }
}
provider "outscale" {
  api {
    region = "cloudgouv-eu-west-1"
  }
}
resource "outscale_volume" "archives" {
  subregion_name = "cloudgouv-eu-west-1a"
  size           = 100
  tags {
    key   = "data_classification"
    value = "internal"
  }
}
"#,
                )],
                // Public data on S3NS, whose qualification expires soon.
                &[(
                    "main.tf",
                    r#"provider "google" {
  universe_domain = "s3nsapis.fr"
  region          = "u-france-east1"
}
resource "google_storage_bucket" "records" {
  name     = "records"
  location = "u-france-east1"
  labels   = { data_classification = "public" }
}
"#,
                )],
                // No qualification at all (AWS) is SOV001's, not an expiry.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "records" {
  tags = { data_classification = "sensitive" }
}
"#,
                )],
            ])
            .fail(&[
                // Outscale's qualification ended on 2026-11-30: an error.
                &[(
                    "main.tf",
                    r#"terraform {
  required_providers {
    outscale = { source = "outscale/outscale" }
  }
}
provider "outscale" {
  api {
    region = "cloudgouv-eu-west-1"
  }
}
resource "outscale_volume" "archives" {
  subregion_name = "cloudgouv-eu-west-1a"
  size           = 100
  tags {
    key   = "data_classification"
    value = "sensitive"
  }
}
"#,
                )],
                // S3NS's qualification ends on 2028-12-17, exactly 90 days on: a warning.
                &[(
                    "main.tf",
                    r#"provider "google" {
  universe_domain = "s3nsapis.fr"
  region          = "u-france-east1"
}
resource "google_storage_bucket" "records" {
  name     = "records"
  location = "u-france-east1"
  labels   = { data_classification = "sensitive" }
}
"#,
                )],
            ])
            .test();
    }
}
