provider "aws" {
  region = "cloudgouv-eu-west-1"
  endpoints {
    s3 = "https://oos.cloudgouv-eu-west-1.outscale.com"
  }
}

resource "aws_s3_bucket" "oos" {
  bucket = "on-outscale"
}

resource "aws_sqs_queue" "not_s3" {
  name = "uses-the-aws-default"
}
