//! `souverain check --format sarif`: the log is valid SARIF 2.1.0 (checked against the
//! OASIS schema, `tests/sarif-2.1.0.json`), describes every rule, never leaks an absolute
//! path, keeps fingerprints when lines move, and places findings of downloaded modules at
//! the module call that brings them in.

use serde_json::Value;
use souverain::check::rules::RULES;
use souverain::discover::repository_root;
use souverain::fs::Os;
use std::fs;
use std::path::Path;
use std::process::Command;

const TODAY: &str = "2026-11-23";

/// Fixtures whose logs are checked against the schema: suppressions, replicas, backends.
const FIXTURES: [&str; 4] = ["sov001", "sov006", "sov007", "sov009"];

/// The log of `souverain check PATH --format sarif`, run from `testdata/check`.
fn sarif(path: &Path) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_souverain"))
        .args(["check", "--today", TODAY, "--format", "sarif"])
        .arg(path)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/check"))
        .env_remove("TF_VAR_region")
        .output()
        .expect("the souverain binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\n{stdout}\n{}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

fn validator() -> jsonschema::Validator {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif-2.1.0.json");
    let schema: Value = serde_json::from_str(&fs::read_to_string(schema).unwrap()).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every `artifactLocation` of a log, wherever it is.
fn artifact_locations<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key == "artifactLocation" {
                    out.push(v);
                }
                artifact_locations(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| artifact_locations(v, out)),
        _ => {}
    }
}

fn location(result: &Value) -> (&str, u64) {
    let at = &result["locations"][0]["physicalLocation"];
    (
        at["artifactLocation"]["uri"].as_str().unwrap(),
        at["region"]["startLine"].as_u64().unwrap(),
    )
}

#[test]
fn logs_are_valid_sarif() {
    let validator = validator();
    for fixture in FIXTURES {
        let log = sarif(Path::new(fixture));
        assert!(!results(&log).is_empty(), "{fixture} has findings");
        let errors = schema_errors(&validator, &log);
        assert!(errors.is_empty(), "{fixture}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_an_invalid_log() {
    let mut log = sarif(Path::new("sov001"));
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!schema_errors(&validator(), &log).is_empty());
}

#[test]
fn every_rule_is_described() {
    let log = sarif(Path::new("sov001"));
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "souverain");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = RULES.iter().map(|r| r.meta().id.as_str()).collect();
    assert_eq!(ids, expected);
    for (rule, meta) in rules.iter().zip(RULES.iter().map(|r| r.meta())) {
        assert_eq!(rule["name"], meta.name);
        assert_eq!(rule["shortDescription"]["text"], meta.summary);
        assert_eq!(rule["help"]["markdown"], meta.doc);
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        let help = rule["help"]["text"].as_str().unwrap();
        assert!(!full.is_empty() && !full.contains("**") && !full.contains('\n'));
        assert!(!help.contains("**"), "{help}");
        assert!(rule["helpUri"].as_str().unwrap().starts_with("https://"));
        let (level, score) = match meta.severity.as_str() {
            "error" => ("error", "8.0"),
            "warning" => ("warning", "5.0"),
            _ => ("note", "2.0"),
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
        assert_eq!(rule["properties"]["security-severity"], score);
        assert!(
            rule["properties"]["tags"]
                .as_array()
                .unwrap()
                .contains(&"security".into())
        );
    }
    for result in results(&log) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

#[test]
fn uris_are_relative_to_the_repository() {
    for fixture in FIXTURES {
        let log = sarif(Path::new(fixture));
        let mut locations = Vec::new();
        artifact_locations(&log, &mut locations);
        assert!(!locations.is_empty());
        for at in locations {
            let uri = at["uri"].as_str().unwrap();
            assert!(
                !uri.starts_with('/') && !uri.contains(':') && !uri.contains('\\'),
                "{uri}"
            );
            assert_eq!(at["uriBaseId"], "%SRCROOT%");
        }
        assert!(
            log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]
                .get("uri")
                .is_none()
        );
    }
    // The repository root, not the scanned directory, is what URIs start from.
    let log = sarif(Path::new("sov001"));
    let (uri, _) = location(&results(&log)[0]);
    assert!(uri.starts_with("testdata/check/sov001/"), "{uri}");
}

#[test]
fn suppressed_findings_carry_their_justification() {
    let log = sarif(Path::new("sov009"));
    let justifications: Vec<&str> = results(&log)
        .iter()
        .flat_map(|r| r["suppressions"].as_array().into_iter().flatten())
        .inspect(|s| assert_eq!(s["kind"], "inSource"))
        .map(|s| s["justification"].as_str().unwrap())
        .collect();
    assert!(
        justifications.contains(&"migration to Outscale planned (ticket 42)"),
        "{justifications:?}"
    );
    // Open findings carry none.
    assert!(
        results(&log)
            .iter()
            .any(|r| r.get("suppressions").is_none())
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    assert_eq!(sarif(Path::new("sov009")), sarif(Path::new("sov009")));
}

/// Copies a fixture tree into `to`.
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn fingerprints_do_not_move_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/check/sov001");
    copy_tree(&fixture, dir.path());
    let fingerprints = |log: &Value| -> Vec<Value> {
        results(log)
            .iter()
            .map(|r| r["partialFingerprints"].clone())
            .collect()
    };
    let before = sarif(dir.path());
    let main = dir.path().join("fail/main.tf");
    let text = fs::read_to_string(&main).unwrap();
    let text = text.replacen(
        "resource ",
        "# moved\n\n# down\n\n# five lines\nresource ",
        1,
    );
    fs::write(&main, text).unwrap();
    let after = sarif(dir.path());
    assert!(!fingerprints(&before).is_empty());
    assert!(fingerprints(&before).iter().all(|f| {
        f["souverainFingerprint/v1"]
            .as_str()
            .is_some_and(|s| s.len() == 16)
    }));
    assert_eq!(fingerprints(&before), fingerprints(&after));
    let moved = |log: &Value| {
        results(log)
            .iter()
            .map(location)
            .find(|(uri, _)| *uri == "fail/main.tf")
            .map(|(_, line)| line)
            .unwrap()
    };
    assert_eq!(moved(&after), moved(&before) + 5);
}

#[test]
fn findings_in_downloaded_modules_are_placed_at_the_module_call() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("main.tf"),
        r#"provider "aws" {
  region = "eu-west-3"
}

module "store" {
  source  = "example/store/aws"
  version = "1.0.0"
}
"#,
    )
    .unwrap();
    let installed = root.join(".terraform/modules");
    fs::create_dir_all(installed.join("store")).unwrap();
    fs::write(
        installed.join("modules.json"),
        r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"store","Source":"registry.terraform.io/example/store/aws","Version":"1.0.0","Dir":".terraform/modules/store"}]}"#,
    )
    .unwrap();
    fs::write(
        installed.join("store/main.tf"),
        r#"resource "aws_s3_bucket" "records" {
  bucket = "citizens-records"
  tags   = { data_classification = "sensitive" }
}
"#,
    )
    .unwrap();
    let log = sarif(root);
    let result = results(&log)
        .iter()
        .find(|r| r["ruleId"] == "SOV001")
        .unwrap_or_else(|| panic!("SOV001 in {log:#}"));
    assert_eq!(location(result), ("main.tf", 5));
    let message = result["message"]["text"].as_str().unwrap();
    assert!(
        message.starts_with("in module store (downloaded): "),
        "{message}"
    );
    let errors = schema_errors(&validator(), &log);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_repository_root_is_the_nearest_git_ancestor() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let nested = root.join("infra/prod");
    fs::create_dir_all(&nested).unwrap();
    fs::write(nested.join("main.tf"), "").unwrap();
    // No repository: the scanned directory, or a file's directory.
    assert_eq!(repository_root(&Os, &nested), nested);
    assert_eq!(repository_root(&Os, &nested.join("main.tf")), nested);
    fs::create_dir(root.join(".git")).unwrap();
    assert_eq!(repository_root(&Os, &nested), root);
    assert_eq!(repository_root(&Os, &nested.join("main.tf")), root);
}

#[test]
fn sarif_snapshot() {
    let mut log = sarif(Path::new("sov001"));
    // A release would otherwise rewrite the snapshot.
    log["runs"][0]["tool"]["driver"]["version"] = "[version]".into();
    // Every rule's description is checked against the registry above: a new rule does
    // not rewrite this snapshot.
    log["runs"][0]["tool"]["driver"]["rules"] = "[the registry's rules]".into();
    insta::assert_json_snapshot!("sov001_sarif", log);
}
