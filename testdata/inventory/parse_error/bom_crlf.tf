resource "aws_sqs_queue" "bom" {
  name = "bom"
}
