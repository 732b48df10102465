//! Rendering: results are plain data; each output format is a separate renderer.

pub mod catalog;
pub mod diagnostics;
pub mod findings;
pub mod github;
pub mod inventory;
pub mod junit;
pub mod sarif;
pub mod snippet;

use std::io::{self, Write};
use std::path::Path;

/// Writes a report file atomically: into a temporary file beside it, renamed into place
/// once complete, so a crash or a failed write never leaves half a report.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = io::BufWriter::new(file.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
