//! Case 5: the trust boundary of configuration. `--config` replaces a `.souverain.hcl`
//! found in the repository, and `--non-suppressible` pins rules that neither the
//! repository's configuration nor a suppression comment can silence.

use crate::souverain;
use crate::support::tree;

/// What a pull request could write to silence SOV001: turn it off in the repository's
/// configuration and suppress it inline.
fn silenced_tree() -> tempfile::TempDir {
    tree(&[
        (".git/HEAD", "ref: refs/heads/main\n"),
        (
            ".souverain.hcl",
            "rules {\n  SOV001 = \"off\"\n  SOV002 = \"off\"\n}\n",
        ),
        (
            "main.tf",
            r#"provider "aws" {
  region = "eu-west-3"
}

# souverain:ignore SOV001,SOV002 -- we promise to migrate
resource "aws_s3_bucket" "records" {
  tags = { data_classification = "sensitive" }
}
"#,
        ),
    ])
}

fn open_rules(stdout: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(stdout).unwrap();
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_repository_configuration_applies_without_config() {
    let dir = silenced_tree();
    let run = souverain(dir.path(), &["check", ".", "--format", "json"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!open_rules(&run.stdout).contains(&"SOV001".to_string()));
}

#[test]
fn config_replaces_the_repository_configuration() {
    let dir = silenced_tree();
    let ci = tempfile::tempdir().unwrap();
    let ci_config = ci.path().join("ci.hcl");
    std::fs::write(&ci_config, "non_suppressible = [\"SOV001\"]\n").unwrap();
    let run = souverain(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "json",
            "--config",
            ci_config.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rules = open_rules(&run.stdout);
    // The repository's `rules` block is not read; SOV002's suppression still applies.
    assert!(rules.contains(&"SOV001".to_string()), "{rules:?}");
    assert!(!rules.contains(&"SOV002".to_string()), "{rules:?}");
}

#[test]
fn non_suppressible_rules_beat_the_repository_configuration_and_comments() {
    let dir = silenced_tree();
    let run = souverain(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "json",
            "--non-suppressible",
            "sov001",
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rules = open_rules(&run.stdout);
    assert!(rules.contains(&"SOV001".to_string()), "{rules:?}");
    // SOV002 was not pinned: the repository may still turn it off.
    assert!(!rules.contains(&"SOV002".to_string()), "{rules:?}");
    let run = souverain(
        dir.path(),
        &["check", ".", "--non-suppressible", "SOV1"],
        &[],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a rule id"), "{}", run.stderr);
}
