//! What the fuzz targets share: the library's own runs ([`souverain::engine`]) on a
//! one-directory tree or a plan, every report format rendered, on a thread with the
//! command line's stack size.

use souverain::date::Date;
use souverain::engine::{self, Judgement, PlanRequest, PlanSource, Request, Run};
use souverain::report::{self, CHECK_FORMATS, Emitter, INVENTORY_FORMATS, Style};
use std::path::Path;
use std::sync::OnceLock;

/// Stack of the analysis threads of the binary (src/main.rs `WORKER_STACK`).
const STACK: usize = 256 << 20;

/// Runs `f` on a thread with the binary's stack size, so that the fuzzer finds what
/// overflows there, not what only overflows libFuzzer's main thread.
pub fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic");
}

/// A configuration file and a variables file from one input: the bytes up to a NUL byte
/// are `config`, the rest `vars`; checked on a big stack.
pub fn check_config_and_vars(data: &[u8], config: &'static str, vars: &'static str) {
    let data = data.to_vec();
    on_big_stack(move || {
        let (config_bytes, vars_bytes) = match data.iter().position(|b| *b == 0) {
            Some(at) => (&data[..at], &data[at + 1..]),
            None => (&data[..], &[][..]),
        };
        check_tree(&[(config, config_bytes), (vars, vars_bytes)]);
    });
}

/// A directory reused between runs, emptied before each.
fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temporary directory"));
    for entry in std::fs::read_dir(dir.path()).expect("listable") {
        let _ = std::fs::remove_file(entry.expect("entry").path());
    }
    dir.path()
}

fn judgement() -> Judgement {
    Judgement {
        today: Date::parse("2026-01-01").expect("a date"),
        ..Judgement::default()
    }
}

/// Writes `files` into the scratch directory, then checks it and renders every format.
pub fn check_tree(files: &[(&str, &[u8])]) {
    let dir = scratch();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("writable");
    }
    let request = Request {
        paths: vec![dir.to_path_buf()],
        judgement: judgement(),
        ..Request::default()
    };
    if let Ok(run) = engine::check_tree(&request) {
        render(&run);
    }
}

/// Checks a plan, with and without `--all`, and renders every format.
pub fn check_plan(text: &str) {
    let path = scratch().join("plan.json");
    std::fs::write(&path, text).expect("writable");
    for all in [false, true] {
        let request = PlanRequest {
            plan: PlanSource::File(path.clone()),
            config_dir: None,
            all,
            max_plan_size: 1 << 30,
            policy: Default::default(),
            env: Vec::new(),
            judgement: judgement(),
        };
        if let Ok(run) = engine::check_plan(&request) {
            render(&run);
        }
    }
}

/// Renders a run in every format, to nowhere.
fn render(run: &Run) {
    let sink = &mut std::io::sink();
    for format in CHECK_FORMATS.iter().chain(INVENTORY_FORMATS) {
        let _ = format.emitter(Style::default()).emit(sink, run);
    }
    let _ = report::github::StepSummary.emit(sink, run);
    let _ = report::diagnostics::Human {
        style: Style::default(),
    }
    .emit(sink, run);
}
