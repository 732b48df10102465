//! `cargo bench`: parse, resolve and the whole run on generated trees (`benches/trees`), and
//! the pre-commit case end to end. The 100,000-resource tree runs only with
//! `SOUVERAIN_BENCH_LARGE=1` (about a minute).

#[path = "trees/mod.rs"]
mod trees;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput, measurement::WallTime};
use souverain::catalog::Catalog;
use souverain::date::Date;
use souverain::discover::{self, Filters, FoundDir};
use souverain::engine::{self, Judgement, Request};
use souverain::fs::Os;
use souverain::parse::Workspace;
use souverain::resolve::{self, Inputs, Limits};
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use trees::Shape;

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    scanners(&mut criterion);
    let mut cases = vec![
        ("flat-1k", Shape::Flat { resources: 1_000 }),
        ("flat-10k", Shape::Flat { resources: 10_000 }),
        ("deep-10", Shape::Deep { levels: 10 }),
        ("wide-10k", Shape::Wide { instances: 10_000 }),
        ("shared-200", Shape::SharedModule { roots: 200 }),
    ];
    if std::env::var_os("SOUVERAIN_BENCH_LARGE").is_some() {
        cases.push(("flat-100k", Shape::Flat { resources: 100_000 }));
    }
    for (name, shape) in cases {
        stages(&mut criterion, name, shape);
    }
    pre_commit(&mut criterion);
    criterion.final_summary();
}

/// The scanners that read native HCL text before (or instead of) a parse, on one large
/// file: the module-source prescan of changed-file runs and the nesting bound.
fn scanners(criterion: &mut Criterion) {
    use souverain::parse::depth::{Start, check_depth};
    use souverain::parse::prescan;
    let mut text = String::new();
    for i in 0..10_000 {
        trees::resource(&mut text, i / 20, i, "../../modules/bucket");
        if i % 50 == 0 {
            text.push_str(SCANNED_EXTRAS);
        }
    }
    let mut group = criterion.benchmark_group("scanners");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("prescan", |b| {
        b.iter(|| prescan::module_sources(black_box(&text)).map(|s| s.len()))
    });
    group.bench_function("depth", |b| {
        b.iter(|| check_depth(black_box(&text), Start::Body).is_ok())
    });
    group.finish();
}

/// Comments, a heredoc policy and directives, which the generated trees lack.
const SCANNED_EXTRAS: &str = r#"
# ------------------------------------------------------------------------------
// Bucket policy: read-only for the audit role, see docs/audit.md.
/* Kept inline rather than in a data source:
   the policy is reviewed with the bucket. */
resource "aws_s3_bucket_policy" "audit" {
  bucket = aws_s3_bucket.audit.id # the audit bucket
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "${var.audit_role_arn}"},
        "Action": ["s3:GetObject", "s3:ListBucket"],
        "Resource": ["arn:aws:s3:::${local.prefix}-audit", "arn:aws:s3:::${local.prefix}-audit/*"]
      }]
    }
  EOT
  tags = { for k, v in local.tags : k => v if v != "" }
  note = "%{ if var.env == "prod" }production%{ else }staging%{ endif } $${literal}"
}

"#;

/// Terraform source bytes under `dir`, what the throughput is counted in.
fn source_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("list the generated tree")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if discover::classify(&entry.file_name().to_string_lossy()).is_some() {
                total += entry.metadata().map_or(0, |m| m.len());
            }
        }
    }
    total
}

fn discover_all(dir: &Path) -> Vec<FoundDir> {
    discover::discover(&Os, &[dir.to_path_buf()], &Filters::default()).0
}

/// Parse (discovery and loading), resolve and check, each measured alone on the
/// output of the previous stage.
fn stages(criterion: &mut Criterion, name: &str, shape: Shape) {
    let tree = tempfile::tempdir().expect("a temporary directory");
    shape.write(tree.path());
    let bytes = source_bytes(tree.path());
    let mut group = criterion.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes));
    // Twenty samples keep the whole suite within minutes on two cores.
    group.sample_size(20);
    if bytes > 4_000_000 {
        // One run takes seconds: ten runs, not criterion's growing series.
        group.sample_size(10).sampling_mode(SamplingMode::Flat);
    }
    group.bench_function("parse", |b| {
        b.iter(|| Workspace::load(&Os, &discover_all(tree.path())))
    });
    let ws = Workspace::load(&Os, &discover_all(tree.path()));
    let catalog = Catalog::embedded();
    let (inputs, limits) = (Inputs::default(), Limits::default());
    group.bench_function("resolve", |b| {
        b.iter(|| resolve::resolve(&ws, &catalog, &inputs, &limits))
    });
    bench_run(&mut group, tree.path());
    group.finish();
}

/// The whole run in-process, as the command line runs it: every stage, then the rules.
fn bench_run(group: &mut BenchmarkGroup<'_, WallTime>, dir: &Path) {
    let request = Request {
        paths: vec![dir.to_path_buf()],
        judgement: Judgement {
            today: Date::parse("2026-11-23").expect("a date"),
            ..Judgement::default()
        },
        ..Request::default()
    };
    group.bench_function("run", |b| {
        b.iter(|| {
            engine::check_tree(&request)
                .map(|run| run.findings.len())
                .ok()
        })
    });
}

/// `souverain check FILE` as pre-commit runs it, process start to exit, in a 5,000-file
/// repository where one root's file changed.
fn pre_commit(criterion: &mut Criterion) {
    let repo = tempfile::tempdir().expect("a temporary directory");
    Shape::Repository { files: 5_000 }.write(repo.path());
    let run = || {
        let output = Command::new(env!("CARGO_BIN_EXE_souverain"))
            .args(["check", "--format", "json", "--today", "2026-11-23"])
            .arg(trees::REPOSITORY_CHANGED_FILE)
            .current_dir(repo.path())
            .output()
            .expect("souverain runs");
        assert!(
            output.status.code().is_some_and(|c| c <= 1),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        black_box(output.stdout)
    };
    let mut group = criterion.benchmark_group("repo-5000-files");
    group.sample_size(20);
    group.bench_function("pre-commit one changed file", |b| b.iter(run));
    group.finish();
}
