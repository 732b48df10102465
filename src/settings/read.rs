//! Reading `.souverain.hcl`. The file is walked by hand rather than through serde so that
//! every error points at the attribute, list element or object key at fault.

use super::{
    ClassifyRule, Geography, InternalCloud, RuleSeverity, Settings, SettingsError, is_rule_id,
};
use crate::catalog::{CatalogError, HclFile, check_country, line_col};
use crate::level::Level;
use crate::severity::Severity;
use crate::source::LineCol;
use globset::{Glob, GlobBuilder, GlobMatcher};
use hcl_edit::Span as _;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Attribute, Block, Structure};
use std::path::Path;

const TOP_LEVEL: [&str; 5] = [
    "default_level",
    "geography",
    "fail_on_unresolved",
    "exclude",
    "non_suppressible",
];

const BLOCKS: [&str; 6] = [
    "classify",
    "classification",
    "rules",
    "internal_cloud",
    "vendor",
    "endpoint",
];

/// Reads a settings text; `origin` is the file it came from, named in errors and kept in
/// [`Settings::origin`].
pub fn parse_settings(text: &str, origin: &Path) -> Result<Settings, SettingsError> {
    let name = origin.display().to_string();
    let mut settings = read(text, &name).map_err(|e| {
        let LineCol { line, column } = e.position.unwrap_or(LineCol { line: 1, column: 1 });
        SettingsError {
            file: origin.to_path_buf(),
            line,
            column,
            message: e.message,
        }
    })?;
    settings.origin = Some(origin.to_path_buf());
    Ok(settings)
}

fn read(text: &str, origin: &str) -> Result<Settings, CatalogError> {
    let (file, body) = HclFile::parse(text, origin)?;
    let reader = Reader { file, text };
    let mut settings = Settings::default();
    // The parser already rejects an attribute set twice in one body.
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => reader.top_level(attr, &mut settings)?,
            Structure::Block(block) => match block.ident.as_str() {
                "classify" => settings.classify.push(reader.classify(block)?),
                "classification" => reader.classification(block, &mut settings)?,
                "rules" => reader.rules(block, &mut settings)?,
                "internal_cloud" => {
                    let cloud = reader.internal_cloud(block)?;
                    if settings.internal_clouds.iter().any(|c| c.id == cloud.id) {
                        return Err(reader.at(
                            block.labels.first().and_then(|l| l.span()),
                            format!("duplicate internal_cloud `{}`", cloud.id),
                        ));
                    }
                    settings.internal_clouds.push(cloud);
                }
                "vendor" | "endpoint" => settings.overlay.push_block(&reader.file, block)?,
                other => {
                    return Err(reader.at(
                        block.ident.span(),
                        format!("unknown block `{other}`: expected {}", one_of(&BLOCKS)),
                    ));
                }
            },
        }
    }
    Ok(settings)
}

struct Reader<'a> {
    file: HclFile<'a>,
    text: &'a str,
}

impl Reader<'_> {
    fn at(&self, span: Option<std::ops::Range<usize>>, message: String) -> CatalogError {
        self.file.error(span, message)
    }

    fn top_level(&self, attr: &Attribute, settings: &mut Settings) -> Result<(), CatalogError> {
        let value = &attr.value;
        match attr.key.as_str() {
            "default_level" => settings.default_level = Some(self.level("default_level", value)?),
            "geography" => settings.geography = self.geography(value)?,
            "fail_on_unresolved" => {
                settings.fail_on_unresolved = self.boolean("fail_on_unresolved", value)?;
            }
            "exclude" => {
                for (glob, expr) in self.strings("exclude", value)? {
                    Glob::new(&glob).map_err(|e| self.at(expr.span(), format!("exclude: {e}")))?;
                    settings.exclude.push(glob);
                }
            }
            "non_suppressible" => {
                for (id, expr) in self.strings("non_suppressible", value)? {
                    settings
                        .non_suppressible
                        .push(self.rule_id(id, expr.span())?);
                }
            }
            other => {
                return Err(self.at(
                    attr.key.span(),
                    format!("unknown setting `{other}`: expected {}", one_of(&TOP_LEVEL)),
                ));
            }
        }
        Ok(())
    }

    fn geography(&self, value: &Expression) -> Result<Geography, CatalogError> {
        const EXPECTED: &str =
            "expected \"EU\", \"FR\" or a list of country codes such as [\"FR\", \"DE\"]";
        if let Expression::String(s) = value {
            return match s.value().as_str() {
                "EU" => Ok(Geography::Eu),
                "FR" => Ok(Geography::France),
                other => Err(self.at(value.span(), format!("geography = \"{other}\": {EXPECTED}"))),
            };
        }
        if !matches!(value, Expression::Array(_)) {
            return Err(self.at(value.span(), format!("geography: {EXPECTED}")));
        }
        let mut countries = Vec::new();
        for (code, expr) in self.strings("geography", value)? {
            let problem = if code == "EU" {
                Some("\"EU\" is not a country: write geography = \"EU\" alone".to_string())
            } else {
                check_country("geography", &code).err()
            };
            if let Some(message) = problem {
                return Err(self.at(expr.span(), message));
            }
            if !countries.contains(&code) {
                countries.push(code);
            }
        }
        if countries.is_empty() {
            return Err(self.at(value.span(), "geography: the list is empty".to_string()));
        }
        Ok(Geography::Countries(countries))
    }

    fn classify(&self, block: &Block) -> Result<ClassifyRule, CatalogError> {
        self.no_label(block)?;
        let mut rule = ClassifyRule {
            address: None,
            resource_type: None,
            root: None,
            level: Level::Public,
            line: line_col(self.text, block.ident.span().unwrap_or(0..0).start).line,
        };
        let mut level = None;
        for attr in self.attributes(block, &["address", "type", "root", "level"])? {
            let value = &attr.value;
            match attr.key.as_str() {
                "address" => rule.address = Some(self.glob("address", value, false)?),
                "type" => rule.resource_type = Some(self.glob("type", value, false)?),
                "root" => rule.root = Some(self.glob("root", value, true)?),
                _ => level = Some(self.level("level", value)?),
            }
        }
        rule.level = level
            .ok_or_else(|| self.at(block.ident.span(), "classify: missing `level`".to_string()))?;
        if rule.address.is_none() && rule.resource_type.is_none() && rule.root.is_none() {
            return Err(self.at(
                block.ident.span(),
                "classify: give at least one of `address`, `type` or `root`".to_string(),
            ));
        }
        Ok(rule)
    }

    fn classification(&self, block: &Block, settings: &mut Settings) -> Result<(), CatalogError> {
        self.no_label(block)?;
        for attr in self.attributes(block, &["keys", "values"])? {
            let value = &attr.value;
            if attr.key.as_str() == "keys" {
                for (key, expr) in self.strings("keys", value)? {
                    if key.trim().is_empty() {
                        return Err(self.at(expr.span(), "keys: empty key".to_string()));
                    }
                    settings.classification_keys.push(key);
                }
                continue;
            }
            let Expression::Object(object) = value else {
                return Err(self.at(
                    value.span(),
                    "values must be an object such as { \"ouvert\" = \"public\" }".to_string(),
                ));
            };
            for (key, entry) in object.iter() {
                let (name, span) = match key {
                    ObjectKey::Ident(ident) => (ident.as_str().to_string(), ident.span()),
                    ObjectKey::Expression(Expression::String(s)) => {
                        (s.value().to_string(), key.span())
                    }
                    ObjectKey::Expression(other) => {
                        return Err(self.at(
                            other.span(),
                            "values: keys must be plain strings".to_string(),
                        ));
                    }
                };
                if name.trim().is_empty() {
                    return Err(self.at(span, "values: empty key".to_string()));
                }
                if settings
                    .classification_values
                    .iter()
                    .any(|(n, _)| *n == name)
                {
                    return Err(self.at(span, format!("values: `{name}` is given twice")));
                }
                let level = self.level(&format!("values.{name}"), entry.expr())?;
                settings.classification_values.push((name, level));
            }
        }
        Ok(())
    }

    fn rules(&self, block: &Block, settings: &mut Settings) -> Result<(), CatalogError> {
        self.no_label(block)?;
        for structure in block.body.iter() {
            let attr = match structure {
                Structure::Attribute(attr) => attr,
                Structure::Block(nested) => return Err(self.nested_block(block, nested)),
            };
            let id = self.rule_id(attr.key.as_str().to_string(), attr.key.span())?;
            if settings.severities.contains_key(&id) {
                return Err(self.at(attr.key.span(), format!("`{id}` is set twice")));
            }
            let severity: RuleSeverity = match self.string(&id, &attr.value)?.as_str() {
                "off" => None,
                level if Severity::parse(level).is_some() => Severity::parse(level),
                other => {
                    return Err(self.at(
                        attr.value.span(),
                        format!("{id} = \"{other}\": expected \"error\", \"warning\", \"info\" or \"off\""),
                    ));
                }
            };
            settings.severities.insert(id, severity);
        }
        Ok(())
    }

    fn internal_cloud(&self, block: &Block) -> Result<InternalCloud, CatalogError> {
        let id = self.file.label(block)?;
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            return Err(self.at(
                block.labels.first().and_then(|l| l.span()),
                format!("invalid internal_cloud id `{id}`: use lower-case letters, digits and `-`"),
            ));
        }
        let mut cloud = InternalCloud {
            id,
            name: String::new(),
            openstack_auth_urls: Vec::new(),
            source: None,
        };
        for attr in self.attributes(block, &["name", "openstack_auth_urls", "source"])? {
            let value = &attr.value;
            match attr.key.as_str() {
                "name" => cloud.name = self.string("name", value)?,
                "source" => cloud.source = Some(self.string("source", value)?),
                _ => {
                    for (url, expr) in self.strings("openstack_auth_urls", value)? {
                        if !(url.starts_with("https://") || url.starts_with("http://")) {
                            return Err(self.at(
                                expr.span(),
                                format!("openstack_auth_urls: `{url}` is not an http(s) URL"),
                            ));
                        }
                        cloud.openstack_auth_urls.push(url);
                    }
                }
            }
        }
        if cloud.name.trim().is_empty() {
            return Err(self.at(
                block.ident.span(),
                format!("internal_cloud \"{}\": missing `name`", cloud.id),
            ));
        }
        Ok(cloud)
    }

    fn no_label(&self, block: &Block) -> Result<(), CatalogError> {
        match block.labels.first() {
            Some(label) => Err(self.at(
                label.span(),
                format!("`{}` takes no label", block.ident.as_str()),
            )),
            None => Ok(()),
        }
    }

    /// The attributes of a block that holds only attributes, each one of `allowed`.
    fn attributes<'b>(
        &self,
        block: &'b Block,
        allowed: &[&str],
    ) -> Result<Vec<&'b Attribute>, CatalogError> {
        let mut attributes = Vec::new();
        for structure in block.body.iter() {
            let attr = match structure {
                Structure::Attribute(attr) => attr,
                Structure::Block(nested) => return Err(self.nested_block(block, nested)),
            };
            let key = attr.key.as_str();
            if !allowed.contains(&key) {
                return Err(self.at(
                    attr.key.span(),
                    format!(
                        "unknown attribute `{key}` in `{}`: expected {}",
                        block.ident.as_str(),
                        one_of(allowed)
                    ),
                ));
            }
            attributes.push(attr);
        }
        Ok(attributes)
    }

    fn nested_block(&self, block: &Block, nested: &Block) -> CatalogError {
        self.at(
            nested.ident.span(),
            format!(
                "unexpected block `{}` in `{}`",
                nested.ident.as_str(),
                block.ident.as_str()
            ),
        )
    }

    fn rule_id(
        &self,
        id: String,
        span: Option<std::ops::Range<usize>>,
    ) -> Result<String, CatalogError> {
        if is_rule_id(&id) {
            Ok(id)
        } else {
            Err(self.at(
                span,
                format!(
                    "`{id}` is not a rule id: expected SOV followed by three digits, like SOV001"
                ),
            ))
        }
    }

    fn level(&self, what: &str, value: &Expression) -> Result<Level, CatalogError> {
        let text = self.string(what, value)?;
        Level::parse(&text).ok_or_else(|| {
            self.at(
                value.span(),
                format!("{what} = \"{text}\": expected \"public\", \"internal\" or \"sensitive\""),
            )
        })
    }

    /// `literal_separator`: whether `*` stops at `/` (paths) or not (addresses, whose
    /// instance keys may hold a `/`).
    fn glob(
        &self,
        what: &str,
        value: &Expression,
        literal_separator: bool,
    ) -> Result<GlobMatcher, CatalogError> {
        let pattern = self.string(what, value)?;
        GlobBuilder::new(&pattern)
            .literal_separator(literal_separator)
            .build()
            .map(|glob| glob.compile_matcher())
            .map_err(|e| self.at(value.span(), format!("{what}: {e}")))
    }

    fn string(&self, what: &str, value: &Expression) -> Result<String, CatalogError> {
        match value {
            Expression::String(s) => Ok(s.value().to_string()),
            _ => Err(self.at(value.span(), format!("{what} must be a string"))),
        }
    }

    fn boolean(&self, what: &str, value: &Expression) -> Result<bool, CatalogError> {
        match value {
            Expression::Bool(b) => Ok(*b.value()),
            _ => Err(self.at(value.span(), format!("{what} must be true or false"))),
        }
    }

    /// A list of strings, each with its expression for errors.
    fn strings<'e>(
        &self,
        what: &str,
        value: &'e Expression,
    ) -> Result<Vec<(String, &'e Expression)>, CatalogError> {
        let Expression::Array(items) = value else {
            return Err(self.at(value.span(), format!("{what} must be a list of strings")));
        };
        items
            .iter()
            .map(|item| Ok((self.string(what, item)?, item)))
            .collect()
    }
}

/// `a, b or c`, each in backticks.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}
