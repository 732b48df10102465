//! The engine: the one place the pipeline is sequenced. discover → parse → evaluate →
//! resolve → classify → check, for a tree ([`check_tree`]) or a plan ([`check_plan`]),
//! gives a [`Run`]: plain data that emitters render and the command line maps to an exit
//! code. Tests, fuzz targets and benches call these same functions.
//!
//! ```
//! use souverain::engine::{Request, check_files};
//! let tree = [(
//!     "main.tf",
//!     r#"provider "aws" { region = "eu-west-3" }
//! resource "aws_s3_bucket" "records" {
//!   tags = { data_classification = "sensitive" }
//! }"#,
//! )];
//! let request = Request { paths: vec![".".into()], ..Request::default() };
//! let run = check_files(tree, &request)?;
//! let rules: Vec<String> = run.open().map(|f| f.rule.to_string()).collect();
//! assert_eq!(rules, ["SOV001", "SOV002"]);
//! assert_eq!(run.address(&run.findings[0]), Some("aws_s3_bucket.records"));
//! # Ok::<(), souverain::engine::Failure>(())
//! ```

mod plan;
mod run;
mod scope;

pub use plan::{PlanRequest, PlanSource, check_plan, read_bounded};
pub use run::{Run, Summary};

use crate::catalog::Catalog;
use crate::check::{self, RuleId, Severity, baseline::Baseline};
use crate::classify;
use crate::date::Date;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::discover::{self, Filters};
use crate::fs::{FileSystem, Kind, MAX_FILE_SIZE, Memory, Os};
use crate::parse::Workspace;
use crate::resolve::{self, BackendRecord, Inputs, Limits, ResourceRecord};
use crate::settings::{self, Settings};
use crate::source::SourceMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// What to check: a tree of Terraform or OpenTofu files on disk.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// Directories or files. Files (as pre-commit passes them) select the roots that read
    /// them, and only findings touching them are reported.
    pub paths: Vec<PathBuf>,
    pub variables: Variables,
    pub filters: Filters,
    pub limits: Limits,
    pub policy: Policy,
    pub judgement: Judgement,
}

/// Variable values given outside the configuration.
#[derive(Clone, Debug, Default)]
pub struct Variables {
    /// `-var-file` files, in order (later wins).
    pub files: Vec<PathBuf>,
    /// `-var NAME=VALUE`, in order (later wins).
    pub values: Vec<(String, String)>,
    /// `TF_VAR_name` values ([`Inputs::env_from_process`] for the process's own).
    pub env: Vec<(String, String)>,
}

/// Where the knowledge and the organisation's choices come from.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    /// A directory of policy files replacing the embedded catalog.
    pub policies: Option<PathBuf>,
    /// The configuration file; default: `.souverain.hcl` found from the first path up.
    pub config: Option<PathBuf>,
}

/// How findings are judged and filtered.
#[derive(Clone, Debug)]
pub struct Judgement {
    /// The day qualifications and suppressions are judged on.
    pub today: Date,
    /// Findings below it are not reported.
    pub min_severity: Severity,
    /// Unresolved hosting of classified data (SOV005) is an error.
    pub fail_on_unresolved: bool,
    /// Report only findings this baseline file does not know.
    pub baseline: Option<PathBuf>,
    /// Rules no suppression comment silences and the configuration cannot turn off.
    pub non_suppressible: Vec<String>,
    /// The rules run; `None`: every rule.
    pub select: Option<Vec<RuleId>>,
}

impl Default for Judgement {
    fn default() -> Judgement {
        Judgement {
            today: Date::today(),
            min_severity: Severity::Info,
            fail_on_unresolved: false,
            baseline: None,
            non_suppressible: Vec::new(),
            select: None,
        }
    }
}

/// Why nothing could be checked.
pub enum Failure {
    /// The request or the configuration is wrong (unreadable settings or policies, a bad
    /// glob, a missing variables file, an unreadable baseline).
    Invalid(String),
    /// The input could not be analysed at all; the diagnostics say why.
    NothingChecked {
        reason: String,
        diagnostics: Vec<Diagnostic>,
        sources: SourceMap,
    },
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Invalid(message) => f.write_str(message),
            Failure::NothingChecked { reason, .. } => f.write_str(reason),
        }
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Invalid(message) => f.debug_tuple("Invalid").field(message).finish(),
            Failure::NothingChecked {
                reason,
                diagnostics,
                ..
            } => f
                .debug_struct("NothingChecked")
                .field("reason", reason)
                .field("diagnostics", diagnostics)
                .finish_non_exhaustive(),
        }
    }
}

impl std::error::Error for Failure {}

/// Checks a tree on disk.
pub fn check_tree(request: &Request) -> Result<Run, Failure> {
    check_tree_in(&Os, request)
}

/// Checks `(path, text)` files held in memory, as if they were a tree on disk whose root is
/// the working directory: `request.paths` are relative to it. Policies and the baseline,
/// when the request names them, are read from the disk.
pub fn check_files<P: AsRef<Path>, T: AsRef<[u8]>>(
    files: impl IntoIterator<Item = (P, T)>,
    request: &Request,
) -> Result<Run, Failure> {
    check_tree_in(&Memory::new(MEMORY_ROOT, files), request)
}

/// Where [`check_files`] places its files: an absolute path, as canonical paths are.
const MEMORY_ROOT: &str = "/";

/// Checks a tree read through `fs`.
pub fn check_tree_in(fs: &dyn FileSystem, request: &Request) -> Result<Run, Failure> {
    let analysed = analyse(fs, request)?;
    let repo_root = analysed.repo_root.clone();
    let changed = analysed.changed.clone();
    let mut diagnostics = analysed.diagnostics;
    if !analysed.found_any && diagnostics.is_empty() {
        diagnostics.push(Diagnostic::warning(
            Code::NoConfiguration,
            "no Terraform or OpenTofu files found",
            Location::None,
        ));
    }
    if !changed.is_empty() && analysed.ws.roots.is_empty() {
        diagnostics.push(Diagnostic::info(
            Code::NoRootReadsChangedFiles,
            "no root module reads the given files; nothing to check",
            Location::None,
        ));
    }
    let placed = Placed {
        found_any: analysed.found_any,
        roots: analysed
            .ws
            .roots
            .iter()
            .map(|r| r.display.clone())
            .collect(),
        repo_root,
        records: analysed.inventory.resources,
        backends: analysed.inventory.backends,
        diagnostics,
        catalog: analysed.catalog,
        settings: analysed.settings,
    };
    judge(
        &request.judgement,
        placed,
        analysed.ws,
        |findings, sources, records| scope::keep_changed(findings, sources, records, &changed),
    )
}

/// A tree discovered, loaded and resolved, with the knowledge it was resolved against.
struct Analysed {
    ws: Workspace,
    catalog: Catalog,
    settings: Settings,
    inventory: resolve::Inventory,
    diagnostics: Vec<Diagnostic>,
    found_any: bool,
    /// Files given as paths (canonical); empty when only directories were given.
    changed: Vec<PathBuf>,
    repo_root: PathBuf,
}

fn analyse(fs: &dyn FileSystem, request: &Request) -> Result<Analysed, Failure> {
    let paths = &request.paths;
    let mut settings = load_settings(fs, &request.policy, paths)?;
    // Files, as pre-commit passes them, select the roots that read them; those roots are
    // found among all the repository's roots.
    let changed: Vec<PathBuf> = paths
        .iter()
        .filter(|p| fs.kind(p) == Some(Kind::File))
        .filter_map(|p| fs.canonicalize(p).ok())
        .collect();
    let scanned: Vec<PathBuf> = match changed.first() {
        None => paths.clone(),
        Some(first) => std::iter::once(discover::repository_root(fs, first))
            .chain(
                paths
                    .iter()
                    .filter(|p| fs.kind(p) == Some(Kind::Dir))
                    .cloned(),
            )
            .collect(),
    };
    let catalog = load_catalog(&request.policy, &mut settings)?;
    let filters = Filters {
        include: request.filters.include.clone(),
        exclude: request
            .filters
            .exclude
            .iter()
            .chain(&settings.exclude)
            .cloned()
            .collect(),
    };
    let (found, mut diagnostics) = discover::discover(fs, &scanned, &filters);
    if let Some(bad) = diagnostics.iter().find(|d| d.code == Code::InvalidGlob) {
        return Err(Failure::Invalid(bad.message.clone()));
    }
    let mut ws = if changed.is_empty() {
        Workspace::load(fs, &found)
    } else {
        Workspace::load_reading(fs, &found, &changed)
    };
    let mut inputs = Inputs {
        env: request.variables.env.clone(),
        vars: request.variables.values.clone(),
        ..Inputs::default()
    };
    for path in &request.variables.files {
        match ws.load_var_file(fs, path) {
            Some(file) => inputs.var_files.push(file),
            None if fs.kind(path) != Some(Kind::File) => {
                return Err(Failure::Invalid(format!(
                    "--var-file {}: no such file",
                    path.display()
                )));
            }
            None => {}
        }
    }
    let mut inventory = resolve::resolve(&ws, &catalog, &inputs, &request.limits);
    diagnostics.append(&mut ws.diagnostics);
    diagnostics.append(&mut inventory.diagnostics);
    let repo_root = discover::repository_root(fs, paths.first().map_or(Path::new("."), |p| p));
    Ok(Analysed {
        ws,
        catalog,
        settings,
        inventory,
        diagnostics,
        found_any: !found.is_empty(),
        changed,
        repo_root,
    })
}

/// Resources placed, from a configuration or a plan, ready to be judged.
struct Placed {
    /// Whether any configuration (or a plan) was found to check.
    found_any: bool,
    roots: Vec<String>,
    repo_root: PathBuf,
    records: Vec<ResourceRecord>,
    backends: Vec<BackendRecord>,
    diagnostics: Vec<Diagnostic>,
    catalog: Catalog,
    settings: Settings,
}

/// Classifies and checks; `refine` adjusts the findings (scope, wording) before they are
/// filtered by severity and baseline.
fn judge(
    judgement: &Judgement,
    placed: Placed,
    mut ws: Workspace,
    refine: impl FnOnce(&mut Vec<check::Finding>, &SourceMap, &[ResourceRecord]),
) -> Result<Run, Failure> {
    let Placed {
        found_any,
        roots,
        repo_root,
        records,
        backends,
        diagnostics,
        catalog,
        mut settings,
    } = placed;
    // CI's pins, whatever configuration the repository holds.
    settings
        .pin(&judgement.non_suppressible)
        .map_err(Failure::Invalid)?;
    let baseline = match &judgement.baseline {
        None => None,
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| Baseline::parse(&t))
                .map_err(|e| {
                    Failure::Invalid(format!("cannot read the baseline {}: {e}", path.display()))
                })?,
        ),
    };
    let sources = std::mem::take(&mut ws.sources);
    let cx = check::Context {
        catalog: &catalog,
        settings: &settings,
        today: judgement.today,
        fail_on_unresolved: judgement.fail_on_unresolved || settings.fail_on_unresolved,
        selected: judgement.select.as_deref(),
    };
    let classes: Vec<_> = records
        .iter()
        .map(|r| classify::classify(r, &catalog, &settings))
        .collect();
    let mut findings = check::check(&cx, &sources, &records, &classes, &backends);
    refine(&mut findings, &sources, &records);
    findings.retain(|f| f.severity >= judgement.min_severity);
    let (known, matched) = match &baseline {
        Some(b) => {
            let (known, matched) = b.apply(&mut findings, &records);
            (known, Some(matched))
        }
        None => (Vec::new(), None),
    };
    let fail_on_unresolved = cx.fail_on_unresolved;
    let summary = Summary::of(
        &findings,
        &records,
        &classes,
        roots.len(),
        &diagnostics,
        matched,
    );
    Ok(Run {
        sources,
        records,
        classes,
        backends,
        findings,
        known,
        diagnostics,
        roots,
        repo_root,
        summary,
        fail_on_unresolved,
        found_any,
        catalog,
        _syntax: ws,
    })
}

/// `config`, else `.souverain.hcl` found from the first path upwards.
fn load_settings(
    fs: &dyn FileSystem,
    policy: &Policy,
    paths: &[PathBuf],
) -> Result<Settings, Failure> {
    let path = match &policy.config {
        Some(path) => Some(path.clone()),
        None => paths.first().and_then(|p| settings::find_settings(fs, p)),
    };
    let Some(path) = path else {
        return Ok(Settings::default());
    };
    let text = fs
        .read(&path, MAX_FILE_SIZE)
        .and_then(|bytes| String::from_utf8(bytes).map_err(std::io::Error::other))
        .map_err(|e| Failure::Invalid(format!("cannot read {}: {e}", path.display())))?;
    settings::parse_settings(&text, &path).map_err(|e| Failure::Invalid(e.to_string()))
}

/// The embedded catalog or the policies directory, plus what the configuration adds.
pub fn load_catalog(policy: &Policy, settings: &mut Settings) -> Result<Catalog, Failure> {
    let mut catalog = match &policy.policies {
        Some(dir) => Catalog::load_dir(dir).map_err(|e| Failure::Invalid(e.to_string()))?,
        None => Catalog::embedded(),
    };
    settings.apply_to(&mut catalog).map_err(Failure::Invalid)?;
    Ok(catalog)
}
