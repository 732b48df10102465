//! Property tests (proptest): the readers never panic whatever the text, spans stay
//! within their file, evaluation of any expression ends, fingerprints survive moved lines.

use crate::support::tree;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use souverain::evaluate::{Evaluator, Scope, Value};
use souverain::parse::{Syntax, parse_config};
use souverain::source::{FileId, Span};
use souverain::syntax::{Body, Traverse};

/// Runs a property on a thread with the binary's stack size: the parser recurses once per
/// level of nesting, up to the limits, which a test thread's 2 MiB do not hold in a debug
/// build.
fn check<S: Strategy + 'static>(cases: u32, strategy: fn() -> S, test: fn(S::Value)) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let strategy = strategy();
            let mut runner = TestRunner::new(Config {
                cases,
                failure_persistence: None,
                ..Config::default()
            });
            runner
                .run(&strategy, |value| {
                    test(value);
                    Ok(())
                })
                .unwrap();
        })
        .unwrap()
        .join()
        .unwrap();
}

/// Text made of the native syntax's tokens, so that nesting, strings, heredocs and
/// templates are exercised far more than by random characters.
fn hcl_tokens() -> impl Strategy<Value = String> {
    let tokens = vec![
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        "\"",
        "${",
        "%{",
        "<<EOT\n",
        "\nEOT\n",
        "-",
        "!",
        "?",
        ":",
        "a",
        "=",
        "\n",
        "#",
        ",",
        "1",
        " ",
        "for x in ",
        "if ",
        "endif",
        "\\",
        "/*",
        "*/",
        "//",
        "resource \"aws_s3_bucket\" \"b\" ",
        "local.a",
        "=>",
        "...",
        ".",
        "*",
        "\u{feff}",
        "\r\n",
        "é",
    ];
    prop::collection::vec(prop::sample::select(tokens), 0..300).prop_map(|t| t.concat())
}

fn assert_spans_within(body: &Body, len: u32) {
    for attr in &body.attributes {
        assert!(attr.span.end <= len && attr.span.start <= attr.span.end);
    }
    for block in &body.blocks {
        assert!(block.span.end <= len && block.header.end <= len);
        assert_spans_within(&block.body, len);
    }
}

fn parse_both(text: String) {
    for syntax in [Syntax::Hcl, Syntax::Json] {
        if let Ok(body) = parse_config(FileId(0), &text, syntax) {
            assert_spans_within(&body, text.len() as u32);
        }
        let _ = souverain::parse::parse_tfvars(FileId(0), &text, syntax);
    }
}

#[test]
fn parsing_any_text_never_panics_and_spans_stay_in_the_file() {
    check(1_000, any::<String>, parse_both);
    check(1_000, hcl_tokens, parse_both);
}

/// Answers every reference with an unknown value.
struct Unknowns;

impl Scope for Unknowns {
    fn reference(&self, _: &Evaluator<'_>, root: &str, _: &[Traverse]) -> (Value, usize) {
        (Value::unknown(format!("{root} is not known")), 0)
    }
}

/// Expressions over the built-in functions, operators, `for` and templates.
fn expressions() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        any::<i32>().prop_map(|n| n.to_string()),
        "[a-z\\-]{0,8}".prop_map(|s| format!("\"{s}\"")),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("var.x".to_string()),
        Just("1e308".to_string()),
        Just("-0".to_string()),
    ];
    let functions = vec![
        "length",
        "flatten",
        "concat",
        "merge",
        "lookup",
        "element",
        "join",
        "split",
        "replace",
        "format",
        "formatlist",
        "range",
        "tostring",
        "tonumber",
        "tolist",
        "toset",
        "tomap",
        "jsonencode",
        "jsondecode",
        "yamlencode",
        "keys",
        "values",
        "zipmap",
        "setproduct",
        "distinct",
        "sort",
        "reverse",
        "slice",
        "substr",
        "upper",
        "regex",
        "regexall",
        "cidrsubnet",
        "cidrhost",
        "try",
        "can",
        "coalesce",
        "one",
        "max",
        "min",
        "pow",
        "log",
        "floor",
        "abs",
        "base64decode",
        "indent",
        "chunklist",
        "transpose",
        "sum",
        "strrev",
        "title",
        "trimspace",
        "startswith",
        "alltrue",
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| {
                let entries: Vec<String> = v
                    .iter()
                    .enumerate()
                    .map(|(i, e)| format!("k{i} = {e}"))
                    .collect();
                format!("{{ {} }}", entries.join(", "))
            }),
            (
                prop::sample::select(functions.clone()),
                prop::collection::vec(inner.clone(), 0..4)
            )
                .prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            (
                inner.clone(),
                prop::sample::select(vec!["+", "-", "*", "/", "%", "==", "<", "&&", "||"]),
                inner.clone()
            )
                .prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(c, a, b)| format!("({c} ? {a} : {b})")),
            (inner.clone(), inner.clone()).prop_map(|(c, v)| format!("[for x in {c} : {v}]")),
            (inner.clone(), inner.clone())
                .prop_map(|(c, v)| format!("{{ for k, x in {c} : tostring(k) => {v}... }}")),
            inner
                .clone()
                .prop_map(|e| format!("\"a${{{e}}}%{{ for x in [1, 2] }}b%{{ endfor }}\"")),
            (inner.clone(), any::<u8>()).prop_map(|(e, i)| format!("{e}[{i}]")),
            inner.prop_map(|e| format!("{e}[*].k0")),
        ]
    })
}

#[test]
fn evaluating_any_expression_ends_without_panic() {
    check(1_000, expressions, |text| {
        let span = Span::new(FileId(0), 0..0);
        if let Ok(expr) = souverain::parse::hcl::parse_expr(FileId(0), &text, span) {
            let value = Evaluator::new(&Unknowns).eval(&expr);
            // Rendering it must end too (evidence notes do).
            let _ = value.to_string();
        }
    });
}

/// Lines that look like suppression comments, and some that nearly do.
fn comments() -> impl Strategy<Value = String> {
    let line = "[ -~]{0,20}(souverain:ignore)?[ A-Z0-9,=\\-:]{0,40}(--)?[ -~é]{0,20}\n?";
    prop::collection::vec(line, 0..6).prop_map(|lines| lines.concat())
}

#[test]
fn suppression_comments_and_baselines_never_panic() {
    check(
        2_000,
        || (comments(), any::<u16>(), any::<u16>()),
        |(text, a, b)| {
            let len = text.len();
            let (a, b) = (a as usize % (len + 1), b as usize % (len + 1));
            let block = Span::new(FileId(0), a.min(b)..a.max(b));
            for json in [false, true] {
                let _ = souverain::suppress::block_suppressions(FileId(0), &text, block, json);
            }
        },
    );
    check(500, any::<String>, |text| {
        let _ = souverain::check::baseline::Baseline::parse(&text);
    });
}

#[test]
fn fingerprints_survive_moved_lines() {
    check(
        4,
        || (0usize..20, "[a-z ]{0,30}"),
        |(blank, comment)| {
            let base = crate::HEALTHY.to_string();
            let moved = format!("# {comment}\n{}{base}", "\n".repeat(blank));
            let fingerprints = |text: &str| {
                let dir = tree(&[("main.tf", text)]);
                let run = crate::souverain(dir.path(), &["check", ".", "--format", "sarif"], &[]);
                let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
                doc["runs"][0]["results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["partialFingerprints"].clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(fingerprints(&base), fingerprints(&moved));
        },
    );
}
