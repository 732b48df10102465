resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "internal" }
  replica {
    region_name = "us-east-1"
  }
}
