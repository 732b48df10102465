terraform {
  required_providers {
    openstack = { source = "terraform-provider-openstack/openstack" }
  }
}

provider "openstack" {
  auth_url = "https://auth.cloud.ovh.net/v3"
  region   = "GRA11"
}

resource "openstack_blockstorage_volume_v3" "hr" {
  name     = "hr"
  size     = 10
  metadata = { data_classification = "internal" }
}
