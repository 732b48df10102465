use super::super::hosting;
use crate::check::{Context, Finding, Rule, RuleId, RuleMeta, Scope, Severity, Subject};

pub struct Sov003;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV003"),
    name: "outside-allowed-geography",
    severity: Severity::Error,
    scope: Scope::Resource,
    summary: "Data stored outside the allowed geography",
    doc: r#"**What.** A resource classified `internal` or `sensitive` is stored in a region whose country is outside the allowed geography (the EU by default; `geography = "FR"` or a list of countries in `.souverain.hcl`). A multi-region (GCS `US`, `ASIA`) or an unpinned location (`global`) counts as outside unless every country it may use is allowed.

**Why.** SecNumCloud requires customer data, backups and technical data to be stored and processed in the EU (§ 19.2–19.3); the 2018 strategy keeps less sensitive data in a dedicated cloud under French or EU law.

**Example.**
```hcl
resource "aws_s3_bucket" "archive" {
  region = "us-east-1"
  tags   = { data_classification = "internal" }
}
```

**Fix.** Pin the resource to a region in the allowed geography (`eu-west-3`, `francecentral`, `europe-west9`, …)."#,
};

impl Rule for Sov003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_resource(&self, cx: &Context<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
        if !hosting::requirements(cx, s.level()).geography {
            return;
        }
        let (Some(vendor), Some(region)) = (s.record.vendor.as_deref(), s.record.region.as_deref())
        else {
            return;
        };
        let Some(info) = cx.catalog.region(vendor, region) else {
            return;
        };
        if !info.unpinned && hosting::allowed(cx, &info.countries) {
            return;
        }
        let where_ = if info.unpinned {
            "an unpinned location".to_string()
        } else {
            info.countries.join(", ")
        };
        // An unconfirmed fact never makes an error on its own.
        let (severity, unconfirmed) = if info.confirmed {
            (META.severity, "")
        } else {
            (
                Severity::Warning,
                " (region facts unconfirmed in the catalog)",
            )
        };
        let mut finding = s.finding(
            &META,
            severity,
            format!(
                "{} data in region {region} ({where_}), outside {}{unconfirmed}",
                s.level().map(|l| l.as_str()).unwrap_or_default(),
                hosting::geography_name(cx)
            ),
        );
        finding.help = Some(format!(
            "pin the resource to a region in {}",
            hosting::geography_name(cx)
        ));
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
                // Internal data in Paris.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "archive" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // Public data may leave the EU.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "us-east-1" }
resource "aws_s3_bucket" "site" {
  tags = { data_classification = "public" }
}
"#,
                )],
                // The GCS `EU` multi-region uses EU countries only.
                &[(
                    "main.tf",
                    r#"provider "google" { region = "europe-west9" }
resource "google_storage_bucket" "stats" {
  name     = "stats"
  location = "EU"
  labels   = { data_classification = "internal" }
}
"#,
                )],
                // The resource's own region wins over the provider's.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "us-east-1" }
resource "aws_s3_bucket" "archive" {
  region = "eu-west-3"
  tags = { data_classification = "internal" }
}
"#,
                )],
                // A list of countries in `.souverain.hcl` allows Frankfurt.
                &[
                    (".souverain.hcl", "geography = [\"FR\", \"DE\"]\n"),
                    (
                        "main.tf",
                        r#"provider "aws" { region = "eu-central-1" }
resource "aws_s3_bucket" "archive" {
  tags = { data_classification = "internal" }
}
"#,
                    ),
                ],
            ])
            .fail(&[
                // A BigQuery dataset without `location` goes to the US multi-region,
                // whatever the provider's region.
                &[(
                    "main.tf",
                    r#"provider "google" { region = "europe-west9" }
resource "google_bigquery_dataset" "stats" {
  dataset_id = "stats"
  labels     = { data_classification = "internal" }
}
"#,
                )],
                // Internal data in the US.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "us-east-1" }
resource "aws_s3_bucket" "archive" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // The GCS `US` multi-region is outside the EU.
                &[(
                    "main.tf",
                    r#"provider "google" { region = "europe-west9" }
resource "google_storage_bucket" "stats" {
  name     = "stats"
  location = "US"
  labels   = { data_classification = "internal" }
}
"#,
                )],
                // An unpinned location (Azure `global`) counts as outside.
                &[(
                    "main.tf",
                    r#"provider "azurerm" {
  features {}
}
resource "azurerm_storage_account" "docs" {
  name                     = "docs"
  resource_group_name      = "rg"
  location                 = "global"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  tags                     = { data_classification = "internal" }
}
"#,
                )],
                // `geography = "FR"`: Frankfurt is outside.
                &[
                    (".souverain.hcl", "geography = \"FR\"\n"),
                    (
                        "main.tf",
                        r#"provider "aws" { region = "eu-central-1" }
resource "aws_s3_bucket" "archive" {
  tags = { data_classification = "internal" }
}
"#,
                    ),
                ],
                // A region whose facts the catalog has not confirmed: a warning.
                &[(
                    "main.tf",
                    r#"provider "google" { region = "africa-south1" }
resource "google_storage_bucket" "stats" {
  name     = "stats"
  location = "africa-south1"
  labels   = { data_classification = "internal" }
}
"#,
                )],
            ])
            .test();
    }
}
