variable "s3ns_region" {
  type = string
}

variable "record_buckets" {
  type    = set(string)
  default = ["births", "marriages"]
}
