//! Hostile input (issue 7): whatever souverain reads, it never crashes, never hangs,
//! never passes what it could not read, never prints a sensitive value, never executes or
//! fetches anything, and writes the same bytes whatever the thread count or file order.
//! Big inputs are generated in temporary directories; every case runs in seconds.

#[path = "../support/mod.rs"]
mod support;

mod config;
mod determinism;
mod isolation;
mod limits;
mod output;
mod properties;
mod secrets;

use std::path::Path;
use std::time::{Duration, Instant};

/// Longest a hostile case may take with a debug build on a loaded two-core machine.
const TIME_BOUND: Duration = Duration::from_secs(30);

/// What one run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `souverain ARGS` in `dir` with a fixed environment, and checks it ends in time
/// with an exit code of its own (a crash has none).
pub fn souverain(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let started = Instant::now();
    let (code, stdout, stderr) = support::souverain(dir, args, env, None);
    let run = Run {
        code,
        stdout,
        stderr,
    };
    assert!(
        run.code != -1,
        "souverain {args:?} was killed (crash): {}",
        run.stderr
    );
    assert!(
        started.elapsed() < TIME_BOUND,
        "souverain {args:?} took {:?}",
        started.elapsed()
    );
    run
}

/// A resource every case can add beside its hostile file, to show the other files are
/// still analysed.
pub const HEALTHY: &str = r#"provider "aws" {
  region = "eu-west-3"
}

resource "aws_s3_bucket" "healthy" {
  tags = { data_classification = "sensitive" }
}
"#;

/// `inventory --format json` of a tree: the exit code and the document.
pub fn inventory_json(dir: &Path) -> (i32, serde_json::Value) {
    let run = souverain(dir, &["inventory", ".", "--format", "json"], &[]);
    let doc = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}\n{}\n{}", run.stdout, run.stderr));
    (run.code, doc)
}
