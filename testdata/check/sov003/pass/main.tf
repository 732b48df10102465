terraform {
  required_providers {
    scaleway = { source = "scaleway/scaleway" }
  }
}

resource "scaleway_rdb_instance" "stats" {
  name      = "stats"
  node_type = "DB-DEV-S"
  engine    = "PostgreSQL-15"
  region    = "fr-par"
  tags      = ["data_classification=internal"]
}
