//! Discovery: which directories of the given paths hold Terraform modules, and which files
//! of a module directory Terraform reads.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::fs::{FileSystem, Kind, MAX_IGNORE_BRACES};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Globs on paths relative to the scanned path; when set, only matching files count.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// A module directory found under a scanned path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundDir {
    /// The path given on the command line (the base for displayed paths).
    pub base: PathBuf,
    /// Canonical directory.
    pub dir: PathBuf,
}

/// Walks `paths` (see [`FileSystem::walk`]: on disk, honouring `.gitignore`, in parallel) and
/// returns the directories holding at least one configuration file. A file given directly
/// counts for its directory.
pub fn discover(
    fs: &dyn FileSystem,
    paths: &[PathBuf],
    filters: &Filters,
) -> (Vec<FoundDir>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let (include, exclude) = match (globs(&filters.include), globs(&filters.exclude)) {
        (Ok(i), Ok(e)) => (i, e),
        (Err(d), _) | (_, Err(d)) => return (Vec::new(), vec![d]),
    };
    let found = Mutex::new(BTreeSet::new());
    for base in paths {
        let canonical_base = match fs.canonicalize(base) {
            Ok(p) => p,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    Code::PathNotFound,
                    format!("cannot read {}: {e}", base.display()),
                    Location::None,
                ));
                continue;
            }
        };
        let display_base = if fs.kind(&canonical_base) == Some(Kind::File) {
            canonical_base
                .parent()
                .unwrap_or(Path::new("/"))
                .to_path_buf()
        } else {
            canonical_base.clone()
        };
        let visit = |path: &Path| {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                return;
            };
            if classify(name) != Some(FileKind::Config) {
                return;
            }
            let rel = path.strip_prefix(&display_base).unwrap_or(path);
            if include.as_ref().is_some_and(|g| !g.is_match(rel))
                || exclude.as_ref().is_some_and(|g| g.is_match(rel))
            {
                return;
            }
            if let Some(dir) = path.parent() {
                found
                    .lock()
                    .expect("no panic while holding the lock")
                    .insert(FoundDir {
                        base: display_base.clone(),
                        dir: dir.to_path_buf(),
                    });
            }
        };
        // Shown relative to the scanned path: for a directory, that is the displayed base.
        let skipped = fs.walk(&canonical_base, &visit);
        diagnostics.extend(
            skipped
                .iter()
                .map(|bad| overnested_ignore_diagnostic(bad, &canonical_base)),
        );
    }
    let found = found.into_inner().expect("no panic while holding the lock");
    (found.into_iter().collect(), diagnostics)
}

/// The directory of an over-nested ignore file is not scanned: the file cannot be honoured, and
/// scanning what it may exclude could read what the user meant to skip.
fn overnested_ignore_diagnostic(file: &Path, base: &Path) -> Diagnostic {
    Diagnostic::error(
        Code::LimitIgnoreFile,
        format!(
            "{}: braces nest deeper than {MAX_IGNORE_BRACES} levels; the directory holding it is not scanned",
            crate::source::relative_display(file, base)
        ),
        Location::None,
    )
}

fn globs(patterns: &[String]) -> Result<Option<GlobSet>, Diagnostic> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| {
            Diagnostic::error(
                Code::InvalidGlob,
                format!("invalid glob {p:?}: {e}"),
                Location::None,
            )
        })?;
        builder.add(glob);
    }
    builder
        .build()
        .map(Some)
        .map_err(|e| Diagnostic::error(Code::InvalidGlob, e.to_string(), Location::None))
}

/// The repository a path belongs to: the nearest ancestor holding `.git`, else the path
/// itself (its directory, for a file). Paths in reports are relative to it.
pub fn repository_root(fs: &dyn FileSystem, path: &Path) -> PathBuf {
    let start = fs.canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let start = if fs.kind(&start) == Some(Kind::File) {
        start.parent().map(Path::to_path_buf).unwrap_or(start)
    } else {
        start
    };
    start
        .ancestors()
        .find(|dir| fs.kind(&dir.join(".git")).is_some())
        .map(Path::to_path_buf)
        .unwrap_or(start)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Config,
    /// `override.tf`, `*_override.tf` (and JSON/OpenTofu forms).
    Override,
    /// `terraform.tfvars(.json)`, `*.auto.tfvars(.json)`: loaded automatically for a root.
    AutoVars,
}

/// What Terraform makes of a file name in a module directory.
pub fn classify(name: &str) -> Option<FileKind> {
    // Terraform ignores editor and hidden files.
    if name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
    {
        return None;
    }
    if name == "terraform.tfvars"
        || name == "terraform.tfvars.json"
        || name.ends_with(".auto.tfvars")
        || name.ends_with(".auto.tfvars.json")
    {
        return Some(FileKind::AutoVars);
    }
    let stem = [".tf", ".tf.json", ".tofu", ".tofu.json"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))?;
    if stem == "override" || stem.ends_with("_override") {
        Some(FileKind::Override)
    } else {
        Some(FileKind::Config)
    }
}

/// The files Terraform (or OpenTofu) reads in one module directory.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ModuleFiles {
    /// Configuration files in name order.
    pub config: Vec<PathBuf>,
    /// Override files in name order (merged after all configuration files).
    pub overrides: Vec<PathBuf>,
    /// `terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars(.json)` in name order.
    pub auto_vars: Vec<PathBuf>,
}

/// Lists a module directory. A `.tofu` file replaces the `.tf` file of the same name, and
/// a `.tofu.json` file the `.tf.json` one, as OpenTofu does. A link counts as a file: reading
/// it says what it leads to.
pub fn module_files(fs: &dyn FileSystem, dir: &Path) -> io::Result<ModuleFiles> {
    let mut names: Vec<String> = fs
        .list(dir)?
        .into_iter()
        .filter(|e| matches!(e.kind, Kind::File | Kind::Link))
        .filter_map(|e| e.name.into_string().ok())
        .collect();
    names.sort();
    let replaced_by_tofu = |name: &str| {
        let tofu = if let Some(stem) = name.strip_suffix(".tf") {
            format!("{stem}.tofu")
        } else if let Some(stem) = name.strip_suffix(".tf.json") {
            format!("{stem}.tofu.json")
        } else {
            return false;
        };
        names.binary_search(&tofu).is_ok()
    };
    let mut files = ModuleFiles::default();
    let mut auto_vars = Vec::new();
    for name in &names {
        match classify(name) {
            Some(FileKind::Config) if !replaced_by_tofu(name) => files.config.push(dir.join(name)),
            Some(FileKind::Override) if !replaced_by_tofu(name) => {
                files.overrides.push(dir.join(name))
            }
            Some(FileKind::AutoVars) => auto_vars.push(name.as_str()),
            _ => {}
        }
    }
    auto_vars.sort_by_key(|n| (!n.starts_with("terraform.tfvars"), *n));
    files.auto_vars = auto_vars.into_iter().map(|n| dir.join(n)).collect();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_terraform_file_names() {
        assert_eq!(classify("main.tf"), Some(FileKind::Config));
        assert_eq!(classify("main.tf.json"), Some(FileKind::Config));
        assert_eq!(classify("main.tofu"), Some(FileKind::Config));
        assert_eq!(classify("override.tf"), Some(FileKind::Override));
        assert_eq!(classify("db_override.tofu.json"), Some(FileKind::Override));
        assert_eq!(classify("terraform.tfvars"), Some(FileKind::AutoVars));
        assert_eq!(classify("prod.auto.tfvars.json"), Some(FileKind::AutoVars));
        assert_eq!(classify("prod.tfvars"), None);
        assert_eq!(classify(".main.tf"), None);
        assert_eq!(classify("main.tf~"), None);
        assert_eq!(classify("README.md"), None);
    }
}
