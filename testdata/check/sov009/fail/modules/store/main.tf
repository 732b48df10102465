resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"
  tags   = { data_classification = "internal" }
}
