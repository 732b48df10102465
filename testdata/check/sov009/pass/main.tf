provider "aws" {
  region = "eu-west-3"
}

# souverain:ignore SOV002 until=2027-06-30 -- migration to Outscale planned (ticket 42)
resource "aws_s3_bucket" "valid" {
  bucket = "valid"
  tags   = { data_classification = "internal" }
}
