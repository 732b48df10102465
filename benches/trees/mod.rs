//! Synthetic Terraform trees for benchmarks, shared by `benches/analysis.rs` and
//! `examples/gen_tree.rs`. Every shape configures AWS and Google providers through
//! variables, locals, tfvars and aliases, and classifies its data, so that parsing,
//! resolution and the checks all do real work.
// Each crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// What a generated tree looks like.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// `resources` resources in roots of 50 files × 20 resources; every fifth resource
    /// is a call of one shared module with `for_each`.
    Flat { resources: usize },
    /// A root whose module calls a module, `levels` deep, each call with `count = 2`,
    /// passing the region and a provider alias down.
    Deep { levels: usize },
    /// One root with a resource and a module call, each with `for_each` over `instances`
    /// keys (rounded up to a hundred).
    Wide { instances: usize },
    /// `roots` roots of one file each, all calling the same module of 40 resources.
    SharedModule { roots: usize },
    /// A Git repository of about `files` Terraform files: roots of 20 files × 5
    /// resources, each calling two of ten shared modules, which call a common one. What
    /// pre-commit sees.
    Repository { files: usize },
}

impl Shape {
    /// Parses `flat:N`, `deep:N`, `wide:N`, `shared:N`, `repo:N`, or a bare number
    /// (`flat`).
    pub fn parse(text: &str) -> Option<Shape> {
        let (kind, n) = text.split_once(':').unwrap_or(("flat", text));
        let n: usize = n.parse().ok()?;
        Some(match kind {
            "flat" => Shape::Flat { resources: n },
            "deep" => Shape::Deep { levels: n },
            "wide" => Shape::Wide { instances: n },
            "shared" => Shape::SharedModule { roots: n },
            "repo" => Shape::Repository { files: n },
            _ => return None,
        })
    }

    /// Writes the tree under `dir`.
    pub fn write(self, dir: &Path) {
        match self {
            Shape::Flat { resources } => flat(dir, resources),
            Shape::Deep { levels } => deep(dir, levels),
            Shape::Wide { instances } => wide(dir, instances),
            Shape::SharedModule { roots } => shared(dir, roots),
            Shape::Repository { files } => repository(dir, files),
        }
    }
}

/// A file of the Repository shape that belongs to one root only: what a commit changes.
pub const REPOSITORY_CHANGED_FILE: &str = "roots/r0000/main_007.tf";

const FLAT_RESOURCES_PER_FILE: usize = 20;
const FLAT_FILES_PER_ROOT: usize = 50;
const TFVARS: &str = "region = \"eu-west-3\"\nbackup_region = \"eu-central-1\"\n";

fn flat(dir: &Path, total: usize) {
    write(&dir.join("modules/bucket/main.tf"), SHARED_BUCKET);
    roots(
        dir,
        total,
        FLAT_FILES_PER_ROOT,
        FLAT_RESOURCES_PER_FILE,
        |_, _| "../../modules/bucket".to_string(),
    );
}

fn repository(dir: &Path, files: usize) {
    const FILES_PER_ROOT: usize = 20;
    const RESOURCES_PER_FILE: usize = 5;
    const MODULES: usize = 10;
    std::fs::create_dir_all(dir.join(".git")).expect("create .git");
    write(&dir.join("modules/leaf/main.tf"), SHARED_BUCKET);
    for k in 0..MODULES {
        write(
            &dir.join(format!("modules/m{k}/main.tf")),
            &format!(
                "{SHARED_BUCKET}\nmodule \"leaf\" {{\n  source = \"../leaf\"\n  name   = \"${{var.name}}-leaf\"\n  region = var.region\n}}\n"
            ),
        );
    }
    // Each root calls two of the modules, so a module is shared by a fifth of the roots.
    roots(
        dir,
        files * RESOURCES_PER_FILE,
        FILES_PER_ROOT,
        RESOURCES_PER_FILE,
        |root, file| format!("../../modules/m{}", (root + file % 2) % MODULES),
    );
}

/// Roots of `files_per_root` files × `per_file` resources until `total` resources are
/// written; `module_source(root, file)` is where each module call points.
fn roots(
    dir: &Path,
    total: usize,
    files_per_root: usize,
    per_file: usize,
    module_source: impl Fn(usize, usize) -> String,
) {
    let per_root = files_per_root * per_file;
    let mut written = 0;
    for r in 0..total.div_ceil(per_root) {
        let root = dir.join(format!("roots/r{r:04}"));
        write(&root.join("providers.tf"), PROVIDERS);
        write(&root.join("terraform.tfvars"), TFVARS);
        for f in 0..files_per_root {
            let mut text = String::new();
            for i in 0..per_file {
                if written == total {
                    break;
                }
                resource(&mut text, f, i, &module_source(r, f));
                written += 1;
            }
            if !text.is_empty() {
                write(&root.join(format!("main_{f:03}.tf")), &text);
            }
        }
    }
}

/// Appends resource `i` of file `f`: one of five kinds by `i`, every fifth a call of
/// `module_source`.
pub fn resource(text: &mut String, f: usize, i: usize, module_source: &str) {
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
            "module \"{name}\" {{\n  source   = \"{module_source}\"\n  for_each = toset([\"a\"])\n  name     = \"{name}-${{each.key}}\"\n  region   = lookup(local.regions, each.key, var.region)\n}}\n"
        ),
    };
}

fn deep(dir: &Path, levels: usize) {
    let root = dir.join("root");
    write(&root.join("providers.tf"), PROVIDERS);
    write(&root.join("terraform.tfvars"), TFVARS);
    write(
        &root.join("main.tf"),
        "module \"level\" {\n  source    = \"../modules/level1\"\n  region    = var.region\n  providers = { aws = aws.backup }\n}\n",
    );
    for level in 1..=levels {
        let mut text = String::from(
            "variable \"region\" {}\n\nlocals {\n  tags = { data_classification = \"sensitive\", level = \"${var.region}\" }\n}\n\n",
        );
        for i in 0..10 {
            let _ = writeln!(
                text,
                "resource \"aws_s3_bucket\" \"b{i}\" {{\n  bucket = \"l{level}-{i}-${{var.region}}\"\n  tags   = local.tags\n}}\n"
            );
        }
        if level < levels {
            let _ = writeln!(
                text,
                "module \"level\" {{\n  source = \"../level{}\"\n  count  = 2\n  region = var.region\n}}\n",
                level + 1
            );
        }
        write(&dir.join(format!("modules/level{level}/main.tf")), &text);
    }
}

fn wide(dir: &Path, instances: usize) {
    // Terraform's `range` stops at 1,024 values: hundreds of hundreds.
    let hundreds = instances.div_ceil(100);
    write(&dir.join("modules/bucket/main.tf"), SHARED_BUCKET);
    let root = dir.join("root");
    write(&root.join("providers.tf"), PROVIDERS);
    write(&root.join("terraform.tfvars"), TFVARS);
    write(
        &root.join("main.tf"),
        &format!(
            "locals {{\n  names = toset(flatten([for i in range({hundreds}) : [for j in range(100) : format(\"b%04d%02d\", i, j)]]))\n}}\n\nresource \"aws_s3_bucket\" \"wide\" {{\n  for_each = local.names\n  bucket   = \"${{local.prefix}}-${{each.key}}\"\n  tags     = local.tags\n}}\n\nmodule \"wide\" {{\n  source   = \"../modules/bucket\"\n  for_each = local.names\n  name     = each.key\n  region   = var.backup_region\n}}\n"
        ),
    );
}

fn shared(dir: &Path, roots: usize) {
    let mut module = String::from(
        "terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\", configuration_aliases = [aws.backup] }\n  }\n}\n\nvariable \"region\" {}\nvariable \"name\" {}\n\nlocals {\n  prefix  = \"shared-${var.name}\"\n  regions = { a = var.region }\n  tags    = { data_classification = \"sensitive\" }\n}\n\nvariable \"backup_region\" {\n  default = \"eu-central-1\"\n}\n\n",
    );
    for i in 0..40 {
        // The shared module calls no further module.
        if i % 5 != 4 {
            resource(&mut module, 0, i, "");
        }
    }
    write(&dir.join("modules/shared/main.tf"), &module);
    for r in 0..roots {
        let root = dir.join(format!("roots/r{r:04}"));
        write(&root.join("terraform.tfvars"), TFVARS);
        write(
            &root.join("main.tf"),
            &format!(
                "{PROVIDERS}\nmodule \"shared\" {{\n  source = \"../../modules/shared\"\n  name   = \"r{r}\"\n  region = var.region\n  providers = {{ aws = aws, aws.backup = aws.backup, google = google }}\n}}\n"
            ),
        );
    }
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

const SHARED_BUCKET: &str = r#"variable "name" {}
variable "region" {}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  region = var.region
  tags   = { data_classification = "sensitive" }
}
"#;
