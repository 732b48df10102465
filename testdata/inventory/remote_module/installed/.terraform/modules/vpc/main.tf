variable "name" {}

resource "aws_flow_log" "this" {
  log_destination = "arn:aws:s3:::${var.name}-flow-logs"
}
