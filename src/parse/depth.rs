//! A bound on how deeply the native syntax nests, checked before hcl-edit parses it.
//!
//! hcl-edit's parser, the lowering into [`crate::syntax`] and the dropping of both trees
//! recurse once per level of nesting: brackets, but also unary operators (`- - - 1`),
//! conditionals (`a ? b : c ? d : …`), operator chains and template directives. A few
//! hundred thousand levels overflow any stack, so hostile input is measured first, on the
//! tokens of the [shared lexer](super::lexer), which reads strings, heredocs,
//! interpolations and comments as hcl-edit does. It may count more than the parser nests
//! (every operator of a chain, both bytes of `&&`, the `-` of a negative number, the
//! brackets of text hcl-edit rejects), never less, so that whatever it accepts parses
//! within the stack.

use super::SyntaxError;
use super::lexer::{Kind, Lexer, opens_for_expression};

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
    /// Code: the text itself, inside brackets, or an interpolation or directive.
    Code {
        opener: Opener,
        /// Whether a newline ends an item: block bodies and object literals, whose
        /// values end at the end of the line (not `for` objects).
        newline_ends_item: bool,
        /// Operators and conditionals since the item began.
        ops: usize,
    },
    /// A template: a quoted string, a heredoc or a whole text.
    Template {
        /// Open `%{if}` and `%{for}` directives.
        directives: usize,
    },
}

/// What opened a frame of code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opener {
    Start,
    Bracket,
    Interpolation,
}

impl Frame {
    fn weight(&self) -> usize {
        1 + match self {
            Frame::Code { ops, .. } => *ops,
            Frame::Template { directives } => *directives,
        }
    }

    fn code(opener: Opener, newline_ends_item: bool) -> Frame {
        Frame::Code {
            opener,
            newline_ends_item,
            ops: 0,
        }
    }
}

/// The frames open at a point of the text and the levels they add up to.
struct Nesting {
    /// Never empty: the frame of the text itself stays.
    frames: Vec<Frame>,
    depth: usize,
    /// Brackets and interpolations among the frames.
    brackets: usize,
}

impl Nesting {
    fn top(&mut self) -> &mut Frame {
        let top = self.frames.len() - 1;
        &mut self.frames[top]
    }

    fn push(&mut self, frame: Frame) {
        if let Frame::Code { opener, .. } = frame
            && opener != Opener::Start
        {
            self.brackets += 1;
        }
        self.depth += frame.weight();
        self.frames.push(frame);
    }

    /// Closes the top frame, never the text's own.
    fn pop(&mut self) -> Option<Frame> {
        if self.frames.len() == 1 {
            return None;
        }
        let frame = self.frames.pop()?;
        self.depth -= frame.weight();
        if matches!(frame, Frame::Code { .. }) {
            self.brackets -= 1;
        }
        Some(frame)
    }

    /// The item of the top frame of code ends: its operators no longer nest.
    fn end_item(&mut self) {
        if let Frame::Code { ops, .. } = self.top() {
            let ops = std::mem::take(ops);
            self.depth -= ops;
        }
    }
}

/// Rejects text that nests deeper than [`MAX_NESTING`] brackets or
/// [`MAX_EXPRESSION_DEPTH`] levels of any kind.
pub fn check_depth(text: &str, start: Start) -> Result<(), SyntaxError> {
    let (lexer, bottom) = match start {
        Start::Body | Start::Expr => (
            Lexer::new(text),
            Frame::code(Opener::Start, start == Start::Body),
        ),
        Start::Template => (Lexer::template(text), Frame::Template { directives: 0 }),
    };
    let mut nesting = Nesting {
        frames: vec![bottom],
        depth: 1,
        brackets: 0,
    };
    for token in lexer {
        match token.kind {
            Kind::QuoteOpen | Kind::HeredocOpen => nesting.push(Frame::Template { directives: 0 }),
            Kind::QuoteClose | Kind::HeredocClose => {
                nesting.pop();
            }
            Kind::InterpolationOpen | Kind::DirectiveOpen => {
                if token.kind == Kind::DirectiveOpen
                    && let Frame::Template { directives } = nesting.top()
                {
                    match directive_keyword(text.as_bytes(), token.end) {
                        Some(b"if" | b"for") => {
                            *directives += 1;
                            nesting.depth += 1;
                        }
                        Some(b"endif" | b"endfor") if *directives > 0 => {
                            *directives -= 1;
                            nesting.depth -= 1;
                        }
                        _ => {}
                    }
                }
                nesting.push(Frame::code(Opener::Interpolation, false));
            }
            // Brackets left open inside close with it: a mismatch is the parser's to
            // report, and it nests no deeper.
            Kind::InterpolationClose => {
                while let Some(frame) = nesting.pop() {
                    if let Frame::Code {
                        opener: Opener::Interpolation,
                        ..
                    } = frame
                    {
                        break;
                    }
                }
            }
            Kind::Open => {
                let brace = text.as_bytes()[token.start] == b'{';
                let object = brace && !opens_for_expression(text, token.end);
                nesting.push(Frame::code(Opener::Bracket, object));
            }
            Kind::Close => {
                if let Frame::Code {
                    opener: Opener::Bracket,
                    ..
                } = nesting.top()
                {
                    nesting.pop();
                }
            }
            Kind::Punct if token.text(text) == "," => nesting.end_item(),
            Kind::Punct => {
                if let Frame::Code { ops, .. } = nesting.top() {
                    let operators = token.text(text).bytes().filter(|&b| is_operator(b)).count();
                    *ops += operators;
                    nesting.depth += operators;
                }
            }
            Kind::Newline => {
                if let Frame::Code {
                    newline_ends_item: true,
                    ..
                } = nesting.top()
                {
                    nesting.end_item();
                }
            }
            Kind::TooDeep => return Err(too_many_brackets(token.start)),
            _ => {}
        }
        if nesting.brackets > MAX_NESTING {
            return Err(too_many_brackets(token.start));
        }
        if nesting.depth > MAX_EXPRESSION_DEPTH {
            return Err(SyntaxError {
                offset: token.start,
                message: format!(
                    "expressions nest deeper than {MAX_EXPRESSION_DEPTH} levels (brackets, operators, conditionals, template directives); souverain does not parse this file"
                ),
            });
        }
    }
    Ok(())
}

fn too_many_brackets(offset: usize) -> SyntaxError {
    SyntaxError {
        offset,
        message: format!(
            "brackets nest deeper than {MAX_NESTING} levels; souverain does not parse this file"
        ),
    }
}

/// The bytes of unary and binary operators and of conditionals (`?`).
fn is_operator(b: u8) -> bool {
    matches!(
        b,
        b'?' | b'!' | b'-' | b'+' | b'*' | b'/' | b'%' | b'&' | b'|' | b'<' | b'>'
    )
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
    fn code_after_a_heredoc_tag_on_its_line_is_measured() {
        // hcl-edit ends a heredoc at a line starting with its tag and reads on.
        let text = |n| format!("x = <<EOT\nEOT{}\n", " ? 1 : 1".repeat(n));
        assert!(crate::parse::hcl::parse_body(crate::source::FileId(0), &text(3)).is_ok());
        assert!(depth_error(&text(MAX_EXPRESSION_DEPTH + 1)).is_some());
    }

    #[test]
    fn templates_and_expressions_are_measured_too() {
        let template = format!("{}a{}", "%{if a}".repeat(2_000), "%{endif}".repeat(2_000));
        assert!(check_depth(&template, Start::Template).is_err());
        let expr = format!("[\n{}1]", "-\n".repeat(2_000));
        assert!(check_depth(&expr, Start::Expr).is_err());
    }
}
