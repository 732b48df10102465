terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.storage]
    }
  }
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

module "storage" {
  source = "../storage"
  providers = {
    aws = aws.storage
  }
}
