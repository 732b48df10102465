//! The `souverain` command line: arguments become a request, the library runs it, the run
//! becomes output and an exit code.

mod args;

use args::{
    CatalogArgs, CheckArgs, Cli, Color, Command, CommonArgs, InventoryArgs, PlanCheckArgs,
    ReportArgs,
};
use clap::Parser;
use souverain::catalog::Catalog;
use souverain::check::baseline::Baseline;
use souverain::check::{Severity, rules};
use souverain::date::Date;
use souverain::discover::Filters;
use souverain::engine::{
    self, Failure, Judgement, PlanRequest, PlanSource, Policy, Request, Run, Variables,
};
use souverain::report::{self, CHECK_FORMATS, Emitter, INVENTORY_FORMATS, Style, diagnostics};
use souverain::resolve::{Inputs, Limits};
use souverain::settings::Settings;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

fn request(paths: Vec<PathBuf>, common: &CommonArgs, judgement: Judgement) -> Request {
    Request {
        paths,
        variables: Variables {
            files: common.var_files.clone(),
            values: common.vars.clone(),
            env: Inputs::env_from_process(),
        },
        filters: Filters {
            include: common.include.clone(),
            exclude: common.exclude.clone(),
        },
        limits: Limits {
            max_instances: common.max_instances,
            ..Limits::default()
        },
        policy: Policy {
            policies: common.policies.clone(),
            config: common.config.clone(),
        },
        judgement,
    }
}

fn inventory(args: InventoryArgs) -> ExitCode {
    let run = match engine::check_tree(&request(args.paths, &args.common, Judgement::default())) {
        Ok(run) => run,
        Err(failure) => return failed(failure, args.common.color),
    };
    let format = report::format(INVENTORY_FORMATS, &args.format).expect("clap checked it");
    if let Err(e) = write_stdout(|out| format.emitter(Style::default()).emit(out, &run)) {
        return fatal(&format!("cannot write the report: {e}"));
    }
    print_diagnostics(&run, args.common.color);
    let unread = run
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    exit_after(run, ExitCode::from(u8::from(unread)))
}

fn check(args: CheckArgs) -> ExitCode {
    let judgement = match judgement(&args.report) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let run = engine::check_tree(&request(args.paths, &args.common, judgement));
    report_run(run, &args.report, args.common.color)
}

fn plan_check(args: PlanCheckArgs) -> ExitCode {
    let judgement = match judgement(&args.report) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let limit = args.max_plan_size << 20;
    let plan = if args.plan.as_os_str() == "-" {
        match engine::read_bounded(std::io::stdin(), limit) {
            Ok(bytes) => PlanSource::Stdin(bytes),
            Err(e) => return fatal(&format!("cannot read the plan -: {e}")),
        }
    } else {
        PlanSource::File(args.plan)
    };
    let run = engine::check_plan(&PlanRequest {
        plan,
        config_dir: args.config_dir,
        all: args.all,
        max_plan_size: limit,
        policy: Policy {
            policies: args.policies,
            config: args.config,
        },
        env: Inputs::env_from_process(),
        judgement,
    });
    report_run(run, &args.report, args.color)
}

fn judgement(args: &ReportArgs) -> Result<Judgement, ExitCode> {
    let today = match &args.today {
        Some(t) => match Date::parse(t) {
            Some(date) => date,
            None => return Err(fatal(&format!("--today {t:?} is not a YYYY-MM-DD date"))),
        },
        None => Judgement::default().today,
    };
    Ok(Judgement {
        today,
        min_severity: args.min_severity.into(),
        fail_on_unresolved: args.fail_on_unresolved,
        baseline: args.baseline.clone(),
        non_suppressible: args.non_suppressible.clone(),
        select: None,
    })
}

/// Writes a run's reports: the chosen format on stdout, `--output` files, the baseline,
/// the GitHub step summary, diagnostics on stderr; exit 1 when the run fails.
fn report_run(run: Result<Run, Failure>, args: &ReportArgs, color: Color) -> ExitCode {
    let run = match run {
        Ok(run) if !run.found_any => {
            print_diagnostics(&run, color);
            return fatal("no Terraform or OpenTofu files found: nothing was checked");
        }
        Ok(run) => run,
        Err(failure) => return failed(failure, color),
    };
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(run.findings.iter().chain(&run.known), &run.records);
        let written = write_atomic(path, |out| {
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
    let format = report::format(CHECK_FORMATS, &args.format).expect("clap checked it");
    let terminal = Style {
        color: use_color(color, std::io::stdout().is_terminal()),
        width: terminal_width(),
    };
    if let Err(e) = write_stdout(|out| format.emitter(terminal).emit(out, &run)) {
        return fatal(&format!("cannot write the report: {e}"));
    }
    let files = args.sarif_file.iter().map(|p| ("sarif", p));
    let outputs: Vec<(&str, &PathBuf)> = args
        .outputs
        .iter()
        .map(|(f, p)| (f.as_str(), p))
        .chain(files)
        .collect();
    for (name, path) in &outputs {
        let emitter = report::format(CHECK_FORMATS, name)
            .expect("parse_output checked it")
            .emitter(Style::default());
        if let Err(e) = write_atomic(path, |out| emitter.emit(out, &run)) {
            return fatal(&format!("cannot write {}: {e}", path.display()));
        }
    }
    let github = std::iter::once(args.format.as_str())
        .chain(outputs.iter().map(|(f, _)| *f))
        .any(|f| f == "github");
    if let (true, Some(path)) = (github, std::env::var_os("GITHUB_STEP_SUMMARY")) {
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| report::github::StepSummary.emit(&mut f, &run));
        if let Err(e) = appended {
            return fatal(&format!("cannot write the step summary: {e}"));
        }
    }
    print_diagnostics(&run, color);
    let code = ExitCode::from(u8::from(run.fails(args.fail_on.into())));
    exit_after(run, code)
}

/// The process exits right after the report: freeing every syntax node and record one by
/// one would only cost time (several percent of a run).
fn exit_after(run: Run, code: ExitCode) -> ExitCode {
    std::mem::forget(run);
    code
}

fn explain(rule: &str) -> ExitCode {
    let Some(meta) = rules::by_id(rule) else {
        let ids: Vec<&str> = rules::RULES.iter().map(|r| r.meta().id.as_str()).collect();
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
    let policy = Policy {
        policies: args.policies,
        config: None,
    };
    let catalog: Catalog = match engine::load_catalog(&policy, &mut Settings::default()) {
        Ok(c) => c,
        Err(failure) => return fatal(&failure.to_string()),
    };
    if let Some(id) = &args.vendor
        && catalog.vendor(id).is_none()
    {
        return fatal(&format!("no vendor {id:?} in the catalog"));
    }
    let written = write_stdout(|out| {
        report::catalog::write(out, &catalog, args.vendor.as_deref(), args.format == "json")
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fatal(&format!("cannot write the report: {e}")),
    }
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

fn stderr_style(color: Color) -> Style {
    Style {
        color: use_color(color, std::io::stderr().is_terminal()),
        width: terminal_width(),
    }
}

fn print_diagnostics(run: &Run, color: Color) {
    let emitter = diagnostics::Human {
        style: stderr_style(color),
    };
    let _ = emitter.emit(&mut std::io::stderr().lock(), run);
}

/// Exit 2 for a run that checked nothing, with the diagnostics that say why.
fn failed(failure: Failure, color: Color) -> ExitCode {
    if let Failure::NothingChecked {
        diagnostics,
        sources,
        ..
    } = &failure
    {
        let _ = diagnostics::write_human(
            &mut std::io::stderr().lock(),
            sources,
            diagnostics,
            stderr_style(color),
        );
    }
    fatal(&failure.to_string())
}

fn fatal(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Writes a report file atomically: into a temporary file beside it, renamed into place
/// once complete, so a crash or a failed write never leaves half a report.
fn write_atomic(
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
