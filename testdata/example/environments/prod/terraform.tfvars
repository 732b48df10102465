s3ns_region = "u-france-east1"
