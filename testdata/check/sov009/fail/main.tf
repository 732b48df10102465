provider "aws" {
  region = "eu-west-3"
}

# souverain:ignore SOV002 until=2027-06-30 -- migration to Outscale planned (ticket 42)
resource "aws_s3_bucket" "valid" {
  bucket = "valid"
  tags   = { data_classification = "internal" }
}

# souverain:ignore SOV002 until=2026-01-31 -- waiver ended
resource "aws_s3_bucket" "expired" {
  bucket = "expired"
  tags   = { data_classification = "internal" }
}

# souverain:ignore SOV002
resource "aws_s3_bucket" "no_reason" {
  bucket = "no-reason"
  tags   = { data_classification = "internal" }
}

resource "aws_s3_bucket" "first_line" { # souverain:ignore SOV002 -- accepted by the data owner
  bucket = "first-line"
  tags   = { data_classification = "internal" }
}

# souverain:ignore SOV999 -- no such rule
resource "aws_s3_bucket" "unknown_rule" {
  bucket = "unknown-rule"
  tags   = { data_classification = "public" }
}

# souverain:ignore SOV003 -- nothing to silence here
resource "aws_s3_bucket" "unused" {
  bucket = "unused"
  tags   = { data_classification = "public" }
}

# souverain:ignore SOV002 -- the whole legacy store, until its decommissioning
module "legacy" {
  source = "./modules/store"
}
