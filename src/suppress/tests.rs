use super::*;

const FILE: FileId = FileId(3);

/// The suppressions of the block that starts at the first `marker` and runs to the end.
fn at(text: &str, marker: &str, json: bool) -> Vec<Suppression> {
    let start = text.find(marker).expect("marker in text");
    block_suppressions(FILE, text, Span::new(FILE, start..text.len()), json)
}

fn hcl(text: &str) -> Vec<Suppression> {
    at(text, "resource", false)
}

fn snippet(text: &str, span: Span) -> &str {
    assert_eq!(span.file, FILE);
    &text[span.start as usize..span.end as usize]
}

#[test]
fn comment_above_the_block() {
    let text = "variable \"x\" {}\n\n# souverain:ignore SOV001 -- archived data, read-only\nresource \"aws_s3_bucket\" \"b\" {\n}\n";
    let found = hcl(text);
    assert_eq!(
        found,
        [Suppression {
            rules: vec!["SOV001".into()],
            until: None,
            reason: Some("archived data, read-only".into()),
            span: Span::new(FILE, 17..70),
            problem: None,
        }]
    );
    assert_eq!(
        snippet(text, found[0].span),
        "# souverain:ignore SOV001 -- archived data, read-only"
    );
}

#[test]
fn several_rules_and_until() {
    let text = "# souverain:ignore SOV001,SOV002 until=2027-06-30 -- migration planned\nresource \"a\" \"b\" {}";
    let [found] = hcl(text).try_into().unwrap();
    assert_eq!(found.rules, ["SOV001", "SOV002"]);
    assert_eq!(found.until.as_deref(), Some("2027-06-30"));
    assert_eq!(found.reason.as_deref(), Some("migration planned"));
    assert_eq!(found.problem, None);

    let spaced = "# souverain:ignore SOV001, SOV002 SOV001 -- r\nresource \"a\" \"b\" {}";
    assert_eq!(hcl(spaced)[0].rules, ["SOV001", "SOV002"]);
}

#[test]
fn contiguous_comment_lines_all_count() {
    let text = "# souverain:ignore SOV001 -- one\n  // an ordinary comment\n/* souverain:ignore SOV003\n   -- spans\n   lines */\n# souverain:ignore SOV002 -- two\nresource \"a\" \"b\" {}";
    let found = hcl(text);
    let rules: Vec<_> = found.iter().map(|s| s.rules.join(",")).collect();
    assert_eq!(rules, ["SOV001", "SOV003", "SOV002"]);
    assert_eq!(found[1].reason.as_deref(), Some("spans lines"));
    assert!(snippet(text, found[1].span).starts_with("/* souverain"));
    assert!(snippet(text, found[1].span).ends_with("lines */"));
}

#[test]
fn blank_line_or_code_breaks_the_attachment() {
    let blank = "# souverain:ignore SOV001 -- r\n\nresource \"a\" \"b\" {}";
    assert!(hcl(blank).is_empty());
    let blank_with_spaces = "# souverain:ignore SOV001 -- r\n   \t\nresource \"a\" \"b\" {}";
    assert!(hcl(blank_with_spaces).is_empty());
    let code = "# souverain:ignore SOV001 -- r\nlocals {}\nresource \"a\" \"b\" {}";
    assert!(hcl(code).is_empty());
    let trailing = "locals {} # souverain:ignore SOV001 -- r\nresource \"a\" \"b\" {}";
    assert!(hcl(trailing).is_empty());
    let after_code = "x = 1 /* souverain:ignore SOV001 -- r */\nresource \"a\" \"b\" {}";
    assert!(hcl(after_code).is_empty());
}

#[test]
fn comment_on_the_first_line() {
    for (text, comment) in [
        (
            "resource \"a\" \"b\" { # souverain:ignore SOV004 -- r\n}",
            "# souverain:ignore SOV004 -- r",
        ),
        (
            "resource \"a\" \"b\" { // souverain:ignore SOV004 -- r  \n}",
            "// souverain:ignore SOV004 -- r",
        ),
        (
            "resource \"a\" \"b\" { /* souverain:ignore SOV004 -- r */ x = 1\n}",
            "/* souverain:ignore SOV004 -- r */",
        ),
        (
            "resource \"a\" \"b\" { x = \"#{\" } # souverain:ignore SOV004 -- r",
            "# souverain:ignore SOV004 -- r",
        ),
        (
            "resource \"a\" \"b\" { x = \"${\"#\"}\" } # souverain:ignore SOV004 -- r",
            "# souverain:ignore SOV004 -- r",
        ),
    ] {
        let found = hcl(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].rules, ["SOV004"]);
        assert_eq!(snippet(text, found[0].span), comment);
    }
    // Before the `{`, inside a label, or on a later line: not the first line's comment.
    assert!(hcl("resource \"a#souverain:ignore SOV001\" \"b\" {\n}").is_empty());
    assert!(hcl("resource \"a\" \"b\" {\n  # souverain:ignore SOV001 -- r\n}").is_empty());
}

#[test]
fn nested_block_sees_its_own_comments() {
    let text = "resource \"a\" \"b\" {\n  # souverain:ignore SOV005 -- r\n  rule {\n  }\n}";
    let found = at(text, "rule", false);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rules, ["SOV005"]);
    assert_eq!(
        snippet(text, found[0].span),
        "# souverain:ignore SOV005 -- r"
    );
}

#[test]
fn missing_or_empty_reason_is_not_a_problem() {
    for text in [
        "# souverain:ignore SOV001\nresource \"a\" \"b\" {}",
        "# souverain:ignore SOV001 --   \nresource \"a\" \"b\" {}",
    ] {
        let [found] = hcl(text).try_into().unwrap();
        assert_eq!(found.rules, ["SOV001"]);
        assert_eq!(found.reason, None);
        assert_eq!(found.problem, None);
    }
}

#[test]
fn malformed_directives_are_reported() {
    for (comment, problem) in [
        (
            "souverain:ignor SOV001 -- r",
            "unknown directive `souverain:ignor`",
        ),
        (
            "Souverain:ignore SOV001 -- r",
            "unknown directive `Souverain:ignore`",
        ),
        (
            "souverain: ignore SOV001 -- r",
            "unknown directive `souverain:`",
        ),
        ("souverain:ignore -- r", "missing rule list"),
        ("souverain:ignore", "missing rule list"),
        ("souverain:ignore SOV1 -- r", "`SOV1` is not a rule id"),
        (
            "souverain:ignore SOV001,sov002 -- r",
            "`sov002` is not a rule id",
        ),
        (
            "souverain:ignore SOV001 until=2027-13-01 -- r",
            "until=\"2027-13-01\"",
        ),
        (
            "souverain:ignore SOV001 until=30/06/2027 -- r",
            "expected an ISO date",
        ),
        (
            "souverain:ignore SOV001 until=2027-0é-1 -- r",
            "expected an ISO date",
        ),
        (
            "souverain:ignore SOV001 until= 2027-06-30 -- r",
            "expected an ISO date",
        ),
        (
            "souverain:ignore SOV001 until 2027-06-30 -- r",
            "write `until=YYYY-MM-DD`",
        ),
        (
            "souverain:ignore SOV001 until=2027-06-30 until=2027-07-01",
            "given twice",
        ),
        (
            "souverain:ignore until=2027-06-30 SOV001 -- r",
            "after `until=`",
        ),
    ] {
        let text = format!("# {comment}\nresource \"a\" \"b\" {{}}");
        let found = hcl(&text);
        assert_eq!(found.len(), 1, "{comment}");
        let message = found[0].problem.as_deref().unwrap_or_default();
        assert!(message.contains(problem), "{comment}: {message}");
        assert_eq!(snippet(&text, found[0].span), format!("# {comment}"));
    }
}

#[test]
fn ordinary_comments_are_ignored() {
    let text =
        "# souverain checks this bucket\n# see souverain:ignore docs\nresource \"a\" \"b\" {}";
    assert!(hcl(text).is_empty());
}

#[test]
fn crlf_line_endings() {
    let text = "locals {}\r\n\r\n# souverain:ignore SOV001 -- r\r\n// souverain:ignore SOV002 -- s\r\nresource \"a\" \"b\" { # souverain:ignore SOV003 -- t\r\n}\r\n";
    let found = hcl(text);
    let rules: Vec<_> = found.iter().map(|s| s.rules.join(",")).collect();
    assert_eq!(rules, ["SOV001", "SOV002", "SOV003"]);
    assert_eq!(found[0].reason.as_deref(), Some("r"));
    assert_eq!(
        snippet(text, found[0].span),
        "# souverain:ignore SOV001 -- r"
    );
    assert_eq!(
        snippet(text, found[2].span),
        "# souverain:ignore SOV003 -- t"
    );

    let blank = "# souverain:ignore SOV001 -- r\r\n\r\nresource \"a\" \"b\" {}";
    assert!(hcl(blank).is_empty());
}

#[test]
fn non_ascii_text() {
    let text = "# souverain:ignore SOV001 -- données archivées, « lecture seule »\nresource \"é\" \"b\" { # souverain:ignore SOV002 -- ☕\n}";
    let found = hcl(text);
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[0].reason.as_deref(),
        Some("données archivées, « lecture seule »")
    );
    assert_eq!(found[1].reason.as_deref(), Some("☕"));
}

#[test]
fn json_comment_property() {
    let text = r#"{
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "//": "souverain:ignore SOV001,SOV002 until=2027-06-30 -- \"legacy\" bucket",
        "bucket": "logs",
        "tags": { "//": "souverain:ignore SOV003 -- nested object, not this block" },
        "list": ["//", "souverain:ignore SOV004 -- array element"]
      }
    }
  }
}"#;
    let found = at(text, "\"logs\"", true);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rules, ["SOV001", "SOV002"]);
    assert_eq!(found[0].until.as_deref(), Some("2027-06-30"));
    assert_eq!(found[0].reason.as_deref(), Some("\"legacy\" bucket"));
    assert_eq!(
        snippet(text, found[0].span),
        r#""souverain:ignore SOV001,SOV002 until=2027-06-30 -- \"legacy\" bucket""#
    );
}

#[test]
fn json_other_comments_and_values() {
    let text = r#"{"resource": [{"a": {"b": [{"//": "an ordinary note", "x": "//", "y": "souverain:ignore SOV009", "//": "souverain:ignre SOV001 -- r"}]}}]}"#;
    let found = at(text, "[{\"//\"", true);
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .problem
            .as_deref()
            .unwrap()
            .contains("souverain:ignre")
    );
    // HCL comment syntax means nothing in JSON.
    let hash = "{\n# souverain:ignore SOV001 -- r\n\"a\": {}}";
    assert!(at(hash, "\"a\"", true).is_empty());
}

#[test]
fn never_panics_on_odd_spans() {
    let texts = [
        "",
        "résumé",
        "# souverain:ignore SOV001 -- r",
        "resource \"a\" \"b\" {",
        "/* souverain:ignore SOV001 -- unterminated",
        "*/\nresource {}",
        "/*/\nresource {}",
        "x { /* souverain:ignore SOV001",
        "{\"//\": \"souverain:ignore SOV001 -- r",
        "{\"//\"",
        "\"é\\",
        "\r\n\r\n",
        "}}}]]",
    ];
    for text in texts {
        for json in [false, true] {
            for start in 0..=text.len() + 2 {
                for end in [start, text.len(), text.len() + 5] {
                    let span = Span {
                        file: FILE,
                        start: start as u32,
                        end: end as u32,
                    };
                    block_suppressions(FILE, text, span, json);
                }
            }
        }
    }
    // A block at the very start of the file has nothing above it.
    let start = "resource \"a\" \"b\" { # souverain:ignore SOV001 -- r\n}";
    assert_eq!(hcl(start).len(), 1);
    // A span past the end of the text still sees the comments of the last line.
    let past = "# souverain:ignore SOV001 -- r\n";
    let span = Span {
        file: FILE,
        start: 100,
        end: 200,
    };
    assert_eq!(block_suppressions(FILE, past, span, false).len(), 1);
}
