//! A compatibility pass for the one valid Terraform construct hcl-edit rejects: newlines
//! inside an object `for` expression (`{ for k, v in x : k =>⏎ cond ? a : b }`). HCL
//! ignores newlines there; hcl-edit treats them as the end of the expression
//! (shared/hcl-notes.md).
//!
//! The pass blanks those newlines (and the line comments before them) with spaces, found
//! in the tokens of the [shared lexer](super::lexer), so that strings, comments and
//! interpolations keep theirs. Every byte keeps its offset, so spans still point into the
//! original text, and lines and columns are computed from the original. It runs only
//! after a parse failure.

use super::lexer::{Kind, Lexer, opens_for_expression};

/// The text with newlines inside object `for` expressions blanked, or `None` when there is
/// nothing to blank or a heredoc makes the pass unsafe.
pub fn blank_object_for_newlines(text: &str) -> Option<String> {
    let mut out = text.as_bytes().to_vec();
    let mut changed = false;
    // Open brackets and interpolations: whether each is the `{` of an object `for`.
    let mut open: Vec<bool> = Vec::new();
    for token in Lexer::new(text) {
        let in_for = open.last() == Some(&true);
        let blanked = &mut out[token.start..token.end];
        match token.kind {
            Kind::HeredocOpen | Kind::TooDeep => return None,
            Kind::Open => open.push(
                text.as_bytes()[token.start] == b'{' && opens_for_expression(text, token.end),
            ),
            Kind::InterpolationOpen | Kind::DirectiveOpen => open.push(false),
            Kind::Close | Kind::InterpolationClose => {
                open.pop();
            }
            // A line comment: blanked with its newline, or it would swallow the code that
            // follows once the newline is gone.
            Kind::LineComment if in_for => {
                blanked.fill(b' ');
                changed = true;
            }
            Kind::Newline | Kind::Space if in_for => {
                for byte in blanked.iter_mut().filter(|b| matches!(b, b'\n' | b'\r')) {
                    *byte = b' ';
                    changed = true;
                }
            }
            _ => {}
        }
    }
    // Only whole characters were replaced by ASCII spaces, so the text is still UTF-8.
    changed.then(|| String::from_utf8(out).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_newlines_directly_inside_an_object_for_only() {
        let text = "x = {\n  for k, v in m : k =>\n  v ? { a = 1\n b = 2 } : null # c\n}\n";
        let out = blank_object_for_newlines(text).expect("changed");
        assert_eq!(out.len(), text.len());
        assert_eq!(
            out,
            "x = {   for k, v in m : k =>   v ? { a = 1\n b = 2 } : null     }\n"
        );
    }

    #[test]
    fn leaves_strings_and_tuples_alone() {
        assert_eq!(
            blank_object_for_newlines("x = [\n for v in l : \"{ for \\\" ${v}\"\n]\n"),
            None
        );
        assert_eq!(blank_object_for_newlines("x = \"{ for\n\"\n"), None);
    }

    #[test]
    fn an_escaped_marker_opens_no_interpolation() {
        let text = "x = { for k in l : k =>\n \"$${\" }\ny = { for k in l :\n k }\n";
        assert_eq!(
            blank_object_for_newlines(text).as_deref(),
            Some("x = { for k in l : k =>  \"$${\" }\ny = { for k in l :  k }\n")
        );
    }

    #[test]
    fn gives_up_on_heredocs() {
        assert_eq!(
            blank_object_for_newlines("x = { for k in l :\n k => <<EOT\nx\nEOT\n}\n"),
            None
        );
    }

    #[test]
    fn the_blanked_text_parses() {
        let text = "locals {\n  users = {\n    for k, v in var.users : k =>\n    local.is_mysql\n    ? { name = k }\n    : { name = v }\n  }\n}\n";
        assert!(crate::parse::hcl::parse_body(crate::source::FileId(0), text).is_err());
        let fixed = blank_object_for_newlines(text).unwrap();
        assert!(crate::parse::hcl::parse_body(crate::source::FileId(0), &fixed).is_ok());
    }
}
