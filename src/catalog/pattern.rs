//! Endpoint patterns: a glob with `*` plus at most one `{region}` capture, compared
//! case-insensitively. Hand-written rather than regex-based because the syntax is tiny and
//! the capture rule (one DNS label) is specific to endpoint hosts.

use std::ops::Range;

#[derive(Clone, Debug)]
pub struct Pattern {
    text: String,
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Literal(String),
    /// `*`: any run of characters, dots included, possibly empty.
    Any,
    /// `{region}`: one or more characters without `.` or `/` (a single host label).
    Region,
}

impl Pattern {
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.is_empty() {
            return Err("empty pattern".to_string());
        }
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = lower.as_str();
        while let Some(c) = rest.chars().next() {
            match c {
                '*' => {
                    flush(&mut literal, &mut pieces);
                    if pieces.last() != Some(&Piece::Any) {
                        pieces.push(Piece::Any);
                    }
                    rest = &rest[1..];
                }
                '{' => {
                    let end = rest
                        .find('}')
                        .ok_or_else(|| format!("unclosed `{{` in pattern `{text}`"))?;
                    let name = &rest[1..end];
                    if name != "region" {
                        return Err(format!(
                            "unknown placeholder `{{{name}}}` in pattern `{text}`: only `{{region}}` is supported"
                        ));
                    }
                    if pieces.contains(&Piece::Region) {
                        return Err(format!("pattern `{text}` has more than one `{{region}}`"));
                    }
                    flush(&mut literal, &mut pieces);
                    pieces.push(Piece::Region);
                    rest = &rest[end + 1..];
                }
                '}' => return Err(format!("unmatched `}}` in pattern `{text}`")),
                _ => {
                    literal.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        flush(&mut literal, &mut pieces);
        Ok(Pattern {
            text: text.trim().to_string(),
            pieces,
        })
    }

    /// The pattern as written in the policy file.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `None` when `text` does not match; otherwise the byte range of the `{region}`
    /// capture, if the pattern has one. Comparison ignores ASCII case, and the range is
    /// valid in `text` itself (ASCII lower-casing keeps byte offsets).
    pub fn captures(&self, text: &str) -> Option<Option<Range<usize>>> {
        let lower = text.to_ascii_lowercase();
        let mut capture = None;
        match_at(&self.pieces, &lower, 0, &mut capture).then_some(capture)
    }
}

fn flush(literal: &mut String, pieces: &mut Vec<Piece>) {
    if !literal.is_empty() {
        pieces.push(Piece::Literal(std::mem::take(literal)));
    }
}

/// Backtracking match; patterns and hosts are short, so the worst case stays small.
fn match_at(pieces: &[Piece], text: &str, pos: usize, capture: &mut Option<Range<usize>>) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return pos == text.len();
    };
    match first {
        Piece::Literal(literal) => {
            text[pos..].starts_with(literal.as_str())
                && match_at(rest, text, pos + literal.len(), capture)
        }
        Piece::Any => (pos..=text.len())
            .filter(|&end| text.is_char_boundary(end))
            .any(|end| match_at(rest, text, end, capture)),
        Piece::Region => {
            let label_end = text[pos..].find(['.', '/']).map_or(text.len(), |i| pos + i);
            (pos + 1..=label_end)
                .filter(|&end| text.is_char_boundary(end))
                .any(|end| {
                    let matched = match_at(rest, text, end, capture);
                    if matched {
                        *capture = Some(pos..end);
                    }
                    matched
                })
        }
    }
}

/// The host named by an endpoint value: a full URL (`https://user@host:5000/v3`), a
/// `host:port`, or a bare host. Lower-cased, without a trailing dot; `None` when empty.
pub fn host_of(value: &str) -> Option<String> {
    let value = value.trim();
    let after_scheme = value.split_once("://").map_or(value, |(_, rest)| rest);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host_port.strip_prefix('[') {
        // IPv6 literal: `[::1]:5000`.
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    let host = host.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}
