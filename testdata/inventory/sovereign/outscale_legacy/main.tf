terraform {
  required_providers {
    outscale = { source = "outscale/outscale" }
  }
}

provider "outscale" {
  region = "eu-west-2"
}

resource "outscale_vm" "app" {
  image_id = "ami-12345678"
}
