provider "google" {
  region = "europe-west9"
}

variable "buckets" {
  type = map(object({
    location = optional(string, "europe-west1")
    create   = optional(bool, true)
  }))
  default = {
    logs    = {}
    archive = { location = "EU" }
    old     = { create = false }
  }
}

module "storage" {
  source   = "./storage"
  for_each = { for k, v in var.buckets : k => v if v.create }
  name     = each.key
  location = each.value.location
}

# Newlines inside an object `for` are valid Terraform; hcl-edit needs the compatibility pass.
locals {
  locations = {
    for k, m in module.storage : k =>
    m.location
  }
}

resource "google_storage_bucket" "index" {
  name     = "index"
  location = local.locations["archive"]
}
