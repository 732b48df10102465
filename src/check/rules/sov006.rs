use super::super::hosting;
use crate::check::{Context, Finding, Related, Rule, RuleId, RuleMeta, Scope, Severity, Subject};
use crate::level::Level;
use crate::resolve::Target;

pub struct Sov006;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV006"),
    name: "replication-breaks-requirements",
    severity: Severity::Error,
    scope: Scope::Resource,
    summary: "Data is replicated, backed up or copied to a destination its level forbids",
    doc: r#"**What.** A resource holding `internal` or `sensitive` data copies it somewhere its level does not allow: an S3 replication rule to a bucket elsewhere, DynamoDB replicas, Azure geo-redundant storage (GRS, RA-GRS, GZRS, RA-GZRS) or SQL geo-backups in the paired region, Cosmos DB `geo_location`s, a GCS multi-region, Secret Manager automatic replication, Pub/Sub persistence regions, snapshot storage locations… Each destination is judged like a primary location: allowed geography, and for sensitive data a qualified offer in that region. A destination that cannot be resolved is a warning.

**Why.** SecNumCloud requires backups and copies to stay in the EU (§ 19.2); a qualified primary region does not make an unqualified replica region compliant. Some copies are defaults: `azurerm_mssql_database` backs up to the paired region unless `storage_account_type` says otherwise.

**Example.**
```hcl
resource "azurerm_storage_account" "docs" {
  location                 = "francecentral"
  account_replication_type = "GRS"          # a copy in the paired region
  tags = { data_classification = "internal" }
}
```

**Fix.** Keep copies inside the allowed geography and on qualified offers: `LRS`/`ZRS`, `storage_account_type = "Local"`, user-managed replication to allowed regions, a single-region bucket."#,
};

impl Rule for Sov006 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_resource(&self, cx: &Context<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
        let Some(level) = s
            .level()
            .filter(|_| hosting::requirements(cx, s.level()).any())
        else {
            return;
        };
        for replica in &s.record.replicas {
            let (vendor, region, unresolved) = match &replica.target {
                Target::Unknown(reason) => (None, None, Some(reason.clone())),
                Target::Unpinned => (s.record.vendor.clone(), None, None),
                Target::Region(r) => (s.record.vendor.clone(), Some(r.clone()), None),
                Target::Resource(address) => match s.other(address) {
                    Some(other) => (other.vendor.clone(), other.region.clone(), None),
                    None => (None, None, Some(format!("{address} is not in this root"))),
                },
            };
            let problem = match (
                &replica.target,
                unresolved,
                vendor.as_deref(),
                region.as_deref(),
            ) {
                (_, Some(reason), ..) => Some((
                    Severity::Warning,
                    format!("destination unresolved: {reason}"),
                )),
                (Target::Unpinned, ..) => Some((
                    META.severity,
                    "the provider chooses where the copies go: no region is pinned".to_string(),
                )),
                (_, None, Some(v), Some(r)) => judge(cx, level, s, v, r),
                _ => Some((Severity::Warning, "destination unresolved".to_string())),
            };
            let Some((severity, why)) = problem else {
                continue;
            };
            let mut finding = s.finding(
                &META,
                severity,
                format!("{level} data copied through {}: {why}", replica.attribute),
            );
            finding.related.insert(
                0,
                Related {
                    span: replica.span,
                    note: "sends a copy here".into(),
                },
            );
            finding.cause = format!(
                "{}|{}|{:?}",
                finding.cause, replica.attribute, replica.target
            );
            finding.help = Some(format!(
                "keep copies in {} and, for sensitive data, on a qualified offer",
                hosting::geography_name(cx)
            ));
            out.push(finding);
        }
    }
}

/// Why a copy in `region` of `vendor` breaks the level's requirements, if it does.
fn judge(
    cx: &Context<'_>,
    level: Level,
    s: &Subject<'_>,
    vendor: &str,
    region: &str,
) -> Option<(Severity, String)> {
    let Some(info) = cx.catalog.region(vendor, region) else {
        return Some((
            Severity::Warning,
            format!("region {region} of {vendor} is not in the catalog"),
        ));
    };
    if info.unpinned || !hosting::allowed(cx, &info.countries) {
        let place = if info.unpinned {
            "an unpinned location".to_string()
        } else {
            info.countries.join(", ")
        };
        // An unconfirmed fact never makes an error on its own (as in SOV003).
        let (severity, unconfirmed) = if info.confirmed {
            (META.severity, "")
        } else {
            (
                Severity::Warning,
                " (region facts unconfirmed in the catalog)",
            )
        };
        return Some((
            severity,
            format!(
                "{region} ({place}) is outside {}{unconfirmed}",
                hosting::geography_name(cx)
            ),
        ));
    }
    if hosting::requirements(cx, Some(level)).qualification
        && !hosting::is_internal_cloud(cx, vendor)
    {
        let (valid, _) = hosting::qualifications(
            cx,
            vendor,
            Some(region),
            &s.record.kind,
            s.class.category.as_deref(),
        );
        if valid.is_empty() {
            return Some((
                META.severity,
                format!("{region} is not covered by a SecNumCloud qualification of {vendor}"),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::check::tester::Tester;

    #[test]
    fn cases() {
        Tester::new(&super::META)
            .pass(&[
                // Public data may be copied anywhere.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "public" }
  replica {
    region_name = "us-east-1"
  }
}
"#,
                )],
                // An internal replica in Frankfurt stays in the EU.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "internal" }
  replica {
    region_name = "eu-central-1"
  }
}
"#,
                )],
                // GRS from West Europe copies to North Europe (Ireland), in the EU.
                &[(
                    "main.tf",
                    r#"provider "azurerm" {
  features {}
}
resource "azurerm_storage_account" "docs" {
  name                     = "docs"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  tags                     = { data_classification = "internal" }
}
"#,
                )],
            ])
            .fail(&[
                // Secret Manager's automatic replication: Google chooses where the copies
                // go.
                &[(
                    "main.tf",
                    r#"provider "google" { region = "europe-west9" }
resource "google_secret_manager_secret" "token" {
  secret_id = "token"
  labels    = { data_classification = "internal" }
  replication {
    auto {}
  }
}
"#,
                )],
                // A dual-region whose members the catalog has not confirmed (EUR5: Belgium
                // and London): a warning, never an error on an unconfirmed fact alone.
                &[(
                    "main.tf",
                    r#"provider "google" { region = "europe-west1" }
resource "google_storage_bucket" "shared" {
  name     = "shared"
  location = "EUR5"
  labels   = { data_classification = "internal" }
}
"#,
                )],
                // A replica in a non-EU region.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "internal" }
  replica {
    region_name = "us-east-1"
  }
}
"#,
                )],
                // A multi-region key: the provider chooses where the copies go.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_kms_key" "data" {
  multi_region = true
  tags         = { data_classification = "internal" }
}
"#,
                )],
                // Sensitive data: an EU replica region must be qualified too.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "sensitive" }
  replica {
    region_name = "eu-central-1"
  }
}
"#,
                )],
                // A replica region from a variable with no value: a warning.
                &[(
                    "main.tf",
                    r#"variable "replica_region" {}
provider "aws" { region = "eu-west-3" }
resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "internal" }
  replica {
    region_name = var.replica_region
  }
}
"#,
                )],
            ])
            .test();
    }
}
