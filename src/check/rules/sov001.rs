use super::super::hosting;
use crate::check::{Context, Finding, Rule, RuleId, RuleMeta, Scope, Severity, Subject};

pub struct Sov001;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV001"),
    name: "sensitive-data-on-unqualified-offer",
    severity: Severity::Error,
    scope: Scope::Resource,
    summary: "Sensitive data on an offer that is not SecNumCloud-qualified for it",
    doc: r#"**What.** A resource classified `sensitive` is hosted on an offer that is not SecNumCloud-qualified for that region and that kind of service, and not on a State internal cloud declared in `.souverain.hcl`.

**Why.** Since the 2021 "cloud au centre" circular (6282/SG), restated in 2023 (6404/SG, R9) and put into law by the SREN law (art. 31, 2024), sensitive data — citizens' personal data, companies' economic data, public agents' business applications — may only go to the State's internal clouds (Cloud Pi, Nubo) or to commercial offers qualified SecNumCloud by ANSSI. Qualification is per offer and per region: AWS, Azure and Google public clouds are not qualified, even in Paris; S3NS is, in `u-france-east1` only.

**Example.**
```hcl
provider "google" { region = "europe-west9" }          # Google Cloud, Paris: not qualified
resource "google_storage_bucket" "records" {
  location = "europe-west9"
  labels   = { data_classification = "sensitive" }
}
```

**Fix.** Move the data to a qualified offer that covers the service (the finding lists them), e.g. S3NS: `universe_domain = "s3nsapis.fr"`, `location = "u-france-east1"`; or to a State internal cloud. If the classification is wrong, fix the tag."#,
};

impl Rule for Sov001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_resource(&self, cx: &Context<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
        let Some(vendor) = hosting::vendor_needing_qualification(cx, s) else {
            return;
        };
        if hosting::is_internal_cloud(cx, vendor) {
            return;
        }
        let region = s.record.region.as_deref();
        let category = s.class.category.as_deref();
        let (valid, expired) =
            hosting::qualifications(cx, vendor, region, &s.record.kind, category);
        // Expired qualifications are SOV004's; an unknown region of a vendor that has
        // qualified offers somewhere is SOV005's.
        if valid.iter().any(|q| q.confirmed)
            || !expired.is_empty()
            || (region.is_none() && hosting::has_any_qualification(cx, vendor))
        {
            return;
        }
        // Only an unconfirmed qualification covers it (Outscale `eu-west-2`): a warning.
        let (severity, unconfirmed) = match valid.first() {
            Some(q) => (
                Severity::Warning,
                format!(
                    " (the catalog marks the qualification {} for this region as unconfirmed)",
                    q.id
                ),
            ),
            None => (META.severity, String::new()),
        };
        let name = cx
            .catalog
            .vendor(vendor)
            .map(|v| v.name.as_str())
            .unwrap_or(vendor);
        let place = match region {
            Some(r) => format!("{name}, region {r}"),
            None => format!("{name}, region unknown"),
        };
        let what = category.unwrap_or("data");
        let mut finding = s.finding(
            &META,
            severity,
            format!(
                "sensitive {what} on {place}: {}{unconfirmed}",
                if region.is_some() {
                    "not a SecNumCloud-qualified offer for this service and region"
                } else {
                    "no region of this operator is SecNumCloud-qualified"
                }
            ),
        );
        finding.help = Some(s.alternatives(cx));
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tester::Tester;

    #[test]
    fn cases() {
        Tester::new(&super::META)
            .pass(&[
                // S3NS, qualified in u-france-east1.
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
                // Internal data needs no qualification.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "logs" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // A State internal cloud declared in .souverain.hcl needs no qualification.
                &[
                    (
                        ".souverain.hcl",
                        r#"internal_cloud "pi" {
  name                = "Cloud Pi"
  openstack_auth_urls = ["https://keystone.pi.interieur.gouv.fr:5000/v3"]
}
"#,
                    ),
                    (
                        "main.tf",
                        r#"terraform {
  required_providers {
    openstack = { source = "terraform-provider-openstack/openstack" }
  }
}
provider "openstack" {
  auth_url = "https://keystone.pi.interieur.gouv.fr:5000/v3"
}
resource "openstack_blockstorage_volume_v3" "records" {
  size     = 10
  metadata = { data_classification = "sensitive" }
}
"#,
                    ),
                ],
            ])
            .fail(&[
                // Scaleway is not qualified; its object storage's tags are a map, its
                // other resources' "key=value" lists: both classify.
                &[(
                    "main.tf",
                    r#"terraform {
  required_providers {
    scaleway = { source = "scaleway/scaleway" }
  }
}
provider "scaleway" { region = "fr-par" }
resource "scaleway_object_bucket" "records" {
  name = "records"
  tags = { data_classification = "sensitive" }
}
resource "scaleway_rdb_instance" "db" {
  node_type = "DB-DEV-S"
  engine    = "PostgreSQL-15"
  tags      = ["data_classification=sensitive"]
}
"#,
                )],
                // Google Cloud in Paris is not qualified.
                &[(
                    "main.tf",
                    r#"provider "google" { region = "europe-west9" }
resource "google_storage_bucket" "records" {
  name     = "records"
  location = "europe-west9"
  labels   = { data_classification = "sensitive" }
}
"#,
                )],
                // AWS, region unknown: no region of AWS is qualified.
                &[(
                    "main.tf",
                    r#"variable "region" {}
provider "aws" { region = var.region }
resource "aws_s3_bucket" "archive" {
  tags = { data_classification = "sensitive" }
}
"#,
                )],
                // Outscale eu-west-2: a qualification the catalog has not confirmed, a warning.
                &[(
                    "main.tf",
                    r#"terraform {
  required_providers {
    outscale = { source = "outscale/outscale" }
  }
}
provider "outscale" {
  api {
    region = "eu-west-2"
  }
}
resource "outscale_volume" "archives" {
  subregion_name = "eu-west-2a"
  size           = 100
  tags {
    key   = "data_classification"
    value = "sensitive"
  }
}
"#,
                )],
            ])
            .test();
    }
}
