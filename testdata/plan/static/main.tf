# Citizens' records: sensitive, on AWS (not SecNumCloud-qualified).
resource "aws_s3_bucket" "records" {
  bucket = "records"
  tags   = { data_classification = "sensitive" }
}

# souverain:ignore SOV002 until=2027-06-30 -- migration planned, ticket 42
resource "aws_sqs_queue" "events" {
  name = "events"
}

module "store" {
  source   = "./modules/store"
  for_each = toset(["a", "b"])
  name     = each.key
  providers = {
    aws = aws.us
  }
}
