//! A compatibility pass for the one valid Terraform construct hcl-edit rejects: newlines
//! inside an object `for` expression (`{ for k, v in x : k =>⏎ cond ? a : b }`). HCL
//! ignores newlines there; hcl-edit treats them as the end of the expression
//! (shared/hcl-notes.md).
//!
//! The pass blanks those newlines (and the line comments before them) with spaces. Every
//! byte keeps its offset, so spans still point into the original text, and lines and
//! columns are computed from the original. It runs only after a parse failure.

/// The text with newlines inside object `for` expressions blanked, or `None` when there is
/// nothing to blank or a heredoc makes the pass unsafe.
pub fn blank_object_for_newlines(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut changed = false;
    // Open brackets in code: `{` of an object `for` (true) or any other bracket (false).
    let mut brackets: Vec<bool> = Vec::new();
    // Nesting of strings and the interpolations inside them: `"` opens a string, `${`/`%{`
    // inside a string opens code again (recorded as the bracket depth to return to).
    let mut strings: Vec<usize> = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                    strings.push(brackets.len());
                    brackets.push(false);
                    in_string = false;
                    i += 1;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        let in_for = brackets.last() == Some(&true);
        match b {
            b'"' => in_string = true,
            b'<' if bytes.get(i + 1) == Some(&b'<') => return None,
            b'#' | b'/' if b == b'#' || bytes.get(i + 1) == Some(&b'/') => {
                // A line comment: blanked with its newline, or it would swallow the code
                // that follows once the newline is gone.
                let end = line_end(bytes, i);
                if in_for {
                    out[i..end].fill(b' ');
                    changed = true;
                }
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..]
                    .find("*/")
                    .map(|p| i + 2 + p + 2)
                    .unwrap_or(bytes.len());
                i = end;
                continue;
            }
            b'{' => brackets.push(starts_for(&bytes[i + 1..])),
            b'[' | b'(' => brackets.push(false),
            b'}' | b']' | b')' => {
                brackets.pop();
                if strings.last() == Some(&brackets.len()) {
                    strings.pop();
                    in_string = true;
                }
            }
            b'\n' | b'\r' if in_for => {
                out[i] = b' ';
                changed = true;
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes were replaced by ASCII spaces, so the text is still UTF-8.
    changed.then(|| String::from_utf8(out).ok()).flatten()
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| from + p)
        .unwrap_or(bytes.len())
}

/// Whether the text after a `{` starts with the `for` keyword.
fn starts_for(rest: &[u8]) -> bool {
    let start = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let rest = &rest[start..];
    rest.starts_with(b"for") && rest.get(3).is_some_and(|b| b.is_ascii_whitespace())
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
