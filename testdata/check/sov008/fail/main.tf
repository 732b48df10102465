provider "aws" {
  region = "eu-west-3"
}

resource "aws_s3_bucket" "exports" {
  bucket = "exports"
}

resource "aws_s3_bucket" "typo" {
  bucket = "typo"
  tags   = { data_classification = "secrete" }
}
