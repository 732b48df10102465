variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

resource "aws_sqs_queue" "events" {
  name = "events"
  tags = { data_classification = "public" }
}
