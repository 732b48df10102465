resource "scaleway_rdb_instance" "db" {
  region = "pl-waw"
}
