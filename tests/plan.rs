//! `souverain plan-check`: placements read from plans written to Terraform's documented
//! JSON format (`testdata/plan/plans`), the same verdicts as `check` on a static tree
//! (`testdata/plan/static`), findings located on `.tf` lines or, without sources, in the
//! plan, and the errors a plan that cannot be read gives.

mod support;

use serde_json::Value;
use souverain::catalog::Catalog;
use souverain::plan::{Options, read};
use souverain::source::{SourceFile, SourceMap};
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

fn testdata(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/plan")
        .join(path)
}

/// One line per resource the plan judges: address, provider configuration, operator,
/// region, what is unresolved, and the classification tags read.
fn placements(plan: &str, all: bool) -> String {
    let path = testdata(plan);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut sources = SourceMap::default();
    let file = sources.add(SourceFile::new(path, plan.into(), text.as_str().into()));
    let read = read(&text, file, ".", &Catalog::embedded(), &Options { all })
        .unwrap_or_else(|d| panic!("{plan}: {}", d.message));
    let mut out = String::new();
    for r in &read.resources {
        out.push_str(&format!(
            "{}  [{}]  {} / {}\n",
            r.address,
            r.provider_config.as_deref().unwrap_or("-"),
            r.vendor.as_deref().unwrap_or("?"),
            r.region
                .as_deref()
                .unwrap_or(if r.hosted { "?" } else { "not hosted" }),
        ));
        for u in &r.unresolved {
            out.push_str(&format!("    unresolved: {u}\n"));
        }
        for t in &r.tags {
            out.push_str(&format!(
                "    tag {} = {:?} ({:?})\n",
                t.key, t.value, t.origin
            ));
        }
        for c in &r.replicas {
            out.push_str(&format!("    copy {}: {:?}\n", c.attribute, c.target));
        }
    }
    for d in &read.diagnostics {
        out.push_str(&format!("diagnostic {}: {}\n", d.code, d.message));
    }
    out
}

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    support::souverain(&testdata(""), args, &[], stdin)
}

#[test]
fn single_provider() {
    insta::assert_snapshot!(placements("plans/single.json", false));
}

#[test]
fn unchanged_and_prior_state_with_all() {
    let all = placements("plans/single.json", true);
    assert!(all.contains("google_pubsub_subscription.audit"), "{all}");
    assert!(all.contains("google_bigquery_dataset.stats"), "{all}");
    // Deleted resources are never judged.
    assert!(!all.contains("google_storage_bucket.old"), "{all}");
    let changed = placements("plans/single.json", false);
    assert!(!changed.contains("google_pubsub_subscription.audit"));
    assert!(!changed.contains("google_bigquery_dataset.stats"));
}

#[test]
fn aliases() {
    insta::assert_snapshot!(placements("plans/aliases.json", false));
}

#[test]
fn provider_passed_into_nested_modules() {
    insta::assert_snapshot!(placements("plans/nested.json", false));
}

#[test]
fn old_format_inherited_providers() {
    insta::assert_snapshot!(placements("plans/old_format.json", false));
}

#[test]
fn for_each_and_count_instances() {
    insta::assert_snapshot!(placements("plans/for_each.json", false));
}

#[test]
fn unknown_values_stay_unresolved() {
    insta::assert_snapshot!(placements("plans/unknown.json", false));
}

#[test]
fn default_tags_through_tags_all() {
    insta::assert_snapshot!(placements("plans/default_tags.json", false));
}

#[test]
fn opentofu_plan() {
    insta::assert_snapshot!(placements("plans/opentofu.json", false));
}

/// (rule, severity, address, suppressed) of every finding, sorted.
fn verdicts(doc: &Value) -> Vec<(String, String, String, bool)> {
    let mut out: Vec<_> = ["findings", "suppressed"]
        .iter()
        .flat_map(|list| {
            doc[*list].as_array().unwrap().iter().map(move |f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                    f["address"].as_str().unwrap_or("-").to_string(),
                    *list == "suppressed",
                )
            })
        })
        .collect();
    out.sort();
    out
}

fn json(args: &[&str]) -> (i32, Value) {
    let (code, stdout, stderr) = run(args, None);
    let doc = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}\n{stderr}"));
    (code, doc)
}

#[test]
fn same_verdicts_as_check_when_every_value_is_static() {
    let (check_code, check) = json(&["check", "static", "--format", "json", "--today", TODAY]);
    let (plan_code, plan) = json(&[
        "plan-check",
        "static/plan.json",
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    let expected = verdicts(&check);
    assert!(expected.len() >= 6, "{expected:?}");
    assert!(
        expected.iter().any(|v| v.3),
        "a suppressed finding: {expected:?}"
    );
    assert_eq!(verdicts(&plan), expected);
    assert_eq!((check_code, plan_code), (1, 1));
    // Same identities: a baseline written by one applies to the other.
    let fingerprints = |doc: &Value| {
        let mut f: Vec<String> = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["fingerprint"].as_str().unwrap_or_default().to_string())
            .collect();
        f.sort();
        f
    };
    assert_eq!(fingerprints(&plan), fingerprints(&check));
}

#[test]
fn findings_point_at_the_configuration() {
    let (code, stdout, _) = run(
        &[
            "plan-check",
            "static/plan.json",
            "--today",
            TODAY,
            "--format",
            "human",
        ],
        None,
    );
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
    let (_, sarif) = json(&[
        "plan-check",
        "static/plan.json",
        "--config-dir",
        "static",
        "--format",
        "sarif",
        "--today",
        TODAY,
    ]);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.ends_with(".tf"), "{uri}");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn without_sources_findings_point_at_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    std::fs::copy(testdata("plans/aliases.json"), &plan).unwrap();
    let (code, doc) = json(&[
        "plan-check",
        plan.to_str().unwrap(),
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    assert_eq!(code, 1);
    let findings = doc["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert!(f["file"].as_str().unwrap().ends_with("plan.json"), "{f}");
        assert!(f["line"].as_u64().unwrap() > 1, "{f}");
        assert!(
            f["message"]
                .as_str()
                .unwrap()
                .contains("located in the plan"),
            "{f}"
        );
    }
    // The OVHcloud bucket (an S3 endpoint) is not reported as AWS.
    assert!(
        !findings
            .iter()
            .any(|f| f["address"] == "aws_s3_bucket.ovh" && f["rule"] == "SOV002")
    );
}

#[test]
fn plan_from_stdin() {
    let text = std::fs::read_to_string(testdata("plans/default_tags.json")).unwrap();
    let (code, stdout, stderr) = run(
        &["plan-check", "-", "--format", "json", "--today", TODAY],
        Some(&text),
    );
    assert_eq!(code, 1, "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        verdicts(&doc)
            .iter()
            .any(|v| v.0 == "SOV001" && v.2 == "aws_s3_bucket.reports"),
        "{stdout}"
    );
}

#[test]
fn unreadable_plans_are_errors_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "bad.json",
            "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [,]\n}\n",
            "bad.json:3:",
        ),
        (
            "v2.json",
            "{\"format_version\": \"2.0\", \"resource_changes\": []}",
            "format_version 2.0 is not supported",
        ),
        (
            "state.json",
            "{\"format_version\": \"1.0\", \"values\": {}}",
            "looks like a state",
        ),
        ("array.json", "[]", "a plan is a JSON object"),
        (
            "latin1.json",
            "",
            "latin1.json:1:3: file is not valid UTF-8",
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.path().join(name);
        let bytes = if name == "latin1.json" {
            vec![b'{', b'"', 0xe9, b'"', b'}']
        } else {
            text.as_bytes().to_vec()
        };
        std::fs::write(&path, bytes).unwrap();
        let (code, stdout, stderr) = run(&["plan-check", path.to_str().unwrap()], None);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stdout.is_empty(), "{name}: no report for an unread plan");
        assert!(stderr.contains(expected), "{name}: {stderr}");
    }
}

#[test]
fn setup_terraform_wrapper_output_and_minified_plans() {
    // What `terraform show -json` prints is one line; through hashicorp/setup-terraform's
    // wrapper it is framed by `[command]` and `::debug::` lines.
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(testdata("plans/aliases.json")).unwrap())
            .unwrap();
    let text = format!(
        "[command]/tmp/x/terraform-bin show -json tf.plan\n{}\n::debug::exitcode: 0\n",
        serde_json::to_string(&plan).unwrap()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, text).unwrap();
    let (code, stdout, stderr) = run(
        &["plan-check", path.to_str().unwrap(), "--today", TODAY],
        None,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("aws_s3_bucket.frankfurt"), "{stdout}");
    assert!(stdout.contains("plan.json:2:"), "{stdout}");
    // A one-line plan is not excerpted.
    let longest = stdout.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 300, "{longest}");
}

#[test]
fn sensitive_values_are_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    std::fs::copy(testdata("plans/secrets.json"), &plan).unwrap();
    let plan = plan.to_str().unwrap();
    let mut printed = String::new();
    for format in ["human", "json", "sarif", "github", "junit"] {
        for all in [false, true] {
            let report = dir.path().join(format!("{format}-{all}.out"));
            let output = format!("{format}={}", report.display());
            let mut args = vec![
                "plan-check",
                plan,
                "--format",
                format,
                "--output",
                &output,
                "--today",
                TODAY,
            ];
            if all {
                args.push("--all");
            }
            let (code, stdout, stderr) = run(&args, None);
            assert_eq!(code, 1, "{format}: {stderr}");
            printed += &stdout;
            printed += &stderr;
            printed += &std::fs::read_to_string(&report).unwrap();
        }
    }
    assert!(printed.contains("aws_db_instance.main"));
    assert!(printed.contains("aws_s3_bucket.hidden"));
    assert!(
        !printed.contains("PLANTED"),
        "a sensitive value was printed"
    );
}

#[test]
fn plans_larger_than_the_limit_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    let plan = std::fs::read_to_string(testdata("plans/aliases.json")).unwrap();
    std::fs::write(&path, format!("{plan}{}", " ".repeat(2 << 20))).unwrap();
    let path = path.to_str().unwrap();
    let (code, stdout, stderr) = run(&["plan-check", path, "--max-plan-size", "1"], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("larger than --max-plan-size (1 MiB)"),
        "{stderr}"
    );
    // Under the limit, the same file is read (and judged).
    let (code, stdout, stderr) = run(
        &["plan-check", path, "--max-plan-size", "3", "--today", TODAY],
        None,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("aws_s3_bucket.frankfurt"), "{stdout}");
    // From stdin, the limit holds too.
    let (code, _, stderr) = run(
        &["plan-check", "-", "--max-plan-size", "1"],
        Some(&format!("{plan}{}", " ".repeat(2 << 20))),
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("larger than --max-plan-size"), "{stderr}");
}

#[test]
fn a_malformed_address_is_reported_and_the_rest_is_read() {
    let text = r#"{"format_version": "1.2", "resource_changes": [
      {"address": "module.x[\"a.aws_s3_bucket.b", "module_address": "module.x[\"a", "mode": "managed",
       "type": "aws_s3_bucket", "name": "b", "provider_name": "registry.terraform.io/hashicorp/aws",
       "change": {"actions": ["create"], "after": {}}},
      {"address": "aws_s3_bucket.c", "mode": "managed", "type": "aws_s3_bucket", "name": "c",
       "provider_name": "registry.terraform.io/hashicorp/aws",
       "change": {"actions": ["create"], "after": {"region": "eu-west-3"}}}]}"#;
    let mut sources = SourceMap::default();
    let file = sources.add(SourceFile::data("p".into(), "p".into(), text.into()));
    let read = read(text, file, ".", &Catalog::embedded(), &Options::default()).unwrap();
    assert_eq!(read.resources.len(), 1);
    assert_eq!(read.resources[0].region.as_deref(), Some("eu-west-3"));
    assert_eq!(read.diagnostics.len(), 1);
    assert!(
        read.diagnostics[0].message.contains("not a valid address"),
        "{}",
        read.diagnostics[0].message
    );
}

#[test]
fn a_child_resource_lives_in_the_parent_it_refers_to() {
    let text = r#"{"format_version": "1.2", "resource_changes": [
      {"address": "azurerm_mssql_server.main", "mode": "managed", "type": "azurerm_mssql_server",
       "name": "main", "provider_name": "registry.terraform.io/hashicorp/azurerm",
       "change": {"actions": ["create"], "after": {"location": "francecentral"}}},
      {"address": "azurerm_mssql_database.db", "mode": "managed", "type": "azurerm_mssql_database",
       "name": "db", "provider_name": "registry.terraform.io/hashicorp/azurerm",
       "change": {"actions": ["create"], "after": {"name": "db"}, "after_unknown": {"server_id": true}}}],
     "configuration": {"provider_config": {"azurerm": {"name": "azurerm", "full_name": "registry.terraform.io/hashicorp/azurerm"}},
      "root_module": {"resources": [
       {"address": "azurerm_mssql_server.main", "mode": "managed", "type": "azurerm_mssql_server", "name": "main",
        "provider_config_key": "azurerm", "expressions": {"location": {"constant_value": "francecentral"}}},
       {"address": "azurerm_mssql_database.db", "mode": "managed", "type": "azurerm_mssql_database", "name": "db",
        "provider_config_key": "azurerm",
        "expressions": {"server_id": {"references": ["azurerm_mssql_server.main.id", "azurerm_mssql_server.main"]}}}]}}}"#;
    let mut sources = SourceMap::default();
    let file = sources.add(SourceFile::data("p".into(), "p".into(), text.into()));
    let read = read(text, file, ".", &Catalog::embedded(), &Options::default()).unwrap();
    let db = &read.resources[1];
    assert_eq!(db.address, "azurerm_mssql_database.db");
    assert_eq!(
        db.region.as_deref(),
        Some("francecentral"),
        "{:?}",
        db.unresolved
    );
    assert!(
        db.evidence.iter().any(|e| e
            .note
            .contains("it lives in azurerm_mssql_server.main (server_id)")),
        "{:?}",
        db.evidence
    );
}
