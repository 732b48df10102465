//! Case 7: reports are written atomically; a write that fails is exit code 2 with a
//! message, and never leaves a partial file.

use crate::support::tree;
use crate::{HEALTHY, souverain};
use std::process::{Command, Stdio};

#[test]
fn a_report_that_cannot_be_written_is_exit_2_and_leaves_nothing() {
    let dir = tree(&[("main.tf", HEALTHY), ("old.json", "previous report\n")]);
    std::fs::create_dir(dir.path().join("a-directory")).unwrap();
    for (flag, target) in [
        ("--output", "json=missing-dir/report.json"),
        ("--output", "sarif=main.tf/report.sarif"),
        ("--output", "json=a-directory"),
        ("--sarif-file", "missing-dir/report.sarif"),
        ("--write-baseline", "main.tf/baseline.json"),
    ] {
        let run = souverain(dir.path(), &["check", ".", flag, target], &[]);
        assert_eq!(run.code, 2, "{flag} {target}: {}", run.stderr);
        assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    }
    // Only what was there before: no temporary file left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a-directory", "main.tf", "old.json"]);
    assert!(
        std::fs::read_dir(dir.path().join("a-directory"))
            .unwrap()
            .next()
            .is_none()
    );
}

#[test]
fn a_report_replaces_the_previous_one_whole() {
    let dir = tree(&[("main.tf", HEALTHY), ("report.json", "previous report\n")]);
    let run = souverain(
        dir.path(),
        &["check", ".", "--output", "json=report.json"],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&written).expect("a complete JSON report");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_exit_2() {
    let dir = tree(&[("main.tf", HEALTHY)]);
    for args in [&["check", "."][..], &["inventory", "."]] {
        let output = Command::new(env!("CARGO_BIN_EXE_souverain"))
            .args(args)
            .current_dir(dir.path())
            .stdout(std::fs::File::create("/dev/full").map_or(Stdio::null(), Stdio::from))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("cannot write the report"), "{stderr}");
    }
}
