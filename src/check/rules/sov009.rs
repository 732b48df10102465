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
