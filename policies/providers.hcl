# Providers: how each Terraform provider's resources map to a vendor and a location.
# Schema: policies/README.md. Facts: the domain reference, §4 (internal clouds and OpenStack
# auth_url seeds), §5 (source address → location syntax → sovereignty signals), §6.
# `date` is the source's date; for an undated source, the date the fact was compiled
# (2026-09-26). `confirmed = false` marks facts the reference calls UNCONFIRMED or that
# go beyond it.

# --- Hyperscalers ------------------------------------------------------------------

provider "hashicorp/aws" {
  tags          = ["tags"]
  provider_tags = ["default_tags.tags"]
  backends      = ["s3"]
  vendor            = "aws"
  hosting           = "cloud"
  provider_location = ["region"]
  # Since v6.0.0 most resources have an optional top-level `region`.
  resource_location = ["region"]
  location_hints    = ["availability_zone"]
  zone_attributes   = ["availability_zone"]
  zone_to_region    = "trailing-letter"
  # "Non-region-aware resources" of the enhanced-region-support guide.
  global_resource_types = [
    "aws_account_*", "aws_billing_*", "aws_bcmdataexports_*", "aws_budgets_*",
    "aws_cloudfront_*", "aws_cloudfrontkeyvaluestore_*", "aws_ce_*",
    "aws_costoptimizationhub_*", "aws_cur_*", "aws_globalaccelerator_*",
    "aws_iam_*", "aws_rolesanywhere_*", "aws_caller_identity", "aws_networkmanager_*",
    "aws_organizations_*", "aws_pricing_*", "aws_route53_*", "aws_route53domains_*",
    "aws_route53recoverycontrolconfig_*", "aws_route53recoveryreadiness_*",
    "aws_shield_*", "aws_notifications_*", "aws_notificationscontacts_*", "aws_waf_*",
    "aws_backup_global_settings", "aws_chimesdkvoice_global_settings",
    "aws_cloudtrail_organization_delegated_admin_account", "aws_dx_gateway",
    "aws_ec2_image_block_public_access", "aws_fms_admin_account",
    "aws_vpc_ipam_organization_admin_account", "aws_quicksight_account_settings",
    "aws_ram_sharing_with_organization", "aws_canonical_user_id",
    "aws_s3_account_public_access_block", "aws_servicecatalog_organizations_access",
    "aws_default_tags", "aws_partition", "aws_regions",
    "aws_cloudwatch_log_data_protection_policy_document", "aws_ecr_lifecycle_policy_document",
  ]
  source    = "hashicorp/terraform-provider-aws@0cb788ce website/docs/guides/enhanced-region-support.html.markdown"
  date      = "2026-09-26"
  confirmed = true

  # S3-compatible storage of other clouds through hashicorp/aws: the endpoint host is
  # the real cloud. First match wins, so the generic OVH rule comes last.
  endpoint {
    attribute      = "endpoints.s3"
    match          = "host"
    pattern        = "oos.{region}.outscale.com"
    vendor         = "outscale"
    resource_types = ["aws_s3_*"]
    source         = "outscale/terraform-provider-outscale@70f2bbeb docs/index.md ; https://docs.outscale.com/en/userguide/Regions-Endpoints-and-Subregions-Reference.html"
    date           = "2026-08-12"
    confirmed      = true
  }
  endpoint {
    attribute      = "endpoints.s3"
    match          = "host"
    pattern        = "s3.{region}.io.cloud.ovh.net"
    vendor         = "ovhcloud"
    resource_types = ["aws_s3_*"]
    source         = "public OVH S3 endpoint list (undated), domain reference §5"
    date           = "2026-09-26"
    confirmed      = true
  }
  endpoint {
    attribute      = "endpoints.s3"
    match          = "host"
    pattern        = "s3.{region}.cloud.ovh.net"
    vendor         = "ovhcloud"
    resource_types = ["aws_s3_*"]
    source         = "older OVH S3 host form, not in the domain reference"
    date           = "2026-09-26"
    confirmed      = false
  }
  endpoint {
    attribute      = "endpoints.s3"
    match          = "host"
    pattern        = "*.cloud.ovh.net"
    vendor         = "ovhcloud"
    resource_types = ["aws_s3_*"]
    source         = "inferred: cloud.ovh.net hosts OVHcloud's S3 and OpenStack endpoints (domain reference §4, §5)"
    date           = "2026-09-26"
    confirmed      = false
  }
  endpoint {
    attribute      = "endpoints.s3"
    match          = "host"
    pattern        = "s3.{region}.scw.cloud"
    vendor         = "scaleway"
    resource_types = ["aws_s3_*"]
    source         = "public Terraform code (backend and provider `endpoints = { s3 = \"https://s3.fr-par.scw.cloud\" }`), not in the domain reference"
    date           = "2026-09-26"
    confirmed      = false
  }
  # Outscale's EC2-compatible API (FCU) reached through hashicorp/aws.
  endpoint {
    attribute = "endpoints.ec2"
    match     = "host"
    pattern   = "fcu.{region}.outscale.com"
    vendor    = "outscale"
    resource_types = [
      "aws_instance", "aws_ebs_*", "aws_ami", "aws_ami_*", "aws_volume_attachment",
      "aws_key_pair", "aws_vpc", "aws_vpc_*", "aws_subnet", "aws_security_group",
      "aws_security_group_*", "aws_eip", "aws_eip_*", "aws_network_interface",
      "aws_network_interface_*", "aws_route", "aws_route_table", "aws_route_table_*",
      "aws_internet_gateway", "aws_internet_gateway_*", "aws_nat_gateway",
      "aws_snapshot_create_volume_permission",
    ]
    source    = "outscale/terraform-provider-outscale@70f2bbeb docs/index.md (endpoint fcu.<region>.outscale.com); its use through endpoints.ec2 is inferred"
    date      = "2026-08-12"
    confirmed = false
  }
}

provider "hashicorp/google" {
  tags     = ["labels", "user_labels", "settings.user_labels", "resource_labels"]
  backends = ["gcs"]
  aliases           = ["hashicorp/google-beta"]
  vendor            = "google"
  hosting           = "cloud"
  provider_location = ["region", "zone"]
  resource_location = ["location", "region", "zone", "location_id"]
  # These may hold a zone (zonal GKE cluster, Redis `location_id`); dash-letter leaves a
  # region name unchanged.
  zone_attributes = ["zone", "location", "location_id"]
  zone_to_region  = "dash-letter"
  # A database of a Cloud SQL instance, a table of a dataset, an object of a bucket live in
  # their parent's location.
  location_from_parent = ["instance", "bucket", "dataset_id", "cluster", "key_ring", "crypto_key", "secret", "topic", "database", "*_id"]
  # Without `location`, a dataset is created in the US multi-region, whatever the provider's
  # region (website/docs/r/bigquery_dataset.html.markdown: "The default value is
  # multi-regional location `US`", read 2026-12-02).
  type_default_locations = { google_bigquery_dataset = "US" }
  # Global resources (https://cloud.google.com/compute/docs/regions-zones/global-regional-zonal-resources):
  # project-level settings, IAM, VPC networks and global load-balancing pieces.
  global_resource_types = [
    "google_*_iam_binding", "google_*_iam_member", "google_*_iam_policy", "google_*_iam_audit_config",
    "google_project", "google_project_service", "google_project_services",
    "google_project_default_service_accounts", "google_project_organization_policy",
    "google_folder", "google_folder_organization_policy", "google_organization_policy",
    "google_org_policy_policy", "google_service_account", "google_service_account_key",
    "google_compute_network", "google_compute_network_peering", "google_compute_firewall",
    "google_compute_firewall_policy*", "google_compute_route", "google_compute_global_*",
    "google_compute_health_check", "google_compute_http_health_check",
    "google_compute_https_health_check", "google_compute_backend_service",
    "google_compute_backend_bucket", "google_compute_url_map",
    "google_compute_target_http_proxy", "google_compute_target_https_proxy",
    "google_compute_target_ssl_proxy", "google_compute_target_tcp_proxy",
    "google_compute_ssl_certificate", "google_compute_managed_ssl_certificate",
    "google_compute_ssl_policy", "google_compute_security_policy",
    "google_compute_instance_template", "google_compute_shared_vpc_host_project",
    "google_compute_shared_vpc_service_project", "google_compute_project_metadata*",
    "google_dns_managed_zone", "google_dns_record_set", "google_dns_policy",
    "google_billing_*", "google_monitoring_*", "google_access_context_manager_*",
    "google_tags_*", "google_essential_contacts_contact", "google_client_config",
    "google_client_openid_userinfo",
  ]
  source          = "hashicorp/terraform-provider-google@e03b7622 website/docs/guides/provider_reference.html.markdown"
  date            = "2026-08-21"
  confirmed       = true

  endpoint {
    attribute = "universe_domain"
    match     = "value"
    pattern   = "s3nsapis.fr"
    vendor    = "s3ns"
    source    = "https://documentation.s3ns.fr/ (Key differences) ; hashicorp/terraform-provider-google@e03b7622 website/docs/guides/provider_reference.html.markdown l.246-269"
    date      = "2026-07-17"
    confirmed = true
  }
}

provider "hashicorp/azurerm" {
  tags     = ["tags"]
  backends = ["azurerm"]
  vendor            = "azure"
  hosting           = "cloud"
  resource_location = ["location"]
  location_case     = "lower-no-space"
  # Child resources (containers, databases, secrets) have no location: they live in their
  # parent's (domain reference §5, "Children inherit it").
  location_from_parent  = ["*_id", "*_name"]
  parent_excluded_types = ["azurerm_resource_group"]
  source            = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/index.html.markdown"
  date              = "2026-08-21"
  confirmed         = true

  # Bleu: no built-in azurerm environment; custom clouds go through metadata_host.
  endpoint {
    attribute = "metadata_host"
    match     = "host"
    pattern   = "*.sovcloud-api.fr"
    vendor    = "bleu"
    source    = "Microsoft SDK cloud constants (AzureBleuCloud: management.core.sovcloud-api.fr) ; hashicorp/terraform-provider-azurerm@69697b7f website/docs/index.html.markdown l.189-191"
    date      = "2026-08-21"
    confirmed = false
  }
}

provider "hashicorp/azuread" {
  vendor                = "azure"
  hosting               = "cloud"
  global_resource_types = ["azuread_*"]
  source                = "opentofu/registry providers/h/hashicorp/azuread.json; Entra ID objects have no region (not in the domain reference)"
  date                  = "2026-09-26"
  confirmed             = false
}

provider "oracle/oci" {
  vendor            = "oracle"
  hosting           = "cloud"
  provider_location = ["region"]
  source            = "opentofu/registry providers/o/oracle/oci.json ; domain reference §5"
  date              = "2026-09-26"
  confirmed         = true
}

provider "ibm-cloud/ibm" {
  vendor            = "ibm"
  hosting           = "cloud"
  provider_location = ["region"]
  source            = "opentofu/registry providers/i/ibm-cloud/ibm.json ; domain reference §5"
  date              = "2026-09-26"
  confirmed         = true
}

provider "digitalocean/digitalocean" {
  vendor            = "digitalocean"
  hosting           = "cloud"
  resource_location = ["region"]
  source            = "opentofu/registry providers/d/digitalocean/digitalocean.json ; domain reference §5"
  date              = "2026-09-26"
  confirmed         = true
}

# --- China -------------------------------------------------------------------------

provider "aliyun/alicloud" {
  vendor            = "alibaba"
  hosting           = "cloud"
  provider_location = ["region"]
  source            = "opentofu/registry providers/a/aliyun/alicloud.json ; domain reference §5"
  date              = "2026-09-26"
  confirmed         = true
}

provider "tencentcloudstack/tencentcloud" {
  vendor            = "tencent"
  hosting           = "cloud"
  provider_location = ["region"]
  source            = "opentofu/registry providers/t/tencentcloudstack/tencentcloud.json ; domain reference §5"
  date              = "2026-09-26"
  confirmed         = true
}

provider "huaweicloud/huaweicloud" {
  vendor            = "huawei"
  hosting           = "cloud"
  provider_location = ["region"]
  source            = "opentofu/registry providers/h/huaweicloud/huaweicloud.json ; domain reference §5"
  date              = "2026-09-26"
  confirmed         = true
}

# --- France ------------------------------------------------------------------------

provider "ovh/ovh" {
  # Databases, users and topics of a managed database cluster live in the cluster.
  location_from_parent = ["cluster_id"]
  tags = ["tags"]
  # The API endpoint can also come from OVH_ENDPOINT or ovh.conf, which souverain
  # cannot see: without `endpoint` the default vendor applies.
  vendor            = "ovhcloud"
  hosting           = "cloud"
  resource_location = ["region", "region_name", "nodes.region", "datacenter"]
  source            = "ovh/terraform-provider-ovh@a1ae5bce docs/index.md l.70-74, docs/resources/"
  date              = "2026-08-21"
  confirmed         = true

  endpoint {
    attribute = "endpoint"
    match     = "value"
    pattern   = "ovh-us"
    vendor    = "ovhcloud-us"
    source    = "ovh/terraform-provider-ovh@a1ae5bce docs/index.md l.70-74 ; https://us.ovhcloud.com/legal/service-specific-terms/"
    date      = "2026-08-21"
    confirmed = true
  }
  endpoint {
    attribute = "endpoint"
    match     = "value"
    pattern   = "ovh-eu"
    vendor    = "ovhcloud"
    source    = "ovh/terraform-provider-ovh@a1ae5bce docs/index.md l.70-74"
    date      = "2026-08-21"
    confirmed = true
  }
  endpoint {
    attribute = "endpoint"
    match     = "value"
    pattern   = "ovh-ca"
    vendor    = "ovhcloud"
    source    = "ovh/terraform-provider-ovh@a1ae5bce docs/index.md l.70-74"
    date      = "2026-08-21"
    confirmed = true
  }
  endpoint {
    attribute = "endpoint"
    match     = "value"
    pattern   = "kimsufi-*"
    vendor    = "ovhcloud"
    source    = "ovh/terraform-provider-ovh@a1ae5bce docs/index.md (kimsufi-eu, kimsufi-ca)"
    date      = "2026-08-21"
    confirmed = true
  }
  endpoint {
    attribute = "endpoint"
    match     = "value"
    pattern   = "soyoustart-*"
    vendor    = "ovhcloud"
    source    = "ovh/terraform-provider-ovh@a1ae5bce docs/index.md (soyoustart-eu, soyoustart-ca)"
    date      = "2026-08-21"
    confirmed = true
  }
  # `endpoint` also accepts a URL.
  endpoint {
    attribute = "endpoint"
    match     = "host"
    pattern   = "api.us.ovhcloud.com"
    vendor    = "ovhcloud-us"
    source    = "ovh/go-ovh endpoint table (URL behind ovh-us), not in the domain reference"
    date      = "2026-09-26"
    confirmed = false
  }
  endpoint {
    attribute = "endpoint"
    match     = "host"
    pattern   = "*.api.ovh.com"
    vendor    = "ovhcloud"
    source    = "ovh/go-ovh endpoint table (eu.api.ovh.com, ca.api.ovh.com), not in the domain reference"
    date      = "2026-09-26"
    confirmed = false
  }
}

provider "outscale/outscale" {
  tags       = ["tags"]
  tag_format = "key-value-blocks"
  vendor = "outscale"
  hosting = "cloud"
  # `api { region }` and `oks { region }`; the top-level `region` is deprecated.
  provider_location = ["api.region", "region", "oks.region"]
  resource_location = ["subregion_name", "placement_subregion_name"]
  zone_attributes   = ["subregion_name", "placement_subregion_name"]
  zone_to_region    = "trailing-letter"
  source            = "outscale/terraform-provider-outscale@70f2bbeb docs/index.md"
  date              = "2026-08-12"
  confirmed         = true
}

provider "scaleway/scaleway" {
  tags       = ["tags"]
  tag_format = "key-value-list"
  # Object storage is S3: its bucket's `tags` is a map (schema.TypeMap in
  # internal/services/object/bucket.go, read 2026-12-02), not a "key=value" list.
  type_tag_formats = { scaleway_object_bucket = "map" }
  vendor            = "scaleway"
  hosting           = "cloud"
  provider_location = ["region", "zone"]
  resource_location = ["region", "zone"]
  zone_attributes   = ["zone"]
  zone_to_region    = "dash-number"
  default_location  = "fr-par"
  source            = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/index.md l.57-58, 221-222 ; docs/guides/regions_and_zones.md"
  date              = "2026-08-21"
  confirmed         = true
}

provider "cloud-temple/cloudtemple" {
  # The whole provider is the qualified operator; no region attribute.
  vendor    = "cloud-temple"
  hosting   = "cloud"
  source    = "Cloud Temple provider examples in public code (address = \"shiva.cloud-temple.com\")"
  date      = "2026-09-26"
  confirmed = true
}

provider "numspot/numspot" {
  # The whole provider is the qualified operator (on Outscale's cloudgouv-eu-west-1).
  vendor    = "numspot"
  hosting   = "cloud"
  source    = "NumSpot provider code and tests (undated)"
  date      = "2026-09-26"
  confirmed = true
}

provider "orange-cloudavenue/cloudavenue" {
  vendor    = "orange-cloudavenue"
  hosting   = "cloud"
  source    = "opentofu/registry providers/o/orange-cloudavenue/cloudavenue.json ; domain reference §2 (SecNum vs standard: UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

provider "flexibleenginecloud/flexibleengine" {
  vendor            = "flexible-engine"
  hosting           = "cloud"
  provider_location = ["region"]
  source            = "opentofu/registry providers/f/flexibleenginecloud/flexibleengine.json ; region eu-west-0 unsourced"
  date              = "2026-09-26"
  confirmed         = false
}

provider "clevercloud/clevercloud" {
  vendor            = "clever-cloud"
  hosting           = "cloud"
  resource_location = ["region"]
  source            = "opentofu/registry providers/c/clevercloud/clevercloud.json ; zones UNCONFIRMED (Paris is `par` in the billing API)"
  date              = "2026-09-26"
  confirmed         = false
}

# --- Other Europe ------------------------------------------------------------------

provider "hetznercloud/hcloud" {
  vendor            = "hetzner"
  hosting           = "cloud"
  resource_location = ["location"]
  location_hints    = ["network_zone"]
  source            = "opentofu/registry providers/h/hetznercloud/hcloud.json ; https://www.pulumi.com/registry/packages/hcloud/api-docs/getlocation/"
  date              = "2025-05-21"
  confirmed         = true
}

provider "ionos-cloud/ionoscloud" {
  aliases           = ["ionos-cloud/profitbricks"]
  vendor            = "ionos"
  hosting           = "cloud"
  # `country/city`, e.g. `de/fra`.
  resource_location = ["location"]
  source            = "opentofu/registry providers/i/ionos-cloud/ionoscloud.json ; https://www.pulumi.com/registry/packages/ionoscloud/api-docs/getlocation"
  date              = "2025-05-20"
  confirmed         = false
}

provider "stackitcloud/stackit" {
  vendor            = "stackit"
  hosting           = "cloud"
  provider_location = ["default_region"]
  resource_location = ["region"]
  source            = "opentofu/registry providers/s/stackitcloud/stackit.json ; regions UNCONFIRMED"
  date              = "2026-09-26"
  confirmed         = false
}

provider "exoscale/exoscale" {
  # Exoscale zones (de-fra-1, ch-gva-2) are the locations themselves.
  vendor            = "exoscale"
  hosting           = "cloud"
  resource_location = ["zone"]
  source            = "opentofu/registry providers/e/exoscale/exoscale.json ; https://docs.rs/crate/exoscale-rs/latest/source/docs/ZoneName.md"
  date              = "2026-09-26"
  confirmed         = true
}

provider "upcloudltd/upcloud" {
  # UpCloud zones (fi-hel1, de-fra1) are the locations themselves.
  vendor            = "upcloud"
  hosting           = "cloud"
  resource_location = ["zone"]
  source            = "opentofu/registry providers/u/upcloudltd/upcloud.json ; zone list UNCONFIRMED"
  date              = "2026-09-26"
  confirmed         = false
}

# --- OpenStack: the auth_url host tells the cloud ----------------------------------
# No default vendor: an unknown auth_url may be a State internal cloud (Cloud Pi, Nubo),
# whose hosts are not public. Organisations map them in .souverain.hcl.

provider "terraform-provider-openstack/openstack" {
  tags = ["metadata"]
  aliases           = ["hashicorp/openstack"]
  hosting           = "cloud"
  provider_location = ["region"]
  resource_location = ["region"]
  source            = "terraform-provider-openstack/terraform-provider-openstack@27f26125 docs/index.md l.50-59, 150"
  date              = "2026-07-16"
  confirmed         = true

  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "auth.cloud.ovh.net"
    vendor    = "ovhcloud"
    source    = "https://pastebin.com/EsDKB9Jk ; VERNIERELoic/java-webapp-deploy terraform-ansible-template/provider.tf"
    date      = "2026-09-26"
    confirmed = true
  }
  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "*.cloud.ovh.net"
    vendor    = "ovhcloud"
    source    = "inferred from auth.cloud.ovh.net (domain reference §4)"
    date      = "2026-09-26"
    confirmed = false
  }
  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "api.pub1.infomaniak.cloud"
    vendor    = "infomaniak"
    source    = "public Terraform code, project \"tapis-vert\" (undated)"
    date      = "2026-09-26"
    confirmed = true
  }
  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "*.infomaniak.cloud"
    vendor    = "infomaniak"
    source    = "inferred from api.pub1.infomaniak.cloud (domain reference §4)"
    date      = "2026-09-26"
    confirmed = false
  }
  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "keystone.services.a.regiocloud.tech"
    vendor    = "regiocloud"
    source    = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
    date      = "2026-09-26"
    confirmed = true
  }
  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "prod1.api.pco.get-cloud.io"
    vendor    = "pluscloud-open"
    source    = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
    date      = "2026-09-26"
    confirmed = true
  }
  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "api.wavestack.de"
    vendor    = "wavestack"
    source    = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
    date      = "2026-09-26"
    confirmed = true
  }
  endpoint {
    attribute = "auth_url"
    match     = "host"
    pattern   = "identity-f1a.cloudandheat.com"
    vendor    = "cloudandheat"
    source    = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
    date      = "2026-09-26"
    confirmed = true
  }
}

# --- Providers that host nothing: their resources exist only in Terraform state ---

# Terraform's built-in provider: `terraform_data`, `terraform_remote_state`.
provider "terraform.io/builtin/terraform" {
  hosting   = "none"
  source    = "https://developer.hashicorp.com/terraform/language/resources/terraform-data"
  date      = "2026-09-26"
  confirmed = true
}

# Generates Azure resource names; creates nothing in Azure.
provider "aztfmod/azurecaf" {
  hosting   = "none"
  source    = "https://registry.terraform.io/providers/aztfmod/azurecaf/latest/docs"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/random" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/random.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/null" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/null.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/tls" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/tls.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/time" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/time.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/local" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/local.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/archive" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/archive.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/http" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/http.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/external" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/external.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/template" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/template.json"
  date      = "2026-09-26"
  confirmed = true
}

provider "hashicorp/cloudinit" {
  hosting   = "none"
  source    = "opentofu/registry providers/h/hashicorp/cloudinit.json"
  date      = "2026-09-26"
  confirmed = true
}
