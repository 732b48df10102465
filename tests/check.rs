//! `souverain check` on `testdata/check/SOV00x/{fail,pass}`: snapshots of the human output
//! (fixed width, no colour) and of the JSON for every rule, and assertions on what each
//! fixture is there to prove.

mod support;

use serde_json::Value;
use std::path::Path;
use support::tree;

const TODAY: &str = "2026-11-23";

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/check")
}

fn run(args: &[&str]) -> (i32, String, String) {
    support::souverain(&fixtures(), args, &[], None)
}

fn check_json(tree: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", tree, "--format", "json"];
    if !extra.contains(&"--today") {
        args.extend(["--today", TODAY]);
    }
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args);
    let doc =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{tree}: {e}\n{stdout}\n{stderr}"));
    (code, doc)
}

/// (rule, severity, address) of every open finding of a root.
fn findings(doc: &Value, root: &str) -> Vec<(String, String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["root"] == root)
        .map(|f| {
            (
                f["rule"].as_str().unwrap().into(),
                f["severity"].as_str().unwrap().into(),
                f["address"].as_str().unwrap_or("-").into(),
            )
        })
        .collect()
}

fn has(doc: &Value, root: &str, rule: &str, severity: &str) -> bool {
    findings(doc, root)
        .iter()
        .any(|(r, s, _)| r == rule && s == severity)
}

macro_rules! rule_fixture {
    ($name:ident, $dir:expr, $rule:expr, $severity:expr) => {
        #[test]
        fn $name() {
            let (code, doc) = check_json($dir, &[]);
            assert!(
                has(&doc, "fail", $rule, $severity),
                "{} fails with {}: {:#?}",
                $dir,
                $severity,
                findings(&doc, "fail")
            );
            assert!(
                !findings(&doc, "pass").iter().any(|(r, _, _)| r == $rule),
                "{} passes: {:#?}",
                $dir,
                findings(&doc, "pass")
            );
            let failing = doc["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["severity"] == "error");
            assert_eq!(
                code,
                i32::from(failing),
                "exit code follows the error findings"
            );
            insta::assert_json_snapshot!(concat!(stringify!($name), "_json"), doc);
            let (_, human, _) = run(&["check", $dir, "--today", TODAY]);
            insta::assert_snapshot!(concat!(stringify!($name), "_human"), human);
        }
    };
}

rule_fixture!(sov001, "sov001", "SOV001", "error");
rule_fixture!(sov002, "sov002", "SOV002", "warning");
rule_fixture!(sov003, "sov003", "SOV003", "error");
rule_fixture!(sov004, "sov004", "SOV004", "warning");
rule_fixture!(sov005, "sov005", "SOV005", "warning");
rule_fixture!(sov006, "sov006", "SOV006", "error");
rule_fixture!(sov007, "sov007", "SOV007", "error");
rule_fixture!(sov008, "sov008", "SOV008", "info");
rule_fixture!(sov009, "sov009", "SOV009", "warning");

#[test]
fn expired_qualifications_are_errors() {
    let (code, doc) = check_json("sov004/fail", &["--today", "2027-01-01"]);
    assert!(has(&doc, ".", "SOV004", "error"), "{doc:#}");
    assert_eq!(code, 1);
}

#[test]
fn sensitive_data_on_a_us_operator_is_an_error_and_internal_a_warning() {
    let (_, doc) = check_json("sov001", &[]);
    assert!(has(&doc, "fail", "SOV002", "error"));
    let (_, doc) = check_json("sov002", &[]);
    assert!(has(&doc, "fail", "SOV002", "warning"));
}

#[test]
fn unresolved_hosting_fails_on_request() {
    let (code, doc) = check_json("sov005/fail", &["--fail-on-unresolved"]);
    assert!(has(&doc, ".", "SOV005", "error"));
    assert_eq!(code, 1);
}

#[test]
fn findings_point_at_the_resource_and_its_causes() {
    let (_, doc) = check_json("sov001", &[]);
    let finding = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "SOV001")
        .unwrap();
    assert_eq!(
        (finding["file"].as_str(), finding["line"].as_u64()),
        (Some("fail/main.tf"), Some(6))
    );
    let related: Vec<u64> = finding["related"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["line"].as_u64())
        .collect();
    assert!(
        related.contains(&2) && related.contains(&8) && related.contains(&9),
        "provider, location and label lines: {related:?}"
    );
    let help = finding["help"].as_str().unwrap();
    assert!(
        help.contains("S3NS u-france-east1") && help.contains("Outscale cloudgouv-eu-west-1"),
        "{help}"
    );
}

#[test]
fn suppressions_apply_to_blocks_and_module_calls_and_report_their_problems() {
    let (_, doc) = check_json("sov009/fail", &[]);
    let suppressed: Vec<&str> = doc["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["address"].as_str())
        .collect();
    assert_eq!(
        suppressed,
        [
            "aws_s3_bucket.valid",
            "aws_s3_bucket.first_line",
            "module.legacy.aws_s3_bucket.legacy"
        ]
    );
    let problems: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "SOV009")
        .filter_map(|f| f["message"].as_str())
        .collect();
    for expected in [
        "expired on 2026-01-31",
        "has no reason",
        "unknown rule SOV999",
        "unused suppression of SOV003",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
    }
    // The expired and reasonless comments do not silence anything.
    assert!(
        findings(&doc, ".")
            .iter()
            .any(|(r, _, a)| r == "SOV002" && a == "aws_s3_bucket.expired")
    );
    assert!(
        findings(&doc, ".")
            .iter()
            .any(|(r, _, a)| r == "SOV002" && a == "aws_s3_bucket.no_reason")
    );
}

#[test]
fn configuration_can_pin_rules_classify_and_restrict_geography() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("souverain.hcl");
    std::fs::write(
        &config,
        r#"
non_suppressible = ["SOV002"]
geography        = "FR"
default_level    = "internal"
classify {
  type  = "aws_s3_bucket"
  level = "sensitive"
}
rules {
  SOV008 = "off"
}
"#,
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let (_, doc) = check_json("sov009/fail", &["--config", config]);
    assert!(
        doc["suppressed"].as_array().unwrap().is_empty(),
        "SOV002 cannot be suppressed: {doc:#}"
    );
    assert!(
        has(&doc, ".", "SOV001", "error"),
        "classified sensitive by the configuration"
    );
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("non-suppressible"))
    );
    let tree = dir.path().join("frankfurt");
    std::fs::create_dir(&tree).unwrap();
    std::fs::write(
        tree.join("main.tf"),
        "provider \"aws\" {\n  region = \"eu-central-1\"\n}\nresource \"aws_sqs_queue\" \"q\" {\n  tags = { data_classification = \"internal\" }\n}\n",
    )
    .unwrap();
    let tree = tree.to_str().unwrap();
    let (_, doc) = check_json(tree, &[]);
    assert!(
        !has(&doc, ".", "SOV003", "error"),
        "Frankfurt is in the EU: {doc:#}"
    );
    let (_, doc) = check_json(tree, &["--config", config]);
    assert!(
        has(&doc, ".", "SOV003", "error"),
        "but not in France: {doc:#}"
    );
    let (_, doc) = check_json("sov008", &["--config", config]);
    assert!(
        !doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "SOV008"),
        "turned off"
    );
}

#[test]
fn nothing_to_check_is_exit_code_two() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = run(&["check", "sov001", "--today", "2026-02-31"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn explain_and_catalog_describe_rules_and_knowledge() {
    let (code, text, _) = run(&["explain", "sov001"]);
    assert_eq!(code, 0);
    assert!(
        text.starts_with("SOV001 sensitive-data-on-unqualified-offer") && text.contains("**Fix.**"),
        "{text}"
    );
    let (code, _, _) = run(&["explain", "SOV010"]);
    assert_eq!(code, 2);
    let (code, text, _) = run(&["catalog", "--vendor", "s3ns", "--format", "json"]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["vendors"][0]["id"], "s3ns");
    assert_eq!(doc["qualifications"][0]["valid_until"], "2028-12-17");
    assert!(
        doc["qualifications"][0]["source"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
}

#[test]
fn a_classification_on_a_module_call_applies_inside_it() {
    let dir = tree(&[
        (
            "main.tf",
            "provider \"aws\" {\n  region = \"eu-west-3\"\n}\nmodule \"citizens\" {\n  source              = \"./store\"\n  data_classification = \"diffusion-restreinte\"\n}\n",
        ),
        (
            "store/main.tf",
            "variable \"data_classification\" {}\nresource \"aws_s3_bucket\" \"b\" {}\n",
        ),
    ]);
    let (_, doc) = check_json(dir.path().to_str().unwrap(), &[]);
    let finding = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "SOV001")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(finding["address"], "module.citizens.aws_s3_bucket.b");
    assert!(finding["related"].as_array().unwrap().iter().any(|r| {
        r["note"]
            .as_str()
            .unwrap()
            .contains("argument of module.citizens")
    }));
}

#[test]
fn json_configuration_takes_suppressions_in_comment_properties() {
    let dir = tree(&[(
        "main.tf.json",
        r#"{"provider": {"aws": {"region": "eu-west-3"}},
 "resource": {"aws_s3_bucket": {"b": {"//": "souverain:ignore SOV008 -- generated scratch bucket", "bucket": "b"}}}}"#,
    )]);
    let (_, doc) = check_json(dir.path().to_str().unwrap(), &[]);
    assert_eq!(doc["suppressed"][0]["rule"], "SOV008", "{doc:#}");
    assert_eq!(doc["suppressed"][0]["reason"], "generated scratch bucket");
}

#[test]
fn unconfirmed_facts_never_make_an_error_on_their_own() {
    let dir = tree(&[(
        "main.tf",
        "terraform {\n  required_providers {\n    outscale = { source = \"outscale/outscale\" }\n  }\n}\nprovider \"outscale\" {\n  region = \"eu-west-2\"\n}\nresource \"outscale_volume\" \"v\" {\n  subregion_name = \"eu-west-2a\"\n  tags {\n    key   = \"data_classification\"\n    value = \"sensitive\"\n  }\n}\n",
    )]);
    let (code, doc) = check_json(dir.path().to_str().unwrap(), &[]);
    let sov001 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "SOV001")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(sov001["severity"], "warning");
    assert!(sov001["message"].as_str().unwrap().contains("unconfirmed"));
    assert_eq!(code, 0, "{doc:#}");
}

#[test]
fn configuration_that_could_not_be_read_never_passes_silently() {
    let dir = tree(&[(
        "main.tf",
        "provider \"aws\" {\n  region = \"us-east-1\"\n}\nmodule \"bucket\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n}\n",
    )]);
    let path = dir.path().to_str().unwrap();
    let (code, doc) = check_json(path, &[]);
    assert_eq!(doc["summary"]["unanalysed"], 1, "{doc:#}");
    assert_eq!(code, 0, "a module not installed is a warning by default");
    let (code, _) = check_json(path, &["--fail-on-unresolved"]);
    assert_eq!(code, 1);
    std::fs::write(
        dir.path().join("broken.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n",
    )
    .unwrap();
    let (code, _) = check_json(path, &[]);
    assert_eq!(code, 1, "an unparsable file fails the run");
}

#[test]
fn a_state_backend_on_an_s3_compatible_endpoint_is_judged_by_its_operator() {
    let dir = tree(&[(
        "main.tf",
        "terraform {\n  backend \"s3\" {\n    bucket   = \"tfstate\"\n    region   = \"gra\"\n    endpoint = \"s3.gra.io.cloud.ovh.net\"\n  }\n}\nprovider \"aws\" {\n  region = \"eu-west-3\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  tags = { data_classification = \"sensitive\" }\n}\n",
    )]);
    let (_, doc) = check_json(dir.path().to_str().unwrap(), &[]);
    let sov007 = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "SOV007")
        .unwrap_or_else(|| panic!("{doc:#}"));
    let message = sov007["message"].as_str().unwrap();
    assert!(
        message.contains("OVHcloud") && !message.contains("cloud-act"),
        "{message}"
    );
    assert_eq!(sov007["address"], Value::Null);
}

#[test]
fn the_doctrine_data_decides_what_each_level_requires() {
    // A policy set where internal data must be immune to non-EU law too.
    let dir = tempfile::tempdir().unwrap();
    let policies = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
    for entry in std::fs::read_dir(&policies).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "hcl") {
            let mut text = std::fs::read_to_string(&path).unwrap();
            if path.ends_with("doctrine.hcl") {
                let internal = text.find("level \"internal\"").unwrap();
                let at = internal
                    + text[internal..]
                        .find("requires_immunity      = false")
                        .unwrap();
                text.replace_range(
                    at..at + "requires_immunity      = false".len(),
                    "requires_immunity      = true",
                );
            }
            std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
    }
    let (_, doc) = check_json("sov002", &[]);
    assert!(has(&doc, "fail", "SOV002", "warning"));
    let (code, doc) = check_json("sov002", &["--policies", dir.path().to_str().unwrap()]);
    assert!(has(&doc, "fail", "SOV002", "error"), "{doc:#}");
    assert_eq!(code, 1);
}

#[test]
fn an_unknown_region_is_reported_only_when_it_could_change_the_verdict() {
    let config = |provider: &str, resource: &str| {
        format!("variable \"region\" {{}}\n{provider}\n{resource}\n")
    };
    let aws = tree(&[(
        "main.tf",
        &config(
            "provider \"aws\" {\n  region = var.region\n}",
            "resource \"aws_s3_bucket\" \"b\" {\n  tags = { data_classification = \"sensitive\" }\n}",
        ),
    )]);
    let (_, doc) = check_json(aws.path().to_str().unwrap(), &[]);
    assert!(
        has(&doc, ".", "SOV001", "error"),
        "AWS has no qualified region: {doc:#}"
    );
    assert!(
        !has(&doc, ".", "SOV005", "warning"),
        "so the region changes nothing: {doc:#}"
    );
    let outscale = tree(&[(
        "main.tf",
        &config(
            "terraform {\n  required_providers {\n    outscale = { source = \"outscale/outscale\" }\n  }\n}\nprovider \"outscale\" {\n  region = var.region\n}",
            "resource \"outscale_volume\" \"v\" {\n  tags {\n    key   = \"data_classification\"\n    value = \"sensitive\"\n  }\n}",
        ),
    )]);
    let (_, doc) = check_json(outscale.path().to_str().unwrap(), &[]);
    assert!(
        has(&doc, ".", "SOV005", "warning"),
        "Outscale's region decides: {doc:#}"
    );
    assert!(!has(&doc, ".", "SOV001", "error"));
}

#[test]
fn s3_replication_is_judged_where_the_destination_bucket_is() {
    let dir = tree(&[(
        "main.tf",
        r#"provider "aws" {
  region = "eu-west-3"
}
resource "aws_s3_bucket" "src" {}
resource "aws_s3_bucket" "dst" {
  count  = 1
  region = "us-east-1"
}
resource "aws_s3_bucket" "near" {
  region = "eu-central-1"
}
resource "aws_s3_bucket_replication_configuration" "r" {
  bucket = aws_s3_bucket.src.id
  tags   = { data_classification = "internal" }
  rule {
    destination {
      bucket = aws_s3_bucket.dst[0].arn
    }
  }
  rule {
    destination {
      bucket = aws_s3_bucket.near.arn
    }
  }
}
"#,
    )]);
    let (_, doc) = check_json(dir.path().to_str().unwrap(), &[]);
    let sov006: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "SOV006")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(
        sov006.len(),
        1,
        "only the US copy breaks the EU requirement: {sov006:?}"
    );
    assert!(sov006[0].contains("us-east-1 (US)"), "{sov006:?}");
}

/// README.md's "Try it" command, as a reader runs it (today's date, no option), prints
/// what the README shows and exits with 0.
#[test]
fn the_readme_example_prints_what_the_readme_shows() {
    let commands = support::readme_block("## Try it", "sh");
    assert!(
        commands.contains("cargo run --release -- check testdata/example"),
        "{commands}"
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, stdout, stderr) =
        support::souverain(root, &["check", "testdata/example"], &[], None);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        support::readme_block("## Try it", "text"),
        "{stderr}"
    );
}

/// A path that does not exist, or a tree without Terraform: nothing was checked, which
/// never passes (exit 2), with the reason on standard error.
#[test]
fn nothing_checked_exits_with_2() {
    let empty = tree(&[("README.md", "no Terraform here\n")]);
    for path in ["does-not-exist", "."] {
        let (code, stdout, stderr) = support::souverain(
            empty.path(),
            &["check", path, "--format", "json"],
            &[],
            None,
        );
        assert_eq!(code, 2, "{path}: {stdout}{stderr}");
        assert!(stderr.contains("nothing was checked"), "{path}: {stderr}");
    }
}
