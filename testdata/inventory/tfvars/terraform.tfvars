region        = "eu-west-1"
backup_region = "eu-west-1"
