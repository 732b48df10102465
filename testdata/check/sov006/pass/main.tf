provider "aws" {
  region = "eu-west-3"
}

resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "public" }
  replica {
    region_name = "us-east-1"
  }
}
