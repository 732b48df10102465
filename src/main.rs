//! The `souverain` command line.

use clap::{Parser, Subcommand, ValueEnum};
use souverain::catalog::Catalog;
use souverain::diagnostic::{Diagnostic, Location, Severity};
use souverain::discover::{self, Filters};
use souverain::parse::Workspace;
use souverain::report;
use souverain::resolve::{self, Inputs, Limits};
use std::io::{IsTerminal, Write};
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

fn parse_var(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))
}

const WORKER_STACK: usize = 256 << 20;

/// Exit codes: 0 success; 1 some input could not be analysed (see the diagnostics);
/// 2 usage error or a failure to read policies or write output.
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
        });
    match run.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => fatal("internal error: the analysis thread failed"),
    }
}

fn inventory(args: InventoryArgs) -> ExitCode {
    let common = &args.common;
    let catalog = match load_catalog(common, &args.paths) {
        Ok(c) => c,
        Err(message) => return fatal(&message),
    };
    let filters = Filters {
        include: common.include.clone(),
        exclude: common.exclude.clone(),
    };
    let (found, mut diagnostics) = discover::discover(&args.paths, &filters);
    if let Some(bad) = diagnostics.iter().find(|d| d.code == "invalid-glob") {
        return fatal(&bad.message);
    }
    let mut ws = Workspace::load(&found);
    let mut inputs = Inputs {
        env: Inputs::env_from_process(),
        vars: common.vars.clone(),
        ..Inputs::default()
    };
    for path in &common.var_files {
        match ws.load_var_file(path) {
            Some(file) => inputs.var_files.push(file),
            None if !path.is_file() => {
                return fatal(&format!("--var-file {}: no such file", path.display()));
            }
            None => {}
        }
    }
    let limits = Limits {
        max_instances: common.max_instances,
        ..Limits::default()
    };
    let inventory = resolve::resolve(&ws, &catalog, &inputs, &limits);
    diagnostics.append(&mut ws.diagnostics);
    diagnostics.extend(inventory.diagnostics);
    if found.is_empty() && diagnostics.is_empty() {
        diagnostics.push(Diagnostic::warning(
            "no-configuration",
            "no Terraform or OpenTofu files found",
            Location::None,
        ));
    }

    // stdout is line-buffered: without this, every line of a large report is a syscall.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match args.format {
        InventoryFormat::Table => {
            report::inventory::write_table(&mut out, &ws.sources, &inventory.resources)
        }
        InventoryFormat::Json => {
            report::inventory::write_json(&mut out, &ws.sources, &inventory.resources, &diagnostics)
        }
        InventoryFormat::Csv => {
            report::inventory::write_csv(&mut out, &ws.sources, &inventory.resources)
        }
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        return fatal(&format!("cannot write the report: {e}"));
    }
    let color = match common.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let _ = report::diagnostics::write_human(
        &mut std::io::stderr().lock(),
        &ws.sources,
        &diagnostics,
        color,
    );
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The embedded catalog or `--policies DIR`, plus the user configuration's additions.
fn load_catalog(common: &CommonArgs, paths: &[PathBuf]) -> Result<Catalog, String> {
    let mut catalog = match &common.policies {
        Some(dir) => Catalog::load_dir(dir).map_err(|e| e.to_string())?,
        None => Catalog::embedded(),
    };
    let config = common.config.clone().or_else(|| {
        let first = paths.first()?;
        let dir = if first.is_dir() {
            first.clone()
        } else {
            first.parent()?.to_path_buf()
        };
        Some(dir.join(".souverain.hcl")).filter(|p| p.is_file())
    });
    if let Some(path) = config {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let overlay = souverain::catalog::parse_overlay(&text, &path.display().to_string())
            .map_err(|e| e.to_string())?;
        catalog.extend(overlay).map_err(|e| e.to_string())?;
    }
    Ok(catalog)
}

fn fatal(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
