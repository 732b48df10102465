//! The command line's arguments: what users type, turned into values `main` builds a
//! request from. Format names come from the report registry.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Parser, Subcommand, ValueEnum};
use souverain::check::Severity;
use souverain::report::{self, CHECK_FORMATS, INVENTORY_FORMATS};
use souverain::resolve::Limits;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "souverain",
    version,
    about = "Checks Terraform/OpenTofu trees against the French State cloud doctrine, without running Terraform"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
pub struct InventoryArgs {
    /// Directories (or files) to scan; each directory no other module calls is a root.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, default_value = "table", value_parser = formats(INVENTORY_FORMATS))]
    pub format: String,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Directories (or files) to scan; each directory no other module calls is a root.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(clap::Args)]
pub struct PlanCheckArgs {
    /// The plan as JSON (`terraform show -json PLANFILE > plan.json`), or - for stdin.
    pub plan: PathBuf,
    /// The configuration the plan was made from: findings point at its lines and its
    /// suppression comments apply (default: the plan's directory when it holds .tf files).
    #[arg(long, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,
    /// Also judge what the plan leaves unchanged, and what only its prior state holds.
    #[arg(long)]
    pub all: bool,
    /// Largest plan read, in MiB (a plan is held in memory whole).
    #[arg(long, value_name = "MIB", default_value_t = 1024)]
    pub max_plan_size: u64,
    #[command(flatten)]
    pub report: ReportArgs,
    /// Replace the embedded catalog with the policy files of this directory.
    #[arg(long, value_name = "DIR")]
    pub policies: Option<PathBuf>,
    /// Configuration file (default: `.souverain.hcl` in the configuration directory).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Colour in diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

/// What `check` and `plan-check` share: formats, thresholds, baselines, report files.
#[derive(clap::Args)]
pub struct ReportArgs {
    #[arg(long, default_value = "human", value_parser = formats(CHECK_FORMATS))]
    pub format: String,
    /// Findings below this severity are not shown.
    #[arg(long, value_enum, default_value_t = SeverityArg::Info)]
    pub min_severity: SeverityArg,
    /// Exit with 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t = SeverityArg::Error)]
    pub fail_on: SeverityArg,
    /// Unresolved hosting of classified data (SOV005) is an error, not a warning.
    #[arg(long)]
    pub fail_on_unresolved: bool,
    /// The date qualifications and suppressions are checked against (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Also write a report to a file, atomically (repeatable): json=out.json, junit=…
    #[arg(long = "output", value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub outputs: Vec<(String, PathBuf)>,
    /// Shorthand for --output sarif=PATH.
    #[arg(long, value_name = "PATH")]
    pub sarif_file: Option<PathBuf>,
    /// Report only findings that this baseline file does not know.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the open findings in a baseline file (then adopt with --baseline).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// A rule no suppression comment silences and the configuration file cannot turn off
    /// or re-grade (repeatable): for CI, which a pull request does not control.
    #[arg(long = "non-suppressible", value_name = "RULE")]
    pub non_suppressible: Vec<String>,
}

#[derive(clap::Args)]
pub struct CatalogArgs {
    /// Only this vendor.
    #[arg(long, value_name = "ID")]
    pub vendor: Option<String>,
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    pub format: String,
    /// Replace the embedded catalog with the policy files of this directory.
    #[arg(long, value_name = "DIR")]
    pub policies: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(arg: SeverityArg) -> Severity {
        match arg {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

#[derive(clap::Args)]
pub struct CommonArgs {
    /// A variable definitions file, as `terraform -var-file` (repeatable, later wins).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    /// A variable value, as `terraform -var` (repeatable, later wins).
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub vars: Vec<(String, String)>,
    /// Only scan files matching this glob (relative to the scanned path; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files matching this glob (relative to the scanned path; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Replace the embedded catalog with the policy files of this directory.
    #[arg(long, value_name = "DIR")]
    pub policies: Option<PathBuf>,
    /// Configuration file (default: `.souverain.hcl` in the first scanned directory).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Most instances one count/for_each block may expand to.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_instances)]
    pub max_instances: usize,
    /// Colour in diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The names of a list of formats, for clap.
fn formats(list: &'static [report::Format]) -> PossibleValuesParser {
    PossibleValuesParser::new(
        list.iter()
            .map(|f| PossibleValue::new(f.name).help(f.about)),
    )
}

fn parse_output(s: &str) -> Result<(String, PathBuf), String> {
    let (format, path) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, got {s:?}"))?;
    let Some(format) = report::format(CHECK_FORMATS, format) else {
        let names: Vec<&str> = CHECK_FORMATS.iter().map(|f| f.name).collect();
        return Err(format!(
            "no format {format:?}; formats: {}",
            names.join(", ")
        ));
    };
    if path.is_empty() {
        return Err(format!("no path in {s:?}"));
    }
    Ok((format.name.to_string(), PathBuf::from(path)))
}

fn parse_var(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))
}
