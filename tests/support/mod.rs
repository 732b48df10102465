//! What the integration tests share: throw-away trees and README.md's copy-paste
//! snippets. Each test crate uses a part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};

/// README.md's text.
pub fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The body of the first fenced code block of the README section whose heading line is
/// exactly `heading` (up to the next heading of the same or a higher level), with its
/// `info` string (`yaml`, `sh`, …), byte for byte: what a reader copies.
pub fn readme_block(heading: &str, info: &str) -> String {
    let readme = readme();
    let level = heading.chars().take_while(|&c| c == '#').count();
    let mut lines = readme.split_inclusive('\n');
    lines
        .by_ref()
        .find(|line| line.trim_end() == heading)
        .unwrap_or_else(|| panic!("README.md has no heading {heading:?}"));
    let mut block = None;
    for line in lines.by_ref() {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
            break;
        }
        if line.trim_end() == format!("```{info}") {
            block = Some(String::new());
            break;
        }
    }
    let mut block =
        block.unwrap_or_else(|| panic!("README.md: no ```{info} block under {heading:?}"));
    for line in lines {
        if line.trim_end() == "```" {
            return block;
        }
        block.push_str(line);
    }
    panic!("README.md: the ```{info} block under {heading:?} is not closed")
}

/// Writes a throw-away tree of `(path, text)` files.
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Runs `souverain ARGS` in `dir` as a user's shell would, minus what would make output
/// vary: no colour, 100 columns, no step summary file, no `TF_VAR_region`; then `env`.
/// `stdin`, when given, is written to its standard input. Returns the exit code (-1 when
/// killed), stdout and stderr.
pub fn souverain(
    dir: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Option<&str>,
) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_souverain"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("TF_VAR_region")
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the souverain binary runs");
    if let Some(input) = stdin {
        use std::io::Write;
        // A run that stops reading early closes the pipe: not a test failure here.
        let _ = child
            .stdin
            .take()
            .expect("piped")
            .write_all(input.as_bytes());
    }
    let output = child.wait_with_output().expect("the souverain binary ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
