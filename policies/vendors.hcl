# Vendors: the companies that operate infrastructure, and the law they answer to.
# Schema: policies/README.md. Facts: the domain reference, §7 "Jurisdiction and laws".
# `date` is the source's date; for an undated or year-only source, the date the fact was
# compiled (2026-09-26). `confirmed = false` marks facts the reference calls UNCONFIRMED.

# --- United States -----------------------------------------------------------------

vendor "aws" {
  name                  = "Amazon Web Services (Amazon.com Inc.)"
  headquarters          = "US"
  jurisdiction          = "US"
  eu                    = false
  extraterritorial_laws = ["us-cloud-act", "us-fisa-702", "us-eo-12333"]
  note                  = "The European Sovereign Cloud (partition aws-eusc) has EU operational control but US ownership: not immune."
  source                = "https://sota.io/blog/eu-cloud-infrastructure-comparison-finale-gdpr-cloud-act-2026"
  date                  = "2026-05-26"
  confirmed             = true
}

vendor "google" {
  name                  = "Google LLC (Alphabet)"
  headquarters          = "US"
  jurisdiction          = "US"
  eu                    = false
  extraterritorial_laws = ["us-cloud-act", "us-fisa-702", "us-eo-12333"]
  source                = "grokify/go-comply web/data/solutions.json"
  date                  = "2026-02-23"
  confirmed             = true
}

vendor "azure" {
  name                  = "Microsoft Corporation"
  headquarters          = "US"
  jurisdiction          = "US"
  eu                    = false
  extraterritorial_laws = ["us-cloud-act", "us-fisa-702", "us-eo-12333"]
  source                = "grokify/go-comply web/data/solutions.json"
  date                  = "2026-02-23"
  confirmed             = true
}

vendor "ovhcloud-us" {
  name                  = "OVHcloud US"
  headquarters          = "US"
  jurisdiction          = "US"
  eu                    = false
  extraterritorial_laws = ["us-cloud-act"]
  note                  = "Separate US entity reached through the ovh-us API endpoint; the CLOUD Act analysis is not confirmed."
  source                = "https://us.ovhcloud.com/legal/service-specific-terms/"
  date                  = "2026-04-01"
  confirmed             = false
}

vendor "oracle" {
  name                  = "Oracle Corporation"
  headquarters          = "US"
  jurisdiction          = "US"
  eu                    = false
  extraterritorial_laws = ["us-cloud-act", "us-fisa-702", "us-eo-12333"]
  note                  = "The Oracle EU Sovereign Cloud is a separate realm."
  source                = "domain reference §7 (US company; exposure unsourced)"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "ibm" {
  name                  = "IBM"
  headquarters          = "US"
  jurisdiction          = "US"
  eu                    = false
  extraterritorial_laws = ["us-cloud-act", "us-fisa-702", "us-eo-12333"]
  source                = "domain reference §7 (US company; exposure unsourced)"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "digitalocean" {
  name                  = "DigitalOcean"
  headquarters          = "US"
  jurisdiction          = "US"
  eu                    = false
  extraterritorial_laws = ["us-cloud-act", "us-fisa-702", "us-eo-12333"]
  source                = "domain reference §7 (US company; exposure unsourced)"
  date                  = "2026-09-26"
  confirmed             = false
}

# --- China -------------------------------------------------------------------------

vendor "alibaba" {
  name                  = "Alibaba Cloud (Hangzhou)"
  headquarters          = "CN"
  jurisdiction          = "CN"
  eu                    = false
  extraterritorial_laws = ["cn-national-intelligence-law", "cn-cybersecurity-law"]
  source                = "https://factually.co/fact-checks/technology/chinese-companies-compelled-to-share-national-intel-with-government-c6d64a ; https://stop.zona-m.net/2020/05/some-articles-of-some-chinese-laws-that-interest-everybody/"
  date                  = "2026-02-05"
  confirmed             = true
}

vendor "tencent" {
  name                  = "Tencent Cloud"
  headquarters          = "CN"
  jurisdiction          = "CN"
  eu                    = false
  extraterritorial_laws = ["cn-national-intelligence-law", "cn-cybersecurity-law"]
  note                  = "Head office (Shenzhen) not confirmed."
  source                = "https://factually.co/fact-checks/technology/chinese-companies-compelled-to-share-national-intel-with-government-c6d64a ; https://stop.zona-m.net/2020/05/some-articles-of-some-chinese-laws-that-interest-everybody/"
  date                  = "2026-02-05"
  confirmed             = false
}

vendor "huawei" {
  name                  = "Huawei Cloud (Shenzhen)"
  headquarters          = "CN"
  jurisdiction          = "CN"
  eu                    = false
  extraterritorial_laws = ["cn-national-intelligence-law", "cn-cybersecurity-law"]
  source                = "https://factually.co/fact-checks/technology/chinese-companies-compelled-to-share-national-intel-with-government-c6d64a ; https://stop.zona-m.net/2020/05/some-articles-of-some-chinese-laws-that-interest-everybody/"
  date                  = "2026-02-05"
  confirmed             = true
}

# --- France ------------------------------------------------------------------------

vendor "s3ns" {
  name                  = "S3NS (Thales; Google minority stake)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Google technology; ANSSI judged immunity sufficient when qualifying PREMI3NS (2025-12-17)."
  source                = "https://csf.hop3.abilian.com/providers/s3ns.html ; https://www.generation-nt.com/actualites/s3ns-thales-google-secnumcloud-certification-anssi-2068299"
  date                  = "2025-12-24"
  confirmed             = true
}

vendor "bleu" {
  name                  = "Bleu (Capgemini + Orange)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Microsoft Azure technology under licence; claims immunity; not SecNumCloud-qualified as of 2026-09 (J1 2025-11-17)."
  source                = "https://newsroom.orange.com/capgemini-and-orange-are-pleased-to-announce-the-launch-of-commercial-activities-of-bleu-"
  date                  = "2024-01-15"
  confirmed             = true
}

vendor "ovhcloud" {
  name                  = "OVHcloud (OVH Groupe, Roubaix)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  source                = "cloudlandscape/cloudlandscape.github.io content/providers/ovhcloud ; grokify/go-comply web/data/solutions.json"
  date                  = "2026-02-23"
  confirmed             = true
}

vendor "outscale" {
  name                  = "3DS Outscale (Dassault Systèmes SE)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Also runs US and Japanese regions; their operating entities are not confirmed."
  source                = "https://csf.hop3.abilian.com/providers/3ds-outscale.html"
  date                  = "2026-09-26"
  confirmed             = true
}

vendor "scaleway" {
  name                  = "Scaleway SAS (Iliad)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  source                = "https://csf.hop3.abilian.com/providers/scaleway.html"
  date                  = "2026-09-26"
  confirmed             = true
}

vendor "cloud-temple" {
  name                  = "Cloud Temple (Neurones SA)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  source                = "https://csf.hop3.abilian.com/providers/cloud-temple.html"
  date                  = "2026-09-26"
  confirmed             = true
}

vendor "numspot" {
  name                  = "NumSpot (CDC/Banque des Territoires, Docaposte, Dassault Systèmes, Bouygues Telecom)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Runs on Outscale infrastructure."
  source                = "https://csf.hop3.abilian.com/providers/numspot.html"
  date                  = "2026-09-26"
  confirmed             = true
}

vendor "orange-cloudavenue" {
  name                  = "Orange Business (Cloud Avenue)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "VMware Cloud Director; the SecNum offer cannot yet be told apart from the standard one."
  source                = "domain reference §7 (Orange SA, no source given) ; Orange newsroom release quoted by a secondary note"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "flexible-engine" {
  name                  = "Orange Business (Flexible Engine)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Huawei technology; region eu-west-0 is reused by Huawei Cloud."
  source                = "domain reference §5/§6 (no source given)"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "clever-cloud" {
  name                  = "Clever Cloud"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "No qualification of its own; can host on Cloud Temple."
  source                = "https://www.clever.cloud/pricing/ (via [CAT-0926])"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "cegedim" {
  name                  = "Cegedim (cegedim.cloud)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Listed for its SecNumCloud-qualified CegNumCloud Secured IaaS; no Terraform provider known. Head office and control are not in the domain reference."
  source                = "https://cegedim.cloud/en/news/cegedim-cloud-awarded-secnumcloud-3-2-qualification/ ; [CAT-0913] ANSSI catalogue table"
  date                  = "2026-09-13"
  confirmed             = false
}

vendor "worldline" {
  name                  = "Worldline"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Listed for its SecNumCloud-qualified Cloud Services - Secured IaaS; no Terraform provider known. Head office and control are not in the domain reference."
  source                = "[CAT-0926] sovereign-cost dataset quoting the ANSSI catalogue of 2026-09-15"
  date                  = "2026-09-26"
  confirmed             = false
}

# --- Other EU ----------------------------------------------------------------------

vendor "hetzner" {
  name                  = "Hetzner Online GmbH"
  headquarters          = "DE"
  jurisdiction          = "DE"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Has US locations (ash, hil)."
  source                = "https://sota.io/blog/eu-cloud-infrastructure-comparison-finale-gdpr-cloud-act-2026"
  date                  = "2026-05-26"
  confirmed             = true
}

vendor "ionos" {
  name                  = "IONOS SE"
  headquarters          = "DE"
  jurisdiction          = "DE"
  eu                    = true
  extraterritorial_laws = []
  note                  = "Has US locations (us/las, us/ewr)."
  source                = "https://sota.io/blog/eu-cloud-infrastructure-comparison-finale-gdpr-cloud-act-2026"
  date                  = "2026-05-26"
  confirmed             = true
}

vendor "stackit" {
  name                  = "STACKIT (Schwarz Group)"
  headquarters          = "DE"
  jurisdiction          = "DE"
  eu                    = true
  extraterritorial_laws = []
  source                = "grokify/go-comply web/data/solutions.json"
  date                  = "2026-02-23"
  confirmed             = true
}

vendor "upcloud" {
  name                  = "UpCloud (Helsinki)"
  headquarters          = "FI"
  jurisdiction          = "FI"
  eu                    = true
  extraterritorial_laws = []
  source                = "domain reference §7 (Helsinki; unsourced)"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "regiocloud" {
  name                  = "REGIO.cloud"
  headquarters          = "DE"
  jurisdiction          = "DE"
  eu                    = true
  extraterritorial_laws = []
  note                  = "OpenStack public cloud; the jurisdiction comes from a list of clouds, not from a legal source."
  source                = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "pluscloud-open" {
  name                  = "pluscloud open (plusserver)"
  headquarters          = "DE"
  jurisdiction          = "DE"
  eu                    = true
  extraterritorial_laws = []
  note                  = "OpenStack public cloud; the jurisdiction comes from a list of clouds, not from a legal source."
  source                = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "wavestack" {
  name                  = "Wavestack"
  headquarters          = "DE"
  jurisdiction          = "DE"
  eu                    = true
  extraterritorial_laws = []
  note                  = "OpenStack public cloud; the jurisdiction comes from a list of clouds, not from a legal source."
  source                = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "cloudandheat" {
  name                  = "Cloud&Heat"
  headquarters          = "DE"
  jurisdiction          = "DE"
  eu                    = true
  extraterritorial_laws = []
  note                  = "OpenStack public cloud; the jurisdiction comes from a list of clouds, not from a legal source."
  source                = "https://github.com/osism/testbed/blob/main/terraform/clouds-public.yaml"
  date                  = "2026-09-26"
  confirmed             = false
}

# --- Europe outside the EU ---------------------------------------------------------

vendor "exoscale" {
  name                  = "Exoscale (Akenes SA, Lausanne; A1 Telekom Austria, ~56.55 % América Movil)"
  headquarters          = "CH"
  jurisdiction          = "CH"
  eu                    = false
  extraterritorial_laws = []
  note                  = "Swiss head office under non-EU (Mexican) control: not EU-immune. The Swiss-law analysis is not confirmed."
  source                = "https://csf.hop3.abilian.com/providers/exoscale.html"
  date                  = "2026-09-26"
  confirmed             = false
}

vendor "infomaniak" {
  name                  = "Infomaniak (Geneva)"
  headquarters          = "CH"
  jurisdiction          = "CH"
  eu                    = false
  extraterritorial_laws = []
  note                  = "Switzerland is a third country for the EU."
  source                = "domain reference §4/§7 (Geneva, CH; unsourced)"
  date                  = "2026-09-26"
  confirmed             = false
}

# --- State internal clouds ---------------------------------------------------------
# Their auth_url hosts are not public: organisations map them in .souverain.hcl with
# top-level `endpoint` blocks pointing at these ids.

vendor "cloud-pi" {
  name                  = "Cloud Pi (Ministère de l'Intérieur)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  internal_cloud        = true
  note                  = "OpenStack, \"Diffusion Restreinte\" level; ANSSI homologation 2017-04-24 (not a qualification)."
  source                = "Circulaire 6282/SG https://securibase.com/securibase/public/fiche/28598/32810 ; https://cio-online.com/actualites/lire-le-ministere-de-l-interieur-devient-fournisseur-de-services-cloud-securises-pour-le-secteur-public-9804.html"
  date                  = "2021-07-05"
  confirmed             = true
}

vendor "nubo" {
  name                  = "Nubo (DGFiP)"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  internal_cloud        = true
  note                  = "\"SecNumCloud level\" internal cloud; that it runs OpenStack is not confirmed."
  source                = "Circulaire 6282/SG https://securibase.com/securibase/public/fiche/28598/32810"
  date                  = "2021-07-05"
  confirmed             = true
}
