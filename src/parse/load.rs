//! Loads the module tree: every discovered directory, every local module it calls and every
//! module `terraform init` installed (`.terraform/modules/modules.json`). Each file is read
//! and parsed once, in parallel, whatever the number of roots that use it.

use super::{Syntax, parse_config, parse_tfvars, prescan};
use crate::config::{ModelError, Module, ModuleId, merge_overrides};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::discover::{FoundDir, module_files};
use crate::fs::{FileSystem, MAX_FILE_SIZE};
use crate::source::{FileId, SourceFile, SourceMap, Span, decode, relative_display};
use crate::syntax::{Attribute, Block};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a module call's source leads.
#[derive(Clone, Debug)]
pub enum CallSource {
    /// A local path, loaded as this module.
    Local(ModuleId),
    /// A local path with no module there.
    MissingLocal(PathBuf),
    /// A registry, Git or other remote address: found through `modules.json` of the root.
    Remote(String),
}

/// A call's source while loading.
#[derive(Clone)]
enum PendingCall {
    /// An existing local directory (canonical).
    Local(PathBuf),
    /// A local path that does not exist.
    Missing(PathBuf),
    Remote(String),
}

impl PendingCall {
    /// Where a call's `source` leads from the module in `dir`.
    fn of(fs: &dyn FileSystem, dir: &Path, source: &str) -> PendingCall {
        match local_source(source) {
            Some(rel) => {
                let path = dir.join(rel);
                match fs.canonicalize(&path) {
                    Ok(dir) => PendingCall::Local(dir),
                    Err(_) => PendingCall::Missing(path),
                }
            }
            None => PendingCall::Remote(source.to_string()),
        }
    }

    fn local(&self) -> Option<PathBuf> {
        match self {
            PendingCall::Local(dir) => Some(dir.clone()),
            _ => None,
        }
    }
}

/// A root module: a directory that no other scanned module calls.
#[derive(Clone, Debug)]
pub struct Root {
    pub module: ModuleId,
    /// Directory relative to the scanned path (`.` for the path itself).
    pub display: String,
}

/// A file of variable values (`terraform.tfvars`, `--var-file`).
#[derive(Debug)]
pub struct VarFile {
    pub file: FileId,
    pub attributes: Vec<Attribute>,
}

#[derive(Default)]
pub struct Workspace {
    pub sources: SourceMap,
    pub modules: Vec<Module>,
    /// Per module: where each of its calls leads.
    pub call_sources: Vec<Vec<CallSource>>,
    /// Per module: the variable files Terraform loads automatically when it is a root.
    pub auto_vars: Vec<Vec<VarFile>>,
    pub roots: Vec<Root>,
    pub diagnostics: Vec<Diagnostic>,
    by_dir: HashMap<PathBuf, ModuleId>,
    /// Per root directory: `modules.json` keys (`vpc`, `vpc.subnets`) → installed module.
    installed: HashMap<ModuleId, HashMap<String, ModuleId>>,
    /// Manifests read during loading, linked to module ids once everything is loaded.
    manifests: Vec<(ModuleId, HashMap<String, PathBuf>)>,
    /// Per module, where each call's source points, resolved once while loading and
    /// turned into [`CallSource`]s once every directory is loaded.
    pending_calls: Vec<Vec<PendingCall>>,
}

impl Workspace {
    pub fn module(&self, id: ModuleId) -> &Module {
        &self.modules[id.0 as usize]
    }

    /// The module installed for a call path (`vpc.subnets`) of a root, if `terraform init`
    /// ran there.
    pub fn installed_module(&self, root: ModuleId, key: &str) -> Option<ModuleId> {
        self.installed.get(&root)?.get(key).copied()
    }

    /// Every module a root may instantiate: itself, its local calls and the modules
    /// installed for it, transitively.
    pub fn closure(&self, root: ModuleId) -> Vec<ModuleId> {
        let mut seen = vec![root];
        let mut stack = vec![root];
        let installed = self.installed.get(&root);
        while let Some(id) = stack.pop() {
            let local = self.call_sources[id.0 as usize]
                .iter()
                .filter_map(|c| match c {
                    CallSource::Local(m) => Some(*m),
                    _ => None,
                });
            for next in local.chain(installed.into_iter().flat_map(|m| m.values().copied())) {
                if !seen.contains(&next) {
                    seen.push(next);
                    stack.push(next);
                }
            }
        }
        seen
    }

    /// Loads the roots of `found` that read one of `files` (canonical paths): a file in the
    /// directory of a module they instantiate. Which roots those are is worked out from the
    /// sources of module calls alone ([`call_graph`]), so the other roots are never parsed;
    /// problems in their files are not reported.
    pub fn load_reading(fs: &dyn FileSystem, found: &[FoundDir], files: &[PathBuf]) -> Workspace {
        let graph = call_graph(fs, found.iter().map(|f| f.dir.clone()).collect());
        let called: HashSet<&PathBuf> = graph
            .iter()
            .flat_map(|(caller, calls)| calls.local.iter().filter(move |d| *d != caller))
            .collect();
        let targets: HashSet<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        let reaches = |root: &PathBuf| {
            let mut seen = HashSet::from([root]);
            let mut stack = vec![root];
            while let Some(dir) = stack.pop() {
                if targets.contains(dir.as_path()) {
                    return true;
                }
                let next = graph.get(dir).into_iter().flat_map(DirCalls::all);
                stack.extend(next.filter(|d| seen.insert(*d)));
            }
            false
        };
        let roots: Vec<FoundDir> = found
            .iter()
            .filter(|f| !called.contains(&f.dir) && reaches(&f.dir))
            .cloned()
            .collect();
        // The roots kept may still not read the files: a module listed in `modules.json`
        // is instantiated only by the root whose call path it has.
        let mut ws = Workspace::load(fs, &roots);
        ws.retain_roots_reading(files);
        ws
    }

    /// Keeps the roots that read one of `files` (canonical paths): a file in the directory of
    /// a module they instantiate. Problems found while loading other files are dropped.
    fn retain_roots_reading(&mut self, files: &[PathBuf]) {
        // By directory: a file that failed to parse belongs to no module's file list, and
        // a root's variable files sit in its directory.
        let dirs_of = |ws: &Workspace, root: ModuleId| -> HashSet<PathBuf> {
            ws.closure(root)
                .into_iter()
                .map(|m| ws.module(m).dir.clone())
                .collect()
        };
        let in_any =
            |dirs: &HashSet<PathBuf>, path: &Path| path.parent().is_some_and(|d| dirs.contains(d));
        let keep: Vec<bool> = self
            .roots
            .iter()
            .map(|r| {
                let dirs = dirs_of(self, r.module);
                files.iter().any(|f| in_any(&dirs, f))
            })
            .collect();
        let mut keep = keep.into_iter();
        self.roots.retain(|_| keep.next().unwrap_or(false));
        let dirs: HashSet<PathBuf> = self
            .roots
            .iter()
            .flat_map(|r| dirs_of(self, r.module))
            .collect();
        let in_dirs = |path: &Path| in_any(&dirs, path);
        let sources = &self.sources;
        let by_display = |display: &str| {
            (0..sources.len() as u32)
                .map(crate::source::FileId)
                .find(|f| sources.display(*f) == display)
        };
        self.diagnostics.retain(|d| match &d.location {
            Location::Span(span) => in_dirs(&sources.get(span.file).path),
            Location::File { path, .. } => {
                by_display(path).is_none_or(|f| in_dirs(&sources.get(f).path))
            }
            Location::None => true,
        });
    }

    /// Whether `terraform init` ran in this root (it has a `modules.json`).
    pub fn is_initialised(&self, root: ModuleId) -> bool {
        self.installed.contains_key(&root)
    }

    /// Parses a `--var-file` given by the user.
    pub fn load_var_file(&mut self, fs: &dyn FileSystem, path: &Path) -> Option<VarFile> {
        let display = path.to_string_lossy().into_owned();
        let parsed = read_and_parse(
            fs,
            path,
            display,
            FileId(self.sources.len() as u32),
            FileRole::Vars,
        );
        self.add_parsed(parsed).map(|(file, body)| VarFile {
            file,
            attributes: body.attributes,
        })
    }

    /// Loads the discovered directories and everything they call. What is read is held in
    /// the workspace: it keeps no reference to `fs`.
    pub fn load(fs: &dyn FileSystem, found: &[FoundDir]) -> Workspace {
        let mut ws = Workspace::default();
        let mut display: HashMap<PathBuf, String> = HashMap::new();
        let mut pending: BTreeSet<PathBuf> = BTreeSet::new();
        for f in found {
            display
                .entry(f.dir.clone())
                .or_insert_with(|| relative_display(&f.dir, &f.base));
            pending.insert(f.dir.clone());
        }
        let base_of: HashMap<&PathBuf, &PathBuf> =
            found.iter().map(|f| (&f.dir, &f.base)).collect();
        // A module outside every scanned path (`../../modules/x`, a canonicalised symlink)
        // is shown relative to the first scanned path, with `..`.
        let first_base = found.first().map(|f| f.base.clone());
        let file_base = |dir: &Path| {
            base_of
                .get(&dir.to_path_buf())
                .map(|b| (*b).clone())
                .or_else(|| first_base.clone())
                .unwrap_or_else(|| dir.to_path_buf())
        };
        while !pending.is_empty() {
            let batch: Vec<PathBuf> = std::mem::take(&mut pending)
                .into_iter()
                .filter(|d| !ws.by_dir.contains_key(d))
                .collect();
            for id in ws.load_batch(fs, &batch, &file_base) {
                pending.extend(ws.dirs_to_load(fs, id));
            }
        }
        ws.link();
        ws.find_roots(found, &display);
        ws
    }

    fn load_batch(
        &mut self,
        fs: &dyn FileSystem,
        dirs: &[PathBuf],
        base_of: &dyn Fn(&Path) -> PathBuf,
    ) -> Vec<ModuleId> {
        // List every directory, then give every file its FileId before parsing in parallel.
        let listed: Vec<_> = dirs.par_iter().map(|d| (d, module_files(fs, d))).collect();
        let mut jobs = Vec::new();
        for (dir, files) in &listed {
            match files {
                Ok(files) => {
                    let base = base_of(dir);
                    let roles = files
                        .config
                        .iter()
                        .map(|p| (p, FileRole::Config))
                        .chain(files.overrides.iter().map(|p| (p, FileRole::Override)))
                        .chain(files.auto_vars.iter().map(|p| (p, FileRole::Vars)));
                    for (path, role) in roles {
                        jobs.push((*dir, path.clone(), relative_display(path, &base), role));
                    }
                }
                Err(e) => self.diagnostics.push(Diagnostic::error(
                    Code::UnreadableDirectory,
                    format!("cannot list {}: {e}", dir.display()),
                    Location::None,
                )),
            }
        }
        let first = self.sources.len() as u32;
        let parsed: Vec<_> = jobs
            .par_iter()
            .enumerate()
            .map(|(i, (_, path, display, role))| {
                read_and_parse(fs, path, display.clone(), FileId(first + i as u32), *role)
            })
            .collect();

        let mut per_dir: HashMap<&Path, DirContents> = HashMap::new();
        for ((dir, _, _, role), parsed) in jobs.iter().zip(parsed) {
            let entry = per_dir.entry(dir.as_path()).or_default();
            let Some((file, body)) = self.add_parsed(parsed) else {
                continue;
            };
            match role {
                FileRole::Config => {
                    entry.files.push(file);
                    entry.blocks.extend(body.blocks);
                }
                FileRole::Override => {
                    entry.files.push(file);
                    entry.overrides.extend(body.blocks);
                }
                FileRole::Vars => entry.vars.push(VarFile {
                    file,
                    attributes: body.attributes,
                }),
            }
        }
        let mut ids = Vec::new();
        for (dir, _) in listed.iter().filter(|(_, f)| f.is_ok()) {
            let DirContents {
                files,
                mut blocks,
                overrides,
                vars,
            } = per_dir.remove(dir.as_path()).unwrap_or_default();
            let mut errors = Vec::new();
            merge_overrides(&mut blocks, overrides, &mut errors);
            let module = Module::build((*dir).clone(), files, blocks, &mut errors);
            self.report_model_errors(errors);
            let id = ModuleId(self.modules.len() as u32);
            self.modules.push(module);
            self.auto_vars.push(vars);
            self.call_sources.push(Vec::new());
            self.pending_calls.push(Vec::new());
            self.by_dir.insert((*dir).clone(), id);
            ids.push(id);
        }
        ids
    }

    /// Adds a parsed file to the source map; reports it and returns `None` when it failed.
    fn add_parsed(&mut self, parsed: Parsed) -> Option<(FileId, crate::syntax::Body)> {
        match parsed {
            Parsed::Ok(file, body) => {
                self.sources.add(file);
                Some((FileId(self.sources.len() as u32 - 1), body))
            }
            Parsed::SyntaxError(file, offset, message) => {
                let id = self.sources.add(file);
                let span = Span::new(id, offset..offset);
                self.diagnostics.push(
                    Diagnostic::error(Code::ParseError, message, Location::Span(span))
                        .with_help("souverain cannot judge this file; fix the syntax (the other files are analysed)"),
                );
                None
            }
            Parsed::Unreadable(file, location, message) => {
                // Keep FileIds dense: an unreadable file still takes its slot.
                self.sources.add(file);
                self.diagnostics
                    .push(Diagnostic::error(Code::UnreadableFile, message, location));
                None
            }
        }
    }

    fn report_model_errors(&mut self, errors: Vec<ModelError>) {
        self.diagnostics.extend(errors.into_iter().map(|e| {
            Diagnostic::error(
                Code::InvalidConfiguration,
                e.message,
                Location::Span(e.span),
            )
        }));
    }

    /// Directories a module leads to: its local calls and, when `terraform init` ran in it,
    /// every module listed in its `modules.json`.
    fn dirs_to_load(&mut self, fs: &dyn FileSystem, id: ModuleId) -> Vec<PathBuf> {
        let module = &self.modules[id.0 as usize];
        // Many calls share a source: each is canonicalised once.
        let mut by_source: HashMap<&str, PendingCall> = HashMap::new();
        let pending: Vec<PendingCall> = module
            .calls
            .iter()
            .map(|call| {
                let source = call.source.as_deref().unwrap_or("");
                by_source
                    .entry(source)
                    .or_insert_with(|| PendingCall::of(fs, &module.dir, source))
                    .clone()
            })
            .collect();
        let mut dirs: Vec<PathBuf> = pending.iter().filter_map(PendingCall::local).collect();
        self.pending_calls[id.0 as usize] = pending;
        match read_manifest(fs, &module.dir) {
            Ok(Some(manifest)) => {
                dirs.extend(manifest.values().cloned());
                self.manifests.push((id, manifest));
            }
            Ok(None) => {}
            Err(diagnostic) => self.diagnostics.push(diagnostic),
        }
        dirs.retain(|d| !self.by_dir.contains_key(d));
        dirs
    }

    /// Once every directory is loaded: where each call leads, and each root's installed
    /// modules by key.
    fn link(&mut self) {
        for (i, pending) in std::mem::take(&mut self.pending_calls)
            .into_iter()
            .enumerate()
        {
            self.call_sources[i] = pending
                .into_iter()
                .map(|call| match call {
                    PendingCall::Local(dir) => match self.by_dir.get(&dir) {
                        Some(id) => CallSource::Local(*id),
                        None => CallSource::MissingLocal(dir),
                    },
                    PendingCall::Missing(path) => CallSource::MissingLocal(path),
                    PendingCall::Remote(source) => CallSource::Remote(source),
                })
                .collect();
        }
        for (root, manifest) in std::mem::take(&mut self.manifests) {
            let by_key = manifest
                .into_iter()
                .filter_map(|(key, dir)| Some((key, *self.by_dir.get(&dir)?)))
                .collect();
            self.installed.insert(root, by_key);
        }
    }

    /// Roots: discovered directories that no other module calls by a local path.
    fn find_roots(&mut self, found: &[FoundDir], display: &HashMap<PathBuf, String>) {
        let called: HashSet<ModuleId> = self
            .call_sources
            .iter()
            .enumerate()
            .flat_map(|(caller, calls)| {
                calls.iter().filter_map(move |c| match c {
                    CallSource::Local(id) if id.0 as usize != caller => Some(*id),
                    _ => None,
                })
            })
            .collect();
        let mut seen = HashSet::new();
        for f in found {
            let Some(&id) = self.by_dir.get(&f.dir) else {
                continue;
            };
            if !called.contains(&id) && seen.insert(id) {
                self.roots.push(Root {
                    module: id,
                    display: display.get(&f.dir).cloned().unwrap_or_else(|| ".".into()),
                });
            }
        }
        self.report_rootless_cycles(found, display);
    }

    /// Modules that only a module call cycle calls (`a` calls `b` calls `a`): no root
    /// reaches them, and analysing nothing must not read as a pass.
    fn report_rootless_cycles(&mut self, found: &[FoundDir], display: &HashMap<PathBuf, String>) {
        let reached: HashSet<ModuleId> = self
            .roots
            .iter()
            .flat_map(|r| self.closure(r.module))
            .collect();
        let mut reported = HashSet::new();
        for f in found {
            let Some(&id) = self.by_dir.get(&f.dir) else {
                continue;
            };
            if reached.contains(&id) || !reported.insert(id) {
                continue;
            }
            let call = self
                .call_sources
                .iter()
                .enumerate()
                .find_map(|(caller, calls)| {
                    let at = calls
                        .iter()
                        .position(|c| matches!(c, CallSource::Local(m) if *m == id))?;
                    Some(self.modules[caller].calls[at].header)
                });
            let dir = display.get(&f.dir).map_or(".", String::as_str);
            self.diagnostics.push(Diagnostic::error(
                Code::ModuleCycle,
                format!("module directory {dir} is called only from within a module call cycle (modules that call each other): no root module uses it, so it is not analysed"),
                call.map_or(Location::None, Location::Span),
            ));
        }
    }
}

/// Where the module of a directory leads.
#[derive(Default)]
struct DirCalls {
    /// The directories of its calls by a local path.
    local: Vec<PathBuf>,
    /// The modules `terraform init` installed for it.
    installed: Vec<PathBuf>,
}

impl DirCalls {
    fn all(&self) -> impl Iterator<Item = &PathBuf> {
        self.local.iter().chain(&self.installed)
    }
}

/// What every directory reached from `dirs` leads to, the way [`Workspace::load`] follows
/// calls, but reading only the sources of module calls.
fn call_graph(fs: &dyn FileSystem, dirs: Vec<PathBuf>) -> HashMap<PathBuf, DirCalls> {
    let mut graph: HashMap<PathBuf, DirCalls> = HashMap::new();
    let mut pending: BTreeSet<PathBuf> = dirs.into_iter().collect();
    while !pending.is_empty() {
        let batch: Vec<(PathBuf, DirCalls)> = std::mem::take(&mut pending)
            .into_par_iter()
            .filter(|d| !graph.contains_key(d))
            .map(|dir| {
                // Many calls share a source: each is canonicalised once.
                let mut sources = call_sources(fs, &dir);
                sources.sort_unstable();
                sources.dedup();
                let local = sources
                    .iter()
                    .filter_map(|source| PendingCall::of(fs, &dir, source).local())
                    .collect();
                // An unreadable manifest is reported when the module is loaded.
                let installed = read_manifest(fs, &dir)
                    .ok()
                    .flatten()
                    .map(|m| m.into_values().collect())
                    .unwrap_or_default();
                (dir, DirCalls { local, installed })
            })
            .collect();
        for (dir, calls) in batch {
            pending.extend(calls.all().filter(|d| !graph.contains_key(*d)).cloned());
            graph.insert(dir, calls);
        }
    }
    graph
}

/// The `source` of every module call of a directory, as loading reads them: by
/// [`prescan`] when every file is plain native HCL, else by parsing its files.
fn call_sources(fs: &dyn FileSystem, dir: &Path) -> Vec<String> {
    let Ok(files) = module_files(fs, dir) else {
        return Vec::new();
    };
    let texts: Vec<String> = files
        .config
        .iter()
        .filter_map(|path| decode(fs.read(path, MAX_FILE_SIZE).ok()?).ok())
        .collect();
    let prescanned: Option<Vec<&str>> = (files.overrides.is_empty()
        && files
            .config
            .iter()
            .all(|p| Syntax::of(&p.to_string_lossy()) == Syntax::Hcl))
    .then(|| {
        texts
            .iter()
            .map(|t| prescan::module_sources(t))
            .collect::<Option<Vec<_>>>()
    })
    .flatten()
    .map(|per_file| per_file.concat());
    if let Some(sources) = prescanned {
        return sources.into_iter().map(String::from).collect();
    }
    let parsed = |paths: &[PathBuf], role| -> Vec<Block> {
        paths
            .iter()
            .filter_map(
                |path| match read_and_parse(fs, path, String::new(), FileId(0), role) {
                    Parsed::Ok(_, body) => Some(body.blocks),
                    _ => None,
                },
            )
            .flatten()
            .collect()
    };
    let mut blocks = parsed(&files.config, FileRole::Config);
    let mut errors = Vec::new();
    merge_overrides(
        &mut blocks,
        parsed(&files.overrides, FileRole::Override),
        &mut errors,
    );
    Module::build(dir.to_path_buf(), Vec::new(), blocks, &mut errors)
        .calls
        .into_iter()
        .filter_map(|call| call.source)
        .collect()
}

/// Reads `.terraform/modules/modules.json` of a module directory: call-path key →
/// canonical directory of the installed module; `None` when `terraform init` did not run
/// there.
fn read_manifest(
    fs: &dyn FileSystem,
    dir: &Path,
) -> Result<Option<HashMap<String, PathBuf>>, Diagnostic> {
    #[derive(serde::Deserialize)]
    struct Manifest {
        #[serde(rename = "Modules", default)]
        modules: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        #[serde(rename = "Key")]
        key: String,
        #[serde(rename = "Dir")]
        dir: String,
    }
    let path = dir.join(".terraform/modules/modules.json");
    let Some(text) = fs
        .read(&path, MAX_FILE_SIZE)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return Ok(None);
    };
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
        Diagnostic::warning(
            Code::InvalidModuleManifest,
            format!(
                "cannot read {}: {e}; installed modules are not followed",
                path.display()
            ),
            Location::File {
                path: path.display().to_string(),
                line: e.line() as u32,
                column: e.column() as u32,
            },
        )
    })?;
    Ok(Some(
        manifest
            .modules
            .into_iter()
            .filter(|e| !e.key.is_empty())
            .filter_map(|e| Some((e.key, fs.canonicalize(&dir.join(&e.dir)).ok()?)))
            .collect(),
    ))
}

/// The relative path of a local module source (`./x`, `../x`), `None` for remote sources.
fn local_source(source: &str) -> Option<&str> {
    let local =
        source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
    local.then_some(source)
}

/// A directory's parsed files, before they become a [`Module`].
#[derive(Default)]
struct DirContents {
    files: Vec<FileId>,
    blocks: Vec<Block>,
    overrides: Vec<Block>,
    vars: Vec<VarFile>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileRole {
    Config,
    Override,
    Vars,
}

enum Parsed {
    Ok(SourceFile, crate::syntax::Body),
    SyntaxError(SourceFile, usize, String),
    Unreadable(SourceFile, Location, String),
}

fn read_and_parse(
    fs: &dyn FileSystem,
    path: &Path,
    display: String,
    id: FileId,
    role: FileRole,
) -> Parsed {
    let empty = |display: String| SourceFile::new(path.to_path_buf(), display, Arc::from(""));
    let bytes = match fs.read(path, MAX_FILE_SIZE) {
        Ok(b) => b,
        Err(e) => {
            let location = Location::File {
                path: display.clone(),
                line: 1,
                column: 1,
            };
            return Parsed::Unreadable(
                empty(display.clone()),
                location,
                format!("cannot read {display}: {e}"),
            );
        }
    };
    let text: Arc<str> = match decode(bytes) {
        Ok(t) => Arc::from(t),
        Err((at, message)) => {
            let location = Location::File {
                path: display.clone(),
                line: at.line,
                column: at.column,
            };
            return Parsed::Unreadable(empty(display), location, message);
        }
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let syntax = Syntax::of(name);
    let result = match role {
        FileRole::Vars => parse_tfvars(id, &text, syntax),
        _ => parse_config(id, &text, syntax),
    };
    let file = SourceFile::new(path.to_path_buf(), display, text);
    match result {
        Ok(body) => Parsed::Ok(file, body),
        Err(e) => Parsed::SyntaxError(file, e.offset, e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::{Filters, discover};
    use crate::fs::{Memory, Os};

    /// A root calling a local module and an installed one, with a variable file, an override
    /// and a `.tofu` file replacing a `.tf` one; a second root beside it.
    const TREE: &[(&str, &str)] = &[
        (
            "main.tf",
            "module \"x\" {\n  source = \"./modules/x\"\n}\nmodule \"vpc\" {\n  source = \"acme/vpc/aws\"\n}\nresource \"aws_s3_bucket\" \"root\" {}\n",
        ),
        (
            "override.tf",
            "resource \"aws_s3_bucket\" \"root\" {\n  bucket = \"b\"\n}\n",
        ),
        ("terraform.tfvars", "region = \"eu-west-3\"\n"),
        (
            "modules/x/main.tf",
            "resource \"aws_s3_bucket\" \"tf\" {}\n",
        ),
        (
            "modules/x/main.tofu",
            "resource \"aws_s3_bucket\" \"tofu\" {}\n",
        ),
        (
            ".terraform/modules/modules.json",
            r#"{"Modules": [{"Key": "", "Source": "", "Dir": "."}, {"Key": "vpc", "Source": "acme/vpc/aws", "Dir": ".terraform/modules/vpc"}]}"#,
        ),
        (
            ".terraform/modules/vpc/main.tf",
            "resource \"aws_vpc\" \"v\" {}\n",
        ),
        ("other/main.tf", "resource \"aws_s3_bucket\" \"other\" {}\n"),
    ];

    /// What a workspace loaded, with directories relative to `base`, sorted: the same on
    /// any file system.
    fn structure(ws: &Workspace, base: &Path) -> Vec<String> {
        let dir = |id: ModuleId| {
            let dir = &ws.module(id).dir;
            relative_display(dir, base)
        };
        let displays = |files: &mut dyn Iterator<Item = FileId>| -> Vec<String> {
            files.map(|f| ws.sources.display(f).to_string()).collect()
        };
        let mut lines = Vec::new();
        for root in &ws.roots {
            let installed = ws.installed_module(root.module, "vpc").map(dir);
            lines.push(format!(
                "root {} = {}, installed vpc: {installed:?}",
                root.display,
                dir(root.module)
            ));
        }
        for (i, module) in ws.modules.iter().enumerate() {
            let resources: Vec<String> = module
                .resources
                .iter()
                .map(|r| format!("{}.{} ({})", r.kind, r.name, r.body.attributes.len()))
                .collect();
            let calls: Vec<String> = ws.call_sources[i]
                .iter()
                .map(|c| match c {
                    CallSource::Local(id) => dir(*id),
                    CallSource::MissingLocal(path) => relative_display(path, base),
                    CallSource::Remote(source) => source.clone(),
                })
                .collect();
            lines.push(format!(
                "module {}: files {:?}, vars {:?}, resources {resources:?}, calls {calls:?}",
                dir(ModuleId(i as u32)),
                displays(&mut module.files.iter().copied()),
                displays(&mut ws.auto_vars[i].iter().map(|v| v.file)),
            ));
        }
        lines.extend(
            ws.diagnostics
                .iter()
                .map(|d| format!("diagnostic {}", d.code)),
        );
        lines.sort();
        lines
    }

    #[test]
    fn a_tree_in_memory_loads_as_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in TREE {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        // Discovered directories and what loading them gives, relative to the scanned path.
        let scan = |fs: &dyn FileSystem, paths: &[PathBuf]| {
            let (found, diagnostics) = discover(fs, paths, &Filters::default());
            assert!(diagnostics.is_empty(), "{diagnostics:?}");
            let base = found[0].base.clone();
            let found_dirs: Vec<String> = found
                .iter()
                .map(|f| relative_display(&f.dir, &base))
                .collect();
            (found_dirs, structure(&Workspace::load(fs, &found), &base))
        };
        let on_disk = |paths: &[PathBuf]| scan(&Os, paths);
        let memory = Memory::new("/work/tree", TREE.iter().copied());
        let in_memory = |paths: &[PathBuf]| scan(&memory, paths);
        let (found, loaded) = in_memory(&[PathBuf::from(".")]);
        assert_eq!(found, [".", "modules/x", "other"]);
        assert_eq!(
            loaded,
            [
                "module .: files [\"main.tf\", \"override.tf\"], vars [\"terraform.tfvars\"], resources [\"aws_s3_bucket.root (1)\"], calls [\"modules/x\", \"acme/vpc/aws\"]",
                "module .terraform/modules/vpc: files [\".terraform/modules/vpc/main.tf\"], vars [], resources [\"aws_vpc.v (0)\"], calls []",
                "module modules/x: files [\"modules/x/main.tofu\"], vars [], resources [\"aws_s3_bucket.tofu (0)\"], calls []",
                "module other: files [\"other/main.tf\"], vars [], resources [\"aws_s3_bucket.other (0)\"], calls []",
                "root . = ., installed vpc: Some(\".terraform/modules/vpc\")",
                "root other = other, installed vpc: None",
            ]
        );
        assert_eq!(loaded, on_disk(&[dir.path().to_path_buf()]).1);
        // A file given directly, and a path with `..`.
        let file = |root: &Path| vec![root.join("modules/../main.tf")];
        assert_eq!(
            in_memory(&file(Path::new("/work/tree"))),
            on_disk(&file(&dir.path().canonicalize().unwrap()))
        );
        // Changed files select the roots reading them, as on disk.
        let (found, _) = discover(&memory, &[PathBuf::from(".")], &Filters::default());
        let changed = [PathBuf::from("/work/tree/modules/x/main.tofu")];
        let ws = Workspace::load_reading(&memory, &found, &changed);
        let roots: Vec<&str> = ws.roots.iter().map(|r| r.display.as_str()).collect();
        assert_eq!(roots, ["."]);
    }

    #[test]
    fn discovery_in_memory_filters_and_skips_terraform_directories() {
        let memory = Memory::new("/r", TREE.iter().copied());
        let found = |include: &[&str], exclude: &[&str]| {
            let filters = Filters {
                include: include.iter().map(|s| s.to_string()).collect(),
                exclude: exclude.iter().map(|s| s.to_string()).collect(),
            };
            let (found, diagnostics) = discover(&memory, &[PathBuf::from("/r")], &filters);
            assert!(diagnostics.is_empty(), "{diagnostics:?}");
            found
        };
        let dirs = |found: &[FoundDir]| -> Vec<String> {
            found
                .iter()
                .map(|f| relative_display(&f.dir, Path::new("/r")))
                .collect()
        };
        // `.terraform/modules/vpc/main.tf` is not discovered…
        let all = found(&[], &[]);
        assert_eq!(dirs(&all), [".", "modules/x", "other"]);
        assert_eq!(dirs(&found(&["modules/**"], &[])), ["modules/x"]);
        assert_eq!(dirs(&found(&[], &["other/**"])), [".", "modules/x"]);
        assert_eq!(dirs(&found(&["main.tf"], &[])), ["."]);
        // …but loaded through `modules.json`.
        let ws = Workspace::load(&memory, &found(&[], &["other/**"]));
        let root = ws.roots[0].module;
        let vpc = ws
            .installed_module(root, "vpc")
            .expect("installed module followed");
        assert_eq!(ws.module(vpc).dir, Path::new("/r/.terraform/modules/vpc"));
        assert!(ws.closure(root).contains(&vpc));
        // A missing path is reported, as on disk.
        let (none, diagnostics) =
            discover(&memory, &[PathBuf::from("nowhere")], &Filters::default());
        assert!(none.is_empty());
        assert_eq!(diagnostics[0].code, Code::PathNotFound);
    }

    #[test]
    fn changed_files_load_only_the_roots_that_reach_them() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "modules/shared/main.tf",
                "resource \"aws_s3_bucket\" \"b\" {}\n",
            ),
            (
                "app/main.tf",
                "module \"shared\" {\n  source = \"../modules/shared\"\n}\n",
            ),
            // JSON is read by the parser, not by the prescan.
            (
                "json/main.tf.json",
                r#"{ "module": { "shared": { "source": "../modules/shared" } } }"#,
            ),
            // An override changes where the call leads.
            (
                "moved/main.tf",
                "module \"shared\" {\n  source = \"../modules/shared\"\n}\n",
            ),
            (
                "moved/override.tf",
                "module \"shared\" {\n  source = \"../lonely\"\n}\n",
            ),
            ("lonely/main.tf", "resource \"aws_s3_bucket\" \"l\" {}\n"),
            ("broken/main.tf", "resource \"x\" \"y\" {\n"),
        ];
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let (found, _) = discover(&Os, &[dir.path().to_path_buf()], &Filters::default());
        let loaded = |changed: &str| {
            let changed = [dir.path().join(changed).canonicalize().unwrap()];
            let ws = Workspace::load_reading(&Os, &found, &changed);
            let mut full = Workspace::load(&Os, &found);
            full.retain_roots_reading(&changed);
            let roots = |ws: &Workspace| -> Vec<String> {
                ws.roots.iter().map(|r| r.display.clone()).collect()
            };
            assert_eq!(roots(&ws), roots(&full), "the same roots as a full scan");
            let read: Vec<String> = (0..ws.sources.len() as u32)
                .map(|f| ws.sources.display(FileId(f)).to_string())
                .collect();
            (roots(&ws), read)
        };
        let (roots, read) = loaded("modules/shared/main.tf");
        assert_eq!(roots, ["app", "json"]);
        assert!(
            read.iter().all(|f| !f.starts_with("broken/")),
            "an unrelated root is not parsed: {read:?}"
        );
        let (roots, read) = loaded("lonely/main.tf");
        assert_eq!(roots, ["moved"]);
        assert!(!read.iter().any(|f| f.starts_with("app/")), "{read:?}");
    }
}
