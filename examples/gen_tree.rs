//! Generates a synthetic Terraform tree for benchmarks:
//! `cargo run --release --example gen_tree -- DIR RESOURCES`.
//!
//! The tree has roots of 50 files each; every root configures two AWS provider
//! configurations and a Google one, calls a shared module with `for_each`, and declares
//! resources whose regions go through variables, locals, tfvars and aliases, so that
//! resolution does real work.

use std::fmt::Write as _;
use std::path::Path;

const RESOURCES_PER_FILE: usize = 20;
const FILES_PER_ROOT: usize = 50;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(count)) = (args.next(), args.next()) else {
        eprintln!("usage: gen_tree DIR RESOURCES");
        std::process::exit(2);
    };
    let total: usize = count.parse().expect("RESOURCES is a number");
    let dir = Path::new(&dir);
    write(&dir.join("modules/bucket/main.tf"), SHARED_MODULE);
    let per_root = RESOURCES_PER_FILE * FILES_PER_ROOT;
    let roots = total.div_ceil(per_root);
    let mut written = 0;
    for r in 0..roots {
        let root = dir.join(format!("roots/r{r:04}"));
        write(&root.join("providers.tf"), PROVIDERS);
        write(
            &root.join("terraform.tfvars"),
            "region = \"eu-west-3\"\nbackup_region = \"eu-central-1\"\n",
        );
        for f in 0..FILES_PER_ROOT {
            let mut text = String::new();
            for i in 0..RESOURCES_PER_FILE {
                if written == total {
                    break;
                }
                resource(&mut text, f, i);
                written += 1;
            }
            if !text.is_empty() {
                write(&root.join(format!("main_{f:03}.tf")), &text);
            }
        }
    }
    eprintln!(
        "{written} resources in {roots} roots under {}",
        dir.display()
    );
}

fn resource(text: &mut String, f: usize, i: usize) {
    let name = format!("r{f}_{i}");
    let _ = match i % 5 {
        0 => writeln!(
            text,
            "resource \"aws_s3_bucket\" \"{name}\" {{\n  bucket = \"${{local.prefix}}-{name}\"\n  tags   = local.tags\n}}\n"
        ),
        1 => writeln!(
            text,
            "resource \"aws_db_instance\" \"{name}\" {{\n  provider          = aws.backup\n  engine            = \"postgres\"\n  instance_class    = \"db.t3.micro\"\n  availability_zone = \"${{var.backup_region}}a\"\n}}\n"
        ),
        2 => writeln!(
            text,
            "resource \"google_storage_bucket\" \"{name}\" {{\n  name     = format(\"%s-%s\", local.prefix, \"{name}\")\n  location = upper(\"eu\")\n  labels   = {{ data_classification = \"sensitive\" }}\n}}\n"
        ),
        3 => writeln!(
            text,
            "resource \"aws_sqs_queue\" \"{name}\" {{\n  count  = 2\n  name   = \"{name}-${{count.index}}\"\n  region = var.backup_region\n}}\n"
        ),
        _ => writeln!(
            text,
            "module \"{name}\" {{\n  source   = \"../../modules/bucket\"\n  for_each = toset([\"a\"])\n  name     = \"{name}-${{each.key}}\"\n  region   = lookup(local.regions, each.key, var.region)\n}}\n"
        ),
    };
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent directory"))
        .expect("create the directory");
    std::fs::write(path, text).expect("write the file");
}

const PROVIDERS: &str = r#"variable "region" {}
variable "backup_region" {}

locals {
  prefix  = "bench-${var.region}"
  regions = { a = var.region, b = var.backup_region }
  tags    = { data_classification = "internal", owner = "bench" }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "backup"
  region = var.backup_region
}

provider "google" {
  region = "europe-west9"
}
"#;

const SHARED_MODULE: &str = r#"variable "name" {}
variable "region" {}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  region = var.region
}
"#;
