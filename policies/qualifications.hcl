# Qualifications: the SecNumCloud-qualified offers of the ANSSI catalogue (edition of
# 2026-09-15). Schema: policies/README.md. Facts: the domain reference, §2 (qualified
# offers) and §12 (open questions). Validity runs three years from the ANSSI decision, not
# from the press announcement. `date` is the source's date. `confirmed = false` marks
# facts the reference calls UNCONFIRMED or that go beyond it.
#
# Not listed: the public offers of AWS, Azure and Google (absent from the catalogue), Bleu
# and Scaleway (candidates, not qualified in 2026-09), and the SaaS offers (Oodrive,
# Index Éducation, Whaller, Cloud Solutions/Wimi), whose validity dates the sources do not
# give and which Terraform does not deploy.
#
# `terraform_signal = false`: nothing in Terraform tells the offer apart from the
# vendor's other offers, so it never matches a resource; it is still suggested as an
# alternative.

# --- 3DS Outscale ------------------------------------------------------------------

qualification "outscale-iaas" {
  vendor      = "outscale"
  offer       = "IaaS Cloud on Demand"
  framework   = "secnumcloud"
  version     = "3.2"
  regions     = ["cloudgouv-eu-west-1"]
  categories  = ["*"]
  valid_from  = "2023-11-30"
  valid_until = "2026-11-30" # expiring soon: check the renewal
  decision    = "2118"
  source      = "[CAT-0913] ANSSI catalogue table ; [CAT-0926] ; https://www.3ds.com/newsroom/press-releases/outscale-first-cloud-qualified-secnumcloud-32"
  date        = "2026-09-15"
  confirmed   = true
}

# Whether eu-west-2 is covered is an open question (§12 q.1): treat it as a warning.
qualification "outscale-iaas-eu-west-2" {
  vendor      = "outscale"
  offer       = "IaaS Cloud on Demand (eu-west-2 coverage unconfirmed)"
  framework   = "secnumcloud"
  version     = "3.2"
  regions     = ["eu-west-2"]
  categories  = ["*"]
  valid_from  = "2023-11-30"
  valid_until = "2026-11-30"
  decision    = "2118"
  source      = "domain reference §2 and §12 q.1 (UNCONFIRMED)"
  date        = "2026-09-26"
  confirmed   = false
}

# --- OVHcloud ----------------------------------------------------------------------

qualification "ovhcloud-hosted-private-cloud" {
  vendor           = "ovhcloud"
  offer            = "Hosted Private Cloud powered by VMware (Managed Dedicated Cloud - SecNumCloud)"
  framework        = "secnumcloud"
  # 3.1 per [SNC-0226], 3.2 per [EUN-0526]: version left out.
  categories       = ["*"]
  terraform_signal = false # VMware, no Terraform signal known
  valid_from       = "2023-12-28"
  valid_until      = "2026-12-29" # expiring soon: check the renewal
  decision         = "2279"
  source           = "[CAT-0913] ANSSI catalogue table ; https://docs.ovhcloud.com/en/guides/account-and-service-management/reversibility/05-snc-vmware-reversibility-policy"
  date             = "2026-09-15"
  confirmed        = true
}

qualification "ovhcloud-bare-metal-pod" {
  vendor           = "ovhcloud"
  offer            = "Bare Metal Pod"
  framework        = "secnumcloud"
  version          = "3.2"
  categories       = ["*"]
  terraform_signal = false # OpenStack API, but auth_url and region are UNCONFIRMED
  valid_from       = "2025-03-24"
  valid_until      = "2028-03-24"
  decision         = "559"
  source           = "[CAT-0913] ANSSI catalogue table ; https://docs.ovhcloud.com/de/guides/account-and-service-management/reversibility/24-bm-pod-snc-reversbility"
  date             = "2026-09-15"
  confirmed        = true
}

qualification "ovhcloud-snc-cloud-platform" {
  vendor           = "ovhcloud"
  offer            = "SNC Cloud Platform"
  framework        = "secnumcloud"
  categories       = ["*"]
  terraform_signal = false # region names UNCONFIRMED, absent from the ovh provider docs
  valid_from       = "2026-07-31" # decision date (announced 2026-09-01)
  valid_until      = "2029-07-31"
  decision         = "3393"
  source           = "[CAT-0913] ANSSI catalogue table ; [CAT-0926]"
  date             = "2026-09-15"
  confirmed        = true
}

# --- Cloud Temple ------------------------------------------------------------------

# The whole cloudtemple provider is the qualified operator.
qualification "cloud-temple-iaas" {
  vendor      = "cloud-temple"
  offer       = "IaaS Secure Temple"
  framework   = "secnumcloud"
  categories  = ["*"]
  valid_from  = "2026-07-31" # new decision; first qualified in 2022
  valid_until = "2028-05-30"
  decision    = "3389"
  source      = "[CAT-0913] ANSSI catalogue table ; [CAT-0926]"
  date        = "2026-09-15"
  confirmed   = true
}

qualification "cloud-temple-paas-openshift" {
  vendor           = "cloud-temple"
  offer            = "PaaS OpenShift"
  framework        = "secnumcloud"
  categories       = ["*"]
  terraform_signal = false # Kubernetes, no cloud provider block
  valid_from       = "2025-05-30"
  valid_until      = "2028-05-30"
  decision         = "919"
  source           = "[CAT-0913] ANSSI catalogue table"
  date             = "2026-09-13"
  confirmed        = true
}

# --- Others ------------------------------------------------------------------------

qualification "cegedim-iaas" {
  vendor           = "cegedim"
  offer            = "CegNumCloud Secured IaaS"
  framework        = "secnumcloud"
  # 3.2 per cegedim.cloud, 3.1 per [SNC-0226]: version left out.
  categories       = ["*"]
  terraform_signal = false # no provider known
  valid_from       = "2024-12-04" # decision date (announced 2024-12-18)
  valid_until      = "2027-12-04"
  decision         = "1951"
  source           = "[CAT-0913] ANSSI catalogue table ; [EUN-0526] ; https://cegedim.cloud/en/news/cegedim-cloud-awarded-secnumcloud-3-2-qualification/"
  date             = "2026-09-15"
  confirmed        = true
}

qualification "orange-cloud-avenue-secnum" {
  vendor           = "orange-cloudavenue"
  offer            = "Cloud Avenue SecNum"
  framework        = "secnumcloud"
  categories       = ["*"]
  terraform_signal = false # how to tell SecNum from standard Cloud Avenue is UNCONFIRMED
  valid_from       = "2025-07-11"
  valid_until      = "2028-07-11"
  decision         = "1147"
  source           = "[CAT-0913] ANSSI catalogue table ; Orange newsroom release quoted by a secondary note (2025-07)"
  date             = "2026-09-15"
  confirmed        = true
}

# The whole numspot provider is the qualified offer (on Outscale's cloudgouv-eu-west-1).
qualification "numspot-platform" {
  vendor      = "numspot"
  offer       = "Plateforme des services cloud"
  framework   = "secnumcloud"
  categories  = ["*"]
  valid_from  = "2026-07-31" # decision date (announced 2026-09-01)
  valid_until = "2029-07-31"
  decision    = "3395"
  source      = "[CAT-0913] ANSSI catalogue table ; NumSpot public code and provider tests (undated)"
  date        = "2026-09-15"
  confirmed   = true
}

# Only the single region and the qualified services: Compute Engine, Cloud Storage,
# Cloud SQL, GKE, BigQuery. The sister offer CRYPT3NS is not qualified.
qualification "s3ns-premi3ns" {
  vendor     = "s3ns"
  offer      = "Cloud de confiance S3NS (PREMI3NS)"
  framework  = "secnumcloud"
  version    = "3.2"
  regions    = ["u-france-east1"]
  categories = ["*"]
  resource_types = [
    "google_compute_*", # Compute Engine
    "google_storage_*", # Cloud Storage
    "google_sql_*",     # Cloud SQL
    "google_container_*", # GKE
    "google_bigquery_*",  # BigQuery
  ]
  valid_from  = "2025-12-17"
  valid_until = "2028-12-17"
  decision    = "2057"
  source      = "[CAT-0913] ANSSI catalogue table ; https://www.generation-nt.com/actualites/s3ns-thales-google-secnumcloud-certification-anssi-2068299 ; https://documentation.s3ns.fr/"
  date        = "2025-12-24"
  confirmed   = true
}

qualification "worldline-iaas" {
  vendor           = "worldline"
  offer            = "Cloud Services - Secured IaaS"
  framework        = "secnumcloud"
  categories       = ["*"]
  terraform_signal = false # no provider known
  valid_from       = "2025-03-24"
  valid_until      = "2028-03-31"
  source           = "[CAT-0926] sovereign-cost dataset quoting the ANSSI catalogue of 2026-09-15"
  date             = "2026-09-26"
  confirmed        = true
}
