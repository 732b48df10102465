//! Module call sources read from native HCL text without parsing it: what changed-file
//! runs need to find the roots that reach a file, at a fraction of the cost of a parse.
//! It recognises `source = "…"` lines of top-level `module` blocks in the tokens of the
//! [shared lexer](super::lexer); whenever the text is not plainly of that form (an escape
//! or interpolation in a source, unbalanced brackets, an unterminated string, comment or
//! heredoc, a newline in a string, a `<<` that opens no heredoc, text after a heredoc's
//! closing tag), it gives up and the caller parses the file.

use super::lexer::{Kind, Lexer, Token};

/// What a line is made of, outside strings and heredocs (each is one item).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Item<'a> {
    /// Its bytes: comparing them needs no char boundary checks.
    Ident(&'a [u8]),
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
    let mut lexer = Lexer::new(text);
    let mut sources = Vec::new();
    let mut depth = 0usize;
    let mut in_module = false;
    // The first items of the current line at depth 0, or at depth 1 of a module block.
    let mut line: [Option<Item>; 4] = [None; 4];
    let mut len = 0;
    loop {
        let item = next_item(&mut lexer, text)?;
        if depth > 1 || (depth == 1 && !in_module) {
            // In a block that is no module call, or in a value of one: only brackets
            // matter, until the text is back at a module's attributes or at the top.
            match item {
                Item::Open => depth += 1,
                Item::Close => depth -= 1,
                Item::Eof => return None,
                _ => {}
            }
            if depth == 0 {
                len = 0;
            }
            continue;
        }
        let line_end = matches!(item, Item::Newline | Item::Close | Item::Eof);
        if line_end && depth == 1 {
            match line[..len.min(4)] {
                [
                    Some(Item::Ident(b"source")),
                    Some(Item::Assign),
                    Some(Item::Str(s)),
                ] if len == 3 => sources.push(s?),
                // A source the parser would decode or evaluate: parse to be sure.
                [Some(Item::Ident(b"source")), ..] => return None,
                _ => {}
            }
        }
        match item {
            Item::Eof => return (depth == 0).then_some(sources),
            Item::Open if depth == 0 => {
                in_module = matches!(
                    line[..len.min(4)],
                    [
                        Some(Item::Ident(b"module")),
                        Some(Item::Str(_) | Item::Ident(_))
                    ]
                ) && len == 2;
                depth = 1;
                len = 0;
            }
            Item::Close => {
                depth = depth.checked_sub(1)?;
                in_module = false;
                len = 0;
            }
            Item::Newline => len = 0,
            item => {
                // A bracket opened in a module's attribute is part of its line.
                if item == Item::Open {
                    depth += 1;
                }
                if len < line.len() {
                    line[len] = Some(item);
                }
                len += 1;
            }
        }
    }
}

/// The next item of the text's own code; `None` when it cannot be read with certainty.
fn next_item<'a>(lexer: &mut Lexer<'a>, text: &'a str) -> Option<Item<'a>> {
    loop {
        lexer.skip_spaces();
        let Some(token) = lexer.next() else {
            return Some(Item::Eof);
        };
        return Some(match token.kind {
            Kind::LineComment | Kind::BlockComment { closed: true } => continue,
            Kind::Newline => Item::Newline,
            Kind::Ident => Item::Ident(&text.as_bytes()[token.start..token.end]),
            Kind::Open => Item::Open,
            Kind::Close => Item::Close,
            Kind::Punct => match &text.as_bytes()[token.start..token.end] {
                b"=" => Item::Assign,
                b"<<" => return None,
                _ => Item::Other,
            },
            Kind::Number | Kind::Other => Item::Other,
            Kind::QuoteOpen => {
                let (plain, close) = template(lexer, text)?;
                Item::Str(plain.then(|| &text[token.end..close.start]))
            }
            Kind::HeredocOpen => {
                let (_, close) = template(lexer, text)?;
                let closing_line = text[close.end..].split('\n').next().unwrap_or_default();
                if !closing_line.trim().is_empty() {
                    return None;
                }
                Item::Other
            }
            // An unterminated comment, or tokens of templates, which `template` reads.
            _ => return None,
        });
    }
}

/// After the opening of a string or heredoc in the text's own code: whether it is plain
/// text (no escape, interpolation or directive) and the token that closes it; `None` when
/// it is not closed or a quoted string holds a newline.
fn template(lexer: &mut Lexer, text: &str) -> Option<(bool, Token)> {
    let mut plain = true;
    loop {
        let token = lexer.next()?;
        if lexer.nesting() == 0 {
            return Some((plain, token));
        }
        if token.kind == Kind::Text && text.as_bytes()[token.start] == b'\n' && lexer.in_quoted() {
            return None;
        }
        plain &= token.kind == Kind::Text;
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
            "module \"a\" {\n  x = \"a\nb\"\n  source = \"./a\"\n}\n",
            "module \"a\" {\n  x = 1 << 2\n  source = \"./a\"\n}\n",
            "module \"a\" {\n  x = f(<<EOT\n  EOT)\n  source = \"./a\"\n}\n",
        ] {
            assert_eq!(module_sources(text), None, "{text}");
        }
    }

    #[test]
    fn strings_nest_in_interpolations_to_any_depth() {
        let text = "module \"a\" {\n  x = \"${ {b = \"}\"}.b }\"\n  source = \"./a\"\n}\n";
        assert_eq!(module_sources(text), Some(vec!["./a"]));
        // Deeper than the lexer follows: given up, without recursing.
        let deep = format!("module \"a\" {{\n  x = {}\n}}\n", "\"${".repeat(100_000));
        assert_eq!(module_sources(&deep), None);
    }
}
