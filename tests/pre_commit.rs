//! The pre-commit hook of `.pre-commit-hooks.yaml`, used as a user would: pre-commit (from
//! PyPI, in a virtualenv) is installed as the git hook of a throw-away repository whose
//! `.pre-commit-config.yaml` is README.md's snippet pointed at a snapshot of this working
//! tree. pre-commit builds souverain there with `cargo install` (`language: rust`), then
//! refuses a commit that breaks the doctrine and accepts one that does not.
//!
//! Needs python3 with `venv` and pip, git, cargo, and PyPI and crates.io, so it is opt-in:
//! `cargo test --test pre_commit -- --ignored` (`.ci/run` runs it). The first commit
//! builds souverain in release, which takes minutes.

mod support;

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The pre-commit release series tested.
const PRE_COMMIT: &str = "pre-commit==4.*";

/// How long one step may take before the test gives up on it: building souverain in release
/// on a small machine takes minutes; nothing else should take more than one.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(45 * 60);
const STEP_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Placed on S3NS (SecNumCloud-qualified) in France: no finding.
const COMPLIANT: &str = r#"provider "google" {
  universe_domain = "s3nsapis.fr"
  region          = "u-france-east1"
}

resource "google_storage_bucket" "records" {
  name     = "records"
  location = "u-france-east1"
  labels = {
    data_classification = "sensitive"
  }
}
"#;

/// Sensitive data on AWS: SOV001 (and SOV002).
const BREACHING: &str = r#"provider "aws" {
  region = "eu-west-3"
}

resource "aws_s3_bucket" "archive" {
  bucket = "archive"
  tags = {
    data_classification = "sensitive"
  }
}
"#;

#[test]
#[ignore = "needs python3, PyPI and crates.io: run by .ci/run"]
fn pre_commit_hook_refuses_commits_that_break_the_doctrine() {
    let Some(python) = find_python() else {
        println!(
            "SKIPPED pre_commit_hook_refuses_commits_that_break_the_doctrine: python3 is not \
             on PATH (install Python 3 with venv and pip to run this test)"
        );
        return;
    };
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let sandbox = Sandbox::new(tmp.path());

    // pre-commit in its own virtualenv.
    let venv = tmp.path().join("venv");
    sandbox.ok(
        Command::new(&python).arg("-m").arg("venv").arg(&venv),
        STEP_TIMEOUT,
    );
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    sandbox.ok(
        Command::new(bin.join("python"))
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg(PRE_COMMIT),
        STEP_TIMEOUT,
    );
    let pre_commit = bin.join("pre-commit");

    // The hook repository: this working tree as it is, uncommitted changes included.
    let hooks = tmp.path().join("souverain");
    let rev = snapshot_this_repository(&sandbox, &hooks);

    // The repository under test, with README.md's configuration.
    let work = tmp.path().join("infra");
    fs::create_dir(&work).unwrap();
    sandbox.ok(
        sandbox.git(&work).args(["init", "-q", "-b", "main"]),
        STEP_TIMEOUT,
    );
    fs::write(
        work.join(".pre-commit-config.yaml"),
        pre_commit_config(&hooks, &rev),
    )
    .unwrap();
    sandbox.ok(
        Command::new(&pre_commit).arg("install").current_dir(&work),
        STEP_TIMEOUT,
    );

    // First commit: pre-commit builds the hook; no Terraform file, so the hook is skipped
    // (the `files` pattern leaves README.md out).
    fs::write(work.join("README.md"), "# infra\n").unwrap();
    let run = sandbox.commit(
        &work,
        &[".pre-commit-config.yaml", "README.md"],
        INSTALL_TIMEOUT,
    );
    run.assert_success("a commit without Terraform files");
    assert!(
        run.output.contains("(no files to check)Skipped"),
        "README.md alone does not run the hook:\n{}",
        run.output
    );

    // A compliant root is committed.
    fs::write(work.join("main.tf"), COMPLIANT).unwrap();
    let run = sandbox.commit(&work, &["main.tf"], STEP_TIMEOUT);
    run.assert_success("a compliant commit");
    assert!(run.output.contains("souverain"), "{}", run.output);
    assert!(run.output.contains("Passed"), "{}", run.output);

    // Sensitive data on AWS is refused, with the rule in the output.
    fs::create_dir(work.join("archive")).unwrap();
    fs::write(work.join("archive/main.tf"), BREACHING).unwrap();
    let run = sandbox.commit(&work, &["archive/main.tf"], STEP_TIMEOUT);
    assert!(
        !run.status.success(),
        "the hook lets sensitive data on AWS be committed:\n{}",
        run.output
    );
    assert!(run.output.contains("Failed"), "{}", run.output);
    assert!(run.output.contains("SOV001"), "{}", run.output);
    let commits = sandbox.ok(
        sandbox.git(&work).args(["rev-list", "--count", "HEAD"]),
        STEP_TIMEOUT,
    );
    assert_eq!(
        commits.output.trim(),
        "2",
        "the refused commit was not made"
    );
}

/// `python3` (or `python` on Windows) when it runs.
fn find_python() -> Option<PathBuf> {
    let names: &[&str] = if cfg!(windows) {
        &["python3", "python"]
    } else {
        &["python3"]
    };
    names
        .iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        })
        .map(PathBuf::from)
}

/// README.md's pre-commit configuration, its `repo` and `rev` pointed at `repo` and `rev`.
fn pre_commit_config(repo: &Path, rev: &str) -> String {
    let snippet = support::readme_block("## Use it in pre-commit", "yaml");
    let mut config = String::new();
    for line in snippet.split_inclusive('\n') {
        let indent = &line[..line.len() - line.trim_start().len()];
        let trimmed = line.trim();
        if trimmed.starts_with("- repo:") {
            config.push_str(&format!("{indent}- repo: {}\n", repo.display()));
        } else if trimmed.starts_with("rev:") {
            config.push_str(&format!("{indent}rev: {rev}\n"));
        } else {
            config.push_str(line);
        }
    }
    assert!(
        config.contains(&rev.to_string()),
        "README.md's snippet has no rev:\n{snippet}"
    );
    config
}

/// Copies the files of this working tree that git would commit (tracked or not ignored,
/// changes included) into a new repository at `dest` and commits them: pre-commit clones
/// hook repositories at a commit, and `try-repo` would leave out new untracked files.
/// Returns the commit.
fn snapshot_this_repository(sandbox: &Sandbox, dest: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed = sandbox.ok(
        sandbox.git(root).args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ]),
        STEP_TIMEOUT,
    );
    for relative in listed.output.split('\0').filter(|f| !f.is_empty()) {
        let from = root.join(relative);
        // Deleted but not yet committed, or a submodule.
        if !from.is_file() {
            continue;
        }
        let to = dest.join(relative);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(&from, &to).unwrap_or_else(|e| panic!("copying {}: {e}", from.display()));
    }
    sandbox.ok(
        sandbox.git(dest).args(["init", "-q", "-b", "main"]),
        STEP_TIMEOUT,
    );
    sandbox.ok(sandbox.git(dest).args(["add", "--all"]), STEP_TIMEOUT);
    sandbox.ok(
        sandbox
            .git(dest)
            .args(["commit", "-q", "--no-verify", "-m", "snapshot"]),
        STEP_TIMEOUT,
    );
    let head = sandbox.ok(sandbox.git(dest).args(["rev-parse", "HEAD"]), STEP_TIMEOUT);
    head.output.trim().to_string()
}

/// An environment that does not depend on the developer's: pre-commit's cache, git's
/// identity and configuration in the temporary directory.
struct Sandbox {
    dir: PathBuf,
    cache: PathBuf,
    git_config: PathBuf,
}

/// How a command ended, and what it printed (stdout and stderr interleaved).
struct Run {
    status: ExitStatus,
    output: String,
}

impl Run {
    fn assert_success(&self, what: &str) {
        assert!(
            self.status.success(),
            "{what}: {}\n{}",
            self.status,
            self.output
        );
    }
}

impl Sandbox {
    fn new(dir: &Path) -> Sandbox {
        let git_config = dir.join("gitconfig");
        fs::write(&git_config, "").unwrap();
        Sandbox {
            dir: dir.to_path_buf(),
            cache: dir.join("pre-commit-home"),
            git_config,
        }
    }

    fn git(&self, repo: &Path) -> Command {
        let mut git = Command::new("git");
        git.current_dir(repo);
        git
    }

    /// `git commit` of `files`, which runs the pre-commit hook.
    fn commit(&self, repo: &Path, files: &[&str], timeout: Duration) -> Run {
        self.ok(self.git(repo).arg("add").args(files), STEP_TIMEOUT);
        let run = self.run(
            self.git(repo)
                .args(["commit", "-m", &format!("add {}", files.join(", "))]),
            timeout,
        );
        // Shown with `cargo test -- --nocapture`.
        println!(
            "git commit {}: {}\n{}",
            files.join(" "),
            run.status,
            run.output
        );
        run
    }

    /// Runs `command`, which must succeed.
    fn ok(&self, command: &mut Command, timeout: Duration) -> Run {
        let run = self.run(command, timeout);
        run.assert_success(&format!("{command:?}"));
        run
    }

    /// Runs `command` in the sandbox's environment; kills it (and what it started) after
    /// `timeout`.
    fn run(&self, command: &mut Command, timeout: Duration) -> Run {
        command
            .env("PRE_COMMIT_HOME", &self.cache)
            .env("GIT_CONFIG_GLOBAL", &self.git_config)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "souverain tests")
            .env("GIT_AUTHOR_EMAIL", "tests@souverain.invalid")
            .env("GIT_COMMITTER_NAME", "souverain tests")
            .env("GIT_COMMITTER_EMAIL", "tests@souverain.invalid")
            .env("NO_COLOR", "1")
            // When the tests run inside a git hook, or with hooks skipped.
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("SKIP")
            // pre-commit's `cargo install` builds in a directory of its own, not in the
            // target directory these tests are run from (whose lock `cargo test` may hold).
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET_DIR")
            .stdin(Stdio::null());
        let log_path = self.dir.join("output.log");
        let log = File::create(&log_path).unwrap();
        command.stdout(log.try_clone().unwrap()).stderr(log);
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(command, 0);
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("{command:?} does not start: {e}"));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > timeout {
                kill_tree(&mut child);
                panic!(
                    "{command:?} still running after {timeout:?}:\n{}",
                    fs::read_to_string(&log_path).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        };
        let output = String::from_utf8_lossy(&fs::read(&log_path).unwrap()).into_owned();
        Run { status, output }
    }
}

/// Kills a child and, on Unix, the process group it leads (pre-commit, cargo, rustc).
fn kill_tree(child: &mut std::process::Child) {
    #[cfg(unix)]
    let _ = Command::new("kill")
        .arg("-KILL")
        .arg(format!("-{}", child.id()))
        .status();
    let _ = child.kill();
    let _ = child.wait();
}
