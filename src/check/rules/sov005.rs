use crate::check::{Context, Finding, Rule, RuleId, RuleMeta, Scope, Severity, Subject};

pub struct Sov005;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV005"),
    name: "hosting-unresolved",
    severity: Severity::Warning,
    scope: Scope::Resource,
    summary: "Where classified data is hosted could not be resolved",
    doc: r#"**What.** souverain could not tell the operator or the region of a resource holding `internal` or `sensitive` data (a variable set only in CI, a remote module not installed, a value known only after apply), or the region is not in its catalog. A warning; an error with `--fail-on-unresolved` or `fail_on_unresolved = true`.

**Why.** A value that cannot be resolved is never treated as compliant. The finding lists the reasons so you can supply the missing input.

**Example.** `provider "aws" { region = var.region }` with `var.region` set only by the CI pipeline.

**Fix.** Pass the value (`--var-file`, `--var`, a `terraform.tfvars`), run `terraform init` so that remote modules are installed, or check the plan with `souverain plan-check`."#,
};

impl Rule for Sov005 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_resource(&self, cx: &Context<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
        let Some(level) = s
            .level()
            .filter(|_| super::super::hosting::requirements(cx, s.level()).any())
        else {
            return;
        };
        let r = s.record;
        // A State internal cloud is declared whole, not per region: the catalog knows none
        // of its regions, and none is needed to judge it.
        if r.vendor
            .as_deref()
            .is_some_and(|v| super::super::hosting::is_internal_cloud(cx, v))
        {
            return;
        }
        let unknown_region = match (&r.vendor, &r.region) {
            (Some(v), Some(code)) => cx
                .catalog
                .region(v, code)
                .is_none()
                .then(|| format!("region {code} of {v} is not in the catalog")),
            _ => None,
        };
        if r.vendor.is_some() && r.region.is_some() && unknown_region.is_none() {
            return;
        }
        // SOV001 already fails whatever the region when the operator has no qualified
        // offer Terraform can tell apart: the missing region changes no verdict.
        let needs = super::super::hosting::requirements(cx, s.level());
        if let Some(vendor) = r.vendor.as_deref()
            && needs.qualification
            && !super::super::hosting::has_any_qualification(cx, vendor)
        {
            return;
        }
        let mut reasons: Vec<String> = r.unresolved.clone();
        reasons.extend(unknown_region);
        let missing = match (&r.vendor, &r.region) {
            (None, None) => "operator and region",
            (None, Some(_)) => "operator",
            _ => "region",
        };
        let severity = if cx.fail_on_unresolved {
            Severity::Error
        } else {
            META.severity
        };
        let mut finding = s.finding(
            &META,
            severity,
            format!("{level} data: {missing} unresolved: {}", reasons.join("; ")),
        );
        finding.help = Some("supply the missing value (--var-file, --var), run `terraform init` for remote modules, or check the plan with `souverain plan-check`".into());
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
                // A State internal cloud declared in .souverain.hcl: no region needed.
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
  region   = "RegionOne"
}
resource "openstack_blockstorage_volume_v3" "records" {
  size     = 10
  metadata = { data_classification = "sensitive" }
}
"#,
                    ),
                ],
                // Public data may be anywhere.
                &[(
                    "main.tf",
                    r#"variable "region" {}
provider "aws" { region = var.region }
resource "aws_sqs_queue" "events" {
  tags = { data_classification = "public" }
}
"#,
                )],
                // A variable's default resolves the region.
                &[(
                    "main.tf",
                    r#"variable "region" { default = "eu-west-3" }
provider "aws" { region = var.region }
resource "aws_sqs_queue" "events" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // Sensitive data on AWS fails SOV001 whatever the region: nothing to resolve.
                &[(
                    "main.tf",
                    r#"variable "region" {}
provider "aws" { region = var.region }
resource "aws_sqs_queue" "events" {
  tags = { data_classification = "sensitive" }
}
"#,
                )],
            ])
            .fail(&[
                // The region comes from a variable with no value.
                &[(
                    "main.tf",
                    r#"variable "region" {}
provider "aws" { region = var.region }
resource "aws_sqs_queue" "events" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // A region the catalog does not know.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-mars-1" }
resource "aws_sqs_queue" "events" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // `fail_on_unresolved = true` makes it an error.
                &[
                    (".souverain.hcl", "fail_on_unresolved = true\n"),
                    (
                        "main.tf",
                        r#"variable "region" {}
provider "aws" { region = var.region }
resource "aws_sqs_queue" "events" {
  tags = { data_classification = "internal" }
}
"#,
                    ),
                ],
                // Sensitive data on Outscale, whose qualification depends on the region.
                &[(
                    "main.tf",
                    r#"variable "region" {}
terraform {
  required_providers {
    outscale = { source = "outscale/outscale" }
  }
}
provider "outscale" {
  api {
    region = var.region
  }
}
resource "outscale_volume" "archives" {
  subregion_name = "${var.region}a"
  size           = 100
  tags {
    key   = "data_classification"
    value = "sensitive"
  }
}
"#,
                )],
                // The operator is unknown: an OpenStack `auth_url` from a variable.
                &[(
                    "main.tf",
                    r#"variable "auth_url" {}
terraform {
  required_providers {
    openstack = { source = "terraform-provider-openstack/openstack" }
  }
}
provider "openstack" {
  auth_url = var.auth_url
  region   = "GRA11"
}
resource "openstack_blockstorage_volume_v3" "hr" {
  size     = 10
  metadata = { data_classification = "sensitive" }
}
"#,
                )],
            ])
            .test();
    }
}
