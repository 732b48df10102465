//! Case 3: a `sensitive = true` variable's value, set by a default, a tfvars file or the
//! environment, and anything derived from it, is printed by no output format.

use crate::souverain;
use crate::support::tree;

const SECRETS: [&str; 3] = [
    "PLANTED-default-4242",
    "PLANTED-tfvars-1111",
    "PLANTED-env-2222",
];

const CONFIG: &str = r#"
variable "region_secret" {
  sensitive = true
  default   = "PLANTED-default-4242"
}
variable "db_password" {
  type      = string
  sensitive = true
}
variable "endpoint_secret" {
  sensitive = "true"
}

locals {
  derived = "eu-${var.db_password}"
}

provider "aws" {
  region = var.region_secret
}

provider "aws" {
  alias  = "endpoint"
  region = local.derived
  endpoints {
    s3 = var.endpoint_secret
  }
}

resource "aws_s3_bucket" "records" {
  bucket = var.db_password
  tags   = { data_classification = "sensitive", owner = var.db_password }
}

resource "aws_s3_bucket" "derived" {
  provider = aws.endpoint
  tags     = { data_classification = local.derived }
}

resource "aws_s3_bucket" "each" {
  for_each = toset([var.db_password])
  tags     = { data_classification = "sensitive" }
}

module "inner" {
  source   = "./inner"
  password = var.db_password
  region   = var.region_secret
}
"#;

const INNER: &str = r#"
variable "password" {}
variable "region" {}

provider "aws" {
  region = var.region
}

resource "aws_db_instance" "db" {
  password = var.password
  tags     = { data_classification = var.password }
}
"#;

#[test]
fn no_output_format_prints_a_sensitive_value() {
    let dir = tree(&[
        ("main.tf", CONFIG),
        ("inner/main.tf", INNER),
        (
            "terraform.tfvars",
            "db_password = \"PLANTED-tfvars-1111\"\n",
        ),
    ]);
    let summary = dir.path().join("summary.md");
    let summary_env = summary.to_str().unwrap();
    let env = [
        ("TF_VAR_endpoint_secret", "PLANTED-env-2222"),
        ("GITHUB_STEP_SUMMARY", summary_env),
    ];
    let mut outputs = Vec::new();
    for format in ["human", "json", "sarif", "github", "junit"] {
        let run = souverain(
            dir.path(),
            &[
                "check",
                ".",
                "--format",
                format,
                "--write-baseline",
                "baseline.json",
            ],
            &env,
        );
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        outputs.push((format!("check {format}"), run.stdout + &run.stderr));
        outputs.push((
            format!("baseline ({format})"),
            std::fs::read_to_string(dir.path().join("baseline.json")).unwrap(),
        ));
    }
    for format in ["table", "json", "csv"] {
        let run = souverain(dir.path(), &["inventory", ".", "--format", format], &env);
        outputs.push((format!("inventory {format}"), run.stdout + &run.stderr));
    }
    outputs.push((
        "step summary".into(),
        std::fs::read_to_string(&summary).unwrap(),
    ));
    for (what, text) in &outputs {
        assert!(!text.is_empty(), "{what} printed nothing");
        for secret in SECRETS {
            assert!(!text.contains(secret), "{what} prints {secret}:\n{text}");
        }
        // Nor a fragment of one, as a truncated note would.
        assert!(!text.contains("PLANTED"), "{what}:\n{text}");
    }
    // The reason is given instead of the value.
    let (_, json) = &outputs.iter().find(|(w, _)| w == "inventory json").unwrap();
    assert!(json.contains("is sensitive: souverain does not read sensitive values"));
}
