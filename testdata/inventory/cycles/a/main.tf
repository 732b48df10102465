module "b" {
  source = "../b"
}

resource "aws_sqs_queue" "in_a" {
  name   = "a"
  region = "eu-west-3"
}
