resource "aws_s3_bucket" "data" {
  bucket = "app-data"
}

resource "aws_db_instance" "db" {
  engine            = "postgres"
  availability_zone = "eu-central-1b"
}
