//! Module call sources read from native HCL text without parsing it: what changed-file
//! runs need to find the roots that reach a file, at a fraction of the cost of a parse.
//! It recognises `source = "…"` lines of top-level `module` blocks; whenever the text is
//! not plainly of that form (an escape or interpolation in a source, unbalanced brackets,
//! an unterminated string, comment or heredoc), it gives up and the caller parses the
//! file.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'a> {
    Ident(&'a str),
    /// A quoted string: its text when it has no escape and no interpolation.
    Str(Option<&'a str>),
    Open,
    Close,
    /// `=` alone (not `==`, `=>`, `<=`, `>=`, `!=`).
    Assign,
    Newline,
    Other,
    Eof,
}

/// The `source` of every `module` block of an HCL file, in order, as the parser would
/// read them; `None` when the text is not simple enough to be sure.
pub fn module_sources(text: &str) -> Option<Vec<&str>> {
    if !text.contains("module") {
        return Some(Vec::new());
    }
    let mut lexer = Lexer {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut sources = Vec::new();
    let mut depth = 0usize;
    let mut in_module = false;
    // The first tokens of the current line at depth 0, or at depth 1 of a module block.
    let mut line: [Option<Token>; 4] = [None; 4];
    let mut len = 0;
    loop {
        let token = lexer.next()?;
        let watched = depth == 0 || (depth == 1 && in_module);
        let line_end = matches!(token, Token::Newline | Token::Close | Token::Eof);
        if watched && line_end && in_module && depth == 1 {
            match line[..len.min(4)] {
                [
                    Some(Token::Ident("source")),
                    Some(Token::Assign),
                    Some(Token::Str(s)),
                ] if len == 3 => sources.push(s?),
                // A source the parser would decode or evaluate: parse to be sure.
                [Some(Token::Ident("source")), ..] => return None,
                _ => {}
            }
        }
        match token {
            Token::Eof => return (depth == 0).then_some(sources),
            Token::Open if depth == 0 => {
                in_module = matches!(
                    line[..len.min(4)],
                    [
                        Some(Token::Ident("module")),
                        Some(Token::Str(_) | Token::Ident(_))
                    ]
                ) && len == 2;
                depth = 1;
                len = 0;
            }
            Token::Open => {
                depth += 1;
                len += 1;
            }
            Token::Close => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    in_module = false;
                    len = 0;
                } else {
                    len += 1;
                }
            }
            Token::Newline if watched => len = 0,
            Token::Newline => {}
            token => {
                if len < line.len() {
                    line[len] = Some(token);
                }
                len += 1;
            }
        }
    }
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Lexer<'a> {
    fn peek(&self, ahead: usize) -> u8 {
        self.bytes.get(self.at + ahead).copied().unwrap_or(0)
    }

    /// The next token; `None` when the text cannot be lexed with certainty.
    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Some(Token::Eof);
            };
            let start = self.at;
            self.at += 1;
            return Some(match byte {
                b' ' | b'\t' | b'\r' => continue,
                b'\n' => Token::Newline,
                b'#' => {
                    self.skip_line();
                    continue;
                }
                b'/' if self.peek(0) == b'/' => {
                    self.skip_line();
                    continue;
                }
                b'/' if self.peek(0) == b'*' => {
                    let end = self.text[self.at + 1..].find("*/")?;
                    self.at += 1 + end + 2;
                    continue;
                }
                b'"' => Token::Str(self.string()?),
                b'<' if self.peek(0) == b'<' => {
                    self.heredoc()?;
                    Token::Other
                }
                b'{' | b'[' | b'(' => Token::Open,
                b'}' | b']' | b')' => Token::Close,
                b'=' if matches!(self.peek(0), b'=' | b'>') => {
                    self.at += 1;
                    Token::Other
                }
                b'=' => Token::Assign,
                b'!' | b'<' | b'>' if self.peek(0) == b'=' => {
                    self.at += 1;
                    Token::Other
                }
                b if b.is_ascii_alphabetic() || b == b'_' => {
                    while matches!(self.peek(0), b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'-')
                    {
                        self.at += 1;
                    }
                    Token::Ident(&self.text[start..self.at])
                }
                _ => Token::Other,
            });
        }
    }

    fn skip_line(&mut self) {
        self.at = self.text[self.at..]
            .find('\n')
            .map_or(self.bytes.len(), |n| self.at + n);
    }

    /// After the opening quote: the string's text when it is plain, `Some(None)` when it
    /// has escapes or interpolations, `None` when it is not terminated on its line.
    fn string(&mut self) -> Option<Option<&'a str>> {
        let start = self.at;
        let mut plain = true;
        loop {
            match self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(plain.then(|| &self.text[start..self.at - 1]));
                }
                b'\n' => return None,
                b'\\' => {
                    plain = false;
                    self.at += 2;
                }
                b'$' | b'%' if self.peek(1) == b'{' => {
                    plain = false;
                    self.at += 2;
                    self.template_expression()?;
                }
                _ => self.at += 1,
            }
        }
    }

    /// Skips an interpolation or directive up to its closing brace, strings and brackets
    /// inside included.
    fn template_expression(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Token::Open => depth += 1,
                Token::Close if depth == 0 => return Some(()),
                Token::Close => depth -= 1,
                Token::Eof => return None,
                _ => {}
            }
        }
    }

    /// After `<<`: skips `-`?, the delimiter and the lines up to the closing delimiter.
    fn heredoc(&mut self) -> Option<()> {
        self.at += 1;
        if self.peek(0) == b'-' {
            self.at += 1;
        }
        let start = self.at;
        self.skip_line();
        let delimiter = self.text[start..self.at].trim_end_matches('\r');
        if delimiter.is_empty()
            || !delimiter
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return None;
        }
        loop {
            self.at += 1;
            let line_start = self.at;
            if line_start >= self.bytes.len() {
                return None;
            }
            self.skip_line();
            if self.text[line_start..self.at].trim() == delimiter {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::module_sources;

    #[test]
    fn finds_the_sources_of_module_blocks() {
        let text = r#"
# module "commented" { source = "./no" }
module "a" {
  source   = "./a"
  for_each = { x = "}" }
  name     = "${var.x}-{"
}

module "b" { source = "../b" }
resource "aws_s3_bucket" "b" {
  source = "./not-a-module"
  policy = <<-EOT
    module "x" {
      source = "./no"
    }
  EOT
}
/* module "c" {
  source = "./no"
} */
module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}
"#;
        assert_eq!(
            module_sources(text),
            Some(vec!["./a", "../b", "terraform-aws-modules/vpc/aws"])
        );
    }

    #[test]
    fn a_file_without_module_blocks_has_no_source() {
        assert_eq!(
            module_sources("resource \"x\" \"y\" {\n  module = 1\n}\n"),
            Some(vec![])
        );
    }

    #[test]
    fn gives_up_when_not_sure() {
        for text in [
            "module \"a\" {\n  source = \"./a\\u0041\"\n}\n",
            "module \"a\" {\n  source = \"./${var.x}\"\n}\n",
            "module \"a\" {\n  source = local.path\n}\n",
            "module \"a\" {\n  source = \"./a\"\n",
            "module \"a\" {\n  source = \"./a\n}\n",
            "module \"a\" {\n  x = <<EOT\n}\n",
            "module \"a\" {}\n/* unterminated",
        ] {
            assert_eq!(module_sources(text), None, "{text}");
        }
    }
}
