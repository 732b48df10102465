terraform {
  required_providers {
    outscale = { source = "outscale/outscale" }
  }
}

provider "outscale" {
  api {
    region = "cloudgouv-eu-west-1"
  }
}

resource "outscale_volume" "archives" {
  subregion_name = "cloudgouv-eu-west-1a"
  size           = 100
  tags {
    key   = "data_classification"
    value = "sensitive"
  }
}
