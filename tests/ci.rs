//! CI and Git integrations of `souverain check`: every output format on one fixture tree,
//! GitHub annotation caps and summary, several outputs written atomically, baselines and
//! changed files.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use support::tree;

const TODAY: &str = "2026-11-23";

fn formats_tree() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/formats")
}

fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    support::souverain(dir, args, env, None)
}

fn check(dir: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check", ".", "--today", TODAY];
    args.extend_from_slice(extra);
    let (code, stdout, _) = run_in(dir, &args, &[]);
    (code, stdout)
}

#[test]
fn every_format_on_the_same_tree() {
    for format in ["human", "json", "github", "junit", "sarif"] {
        let (code, out) = check(&formats_tree(), &["--format", format]);
        assert_eq!(code, 1, "{format}: SOV001 is an error");
        // The version changes with every release, not with the format.
        let out = out.replace(env!("CARGO_PKG_VERSION"), "[version]");
        // The rules' descriptions are checked in tests/sarif.rs: a new rule does not
        // rewrite this snapshot.
        let out = match format {
            "sarif" => {
                let mut log: Value = serde_json::from_str(&out).unwrap();
                log["runs"][0]["tool"]["driver"]["rules"] = "[the registry's rules]".into();
                serde_json::to_string_pretty(&log).unwrap() + "\n"
            }
            _ => out,
        };
        insta::assert_snapshot!(format!("formats_{format}"), out);
    }
}

#[test]
fn github_annotations_keep_the_most_severe_and_count_the_rest() {
    let mut text = String::from("provider \"aws\" {\n  region = \"eu-west-3\"\n}\n");
    for i in 0..12 {
        text.push_str(&format!("resource \"aws_s3_bucket\" \"b{i}\" {{\n  tags = {{ data_classification = \"sensitive\" }}\n}}\nresource \"aws_sqs_queue\" \"q{i}\" {{\n  tags = {{ data_classification = \"internal\" }}\n}}\n"));
    }
    let dir = tree(&[("main.tf", &text)]);
    let (_, out) = check(dir.path(), &["--format", "github"]);
    let lines: Vec<&str> = out.lines().collect();
    let count = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(count("::error "), 10, "{out}");
    assert_eq!(count("::warning "), 10, "{out}");
    // 24 errors (SOV001 and SOV002 on 12 sensitive buckets) and 12 warnings: 16 not shown.
    let last = lines.last().unwrap();
    assert!(
        last.starts_with("::notice title=souverain::16 more findings"),
        "{last}"
    );
    assert!(
        lines.iter().position(|l| l.starts_with("::warning"))
            > lines.iter().position(|l| l.starts_with("::error"))
    );
}

#[test]
fn the_step_summary_is_appended_when_github_asks_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "previous step\n").unwrap();
    let (_, _, _) = run_in(
        &formats_tree(),
        &["check", ".", "--today", TODAY, "--format", "github"],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
    );
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("previous step\n## souverain"), "{text}");
    assert!(
        text.contains("| SOV001 | error | 1 |")
            && text.contains("| error | SOV001 | aws_s3_bucket.records |"),
        "{text}"
    );
}

#[test]
fn several_outputs_in_one_run_are_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.json");
    let junit = dir.path().join("out.xml");
    let sarif = dir.path().join("out.sarif");
    let (code, stdout) = check(
        &formats_tree(),
        &[
            "--format",
            "github",
            "--output",
            &format!("json={}", json.display()),
            "--output",
            &format!("junit={}", junit.display()),
            "--sarif-file",
            sarif.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(stdout.starts_with("::error"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["summary"]["errors"], 3);
    assert!(
        std::fs::read_to_string(&junit)
            .unwrap()
            .starts_with("<?xml")
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "no temporary file left: {names:?}");
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    // A report that cannot be written is exit code 2, and no partial file appears.
    let missing = dir.path().join("no/such/dir/out.json");
    let (code, _) = check(
        &formats_tree(),
        &["--output", &format!("json={}", missing.display())],
    );
    assert_eq!(code, 2);
    assert!(!missing.exists());
    let (code, _, stderr) = run_in(
        &formats_tree(),
        &["check", ".", "--output", "pdf=x.pdf"],
        &[],
    );
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn a_baseline_reports_only_new_findings() {
    let dir = tree(&[
        (
            "providers.tf",
            "provider \"aws\" {\n  region = \"eu-west-3\"\n}\n",
        ),
        (
            "main.tf",
            "resource \"aws_s3_bucket\" \"old\" {\n  tags = { data_classification = \"sensitive\" }\n}\nresource \"aws_s3_bucket\" \"gone\" {\n  tags = { data_classification = \"sensitive\" }\n}\n",
        ),
    ]);
    let baseline = dir.path().join(".souverain-baseline.json");
    let (code, _) = check(
        dir.path(),
        &["--write-baseline", baseline.to_str().unwrap()],
    );
    assert_eq!(code, 1, "writing a baseline still reports today's findings");
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(recorded["findings"].as_array().unwrap().len(), 4);
    let (code, out) = check(
        dir.path(),
        &["--baseline", baseline.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(code, 0, "{out}");
    // Lines move, one resource goes, one comes: only the new one is reported.
    std::fs::write(
        dir.path().join("main.tf"),
        "# moved down\n\nresource \"aws_s3_bucket\" \"old\" {\n  tags = { data_classification = \"sensitive\" }\n}\nresource \"aws_s3_bucket\" \"new\" {\n  tags = { data_classification = \"sensitive\" }\n}\n",
    )
    .unwrap();
    let (code, out) = check(
        dir.path(),
        &["--baseline", baseline.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(code, 1);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let addresses: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["address"].as_str())
        .collect();
    assert_eq!(addresses, ["aws_s3_bucket.new", "aws_s3_bucket.new"]);
    assert_eq!(doc["summary"]["baseline"]["matched"], 2);
    assert_eq!(doc["summary"]["baseline"]["gone"], 2);
    let (code, _, stderr) = run_in(dir.path(), &["check", ".", "--baseline", "main.tf"], &[]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn changed_files_select_their_roots_and_report_what_they_touch() {
    let dir = tree(&[
        (
            "prod/providers.tf",
            "provider \"aws\" {\n  region = \"eu-west-3\"\n}\n",
        ),
        (
            "prod/main.tf",
            "resource \"aws_s3_bucket\" \"records\" {\n  tags = { data_classification = \"sensitive\" }\n}\n",
        ),
        (
            "other/main.tf",
            "provider \"aws\" {\n  region = \"us-east-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  tags = { data_classification = \"sensitive\" }\n}\n",
        ),
        ("broken/main.tf", "resource \"x\" \"y\" {\n"),
        (
            "vars/main.tf",
            "variable \"region\" {}\nprovider \"aws\" {\n  region = var.region\n}\nresource \"aws_s3_bucket\" \"v\" {\n  tags = { data_classification = \"sensitive\" }\n}\n",
        ),
        ("vars/terraform.tfvars", "region = \"eu-west-3\"\n"),
    ]);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let json = |files: &[&str]| {
        let mut args = vec!["check", "--today", TODAY, "--format", "json"];
        args.extend_from_slice(files);
        let (code, out, err) = run_in(dir.path(), &args, &[]);
        (
            code,
            serde_json::from_str::<Value>(&out)
                .unwrap_or_else(|e| panic!("{e}: {out} {err} in {}", dir.path().display())),
        )
    };
    // The provider block decides the verdict on main.tf's bucket: changing it reports it.
    let (code, doc) = json(&["prod/providers.tf"]);
    assert_eq!(
        code, 1,
        "the broken root elsewhere is not analysed: {doc:#}"
    );
    let files: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert!(
        !files.is_empty() && files.iter().all(|f| *f == "prod/main.tf"),
        "{files:?}"
    );
    assert_eq!(doc["summary"]["roots"], 1);
    let (_, doc) = json(&["other/main.tf"]);
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["root"] == "other")
    );
    // A variables file is a cause too: the findings it decides are reported.
    let (_, doc) = json(&["vars/terraform.tfvars"]);
    let addresses: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["address"].as_str())
        .collect();
    assert_eq!(addresses, ["aws_s3_bucket.v", "aws_s3_bucket.v"], "{doc:#}");
    let (code, _) = json(&["broken/main.tf"]);
    assert_eq!(code, 1, "a changed file that cannot be parsed fails");
}
