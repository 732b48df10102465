//! Inline suppressions: `# souverain:ignore SOV001 -- reason` above a block (or on its
//! first line, after the `{`) silences the listed rules for that block.
//!
//! Suppressions are read from the text rather than from the syntax tree because neither
//! HCL parser keeps comments where the checks could find them. The scan is deliberately
//! small and line-based: it only looks at the lines directly above a block, its first
//! line, and (in JSON) the block's `"//"` properties.
//!
//! A comment that starts with `souverain:` but is not a well-formed ignore is returned with
//! [`Suppression::problem`] set rather than dropped, so a typo is reported instead of
//! leaving a finding unexpectedly silenced, or unexpectedly not.

#[cfg(test)]
mod tests;

use crate::catalog::check_date;
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
    let mut below = text[..block_start].rfind('\n').map_or(0, |i| i + 1);
    while below > 0 {
        let line_end = below - 1;
        let line_start = text[..line_end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start..line_end];
        let content = line.trim();
        if content.is_empty() {
            break;
        }
        let from = line_start + (line.len() - line.trim_start().len());
        let to = line_start + line.trim_end().len();
        if let Some(body) = content
            .strip_prefix('#')
            .or_else(|| content.strip_prefix("//"))
        {
            comments.push(Comment {
                range: from..to,
                body: body.to_string(),
            });
            below = line_start;
        } else if content.ends_with("*/") {
            // The `/*` that opens it must begin its own line.
            let Some(open) = text[..to - 2].rfind("/*") else {
                break;
            };
            let open_line = text[..open].rfind('\n').map_or(0, |i| i + 1);
            if !text[open_line..open].trim().is_empty() {
                break;
            }
            comments.push(Comment {
                range: open..to,
                body: text[open + 2..to - 2].to_string(),
            });
            below = open_line;
        } else {
            break;
        }
    }
    comments.reverse();
    comments
}

/// A comment after the `{` on the block's first line.
fn first_line_comment(text: &str, block_start: usize) -> Option<Comment> {
    let line_end = text[block_start..]
        .find('\n')
        .map_or(text.len(), |i| block_start + i);
    let bytes = text.as_bytes();
    let mut i = block_start;
    let mut opened = false;
    while i < line_end {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i, line_end),
            b'{' => {
                opened = true;
                i += 1;
            }
            b'#' if opened => return Some(line_comment(text, i, 1, line_end)),
            b'/' if opened && bytes.get(i + 1) == Some(&b'/') => {
                return Some(line_comment(text, i, 2, line_end));
            }
            b'/' if opened && bytes.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").map(|j| i + 2 + j);
                return Some(match end {
                    Some(end) => Comment {
                        range: i..end + 2,
                        body: text[i + 2..end].to_string(),
                    },
                    None => line_comment(text, i, 2, line_end),
                });
            }
            _ => i += 1,
        }
    }
    None
}

/// A `#` or `//` comment (`marker` bytes long) from `start` to the end of the line.
fn line_comment(text: &str, start: usize, marker: usize, line_end: usize) -> Comment {
    let end = start + text[start..line_end].trim_end().len();
    Comment {
        range: start..end,
        body: text[start + marker..end].to_string(),
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
