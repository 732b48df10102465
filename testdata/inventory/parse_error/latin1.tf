resource "aws_sqs_queue" "latin1" {
  name = "café"
}
