variable "environment" {
  type = string
}

variable "buckets" {
  type = set(string)
}

locals {
  labels = {
    environment         = var.environment
    data_classification = "sensitive"
  }
}

resource "google_storage_bucket" "records" {
  for_each = var.buckets
  name     = "records-${each.key}-${var.environment}"
  location = "u-france-east1"
  labels   = local.labels
}

resource "google_sql_database_instance" "registry" {
  name             = "registry-${var.environment}"
  database_version = "POSTGRES_16"
  settings {
    tier        = "db-custom-2-7680"
    user_labels = local.labels
  }
}
