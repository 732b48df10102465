//! Case 1: no panic, no hang, no stack overflow. Each hostile file ends with a diagnostic
//! naming the file and the limit, the healthy file beside it is still analysed, and the
//! run fails (exit 1): a limit hit never passes.

use crate::support::tree;
use crate::{HEALTHY, inventory_json, souverain};
use serde_json::Value;

/// Analyses `hostile` (written as `name`) beside a healthy file; returns the diagnostics
/// with the given code, after checking the healthy resource was analysed.
fn beside_healthy(name: &str, hostile: &[u8], code: &str) -> Vec<Value> {
    let dir = tree(&[("healthy.tf", HEALTHY)]);
    std::fs::write(dir.path().join(name), hostile).unwrap();
    let (exit, doc) = inventory_json(dir.path());
    assert_eq!(exit, 1, "{name}: a limit hit fails the run: {doc:#}");
    let healthy = doc["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["address"] == "aws_s3_bucket.healthy")
        .unwrap_or_else(|| panic!("{name}: the healthy file is analysed: {doc:#}"));
    assert_eq!(healthy["region"], "eu-west-3");
    let found: Vec<Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .cloned()
        .collect();
    assert!(!found.is_empty(), "{name}: no {code} diagnostic: {doc:#}");
    found
}

fn assert_names(diagnostics: &[Value], file: &str, limit: &str) {
    assert!(
        diagnostics
            .iter()
            .any(|d| d["file"] == file && d["message"].as_str().unwrap().contains(limit)),
        "expected {file} and {limit:?} in {diagnostics:#?}"
    );
}

fn attribute(expr: &str) -> Vec<u8> {
    format!("locals {{\n  x = {expr}\n}}\n").into_bytes()
}

#[test]
fn ten_thousand_nested_brackets_parentheses_braces_and_interpolations() {
    let n = 10_000;
    for (open, close) in [("[", "]"), ("(", ")"), ("{a = ", "}"), ("\"${", "}\"")] {
        let expr = format!("{}1{}", open.repeat(n), close.repeat(n));
        let found = beside_healthy("deep.tf", &attribute(&expr), "parse-error");
        assert_names(&found, "deep.tf", "deeper than 128 levels");
    }
}

#[test]
fn operators_conditionals_and_directives_nested_a_hundred_thousand_times() {
    let n = 100_000;
    for expr in [
        format!("{}1", "-".repeat(n)),
        format!("{}true", "!".repeat(n)),
        format!("{}1", "true ? 1 : ".repeat(n)),
        format!("true{}", " ? 1 : true".repeat(n)),
        format!("1{}", " + 1".repeat(n)),
        format!("\"{}a{}\"", "%{if true}".repeat(n), "%{endif}".repeat(n)),
        format!(
            "<<EOT\n{}a{}\nEOT\n",
            "%{for x in [1]}".repeat(n),
            "%{endfor}".repeat(n)
        ),
    ] {
        let found = beside_healthy("deep.tf", &attribute(&expr), "parse-error");
        assert_names(&found, "deep.tf", "deeper than 1000 levels");
    }
}

#[test]
fn deep_nesting_in_json_syntax_and_in_json_templates() {
    let n = 10_000;
    let brackets = format!(
        "{{\"locals\": {{\"x\": {}1{}}}}}",
        "[".repeat(n),
        "]".repeat(n)
    );
    let found = beside_healthy("deep.tf.json", brackets.as_bytes(), "parse-error");
    assert_names(&found, "deep.tf.json", "deeper than 128 levels");
    let template = format!(
        "{{\"locals\": {{\"x\": \"${{{}1}}\"}}}}",
        "-".repeat(100_000)
    );
    let found = beside_healthy("template.tf.json", template.as_bytes(), "parse-error");
    assert_names(&found, "template.tf.json", "deeper than 1000 levels");
}

#[test]
fn a_hundred_megabyte_file_is_refused_unread() {
    let dir = tree(&[("healthy.tf", HEALTHY)]);
    let file = std::fs::File::create(dir.path().join("huge.tf")).unwrap();
    // Sparse: created instantly, 100 MB long.
    file.set_len(100 << 20).unwrap();
    let (exit, doc) = inventory_json(dir.path());
    assert_eq!(exit, 1);
    let message = doc["diagnostics"][0]["message"].as_str().unwrap();
    assert_eq!(doc["diagnostics"][0]["file"], "huge.tf", "{doc:#}");
    assert!(message.contains("file size limit"), "{message}");
    assert_eq!(doc["resources"].as_array().unwrap().len(), 1);
}

#[test]
fn binary_data_invalid_utf8_and_nul_bytes() {
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let found = beside_healthy("binary.tf", &binary, "unreadable-file");
    assert_names(&found, "binary.tf", "not valid UTF-8");
    let found = beside_healthy(
        "latin1.tf",
        b"locals {\n  x = \"caf\xe9\"\n}\n",
        "unreadable-file",
    );
    assert_eq!(found[0]["line"], 2);
    beside_healthy(
        "nul.tf",
        b"locals {\n  x = \"a\0b\"\n}\n\0\0",
        "parse-error",
    );
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_are_read() {
    let dir = tree(&[
        ("crlf.tf", &HEALTHY.replace('\n', "\r\n")),
        ("sub/bom.tf", &format!("\u{feff}{HEALTHY}")),
    ]);
    let (exit, doc) = inventory_json(dir.path());
    assert_eq!(exit, 0, "{doc:#}");
    let resources = doc["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 2);
    assert!(
        resources
            .iter()
            .all(|r| r["region"] == "eu-west-3" && r["line"] == 5)
    );
}

#[test]
fn huge_count_for_each_and_range() {
    let config = r#"
resource "aws_s3_bucket" "counted" {
  count = 100000000
}
resource "aws_s3_bucket" "each" {
  for_each = { for i in range(1000) : tostring(i) => i }
}
locals {
  big = range(100000000)
}
"#;
    let found = beside_healthy("huge.tf", config.as_bytes(), "limit-instances");
    assert_names(&found, "huge.tf", "over the limit of 100000");
    // --max-instances is the knob, and hitting it still fails.
    let dir = tree(&[("healthy.tf", HEALTHY), ("huge.tf", config)]);
    let run = souverain(
        dir.path(),
        &[
            "inventory",
            ".",
            "--format",
            "json",
            "--max-instances",
            "10",
        ],
        &[],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("aws_s3_bucket.each expands to 1000 instances, over the limit of 10"),
        "{}",
        run.stderr
    );
}

#[test]
fn exponential_values_and_templates() {
    let mut config = String::from("locals {\n  l0 = [\"x\", \"y\"]\n  s0 = \"ab\"\n");
    for i in 1..64 {
        config.push_str(&format!("  l{i} = [local.l{}, local.l{}]\n", i - 1, i - 1));
        config.push_str(&format!(
            "  s{i} = \"${{local.s{}}}${{local.s{}}}\"\n",
            i - 1,
            i - 1
        ));
    }
    config.push_str("}\nresource \"aws_s3_bucket\" \"a\" {\n  tags = {\n    data_classification = local.s63\n    owner = can(jsonencode(flatten(local.l63)))\n  }\n}\n");
    let found = beside_healthy("exp.tf", config.as_bytes(), "limit-evaluation");
    assert_names(&found, "exp.tf", "value size limit");
    assert_names(&found, "exp.tf", "string size limit");
}

#[test]
fn reference_chains_and_cycles() {
    let mut chain = String::from("locals {\n  l0 = \"eu-west-3\"\n");
    for i in 1..5_000 {
        chain.push_str(&format!("  l{i} = local.l{}\n", i - 1));
    }
    chain.push_str("}\nprovider \"aws\" {\n  alias  = \"chained\"\n  region = local.l4999\n}\nresource \"aws_s3_bucket\" \"chained\" {\n  provider = aws.chained\n}\n");
    let found = beside_healthy("chain.tf", chain.as_bytes(), "limit-evaluation");
    assert_names(&found, "chain.tf", "chain of more than 1000 references");

    let cycle = "locals {\n  a = local.b\n  b = local.a\n}\nprovider \"aws\" {\n  alias  = \"cyclic\"\n  region = local.a\n}\nresource \"aws_s3_bucket\" \"cyclic\" {\n  provider = aws.cyclic\n}\n";
    let found = beside_healthy("cycle.tf", cycle.as_bytes(), "reference-cycle");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("local.a → local.b → local.a")
    );
}

#[test]
fn module_call_cycles() {
    // a calls b calls a: no root; before, nothing was analysed and check passed.
    let dir = tree(&[
        ("healthy/main.tf", HEALTHY),
        ("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n"),
        (
            "b/main.tf",
            "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n",
        ),
        ("self/main.tf", "module \"me\" {\n  source = \"./\"\n}\n"),
    ]);
    let (exit, doc) = inventory_json(dir.path());
    assert_eq!(exit, 1);
    let cycles: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "module-cycle")
        .collect();
    assert!(
        cycles.iter().any(|d| d["file"] == "b/main.tf"),
        "{cycles:#?}"
    );
    assert!(
        cycles.iter().any(|d| d["file"] == "self/main.tf"),
        "{cycles:#?}"
    );
    let run = souverain(dir.path(), &["check", "."], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn symlink_loops_dangling_links_and_pipes() {
    use std::os::unix::fs::symlink;
    let dir = tree(&[("healthy.tf", HEALTHY), ("sub/x.tf", HEALTHY)]);
    let root = dir.path();
    symlink("..", root.join("sub/up")).unwrap();
    symlink("loop2", root.join("loop1")).unwrap();
    symlink("loop1", root.join("loop2")).unwrap();
    symlink("self.tf", root.join("self.tf")).unwrap();
    symlink("nowhere.tf", root.join("dangling.tf")).unwrap();
    let fifo = root.join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    symlink("pipe", root.join("pipe.tf")).unwrap();
    // A module whose source is a directory symbolic link to its caller's directory.
    std::fs::write(
        root.join("sub/call.tf"),
        "module \"loop\" {\n  source = \"./up/sub\"\n}\n",
    )
    .unwrap();
    let (exit, doc) = inventory_json(root);
    assert_eq!(exit, 1);
    let unreadable: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "unreadable-file")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(unreadable, ["dangling.tf", "pipe.tf", "self.tf"], "{doc:#}");
    assert!(
        doc["resources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["address"] == "aws_s3_bucket.healthy" && r["root"] == "."),
        "{doc:#}"
    );
}

#[test]
fn nested_braces_in_an_ignore_file() {
    let ignore = format!("{}a{}\n", "{".repeat(100_000), "}".repeat(100_000));
    let dir = tree(&[
        ("healthy.tf", HEALTHY),
        ("sub/main.tf", HEALTHY),
        ("sub/.gitignore", &ignore),
    ]);
    let (exit, doc) = inventory_json(dir.path());
    assert_eq!(exit, 1);
    assert_eq!(doc["resources"].as_array().unwrap().len(), 1);
    let run = souverain(dir.path(), &["inventory", "."], &[]);
    assert!(
        run.stderr
            .contains("sub/.gitignore: braces nest deeper than 32 levels"),
        "{}",
        run.stderr
    );
}

use std::process::Command;
