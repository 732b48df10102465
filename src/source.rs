//! Source files and byte spans. Every span in souverain points into a file of the
//! [`SourceMap`]; lines and columns are computed only when a location is reported.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in the [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        Span {
            file,
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    /// The smallest span covering both (same file).
    pub fn join(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The zero-width span at the start of `self`.
    pub fn start_of(self) -> Span {
        Span {
            end: self.start,
            ..self
        }
    }
}

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// One file's text, with a UTF-8 byte-order mark already stripped (a BOM is one
/// character, so reported columns still match what an editor shows).
pub struct SourceFile {
    /// Path as shown to the user (relative to the scanned path when possible).
    pub display: String,
    pub path: PathBuf,
    pub text: Arc<str>,
    /// False for data files (a plan): their text may hold secrets next to what is
    /// reported, so reports give their line and column but never an excerpt.
    pub excerpts: bool,
    line_starts: Vec<u32>,
    /// Characters before each block of `CHAR_BLOCK` bytes: columns are counted in
    /// characters, and a plan printed by `terraform show -json` is one line of megabytes.
    chars_before_block: Vec<u32>,
}

const CHAR_BLOCK: usize = 4096;

impl SourceFile {
    pub fn new(path: PathBuf, display: String, text: Arc<str>) -> SourceFile {
        let mut line_starts = vec![0u32];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        let mut chars_before_block = Vec::with_capacity(text.len() / CHAR_BLOCK + 1);
        let mut chars = 0u32;
        for block in text.as_bytes().chunks(CHAR_BLOCK) {
            chars_before_block.push(chars);
            chars += count_chars(block);
        }
        SourceFile {
            display,
            path,
            text,
            excerpts: true,
            line_starts,
            chars_before_block,
        }
    }

    /// A data file, never excerpted in reports.
    pub fn data(path: PathBuf, display: String, text: Arc<str>) -> SourceFile {
        SourceFile {
            excerpts: false,
            ..SourceFile::new(path, display, text)
        }
    }

    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(self.text.len() as u32);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.chars_before(offset) - self.chars_before(start);
        LineCol {
            line: line as u32 + 1,
            column: column + 1,
        }
    }

    /// Characters in the text before byte `offset`.
    fn chars_before(&self, offset: u32) -> u32 {
        let offset = offset as usize;
        let block = offset / CHAR_BLOCK;
        let Some(&before) = self.chars_before_block.get(block) else {
            return 0; // an empty file
        };
        before + count_chars(&self.text.as_bytes()[block * CHAR_BLOCK..offset])
    }
}

/// UTF-8 characters in `bytes`: the bytes that do not continue a character.
fn count_chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32
}

/// All files read in one run. Files are added once and never removed, so a [`FileId`]
/// stays valid for the whole run.
#[derive(Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn line_col(&self, span: Span) -> LineCol {
        self.get(span.file).line_col(span.start)
    }

    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.file)
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    pub fn display(&self, id: FileId) -> &str {
        &self.get(id).display
    }
}

/// Decodes file bytes: strips a UTF-8 BOM, rejects invalid UTF-8 with the position of the
/// first bad byte.
pub fn decode(bytes: Vec<u8>) -> Result<String, (LineCol, String)> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let bytes = match bytes.strip_prefix(BOM) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = &e.as_bytes()[..at];
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let place = LineCol {
            line: valid.iter().filter(|&&b| b == b'\n').count() as u32 + 1,
            column: count_chars(&valid[line_start..]) + 1,
        };
        (
            place,
            format!("file is not valid UTF-8 (invalid byte at offset {at})"),
        )
    })
}

/// A path shown relative to `base` (with `..` when it lies outside it), `/`-separated.
pub fn relative_display(path: &Path, base: &Path) -> String {
    let path_parts: Vec<_> = path.components().collect();
    let base_parts: Vec<_> = base.components().collect();
    let common = path_parts
        .iter()
        .zip(&base_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 && path.is_absolute() {
        return path.to_string_lossy().replace('\\', "/");
    }
    let ups = std::iter::repeat_n("..".to_string(), base_parts.len() - common);
    let downs = path_parts[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let parts: Vec<String> = ups.chain(downs).collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::{SourceFile, relative_display};
    use std::path::Path;

    #[test]
    fn columns_count_characters_across_blocks() {
        // Multi-byte characters before and across the 4 KiB block boundaries.
        let line = "é".repeat(3000) + "x";
        let text = format!("ab\n{line}\n{line}");
        let file = SourceFile::new("f".into(), "f".into(), text.as_str().into());
        let x = 3 + line.len() - 1;
        assert_eq!(
            (file.line_col(x as u32).line, file.line_col(x as u32).column),
            (2, 3001)
        );
        let last = text.len() - 1;
        let at = file.line_col(last as u32);
        assert_eq!((at.line, at.column), (3, 3001));
        assert_eq!(file.line_col(text.len() as u32 + 10).line, 3);
        let empty = SourceFile::new("e".into(), "e".into(), "".into());
        assert_eq!((empty.line_col(0).line, empty.line_col(0).column), (1, 1));
    }

    #[test]
    fn displays_paths_relative_to_the_scanned_path() {
        assert_eq!(
            relative_display(Path::new("/r/a/main.tf"), Path::new("/r")),
            "a/main.tf"
        );
        assert_eq!(relative_display(Path::new("/r"), Path::new("/r")), ".");
        assert_eq!(
            relative_display(Path::new("/r/mods/x/main.tf"), Path::new("/r/examples/one")),
            "../../mods/x/main.tf"
        );
    }
}
