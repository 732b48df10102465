variable "region" {
  default = "us-east-1"
}

variable "backup_region" {
  default = "us-east-1"
}

variable "logs_region" {
  default = "eu-west-1"
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "main" {
  bucket = "main"
}

resource "aws_s3_bucket" "backup" {
  bucket = "backup"
  region = var.backup_region
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  region = var.logs_region
}
