//! `plan-check`: a plan (`terraform show -json`) decides the placements; the configuration
//! it was made from, when there is one, gives the lines findings point at, the
//! suppression comments and the state backend.

use super::{Analysed, Failure, Judgement, Placed, Policy, Request, Run, Variables, judge};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::discover;
use crate::fs::Os;
use crate::parse::Workspace;
use crate::plan;
use crate::source::SourceFile;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the plan is read from.
#[derive(Clone, Debug)]
pub enum PlanSource {
    File(PathBuf),
    /// Read by the caller from standard input; its directory is the working directory.
    Stdin(Vec<u8>),
}

#[derive(Clone, Debug)]
pub struct PlanRequest {
    pub plan: PlanSource,
    /// The configuration the plan was made from (default: the plan's directory when it
    /// holds configuration files).
    pub config_dir: Option<PathBuf>,
    /// Also what the plan leaves unchanged, and what only its prior state holds.
    pub all: bool,
    /// Largest plan read, in bytes.
    pub max_plan_size: u64,
    pub policy: Policy,
    /// `TF_VAR_name` values, for the configuration's own analysis.
    pub env: Vec<(String, String)>,
    pub judgement: Judgement,
}

/// Everything `reader` gives, refused beyond `limit` bytes before more is read.
pub fn read_bounded(reader: impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(format!(
            "larger than --max-plan-size ({} MiB); not read",
            limit >> 20
        )));
    }
    Ok(bytes)
}

pub fn check_plan(request: &PlanRequest) -> Result<Run, Failure> {
    let (bytes, path, display, plan_dir) = match &request.plan {
        PlanSource::Stdin(bytes) => (
            bytes.clone(),
            PathBuf::from("-"),
            "<stdin>".to_string(),
            PathBuf::from("."),
        ),
        PlanSource::File(path) => {
            let bytes = std::fs::File::open(path)
                .and_then(|f| read_bounded(f, request.max_plan_size))
                .map_err(|e| {
                    Failure::Invalid(format!("cannot read the plan {}: {e}", path.display()))
                })?;
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), PathBuf::from);
            let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
            (bytes, canonical, path.display().to_string(), dir)
        }
    };
    let config_dir = match &request.config_dir {
        Some(dir) if !dir.is_dir() => {
            return Err(Failure::Invalid(format!(
                "--config-dir {}: no such directory",
                dir.display()
            )));
        }
        Some(dir) => Some(dir.clone()),
        None => has_configuration(&plan_dir).then(|| plan_dir.clone()),
    };
    let configured = match &config_dir {
        Some(dir) => Some(configuration(request, dir)?),
        None => None,
    };
    let text = crate::source::decode(bytes).map_err(|(at, message)| {
        Failure::Invalid(format!(
            "{display}:{}:{}: {message}: the plan could not be read",
            at.line, at.column
        ))
    })?;
    let (mut ws, catalog, settings, mut diagnostics, root, backends, configured_records) =
        match configured {
            Some(Configured { analysed, root }) => {
                let records: Vec<_> = analysed
                    .inventory
                    .resources
                    .into_iter()
                    .filter(|r| r.root == root)
                    .collect();
                let backends = analysed
                    .inventory
                    .backends
                    .into_iter()
                    .filter(|b| b.root == root)
                    .collect();
                // What the configuration could not resolve statically is the plan's to say.
                let diagnostics = analysed
                    .diagnostics
                    .into_iter()
                    .filter(Diagnostic::leaves_unanalysed)
                    .collect();
                (
                    analysed.ws,
                    analysed.catalog,
                    analysed.settings,
                    diagnostics,
                    root,
                    backends,
                    Some(records),
                )
            }
            None => {
                let dirs = [plan_dir.clone()];
                let mut settings = super::load_settings(&Os, &request.policy, &dirs)?;
                let catalog = super::load_catalog(&request.policy, &mut settings)?;
                let ws = Workspace::default();
                (
                    ws,
                    catalog,
                    settings,
                    Vec::new(),
                    ".".to_string(),
                    Vec::new(),
                    None,
                )
            }
        };
    let file = ws.sources.add(SourceFile::data(path, display, text.into()));
    let text = ws.sources.get(file).text.clone();
    let options = plan::Options { all: request.all };
    let mut read = match plan::read(&text, file, &root, &catalog, &options) {
        Ok(read) => read,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return Err(Failure::NothingChecked {
                reason: "the plan could not be read: nothing was checked".into(),
                diagnostics,
                sources: ws.sources,
            });
        }
    };
    let located_in_plan = match &configured_records {
        Some(records) => {
            let unmatched = plan::attach_sources(&mut read.resources, records);
            if unmatched > 0 {
                diagnostics.push(Diagnostic::warning(
                    Code::PlanWithoutSource,
                    format!("{unmatched} resources of the plan have no block under the configuration directory (a module not installed, or another configuration): their findings point at the plan"),
                    Location::None,
                ));
            }
            "located in the plan: its block was not found in the configuration directory"
        }
        None => "located in the plan: give --config-dir to point at the configuration",
    };
    diagnostics.append(&mut read.diagnostics);
    let repo_root = discover::repository_root(
        &Os,
        match (&config_dir, &request.plan) {
            (Some(dir), _) => dir,
            (None, PlanSource::File(path)) => path,
            (None, PlanSource::Stdin(_)) => Path::new("."),
        },
    );
    let placed = Placed {
        found_any: true,
        roots: vec![root],
        repo_root,
        records: read.resources,
        backends,
        diagnostics,
        catalog,
        settings,
    };
    judge(&request.judgement, placed, ws, |findings, _, _| {
        for f in findings.iter_mut().filter(|f| f.span.file == file) {
            f.message = format!("{} ({located_in_plan})", f.message);
        }
    })
}

/// The configuration directory analysed, and the name of its root.
struct Configured {
    analysed: Analysed,
    root: String,
}

fn configuration(request: &PlanRequest, dir: &Path) -> Result<Configured, Failure> {
    let analysed = super::analyse(
        &Os,
        &Request {
            paths: vec![dir.to_path_buf()],
            variables: Variables {
                env: request.env.clone(),
                ..Variables::default()
            },
            policy: request.policy.clone(),
            ..Request::default()
        },
    )?;
    let root = dir.canonicalize().ok().and_then(|dir| {
        analysed
            .ws
            .roots
            .iter()
            .find(|r| analysed.ws.module(r.module).dir == dir)
            .map(|r| r.display.clone())
    });
    match root {
        Some(root) => Ok(Configured { analysed, root }),
        None => Err(Failure::Invalid(format!(
            "--config-dir {}: no root module there (no .tf files, or a module that another module of the tree calls)",
            dir.display()
        ))),
    }
}

/// A directory with Terraform or OpenTofu configuration files of its own.
fn has_configuration(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            matches!(
                discover::classify(&e.file_name().to_string_lossy()),
                Some(discover::FileKind::Config | discover::FileKind::Override)
            )
        })
    })
}
