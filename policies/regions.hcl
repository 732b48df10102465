# Regions: where each vendor's region codes are. Schema: policies/README.md. Facts: the
# domain reference, §5 (S3NS) and §6 (region tables), §9 (Azure pairs, GCS multi-regions).
# `date` is the source's date; for an undated source, the date the fact was compiled
# (2026-09-26). `confirmed = false` marks facts the reference calls UNCONFIRMED or that go
# beyond it.
#
# Countries are ISO 3166 alpha-2; "EU" means "in the EU, country not known", "??" means
# "outside the EU, country not known". Codes compare ignoring case; `*` makes a family
# (`us-*`), and an exact code, then the most specific family, wins. A French region of a
# US or Chinese vendor is still exposed to that country's law (vendors.hcl).

# --- AWS ---------------------------------------------------------------------------

regions "aws" {
  source    = "aws/aws-sdk-go-v2 internal/endpoints/awsrulesfn/partitions.json@26bf48f3 (region descriptions) ; public AWS region-code enum (2026)"
  date      = "2026-09-26"
  confirmed = true

  region "eu-west-3"      { country = "FR" } # Paris
  region "eu-central-1"   { country = "DE" } # Frankfurt
  region "eu-west-1"      { country = "IE" }
  region "eu-south-1"     { country = "IT" } # Milan
  region "eu-south-2"     { country = "ES" }
  region "eu-north-1"     { country = "SE" } # Stockholm
  region "eusc-de-east-1" { country = "DE" } # European Sovereign Cloud: EU location, US parent
  region "eu-west-2"      { country = "GB" } # London
  region "eu-central-2"   { country = "CH" } # Zurich
  region "eu-isoe-west-1" { country = "??" } # ISO-E (cloud.adc-e.uk), Europe outside the EU
  region "us-*"           { country = "US" } # includes us-gov-*, us-iso*-*
  region "cn-*"           { country = "CN" }
  region "ca-central-1"   { country = "CA" }
  region "ca-west-1"      { country = "CA" }
  region "mx-central-1"   { country = "MX" }
  region "sa-east-1"      { country = "BR" }
  region "af-south-1"     { country = "ZA" }
  region "me-south-1"     { country = "BH" }
  region "me-central-1"   { country = "AE" }
  region "il-central-1"   { country = "IL" }
  region "ap-east-1"      { country = "HK" }
  region "ap-south-1"     { country = "IN" }
  region "ap-south-2"     { country = "IN" }
  region "ap-southeast-1" { country = "SG" }
  region "ap-southeast-2" { country = "AU" }
  region "ap-southeast-3" { country = "ID" }
  region "ap-southeast-4" { country = "AU" }
  region "ap-northeast-1" { country = "JP" }
  region "ap-northeast-2" { country = "KR" }
  region "ap-northeast-3" { country = "JP" }
  # Families outside the EU whose newer members' countries the sources do not give.
  region "ap-*"           { country = "??" }
  region "ca-*"           { country = "??" }
  region "sa-*"           { country = "??" }
  region "me-*"           { country = "??" }
  region "af-*"           { country = "??" }
  region "mx-*"           { country = "??" }
  region "il-*"           { country = "??" }
  # Pseudo-regions of the global endpoints: IAM, CloudFront, Route 53 go to us-east-1.
  region "aws-global"        { country = "US" }
  region "aws-us-gov-global" { country = "US" }
  region "aws-iso*-global"   { country = "US" }
  region "aws-cn-global"     { country = "CN" }
}

# --- Google and S3NS ---------------------------------------------------------------

regions "google" {
  source    = "https://docs.velt.dev/security/supported-regions ; https://cloud.google.com/workload-manager/docs/evaluate/locations ; https://docs.cloud.google.com/application-design-center/docs/locations"
  date      = "2026-09-26"
  confirmed = true

  region "europe-west9"      { country = "FR" } # Paris
  region "europe-west1"      { country = "BE" }
  region "europe-west3"      { country = "DE" } # Frankfurt
  region "europe-west4"      { country = "NL" }
  region "europe-west8"      { country = "IT" } # Milan
  region "europe-west10"     { country = "DE" } # Berlin
  region "europe-west12"     { country = "IT" } # Turin
  region "europe-north1"     { country = "FI" }
  region "europe-north2"     { country = "SE" } # Stockholm
  region "europe-central2"   { country = "PL" } # Warsaw
  region "europe-southwest1" { country = "ES" } # Madrid
  region "europe-west2"      { country = "GB" } # London
  region "europe-west6"      { country = "CH" } # Zurich
  region "us-*"              { country = "US" }
  region "northamerica-*"    { country = "??" }
  region "southamerica-*"    { country = "??" }
  region "asia-*"            { country = "??" }
  region "australia-*"       { country = "AU" }
  region "me-central1"       { country = "??" }
  region "me-central2"       { country = "??" }
  region "me-west1"          { country = "??" }
}

regions "google" {
  source    = "domain reference §6 (africa-south1 listed as UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false

  region "africa-south1" { country = "ZA" }
}

# GCS multi-regions. `EU` is "data centers within member states of the European Union" and
# excludes europe-west2 (London) and europe-west6 (Zurich): its countries are those of
# Google's EU regions above.
regions "google" {
  source    = "https://docs.rs/cloud-storage/0.7.0/cloud_storage/bucket/enum.MultiRegion.html"
  date      = "2026-09-26"
  confirmed = true

  multi_region "EU"   { countries = ["BE", "DE", "ES", "FI", "FR", "IT", "NL", "PL", "SE"] }
  multi_region "US"   { countries = ["US"] }
  multi_region "ASIA" { countries = ["??"] }
  # `global` locations: Google picks where the data goes.
  multi_region "global" { unpinned = true }
}

# Dual-regions. EUR4 = europe-north1 + europe-west4, metadata possibly in europe-west1
# (UNCONFIRMED); EUR5/7/8 pair EU regions with London or Zurich (UNCONFIRMED, members from
# Google's dual-region list, beyond the domain reference).
regions "google" {
  source    = "https://docs.rs/cloud-storage/0.10.1/cloud_storage/bucket/enum.DualRegion.html ; domain reference §6, §9"
  date      = "2026-09-26"
  confirmed = false

  multi_region "EUR4" { countries = ["FI", "NL", "BE"] }
  multi_region "EUR5" { countries = ["BE", "GB"] }
  multi_region "EUR7" { countries = ["GB", "DE"] }
  multi_region "EUR8" { countries = ["DE", "CH"] }
}

# S3NS: a single region, and `global` equals it.
regions "s3ns" {
  source    = "https://documentation.s3ns.fr/ (Key differences)"
  date      = "2026-07-17"
  confirmed = true

  region "u-france-east1" { country = "FR" }
  region "global"         { country = "FR" }
}

# --- Azure -------------------------------------------------------------------------

regions "azure" {
  source    = "https://learn.microsoft.com/nb-no/azure/reliability/regions-list ; https://northflank.com/cloud/azure/regions ; https://Gist.github.com/ausfestivus/04e55c7d80229069bf3bc75870630ec8"
  date      = "2026-09-26"
  confirmed = true

  region "francecentral"      { country = "FR" }
  region "francesouth"        { country = "FR" } # restricted
  region "westeurope"         { country = "NL" }
  region "northeurope"        { country = "IE" }
  region "germanywestcentral" { country = "DE" }
  region "germanynorth"       { country = "DE" }
  region "swedencentral"      { country = "SE" }
  region "italynorth"         { country = "IT" }
  region "polandcentral"      { country = "PL" }
  region "spaincentral"       { country = "ES" }
  region "austriaeast"        { country = "AT" }
  region "belgiumcentral"     { country = "BE" }
  region "uksouth"            { country = "GB" }
  region "ukwest"             { country = "GB" }
  region "switzerlandnorth"   { country = "CH" }
  region "switzerlandwest"    { country = "CH" }
  region "norwayeast"         { country = "NO" } # EEA, not EU
  region "norwaywest"         { country = "NO" }
  region "*us*"               { country = "US" } # eastus, westus2, southcentralus, usgov…
  region "canada*"            { country = "CA" }
  region "brazil*"            { country = "BR" }
  region "mexicocentral"      { country = "MX" }
  region "chilecentral"       { country = "CL" }
  region "*asia*"             { country = "??" }
  region "japan*"             { country = "JP" }
  region "korea*"             { country = "KR" }
  region "*india*"            { country = "IN" }
  region "australia*"         { country = "AU" }
  region "newzealandnorth"    { country = "NZ" }
  region "indonesiacentral"   { country = "ID" }
  region "malaysiawest"       { country = "MY" }
  region "southafrica*"       { country = "ZA" }
  region "uae*"               { country = "AE" }
  region "qatarcentral"       { country = "QA" }
  region "israelcentral"      { country = "IL" }

  # Meta locations: Azure picks the region.
  multi_region "global"      { unpinned = true }
  multi_region "europe"      { unpinned = true }
  multi_region "asia"        { unpinned = true }
  multi_region "asiapacific" { unpinned = true }
}

regions "azure" {
  source    = "domain reference §6 (swedensouth listed as UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false

  region "swedensouth" { country = "SE" }
}

# Where geo-redundant storage (GRS, GZRS…) and SQL geo-backups go.
region_pairs "azure" {
  source    = "https://learn.microsoft.com/zh-cn/azure/reliability/cross-region-replication-azure"
  date      = "2026-09-26"
  confirmed = true

  pair "northeurope" "westeurope" {}
  pair "germanywestcentral" "germanynorth" {}
  pair "uksouth" "ukwest" {}
  pair "switzerlandnorth" "switzerlandwest" {}
  pair "norwayeast" "norwaywest" {}
  # The exception that leaves its geography.
  pair "brazilsouth" "southcentralus" {}
}

region_pairs "azure" {
  source    = "domain reference §9 (France pair UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false

  pair "francecentral" "francesouth" {}
}

# --- France and Europe -------------------------------------------------------------

# OVH region codes carry a number (GRA11) or a zone suffix (RBX-A, EU-WEST-PAR-A):
# families cover them.
regions "ovhcloud" {
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs ; public OVH S3 endpoint list (undated)"
  date      = "2026-08-21"
  confirmed = true

  region "GRA*"           { country = "FR" } # Gravelines
  region "SBG*"           { country = "FR" } # Strasbourg
  region "RBX*"           { country = "FR" } # Roubaix
  region "EU-WEST-PAR*"   { country = "FR" } # Paris 3-AZ
  region "DE*"            { country = "DE" }
  region "WAW*"           { country = "PL" }
  region "EU-WEST-LZ-*"   { country = "EU" } # Local Zones
  region "UK*"            { country = "GB" }
  region "BHS*"           { country = "CA" }
  region "ca-east-tor"    { country = "CA" }
}

regions "ovhcloud" {
  source    = "domain reference §6: EU-WEST-LZ-LUX-A example (Luxembourg from the code, not stated)"
  date      = "2026-09-26"
  confirmed = false

  region "EU-WEST-LZ-LUX*" { country = "LU" }
}

# Everything behind the `ovh-us` API endpoint is OVHcloud US.
regions "ovhcloud-us" {
  source    = "https://us.ovhcloud.com/legal/service-specific-terms/ ; domain reference §6"
  date      = "2026-04-01"
  confirmed = true

  region "*" { country = "US" }
}

regions "scaleway" {
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/guides/regions_and_zones.md"
  date      = "2026-08-21"
  confirmed = true

  region "fr-par*" { country = "FR" } # region fr-par, zones fr-par-1/2/3
  region "nl-ams*" { country = "NL" }
  region "pl-waw*" { country = "PL" }
}

regions "outscale" {
  source    = "outscale/terraform-provider-outscale@70f2bbeb docs ; https://docs.outscale.com/en/userguide/Regions-Endpoints-and-Subregions-Reference.html"
  date      = "2026-08-12"
  confirmed = true

  region "cloudgouv-eu-west-1" { country = "FR" } # SecNumCloud region
  region "eu-west-2"           { country = "FR" }
  region "us-east-2"           { country = "US" }
  region "us-west-1"           { country = "US" }
  region "ap-northeast-1"      { country = "JP" }
}

# NumSpot runs on Outscale's SecNumCloud region.
regions "numspot" {
  source    = "NumSpot provider code and tests (source_region_name = \"cloudgouv-eu-west-1\", undated)"
  date      = "2026-09-26"
  confirmed = true

  region "cloudgouv-eu-west-1" { country = "FR" }
}

regions "flexible-engine" {
  source    = "domain reference §6 (no source given)"
  date      = "2026-09-26"
  confirmed = false

  region "eu-west-0" { country = "FR" }
}

regions "hetzner" {
  source    = "https://metacpan.org/pod/WWW::Hetzner::Cloud::API::Locations ; https://www.pulumi.com/registry/packages/hcloud/api-docs/getlocation/"
  date      = "2025-05-21"
  confirmed = true

  region "fsn1" { country = "DE" }
  region "nbg1" { country = "DE" }
  region "hel1" { country = "FI" }
  region "ash"  { country = "US" }
  region "hil"  { country = "US" }
  region "sin"  { country = "SG" }
}

# Network zones, read only as hints (`network_zone`).
regions "hetzner" {
  source    = "domain reference §5 (network_zone e.g. eu-central); zone members inferred from the locations above"
  date      = "2026-09-26"
  confirmed = false

  region "eu-central"   { country = "EU" }
  region "us-east"      { country = "US" }
  region "us-west"      { country = "US" }
  region "ap-southeast" { country = "SG" }
}

# Swiss vendor: its Swiss zones are outside the EU, and its EU zones are still under
# non-EU control (vendors.hcl).
regions "exoscale" {
  source    = "https://docs.rs/crate/exoscale-rs/latest/source/docs/ZoneName.md"
  date      = "2026-09-26"
  confirmed = true

  region "de-fra-1" { country = "DE" }
  region "de-muc-1" { country = "DE" }
  region "at-vie-1" { country = "AT" }
  region "at-vie-2" { country = "AT" }
  region "bg-sof-1" { country = "BG" }
  region "ch-gva-2" { country = "CH" }
  region "ch-dk-2"  { country = "CH" }
}

regions "ionos" {
  source    = "https://www.pulumi.com/registry/packages/ionoscloud/api-docs/getlocation (UNCONFIRMED in the domain reference)"
  date      = "2025-05-20"
  confirmed = false

  region "fr/par" { country = "FR" }
  region "de/fra" { country = "DE" }
  region "de/txl" { country = "DE" }
  region "es/vit" { country = "ES" }
  region "gb/lhr" { country = "GB" }
  region "us/*"   { country = "US" }
}

regions "stackit" {
  source    = "domain reference §6 (UNCONFIRMED; go-comply web/data/solutions.json 2026-02-23 says de-fra/de-muc: unreliable)"
  date      = "2026-02-23"
  confirmed = false

  region "eu01" { country = "DE" }
  region "eu02" { country = "EU" }
}

regions "upcloud" {
  source    = "https://aiven.io/docs/platform/reference/list_of_clouds (not read in full; UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false

  region "fi-hel*" { country = "FI" }
  region "de-fra*" { country = "DE" }
  region "nl-ams*" { country = "NL" }
  region "pl-waw*" { country = "PL" }
  region "es-mad*" { country = "ES" }
  region "se-sto*" { country = "SE" }
  region "uk-lon*" { country = "GB" }
  region "us-*"    { country = "US" }
  region "sg-sin*" { country = "SG" }
}

# --- Other vendors -----------------------------------------------------------------

regions "oracle" {
  source    = "https://docs.oracle.com/cloud/help/zh_CN/epm-common/TSEPM/opc_gen_2_regions.htm ; https://docs.oracle.com/en-us/iaas/application-integration/doc/region-availability.html"
  date      = "2026-09-26"
  confirmed = true

  region "eu-paris-1"     { country = "FR" }
  region "eu-marseille-1" { country = "FR" }
  region "eu-frankfurt-1" { country = "DE" }
  region "eu-amsterdam-1" { country = "NL" }
  region "eu-milan-1"     { country = "IT" }
  region "eu-madrid-1"    { country = "ES" }
  region "eu-stockholm-1" { country = "SE" }
  region "eu-zurich-1"    { country = "CH" }
  region "uk-*"           { country = "GB" } # uk-london-1, uk-cardiff-1
  region "us-*"           { country = "US" }
  region "ap-*"           { country = "??" }
  region "ca-*"           { country = "??" }
  region "sa-*"           { country = "??" }
  region "me-*"           { country = "??" }
  region "af-*"           { country = "??" }
  region "il-*"           { country = "??" }
  region "mx-*"           { country = "??" }
}

regions "oracle" {
  source    = "domain reference §6 (\"doubtful; Italy North Turin NRQ\")"
  date      = "2026-09-26"
  confirmed = false

  region "eu-turin-1" { country = "IT" }
}

regions "alibaba" {
  source    = "https://alibabacloud.com/help/doc-detail/72379.htm ; https://www.alibabacloud.com/help/en/asc/developer-reference/api-aisc-2026-01-01-endpoint"
  date      = "2024-11-13"
  confirmed = true

  region "eu-central-1" { country = "DE" }
  region "eu-west-1"    { country = "GB" } # London
  region "cn-*"         { country = "CN" }
  region "ap-*"         { country = "??" }
  region "us-*"         { country = "US" }
  region "me-east-1"    { country = "AE" }
}

regions "huawei" {
  source    = "https://developer.huaweicloud.com/intl/en-us/endpoint (not read; UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false

  region "eu-west-0"   { country = "FR" } # ex-Flexible Engine
  region "eu-west-101" { country = "IE" } # Dublin
  region "cn-*"        { country = "CN" }
  region "ap-*"        { country = "??" }
  region "af-*"        { country = "??" }
  region "la-*"        { country = "??" }
  region "me-*"        { country = "??" }
  region "sa-*"        { country = "??" }
  region "tr-*"        { country = "??" }
}

regions "tencent" {
  source    = "domain reference §6 (UNCONFIRMED, no source)"
  date      = "2026-09-26"
  confirmed = false

  region "eu-frankfurt" { country = "DE" }
  region "ap-*"         { country = "??" } # includes mainland China (ap-guangzhou…)
  region "na-*"         { country = "??" }
  region "sa-*"         { country = "??" }
}

regions "ibm" {
  source    = "domain reference §6 (UNCONFIRMED, no source)"
  date      = "2026-09-26"
  confirmed = false

  region "eu-de" { country = "DE" }
  region "eu-es" { country = "ES" }
  region "eu-gb" { country = "GB" }
  region "us-*"  { country = "US" }
  region "jp-*"  { country = "JP" }
  region "au-*"  { country = "AU" }
  region "ca-*"  { country = "CA" }
  region "br-*"  { country = "BR" }
}

regions "digitalocean" {
  source    = "domain reference §6 (UNCONFIRMED, no source)"
  date      = "2026-09-26"
  confirmed = false

  region "fra*" { country = "DE" }
  region "ams*" { country = "NL" }
  region "lon*" { country = "GB" }
  region "nyc*" { country = "US" }
  region "sfo*" { country = "US" }
  region "tor*" { country = "CA" }
  region "sgp*" { country = "SG" }
  region "blr*" { country = "IN" }
  region "syd*" { country = "AU" }
}
