use crate::check::{RuleId, RuleMeta, Scope, Severity};

/// Findings of this rule are produced while suppression comments are applied
/// (`check::suppressions`), not by looking at resources.
pub struct Sov009;

pub static META: RuleMeta = RuleMeta {
    id: RuleId::declare("SOV009"),
    name: "suppression-problem",
    severity: Severity::Warning,
    scope: Scope::Comment,
    summary: "A suppression comment is malformed, has no reason, names an unknown rule, has expired, is not allowed or is unused",
    doc: r#"**What.** A `# souverain:ignore SOV00x -- reason` comment that souverain cannot honour: malformed, with no reason after `--`, naming a rule that does not exist, past its `until=` date, silencing a rule the configuration made non-suppressible, or matching no finding.

**Why.** A suppression is a recorded decision: who accepted which risk, why, and until when. One without a reason or that outlived its purpose hides risk instead of documenting it.

**Example.**
```hcl
# souverain:ignore SOV001
resource "aws_s3_bucket" "legacy" {}
```

**Fix.** Give the reason (`# souverain:ignore SOV001 until=2027-06-30 -- migration to S3NS planned, ticket 123`), fix the rule id, renew or remove the expired comment, remove unused ones."#,
};

impl super::super::Rule for Sov009 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tester::Tester;

    #[test]
    fn cases() {
        Tester::new(&super::META)
            .pass(&[
                // A valid suppression, with a reason and a future end date.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV002 until=2027-06-30 -- migration to Outscale planned (ticket 42)
resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // On the block's first line, after the `{`.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
resource "aws_s3_bucket" "b" { # souverain:ignore SOV002 -- accepted by the data owner
  tags = { data_classification = "internal" }
}
"#,
                )],
                // `until=` is the last day it applies: today is not expired.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV002 until=2026-06-01 -- last day of the waiver
resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // On a module call, for the resources inside.
                &[
                    (
                        "main.tf",
                        r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV002 -- the whole legacy store
module "legacy" {
  source = "./store"
}
"#,
                    ),
                    (
                        "store/main.tf",
                        r#"resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                    ),
                ],
                // A comment separated from the block by a blank line is not attached to it.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV002

resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
            ])
            .fail(&[
                // Malformed: `until` without `=`.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV002 until 2027-06-30 -- migration planned
resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // No reason after `--`.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV002
resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // An unknown rule.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV999 -- no such rule
resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // Expired.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV002 until=2026-01-31 -- waiver ended
resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
                // Unused: a rule that ran (here SOV009 itself) found nothing on the block.
                &[(
                    "main.tf",
                    r#"provider "aws" { region = "eu-west-3" }
# souverain:ignore SOV009 -- nothing to silence
resource "aws_s3_bucket" "b" {
  tags = { data_classification = "internal" }
}
"#,
                )],
            ])
            .test();
    }
}
