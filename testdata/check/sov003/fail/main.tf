terraform {
  required_providers {
    scaleway = { source = "scaleway/scaleway" }
  }
}

provider "google" {
  region = "europe-west9"
}

resource "google_bigquery_dataset" "stats" {
  dataset_id = "stats"
  location   = "US"
  labels     = { data_classification = "internal" }
}
