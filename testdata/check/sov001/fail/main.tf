# Google Cloud in Paris is not SecNumCloud-qualified: only S3NS is.
provider "google" {
  region = "europe-west9"
}

resource "google_storage_bucket" "records" {
  name     = "citizens-records"
  location = "europe-west9"
  labels   = { data_classification = "sensitive" }
}
