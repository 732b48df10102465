//! The file system the engine reads: the disk ([`Os`]) or files held in memory
//! ([`Memory`]). Discovery, loading and the settings lookup read through [`FileSystem`]
//! only, so that a configuration can be checked without touching the disk: rule tests run
//! in-process, fuzzing, benches, an editor's unsaved buffers.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::io;
use std::ops::Bound;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Largest file read. Real configurations are at most a few megabytes; a bigger one is
/// generated or hostile, and would only cost time and memory.
pub const MAX_FILE_SIZE: u64 = 32 << 20;

/// Deepest `{…}` nesting honoured in an ignore file. The `ignore` crate compiles each line
/// into a glob recursively, on walker threads with small stacks: 100,000 nested braces
/// crash the process. Git itself has no braces.
pub const MAX_IGNORE_BRACES: usize = 32;

/// What a path is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    /// A symbolic link, as [`FileSystem::list`] shows it: Terraform reads a linked file,
    /// while discovery does not follow links.
    Link,
    /// Anything else: a named pipe, a socket, a device.
    Other,
}

impl Kind {
    fn of(t: std::fs::FileType) -> Kind {
        if t.is_file() {
            Kind::File
        } else if t.is_dir() {
            Kind::Dir
        } else if t.is_symlink() {
            Kind::Link
        } else {
            Kind::Other
        }
    }
}

/// One entry of a directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: OsString,
    pub kind: Kind,
}

pub trait FileSystem: Send + Sync {
    /// A regular file's bytes, refusing one larger than `limit` bytes before reading it all,
    /// and anything but a regular file (a symbolic link to a named pipe would block forever).
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>>;

    /// The entries of a directory, unsorted; a link is [`Kind::Link`], not followed.
    fn list(&self, dir: &Path) -> io::Result<Vec<Entry>>;

    /// The absolute path with `.`, `..` and links resolved; an error when it does not exist.
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf>;

    /// The path made absolute against the current directory, resolving nothing.
    fn absolute(&self, path: &Path) -> io::Result<PathBuf>;

    /// What a path is, links followed; `None` when it does not exist.
    fn kind(&self, path: &Path) -> Option<Kind>;

    /// Calls `visit` for every regular file under `root` (`root` itself when it is a file),
    /// in any order, maybe from several threads, never entering a `.terraform` or `.git`
    /// directory. Returns the ignore files that could not be honoured: the directory holding
    /// each is left out.
    ///
    /// By default, every directory is listed; [`Os`] honours `.gitignore` too.
    fn walk(&self, root: &Path, visit: &(dyn Fn(&Path) + Sync)) -> Vec<PathBuf> {
        if self.kind(root) == Some(Kind::File) {
            visit(root);
            return Vec::new();
        }
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            // An unlistable directory is passed over, as the `ignore` walker does.
            for entry in self.list(&dir).unwrap_or_default() {
                let path = dir.join(&entry.name);
                match entry.kind {
                    _ if never_walked(&entry.name) => {}
                    Kind::File => visit(&path),
                    Kind::Dir => stack.push(path),
                    Kind::Link | Kind::Other => {}
                }
            }
        }
        Vec::new()
    }
}

/// What discovery never walks into: the modules `terraform init` downloaded (loading
/// follows them through `modules.json`) and Git's own files.
fn never_walked(name: &OsStr) -> bool {
    name == ".terraform" || name == ".git"
}

fn not_regular() -> io::Error {
    io::Error::other("not a regular file; not read")
}

fn too_large(limit: u64) -> io::Error {
    io::Error::other(format!(
        "larger than {} MiB (the file size limit); not read",
        limit >> 20
    ))
}

/// The disk.
#[derive(Clone, Copy, Debug, Default)]
pub struct Os;

impl FileSystem for Os {
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        use std::io::Read;
        if !std::fs::metadata(path)?.is_file() {
            return Err(not_regular());
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)?
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(too_large(limit));
        }
        Ok(bytes)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<Entry>> {
        Ok(std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| Entry {
                kind: e.file_type().map_or(Kind::Other, Kind::of),
                name: e.file_name(),
            })
            .collect())
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        path.canonicalize()
    }

    fn absolute(&self, path: &Path) -> io::Result<PathBuf> {
        std::path::absolute(path)
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        std::fs::metadata(path)
            .ok()
            .map(|m| Kind::of(m.file_type()))
    }

    /// The `ignore` walker, in parallel, honouring `.gitignore`; a directory whose ignore
    /// file nests braces too deeply is left out (see [`MAX_IGNORE_BRACES`]).
    fn walk(&self, root: &Path, visit: &(dyn Fn(&Path) + Sync)) -> Vec<PathBuf> {
        if let Some(bad) = root.ancestors().find_map(overnested_ignore_file) {
            return vec![bad];
        }
        let skipped = Arc::new(Mutex::new(Vec::new()));
        let skipped_by_filter = skipped.clone();
        let walker = ignore::WalkBuilder::new(root)
            .filter_entry(move |e| {
                if never_walked(e.file_name()) {
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
            Box::new(move |entry| {
                if let Ok(entry) = entry
                    && entry.file_type().is_some_and(|t| t.is_file())
                {
                    visit(entry.path());
                }
                ignore::WalkState::Continue
            })
        });
        let mut skipped =
            std::mem::take(&mut *skipped.lock().expect("no panic while holding the lock"));
        skipped.sort();
        skipped
    }
}

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

/// Files held in memory, keyed by absolute, lexically normalised path. A directory exists
/// when a file is below it. There are no links, so `..` is resolved lexically (unlike on
/// disk, `missing/..` resolves); no ignore file is honoured.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    /// The current directory, which relative paths are read from.
    root: PathBuf,
    files: BTreeMap<PathBuf, Arc<[u8]>>,
}

impl Memory {
    /// `files` as `(path, text)`, relative paths being under `root` (made absolute against
    /// `/`), which is also the current directory.
    pub fn new<P, T>(root: impl AsRef<Path>, files: impl IntoIterator<Item = (P, T)>) -> Memory
    where
        P: AsRef<Path>,
        T: AsRef<[u8]>,
    {
        let root = normal(&Path::new("/").join(root));
        let files = files
            .into_iter()
            .map(|(path, text)| (normal(&root.join(path)), Arc::from(text.as_ref())))
            .collect();
        Memory { root, files }
    }

    /// The current directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn resolve(&self, path: &Path) -> PathBuf {
        normal(&self.root.join(path))
    }

    /// The files strictly below a directory: a contiguous run of the map, since paths order
    /// component by component.
    fn below<'a>(&'a self, dir: &'a Path) -> impl Iterator<Item = &'a PathBuf> + 'a {
        self.files
            .range::<Path, _>((Bound::Excluded(dir), Bound::Unbounded))
            .map(|(path, _)| path)
            .take_while(move |path| path.starts_with(dir))
    }

    fn kind_of(&self, path: &Path) -> Option<Kind> {
        if self.files.contains_key(path) {
            Some(Kind::File)
        } else {
            self.below(path).next().map(|_| Kind::Dir)
        }
    }
}

fn not_found() -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, "no such file or directory")
}

/// `.` and `..` removed by their meaning in a path without links.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

impl FileSystem for Memory {
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let path = self.resolve(path);
        match self.files.get(&path) {
            Some(bytes) if bytes.len() as u64 > limit => Err(too_large(limit)),
            Some(bytes) => Ok(bytes.to_vec()),
            None if self.kind_of(&path).is_some() => Err(not_regular()),
            None => Err(not_found()),
        }
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<Entry>> {
        let dir = self.resolve(dir);
        match self.kind_of(&dir) {
            Some(Kind::Dir) => {}
            Some(_) => return Err(io::Error::from(io::ErrorKind::NotADirectory)),
            None => return Err(not_found()),
        }
        let mut entries: Vec<Entry> = Vec::new();
        for path in self.below(&dir) {
            let mut rest = path.strip_prefix(&dir).unwrap_or(path).components();
            let Some(name) = rest.next().map(|c| c.as_os_str()) else {
                continue;
            };
            // The files below one entry are contiguous too: one entry each.
            if entries.last().is_some_and(|e| e.name == name) {
                continue;
            }
            let kind = if rest.next().is_some() {
                Kind::Dir
            } else {
                Kind::File
            };
            entries.push(Entry {
                name: name.to_owned(),
                kind,
            });
        }
        Ok(entries)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        let path = self.resolve(path);
        match self.kind_of(&path) {
            Some(_) => Ok(path),
            None => Err(not_found()),
        }
    }

    fn absolute(&self, path: &Path) -> io::Result<PathBuf> {
        Ok(self.root.join(path))
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        self.kind_of(&self.resolve(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> Memory {
        Memory::new(
            "/work",
            [
                ("main.tf", "a"),
                ("modules/x/main.tf", "bb"),
                ("modules/x/deep/y.tf", "ccc"),
                ("/elsewhere/z.tf", "d"),
            ],
        )
    }

    fn names(fs: &Memory, dir: &str) -> Vec<(String, Kind)> {
        let mut entries: Vec<_> = fs
            .list(Path::new(dir))
            .unwrap()
            .into_iter()
            .map(|e| (e.name.to_string_lossy().into_owned(), e.kind))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries
    }

    #[test]
    fn directories_are_implied_by_the_files_below_them() {
        let fs = memory();
        assert_eq!(
            names(&fs, "/work"),
            [
                ("main.tf".into(), Kind::File),
                ("modules".into(), Kind::Dir)
            ]
        );
        assert_eq!(
            names(&fs, "modules/x"),
            [("deep".into(), Kind::Dir), ("main.tf".into(), Kind::File)]
        );
        assert_eq!(
            names(&fs, "/"),
            [("elsewhere".into(), Kind::Dir), ("work".into(), Kind::Dir)]
        );
        assert_eq!(fs.kind(Path::new("/work/modules")), Some(Kind::Dir));
        assert_eq!(fs.kind(Path::new("modules/x/main.tf")), Some(Kind::File));
        // `modules/x.tf` sorts after `modules/x/…`: not a file below `modules/x`.
        let fs = Memory::new("/", [("m/x/a.tf", ""), ("m/x.tf", ""), ("m/xa/b.tf", "")]);
        assert_eq!(names(&fs, "m/x"), [("a.tf".into(), Kind::File)]);
        assert_eq!(
            fs.list(Path::new("m/x.tf")).unwrap_err().kind(),
            io::ErrorKind::NotADirectory
        );
    }

    #[test]
    fn dots_resolve_lexically_against_the_current_directory() {
        let fs = memory();
        assert_eq!(fs.root(), Path::new("/work"));
        assert_eq!(
            fs.canonicalize(Path::new("modules/x/deep/../.")).unwrap(),
            Path::new("/work/modules/x")
        );
        assert_eq!(
            fs.canonicalize(Path::new("../elsewhere/z.tf")).unwrap(),
            Path::new("/elsewhere/z.tf")
        );
        assert_eq!(fs.canonicalize(Path::new(".")).unwrap(), Path::new("/work"));
        assert_eq!(
            fs.read(Path::new("./modules/../main.tf"), 10).unwrap(),
            b"a"
        );
        assert_eq!(
            fs.absolute(Path::new("a/../b")).unwrap(),
            Path::new("/work/a/../b")
        );
        // Relative file paths given to the constructor are under the root.
        let fs = Memory::new("w", [("../x.tf", "")]);
        assert_eq!(fs.kind(Path::new("/x.tf")), Some(Kind::File));
    }

    #[test]
    fn missing_paths_are_not_found() {
        let fs = memory();
        assert_eq!(fs.kind(Path::new("nowhere.tf")), None);
        assert_eq!(fs.kind(Path::new("modules/y")), None);
        for err in [
            fs.canonicalize(Path::new("modules/y")).unwrap_err(),
            fs.read(Path::new("modules/y/main.tf"), 10).unwrap_err(),
            fs.list(Path::new("modules/y")).unwrap_err(),
        ] {
            assert_eq!(err.kind(), io::ErrorKind::NotFound);
        }
    }

    #[test]
    fn reads_are_bounded_and_of_files_only() {
        let fs = memory();
        assert_eq!(
            fs.read(Path::new("modules/x/deep/y.tf"), 3).unwrap(),
            b"ccc"
        );
        let err = fs.read(Path::new("modules/x/deep/y.tf"), 2).unwrap_err();
        assert!(err.to_string().contains("file size limit"), "{err}");
        let err = fs.read(Path::new("modules"), 10).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[test]
    fn the_walk_skips_terraform_and_git_directories() {
        let fs = Memory::new(
            "/r",
            [
                ("a.tf", ""),
                ("sub/b.tf", ""),
                (".terraform/modules/m/c.tf", ""),
                ("sub/.git/d.tf", ""),
            ],
        );
        let seen = Mutex::new(Vec::new());
        let skipped = fs.walk(Path::new("/r"), &|p| {
            seen.lock().unwrap().push(p.to_path_buf())
        });
        assert!(skipped.is_empty());
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(seen, [Path::new("/r/a.tf"), Path::new("/r/sub/b.tf")]);
        let seen = Mutex::new(Vec::new());
        fs.walk(Path::new("/r/sub/b.tf"), &|p| {
            seen.lock().unwrap().push(p.to_path_buf())
        });
        assert_eq!(seen.into_inner().unwrap(), [Path::new("/r/sub/b.tf")]);
    }
}
