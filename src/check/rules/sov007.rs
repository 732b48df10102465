use super::super::hosting;
use crate::check::{Context, Finding, Related, RootView, Rule, RuleId, RuleMeta, Scope, Severity};

pub struct Sov007;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV007"),
    name: "state-backend-placement",
    severity: Severity::Error,
    scope: Scope::Root,
    summary: "The Terraform state is stored where the root's most sensitive data may not go",
    doc: r#"**What.** The root module's state backend (`backend "s3"`, `"gcs"`, `"azurerm"`, HCP Terraform…) is on an operator or in a region that breaks the requirements of the most sensitive data managed by that root. The finding has no resource address: it is about the root.

**Why.** The state holds every attribute of every resource, secrets included (database passwords, keys, connection strings). Storing it with a US provider exposes what the resources themselves were kept away from.

**Example.**
```hcl
terraform {
  backend "s3" { bucket = "tfstate", region = "eu-west-3" }   # AWS: US jurisdiction
}
# … while the root holds sensitive data on S3NS
```

**Fix.** Store the state with an operator and in a region that meet the data's level: an S3-compatible bucket on a qualified offer (Outscale OOS in `cloudgouv-eu-west-1` through `endpoints { s3 = … }`), or a State internal cloud."#,
};

impl Rule for Sov007 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_root(&self, cx: &Context<'_>, root: &RootView<'_>, out: &mut Vec<Finding>) {
        let (Some(level), Some(holder)) = (root.level, root.most_sensitive) else {
            return;
        };
        let needs = hosting::requirements(cx, Some(level));
        if !needs.any() {
            return;
        }
        let b = root.backend;
        if !b.hosted {
            return;
        }
        let mut problems = Vec::new();
        // The finding is as severe as its worst problem: an exposure is only a warning for
        // data that needs no immunity, as in SOV002.
        let mut severity = Severity::Info;
        let vendor = b.vendor.as_deref().and_then(|v| cx.catalog.vendor(v));
        match (vendor, b.region.as_deref()) {
            (Some(v), _) if v.internal_cloud => return,
            (Some(v), region) => {
                let valid = if needs.qualification {
                    hosting::qualifications(cx, &v.id, region, &b.kind, Some("object-storage")).0
                } else {
                    Vec::new()
                };
                let in_region = region.map(|r| format!(" in {r}")).unwrap_or_default();
                if needs.qualification && valid.is_empty() {
                    severity = Severity::Error;
                    problems.push(format!(
                        "{} is not a SecNumCloud-qualified offer{in_region}",
                        v.name
                    ));
                } else if let Some(q) = valid.first().filter(|_| valid.iter().all(|q| !q.confirmed))
                {
                    // Only an unconfirmed qualification covers it: a warning, as in SOV001.
                    severity = severity.max(Severity::Warning);
                    problems.push(format!(
                        "the catalog marks the qualification {} of {}{in_region} as unconfirmed",
                        q.id, v.name
                    ));
                }
                if let Some(exposure) = needs.exposure
                    && !v.extraterritorial_laws.is_empty()
                {
                    severity = severity.max(exposure);
                    problems.push(format!(
                        "{} is exposed to {}",
                        v.name,
                        v.extraterritorial_laws.join(", ")
                    ));
                }
                // The region as the backend writes it: the catalog's entry may be a
                // pattern (`us-*`).
                if let Some((region, info)) =
                    region.and_then(|r| Some((r, cx.catalog.region(&v.id, r)?)))
                    && (info.unpinned || !hosting::allowed(cx, &info.countries))
                {
                    severity = Severity::Error;
                    problems.push(format!(
                        "region {region} is outside {}",
                        hosting::geography_name(cx)
                    ));
                }
            }
            (None, _) => {}
        }
        if problems.is_empty() && (b.vendor.is_none() || b.region.is_none()) {
            severity = if cx.fail_on_unresolved {
                Severity::Error
            } else {
                Severity::Warning
            };
            problems.push(format!(
                "where the state is stored is unresolved: {}",
                b.unresolved.join("; ")
            ));
        }
        if problems.is_empty() {
            return;
        }
        let mut related: Vec<Related> = b
            .causes
            .iter()
            .map(|s| Related {
                span: *s,
                note: "decides where the state is stored".into(),
            })
            .collect();
        related.push(Related {
            span: holder.span,
            note: format!("{} holds {level} data", holder.address),
        });
        out.push(Finding {
            rule: META.id,
            severity,
            root: b.root.clone(),
            resource: None,
            span: b.span,
            related,
            message: format!(
                "the {} backend stores the state of a root holding {level} data: {}",
                b.kind,
                problems.join("; ")
            ),
            help: Some(format!(
                "the state holds every attribute, secrets included: {}",
                hosting::alternatives(cx, Some("object-storage"))
            )),
            suppressed: None,
            cause: format!(
                "{}|{}|{}",
                b.kind,
                b.vendor.as_deref().unwrap_or(""),
                b.region.as_deref().unwrap_or("")
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tester::Tester;

    /// A root's data: sensitive, on S3NS's qualified region (where its state goes is
    /// what each case varies).
    const SENSITIVE_ON_S3NS: &str = r#"provider "google" {
  universe_domain = "s3nsapis.fr"
  region          = "u-france-east1"
}
resource "google_storage_bucket" "records" {
  name     = "records"
  location = "u-france-east1"
  labels   = { data_classification = "sensitive" }
}
"#;

    #[test]
    fn cases() {
        Tester::new(&super::META)
            .pass(&[
                // The state on Outscale OOS in its qualified region, for sensitive data.
                &[
                    (
                        "main.tf",
                        r#"terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "root.tfstate"
    region = "cloudgouv-eu-west-1"
    endpoints = { s3 = "https://oos.cloudgouv-eu-west-1.outscale.com" }
  }
}
"#,
                    ),
                    ("data.tf", SENSITIVE_ON_S3NS),
                ],
                // A local backend stores nothing in a cloud.
                &[
                    (
                        "main.tf",
                        r#"terraform {
  backend "local" {}
}
"#,
                    ),
                    ("data.tf", SENSITIVE_ON_S3NS),
                ],
                // A root holding only public data.
                &[(
                    "main.tf",
                    r#"terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "root.tfstate"
    region = "us-east-1"
  }
}
provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "site" {
  tags = { data_classification = "public" }
}
"#,
                )],
            ])
            .fail(&[
                // A root holding sensitive data on S3NS, its state on AWS.
                &[
                    (
                        "main.tf",
                        r#"terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "root.tfstate"
    region = "eu-west-3"
  }
}
"#,
                    ),
                    ("data.tf", SENSITIVE_ON_S3NS),
                ],
                // The state outside the EU: the message names the backend's own region,
                // not the catalog's pattern for it (`us-*`).
                &[
                    (
                        "main.tf",
                        r#"terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "root.tfstate"
    region = "us-east-1"
  }
}
"#,
                    ),
                    ("data.tf", SENSITIVE_ON_S3NS),
                ],
                // Internal data, its state in Paris on AWS: exposed to US law, a warning
                // as in SOV002 (immunity is required of sensitive data only).
                &[(
                    "main.tf",
                    r#"terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "hr.tfstate"
    region = "eu-west-3"
  }
}
provider "aws" { region = "eu-west-3" }
resource "aws_db_instance" "hr" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // The state on Outscale eu-west-2, whose qualification the catalog has not
                // confirmed: a warning that says so, as SOV001 gives the same placement.
                &[
                    (
                        "main.tf",
                        r#"terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "root.tfstate"
    region = "eu-west-2"
    endpoints = { s3 = "https://oos.eu-west-2.outscale.com" }
  }
}
"#,
                    ),
                    ("data.tf", SENSITIVE_ON_S3NS),
                ],
                // A gcs backend (Google Cloud) for sensitive data: no region needed to fail.
                &[
                    (
                        "main.tf",
                        r#"terraform {
  backend "gcs" {
    bucket = "tfstate"
  }
}
"#,
                    ),
                    ("data.tf", SENSITIVE_ON_S3NS),
                ],
                // Internal data, its state on Outscale's US region: outside the EU.
                &[(
                    "main.tf",
                    r#"terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "root.tfstate"
    region = "us-east-2"
    endpoints = { s3 = "https://oos.us-east-2.outscale.com" }
  }
}
provider "aws" { region = "eu-west-3" }
resource "aws_db_instance" "hr" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // A backend the catalog does not know: a warning.
                &[
                    (
                        "main.tf",
                        r#"terraform {
  backend "pg" {
    conn_str = "postgres://state.example.org/terraform"
  }
}
"#,
                    ),
                    ("data.tf", SENSITIVE_ON_S3NS),
                ],
            ])
            .test();
    }
}
