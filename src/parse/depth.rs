//! A bound on how deeply the native syntax nests, checked before hcl-edit parses it.
//!
//! hcl-edit's parser, the lowering into [`crate::syntax`] and the dropping of both trees
//! recurse once per level of nesting: brackets, but also unary operators (`- - - 1`),
//! conditionals (`a ? b : c ? d : …`), operator chains and template directives. A few
//! hundred thousand levels overflow any stack, so hostile input is measured first by a
//! small scanner that knows strings, heredocs, interpolations and comments. It may count
//! more than the parser nests (an operator inside an identifier such as `my-bucket`),
//! never less, so that whatever it accepts parses within the stack.

use super::SyntaxError;

/// Deepest bracket nesting a file may have (interpolations `${…}` count as brackets).
/// Real configurations nest a few levels.
pub const MAX_NESTING: usize = 128;

/// Most levels of nesting of any kind along one path: brackets, strings, operators and
/// conditionals of one expression, template directives.
pub const MAX_EXPRESSION_DEPTH: usize = 1_000;

/// What the text is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A file: attributes and blocks, one item a line.
    Body,
    /// One expression (a `--var` value, a JSON string Terraform reads as an expression).
    Expr,
    /// A template (a JSON string value).
    Template,
}

enum Frame {
    /// Code: an expression, a block body, inside brackets or an interpolation.
    Code {
        /// The closing byte; 0 for the outermost frame.
        closer: u8,
        /// Whether a newline ends an item: block bodies and object literals, whose
        /// values end at the end of the line (not `for` objects).
        newline_ends_item: bool,
        /// Operators and conditionals since the item began.
        ops: usize,
    },
    /// A template: a quoted string, a heredoc (ending at a line holding only `tag`), or a
    /// whole text (`tag` empty, no end).
    Template {
        quoted: bool,
        tag: Vec<u8>,
        /// Open `%{if}` and `%{for}` directives.
        directives: usize,
    },
}

impl Frame {
    fn weight(&self) -> usize {
        1 + match self {
            Frame::Code { ops, .. } => *ops,
            Frame::Template { directives, .. } => *directives,
        }
    }
}

/// Rejects text that nests deeper than [`MAX_NESTING`] brackets or
/// [`MAX_EXPRESSION_DEPTH`] levels of any kind.
pub fn check_depth(text: &str, start: Start) -> Result<(), SyntaxError> {
    let bytes = text.as_bytes();
    let mut frames = vec![match start {
        Start::Body | Start::Expr => Frame::Code {
            closer: 0,
            newline_ends_item: start == Start::Body,
            ops: 0,
        },
        Start::Template => Frame::Template {
            quoted: false,
            tag: Vec::new(),
            directives: 0,
        },
    }];
    let mut depth = 1;
    let mut brackets = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let at = |s: &[u8]| bytes[i..].starts_with(s);
        let line_start = i == 0 || bytes[i - 1] == b'\n';
        let top = frames.len() - 1;
        match &mut frames[top] {
            Frame::Code {
                closer,
                newline_ends_item,
                ops,
            } => match byte {
                b'#' => i = end_of_line(bytes, i) - 1,
                b'/' if at(b"//") => i = end_of_line(bytes, i) - 1,
                b'/' if at(b"/*") => {
                    i = find(bytes, i + 2, b"*/").map_or(bytes.len(), |end| end + 1);
                }
                b'"' => {
                    frames.push(Frame::Template {
                        quoted: true,
                        tag: Vec::new(),
                        directives: 0,
                    });
                    depth += 1;
                }
                b'<' if at(b"<<") && heredoc(bytes, i).is_some() => {
                    let (tag, body) = heredoc(bytes, i).unwrap_or_default();
                    frames.push(Frame::Template {
                        quoted: false,
                        tag,
                        directives: 0,
                    });
                    depth += 1;
                    i = body - 1;
                }
                b'(' | b'[' | b'{' => {
                    let newline_ends_item = byte == b'{' && !starts_for(bytes, i + 1);
                    frames.push(Frame::Code {
                        closer: matching(byte),
                        newline_ends_item,
                        ops: 0,
                    });
                    depth += 1;
                    brackets += 1;
                }
                b')' | b']' | b'}' if *closer != 0 => {
                    // A mismatched closer is the parser's to report; it nests no deeper.
                    depth -= frames.pop().map_or(0, |f| f.weight());
                    brackets -= 1;
                }
                b',' => {
                    depth -= std::mem::take(ops);
                }
                b'\n' if *newline_ends_item => {
                    depth -= std::mem::take(ops);
                }
                b'?' | b'!' | b'-' | b'+' | b'*' | b'/' | b'%' | b'&' | b'|' | b'<' | b'>' => {
                    *ops += 1;
                    depth += 1;
                }
                _ => {}
            },
            Frame::Template {
                quoted,
                tag,
                directives,
            } => {
                if !*quoted && !tag.is_empty() && line_start && closes_heredoc(bytes, i, tag) {
                    depth -= frames.pop().map_or(0, |f| f.weight());
                    continue;
                }
                match byte {
                    b'\\' if *quoted => i += 1,
                    b'"' if *quoted => {
                        depth -= frames.pop().map_or(0, |f| f.weight());
                    }
                    b'$' | b'%' if at(b"$${") || at(b"%%{") => i += 2,
                    b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                        if byte == b'%' {
                            match directive_keyword(bytes, i + 2) {
                                Some(b"if" | b"for") => {
                                    *directives += 1;
                                    depth += 1;
                                }
                                Some(b"endif" | b"endfor") if *directives > 0 => {
                                    *directives -= 1;
                                    depth -= 1;
                                }
                                _ => {}
                            }
                        }
                        frames.push(Frame::Code {
                            closer: b'}',
                            newline_ends_item: false,
                            ops: 0,
                        });
                        depth += 1;
                        brackets += 1;
                        i += 1;
                    }
                    _ => {}
                }
            }
        }
        if brackets > MAX_NESTING {
            return Err(SyntaxError {
                offset: i,
                message: format!(
                    "brackets nest deeper than {MAX_NESTING} levels; souverain does not parse this file"
                ),
            });
        }
        if depth > MAX_EXPRESSION_DEPTH {
            return Err(SyntaxError {
                offset: i,
                message: format!(
                    "expressions nest deeper than {MAX_EXPRESSION_DEPTH} levels (brackets, operators, conditionals, template directives); souverain does not parse this file"
                ),
            });
        }
        i += 1;
    }
    Ok(())
}

fn matching(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// The offset of the newline ending the line at `i` (or the end of the text).
fn end_of_line(bytes: &[u8], i: usize) -> usize {
    find(bytes, i, b"\n").unwrap_or(bytes.len())
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// `<<TAG` or `<<-TAG` then the end of the line: the tag and the offset its body starts at.
fn heredoc(bytes: &[u8], i: usize) -> Option<(Vec<u8>, usize)> {
    let mut j = i + 2;
    if bytes.get(j) == Some(&b'-') {
        j += 1;
    }
    let tag_start = j;
    while bytes.get(j).is_some_and(|b| is_ident(*b)) {
        j += 1;
    }
    let tag = bytes[tag_start..j].to_vec();
    let rest = &bytes[j..end_of_line(bytes, j)];
    let blank = rest.iter().all(|b| b.is_ascii_whitespace());
    (!tag.is_empty() && blank && j + rest.len() < bytes.len()).then(|| (tag, j + rest.len() + 1))
}

/// Whether the line at `i` holds only the heredoc's closing `tag`.
fn closes_heredoc(bytes: &[u8], i: usize, tag: &[u8]) -> bool {
    let line = &bytes[i..end_of_line(bytes, i)];
    line.trim_ascii() == tag
}

/// Whether the object opening before `i` is a `for` expression.
fn starts_for(bytes: &[u8], i: usize) -> bool {
    let rest = bytes[i..].trim_ascii_start();
    rest.starts_with(b"for") && !rest.get(3).is_some_and(|b| is_ident(*b))
}

/// The keyword of the directive whose body starts at `i` (after `%{`, a `~` and spaces).
fn directive_keyword(bytes: &[u8], i: usize) -> Option<&[u8]> {
    let rest = bytes.get(i..)?;
    let rest = rest.strip_prefix(b"~").unwrap_or(rest).trim_ascii_start();
    let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    Some(&rest[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_error(text: &str) -> Option<String> {
        check_depth(text, Start::Body).err().map(|e| e.message)
    }

    #[test]
    fn accepts_ordinary_configuration() {
        let text = r#"
# ------------------------------------------------------------------------------------
// a comment with ???? and !!!! and ---- ----------------------------------------------
/* a block comment: ((((((((((((((((((((((((((((((((((((((((((((((((((((((((( */
resource "aws_s3_bucket" "b" {
  bucket = "my-bucket-${var.env == "prod" ? "p" : "np"}-${local.suffix}"
  tags   = { for k, v in var.tags : k => v if v != "" }
  policy = <<-EOT
    {"Statement": [{"Resource": "arn:aws:s3:::a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p"}]}
    %{ if var.x }yes%{ else }no%{ endif }
  EOT
}
"#;
        assert_eq!(depth_error(text), None);
        // Many items of one block each restart the count.
        let many = format!(
            "locals {{\n{}}}\n",
            "  a = !b ? -1 : -2 - 3\n".repeat(5_000)
        );
        assert_eq!(depth_error(&many), None);
        let list = format!("x = [{}]\n", "a ? -1 : -2, ".repeat(5_000));
        assert_eq!(depth_error(&list), None);
    }

    #[test]
    fn rejects_every_kind_of_deep_nesting() {
        let n = MAX_EXPRESSION_DEPTH + 1;
        for text in [
            format!("x = {}1\n", "-".repeat(n)),
            format!("x = {}true\n", "! ".repeat(n)),
            format!("x = {}1\n", "true ? 1 : ".repeat(n)),
            format!("x = 1{}\n", " + 1".repeat(n)),
            format!("x = {{ for a in b : a => {}1 }}\n", "a ?\n 1 :\n".repeat(n)),
            format!(
                "x = <<EOT\n{}a{}\nEOT\n",
                "%{if a}".repeat(n),
                "%{endif}".repeat(n)
            ),
            format!(
                "x = \"{}a{}\"\n",
                "%{for a in b}".repeat(n),
                "%{endfor}".repeat(n)
            ),
        ] {
            let message = depth_error(&text).expect("rejected");
            assert!(message.contains("1000 levels"), "{message}");
        }
        let brackets = format!("x = {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(depth_error(&brackets).unwrap().contains("128 levels"));
        let interpolations = format!("x = {}a{}\n", "\"${".repeat(200), "}\"".repeat(200));
        assert!(depth_error(&interpolations).unwrap().contains("128 levels"));
    }

    #[test]
    fn templates_and_expressions_are_measured_too() {
        let template = format!("{}a{}", "%{if a}".repeat(2_000), "%{endif}".repeat(2_000));
        assert!(check_depth(&template, Start::Template).is_err());
        let expr = format!("[\n{}1]", "-\n".repeat(2_000));
        assert!(check_depth(&expr, Start::Expr).is_err());
    }
}
