provider "aws" {
  region = "eu-west-3"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.0.0"
}

module "git" {
  source = "git::https://example.com/modules/network.git?ref=v1"
}

resource "aws_s3_bucket" "state" {
  bucket = "state"
}
