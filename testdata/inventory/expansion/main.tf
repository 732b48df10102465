provider "aws" {
  region = "eu-west-3"
}

locals {
  mirrors = {
    paris     = "eu-west-3"
    frankfurt = "eu-central-1"
  }
}

resource "aws_s3_bucket" "mirror" {
  for_each = local.mirrors
  bucket   = "mirror-${each.key}"
  region   = each.value
}

resource "aws_ebs_volume" "disk" {
  count             = 2
  availability_zone = "eu-west-3a"
  size              = 10
}

resource "aws_sqs_queue" "by_name" {
  for_each = toset(["orders", "invoices"])
  name     = each.key
}

module "regional" {
  source   = "./regional"
  for_each = toset(["eu-west-1", "eu-north-1"])
  region   = each.key
}

resource "aws_kms_key" "unknown_count" {
  count = length(data.aws_availability_zones.all.names)
}

data "aws_availability_zones" "all" {}
