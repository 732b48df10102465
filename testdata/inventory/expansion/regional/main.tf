variable "region" {}

resource "aws_dynamodb_table" "table" {
  name   = "t-${var.region}"
  region = var.region
}
