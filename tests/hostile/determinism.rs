//! Case 6: byte-identical output for the same input, whatever the thread count and the
//! order the file system lists files in.

use crate::souverain;
use std::path::{Path, PathBuf};

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// A copy of testdata (several roots, modules, findings of every rule), its files and
/// directories created in the given order: most file systems list a directory in
/// creation or hash order, not by name.
fn copy_in_order(reversed: bool) -> tempfile::TempDir {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/check");
    let mut list = files(&source);
    if reversed {
        list.reverse();
    }
    let dir = tempfile::tempdir().unwrap();
    for rel in list {
        let to = dir.path().join(&rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(source.join(&rel), to).unwrap();
    }
    dir
}

#[test]
fn same_bytes_whatever_the_thread_count_and_file_order() {
    let trees = [copy_in_order(false), copy_in_order(true)];
    let runs: [(&[&str], &str); 8] = [
        (
            &["check", ".", "--today", "2026-11-23", "--format", "human"],
            "check human",
        ),
        (
            &["check", ".", "--today", "2026-11-23", "--format", "json"],
            "check json",
        ),
        (
            &["check", ".", "--today", "2026-11-23", "--format", "sarif"],
            "check sarif",
        ),
        (
            &["check", ".", "--today", "2026-11-23", "--format", "github"],
            "check github",
        ),
        (
            &["check", ".", "--today", "2026-11-23", "--format", "junit"],
            "check junit",
        ),
        (&["inventory", ".", "--format", "table"], "inventory table"),
        (&["inventory", ".", "--format", "json"], "inventory json"),
        (&["inventory", ".", "--format", "csv"], "inventory csv"),
    ];
    for (args, what) in runs {
        let mut seen: Option<(String, String, i32)> = None;
        for tree in &trees {
            for threads in ["1", "8"] {
                let run = souverain(tree.path(), args, &[("RAYON_NUM_THREADS", threads)]);
                let this = (run.stdout, run.stderr, run.code);
                assert!(!this.0.is_empty(), "{what}: no output");
                match &seen {
                    None => seen = Some(this),
                    Some(first) => assert!(
                        *first == this,
                        "{what} differs with {threads} threads:\n{}\n---\n{}",
                        first.0,
                        this.0
                    ),
                }
            }
        }
    }
}
