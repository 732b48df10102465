//! Discovery: which directories of the given paths hold Terraform modules, and which files
//! of a module directory Terraform reads.

use crate::diagnostic::{Code, Diagnostic, Location};
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

/// Walks `paths` (honouring `.gitignore`, in parallel) and returns the directories holding
/// at least one configuration file. A file given directly counts for its directory.
pub fn discover(paths: &[PathBuf], filters: &Filters) -> (Vec<FoundDir>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let (include, exclude) = match (globs(&filters.include), globs(&filters.exclude)) {
        (Ok(i), Ok(e)) => (i, e),
        (Err(d), _) | (_, Err(d)) => return (Vec::new(), vec![d]),
    };
    let found = Mutex::new(BTreeSet::new());
    for base in paths {
        let canonical_base = match base.canonicalize() {
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
        let (walk_root, display_base) = if canonical_base.is_file() {
            let parent = canonical_base
                .parent()
                .unwrap_or(Path::new("/"))
                .to_path_buf();
            (canonical_base.clone(), parent)
        } else {
            (canonical_base.clone(), canonical_base.clone())
        };
        if let Some(bad) = canonical_base.ancestors().find_map(overnested_ignore_file) {
            diagnostics.push(overnested_ignore_diagnostic(&bad, &canonical_base));
            continue;
        }
        let skipped = std::sync::Arc::new(Mutex::new(Vec::new()));
        let skipped_by_filter = skipped.clone();
        let walker = ignore::WalkBuilder::new(&walk_root)
            .filter_entry(move |e| {
                if matches!(e.file_name().to_str(), Some(".terraform" | ".git")) {
                    return false;
                }
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                match overnested_ignore_file(e.path()).filter(|_| is_dir) {
                    Some(bad) => {
                        skipped_by_filter
                            .lock()
                            .expect("no panic while holding the lock")
                            .push(bad);
                        false
                    }
                    None => true,
                }
            })
            .build_parallel();
        walker.run(|| {
            let found = &found;
            let (include, exclude, display_base) = (&include, &exclude, &display_base);
            Box::new(move |entry| {
                let Ok(entry) = entry else {
                    return ignore::WalkState::Continue;
                };
                let path = entry.path();
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                    return ignore::WalkState::Continue;
                };
                if classify(name) != Some(FileKind::Config)
                    || !entry.file_type().is_some_and(|t| t.is_file())
                {
                    return ignore::WalkState::Continue;
                }
                let rel = path.strip_prefix(display_base).unwrap_or(path);
                if include.as_ref().is_some_and(|g| !g.is_match(rel))
                    || exclude.as_ref().is_some_and(|g| g.is_match(rel))
                {
                    return ignore::WalkState::Continue;
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
                ignore::WalkState::Continue
            })
        });
        let mut skipped =
            std::mem::take(&mut *skipped.lock().expect("no panic while holding the lock"));
        skipped.sort();
        diagnostics.extend(
            skipped
                .iter()
                .map(|bad| overnested_ignore_diagnostic(bad, &display_base)),
        );
    }
    let found = found.into_inner().expect("no panic while holding the lock");
    (found.into_iter().collect(), diagnostics)
}

/// Deepest `{…}` nesting honoured in an ignore file. The `ignore` crate compiles each line
/// into a glob recursively, on walker threads with small stacks: 100,000 nested braces
/// crash the process. Git itself has no braces.
const MAX_IGNORE_BRACES: usize = 32;

/// The ignore file of `dir` (`.gitignore`, `.ignore`, `.git/info/exclude`) whose braces
/// nest deeper than [`MAX_IGNORE_BRACES`], if any.
fn overnested_ignore_file(dir: &Path) -> Option<PathBuf> {
    [".gitignore", ".ignore", ".git/info/exclude"]
        .iter()
        .map(|name| dir.join(name))
        .find(|path| {
            std::fs::read(path).is_ok_and(|bytes| {
                bytes.split(|b| *b == b'\n').any(|line| {
                    let mut depth = 0usize;
                    line.iter().any(|b| {
                        match b {
                            b'{' => depth += 1,
                            b'}' => depth = depth.saturating_sub(1),
                            _ => {}
                        }
                        depth > MAX_IGNORE_BRACES
                    })
                })
            })
        })
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
pub fn repository_root(path: &Path) -> PathBuf {
    let start = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let start = if start.is_file() {
        start.parent().map(Path::to_path_buf).unwrap_or(start)
    } else {
        start
    };
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
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
/// a `.tofu.json` file the `.tf.json` one, as OpenTofu does.
pub fn module_files(dir: &Path) -> io::Result<ModuleFiles> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .filter_map(|e| e.file_name().into_string().ok())
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
