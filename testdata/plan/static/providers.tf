terraform {
  backend "s3" {
    bucket = "tf-state"
    key    = "prod.tfstate"
    region = "us-east-1"
  }
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region = "eu-west-3"
  default_tags {
    tags = { data_classification = "internal" }
  }
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}
