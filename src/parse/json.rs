//! Terraform's JSON configuration syntax, lowered into [`crate::syntax`].
//!
//! JSON has no blocks, so Terraform tells blocks from arguments by name: a property of a
//! body whose name is a known nested block type (`resource`, `lifecycle`, ...) holds
//! blocks, keyed by their labels; any other property is an argument. The small schemas
//! below encode just the block types souverain reads, plus the few arguments whose
//! strings Terraform does not read as templates.
//! <https://developer.hashicorp.com/terraform/language/syntax/json>

use super::hcl::SyntaxError;
use crate::source::{FileId, Span};
use crate::syntax::{Attribute, Block, Body, Expr, ExprKind, Name};
use jsonc_parser::ast::{Object, ObjectProp, Value};
use jsonc_parser::common::{Range, Ranged};
use jsonc_parser::{CollectOptions, ParseOptions};
use std::sync::Arc;

/// How JSON strings are read: as templates (configuration files) or as literal values
/// (`.tfvars.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonMode {
    /// `.tf.json`, `.tofu.json`: blocks, and strings that are templates.
    Config,
    /// `.tfvars.json`: top-level arguments whose values are plain JSON.
    Literal,
}

/// Parses a JSON file into the same tree the native syntax gives, so later stages never
/// know which syntax a file used. Spans are byte ranges of the JSON nodes.
pub fn parse_body(file: FileId, text: &str, mode: JsonMode) -> Result<Body, SyntaxError> {
    let root = parse_json(text)?;
    let (schema, what) = match mode {
        JsonMode::Config => (&CONFIG, "a JSON configuration file"),
        JsonMode::Literal => (&TFVARS, "a JSON variable definitions file"),
    };
    match &root {
        Some(Value::Object(object)) => Lower { file }.body(object, schema),
        other => Err(SyntaxError {
            offset: other.as_ref().map_or(0, Ranged::start),
            message: format!("{what} must contain a JSON object"),
        }),
    }
}

/// Strict JSON, as Terraform reads it: none of the JSONC/JSON5 extensions.
pub(crate) fn parse_json(text: &str) -> Result<Option<Value<'_>>, SyntaxError> {
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options)
        .map(|result| result.value)
        .map_err(|e| SyntaxError {
            offset: e.range().start,
            message: e.kind().to_string(),
        })
}

/// How the strings of an argument's value are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Strings {
    /// As HCL templates: `"${var.x}-suffix"`.
    Template,
    /// As they are: `.tfvars.json` values, variable defaults, and the arguments that
    /// Terraform reads as references or addresses (`"provider": "aws.west"`).
    Literal,
}

/// What a JSON object holding a block body contains.
struct BodySchema {
    /// Properties holding nested blocks rather than an argument.
    blocks: &'static [BlockSchema],
    /// Arguments whose strings are literal even where [`BodySchema::strings`] says
    /// templates.
    literal: &'static [&'static str],
    /// How the strings of every other argument are read.
    strings: Strings,
}

/// A block type: its name, what its labels are called (for error messages), its body.
struct BlockSchema {
    ident: &'static str,
    labels: &'static [&'static str],
    body: &'static BodySchema,
}

impl BodySchema {
    fn block(&self, name: &str) -> Option<&BlockSchema> {
        self.blocks.iter().find(|b| b.ident == name)
    }

    fn strings(&self, argument: &str) -> Strings {
        if self.literal.contains(&argument) {
            Strings::Literal
        } else {
            self.strings
        }
    }
}

const fn block(
    ident: &'static str,
    labels: &'static [&'static str],
    body: &'static BodySchema,
) -> BlockSchema {
    BlockSchema {
        ident,
        labels,
        body,
    }
}

const fn body(
    blocks: &'static [BlockSchema],
    literal: &'static [&'static str],
    strings: Strings,
) -> BodySchema {
    BodySchema {
        blocks,
        literal,
        strings,
    }
}

/// `.tfvars.json`: only top-level arguments, all literal.
static TFVARS: BodySchema = body(&[], &[], Strings::Literal);

/// A body of arguments only (`locals`, `connection`, a backend, ...).
static ARGUMENTS: BodySchema = body(&[], &[], Strings::Template);

static CONFIG: BodySchema = body(
    &[
        block("terraform", &[], &TERRAFORM),
        block("variable", &["name"], &VARIABLE),
        block("locals", &[], &ARGUMENTS),
        block("output", &["name"], &OUTPUT),
        block("provider", &["name"], &PROVIDER),
        block("resource", &["type", "name"], &RESOURCE),
        block("data", &["type", "name"], &RESOURCE),
        block("module", &["name"], &MODULE),
        block("check", &["name"], &CHECK),
        block("moved", &[], &ARGUMENTS),
        block("import", &[], &ARGUMENTS),
        block("removed", &[], &RESOURCE),
    ],
    &[],
    Strings::Template,
);

static TERRAFORM: BodySchema = body(
    &[
        block("required_providers", &[], &REQUIRED_PROVIDERS),
        block("backend", &["type"], &ARGUMENTS),
        block("cloud", &[], &CLOUD),
    ],
    &[],
    Strings::Template,
);

/// Provider requirements are addresses and version constraints, never templates.
static REQUIRED_PROVIDERS: BodySchema = body(&[], &[], Strings::Literal);

static CLOUD: BodySchema = body(
    &[block("workspaces", &[], &ARGUMENTS)],
    &[],
    Strings::Template,
);

/// A variable's default is a literal value in JSON; its type constraint is not evaluated
/// by souverain, so it stays the string it was written as.
static VARIABLE: BodySchema = body(
    &[block("validation", &[], &ARGUMENTS)],
    &["default", "type"],
    Strings::Template,
);

static OUTPUT: BodySchema = body(
    &[block("precondition", &[], &ARGUMENTS)],
    &["depends_on"],
    Strings::Template,
);

/// Nested blocks whose content souverain reads from provider configurations.
static PROVIDER: BodySchema = body(
    &[
        block("endpoints", &[], &ARGUMENTS),
        block("api", &[], &ARGUMENTS),
        block("oks", &[], &ARGUMENTS),
        block("assume_role", &[], &ARGUMENTS),
        block("default_tags", &[], &ARGUMENTS),
        block("features", &[], &ARGUMENTS),
        block("ignore_tags", &[], &ARGUMENTS),
    ],
    &[],
    Strings::Template,
);

/// `resource` and `data` (and `removed`) blocks: the meta-argument blocks are blocks;
/// the provider's own nested blocks stay object arguments, since without the provider
/// schema JSON cannot tell them apart.
static RESOURCE: BodySchema = body(
    &[
        block("lifecycle", &[], &LIFECYCLE),
        block("provisioner", &["type"], &PROVISIONER),
        block("connection", &[], &ARGUMENTS),
        block("dynamic", &["block type"], &DYNAMIC),
    ],
    &["provider", "depends_on"],
    Strings::Template,
);

static LIFECYCLE: BodySchema = body(
    &[
        block("precondition", &[], &ARGUMENTS),
        block("postcondition", &[], &ARGUMENTS),
    ],
    &[],
    Strings::Template,
);

static PROVISIONER: BodySchema = body(
    &[block("connection", &[], &ARGUMENTS)],
    &[],
    Strings::Template,
);

static DYNAMIC: BodySchema = body(
    &[block("content", &[], &DYNAMIC_CONTENT)],
    &[],
    Strings::Template,
);

/// A `dynamic` block's content may itself hold `dynamic` blocks.
static DYNAMIC_CONTENT: BodySchema = body(
    &[block("dynamic", &["block type"], &DYNAMIC)],
    &[],
    Strings::Template,
);

/// A module's source and version are read before evaluation; `providers` maps provider
/// addresses written as strings.
static MODULE: BodySchema = body(
    &[],
    &["source", "version", "providers", "depends_on"],
    Strings::Template,
);

static CHECK: BodySchema = body(
    &[
        block("data", &["type", "name"], &RESOURCE),
        block("assert", &[], &ARGUMENTS),
    ],
    &[],
    Strings::Template,
);

/// Terraform ignores a `"//"` property in a body (and between labels), so JSON files can
/// carry comments. In an object value it is an ordinary key, as in Terraform.
const COMMENT: &str = "//";

/// The properties of a body or a label level, comments left out.
fn properties<'o, 'a>(object: &'o Object<'a>) -> impl Iterator<Item = &'o ObjectProp<'a>> {
    object
        .properties
        .iter()
        .filter(|p| p.name.as_str() != COMMENT)
}

struct Lower {
    file: FileId,
}

impl Lower {
    fn span(&self, range: Range) -> Span {
        Span::new(self.file, range.start..range.end)
    }

    fn body(&self, object: &Object, schema: &BodySchema) -> Result<Body, SyntaxError> {
        let mut body = Body::default();
        for prop in properties(object) {
            let name = prop.name.as_str();
            match schema.block(name) {
                Some(block) => self.blocks(block, prop, &mut Vec::new(), &mut body.blocks)?,
                None => body.attributes.push(Attribute {
                    name: Arc::from(name),
                    expr: self.expr(&prop.value, schema.strings(name))?,
                    span: self.span(prop.range),
                }),
            }
        }
        Ok(body)
    }

    /// Lowers the blocks held by `prop`, whose value follows the labels in `labels`: one
    /// more level of labels, or the body once all labels are known. Either may be an
    /// array of objects, which Terraform reads as several of them.
    fn blocks(
        &self,
        schema: &BlockSchema,
        prop: &ObjectProp,
        labels: &mut Vec<Name>,
        out: &mut Vec<Block>,
    ) -> Result<(), SyntaxError> {
        for (object, range) in objects(&prop.value, prop.range, || subject(schema, labels))? {
            if labels.len() == schema.labels.len() {
                out.push(Block {
                    ident: Arc::from(schema.ident),
                    labels: labels.clone(),
                    body: self.body(object, schema.body)?,
                    span: self.span(range),
                    header: self.span(prop.name.range()),
                });
                continue;
            }
            for inner in properties(object) {
                labels.push(Arc::from(inner.name.as_str()));
                self.blocks(schema, inner, labels, out)?;
                labels.pop();
            }
        }
        Ok(())
    }

    fn expr(&self, value: &Value, strings: Strings) -> Result<Expr, SyntaxError> {
        let span = self.span(value.range());
        let kind = match value {
            Value::StringLit(s) => return self.string(&s.value, span, strings),
            Value::NumberLit(n) => ExprKind::Number(n.value.parse().map_err(|_| SyntaxError {
                offset: n.range.start,
                message: format!("invalid number {}", n.value),
            })?),
            Value::BooleanLit(b) => ExprKind::Bool(b.value),
            Value::NullKeyword(_) => ExprKind::Null,
            Value::Array(array) => ExprKind::Tuple(
                array
                    .elements
                    .iter()
                    .map(|e| self.expr(e, strings))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(object) => ExprKind::Object(
                object
                    .properties
                    .iter()
                    .map(|p| {
                        let key =
                            self.string(p.name.as_str(), self.span(p.name.range()), strings)?;
                        Ok((key, self.expr(&p.value, strings)?))
                    })
                    .collect::<Result<_, _>>()?,
            ),
        };
        Ok(Expr { kind, span })
    }

    /// A JSON string: a literal, or an HCL template whose nodes all get the span of the
    /// JSON string (the template text was unescaped, so finer offsets would be wrong).
    fn string(&self, text: &str, span: Span, strings: Strings) -> Result<Expr, SyntaxError> {
        let is_template =
            strings == Strings::Template && (text.contains("${") || text.contains("%{"));
        let kind = if is_template {
            let parts =
                super::hcl::parse_template(self.file, text, span).map_err(|e| SyntaxError {
                    offset: span.start as usize,
                    message: format!("invalid template in JSON string: {}", e.trim()),
                })?;
            ExprKind::Template(parts)
        } else {
            ExprKind::String(Arc::from(text))
        };
        Ok(Expr { kind, span })
    }
}

/// The objects a block-holding value stands for, each with the range its block spans:
/// the whole property for an object, the element for an array of objects.
fn objects<'v, 'a>(
    value: &'v Value<'a>,
    prop_range: Range,
    subject: impl Fn() -> String,
) -> Result<Vec<(&'v Object<'a>, Range)>, SyntaxError> {
    let expected = |at: &dyn Ranged| SyntaxError {
        offset: at.start(),
        message: format!("{} must be an object", subject()),
    };
    match value {
        Value::Object(object) => Ok(vec![(object, prop_range)]),
        Value::Array(array) => array
            .elements
            .iter()
            .map(|element| match element {
                Value::Object(object) => Ok((object, object.range)),
                other => Err(expected(other)),
            })
            .collect(),
        other => Err(expected(other)),
    }
}

/// Names what a label level or body is, for error messages: `"resource"`,
/// `resource type "aws_s3_bucket"`, `resource "aws_s3_bucket" "logs"`.
fn subject(schema: &BlockSchema, labels: &[Name]) -> String {
    match labels {
        [] => format!("\"{}\"", schema.ident),
        [.., last] if labels.len() < schema.labels.len() => {
            format!(
                "{} {} \"{last}\"",
                schema.ident,
                schema.labels[labels.len() - 1]
            )
        }
        _ => {
            let quoted: Vec<String> = labels.iter().map(|l| format!("\"{l}\"")).collect();
            format!("{} {}", schema.ident, quoted.join(" "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::TemplatePart;

    fn parse_mode(text: &str, mode: JsonMode) -> Body {
        match parse_body(FileId(0), text, mode) {
            Ok(body) => body,
            Err(e) => panic!("unexpected error at {}: {}", e.offset, e.message),
        }
    }

    fn parse(text: &str) -> Body {
        parse_mode(text, JsonMode::Config)
    }

    fn error(text: &str) -> SyntaxError {
        match parse_body(FileId(0), text, JsonMode::Config) {
            Ok(body) => panic!("expected an error, got {body:?}"),
            Err(e) => e,
        }
    }

    fn snippet(text: &str, span: Span) -> &str {
        &text[span.start as usize..span.end as usize]
    }

    fn attr<'b>(body: &'b Body, name: &str) -> &'b Expr {
        &body
            .attribute(name)
            .unwrap_or_else(|| panic!("no attribute {name} in {body:?}"))
            .expr
    }

    fn string(expr: &Expr) -> &str {
        match &expr.kind {
            ExprKind::String(s) => s,
            other => panic!("expected a plain string, got {other:?}"),
        }
    }

    #[test]
    fn resource_has_labels_and_spans() {
        let text = r#"{
  "//": "café ☕ shifts byte offsets",
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "bucket": "my-logs",
        "count": 2
      }
    }
  }
}"#;
        let body = parse(text);
        let [block] = body.blocks.as_slice() else {
            panic!("expected one block: {body:?}");
        };
        assert_eq!(&*block.ident, "resource");
        assert_eq!(
            block.labels,
            vec![Name::from("aws_s3_bucket"), "logs".into()]
        );
        assert_eq!(snippet(text, block.header), r#""logs""#);
        let span = snippet(text, block.span);
        assert!(
            span.starts_with(r#""logs": {"#) && span.ends_with('}'),
            "{span}"
        );
        let bucket = block.body.attribute("bucket").unwrap();
        assert_eq!(snippet(text, bucket.span), r#""bucket": "my-logs""#);
        assert_eq!(snippet(text, bucket.expr.span), r#""my-logs""#);
        assert_eq!(string(&bucket.expr), "my-logs");
        assert!(matches!(attr(&block.body, "count").kind, ExprKind::Number(n) if n == 2.0));
    }

    #[test]
    fn label_levels_may_be_arrays() {
        let body = parse(
            r#"{"resource": [{"aws_instance": {"a": [{"ami": "x"}, {"ami": "y"}]}},
                             {"aws_instance": {"b": {}}}],
                "data": {"aws_region": {"current": {}}}}"#,
        );
        let names: Vec<String> = body
            .blocks
            .iter()
            .map(|b| format!("{} {}", b.ident, b.labels.join(".")))
            .collect();
        assert_eq!(
            names,
            [
                "resource aws_instance.a",
                "resource aws_instance.a",
                "resource aws_instance.b",
                "data aws_region.current"
            ]
        );
        assert_eq!(string(attr(&body.blocks[1].body, "ami")), "y");
    }

    #[test]
    fn provider_array_gives_one_block_per_configuration() {
        let text = r#"{"provider": {"aws": [{"region": "eu-west-1"},
                                             {"alias": "west", "region": "us-west-2"}]}}"#;
        let body = parse(text);
        let providers: Vec<_> = body.blocks_named("provider").collect();
        assert_eq!(providers.len(), 2);
        assert!(providers.iter().all(|p| p.labels == [Name::from("aws")]));
        assert!(providers[0].body.attribute("alias").is_none());
        let alias = attr(&providers[1].body, "alias");
        assert_eq!(alias.as_literal_str(), Some("west"));
        assert_eq!(snippet(text, providers[1].header), r#""aws""#);
        assert!(snippet(text, providers[1].span).starts_with(r#"{"alias""#));
    }

    #[test]
    fn locals_are_attributes() {
        let body = parse(r#"{"locals": [{"a": 1}, {"b": "${local.a}", "//": "note"}]}"#);
        let locals: Vec<_> = body.blocks_named("locals").collect();
        assert_eq!(locals.len(), 2);
        assert!(locals[0].labels.is_empty());
        assert!(matches!(
            attr(&locals[0].body, "a").kind,
            ExprKind::Number(_)
        ));
        assert!(matches!(
            attr(&locals[1].body, "b").kind,
            ExprKind::Template(_)
        ));
        assert_eq!(locals[1].body.attributes.len(), 1);
    }

    #[test]
    fn terraform_required_providers_is_a_nested_block() {
        let body = parse(
            r#"{"terraform": {"required_version": ">= 1.5",
                "required_providers": {"aws": {"source": "hashicorp/aws",
                                               "configuration_aliases": ["aws.west"]}}}}"#,
        );
        let terraform = body.blocks_named("terraform").next().unwrap();
        assert!(terraform.body.attribute("required_version").is_some());
        let required = terraform
            .body
            .blocks_named("required_providers")
            .next()
            .unwrap();
        let ExprKind::Object(entries) = &attr(&required.body, "aws").kind else {
            panic!("expected an object: {required:?}");
        };
        let field = |name: &str| {
            entries
                .iter()
                .find(|(k, _)| k.as_literal_str() == Some(name))
                .map(|(_, v)| v)
                .unwrap()
        };
        assert_eq!(string(field("source")), "hashicorp/aws");
        let ExprKind::Tuple(aliases) = &field("configuration_aliases").kind else {
            panic!("expected a tuple");
        };
        assert_eq!(aliases[0].as_reference(), Some(vec!["aws", "west"]));
    }

    #[test]
    fn module_providers_and_source_stay_literal() {
        let text = r#"{"module": {"net": {
            "source": "./modules/${name}",
            "providers": {"aws": "aws.west"},
            "cidr": "${var.cidr}"}}}"#;
        let body = parse(text);
        let module = body.blocks_named("module").next().unwrap();
        assert_eq!(module.labels, [Name::from("net")]);
        assert_eq!(string(attr(&module.body, "source")), "./modules/${name}");
        let ExprKind::Object(entries) = &attr(&module.body, "providers").kind else {
            panic!("expected an object");
        };
        let (key, value) = &entries[0];
        assert_eq!(string(key), "aws");
        assert_eq!(snippet(text, key.span), r#""aws""#);
        assert_eq!(value.as_reference(), Some(vec!["aws", "west"]));
        assert!(matches!(
            attr(&module.body, "cidr").kind,
            ExprKind::Template(_)
        ));
    }

    #[test]
    fn strings_are_templates_in_configuration() {
        let text = r#"{"output": {"name": {"value": "${var.prefix}-logs", "plain": "x",
                                             "escaped": "$${literal}",
                                             "tags": {"${var.key}": "v"}}}}"#;
        let body = parse(text);
        let output = &body.blocks[0].body;
        let value = attr(output, "value");
        let ExprKind::Template(parts) = &value.kind else {
            panic!("expected a template: {value:?}");
        };
        let [
            TemplatePart::Interpolation(reference),
            TemplatePart::Literal(rest),
        ] = parts.as_slice()
        else {
            panic!("unexpected parts: {parts:?}");
        };
        assert_eq!(reference.as_reference(), Some(vec!["var", "prefix"]));
        assert_eq!(&**rest, "-logs");
        assert_eq!(snippet(text, reference.span), r#""${var.prefix}-logs""#);
        assert_eq!(string(attr(output, "plain")), "x");
        assert_eq!(attr(output, "escaped").as_literal_str(), Some("${literal}"));
        let ExprKind::Object(tags) = &attr(output, "tags").kind else {
            panic!("expected an object");
        };
        assert!(matches!(tags[0].0.kind, ExprKind::Template(_)));
    }

    #[test]
    fn resource_meta_arguments() {
        let body = parse(
            r#"{"resource": {"aws_instance": {"web": {
                "provider": "aws.west",
                "depends_on": ["aws_vpc.main", "${legacy}"],
                "for_each": "${var.names}"}}}}"#,
        );
        let resource = &body.blocks[0].body;
        assert_eq!(
            attr(resource, "provider").as_reference(),
            Some(vec!["aws", "west"])
        );
        let ExprKind::Tuple(depends) = &attr(resource, "depends_on").kind else {
            panic!("expected a tuple");
        };
        assert_eq!(string(&depends[0]), "aws_vpc.main");
        assert_eq!(string(&depends[1]), "${legacy}");
        let ExprKind::Template(parts) = &attr(resource, "for_each").kind else {
            panic!("expected a template");
        };
        assert!(matches!(parts.as_slice(), [TemplatePart::Interpolation(_)]));
    }

    #[test]
    fn comment_properties_are_skipped() {
        let body = parse(
            r#"{"//": "top", "resource": {"//": "types",
                "aws_vpc": {"//": "names", "main": {"//": "body", "cidr_block": "10.0.0.0/16"}}}}"#,
        );
        assert!(body.attributes.is_empty());
        let [block] = body.blocks.as_slice() else {
            panic!("expected one block: {body:?}");
        };
        assert_eq!(block.labels, [Name::from("aws_vpc"), "main".into()]);
        let names: Vec<&str> = block.body.attributes.iter().map(|a| &*a.name).collect();
        assert_eq!(names, ["cidr_block"]);
    }

    #[test]
    fn variable_default_is_literal() {
        let body = parse(
            r#"{"variable": {"x": {"type": "list(string)",
                                   "default": ["${x}", {"k": "%{if}"}],
                                   "description": "${not.literal}"}}}"#,
        );
        let variable = &body.blocks[0].body;
        let ExprKind::Tuple(items) = &attr(variable, "default").kind else {
            panic!("expected a tuple");
        };
        assert_eq!(string(&items[0]), "${x}");
        let ExprKind::Object(entries) = &items[1].kind else {
            panic!("expected an object");
        };
        assert_eq!(string(&entries[0].1), "%{if}");
        assert_eq!(string(attr(variable, "type")), "list(string)");
        assert!(matches!(
            attr(variable, "description").kind,
            ExprKind::Template(_)
        ));
    }

    #[test]
    fn tfvars_values_are_literal() {
        let body = parse_mode(
            r#"{"//": "c", "region": "${eu}", "n": -1.5e2, "on": true, "none": null,
                "list": ["a", 1], "map": {"k": "${v}"}}"#,
            JsonMode::Literal,
        );
        assert!(body.blocks.is_empty());
        let names: Vec<&str> = body.attributes.iter().map(|a| &*a.name).collect();
        assert_eq!(names, ["region", "n", "on", "none", "list", "map"]);
        assert_eq!(string(attr(&body, "region")), "${eu}");
        assert!(matches!(attr(&body, "n").kind, ExprKind::Number(n) if n == -150.0));
        assert!(matches!(attr(&body, "on").kind, ExprKind::Bool(true)));
        assert!(matches!(attr(&body, "none").kind, ExprKind::Null));
        assert!(matches!(&attr(&body, "list").kind, ExprKind::Tuple(items) if items.len() == 2));
        let ExprKind::Object(entries) = &attr(&body, "map").kind else {
            panic!("expected an object");
        };
        assert_eq!(string(&entries[0].1), "${v}");
    }

    #[test]
    fn tfvars_blocks_names_are_plain_attributes() {
        let body = parse_mode(r#"{"resource": {"a": 1}}"#, JsonMode::Literal);
        assert!(body.blocks.is_empty());
        assert!(matches!(attr(&body, "resource").kind, ExprKind::Object(_)));
    }

    #[test]
    fn syntax_errors_carry_their_offset() {
        let text = r#"{"locals": {"a": 1,}}"#;
        let e = error(text);
        assert_eq!(e.offset, text.find(",}").unwrap(), "{}", e.message);
        assert_eq!(error(r#"{"a": "x" /* no */}"#).offset, 10);
    }

    #[test]
    fn malformed_structure_is_an_error() {
        let text = r#"{"resource": {"aws_s3_bucket": 3}}"#;
        let e = error(text);
        assert_eq!(
            e.message,
            r#"resource type "aws_s3_bucket" must be an object"#
        );
        assert_eq!(e.offset, text.rfind('3').unwrap());
        let e = error(r#"{"resource": {"aws_s3_bucket": {"logs": [1]}}}"#);
        assert_eq!(
            e.message,
            r#"resource "aws_s3_bucket" "logs" must be an object"#
        );
        assert_eq!(
            error(r#"{"locals": "x"}"#).message,
            r#""locals" must be an object"#
        );
        assert_eq!(
            error("[]").message,
            "a JSON configuration file must contain a JSON object"
        );
        assert_eq!(error("").offset, 0);
    }

    #[test]
    fn invalid_template_is_an_error() {
        let text = r#"{"locals": {"a": "${var.}"}}"#;
        let e = error(text);
        assert_eq!(e.offset, text.find(r#""${"#).unwrap());
        assert!(e.message.starts_with("invalid template"), "{}", e.message);
    }

    #[test]
    fn lifecycle_is_a_block_and_tags_an_attribute() {
        let body = parse(
            r#"{"resource": {"aws_s3_bucket": {"logs": {
                "tags": {"env": "prod"},
                "versioning": [{"enabled": true}],
                "lifecycle": {"prevent_destroy": true,
                              "precondition": [{"condition": "${true}"}]},
                "provisioner": [{"local-exec": {"command": "echo",
                                                "connection": {"host": "h"}}}],
                "dynamic": {"rule": {"for_each": "${var.rules}", "content": {"id": "x"}}}}}}}"#,
        );
        let resource = &body.blocks[0].body;
        let attributes: Vec<&str> = resource.attributes.iter().map(|a| &*a.name).collect();
        assert_eq!(attributes, ["tags", "versioning"]);
        assert!(matches!(attr(resource, "tags").kind, ExprKind::Object(_)));
        assert!(matches!(
            attr(resource, "versioning").kind,
            ExprKind::Tuple(_)
        ));
        let lifecycle = resource.blocks_named("lifecycle").next().unwrap();
        assert!(lifecycle.labels.is_empty());
        assert!(lifecycle.body.attribute("prevent_destroy").is_some());
        assert_eq!(lifecycle.body.blocks_named("precondition").count(), 1);
        let provisioner = resource.blocks_named("provisioner").next().unwrap();
        assert_eq!(provisioner.labels, [Name::from("local-exec")]);
        assert_eq!(provisioner.body.blocks_named("connection").count(), 1);
        let dynamic = resource.blocks_named("dynamic").next().unwrap();
        assert_eq!(dynamic.labels, [Name::from("rule")]);
        assert_eq!(dynamic.body.blocks_named("content").count(), 1);
    }

    #[test]
    fn provider_nested_blocks() {
        let body = parse(
            r#"{"provider": {"aws": {"region": "eu-west-3",
                "endpoints": [{"s3": "https://s3.example"}],
                "default_tags": {"tags": {"a": "b"}}}}}"#,
        );
        let provider = &body.blocks[0].body;
        assert_eq!(provider.blocks_named("endpoints").count(), 1);
        assert_eq!(provider.blocks_named("default_tags").count(), 1);
        assert!(matches!(attr(provider, "region").kind, ExprKind::String(_)));
    }
}
