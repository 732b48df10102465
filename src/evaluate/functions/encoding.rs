//! Encodings: Terraform's JSON writer (shared with `format`'s `%v` and `%q`) and
//! `urlencode`.

use std::fmt::Write as _;

use crate::evaluate::Value;

/// Terraform's JSON: compact, object keys sorted, and Go's HTML-safe escaping of
/// `<`, `>`, `&`, U+2028 and U+2029.
pub(super) fn write_json(v: &Value, out: &mut String) -> Result<(), String> {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if n.is_finite() => {
            let _ = write!(out, "{n}");
        }
        Value::Number(n) => return Err(format!("{n} cannot be represented in JSON")),
        Value::String(s) => write_json_string(s, out),
        Value::List(items) | Value::Set(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out)?;
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(k, out);
                out.push(':');
                write_json(item, out)?;
            }
            out.push('}');
        }
        Value::Unknown(u) => return Err(u.reason.to_string()),
    }
    Ok(())
}

pub(super) fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's `url.QueryEscape`: spaces become `+`, unreserved bytes stay.
pub(super) fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::evaluate::Value;

    #[test]
    fn encodings() {
        let doc = m(&[
            ("b", l(&[n(1.0), n(1.5), Value::Bool(true), Value::Null])),
            ("a", s("<x>&\n")),
        ]);
        let json = r#"{"a":"\u003cx\u003e\u0026\n","b":[1,1.5,true,null]}"#;
        check(vec![
            ("jsonencode", vec![doc.clone()], Is(s(json))),
            ("jsonencode", vec![l(&[unk()])], Unknown("var.x")),
            ("jsondecode", vec![s(json)], Is(doc)),
            ("jsondecode", vec![s("{")], Error("jsondecode")),
            ("base64encode", vec![s("héllo")], Is(s("aMOpbGxv"))),
            ("base64decode", vec![s("aMOp\nbGxv")], Is(s("héllo"))),
            ("base64decode", vec![s("!!")], Error("base64")),
            ("base64decode", vec![s("/w==")], Error("UTF-8")),
            ("urlencode", vec![s("a b&c/é~")], Is(s("a+b%26c%2F%C3%A9~"))),
        ]);
    }
}
