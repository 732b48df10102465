# Citizens' records: sensitive, on AWS (not qualified), with a 50%, comma: colon message path.
resource "aws_s3_bucket" "records" {
  bucket = "records"
  tags   = { data_classification = "sensitive" }
}

# souverain:ignore SOV002 until=2027-06-30 -- migration planned, ticket 42
resource "aws_sqs_queue" "events" {
  name = "events"
  tags = { data_classification = "internal" }
}

resource "aws_cloudwatch_log_group" "audit" {
  name = "audit"
}

module "store" {
  source = "./modules/store"
}
