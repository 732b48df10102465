//! The files that plug souverain into other tools — `.pre-commit-hooks.yaml`, the GitHub
//! action `action.yml`, the CI workflows and the example workflow — parse, agree with each
//! other, and are what README.md tells users to copy.

mod support;

use regex::Regex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use yaml_rust2::{Yaml, YamlLoader};

const EXAMPLE_WORKFLOW: &str = "docs/github-action-example.yml";

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(relative: &str) -> String {
    let path = repo_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The single document of a YAML text.
fn parse(text: &str, what: &str) -> Yaml {
    let mut docs = YamlLoader::load_from_str(text).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(docs.len(), 1, "{what}: one YAML document");
    docs.remove(0)
}

fn load(relative: &str) -> Yaml {
    parse(&read(relative), relative)
}

/// The keys of a mapping.
fn keys(map: &Yaml) -> BTreeSet<String> {
    map.as_hash()
        .map(|h| {
            h.keys()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn steps(parent: &Yaml) -> &[Yaml] {
    parent["steps"].as_vec().map(Vec::as_slice).unwrap_or(&[])
}

/// Every `${{ … }}` expression of a text.
fn expressions(text: &str) -> Vec<String> {
    let re = Regex::new(r"\$\{\{(.*?)\}\}").unwrap();
    re.captures_iter(text)
        .map(|c| c[1].trim().to_string())
        .collect()
}

/// `(context.)name` references in expressions, e.g. `inputs.path` → `path`.
fn references(text: &str, context: &str) -> BTreeSet<String> {
    let re = Regex::new(&format!(r"\b{}\.([A-Za-z0-9_-]+)", regex::escape(context))).unwrap();
    expressions(text)
        .iter()
        .flat_map(|e| {
            re.captures_iter(e)
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `(step id, output)` of every `steps.ID.outputs.NAME` in expressions.
fn step_outputs(text: &str) -> BTreeSet<(String, String)> {
    let re = Regex::new(r"\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)").unwrap();
    expressions(text)
        .iter()
        .flat_map(|e| {
            re.captures_iter(e)
                .map(|c| (c[1].to_string(), c[2].to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `bash -n`: the script parses (skipped where there is no bash).
fn assert_bash_parses(script: &str, what: &str) {
    let Ok(output) = std::process::Command::new("bash")
        .args(["-n", "-c", script])
        .output()
    else {
        return;
    };
    assert!(
        output.status.success(),
        "{what}: {}\n{script}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn pre_commit_hook_definition() {
    let hooks = load(".pre-commit-hooks.yaml");
    let hooks = hooks.as_vec().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("souverain"));
    assert_eq!(hook["name"].as_str(), Some("souverain"));
    assert_eq!(hook["language"].as_str(), Some("rust"));
    assert_eq!(hook["entry"].as_str(), Some("souverain check"));
    assert_eq!(hook["require_serial"].as_bool(), Some(true));
    assert!(hook["description"].as_str().is_some_and(|d| !d.is_empty()));
    // The installed binary is what the entry runs.
    assert_eq!(env!("CARGO_PKG_NAME"), "souverain");

    // pre-commit matches `files` with Python's re.search on the repository-relative path.
    let files = Regex::new(hook["files"].as_str().expect("a files pattern")).unwrap();
    for name in [
        "main.tf",
        "x.tofu",
        "terraform.tfvars",
        "a.tf.json",
        "b.auto.tfvars.json",
        "c.tofu.json",
        "environments/prod/providers.tf",
    ] {
        assert!(files.is_match(name), "the hook runs on {name}");
    }
    for name in [
        "README.md",
        "terraform.tfstate",
        ".terraform.lock.hcl",
        "main.tf.orig",
        "tf/notes.txt",
        "package.json",
    ] {
        assert!(!files.is_match(name), "the hook does not run on {name}");
    }
}

#[test]
fn readme_pre_commit_snippet_uses_the_hook() {
    let snippet = support::readme_block("## Use it in pre-commit", "yaml");
    let config = parse(&snippet, "README.md's pre-commit snippet");
    let repos = config["repos"].as_vec().expect("repos");
    assert_eq!(repos.len(), 1);
    assert!(repos[0]["repo"].as_str().is_some());
    assert!(repos[0]["rev"].as_str().is_some());
    assert_eq!(repos[0]["hooks"][0]["id"].as_str(), Some("souverain"));
    // tests/pre_commit.rs replaces these two lines to point at a local copy.
    for key in ["- repo:", "rev:"] {
        let lines = snippet
            .lines()
            .filter(|l| l.trim_start().starts_with(key))
            .count();
        assert_eq!(
            lines, 1,
            "one {key:?} line in README.md's pre-commit snippet"
        );
    }
}

#[test]
fn action_declares_what_it_uses() {
    let text = read("action.yml");
    let action = load("action.yml");
    assert!(action["name"].as_str().is_some());
    assert!(action["description"].as_str().is_some());
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));

    let inputs = keys(&action["inputs"]);
    let expected: BTreeSet<String> = [
        "path",
        "plan",
        "config",
        "min-severity",
        "fail-on",
        "baseline",
        "sarif-file",
        "fail-on-findings",
    ]
    .map(str::to_string)
    .into();
    assert_eq!(inputs, expected);
    for (input, default) in [
        ("path", "."),
        ("plan", ""),
        ("config", ""),
        ("min-severity", "info"),
        ("fail-on", "error"),
        ("baseline", ""),
        ("sarif-file", "souverain.sarif"),
        ("fail-on-findings", "true"),
    ] {
        let declared = &action["inputs"][input];
        assert_eq!(declared["default"].as_str(), Some(default), "{input}");
        assert!(declared["description"].as_str().is_some(), "{input}");
    }
    // Every input used is declared, and every declared input is used.
    assert_eq!(references(&text, "inputs"), inputs);

    let steps = steps(&action["runs"]);
    let ids: BTreeSet<&str> = steps.iter().filter_map(|s| s["id"].as_str()).collect();
    for step in steps {
        let name = step["name"].as_str().unwrap_or("a step");
        if let Some(script) = step["run"].as_str() {
            // Composite steps need a shell; inputs reach the script through `env:` only.
            assert_eq!(step["shell"].as_str(), Some("bash"), "{name}");
            assert!(
                !script.contains("${{"),
                "{name}: an expression inside `run:` can inject shell code; use `env:`"
            );
            assert_bash_parses(script, name);
        }
    }

    // Outputs come from steps that exist and write them.
    let outputs = keys(&action["outputs"]);
    assert_eq!(
        outputs,
        ["findings", "sarif-file"].map(str::to_string).into()
    );
    for output in &outputs {
        let value = action["outputs"][output.as_str()]["value"]
            .as_str()
            .unwrap_or_else(|| panic!("output {output} has a value"));
        let referenced = step_outputs(value);
        assert_eq!(referenced.len(), 1, "output {output}: {value}");
        for (id, name) in referenced {
            assert!(ids.contains(id.as_str()), "output {output}: no step {id}");
            let step = steps
                .iter()
                .find(|s| s["id"].as_str() == Some(&id))
                .unwrap();
            let script = step["run"].as_str().unwrap_or_default();
            assert!(
                script.contains(&format!("echo \"{name}=")) && script.contains("$GITHUB_OUTPUT"),
                "step {id} does not write output {name} to $GITHUB_OUTPUT"
            );
        }
    }

    // The options of `check` it relies on.
    let check = steps
        .iter()
        .find(|s| s["id"].as_str() == Some("check"))
        .and_then(|s| s["run"].as_str())
        .unwrap();
    for option in [
        "--format github",
        "--sarif-file",
        "--output \"json=",
        "--baseline",
        "--config",
        "--min-severity",
        "--fail-on",
    ] {
        assert!(check.contains(option), "the check step passes {option}");
    }
}

/// The workflows of this repository and the documented example.
fn workflows() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo_path(".github/workflows"))
        .expect(".github/workflows")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yml") || name.ends_with(".yaml"))
        .map(|name| format!(".github/workflows/{name}"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files.push(EXAMPLE_WORKFLOW.to_string());
    files
}

#[test]
fn workflows_are_well_formed() {
    for file in workflows() {
        let text = read(&file);
        let workflow = load(&file);
        // YAML 1.2: `on` is a key, not the boolean it is in YAML 1.1.
        assert!(!workflow["on"].is_badvalue(), "{file}: on");
        let jobs = workflow["jobs"]
            .as_hash()
            .unwrap_or_else(|| panic!("{file}: jobs"));
        assert!(!jobs.is_empty(), "{file}: jobs");
        let mut ids = BTreeSet::new();
        for (name, job) in jobs {
            let name = name.as_str().unwrap();
            assert!(job["runs-on"].as_str().is_some(), "{file}: {name}: runs-on");
            let steps = steps(job);
            assert!(!steps.is_empty(), "{file}: {name}: steps");
            for step in steps {
                assert!(
                    step["uses"].as_str().is_some() != step["run"].as_str().is_some(),
                    "{file}: {name}: a step either uses an action or runs a script"
                );
                ids.extend(step["id"].as_str());
            }
        }
        for (id, _) in step_outputs(&text) {
            assert!(ids.contains(id.as_str()), "{file}: no step {id}");
        }
    }
    let ci = read(".github/workflows/ci.yml");
    assert!(ci.contains("run: bash .ci/run"), "CI runs .ci/run");
}

#[test]
fn example_workflow_uploads_the_actions_sarif() {
    let action = load("action.yml");
    let workflow = load(EXAMPLE_WORKFLOW);
    assert!(
        !workflow["on"]["pull_request"].is_badvalue(),
        "runs on pull requests"
    );
    assert_eq!(
        workflow["permissions"]["security-events"].as_str(),
        Some("write")
    );
    let jobs = workflow["jobs"].as_hash().unwrap();
    let job = jobs.values().next().unwrap();
    let steps = steps(job);

    let souverain = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.contains("/souverain@") || u == "./")
        })
        .expect("a step uses the souverain action");
    let id = souverain["id"]
        .as_str()
        .expect("the souverain step has an id");
    let inputs = keys(&action["inputs"]);
    for with in keys(&souverain["with"]) {
        assert!(inputs.contains(&with), "the action has no input {with}");
    }

    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@v3"))
        })
        .expect("a step uploads SARIF with github/codeql-action/upload-sarif@v3");
    let sarif = upload["with"]["sarif_file"].as_str().unwrap_or_default();
    assert_eq!(
        step_outputs(sarif),
        [(id.to_string(), "sarif-file".to_string())].into(),
        "upload-sarif reads the action's sarif-file output"
    );

    // Every output the workflow reads from the action is declared.
    let outputs = keys(&action["outputs"]);
    for (step, output) in step_outputs(&read(EXAMPLE_WORKFLOW)) {
        if step == id {
            assert!(
                outputs.contains(&output),
                "the action has no output {output}"
            );
        }
    }
}

#[test]
fn readme_action_snippet_is_the_example_workflow() {
    let snippet = support::readme_block("## Use it in GitHub Actions", "yaml");
    assert_eq!(
        snippet,
        read(EXAMPLE_WORKFLOW),
        "README.md's GitHub Actions snippet is {EXAMPLE_WORKFLOW}, byte for byte"
    );
}

#[test]
fn readme_yaml_snippets_parse() {
    let readme = support::readme();
    let block = Regex::new(r"(?ms)^```yaml\n(.*?)^```$").unwrap();
    let mut count = 0;
    for snippet in block.captures_iter(&readme) {
        parse(&snippet[1], "a ```yaml block of README.md");
        count += 1;
    }
    assert!(count >= 3, "README.md's YAML snippets: {count}");
}
