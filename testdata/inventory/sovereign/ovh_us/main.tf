terraform {
  required_providers {
    ovh = { source = "ovh/ovh" }
  }
}

provider "ovh" {
  endpoint = "ovh-us"
}

provider "ovh" {
  alias    = "eu"
  endpoint = "ovh-eu"
}

resource "ovh_cloud_project_database" "us" {
  service_name = "project"
  engine       = "postgresql"
  version      = "15"
  plan         = "essential"
  flavor       = "db1-4"
  nodes {
    region = "US-EAST-VA"
  }
}

resource "ovh_cloud_project_database" "eu" {
  provider     = ovh.eu
  service_name = "project"
  engine       = "postgresql"
  version      = "15"
  plan         = "essential"
  flavor       = "db1-4"
  nodes {
    region = "GRA"
  }
}
