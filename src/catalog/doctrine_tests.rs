//! Tests of the doctrine data: regions, qualifications, data types, levels, vocabulary.

use super::*;
use crate::date::Date;

fn catalog() -> Catalog {
    Catalog::embedded()
}

/// The embedded files plus `extra`, as `origin` `extra.hcl`: the error (if any) of
/// adding one more entry.
fn with_extra(extra: &str) -> Result<Catalog, CatalogError> {
    let texts = EMBEDDED_FILES
        .iter()
        .copied()
        .chain(std::iter::once(("extra.hcl", extra)));
    Catalog::from_texts(texts)
}

fn error_of(extra: &str) -> String {
    with_extra(extra)
        .map(|_| ())
        .expect_err("the extra entry should be rejected")
        .to_string()
}

fn is_iso_date(date: &str) -> bool {
    Date::parse(date).is_some()
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

#[test]
fn every_entry_has_a_source_and_a_date() {
    let catalog = catalog();
    let mut checked = 0;
    let mut check = |what: String, source: &str, date: &str| {
        assert!(!source.trim().is_empty(), "{what}: no source");
        assert!(
            is_iso_date(date),
            "{what}: date `{date}` is not an ISO date"
        );
        checked += 1;
    };
    for vendor in catalog.vendors() {
        check(
            format!("vendor {}", vendor.id),
            &vendor.source,
            &vendor.date,
        );
    }
    for provider in catalog.providers() {
        check(
            format!("provider {}", provider.source),
            &provider.citation,
            &provider.date,
        );
        for endpoint in &provider.endpoints {
            check(
                format!("endpoint {} of {}", endpoint.attribute, provider.source),
                &endpoint.source,
                &endpoint.date,
            );
        }
    }
    for (vendor, region) in catalog.regions() {
        check(
            format!("region {} of {vendor}", region.code),
            &region.source,
            &region.date,
        );
    }
    for pair in catalog.region_pairs() {
        check(
            format!("region pair {:?}", pair.regions),
            &pair.source,
            &pair.date,
        );
    }
    for q in catalog.qualifications() {
        check(format!("qualification {}", q.id), &q.source, &q.date);
    }
    for data_type in catalog.data_types() {
        check(
            format!("data type {}", data_type.resource_type),
            &data_type.source,
            &data_type.date,
        );
        for rule in &data_type.replication {
            check(
                format!("replication of {}", data_type.resource_type),
                &rule.source,
                &rule.date,
            );
        }
    }
    for level in catalog.levels() {
        check(format!("level {}", level.level), &level.source, &level.date);
    }
    let vocabulary = catalog.vocabulary();
    check(
        "vocabulary".to_string(),
        &vocabulary.source,
        &vocabulary.date,
    );
    let eu = catalog.eu_countries();
    check("eu_countries".to_string(), &eu.source, &eu.date);
    assert!(checked > 300, "only {checked} entries: is a file missing?");
}

#[test]
fn s3ns_is_qualified_only_in_its_region_and_services() {
    let catalog = catalog();
    let qualified = |vendor, region, resource_type, category| {
        catalog
            .qualifications_for(vendor, region, resource_type, category)
            .iter()
            .map(|q| q.id.as_str())
            .collect::<Vec<_>>()
    };
    let bucket = ("google_storage_bucket", Some("object-storage"));
    assert_eq!(
        qualified("s3ns", Some("u-france-east1"), bucket.0, bucket.1),
        ["s3ns-premi3ns"]
    );
    assert_eq!(
        qualified("s3ns", Some("U-France-East1"), bucket.0, bucket.1),
        ["s3ns-premi3ns"]
    );
    assert!(qualified("s3ns", Some("europe-west9"), bucket.0, bucket.1).is_empty());
    assert!(qualified("google", Some("europe-west9"), bucket.0, bucket.1).is_empty());
    // Region unknown: the offer is limited to one region, so it cannot be assumed.
    assert!(qualified("s3ns", None, bucket.0, bucket.1).is_empty());
    // Secret Manager is outside the qualified services.
    assert!(
        qualified(
            "s3ns",
            Some("u-france-east1"),
            "google_secret_manager_secret",
            Some("secrets")
        )
        .is_empty()
    );
    let premi3ns = &catalog.qualifications()[catalog
        .qualifications()
        .iter()
        .position(|q| q.id == "s3ns-premi3ns")
        .unwrap()];
    assert_eq!(
        (premi3ns.valid_from, premi3ns.valid_until),
        (date("2025-12-17"), date("2028-12-17"))
    );
}

#[test]
fn outscale_is_qualified_in_cloudgouv_until_2026_11_30() {
    let catalog = catalog();
    let found = catalog.qualifications_for(
        "outscale",
        Some("cloudgouv-eu-west-1"),
        "aws_s3_bucket",
        Some("object-storage"),
    );
    assert_eq!(found.len(), 1);
    let outscale = found[0];
    assert_eq!(outscale.id, "outscale-iaas");
    assert_eq!(outscale.valid_until, date("2026-11-30"));
    assert_eq!(outscale.framework, "secnumcloud");
    assert!(outscale.confirmed);
    assert!(outscale.is_valid_on(date("2026-09-26")));
    assert!(!outscale.is_valid_on(date("2026-12-01")));
    assert_eq!(date("2026-09-26").days_until(outscale.valid_until), 65);
    // eu-west-2 coverage is an open question: only an unconfirmed entry matches.
    let eu_west_2 = catalog.qualifications_for("outscale", Some("eu-west-2"), "outscale_vm", None);
    assert!(eu_west_2.iter().all(|q| !q.confirmed) && !eu_west_2.is_empty());
    assert!(
        catalog
            .qualifications_for("outscale", Some("us-east-2"), "outscale_vm", None)
            .is_empty()
    );
}

#[test]
fn hyperscalers_have_no_qualification() {
    let catalog = catalog();
    for vendor in ["aws", "google", "azure", "bleu", "scaleway"] {
        assert!(
            catalog.qualifications().iter().all(|q| q.vendor != vendor),
            "{vendor} has a qualification"
        );
    }
    assert!(
        catalog
            .qualifications_for(
                "aws",
                Some("eu-west-3"),
                "aws_s3_bucket",
                Some("object-storage")
            )
            .is_empty()
    );
}

#[test]
fn offers_without_a_terraform_signal_never_match() {
    let catalog = catalog();
    let hosted = catalog
        .qualifications()
        .iter()
        .find(|q| q.id == "ovhcloud-hosted-private-cloud")
        .expect("listed");
    assert!(!hosted.terraform_signal);
    assert!(
        catalog
            .qualifications_for("ovhcloud", Some("GRA11"), "ovh_cloud_project_volume", None)
            .is_empty()
    );
    // A whole-provider offer matches in any region, even an unknown one.
    assert_eq!(
        catalog
            .qualifications_for("numspot", None, "numspot_vm", None)
            .len(),
        1
    );
}

#[test]
fn region_countries() {
    let catalog = catalog();
    let region = |vendor: &str, code: &str| {
        catalog
            .region(vendor, code)
            .unwrap_or_else(|| panic!("{vendor} {code} unknown"))
    };
    let countries = |vendor: &str, code: &str| region(vendor, code).countries;
    assert_eq!(countries("aws", "eu-west-3"), ["FR"]);
    assert_eq!(countries("aws", "us-east-1"), ["US"]);
    assert_eq!(region("aws", "us-east-1").code, "us-*");
    assert!(region("aws", "eu-west-3").eu && !region("aws", "us-east-1").eu);
    assert_eq!(countries("aws", "ap-southeast-7"), ["??"]);
    assert_eq!(countries("azure", "francecentral"), ["FR"]);
    assert_eq!(countries("azure", "FranceCentral"), ["FR"]);
    assert_eq!(countries("azure", "australiaeast"), ["AU"]);
    assert_eq!(countries("azure", "austriaeast"), ["AT"]);
    assert_eq!(countries("ovhcloud", "GRA11"), ["FR"]);
    assert_eq!(countries("ovhcloud", "gra"), ["FR"]);
    assert_eq!(countries("ovhcloud", "EU-WEST-LZ-LUX-A"), ["LU"]);
    assert_eq!(countries("ovhcloud", "EU-WEST-LZ-MAD-A"), ["EU"]);
    assert!(region("ovhcloud", "EU-WEST-LZ-MAD-A").eu);
    assert!(!region("ovhcloud", "UK1").eu);
    assert_eq!(countries("s3ns", "u-france-east1"), ["FR"]);
    assert_eq!(countries("s3ns", "global"), ["FR"]);

    let gcs_eu = region("google", "EU");
    assert!(gcs_eu.multi && gcs_eu.eu && !gcs_eu.unpinned);
    assert!(!gcs_eu.countries.iter().any(|c| c == "GB" || c == "CH"));
    assert!(!region("google", "US").eu);
    let eur4 = region("google", "eur4");
    assert!(eur4.multi && eur4.eu && !eur4.confirmed);
    assert!(!region("google", "EUR8").eu);

    let global = region("google", "global");
    assert!(global.unpinned && !global.eu && global.countries.is_empty());
    assert!(region("azure", "europe").unpinned);

    assert!(catalog.region("aws", "mars-north-1").is_none());
    assert!(catalog.region("nobody", "eu-west-3").is_none());
    assert!(catalog.is_eu_country("fr") && catalog.is_eu_country("EU"));
    assert!(!catalog.is_eu_country("GB") && !catalog.is_eu_country("CH"));
    assert_eq!(catalog.eu_countries().codes.len(), 27);
}

#[test]
fn azure_region_pairs() {
    let catalog = catalog();
    assert_eq!(
        catalog.paired_region("azure", "westeurope"),
        Some("northeurope")
    );
    assert_eq!(
        catalog.paired_region("azure", "NorthEurope"),
        Some("westeurope")
    );
    assert_eq!(
        catalog.paired_region("azure", "germanywestcentral"),
        Some("germanynorth")
    );
    assert_eq!(catalog.paired_region("azure", "uksouth"), Some("ukwest"));
    assert_eq!(catalog.paired_region("azure", "italynorth"), None);
    let france = catalog
        .region_pairs()
        .iter()
        .find(|p| p.regions.contains(&"francecentral".to_string()))
        .expect("France pair listed");
    assert!(!france.confirmed);
}

#[test]
fn data_types_and_replication_rules() {
    let catalog = catalog();
    let s3 = catalog.data_type("aws_s3_bucket").expect("s3 bucket");
    assert_eq!(s3.category, "object-storage");
    assert!(catalog.data_type("aws_vpc").is_none());

    let sql = catalog
        .data_type("azurerm_mssql_database")
        .expect("mssql database");
    assert_eq!(sql.category, "database");
    let [rule] = sql.replication.as_slice() else {
        panic!("one replication rule expected: {:?}", sql.replication);
    };
    assert_eq!(rule.kind, DestinationKind::PairedRegion);
    assert_eq!(rule.default.as_deref(), Some("Geo"));
    assert_eq!(
        rule.attribute.as_ref().map(ToString::to_string).as_deref(),
        Some("storage_account_type")
    );
    assert!(rule.applies_to(None), "absent means Geo");
    assert!(rule.applies_to(Some("geozone")));
    assert!(!rule.applies_to(Some("Local")));

    let storage = &catalog
        .data_type("azurerm_storage_account")
        .unwrap()
        .replication[0];
    assert!(storage.applies_to(Some("RAGRS")) && !storage.applies_to(Some("LRS")));
    assert!(!storage.applies_to(None));

    let dynamo = &catalog.data_type("aws_dynamodb_table").unwrap().replication[0];
    assert_eq!(dynamo.kind, DestinationKind::Region);
    assert_eq!(
        dynamo.attribute.as_ref().unwrap().segments,
        ["replica", "region_name"]
    );

    let secret = catalog.data_type("google_secret_manager_secret").unwrap();
    let auto = secret
        .replication
        .iter()
        .find(|r| r.kind == DestinationKind::Unpinned)
        .unwrap();
    assert!(auto.applies_to(Some("")) && auto.applies_to_vendor("google"));
    assert!(!auto.applies_to_vendor("s3ns"));

    let backups = catalog
        .data_type("aws_db_instance_automated_backups_replication")
        .unwrap();
    assert_eq!(backups.replication[0].kind, DestinationKind::OwnLocation);
    assert!(backups.replication[0].attribute.is_none());

    // A glob entry matches the types it covers.
    assert_eq!(
        catalog
            .data_type("ovh_cloud_project_database_opensearch_index")
            .map(|d| d.category.as_str()),
        Some("search")
    );
}

#[test]
fn vocabulary_matches_ignoring_case_and_separators() {
    let mut catalog = catalog();
    let vocabulary = catalog.vocabulary();
    assert_eq!(
        vocabulary.level_of("data_classification", "Diffusion-Restreinte"),
        Some(Level::Sensitive)
    );
    assert_eq!(
        vocabulary.level_of("Data-Classification", "DIFFUSION RESTREINTE"),
        Some(Level::Sensitive)
    );
    assert_eq!(
        vocabulary.level_of("classification", "NP"),
        Some(Level::Public)
    );
    assert_eq!(
        vocabulary.level_of("sensibilite", "non_protege"),
        Some(Level::Public)
    );
    assert_eq!(
        vocabulary.level_of("FR_CLASSIF", "interne"),
        Some(Level::Internal)
    );
    assert_eq!(vocabulary.level_of("owner", "secret"), None);
    assert_eq!(vocabulary.level_of("classification", "hot"), None);
    assert!(vocabulary.is_key("Niveau-Protection"));

    catalog.extend_vocabulary(
        ["ministere-niveau".to_string()],
        [("NIVEAU_3".to_string(), Level::Sensitive)],
    );
    assert_eq!(
        catalog
            .vocabulary()
            .level_of("ministere_niveau", "niveau-3"),
        Some(Level::Sensitive)
    );
}

#[test]
fn levels_state_their_requirements() {
    let catalog = catalog();
    let levels: Vec<Level> = catalog.levels().iter().map(|l| l.level).collect();
    assert_eq!(levels, [Level::Public, Level::Internal, Level::Sensitive]);
    let sensitive = catalog.level(Level::Sensitive).unwrap();
    assert!(sensitive.requires_qualification && sensitive.requires_immunity);
    assert_eq!(sensitive.geography.as_deref(), Some("EU"));
    let internal = catalog.level(Level::Internal).unwrap();
    assert!(!internal.requires_qualification && !internal.requires_immunity);
    assert_eq!(internal.geography.as_deref(), Some("EU"));
    let public = catalog.level(Level::Public).unwrap();
    assert!(!public.requires_qualification && public.geography.is_none());
}

#[test]
fn alternatives_list_valid_qualified_offers() {
    let catalog = catalog();
    let object = catalog.alternatives("object-storage", date("2026-09-26"));
    let ids: Vec<&str> = object.iter().map(|a| a.qualification.as_str()).collect();
    assert!(ids.contains(&"outscale-iaas"), "{ids:?}");
    assert!(ids.contains(&"s3ns-premi3ns"), "{ids:?}");
    assert!(
        !ids.contains(&"outscale-iaas-eu-west-2"),
        "unconfirmed: {ids:?}"
    );
    let outscale = object
        .iter()
        .find(|a| a.qualification == "outscale-iaas")
        .unwrap();
    assert_eq!(
        outscale.to_string(),
        "3DS Outscale cloudgouv-eu-west-1 (IaaS Cloud on Demand, until 2026-11-30)"
    );
    // Secret Manager is not in S3NS's scope; Outscale has expired by 2027.
    let secrets: Vec<String> = catalog
        .alternatives("secrets", date("2027-01-01"))
        .into_iter()
        .map(|a| a.qualification)
        .collect();
    assert!(
        !secrets.contains(&"s3ns-premi3ns".to_string()),
        "{secrets:?}"
    );
    assert!(
        !secrets.contains(&"outscale-iaas".to_string()),
        "{secrets:?}"
    );
    assert!(
        secrets.contains(&"numspot-platform".to_string()),
        "{secrets:?}"
    );
}

#[test]
fn invalid_doctrine_entries_are_rejected() {
    let qualification = |body: &str| {
        format!(
            "qualification \"q\" {{\n  offer = \"O\"\n  framework = \"secnumcloud\"\n  source = \"s\"\n  date = \"2026-01-01\"\n{body}\n}}\n"
        )
    };
    let valid = "  vendor = \"outscale\"\n  categories = [\"*\"]\n  valid_from = \"2026-01-01\"\n  valid_until = \"2027-01-01\"";
    assert!(with_extra(&qualification(valid)).is_ok());
    let error = error_of(&qualification(&valid.replace("outscale", "acme")));
    assert!(
        error.starts_with("extra.hcl:1:1:") && error.contains("unknown vendor `acme`"),
        "{error}"
    );
    let error = error_of(&qualification(&valid.replace("\"*\"", "\"blobs\"")));
    assert!(error.contains("unknown category `blobs`"), "{error}");
    let error = error_of(&qualification(&valid.replace("2027-01-01", "2025-01-01")));
    assert!(error.contains("is after valid_until"), "{error}");
    let error = error_of(&qualification(&valid.replace("2027-01-01", "2027-02-30")));
    assert!(error.contains("valid_until = \"2027-02-30\""), "{error}");
    let error = error_of(&qualification(&format!("{valid}\n  scope = \"all\"")));
    assert!(
        error.contains("extra.hcl:10:3:") && error.contains("unknown field `scope`"),
        "{error}"
    );
    let duplicate = qualification(valid).replace("\"q\"", "\"outscale-iaas\"");
    assert!(error_of(&duplicate).contains("duplicate qualification `outscale-iaas`"));

    let regions = |entries: &str| {
        format!("regions \"aws\" {{\n  source = \"s\"\n  date = \"2026-01-01\"\n{entries}\n}}\n")
    };
    let error = error_of(&regions("  region \"EU-West-3\" { country = \"FR\" }"));
    assert!(
        error.starts_with("extra.hcl:4:3:") && error.contains("declared twice"),
        "{error}"
    );
    let error = error_of(&regions("  region \"xx-1\" { country = \"France\" }"));
    assert!(error.contains("two-letter"), "{error}");
    let error = error_of(&regions("  zone \"xx-1a\" { country = \"FR\" }"));
    assert!(error.contains("unexpected block `zone`"), "{error}");
    let error = error_of(&regions("  multi_region \"XX\" { countries = [] }"));
    assert!(error.contains("unpinned"), "{error}");

    let replication = |body: &str| {
        format!(
            "replication \"aws_s3_bucket\" {{\n  source = \"s\"\n  date = \"2026-01-01\"\n{body}\n}}\n"
        )
    };
    let error = error_of(&replication("  kind = \"region\""));
    assert!(error.contains("an attribute is required"), "{error}");
    let error = error_of(&replication(
        "  attribute = \"a\"\n  kind = \"paired-region\"\n  when = [\"GRS\"]\n  default = \"LRS\"",
    ));
    assert!(error.contains("never fire"), "{error}");
    let error = error_of(
        &replication("  attribute = \"a\"\n  kind = \"region\"")
            .replace("aws_s3_bucket", "aws_vpc"),
    );
    assert!(
        error.contains("not declared in a `data_types` block"),
        "{error}"
    );
    let error = error_of(
        "data_types \"blobs\" {\n  types = [\"x\"]\n  source = \"s\"\n  date = \"2026-01-01\"\n}\n",
    );
    assert!(error.contains("unknown category `blobs`"), "{error}");
    let error = error_of(
        "data_types \"logs\" {\n  types = [\"aws_s3_bucket\"]\n  source = \"s\"\n  date = \"2026-01-01\"\n}\n",
    );
    assert!(error.contains("declared twice"), "{error}");

    let error =
        error_of("vocabulary {\n  keys = [\"k\"]\n  source = \"s\"\n  date = \"2026-01-01\"\n}\n");
    assert!(error.contains("a second `vocabulary` block"), "{error}");
    let error = error_of(
        "level \"secret\" {\n  description = \"d\"\n  source = \"s\"\n  date = \"2026-01-01\"\n}\n",
    );
    assert!(error.contains("unknown level `secret`"), "{error}");
}

#[test]
fn a_policy_set_without_the_doctrine_is_rejected() {
    let texts = EMBEDDED_FILES
        .iter()
        .copied()
        .filter(|(origin, _)| !origin.ends_with("doctrine.hcl"));
    let error = Catalog::from_texts(texts).unwrap_err();
    assert!(error.message.contains("no `doctrine` block"), "{error}");

    let vocabulary =
        "vocabulary {\n  keys = [\"a\", \"A\"]\n  source = \"s\"\n  date = \"2026-01-01\"\n}\n";
    let texts = EMBEDDED_FILES
        .iter()
        .copied()
        .filter(|(origin, _)| !origin.ends_with("doctrine.hcl"))
        .chain(std::iter::once(("v.hcl", vocabulary)));
    let error = Catalog::from_texts(texts).unwrap_err();
    assert!(error.message.contains("listed twice"), "{error}");
}
