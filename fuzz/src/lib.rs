//! What the fuzz targets share: the whole `souverain check` pipeline on a one-directory
//! tree, every report format rendered, on a thread with the command line's stack size.

use souverain::catalog::Catalog;
use souverain::check::{self, Context};
use souverain::diagnostic::Diagnostic;
use souverain::discover::{self, Filters};
use souverain::parse::Workspace;
use souverain::resolve::{self, BackendRecord, Inputs, Limits, ResourceRecord};
use souverain::settings::Settings;
use souverain::{classify, report};
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

/// Writes `files` into a directory reused between runs, then checks it and renders every
/// format.
pub fn check_tree(files: &[(&str, &[u8])]) {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temporary directory"));
    for entry in std::fs::read_dir(dir.path()).expect("listable") {
        let _ = std::fs::remove_file(entry.expect("entry").path());
    }
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("writable");
    }
    analyse(dir.path());
}

/// The embedded catalog, loaded once per fuzzing process.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::embedded)
}

fn analyse(path: &Path) {
    let catalog = catalog();
    let (found, mut diagnostics) = discover::discover(&[path.to_path_buf()], &Filters::default());
    let mut ws = Workspace::load(&found);
    let inventory = resolve::resolve(&ws, catalog, &Inputs::default(), &Limits::default());
    diagnostics.append(&mut ws.diagnostics);
    check_and_render(
        &ws,
        &inventory.resources,
        &inventory.backends,
        &diagnostics,
        path,
    );
}

/// Classifies and checks placed resources, then renders every format to nowhere.
pub fn check_and_render(
    ws: &Workspace,
    resources: &[ResourceRecord],
    backends: &[BackendRecord],
    diagnostics: &[Diagnostic],
    path: &Path,
) {
    let catalog = catalog();
    let settings = Settings::default();
    let cx = Context {
        catalog,
        settings: &settings,
        today: "2026-01-01",
        fail_on_unresolved: false,
    };
    let classes: Vec<_> = resources
        .iter()
        .map(|r| classify::classify(r, catalog, &settings))
        .collect();
    let findings = check::check(&cx, ws, resources, &classes, backends);
    let mut summary = report::findings::Summary::default();
    summary.count(&findings);
    let sources = &ws.sources;
    let sink = &mut std::io::sink();
    let _ = report::findings::write_human(sink, sources, &findings, &summary, false, 100);
    let _ = report::findings::write_json(sink, sources, &findings, &summary);
    let _ = report::github::write_annotations(sink, sources, &findings, path);
    let _ = report::junit::write_junit(sink, sources, &findings, resources, &classes);
    let _ = report::sarif::write_sarif(sink, sources, &findings, resources, path);
    let _ = report::inventory::write_json(sink, sources, resources, diagnostics);
    let _ = report::inventory::write_table(sink, sources, resources);
    let _ = report::inventory::write_csv(sink, sources, resources);
    let _ = report::diagnostics::write_human(sink, sources, diagnostics, false, 100);
}
