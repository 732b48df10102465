provider "google" {
  project         = "s3ns:citizens-prod"
  region          = "u-france-east1"
  universe_domain = "s3nsapis.fr"
}

resource "google_sql_database_instance" "citizens" {
  name             = "citizens"
  database_version = "POSTGRES_15"
}

resource "google_storage_bucket" "documents" {
  name     = "documents"
  location = "u-france-east1"
}

resource "google_sql_database" "records" {
  name     = "records"
  instance = google_sql_database_instance.citizens.name
}
