use super::*;
use std::path::PathBuf;

fn catalog() -> Catalog {
    Catalog::embedded()
}

fn provider<'a>(catalog: &'a Catalog, source: &str) -> &'a ProviderEntry {
    catalog
        .provider(source)
        .unwrap_or_else(|| panic!("no provider entry for {source}"))
}

/// The first rule of `provider` on `attribute` that applies to `resource_type` and
/// matches `value`, the way the resolver tries them.
fn resolve<'a>(
    entry: &'a ProviderEntry,
    attribute: &str,
    resource_type: &str,
    value: &str,
) -> Option<EndpointMatch<'a>> {
    entry
        .endpoints
        .iter()
        .filter(|rule| rule.attribute.to_string() == attribute && rule.applies_to(resource_type))
        .find_map(|rule| rule.matches(value))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("souverain-catalog-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

#[test]
fn embedded_catalog_loads_with_expected_entries() {
    let catalog = catalog();
    for id in [
        "aws",
        "google",
        "azure",
        "s3ns",
        "bleu",
        "ovhcloud",
        "ovhcloud-us",
        "outscale",
        "scaleway",
        "cloud-temple",
        "numspot",
        "oracle",
        "alibaba",
        "ibm",
        "hetzner",
        "ionos",
        "stackit",
        "exoscale",
        "cloud-pi",
        "nubo",
    ] {
        assert!(catalog.vendor(id).is_some(), "vendor {id} missing");
    }
    for source in [
        "hashicorp/aws",
        "hashicorp/google",
        "hashicorp/google-beta",
        "hashicorp/azurerm",
        "ovh/ovh",
        "outscale/outscale",
        "scaleway/scaleway",
        "terraform-provider-openstack/openstack",
        "hashicorp/openstack",
        "cloud-temple/cloudtemple",
        "numspot/numspot",
        "hashicorp/random",
    ] {
        assert!(
            catalog.provider(source).is_some(),
            "provider {source} missing"
        );
    }
    assert_eq!(
        provider(&catalog, "hashicorp/random").hosting,
        Hosting::None
    );
    assert_eq!(
        provider(&catalog, "hashicorp/aws").vendor.as_deref(),
        Some("aws")
    );
    assert!(
        provider(&catalog, "terraform-provider-openstack/openstack")
            .vendor
            .is_none()
    );
}

#[test]
fn every_referenced_vendor_exists_and_every_fact_is_dated() {
    let catalog = catalog();
    for entry in catalog.providers() {
        for id in entry
            .vendor
            .iter()
            .chain(entry.endpoints.iter().map(|e| &e.vendor))
        {
            assert!(
                catalog.vendor(id).is_some(),
                "{} refers to missing vendor {id}",
                entry.source
            );
        }
        assert!(
            !entry.citation.is_empty() && entry.date.len() == 10,
            "{}",
            entry.source
        );
    }
    for vendor in catalog.vendors() {
        assert!(
            !vendor.source.is_empty() && vendor.date.len() == 10,
            "{}",
            vendor.id
        );
        // Being in the EU and being exposed to a non-EU law contradict each other.
        assert!(
            !vendor.eu || vendor.extraterritorial_laws.is_empty(),
            "{}",
            vendor.id
        );
    }
}

#[test]
fn provider_lookup_tolerates_registry_host_and_case() {
    let catalog = catalog();
    let entry = provider(&catalog, "registry.terraform.io/Cloud-Temple/CloudTemple");
    assert_eq!(entry.source, "cloud-temple/cloudtemple");
    assert_eq!(
        provider(&catalog, "registry.opentofu.org/hashicorp/google-beta").source,
        "hashicorp/google"
    );
    assert!(catalog.provider("example/unknown").is_none());
}

#[test]
fn google_universe_domain_s3ns() {
    let catalog = catalog();
    let google = provider(&catalog, "hashicorp/google");
    let found = resolve(
        google,
        "universe_domain",
        "google_storage_bucket",
        "s3nsapis.fr",
    )
    .expect("S3NS universe matches");
    assert_eq!(found.vendor, "s3ns");
    assert_eq!(found.region, None);
    assert!(
        resolve(
            google,
            "universe_domain",
            "google_storage_bucket",
            "googleapis.com"
        )
        .is_none()
    );
    // A value rule compares the whole value, not a suffix.
    assert!(
        resolve(
            google,
            "universe_domain",
            "google_storage_bucket",
            "evil-s3nsapis.fr"
        )
        .is_none()
    );
}

#[test]
fn ovh_us_endpoint_is_the_us_entity() {
    let catalog = catalog();
    let ovh = provider(&catalog, "ovh/ovh");
    assert_eq!(
        resolve(ovh, "endpoint", "ovh_cloud_project_kube", "ovh-us")
            .unwrap()
            .vendor,
        "ovhcloud-us"
    );
    assert_eq!(
        resolve(ovh, "endpoint", "ovh_cloud_project_kube", "ovh-eu")
            .unwrap()
            .vendor,
        "ovhcloud"
    );
    assert_eq!(
        resolve(ovh, "endpoint", "ovh_cloud_project_kube", "kimsufi-ca")
            .unwrap()
            .vendor,
        "ovhcloud"
    );
    assert_eq!(
        resolve(
            ovh,
            "endpoint",
            "ovh_vps",
            "https://api.us.ovhcloud.com/1.0"
        )
        .unwrap()
        .vendor,
        "ovhcloud-us"
    );
    let us = catalog.vendor("ovhcloud-us").unwrap();
    assert_eq!(us.jurisdiction, "US");
    assert!(!us.eu);
}

#[test]
fn openstack_auth_url_with_path_and_port() {
    let catalog = catalog();
    let openstack = provider(&catalog, "terraform-provider-openstack/openstack");
    let rtype = "openstack_compute_instance_v2";
    assert_eq!(
        resolve(
            openstack,
            "auth_url",
            rtype,
            "https://auth.cloud.ovh.net/v3"
        )
        .unwrap()
        .vendor,
        "ovhcloud"
    );
    assert_eq!(
        resolve(
            openstack,
            "auth_url",
            rtype,
            "HTTPS://Auth.Cloud.OVH.net:443/v3/"
        )
        .unwrap()
        .vendor,
        "ovhcloud"
    );
    assert_eq!(
        resolve(
            openstack,
            "auth_url",
            rtype,
            "https://prod1.api.pco.get-cloud.io:5000"
        )
        .unwrap()
        .vendor,
        "pluscloud-open"
    );
    assert_eq!(
        resolve(
            openstack,
            "auth_url",
            rtype,
            "https://api.pub1.infomaniak.cloud/identity/v3"
        )
        .unwrap()
        .vendor,
        "infomaniak"
    );
    // Unknown hosts stay unresolved: maybe a State internal cloud.
    assert!(
        resolve(
            openstack,
            "auth_url",
            rtype,
            "https://keystone.example.gouv.fr:5000/v3"
        )
        .is_none()
    );
    assert!(
        resolve(
            openstack,
            "auth_url",
            rtype,
            "https://auth.cloud.ovh.net.evil.example/v3"
        )
        .is_none()
    );
}

#[test]
fn aws_s3_endpoint_on_outscale_gives_vendor_and_region() {
    let catalog = catalog();
    let aws = provider(&catalog, "hashicorp/aws");
    let found = resolve(
        aws,
        "endpoints.s3",
        "aws_s3_bucket",
        "https://oos.cloudgouv-eu-west-1.outscale.com",
    )
    .expect("OOS host matches");
    assert_eq!(found.vendor, "outscale");
    assert_eq!(found.region.as_deref(), Some("cloudgouv-eu-west-1"));

    let ovh = resolve(
        aws,
        "endpoints.s3",
        "aws_s3_object",
        "https://s3.gra.io.cloud.ovh.net/",
    )
    .unwrap();
    assert_eq!(
        (ovh.vendor, ovh.region.as_deref()),
        ("ovhcloud", Some("gra"))
    );
    let scw = resolve(aws, "endpoints.s3", "aws_s3_bucket", "s3.fr-par.scw.cloud").unwrap();
    assert_eq!(
        (scw.vendor, scw.region.as_deref()),
        ("scaleway", Some("fr-par"))
    );

    // The S3 endpoint does not move other services.
    assert!(
        resolve(
            aws,
            "endpoints.s3",
            "aws_db_instance",
            "https://oos.eu-west-2.outscale.com"
        )
        .is_none()
    );
    // `{region}` is a single host label.
    assert!(
        resolve(
            aws,
            "endpoints.s3",
            "aws_s3_bucket",
            "https://oos.a.b.outscale.com"
        )
        .is_none()
    );
}

#[test]
fn azure_metadata_host_bleu_is_unconfirmed() {
    let catalog = catalog();
    let azurerm = provider(&catalog, "hashicorp/azurerm");
    let rule = azurerm
        .endpoints
        .iter()
        .find(|r| r.matches("management.core.sovcloud-api.fr").is_some())
        .expect("Bleu rule");
    assert_eq!(rule.vendor, "bleu");
    assert!(!rule.confirmed);
}

#[test]
fn zone_to_region_modes() {
    assert_eq!(
        ZoneToRegion::TrailingLetter.region_of("eu-west-3a"),
        "eu-west-3"
    );
    assert_eq!(
        ZoneToRegion::TrailingLetter.region_of("cloudgouv-eu-west-1b"),
        "cloudgouv-eu-west-1"
    );
    assert_eq!(
        ZoneToRegion::TrailingLetter.region_of("eu-west-3"),
        "eu-west-3"
    );
    assert_eq!(
        ZoneToRegion::DashLetter.region_of("europe-west9-a"),
        "europe-west9"
    );
    assert_eq!(
        ZoneToRegion::DashLetter.region_of("u-france-east1-b"),
        "u-france-east1"
    );
    assert_eq!(
        ZoneToRegion::DashLetter.region_of("europe-west9"),
        "europe-west9"
    );
    assert_eq!(ZoneToRegion::DashNumber.region_of("fr-par-1"), "fr-par");
    assert_eq!(ZoneToRegion::DashNumber.region_of("fr-par"), "fr-par");
    assert_eq!(ZoneToRegion::None.region_of("de-fra-1"), "de-fra-1");

    let catalog = catalog();
    assert_eq!(
        provider(&catalog, "outscale/outscale").region_of_zone("cloudgouv-eu-west-1a"),
        "cloudgouv-eu-west-1"
    );
    assert_eq!(
        provider(&catalog, "hashicorp/google").region_of_zone("europe-west9-a"),
        "europe-west9"
    );
    assert_eq!(
        provider(&catalog, "scaleway/scaleway").region_of_zone("fr-par-2"),
        "fr-par"
    );
    let outscale = provider(&catalog, "outscale/outscale");
    let subregion = outscale
        .resource_location
        .iter()
        .find(|p| p.to_string() == "subregion_name")
        .unwrap();
    assert!(subregion.is_zone);
    assert_eq!(outscale.provider_location[0].segments, ["api", "region"]);
}

#[test]
fn azure_locations_are_normalised() {
    let catalog = catalog();
    let azurerm = provider(&catalog, "hashicorp/azurerm");
    assert_eq!(
        azurerm.normalise_location("France Central"),
        "francecentral"
    );
    assert_eq!(azurerm.normalise_location("francecentral"), "francecentral");
    assert_eq!(
        provider(&catalog, "ovh/ovh").normalise_location("GRA 11"),
        "GRA 11"
    );
}

#[test]
fn global_resource_types() {
    let catalog = catalog();
    let aws = provider(&catalog, "hashicorp/aws");
    for global in [
        "aws_iam_role",
        "aws_route53_zone",
        "aws_cloudfront_distribution",
        "aws_s3_account_public_access_block",
        "aws_dx_gateway",
        "aws_waf_rule",
    ] {
        assert!(aws.is_global_type(global), "{global} should be global");
    }
    for regional in [
        "aws_s3_bucket",
        "aws_wafv2_web_acl",
        "aws_dx_connection",
        "aws_instance",
    ] {
        assert!(
            !aws.is_global_type(regional),
            "{regional} should be regional"
        );
    }
    assert!(!provider(&catalog, "hashicorp/azurerm").is_global_type("azurerm_storage_account"));
}

const INTERNAL_CLOUD_OVERLAY: &str = r#"
vendor "cloud-pi" {
  name                  = "Cloud Pi"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  internal_cloud        = true
  source                = "ministry architecture file"
  date                  = "2026-01-15"
  confirmed             = true
}

endpoint {
  provider  = "terraform-provider-openstack/openstack"
  attribute = "auth_url"
  match     = "host"
  pattern   = "keystone.pi.example.gouv.fr"
  vendor    = "cloud-pi"
  source    = "ministry architecture file"
  date      = "2026-01-15"
  confirmed = true
}
"#;

#[test]
fn overlay_adds_an_internal_cloud() {
    let mut catalog = catalog();
    let overlay = parse_overlay(INTERNAL_CLOUD_OVERLAY, ".souverain.hcl").expect("overlay parses");
    catalog.extend(overlay).expect("overlay applies");
    let vendor = catalog.vendor("cloud-pi").unwrap();
    assert!(vendor.internal_cloud);
    assert_eq!(vendor.source, "ministry architecture file");
    // The alias shares the entry, so the legacy address sees the rule too.
    for source in [
        "terraform-provider-openstack/openstack",
        "hashicorp/openstack",
    ] {
        let openstack = provider(&catalog, source);
        let found = resolve(
            openstack,
            "auth_url",
            "openstack_blockstorage_volume_v3",
            "https://keystone.pi.example.gouv.fr:5000/v3",
        )
        .expect("internal auth_url matches");
        assert_eq!(found.vendor, "cloud-pi");
        // Embedded rules still apply after the overlay's.
        assert!(resolve(openstack, "auth_url", "x", "https://auth.cloud.ovh.net/v3").is_some());
    }
}

#[test]
fn overlay_errors_point_at_the_entry() {
    let unknown_vendor =
        INTERNAL_CLOUD_OVERLAY.replace("vendor    = \"cloud-pi\"", "vendor    = \"cloud-pj\"");
    let overlay = parse_overlay(&unknown_vendor, ".souverain.hcl").unwrap();
    let error = catalog().extend(overlay).unwrap_err();
    assert!(
        error.message.contains("unknown vendor `cloud-pj`"),
        "{error}"
    );
    assert_eq!(error.position.map(|p| p.line), Some(14));

    let no_provider = INTERNAL_CLOUD_OVERLAY
        .replace("provider  = \"terraform-provider-openstack/openstack\"", "");
    let error = parse_overlay(&no_provider, ".souverain.hcl").unwrap_err();
    assert!(error.message.contains("needs `provider"), "{error}");

    let unknown_provider =
        INTERNAL_CLOUD_OVERLAY.replace("terraform-provider-openstack/openstack", "example/private");
    let error = catalog()
        .extend(parse_overlay(&unknown_provider, "o.hcl").unwrap())
        .unwrap_err();
    assert!(
        error.message.contains("unknown provider `example/private`"),
        "{error}"
    );
}

#[test]
fn load_dir_reports_unknown_field_with_file_and_line() {
    let dir = temp_dir("unknown-field");
    let path = dir.join("vendors.hcl");
    std::fs::write(
        &path,
        "vendor \"acme\" {\n  name = \"Acme\"\n  headquarters = \"FR\"\n  jurisdicton = \"FR\"\n}\n",
    )
    .unwrap();
    let error = Catalog::load_dir(&dir).unwrap_err();
    assert_eq!(error.origin, path.display().to_string());
    assert_eq!(
        error.position,
        Some(LineCol { line: 4, column: 3 }),
        "{error}"
    );
    assert!(
        error.message.contains("unknown field `jurisdicton`"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}:4:3: vendor \"acme\"", path.display())),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn load_dir_reads_the_embedded_files_and_checks_references() {
    let dir = temp_dir("copy");
    for (origin, text) in EMBEDDED_FILES {
        let name = Path::new(origin).file_name().unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }
    let loaded = Catalog::load_dir(&dir).expect("a copy of the embedded files loads");
    assert_eq!(loaded.providers().count(), catalog().providers().count());

    std::fs::remove_file(dir.join("vendors.hcl")).unwrap();
    let error = Catalog::load_dir(&dir).unwrap_err();
    assert!(error.message.contains("unknown vendor `aws`"), "{error}");
    assert!(error.origin.ends_with("providers.hcl"), "{error}");
    std::fs::remove_dir_all(&dir).unwrap();

    let empty = temp_dir("empty");
    assert!(
        Catalog::load_dir(&empty)
            .unwrap_err()
            .message
            .contains("no `*.hcl`")
    );
    std::fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn invalid_policies_are_rejected() {
    let vendor = |body: &str| {
        format!(
            "vendor \"v\" {{\n  name = \"V\"\n  headquarters = \"FR\"\n  jurisdiction = \"FR\"\n  eu = true\n  extraterritorial_laws = []\n  source = \"s\"\n  confirmed = true\n{body}\n}}\n"
        )
    };
    let load = |text: &str| {
        Catalog::from_texts([("t.hcl", text)])
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };

    assert!(load(&vendor("  date = \"2026-13-01\"")).contains("expected an ISO date"));
    let twice = format!(
        "{}{}",
        vendor("  date = \"2026-01-01\""),
        vendor("  date = \"2026-01-01\"")
    );
    assert!(
        load(&twice).contains("t.hcl:11:1: duplicate vendor `v`"),
        "{}",
        load(&twice)
    );

    let provider = |body: &str| {
        format!(
            "provider \"example/cloud\" {{\n  hosting = \"cloud\"\n  source = \"s\"\n  date = \"2026-01-01\"\n  confirmed = true\n{body}\n}}\n"
        )
    };
    assert!(load(&provider("  zone_attributes = [\"zone\"]")).contains("not listed"));
    assert!(
        load(&provider(
            "  resource_location = [\"zone\"]\n  zone_attributes = [\"zone\"]"
        ))
        .contains("zone_to_region")
    );
    let bad_variant = load(&provider("  zone_to_region = \"trailing\""));
    assert!(
        bad_variant.contains("t.hcl:6:20:") && bad_variant.contains("unknown variant"),
        "{bad_variant}"
    );
    let bad_pattern = provider(
        "  endpoint {\n    attribute = \"a\"\n    match = \"host\"\n    pattern = \"x.{zone}.example\"\n    vendor = \"v\"\n    source = \"s\"\n    date = \"2026-01-01\"\n    confirmed = true\n  }",
    );
    assert!(
        load(&bad_pattern).contains("unknown placeholder `{zone}`"),
        "{}",
        load(&bad_pattern)
    );
    assert!(load("provider \"Example/Cloud\" {}").contains("invalid provider source"));
    assert!(load("region = \"x\"").contains("unexpected attribute `region`"));
    assert!(load("vendor \"v\" {").starts_with("t.hcl:1:"));
}

#[test]
fn host_extraction() {
    assert_eq!(
        pattern::host_of("https://user@Auth.Cloud.ovh.net:5000/v3?x#y").as_deref(),
        Some("auth.cloud.ovh.net")
    );
    assert_eq!(
        pattern::host_of("auth.cloud.ovh.net.").as_deref(),
        Some("auth.cloud.ovh.net")
    );
    assert_eq!(pattern::host_of("[::1]:5000").as_deref(), Some("::1"));
    assert_eq!(pattern::host_of("https:///v3"), None);
}

#[test]
fn a_type_may_write_its_tags_unlike_its_provider() {
    let catalog = Catalog::embedded();
    let scaleway = catalog
        .provider("scaleway/scaleway")
        .expect("Scaleway is in the catalog");
    assert_eq!(
        scaleway.tag_format_of("scaleway_object_bucket"),
        TagFormat::Map
    );
    assert_eq!(
        scaleway.tag_format_of("scaleway_rdb_instance"),
        TagFormat::KeyValueList
    );
}
