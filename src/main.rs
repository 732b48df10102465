//! The `souverain` command line.

use clap::{Parser, Subcommand, ValueEnum};
use souverain::catalog::Catalog;
use souverain::check::baseline::Baseline;
use souverain::check::today::{is_iso_date, today};
use souverain::check::{self, Severity};
use souverain::classify;
use souverain::diagnostic::{Diagnostic, Location, Severity as DiagnosticSeverity};
use souverain::discover::{self, Filters};
use souverain::parse::Workspace;
use souverain::report;
use souverain::resolve::{self, Inputs, Limits, ResourceRecord};
use souverain::settings::{self, Settings};
use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "souverain",
    version,
    about = "Checks Terraform/OpenTofu trees against the French State cloud doctrine, without running Terraform"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lists every resource with the provider configuration, operator and region it lands on.
    Inventory(InventoryArgs),
    /// Judges every data-holding resource against the cloud doctrine.
    Check(CheckArgs),
    /// Judges what a plan (`terraform show -json`) is about to create or change.
    PlanCheck(PlanCheckArgs),
    /// Explains a rule: what it checks, why, an example and the fix.
    Explain {
        /// A rule id, e.g. SOV001.
        rule: String,
    },
    /// Shows what souverain believes: vendors, qualifications, with sources and dates.
    Catalog(CatalogArgs),
}

#[derive(clap::Args)]
struct InventoryArgs {
    /// Directories (or files) to scan; each directory no other module calls is a root.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = InventoryFormat::Table)]
    format: InventoryFormat,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Directories (or files) to scan; each directory no other module calls is a root.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(clap::Args)]
struct PlanCheckArgs {
    /// The plan as JSON (`terraform show -json PLANFILE > plan.json`), or - for stdin.
    plan: PathBuf,
    /// The configuration the plan was made from: findings point at its lines and its
    /// suppression comments apply (default: the plan's directory when it holds .tf files).
    #[arg(long, value_name = "DIR")]
    config_dir: Option<PathBuf>,
    /// Also judge what the plan leaves unchanged, and what only its prior state holds.
    #[arg(long)]
    all: bool,
    /// Largest plan read, in MiB (a plan is held in memory whole).
    #[arg(long, value_name = "MIB", default_value_t = 1024)]
    max_plan_size: u64,
    #[command(flatten)]
    report: ReportArgs,
    /// Replace the embedded catalog with the policy files of this directory.
    #[arg(long, value_name = "DIR")]
    policies: Option<PathBuf>,
    /// Configuration file (default: `.souverain.hcl` in the configuration directory).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Colour in diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// What `check` and `plan-check` share: formats, thresholds, baselines, report files.
#[derive(clap::Args)]
struct ReportArgs {
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Findings below this severity are not shown.
    #[arg(long, value_enum, default_value_t = SeverityArg::Info)]
    min_severity: SeverityArg,
    /// Exit with 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t = SeverityArg::Error)]
    fail_on: SeverityArg,
    /// Unresolved hosting of classified data (SOV005) is an error, not a warning.
    #[arg(long)]
    fail_on_unresolved: bool,
    /// The date qualifications and suppressions are checked against (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// Also write a report to a file, atomically (repeatable): json=out.json, junit=…
    #[arg(long = "output", value_name = "FORMAT=PATH", value_parser = parse_output)]
    outputs: Vec<(CheckFormat, PathBuf)>,
    /// Shorthand for --output sarif=PATH.
    #[arg(long, value_name = "PATH")]
    sarif_file: Option<PathBuf>,
    /// Report only findings that this baseline file does not know.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the open findings in a baseline file (then adopt with --baseline).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// A rule no suppression comment silences and the configuration file cannot turn off
    /// or re-grade (repeatable): for CI, which a pull request does not control.
    #[arg(long = "non-suppressible", value_name = "RULE")]
    non_suppressible: Vec<String>,
}

#[derive(clap::Args)]
struct CatalogArgs {
    /// Only this vendor.
    #[arg(long, value_name = "ID")]
    vendor: Option<String>,
    #[arg(long, value_enum, default_value_t = InventoryFormat::Table)]
    format: InventoryFormat,
    /// Replace the embedded catalog with the policy files of this directory.
    #[arg(long, value_name = "DIR")]
    policies: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    /// GitHub Actions annotations (and a step summary when GITHUB_STEP_SUMMARY is set).
    Github,
    Junit,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl SeverityArg {
    fn severity(self) -> Severity {
        match self {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

#[derive(clap::Args)]
struct CommonArgs {
    /// A variable definitions file, as `terraform -var-file` (repeatable, later wins).
    #[arg(long = "var-file", value_name = "FILE")]
    var_files: Vec<PathBuf>,
    /// A variable value, as `terraform -var` (repeatable, later wins).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    vars: Vec<(String, String)>,
    /// Only scan files matching this glob (relative to the scanned path; repeatable).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip files matching this glob (relative to the scanned path; repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Replace the embedded catalog with the policy files of this directory.
    #[arg(long, value_name = "DIR")]
    policies: Option<PathBuf>,
    /// Configuration file (default: `.souverain.hcl` in the first scanned directory).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Most instances one count/for_each block may expand to.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_instances)]
    max_instances: usize,
    /// Colour in diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum InventoryFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_output(s: &str) -> Result<(CheckFormat, PathBuf), String> {
    let (format, path) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, got {s:?}"))?;
    let format = CheckFormat::from_str(format, true)?;
    if path.is_empty() {
        return Err(format!("no path in {s:?}"));
    }
    Ok((format, PathBuf::from(path)))
}

fn parse_var(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))
}

const WORKER_STACK: usize = 256 << 20;

/// Exit codes. `inventory`: 0 success, 1 some input could not be analysed. `check`: 0 no
/// finding at or above `--fail-on`, 1 findings. Both: 2 usage or configuration error,
/// unreadable policies, output that could not be written, or (`check`) nothing analysed.
fn main() -> ExitCode {
    let cli = Cli::parse();
    // Parsing, evaluation and dropping syntax trees recurse on nesting; large stacks
    // (reserved, committed only when used) keep deep but legitimate input from
    // overflowing them.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK)
        .build_global();
    let run = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || match cli.command {
            Command::Inventory(args) => inventory(args),
            Command::Check(args) => check(args),
            Command::PlanCheck(args) => plan_check(args),
            Command::Explain { rule } => explain(&rule),
            Command::Catalog(args) => catalog(args),
        });
    match run.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => fatal("internal error: the analysis thread failed"),
    }
}

/// Everything the commands share: settings, catalog, discovery, loading, resolution.
struct Analysed {
    ws: Workspace,
    catalog: Catalog,
    settings: Settings,
    inventory: resolve::Inventory,
    diagnostics: Vec<Diagnostic>,
    found_any: bool,
    /// Files given on the command line (canonical): findings are reported only when their
    /// resource or a cause is in one of them. Empty when directories were given.
    changed: Vec<PathBuf>,
}

fn analyse(paths: &[PathBuf], common: &CommonArgs) -> Result<Analysed, String> {
    let mut settings = load_settings(common, paths)?;
    // Files, as pre-commit passes them, select the roots that read them; those roots are
    // found among all the repository's roots.
    let changed: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_file())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let scanned: Vec<PathBuf> = match changed.first() {
        None => paths.to_vec(),
        Some(first) => std::iter::once(discover::repository_root(first))
            .chain(paths.iter().filter(|p| p.is_dir()).cloned())
            .collect(),
    };
    let paths = scanned.as_slice();
    let catalog = load_catalog(common.policies.as_deref(), &mut settings)?;
    let filters = Filters {
        include: common.include.clone(),
        exclude: common
            .exclude
            .iter()
            .chain(&settings.exclude)
            .cloned()
            .collect(),
    };
    let (found, mut diagnostics) = discover::discover(paths, &filters);
    if let Some(bad) = diagnostics.iter().find(|d| d.code == "invalid-glob") {
        return Err(bad.message.clone());
    }
    let mut ws = if changed.is_empty() {
        Workspace::load(&found)
    } else {
        Workspace::load_reading(&found, &changed)
    };
    let mut inputs = Inputs {
        env: Inputs::env_from_process(),
        vars: common.vars.clone(),
        ..Inputs::default()
    };
    for path in &common.var_files {
        match ws.load_var_file(path) {
            Some(file) => inputs.var_files.push(file),
            None if !path.is_file() => {
                return Err(format!("--var-file {}: no such file", path.display()));
            }
            None => {}
        }
    }
    let limits = Limits {
        max_instances: common.max_instances,
        ..Limits::default()
    };
    let mut inventory = resolve::resolve(&ws, &catalog, &inputs, &limits);
    diagnostics.append(&mut ws.diagnostics);
    diagnostics.append(&mut inventory.diagnostics);
    Ok(Analysed {
        ws,
        catalog,
        settings,
        inventory,
        diagnostics,
        found_any: !found.is_empty(),
        changed,
    })
}

fn inventory(args: InventoryArgs) -> ExitCode {
    let mut a = match analyse(&args.paths, &args.common) {
        Ok(a) => a,
        Err(message) => return fatal(&message),
    };
    if !a.found_any && a.diagnostics.is_empty() {
        a.diagnostics.push(Diagnostic::warning(
            "no-configuration",
            "no Terraform or OpenTofu files found",
            Location::None,
        ));
    }
    let written = write_stdout(|out| match args.format {
        InventoryFormat::Table => {
            report::inventory::write_table(out, &a.ws.sources, &a.inventory.resources)
        }
        InventoryFormat::Json => report::inventory::write_json(
            out,
            &a.ws.sources,
            &a.inventory.resources,
            &a.diagnostics,
        ),
        InventoryFormat::Csv => {
            report::inventory::write_csv(out, &a.ws.sources, &a.inventory.resources)
        }
    });
    if let Err(e) = written {
        return fatal(&format!("cannot write the report: {e}"));
    }
    print_diagnostics(&a.ws.sources, &a.diagnostics, args.common.color);
    if a.diagnostics
        .iter()
        .any(|d| d.severity == DiagnosticSeverity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let today = match checked_today(&args.report) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let a = match analyse(&args.paths, &args.common) {
        Ok(a) => a,
        Err(message) => return fatal(&message),
    };
    if !a.found_any {
        print_diagnostics(&a.ws.sources, &a.diagnostics, args.common.color);
        return fatal("no Terraform or OpenTofu files found: nothing was checked");
    }
    if !a.changed.is_empty() && a.ws.roots.is_empty() {
        eprintln!("souverain: no root module reads the given files; nothing to check");
        return ExitCode::SUCCESS;
    }
    let changed = a.changed.clone();
    let run = Judged {
        roots: a.ws.roots.len(),
        repo_root: discover::repository_root(&args.paths[0]),
        resources: a.inventory.resources,
        backends: a.inventory.backends,
        ws: a.ws,
        catalog: a.catalog,
        settings: a.settings,
        diagnostics: a.diagnostics,
    };
    judge(
        &args.report,
        args.common.color,
        &today,
        run,
        &mut |findings, ws, resources| {
            if !changed.is_empty() {
                keep_changed(findings, ws, resources, &changed);
            }
        },
    )
}

/// In changed-files mode, the findings whose resource, cause or evidence is in one of the
/// given files.
fn keep_changed(
    findings: &mut Vec<check::Finding>,
    ws: &Workspace,
    resources: &[ResourceRecord],
    changed: &[PathBuf],
) {
    let touched = |span: souverain::source::Span| changed.contains(&ws.sources.get(span.file).path);
    // A cause is also anything in the resource's evidence: a tfvars value, a module
    // call's argument, a provider alias passed down.
    let records: std::collections::HashMap<(&str, &str), &ResourceRecord> = resources
        .iter()
        .map(|r| ((r.root.as_str(), r.address.as_str()), r))
        .collect();
    let evidence_touched = |f: &check::Finding| {
        let record = f
            .address
            .as_deref()
            .and_then(|a| records.get(&(f.root.as_str(), a)));
        record.is_some_and(|r| r.evidence.iter().filter_map(|e| e.span).any(touched))
    };
    findings.retain(|f| {
        touched(f.span) || f.related.iter().any(|r| touched(r.span)) || evidence_touched(f)
    });
}

fn plan_check(args: PlanCheckArgs) -> ExitCode {
    let today = match checked_today(&args.report) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let from_stdin = args.plan.as_os_str() == "-";
    let limit = args.max_plan_size << 20;
    let bytes = if from_stdin {
        read_limited(std::io::stdin(), limit)
    } else {
        std::fs::File::open(&args.plan).and_then(|f| read_limited(f, limit))
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            return fatal(&format!(
                "cannot read the plan {}: {e}",
                args.plan.display()
            ));
        }
    };
    let plan_dir = if from_stdin {
        PathBuf::from(".")
    } else {
        args.plan
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), PathBuf::from)
    };
    let config_dir = match &args.config_dir {
        Some(dir) if !dir.is_dir() => {
            return fatal(&format!(
                "--config-dir {}: no such directory",
                dir.display()
            ));
        }
        Some(dir) => Some(dir.clone()),
        None => has_configuration(&plan_dir).then(|| plan_dir.clone()),
    };
    let common = CommonArgs {
        var_files: Vec::new(),
        vars: Vec::new(),
        include: Vec::new(),
        exclude: Vec::new(),
        policies: args.policies.clone(),
        config: args.config.clone(),
        max_instances: Limits::default().max_instances,
        color: args.color,
    };
    // The configuration is analysed for its lines, suppressions and state backend; the
    // plan decides placements.
    let (mut ws, catalog, settings, configured, backends, mut diagnostics) = match &config_dir {
        Some(dir) => {
            let a = match analyse(std::slice::from_ref(dir), &common) {
                Ok(a) => a,
                Err(message) => return fatal(&message),
            };
            let root = dir.canonicalize().ok().and_then(|dir| {
                a.ws.roots
                    .iter()
                    .find(|r| a.ws.module(r.module).dir == dir)
                    .map(|r| r.display.clone())
            });
            let Some(root) = root else {
                return fatal(&format!(
                    "--config-dir {}: no root module there (no .tf files, or a module that another module of the tree calls)",
                    dir.display()
                ));
            };
            // What the configuration could not resolve statically is the plan's to say.
            let diagnostics: Vec<Diagnostic> = a
                .diagnostics
                .into_iter()
                .filter(|d| {
                    d.severity == DiagnosticSeverity::Error || d.code == "module-not-installed"
                })
                .collect();
            let resources: Vec<ResourceRecord> = a
                .inventory
                .resources
                .into_iter()
                .filter(|r| r.root == root)
                .collect();
            let backends: Vec<_> = a
                .inventory
                .backends
                .into_iter()
                .filter(|b| b.root == root)
                .collect();
            (
                a.ws,
                a.catalog,
                a.settings,
                Some((root, resources)),
                backends,
                diagnostics,
            )
        }
        None => {
            let mut settings = match load_settings(&common, std::slice::from_ref(&plan_dir)) {
                Ok(s) => s,
                Err(message) => return fatal(&message),
            };
            let catalog = match load_catalog(common.policies.as_deref(), &mut settings) {
                Ok(c) => c,
                Err(message) => return fatal(&message),
            };
            (
                Workspace::default(),
                catalog,
                settings,
                None,
                Vec::new(),
                Vec::new(),
            )
        }
    };
    let text = match souverain::source::decode(bytes) {
        Ok(text) => text,
        Err((at, message)) => {
            return fatal(&format!(
                "{}:{}:{}: {message}: the plan could not be read",
                args.plan.display(),
                at.line,
                at.column
            ));
        }
    };
    let display = if from_stdin {
        "<stdin>".to_string()
    } else {
        args.plan.display().to_string()
    };
    let plan_path = args
        .plan
        .canonicalize()
        .unwrap_or_else(|_| args.plan.clone());
    let file = ws.sources.add(souverain::source::SourceFile::data(
        plan_path,
        display,
        text.into(),
    ));
    let root = configured
        .as_ref()
        .map_or(".", |(root, _)| root.as_str())
        .to_string();
    let options = souverain::plan::Options { all: args.all };
    let text = ws.sources.get(file).text.clone();
    let mut plan = match souverain::plan::read(&text, file, &root, &catalog, &options) {
        Ok(plan) => plan,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            print_diagnostics(&ws.sources, &diagnostics, args.color);
            return fatal("the plan could not be read: nothing was checked");
        }
    };
    if let Some((_, configured)) = &configured {
        let unmatched = souverain::plan::attach_sources(&mut plan.resources, configured);
        if unmatched > 0 {
            diagnostics.push(Diagnostic::warning(
                "plan-without-source",
                format!("{unmatched} resources of the plan have no block under the configuration directory (a module not installed, or another configuration): their findings point at the plan"),
                Location::None,
            ));
        }
    }
    diagnostics.append(&mut plan.diagnostics);
    let located_in_plan = if configured.is_some() {
        "located in the plan: its block was not found in the configuration directory"
    } else {
        "located in the plan: give --config-dir to point at the configuration"
    };
    let run = Judged {
        roots: 1,
        repo_root: discover::repository_root(config_dir.as_deref().unwrap_or(&args.plan)),
        resources: plan.resources,
        backends,
        ws,
        catalog,
        settings,
        diagnostics,
    };
    judge(
        &args.report,
        args.color,
        &today,
        run,
        &mut |findings, _, _| {
            for f in findings.iter_mut().filter(|f| f.span.file == file) {
                f.message = format!("{} ({located_in_plan})", f.message);
            }
        },
    )
}

/// Everything `reader` gives, refused beyond `limit` bytes before more is read.
fn read_limited(reader: impl std::io::Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut reader.take(limit.saturating_add(1)), &mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(format!(
            "larger than --max-plan-size ({} MiB); not read",
            limit >> 20
        )));
    }
    Ok(bytes)
}

/// A directory with Terraform or OpenTofu configuration files of its own.
fn has_configuration(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            matches!(
                discover::classify(&e.file_name().to_string_lossy()),
                Some(discover::FileKind::Config | discover::FileKind::Override)
            )
        })
    })
}

fn checked_today(args: &ReportArgs) -> Result<String, ExitCode> {
    match &args.today {
        Some(t) if is_iso_date(t) => Ok(t.clone()),
        Some(t) => Err(fatal(&format!("--today {t:?} is not a YYYY-MM-DD date"))),
        None => Ok(today()),
    }
}

/// Adjusts the findings of a run before severity and baseline filters.
type Refine<'a> = dyn FnMut(&mut Vec<check::Finding>, &Workspace, &[ResourceRecord]) + 'a;

/// What the rules judge: resources placed from the configuration or from a plan.
struct Judged {
    ws: Workspace,
    catalog: Catalog,
    settings: Settings,
    resources: Vec<ResourceRecord>,
    backends: Vec<resolve::BackendRecord>,
    diagnostics: Vec<Diagnostic>,
    roots: usize,
    repo_root: PathBuf,
}

/// Classifies, checks and reports; `refine` adjusts the findings before they are
/// filtered by severity and baseline. Exit code: 1 when a finding at or above
/// `--fail-on` remains, or something could not be read.
fn judge(
    args: &ReportArgs,
    color: Color,
    today: &str,
    mut run: Judged,
    refine: &mut Refine<'_>,
) -> ExitCode {
    // CI's pins, whatever configuration the repository holds.
    if let Err(message) = run.settings.pin(&args.non_suppressible) {
        return fatal(&message);
    }
    // Never dropped: the process exits right after the report, and freeing every syntax
    // node and record one by one cost 4% of a run.
    let run = ManuallyDrop::new(run);
    let Judged {
        ws,
        catalog,
        settings,
        resources,
        backends,
        diagnostics,
        roots,
        repo_root,
    } = &*run;
    let cx = check::Context {
        catalog,
        settings,
        today,
        fail_on_unresolved: args.fail_on_unresolved || settings.fail_on_unresolved,
    };
    let classes: Vec<_> = resources
        .iter()
        .map(|r| classify::classify(r, catalog, settings))
        .collect();
    let mut findings = check::check(&cx, ws, resources, &classes, backends);
    refine(&mut findings, ws, resources);
    let min = args.min_severity.severity();
    findings.retain(|f| f.severity >= min);
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(&findings);
        let written = report::write_atomic(path, |out| {
            serde_json::to_writer_pretty(&mut *out, &baseline)?;
            writeln!(out)
        });
        if let Err(e) = written {
            return fatal(&format!(
                "cannot write the baseline {}: {e}",
                path.display()
            ));
        }
        eprintln!(
            "souverain: {} findings recorded in {}",
            baseline.findings.len(),
            path.display()
        );
    }
    let matched = match &args.baseline {
        None => None,
        Some(path) => {
            let baseline = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| Baseline::parse(&t));
            match baseline {
                Ok(b) => Some(b.apply(&mut findings)),
                Err(e) => {
                    return fatal(&format!("cannot read the baseline {}: {e}", path.display()));
                }
            }
        }
    };
    let mut summary = report::findings::Summary {
        resources: resources.len(),
        data_resources: classes.iter().filter(|c| c.category.is_some()).count(),
        roots: *roots,
        unanalysed: diagnostics.iter().filter(|d| is_unanalysed(d)).count(),
        baseline: matched,
        ..Default::default()
    };
    summary.count(&findings);
    let render = |format: CheckFormat, out: &mut dyn Write, color: bool| match format {
        CheckFormat::Human => report::findings::write_human(
            out,
            &ws.sources,
            &findings,
            &summary,
            color,
            terminal_width(),
        ),
        CheckFormat::Json => report::findings::write_json(out, &ws.sources, &findings, &summary),
        CheckFormat::Github => {
            report::github::write_annotations(out, &ws.sources, &findings, repo_root)
        }
        CheckFormat::Junit => {
            report::junit::write_junit(out, &ws.sources, &findings, resources, &classes)
        }
        CheckFormat::Sarif => {
            report::sarif::write_sarif(out, &ws.sources, &findings, resources, repo_root)
        }
    };
    if let Err(e) = write_stdout(|out| {
        render(
            args.format,
            out,
            use_color(color, std::io::stdout().is_terminal()),
        )
    }) {
        return fatal(&format!("cannot write the report: {e}"));
    }
    let sarif = args
        .sarif_file
        .iter()
        .map(|p| (CheckFormat::Sarif, p.clone()));
    let outputs: Vec<(CheckFormat, PathBuf)> = args.outputs.iter().cloned().chain(sarif).collect();
    for (format, path) in &outputs {
        if let Err(e) = report::write_atomic(path, |out| render(*format, out, false)) {
            return fatal(&format!("cannot write {}: {e}", path.display()));
        }
    }
    let github = std::iter::once(args.format)
        .chain(outputs.iter().map(|(f, _)| *f))
        .any(|f| matches!(f, CheckFormat::Github));
    if let (true, Some(path)) = (github, std::env::var_os("GITHUB_STEP_SUMMARY")) {
        let markdown = report::github::summary_markdown(&ws.sources, &findings, &summary.line());
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(markdown.as_bytes()));
        if let Err(e) = appended {
            return fatal(&format!("cannot write the step summary: {e}"));
        }
    }
    print_diagnostics(&ws.sources, diagnostics, color);
    let threshold = args.fail_on.severity();
    let failing = findings
        .iter()
        .any(|f| f.suppressed.is_none() && f.severity >= threshold);
    // What could not be read was not checked: it never passes silently.
    let unread = diagnostics
        .iter()
        .any(|d| d.severity == DiagnosticSeverity::Error);
    let uninstalled = cx.fail_on_unresolved && summary.unanalysed > 0;
    if failing || unread || uninstalled {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A diagnostic that leaves some of the configuration unread.
fn is_unanalysed(d: &Diagnostic) -> bool {
    d.severity == DiagnosticSeverity::Error || d.code == "module-not-installed"
}

fn explain(rule: &str) -> ExitCode {
    let Some(meta) = check::rules::meta(rule) else {
        let ids: Vec<&str> = check::rules::RULES.iter().map(|r| r.meta().id).collect();
        return fatal(&format!("no rule {rule:?}; rules: {}", ids.join(", ")));
    };
    println!(
        "{} {} ({} by default)\n\n{}\n\n{}",
        meta.id,
        meta.name,
        meta.severity.as_str(),
        meta.summary,
        meta.doc
    );
    ExitCode::SUCCESS
}

fn catalog(args: CatalogArgs) -> ExitCode {
    let catalog = match load_catalog(args.policies.as_deref(), &mut Settings::default()) {
        Ok(c) => c,
        Err(message) => return fatal(&message),
    };
    if let Some(id) = &args.vendor
        && catalog.vendor(id).is_none()
    {
        return fatal(&format!("no vendor {id:?} in the catalog"));
    }
    let written = write_stdout(|out| {
        report::catalog::write(
            out,
            &catalog,
            args.vendor.as_deref(),
            matches!(args.format, InventoryFormat::Json),
        )
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fatal(&format!("cannot write the report: {e}")),
    }
}

/// `--config FILE`, else `.souverain.hcl` found from the first scanned path upwards.
fn load_settings(common: &CommonArgs, paths: &[PathBuf]) -> Result<Settings, String> {
    let path = match &common.config {
        Some(path) => Some(path.clone()),
        None => paths.first().and_then(|p| settings::find_settings(p)),
    };
    let Some(path) = path else {
        return Ok(Settings::default());
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    settings::parse_settings(&text, &path).map_err(|e| e.to_string())
}

/// The embedded catalog or `--policies DIR`, plus what the configuration adds.
fn load_catalog(
    policies: Option<&std::path::Path>,
    settings: &mut Settings,
) -> Result<Catalog, String> {
    let mut catalog = match policies {
        Some(dir) => Catalog::load_dir(dir).map_err(|e| e.to_string())?,
        None => Catalog::embedded(),
    };
    settings.apply_to(&mut catalog).map_err(|e| e.to_string())?;
    Ok(catalog)
}

fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
    // stdout is line-buffered: without this, every line of a large report is a syscall.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    write(&mut out)?;
    out.flush()
}

/// Colour for a stream: on a terminal, unless `NO_COLOR` is set, or as forced.
fn use_color(color: Color, terminal: bool) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn print_diagnostics(
    sources: &souverain::source::SourceMap,
    diagnostics: &[Diagnostic],
    color: Color,
) {
    let color = use_color(color, std::io::stderr().is_terminal());
    let _ = report::diagnostics::write_human(
        &mut std::io::stderr().lock(),
        sources,
        diagnostics,
        color,
        terminal_width(),
    );
}

fn fatal(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
