provider "google" {
  project         = "s3ns:citizens"
  universe_domain = "s3nsapis.fr"
  region          = "u-france-east1"
}

resource "google_storage_bucket" "records" {
  name     = "citizens-records"
  location = "u-france-east1"
  labels   = { data_classification = "sensitive" }
}
