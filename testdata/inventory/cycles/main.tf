provider "aws" {
  region = local.region
}

locals {
  region = local.fallback
  fallback = local.region
}

resource "aws_s3_bucket" "cyclic" {
  bucket = "cyclic"
}

module "a" {
  source = "./a"
}
