use super::*;
use crate::fs::Os;
use crate::severity::Severity;
use std::fs;

const FULL: &str = r#"# Settings of the ministry.
default_level      = "internal"
geography          = ["FR", "DE", "FR"]
fail_on_unresolved = true
exclude            = ["examples/**", "legacy/*.tf"]
non_suppressible   = ["SOV001", "SOV002"]

classify {
  type  = "aws_s3_bucket"
  level = "public"
}

classify {
  address = "module.citizens.*"
  root    = "environments/*"
  level   = "sensitive"
}

classification {
  keys   = ["niveau", "sensibilite"]
  values = { "tres-sensible" = "sensitive", ouvert = "public" }
}

rules {
  SOV008 = "off"
  SOV003 = "warning"
  SOV004 = "info"
  SOV005 = "error"
}

internal_cloud "pi" {
  name                = "Cloud Pi (ministère de l'Intérieur)"
  openstack_auth_urls = ["https://keystone.pi.interieur.gouv.fr:5000/v3"]
  source              = "CMDB"
}

vendor "acme" {
  name                  = "Acme Cloud"
  headquarters          = "FR"
  jurisdiction          = "FR"
  eu                    = true
  extraterritorial_laws = []
  source                = "contract"
  date                  = "2026-01-01"
}

endpoint {
  provider  = "terraform-provider-openstack/openstack"
  attribute = "auth_url"
  match     = "host"
  pattern   = "keystone.acme.fr"
  vendor    = "acme"
  source    = "contract"
  date      = "2026-01-01"
}
"#;

fn parse(text: &str) -> Result<Settings, SettingsError> {
    parse_settings(text, Path::new("conf/.souverain.hcl"))
}

/// The error's `line:col: message`, checked against the expected place and a fragment.
#[track_caller]
fn assert_error(text: &str, line: u32, column: u32, fragment: &str) {
    let error = parse(text).expect_err("the settings must be rejected");
    assert_eq!(
        (error.line, error.column),
        (line, column),
        "wrong place for: {error}"
    );
    assert!(error.message.contains(fragment), "{error}");
    assert_eq!(error.file, Path::new("conf/.souverain.hcl"));
}

#[test]
fn reads_every_setting() {
    let settings = parse(FULL).unwrap();
    assert_eq!(
        settings.origin.as_deref(),
        Some(Path::new("conf/.souverain.hcl"))
    );
    assert_eq!(settings.default_level, Some(Level::Internal));
    assert_eq!(
        settings.geography,
        Geography::Countries(vec!["FR".into(), "DE".into()])
    );
    assert!(settings.fail_on_unresolved);
    assert_eq!(settings.exclude, ["examples/**", "legacy/*.tf"]);
    assert_eq!(settings.non_suppressible, ["SOV001", "SOV002"]);
    assert_eq!(settings.classify.len(), 2);
    assert_eq!(settings.classify[0].line, 8);
    assert_eq!(settings.classify[0].level, Level::Public);
    assert!(settings.classify[0].address.is_none());
    assert_eq!(settings.classify[1].line, 13);
    assert_eq!(settings.classification_keys, ["niveau", "sensibilite"]);
    assert_eq!(
        settings.classification_values,
        [
            ("tres-sensible".to_string(), Level::Sensitive),
            ("ouvert".to_string(), Level::Public)
        ]
    );
    let severities: Vec<_> = settings
        .severities
        .iter()
        .map(|(id, s)| (id.as_str(), *s))
        .collect();
    assert_eq!(
        severities,
        [
            ("SOV003", Some(Severity::Warning)),
            ("SOV004", Some(Severity::Info)),
            ("SOV005", Some(Severity::Error)),
            ("SOV008", None),
        ]
    );
    assert_eq!(
        settings.internal_clouds,
        [InternalCloud {
            id: "pi".into(),
            name: "Cloud Pi (ministère de l'Intérieur)".into(),
            openstack_auth_urls: vec!["https://keystone.pi.interieur.gouv.fr:5000/v3".into()],
            source: Some("CMDB".into()),
        }]
    );
}

#[test]
fn overlay_blocks_reach_the_catalog() {
    let settings = parse(FULL).unwrap();
    let mut catalog = crate::catalog::Catalog::embedded();
    catalog.extend(settings.overlay).unwrap();
    assert_eq!(catalog.vendor("acme").unwrap().name, "Acme Cloud");
    let openstack = catalog
        .provider("terraform-provider-openstack/openstack")
        .unwrap();
    assert_eq!(openstack.endpoints[0].vendor, "acme");
}

#[test]
fn overlay_errors_keep_their_place() {
    let text = "default_level = \"public\"\n\nvendor \"acme\" {\n  nme = \"x\"\n}\n";
    assert_error(text, 4, 3, "unknown field `nme`");
}

#[test]
fn empty_file_gives_defaults() {
    let settings = parse("# nothing yet\n").unwrap();
    assert_eq!(settings.geography, Geography::Eu);
    assert_eq!(settings.default_level, None);
    assert!(settings.classify.is_empty() && settings.severities.is_empty());
    assert!(!settings.fail_on_unresolved);
    let default = Settings::default();
    assert_eq!(default.origin, None);
    assert_eq!(default.geography, Geography::Eu);
}

#[test]
fn geography_strings() {
    assert_eq!(
        parse("geography = \"EU\"").unwrap().geography,
        Geography::Eu
    );
    assert_eq!(
        parse("geography = \"FR\"").unwrap().geography,
        Geography::France
    );
    assert_error(
        "geography = \"DE\"",
        1,
        13,
        "expected \"EU\", \"FR\" or a list",
    );
    assert_error("geography = 3", 1, 13, "expected \"EU\", \"FR\" or a list");
}

#[test]
fn geography_list_errors() {
    assert_error(
        "geography = [\"FR\", \"fr\"]",
        1,
        20,
        "two-letter upper-case",
    );
    assert_error("geography = [\"FRA\"]", 1, 14, "two-letter upper-case");
    assert_error(
        "geography = [\"FR\", \"EU\"]",
        1,
        20,
        "\"EU\" is not a country",
    );
    assert_error("geography = []", 1, 13, "the list is empty");
    assert_error("geography = [1]", 1, 14, "must be a string");
}

#[test]
fn top_level_errors() {
    assert_error("\n  colour = \"blue\"", 2, 3, "unknown setting `colour`");
    assert_error("default_level = \"secret\"", 1, 17, "expected \"public\"");
    assert_error(
        "default_level = \"public\"\ndefault_level = \"internal\"",
        2,
        1,
        "redefined attribute",
    );
    assert_error("fail_on_unresolved = \"yes\"", 1, 22, "true or false");
    assert_error("exclude = \"examples\"", 1, 11, "list of strings");
    assert_error("exclude = [\"ok/**\", \"bad[\"]", 1, 21, "exclude:");
    assert_error(
        "non_suppressible = [\"SOV001\", \"SOV1\"]",
        1,
        31,
        "`SOV1` is not a rule id",
    );
    assert_error("unknown {\n}", 1, 1, "unknown block `unknown`");
    assert_error("default_level = ", 1, 1, "unexpected token");
}

#[test]
fn classify_errors() {
    assert_error(
        "classify {\n  level = \"top\"\n  type = \"a\"\n}",
        2,
        11,
        "level = \"top\"",
    );
    assert_error("classify {\n  type = \"a\"\n}", 1, 1, "missing `level`");
    assert_error(
        "classify {\n  level = \"public\"\n}",
        1,
        1,
        "at least one of",
    );
    assert_error(
        "classify {\n  level = \"public\"\n  kind = \"a\"\n}",
        3,
        3,
        "unknown attribute `kind` in `classify`",
    );
    assert_error(
        "classify {\n  type = \"a[\"\n  level = \"public\"\n}",
        2,
        10,
        "type:",
    );
    assert_error(
        "classify \"x\" {\n  type = \"a\"\n  level = \"public\"\n}",
        1,
        10,
        "takes no label",
    );
    assert_error(
        "classify {\n  inner {\n  }\n}",
        2,
        3,
        "unexpected block `inner`",
    );
    assert_error(
        "classify {\n  type = \"a\"\n  type = \"b\"\n  level = \"public\"\n}",
        3,
        3,
        "redefined attribute",
    );
}

#[test]
fn classification_errors() {
    assert_error("classification {\n  keys = [\"\"]\n}", 2, 11, "empty key");
    assert_error(
        "classification {\n  values = { a = \"top\" }\n}",
        2,
        18,
        "values.a = \"top\"",
    );
    assert_error(
        "classification {\n  values = [\"a\"]\n}",
        2,
        12,
        "must be an object",
    );
    assert_error(
        "classification {\n  values = { a = \"public\", \"a\" = \"internal\" }\n}",
        2,
        28,
        "given twice",
    );
    assert_error(
        "classification {\n  levels = []\n}",
        2,
        3,
        "unknown attribute `levels`",
    );
}

#[test]
fn rules_errors() {
    assert_error(
        "rules {\n  SOV01 = \"off\"\n}",
        2,
        3,
        "`SOV01` is not a rule id",
    );
    assert_error("rules {\n  sov001 = \"off\"\n}", 2, 3, "not a rule id");
    assert_error(
        "rules {\n  SOV001 = \"fatal\"\n}",
        2,
        12,
        "expected \"error\"",
    );
    assert_error("rules {\n  SOV001 = true\n}", 2, 12, "must be a string");
    assert_error(
        "rules {\n  SOV001 = \"off\"\n}\nrules {\n  SOV001 = \"info\"\n}",
        5,
        3,
        "set twice",
    );
}

#[test]
fn internal_cloud_errors() {
    assert_error(
        "internal_cloud {\n  name = \"x\"\n}",
        1,
        1,
        "exactly one label",
    );
    assert_error(
        "internal_cloud \"Pi\" {\n  name = \"x\"\n}",
        1,
        16,
        "invalid internal_cloud id",
    );
    assert_error("internal_cloud \"pi\" {\n}", 1, 1, "missing `name`");
    assert_error(
        "internal_cloud \"pi\" {\n  name = \"x\"\n  openstack_auth_urls = [\"keystone:5000\"]\n}",
        3,
        26,
        "not an http(s) URL",
    );
    assert_error(
        "internal_cloud \"pi\" {\n  name = \"x\"\n  region = \"fr\"\n}",
        3,
        3,
        "unknown attribute `region`",
    );
    assert_error(
        "internal_cloud \"pi\" {\n  name = \"x\"\n}\ninternal_cloud \"pi\" {\n  name = \"y\"\n}",
        4,
        16,
        "duplicate internal_cloud `pi`",
    );
}

#[test]
fn error_display_is_file_line_column() {
    let error = parse("\n\n   oops = 1").unwrap_err();
    assert_eq!(
        error.to_string(),
        "conf/.souverain.hcl:3:4: unknown setting `oops`: expected `default_level`, `geography`, \
         `fail_on_unresolved`, `exclude` or `non_suppressible`"
    );
}

#[test]
fn columns_count_characters() {
    assert_error(
        "# é\nclassification {\n  values = { \"é\" = \"x\" }\n}",
        3,
        20,
        "expected",
    );
}

#[test]
fn level_for_last_match_wins() {
    let text = r#"
classify {
  type  = "aws_*"
  level = "internal"
}
classify {
  address = "module.citizens.*"
  level   = "sensitive"
}
classify {
  address = "module.citizens.aws_s3_bucket.public_assets"
  level   = "public"
}
classify {
  root  = "environments/*"
  type  = "google_storage_bucket"
  level = "sensitive"
}
"#;
    let settings = parse(text).unwrap();
    let level = |root, address, ty| settings.level_for(root, address, ty);
    assert_eq!(
        level(".", "aws_instance.web", "aws_instance"),
        Some(Level::Internal)
    );
    assert_eq!(
        level(".", "module.citizens.aws_s3_bucket.data", "aws_s3_bucket"),
        Some(Level::Sensitive)
    );
    assert_eq!(
        level(
            ".",
            "module.citizens.aws_s3_bucket.public_assets",
            "aws_s3_bucket"
        ),
        Some(Level::Public)
    );
    // `*` crosses dots and slashes in addresses (instance keys), not in roots.
    assert_eq!(
        level(".", "module.citizens.module.db.x[\"a/b\"]", "x"),
        Some(Level::Sensitive)
    );
    assert_eq!(
        level(
            "environments/prod",
            "google_storage_bucket.b",
            "google_storage_bucket"
        ),
        Some(Level::Sensitive)
    );
    assert_eq!(
        level(
            "environments/prod/eu",
            "google_storage_bucket.b",
            "google_storage_bucket"
        ),
        None
    );
    assert_eq!(
        level(".", "google_storage_bucket.b", "google_storage_bucket"),
        None
    );
    assert_eq!(Settings::default().level_for(".", "a.b", "a"), None);
}

#[test]
fn rule_ids() {
    assert!(is_rule_id("SOV001"));
    assert!(is_rule_id("SOV999"));
    for bad in ["SOV01", "SOV0001", "sov001", "SOV00a", "XSOV001", "", "SOV"] {
        assert!(!is_rule_id(bad), "{bad}");
    }
}

#[test]
fn find_settings_walks_up_to_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join(FILE_NAME);
    let repo = dir.path().join("repo");
    let deep = repo.join("envs/prod");
    fs::create_dir_all(&deep).unwrap();
    fs::create_dir(repo.join(".git")).unwrap();
    fs::write(&outside, "").unwrap();
    let main = deep.join("main.tf");
    fs::write(&main, "").unwrap();

    // Above the repository root: not used.
    assert_eq!(find_settings(&Os, &deep), None);
    assert_eq!(find_settings(&Os, &main), None);

    // At the repository root (next to `.git`): found.
    fs::write(repo.join(FILE_NAME), "").unwrap();
    assert_eq!(find_settings(&Os, &deep), Some(repo.join(FILE_NAME)));

    // The nearest one wins, from a directory or from a file in it.
    fs::write(deep.join(FILE_NAME), "").unwrap();
    assert_eq!(find_settings(&Os, &deep), Some(deep.join(FILE_NAME)));
    assert_eq!(find_settings(&Os, &main), Some(deep.join(FILE_NAME)));

    // Without `.git`, the walk goes on up.
    let plain = dir.path().join("plain/a/b");
    fs::create_dir_all(&plain).unwrap();
    assert_eq!(find_settings(&Os, &plain), Some(outside));
}

#[test]
fn find_settings_in_memory_stops_at_the_repository_root_too() {
    use crate::discover::repository_root;
    use crate::fs::Memory;
    let files = |extra: &[&'static str]| {
        let mut files = vec![".souverain.hcl", "repo/.git/HEAD", "repo/envs/prod/main.tf"];
        files.extend(extra);
        Memory::new("/w", files.into_iter().map(|f| (f, "")))
    };
    let fs = files(&[]);
    assert_eq!(find_settings(&fs, Path::new("repo/envs/prod")), None);
    assert_eq!(
        repository_root(&fs, Path::new("repo/envs/prod/main.tf")),
        Path::new("/w/repo")
    );
    let fs = files(&["repo/.souverain.hcl"]);
    assert_eq!(
        find_settings(&fs, Path::new("repo/envs/prod/main.tf")),
        Some(PathBuf::from("/w/repo/.souverain.hcl"))
    );
    let fs = files(&["plain/a/b.tf"]);
    assert_eq!(
        find_settings(&fs, Path::new("plain/a")),
        Some(PathBuf::from("/w/.souverain.hcl"))
    );
    assert_eq!(
        repository_root(&fs, Path::new("plain/a")),
        Path::new("/w/plain/a")
    );
}
