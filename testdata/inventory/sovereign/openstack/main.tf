terraform {
  required_providers {
    openstack = { source = "terraform-provider-openstack/openstack" }
  }
}

provider "openstack" {
  auth_url = "https://auth.cloud.ovh.net/v3"
  region   = "GRA11"
}

provider "openstack" {
  alias    = "internal"
  auth_url = "https://keystone.cloud.interieur.example:5000/v3"
  region   = "RegionOne"
}

resource "openstack_blockstorage_volume_v3" "ovh" {
  name = "data"
  size = 10
}

resource "openstack_objectstorage_container_v1" "internal" {
  provider = openstack.internal
  name     = "archives"
}
