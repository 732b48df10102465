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
use std::process::Command;

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
    let mut command = Command::new(env!("CARGO_BIN_EXE_souverain"));
    command
        .args(args)
        .current_dir(testdata(""))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY");
    let output = match stdin {
        None => command.output().unwrap(),
        Some(input) => {
            use std::io::Write;
            let mut child = command
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
            child.wait_with_output().unwrap()
        }
    };
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
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
