//! Every emitter on one fixed run: a finding whose causes are in another file, a
//! suppressed finding, a state backend finding, a finding in a local module, and
//! diagnostics (a file that does not parse, a module not installed).

use super::{CHECK_FORMATS, Emitter, INVENTORY_FORMATS, Style, diagnostics, github};
use crate::date::Date;
use crate::engine::{self, Judgement, Request, Run};
use std::path::PathBuf;

const TREE: &[(&str, &str)] = &[
    (
        "providers.tf",
        "provider \"aws\" {\n  region = \"eu-west-3\"\n}\n",
    ),
    (
        "main.tf",
        r#"terraform {
  backend "s3" {
    bucket = "state"
    region = "us-east-1"
  }
}

resource "aws_s3_bucket" "records" {
  bucket = "records"
  tags   = { data_classification = "sensitive" }
}

# souverain:ignore SOV002 until=2030-06-30 -- migration planned, ticket 42
resource "aws_sqs_queue" "events" {
  name = "events"
  tags = { data_classification = "internal" }
}

module "store" {
  source = "./modules/store"
}

module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}
"#,
    ),
    (
        "modules/store/main.tf",
        "resource \"aws_dynamodb_table\" \"t\" {\n  name = \"t\"\n  tags = { data_classification = \"internal\" }\n}\n",
    ),
    ("broken.tf", "resource \"aws_s3_bucket\" {\n"),
];

fn run() -> Run {
    let request = Request {
        paths: vec![PathBuf::from(".")],
        judgement: Judgement {
            today: Date::parse("2026-06-01").expect("a date"),
            ..Judgement::default()
        },
        ..Request::default()
    };
    engine::check_files(TREE.iter().copied(), &request).unwrap_or_else(|f| panic!("{f}"))
}

fn emitted(emitter: &dyn Emitter, run: &Run) -> String {
    let mut out = Vec::new();
    emitter.emit(&mut out, run).expect("written to memory");
    String::from_utf8(out)
        .expect("UTF-8")
        .replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn every_format_on_one_run() {
    let run = run();
    assert!(
        run.diagnostics
            .iter()
            .any(|d| d.code == crate::diagnostic::Code::ParseError),
        "the fixed run has a parse error: {:?}",
        run.diagnostics
    );
    let formats = CHECK_FORMATS
        .iter()
        .map(|f| (format!("check_{}", f.name), f))
        .chain(
            INVENTORY_FORMATS
                .iter()
                .map(|f| (format!("inventory_{}", f.name), f)),
        );
    for (name, format) in formats {
        let mut text = emitted(&*format.emitter(Style::default()), &run);
        if format.name == "sarif" {
            // The rules' descriptions are checked in tests/sarif.rs: a new rule does not
            // rewrite this snapshot.
            let mut log: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            log["runs"][0]["tool"]["driver"]["rules"] = "[the registry's rules]".into();
            text = serde_json::to_string_pretty(&log).expect("JSON") + "\n";
        }
        insta::assert_snapshot!(name, text);
    }
    insta::assert_snapshot!("github_step_summary", emitted(&github::StepSummary, &run));
    let human = diagnostics::Human {
        style: Style::default(),
    };
    insta::assert_snapshot!("diagnostics_human", emitted(&human, &run));
}

#[test]
fn diagnostics_reach_the_formats_for_tools() {
    let run = run();
    let json: serde_json::Value =
        serde_json::from_str(&emitted(&super::json::Json, &run)).expect("JSON");
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"parse-error") && codes.contains(&"module-not-installed"),
        "{codes:?}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&emitted(&super::sarif::Sarif, &run)).expect("SARIF");
    let schema = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/sarif-2.1.0.json"
    ))
    .expect("the SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("JSON");
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(
        invocation["executionSuccessful"], false,
        "a file was not read"
    );
    let notified: Vec<&str> = invocation["toolExecutionNotifications"]
        .as_array()
        .expect("notifications")
        .iter()
        .filter_map(|n| n["descriptor"]["id"].as_str())
        .collect();
    assert_eq!(notified, codes);
}
