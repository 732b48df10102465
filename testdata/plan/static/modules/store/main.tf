variable "name" {
  type = string
}

resource "aws_dynamodb_table" "sessions" {
  name = "sessions-${var.name}"
  tags = { data_classification = "internal" }
  replica {
    region_name = "eu-central-1"
  }
}
