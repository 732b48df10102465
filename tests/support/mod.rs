//! What the integration tests share: throw-away trees and README.md's copy-paste
//! snippets. Each test crate uses a part of it.
#![allow(dead_code)]

use std::path::Path;

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
