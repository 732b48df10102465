use crate::check::{Context, Finding, Rule, RuleId, RuleMeta, Scope, Severity, Subject};

pub struct Sov002;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV002"),
    name: "extraterritorial-exposure",
    severity: Severity::Error,
    scope: Scope::Resource,
    summary: "Data exposed to non-EU extraterritorial law through its operator",
    doc: r#"**What.** The operator of the offer is subject to a non-EU law that lets a foreign authority compel access to data wherever it is stored: US CLOUD Act (18 U.S.C. § 2713), FISA section 702, Executive Order 12333; PRC National Intelligence Law art. 7. An error for `sensitive` data, a warning for `internal` data.

**Why.** The doctrine requires sensitive data to be immune to non-EU law (SecNumCloud 3.2 § 19.6; SREN law art. 31). A French or EU region of a US or Chinese provider does not help: the CLOUD Act reaches data in a provider's "possession, custody, or control" whatever its location.

**Example.**
```hcl
provider "aws" { region = "eu-west-3" }   # Paris, but operated by a US company
resource "aws_db_instance" "hr" { tags = { data_classification = "internal" } }
```

**Fix.** Host the data with an operator under EU jurisdiction with no non-EU exposure (the catalog lists them: OVHcloud, Outscale, Scaleway, S3NS, …), or lower the data's classification if it was wrong."#,
};

impl Rule for Sov002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_resource(&self, cx: &Context<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
        let Some(severity) = super::super::hosting::requirements(cx, s.level()).exposure else {
            return;
        };
        let Some(vendor) = s
            .record
            .vendor
            .as_deref()
            .and_then(|v| cx.catalog.vendor(v))
        else {
            return;
        };
        if vendor.extraterritorial_laws.is_empty() {
            return;
        }
        let level = s.level().map(|l| l.as_str()).unwrap_or_default();
        // An unconfirmed fact never makes an error on its own.
        let (severity, unconfirmed) = if vendor.confirmed {
            (severity, "")
        } else {
            (
                severity.min(Severity::Warning),
                " (unconfirmed in the catalog)",
            )
        };
        let mut finding = s.finding(
            &META,
            severity,
            format!(
                "{level} data operated by {} ({} jurisdiction), exposed to {}{unconfirmed}",
                vendor.name,
                vendor.jurisdiction,
                vendor.extraterritorial_laws.join(", ")
            ),
        );
        finding.help = Some("host it with an operator under EU jurisdiction and no non-EU exposure (`souverain catalog` lists them)".into());
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
                // Public data may go to any operator.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "site" {
  tags = { data_classification = "public" }
}
"#,
                )],
                // OVHcloud is under EU jurisdiction with no non-EU exposure.
                &[(
                    "main.tf",
                    r#"terraform {
  required_providers {
    openstack = { source = "terraform-provider-openstack/openstack" }
  }
}
provider "openstack" {
  auth_url = "https://auth.cloud.ovh.net/v3"
  region   = "GRA11"
}
resource "openstack_blockstorage_volume_v3" "hr" {
  size     = 10
  metadata = { data_classification = "internal" }
}
"#,
                )],
                // S3NS runs Google's provider but is a French operator.
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
                // Unclassified data is SOV008's, not an exposure.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "exports" {}
"#,
                )],
            ])
            .fail(&[
                // Sensitive data on AWS, even in Paris: an error.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_db_instance" "citizens" {
  tags = { data_classification = "sensitive" }
}
"#,
                )],
                // Internal data on AWS: a warning.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_db_instance" "hr" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // OVHcloud US: an exposure the catalog has not confirmed is only a warning, even
                // for sensitive data (classified by `default_level`).
                &[
                    (".souverain.hcl", "default_level = \"sensitive\"\n"),
                    (
                        "main.tf",
                        r#"terraform {
  required_providers {
    ovh = { source = "ovh/ovh" }
  }
}
provider "ovh" { endpoint = "ovh-us" }
resource "ovh_cloud_project_database" "exports" {
  engine = "postgresql"
}
"#,
                    ),
                ],
            ])
            .test();
    }
}
