provider "scaleway" {
  region = "nl-ams"
}

resource "scaleway_object_bucket" "archive" {
  name = "archive"
}
