terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region = "eu-west-3"
}

provider "aws" {
  alias  = "frankfurt"
  region = "eu-central-1"
}

module "app" {
  source = "./modules/app"
  providers = {
    aws         = aws
    aws.storage = aws.frankfurt
  }
}

resource "aws_s3_bucket" "root" {
  bucket = "root-bucket"
}
