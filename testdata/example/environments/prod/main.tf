# A ministry's production stack: citizens' records on S3NS (SecNumCloud), a public
# website bucket on AWS, internal archives on Outscale (a French operator, in France).
terraform {
  required_providers {
    google   = { source = "hashicorp/google" }
    aws      = { source = "hashicorp/aws" }
    outscale = { source = "outscale/outscale" }
  }
}

provider "google" {
  project         = "s3ns:etat-civil-prod"
  region          = var.s3ns_region
  universe_domain = "s3nsapis.fr"
}

provider "aws" {
  region = "eu-west-3"
  default_tags {
    tags = { data_classification = "public" }
  }
}

provider "outscale" {
  api {
    region = "cloudgouv-eu-west-1"
  }
}

module "records" {
  source      = "../../modules/records"
  environment = "prod"
  buckets     = var.record_buckets
}

resource "aws_s3_bucket" "website" {
  bucket = "etat-civil-website"
}

resource "outscale_volume" "archives" {
  subregion_name = "cloudgouv-eu-west-1a"
  size           = 500
  tags {
    key   = "data_classification"
    value = "internal"
  }
}
