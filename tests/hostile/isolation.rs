//! Case 4: nothing executed, nothing fetched. souverain never runs Terraform, providers,
//! `external` data sources, provisioners or hooks, never reads files through `file()`,
//! never downloads a module; a module outside the scanned tree is followed on the file
//! system only, through symbolic links resolved before reading.

use crate::support::tree;
use crate::{HEALTHY, inventory_json, souverain};

#[test]
fn programs_in_the_configuration_are_never_run() {
    let marker = tempfile::tempdir().unwrap();
    let touched = marker.path().join("executed");
    let touch = format!("touch {}", touched.display());
    let config = format!(
        r#"
data "external" "x" {{
  program = ["sh", "-c", "{touch}"]
}}

resource "null_resource" "y" {{
  provisioner "local-exec" {{
    command = "{touch}"
  }}
}}

resource "terraform_data" "z" {{
  provisioner "local-exec" {{
    command = "{touch}"
  }}
}}

locals {{
  secret_file = file("/etc/hostname")
  script      = templatefile("{touch}", {{}})
}}
"#
    );
    let dir = tree(&[("main.tf", HEALTHY), ("run.tf", &config)]);
    for args in [
        &["check", "."][..],
        &["inventory", "."],
        &["inventory", ".", "--format", "json"],
    ] {
        souverain(dir.path(), args, &[]);
    }
    assert!(!touched.exists(), "a program of the configuration was run");
}

#[test]
fn remote_modules_are_never_downloaded() {
    let dir = tree(&[
        ("main.tf", HEALTHY),
        (
            "modules.tf",
            r#"
module "git" {
  source = "git::https://example.invalid/modules.git?ref=v1"
}
module "registry" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
}
module "http" {
  source = "https://example.invalid/module.zip"
}
"#,
        ),
    ]);
    let (_, doc) = inventory_json(dir.path());
    let not_installed = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "module-not-installed")
        .count();
    assert_eq!(not_installed, 3, "{doc:#}");
}

#[test]
fn souverain_links_no_network_client() {
    // The dependency graph is the guarantee: nothing in it can open a connection.
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    for client in [
        "reqwest", "hyper", "ureq", "curl", "tokio", "git2", "gix", "rustls",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{client}\"")),
            "Cargo.lock has {client}"
        );
    }
}

#[cfg(unix)]
#[test]
fn modules_outside_the_tree_are_followed_on_the_file_system_through_resolved_links() {
    let dir = tree(&[
        (
            "shared/store/main.tf",
            "resource \"aws_s3_bucket\" \"shared\" {\n  tags = { data_classification = \"sensitive\" }\n}\n",
        ),
        (
            "live/main.tf",
            "provider \"aws\" {\n  region = \"eu-west-3\"\n}\nmodule \"store\" {\n  source = \"./linked\"\n}\n",
        ),
    ]);
    std::os::unix::fs::symlink("../shared/store", dir.path().join("live/linked")).unwrap();
    let (exit, doc) = inventory_json(&dir.path().join("live"));
    assert_eq!(exit, 0, "{doc:#}");
    let resource = &doc["resources"][0];
    assert_eq!(resource["address"], "module.store.aws_s3_bucket.shared");
    // The link is resolved: the file is shown where it really is.
    assert_eq!(resource["file"], "../shared/store/main.tf");
    assert_eq!(resource["region"], "eu-west-3");
}
