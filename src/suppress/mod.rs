//! Inline suppressions: `# souverain:ignore SOV001 -- reason` above a block (or on its
//! first line, after the `{`) silences the listed rules for that block.
//!
//! Suppressions are read from the text rather than from the syntax tree because neither
//! HCL parser keeps comments where the checks could find them. The scan is deliberately
//! small and line-based: it only looks at the lines directly above a block, its first
//! line, and (in JSON) the block's `"//"` properties. Native comments are recognised by
//! the [shared lexer](crate::parse::lexer); JSON is read as JSON.
//!
//! A comment that starts with `souverain:` but is not a well-formed ignore is returned with
//! [`Suppression::problem`] set rather than dropped, so a typo is reported instead of
//! leaving a finding unexpectedly silenced, or unexpectedly not.

#[cfg(test)]
mod tests;

use crate::catalog::check_date;
use crate::parse::lexer::{Kind, Lexer, Token, comment_at};
use crate::settings::is_rule_id;
use crate::source::{FileId, Span};
use std::ops::Range;

/// One `souverain:` comment attached to a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// Rule ids in the order written, without duplicates; well-formed (`SOV` and three
    /// digits) but not checked against the registry.
    pub rules: Vec<String>,
    /// `until=YYYY-MM-DD`: the last day the suppression applies.
    pub until: Option<String>,
    /// The text after `--`, whitespace collapsed; `None` when missing or empty, which the
    /// caller reports (a suppression must say why).
    pub reason: Option<String>,
    /// The comment (for JSON, the `"//"` value's string literal).
    pub span: Span,
    /// Why the comment is malformed; such a suppression silences nothing.
    pub problem: Option<String>,
}

/// Suppressions attached to the block whose full span is `block` in `file` (`text` is the
/// file's text; `json`: whether the file uses JSON syntax), in text order.
pub fn block_suppressions(file: FileId, text: &str, block: Span, json: bool) -> Vec<Suppression> {
    let start = floor_boundary(text, block.start as usize);
    let comments = if json {
        let end = floor_boundary(text, block.end as usize).max(start);
        json_comments(text, start, end)
    } else {
        let mut comments = comments_above(text, start);
        comments.extend(first_line_comment(text, start));
        comments
    };
    comments
        .into_iter()
        .filter_map(|comment| parse(&comment.body, Span::new(file, comment.range)))
        .collect()
}

/// A comment's location and its text without the comment markers.
struct Comment {
    range: Range<usize>,
    body: String,
}

/// The largest char boundary at or before `offset`, within the text: spans come from
/// elsewhere and must not make slicing panic.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The comments on the contiguous comment lines directly above the line where the block
/// starts; a blank line or a line of code ends them.
fn comments_above(text: &str, block_start: usize) -> Vec<Comment> {
    let mut comments = Vec::new();
    // Start of the line below the one examined.
    let mut below = start_of_line(text, block_start);
    while below > 0 {
        let line_end = below - 1;
        let line_start = start_of_line(text, line_end);
        let line = &text[line_start..line_end];
        let from = line_start + (line.len() - line.trim_start().len());
        let to = line_start + line.trim_end().len();
        let found = match comment_at(text, from) {
            // A line comment runs to the end of the line; a block comment must end there.
            Some(token)
                if token.kind == Kind::LineComment || (token.kind == CLOSED && token.end == to) =>
            {
                Some(token)
            }
            // The end of a block comment that opens on a line of its own.
            _ if line.trim().ends_with("*/") => text[..to - 2]
                .rfind("/*")
                .filter(|&open| text[start_of_line(text, open)..open].trim().is_empty())
                .and_then(|open| comment_at(text, open))
                .filter(|token| token.end == to && token.kind == CLOSED),
            _ => None,
        };
        let Some(token) = found else {
            break;
        };
        comments.push(comment(text, token, to));
        below = start_of_line(text, token.start);
    }
    comments.reverse();
    comments
}

const CLOSED: Kind = Kind::BlockComment { closed: true };

/// The start of the line holding `offset`.
fn start_of_line(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// A comment after the `{` on the block's first line.
fn first_line_comment(text: &str, block_start: usize) -> Option<Comment> {
    let line_end = text[block_start..]
        .find('\n')
        .map_or(text.len(), |i| block_start + i);
    let mut lexer = Lexer::starting_at(text, block_start);
    let mut opened = false;
    while let Some(token) = lexer.next() {
        // Tokens inside strings (those of their interpolations too) do not count.
        let in_code = lexer.nesting() == 0;
        match token.kind {
            _ if token.start >= line_end => return None,
            Kind::Open if in_code && text.as_bytes()[token.start] == b'{' => opened = true,
            CLOSED if in_code && opened => return Some(comment(text, token, token.end)),
            // An unterminated block comment counts up to the end of the line.
            Kind::LineComment | Kind::BlockComment { .. } if in_code && opened => {
                let end = token.start + text[token.start..line_end].trim_end().len();
                return Some(comment(text, token, end));
            }
            _ => {}
        }
    }
    None
}

/// The comment `token` up to `end` (its text without trailing spaces), its body without
/// the comment markers.
fn comment(text: &str, token: Token, end: usize) -> Comment {
    let (open, close) = match token.kind {
        CLOSED => (2, 2),
        _ if text[token.start..].starts_with('#') => (1, 0),
        _ => (2, 0),
    };
    Comment {
        range: token.start..end,
        body: text[token.start + open..end - close].to_string(),
    }
}

/// The offset after the string literal opening at `open` (or `limit` if unterminated).
fn skip_string(bytes: &[u8], open: usize, limit: usize) -> usize {
    let mut i = open + 1;
    while i < limit {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    limit
}

/// The string values of the `"//"` properties of the block's object: the first `{` at
/// or after `start` (the block span may begin at the property naming the block).
fn json_comments(text: &str, start: usize, end: usize) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut i = start;
    while i < end && bytes[i] != b'{' {
        i = if bytes[i] == b'"' {
            skip_string(bytes, i, end)
        } else {
            i + 1
        };
    }
    let mut depth = 0usize;
    let mut expect_key = true;
    let mut comment_value = false;
    while i < end {
        match bytes[i] {
            b'"' => {
                let literal = i..skip_string(bytes, i, end);
                i = literal.end;
                if depth != 1 {
                    continue;
                }
                let value: Option<String> = serde_json::from_str(&text[literal.clone()]).ok();
                if expect_key {
                    comment_value = value.as_deref() == Some("//");
                    expect_key = false;
                } else if std::mem::take(&mut comment_value) {
                    comments.extend(value.map(|body| Comment {
                        range: literal,
                        body,
                    }));
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => {
                expect_key = true;
                comment_value = false;
            }
            _ => {}
        }
        i += 1;
    }
    comments
}

/// The suppression a comment body stands for; `None` for an ordinary comment.
fn parse(body: &str, span: Span) -> Option<Suppression> {
    let body = body.trim();
    let prefix = body.get(..10)?;
    if !prefix.eq_ignore_ascii_case("souverain:") {
        return None;
    }
    let (head, reason) = match body.split_once("--") {
        Some((head, reason)) => (head, Some(reason)),
        None => (body, None),
    };
    let reason = reason
        .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|r| !r.is_empty());
    let mut suppression = Suppression {
        rules: Vec::new(),
        until: None,
        reason,
        span,
        problem: None,
    };
    if let Err(problem) = parse_head(head, &mut suppression) {
        suppression.problem = Some(problem);
    }
    Some(suppression)
}

/// `souverain:ignore RULES [until=DATE]`, filling `suppression` as far as it is valid.
fn parse_head(head: &str, suppression: &mut Suppression) -> Result<(), String> {
    const USAGE: &str = "expected `souverain:ignore SOV001[,SOV002] [until=YYYY-MM-DD] -- reason`";
    let mut words = head.split_whitespace();
    let directive = words.next().unwrap_or_default();
    if directive != "souverain:ignore" {
        return Err(format!("unknown directive `{directive}`: {USAGE}"));
    }
    for word in words {
        if let Some(date) = word.strip_prefix("until=") {
            if suppression.until.is_some() {
                return Err("`until=` is given twice".to_string());
            }
            check_date(date).map_err(|e| format!("until={e}"))?;
            suppression.until = Some(date.to_string());
        } else if word.starts_with("until") {
            return Err(format!(
                "`{word}`: write `until=YYYY-MM-DD`, without spaces"
            ));
        } else if suppression.until.is_some() {
            return Err(format!("`{word}` after `until=`: {USAGE}"));
        } else {
            for id in word.split(',').filter(|id| !id.is_empty()) {
                if !is_rule_id(id) {
                    return Err(format!(
                        "`{id}` is not a rule id: expected SOV followed by three digits, like SOV001"
                    ));
                }
                if !suppression.rules.iter().any(|r| r == id) {
                    suppression.rules.push(id.to_string());
                }
            }
        }
    }
    if suppression.rules.is_empty() {
        return Err(format!("missing rule list: {USAGE}"));
    }
    Ok(())
}
