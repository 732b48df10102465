variable "region" {
  type        = string
  description = "Set by the CI pipeline"
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias = "env"
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_s3_bucket" "from_env" {
  provider = aws.env
  bucket   = "from-env"
}

resource "aws_s3_bucket" "from_data" {
  bucket = "x"
  region = data.aws_region.current.name
}

data "aws_region" "current" {}

resource "random_id" "suffix" {
  byte_length = 4
}
