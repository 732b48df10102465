use crate::check::{Context, Finding, Rule, RuleId, RuleMeta, Scope, Severity, Subject};

pub struct Sov008;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV008"),
    name: "unclassified-data",
    severity: Severity::Info,
    scope: Scope::Resource,
    summary: "A data-holding resource has no sensitivity classification",
    doc: r#"**What.** A resource that holds data (storage, database, queue, secrets, logs, backups…) carries no classification tag or label, no enclosing module call classifies it, and no `classify` rule or `default_level` of `.souverain.hcl` applies. A tag whose value is not known statically or not in the vocabulary is reported too, as a warning.

**Why.** The doctrine's requirements depend on how sensitive the data is; souverain cannot judge what it does not know.

**Example.** `resource "aws_s3_bucket" "exports" {}`

**Fix.** Tag it: `tags = { data_classification = "sensitive" }` (AWS, Azure, Scaleway `"data_classification=sensitive"`, Outscale `tags { key value }`), `labels = { data_classification = "internal" }` (Google); or classify it in `.souverain.hcl` with a `classify` rule or a `default_level`."#,
};

impl Rule for Sov008 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_resource(&self, _cx: &Context<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
        let Some(category) = &s.class.category else {
            return;
        };
        if s.level().is_some() || !s.record.hosted {
            return;
        }
        let mut finding = match &s.class.unknown {
            Some(why) => s.finding(
                &META,
                Severity::Warning,
                format!("{category} with an unusable classification: {why}"),
            ),
            None => s.finding(
                &META,
                META.severity,
                format!("{category} with no sensitivity classification"),
            ),
        };
        finding.help = Some("tag it (data_classification = public | internal | sensitive) or classify it in .souverain.hcl".into());
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
                // Tagged.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "exports" {
  tags = { data_classification = "public" }
}
"#,
                )],
                // Classified by `default_level`.
                &[
                    (".souverain.hcl", "default_level = \"internal\"\n"),
                    (
                        "main.tf",
                        r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "exports" {}
"#,
                    ),
                ],
                // Classified by a `classify` rule.
                &[
                    (
                        ".souverain.hcl",
                        r#"classify {
  type  = "aws_s3_bucket"
  level = "public"
}
"#,
                    ),
                    (
                        "main.tf",
                        r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "exports" {}
"#,
                    ),
                ],
                // A vocabulary added in `.souverain.hcl`.
                &[
                    (
                        ".souverain.hcl",
                        r#"classification {
  keys   = ["niveau"]
  values = { "tres-sensible" = "sensitive" }
}
"#,
                    ),
                    (
                        "main.tf",
                        r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "exports" {
  tags = { niveau = "tres-sensible" }
}
"#,
                    ),
                ],
                // An IAM role holds no data.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = "{}"
}
"#,
                )],
            ])
            .fail(&[
                // No classification: info.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "exports" {}
"#,
                )],
                // A value outside the vocabulary: a warning.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "typo" {
  tags = { data_classification = "secrete" }
}
"#,
                )],
                // A value not known statically: a warning.
                &[(
                    "main.tf",
                    r#"variable "level" {}
provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "exports" {
  tags = { data_classification = var.level }
}
"#,
                )],
            ])
            .test();
    }
}
