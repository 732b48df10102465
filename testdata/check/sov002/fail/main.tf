provider "aws" {
  region = "eu-west-3"
}

resource "aws_db_instance" "hr" {
  engine = "postgres"
  tags   = { data_classification = "internal" }
}
