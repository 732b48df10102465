variable "name" {
  type = string
}

variable "location" {
  type = string
}

resource "google_storage_bucket" "this" {
  name     = var.name
  location = var.location
}

output "location" {
  value = google_storage_bucket.this.location
}
