//! `souverain inventory` on the fixture trees of `testdata/inventory`: one JSON snapshot per
//! tree, plus targeted assertions on what each tree is there to prove.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn run(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_souverain"))
        .args(args)
        .current_dir(cwd)
        .env_remove("TF_VAR_region")
        .env("NO_COLOR", "1")
        .output()
        .expect("the souverain binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/inventory")
}

/// Runs `inventory --format json` on a fixture and returns the exit code and document.
fn inventory(tree: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["inventory", tree, "--format", "json"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args, &fixtures());
    let doc = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("JSON output for {tree}: {e}\n{stdout}\n{stderr}"));
    (code, doc)
}

fn resource<'a>(doc: &'a Value, address: &str) -> &'a Value {
    doc["resources"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["address"] == address))
        .unwrap_or_else(|| panic!("no resource {address} in {doc:#}"))
}

/// The notes of a resource's evidence chain.
fn evidence_notes(resource: &Value) -> Vec<&str> {
    resource["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["note"].as_str())
        .collect()
}

fn placed(doc: &Value, address: &str) -> (Value, Value) {
    let r = resource(doc, address);
    (r["vendor"].clone(), r["region"].clone())
}

macro_rules! snapshot_tree {
    ($name:ident, $tree:expr) => {
        #[test]
        fn $name() {
            let (_, doc) = inventory($tree, &[]);
            insta::assert_json_snapshot!(stringify!($name), doc);
        }
    };
}

snapshot_tree!(aliases, "aliases");
snapshot_tree!(tfvars, "tfvars");
snapshot_tree!(expansion, "expansion");
snapshot_tree!(json, "json");
snapshot_tree!(tofu_override, "tofu_override");
snapshot_tree!(sovereign, "sovereign");
snapshot_tree!(azure_rg, "azure_rg");
snapshot_tree!(unknown_var, "unknown_var");
snapshot_tree!(remote_module, "remote_module");
snapshot_tree!(parse_error, "parse_error");
snapshot_tree!(cycles, "cycles");
snapshot_tree!(optional, "optional");

#[test]
fn cycles_are_reported_not_followed() {
    let (_, doc) = inventory("cycles", &[]);
    let cyclic = resource(&doc, "aws_s3_bucket.cyclic");
    assert!(
        cyclic["unresolved"][0]
            .as_str()
            .unwrap()
            .contains("reference cycle: local.region → local.fallback → local.region"),
        "{cyclic:#}"
    );
    assert_eq!(placed(&doc, "module.a.aws_sqs_queue.in_a").1, "eu-west-3");
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics.iter().any(|d| d["code"] == "module-cycle"),
        "{diagnostics:#?}"
    );
    assert!(
        diagnostics.iter().any(|d| d["code"] == "reference-cycle"),
        "{diagnostics:#?}"
    );
}

#[test]
fn optional_defaults_and_whole_module_references_are_evaluated() {
    let (code, doc) = inventory("optional", &[]);
    assert_eq!(code, 0, "the object for with newlines parses");
    assert_eq!(
        placed(&doc, "module.storage[\"logs\"].google_storage_bucket.this").1,
        "europe-west1"
    );
    assert_eq!(
        placed(
            &doc,
            "module.storage[\"archive\"].google_storage_bucket.this"
        )
        .1,
        "EU"
    );
    assert!(
        doc["resources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["address"].as_str().unwrap().contains("old"))
    );
    assert_eq!(placed(&doc, "google_storage_bucket.index").1, "EU");
}

#[test]
fn aliases_pass_through_two_module_levels() {
    let (_, doc) = inventory("aliases", &[]);
    assert_eq!(
        placed(&doc, "aws_s3_bucket.root"),
        ("aws".into(), "eu-west-3".into())
    );
    assert_eq!(
        placed(&doc, "module.app.aws_sqs_queue.jobs"),
        ("aws".into(), "eu-west-3".into())
    );
    let data = resource(&doc, "module.app.module.storage.aws_s3_bucket.data");
    assert_eq!(data["region"], "eu-central-1");
    assert_eq!(data["provider"]["config"], "aws.frankfurt");
    let notes: Vec<&str> = evidence_notes(data);
    assert!(
        notes
            .iter()
            .any(|n| n.contains("passes aws.storage as aws")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("passes aws.frankfurt as aws.storage")),
        "{notes:?}"
    );
}

#[test]
fn tfvars_follow_terraform_precedence() {
    let (_, doc) = inventory("tfvars", &[]);
    // terraform.tfvars < a.auto.tfvars < b.auto.tfvars.json
    assert_eq!(placed(&doc, "aws_s3_bucket.main").1, "eu-west-3");
    assert_eq!(placed(&doc, "aws_s3_bucket.backup").1, "eu-west-1");
    assert_eq!(placed(&doc, "aws_s3_bucket.logs").1, "eu-west-1");
    // --var-file beats the automatic files; --var beats --var-file.
    let var_file = fixtures().join("tfvars/terraform.tfvars");
    let (_, doc) = inventory("tfvars", &["--var-file", var_file.to_str().unwrap()]);
    assert_eq!(placed(&doc, "aws_s3_bucket.main").1, "eu-west-1");
    let (_, doc) = inventory(
        "tfvars",
        &[
            "--var-file",
            var_file.to_str().unwrap(),
            "--var",
            "region=eu-north-1",
        ],
    );
    assert_eq!(placed(&doc, "aws_s3_bucket.main").1, "eu-north-1");
}

#[test]
fn environment_variables_rank_below_tfvars() {
    let output = Command::new(env!("CARGO_BIN_EXE_souverain"))
        .args(["inventory", "unknown_var", "--format", "json"])
        .current_dir(fixtures())
        .env("TF_VAR_region", "eu-west-3")
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(placed(&doc, "aws_s3_bucket.b").1, "eu-west-3");
}

#[test]
fn count_and_for_each_expand_to_instance_addresses() {
    let (_, doc) = inventory("expansion", &[]);
    assert_eq!(
        placed(&doc, "aws_s3_bucket.mirror[\"paris\"]").1,
        "eu-west-3"
    );
    assert_eq!(
        placed(&doc, "aws_s3_bucket.mirror[\"frankfurt\"]").1,
        "eu-central-1"
    );
    resource(&doc, "aws_ebs_volume.disk[0]");
    resource(&doc, "aws_ebs_volume.disk[1]");
    resource(&doc, "aws_sqs_queue.by_name[\"invoices\"]");
    assert_eq!(
        placed(
            &doc,
            "module.regional[\"eu-north-1\"].aws_dynamodb_table.table"
        )
        .1,
        "eu-north-1"
    );
    let unknown = resource(&doc, "aws_kms_key.unknown_count");
    assert!(
        unknown["unresolved"][0]
            .as_str()
            .unwrap()
            .starts_with("count is not known statically")
    );
}

#[test]
fn sovereign_signals_decide_the_vendor() {
    let (_, doc) = inventory("sovereign", &[]);
    let at = |root: &str, address: &str| {
        doc["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["root"] == root && r["address"] == address)
            .map(|r| (r["vendor"].clone(), r["region"].clone()))
            .unwrap_or_else(|| panic!("{root} {address}"))
    };
    assert_eq!(
        at("s3ns", "google_sql_database_instance.citizens"),
        ("s3ns".into(), "u-france-east1".into())
    );
    assert_eq!(
        at("ovh_us", "ovh_cloud_project_database.us").0,
        "ovhcloud-us"
    );
    assert_eq!(
        at("ovh_us", "ovh_cloud_project_database.eu"),
        ("ovhcloud".into(), "GRA".into())
    );
    assert_eq!(
        at("openstack", "openstack_blockstorage_volume_v3.ovh"),
        ("ovhcloud".into(), "GRA11".into())
    );
    assert_eq!(
        at("openstack", "openstack_objectstorage_container_v1.internal").0,
        Value::Null
    );
    assert_eq!(
        at("outscale_api", "outscale_volume.data"),
        ("outscale".into(), "cloudgouv-eu-west-1".into())
    );
    assert_eq!(
        at("outscale_api", "outscale_vm.app"),
        ("outscale".into(), "cloudgouv-eu-west-1".into())
    );
    assert_eq!(
        at("outscale_legacy", "outscale_vm.app"),
        ("outscale".into(), "eu-west-2".into())
    );
    assert_eq!(
        at("oos", "aws_s3_bucket.oos"),
        ("outscale".into(), "cloudgouv-eu-west-1".into())
    );
    assert_eq!(at("oos", "aws_sqs_queue.not_s3").0, "aws");
}

#[test]
fn internal_cloud_declared_in_config_resolves_the_vendor() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("souverain.hcl");
    std::fs::write(
        &config,
        r#"
vendor "cloud-ministere" {
  name                  = "Our ministry's OpenStack"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  internal_cloud        = true
  source                = "our CMDB"
  date                  = "2026-11-01"
}
endpoint {
  provider  = "terraform-provider-openstack/openstack"
  attribute = "auth_url"
  match     = "host"
  pattern   = "keystone.cloud.interieur.example"
  vendor    = "cloud-ministere"
  source    = "our CMDB"
  date      = "2026-11-01"
}
"#,
    )
    .unwrap();
    let (_, doc) = inventory(
        "sovereign/openstack",
        &["--config", config.to_str().unwrap()],
    );
    assert_eq!(
        placed(&doc, "openstack_objectstorage_container_v1.internal"),
        ("cloud-ministere".into(), "RegionOne".into())
    );
}

#[test]
fn azure_location_comes_from_the_resource_group() {
    let (_, doc) = inventory("azure_rg", &[]);
    assert_eq!(
        placed(&doc, "azurerm_storage_account.sa"),
        ("azure".into(), "francecentral".into())
    );
    let kv = resource(&doc, "azurerm_key_vault.kv");
    assert_eq!(kv["region"], Value::Null);
    assert!(
        kv["unresolved"][0]
            .as_str()
            .unwrap()
            .contains("var.location has no value")
    );
}

#[test]
fn unknown_values_are_unresolved_never_guessed() {
    let (_, doc) = inventory("unknown_var", &[]);
    for address in [
        "aws_s3_bucket.b",
        "aws_s3_bucket.from_env",
        "aws_s3_bucket.from_data",
    ] {
        let r = resource(&doc, address);
        assert_eq!(r["region"], Value::Null, "{address}");
        assert!(!r["unresolved"].as_array().unwrap().is_empty(), "{address}");
    }
    let random = resource(&doc, "random_id.suffix");
    assert_eq!(random["hosted"], false);
}

#[test]
fn remote_modules_are_read_when_installed_and_reported_when_not() {
    let (_, doc) = inventory("remote_module", &[]);
    assert_eq!(placed(&doc, "module.vpc.aws_flow_log.this").1, "eu-west-3");
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    for call in ["module.eks", "module.git"] {
        assert!(
            diagnostics
                .iter()
                .any(|d| d["code"] == "module-not-installed"
                    && d["message"].as_str().unwrap().contains(call)),
            "{call}: {diagnostics:#?}"
        );
    }
}

#[test]
fn a_broken_file_does_not_hide_the_others() {
    let (code, doc) = inventory("parse_error", &[]);
    assert_eq!(code, 1, "input errors give exit code 1");
    resource(&doc, "aws_s3_bucket.ok");
    resource(&doc, "aws_sqs_queue.bom");
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    let broken = diagnostics
        .iter()
        .find(|d| d["file"] == "broken.tf")
        .expect("broken.tf is reported");
    assert_eq!(broken["code"], "parse-error");
    assert!(broken["line"].as_u64().unwrap() >= 5);
    let latin1 = diagnostics
        .iter()
        .find(|d| d["file"] == "latin1.tf")
        .expect("latin1.tf is reported");
    assert_eq!(
        (latin1["line"].as_u64(), latin1["column"].as_u64()),
        (Some(2), Some(14))
    );
}

#[test]
fn table_and_csv_formats_list_every_resource() {
    let (code, table, _) = run(&["inventory", "aliases"], &fixtures());
    assert_eq!(code, 0);
    assert!(table.starts_with("ROOT"));
    assert!(table.contains("module.app.module.storage.aws_s3_bucket.data"));
    let (_, csv, _) = run(&["inventory", "aliases", "--format", "csv"], &fixtures());
    assert_eq!(csv.lines().count(), 1 + 4);
}

#[test]
fn include_and_exclude_globs_select_the_scanned_files() {
    let roots = |extra: &[&str]| {
        let (_, doc) = inventory("sovereign", extra);
        let mut roots: Vec<String> = doc["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["root"].as_str().unwrap().to_string())
            .collect();
        roots.dedup();
        roots
    };
    assert!(roots(&[]).contains(&"ovh_us".to_string()));
    assert!(!roots(&["--exclude", "ovh_us/**"]).contains(&"ovh_us".to_string()));
    assert_eq!(roots(&["--include", "s3ns/*.tf"]), vec!["s3ns".to_string()]);
    let (code, _, stderr) = run(
        &["inventory", "sovereign", "--include", "[bad"],
        &fixtures(),
    );
    assert_eq!(code, 2, "a bad glob is a usage error");
    assert!(stderr.contains("invalid glob"), "{stderr}");
}

#[test]
fn child_resources_live_in_their_parent_location() {
    let (_, doc) = inventory("azure_rg", &[]);
    assert_eq!(
        placed(&doc, "azurerm_storage_container.documents").1,
        "francecentral"
    );
    assert_eq!(
        placed(&doc, "azurerm_mssql_database.registry").1,
        "westeurope"
    );
    // A resource group holds resources of any region: it is no parent.
    assert_eq!(
        placed(&doc, "azurerm_role_assignment.reader").1,
        Value::Null
    );
    let (_, doc) = inventory("sovereign/s3ns", &[]);
    assert_eq!(
        placed(&doc, "google_sql_database.records"),
        ("s3ns".into(), "u-france-east1".into())
    );
    let records = resource(&doc, "google_sql_database.records");
    let notes: Vec<&str> = evidence_notes(records);
    assert!(
        notes
            .iter()
            .any(|n| n.contains("lives in google_sql_database_instance.citizens (instance)")),
        "{notes:?}"
    );
}
