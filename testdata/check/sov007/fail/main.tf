terraform {
  backend "s3" {
    bucket = "tfstate"
    key    = "citizens.tfstate"
    region = "eu-west-3"
  }
}

provider "google" {
  project         = "s3ns:citizens"
  universe_domain = "s3nsapis.fr"
  region          = "u-france-east1"
}

resource "google_sql_database_instance" "citizens" {
  name             = "citizens"
  database_version = "POSTGRES_16"
  settings {
    tier        = "db-custom-2-7680"
    user_labels = { data_classification = "sensitive" }
  }
}
