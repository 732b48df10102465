//! One tokenizer of native HCL text for the scanners that read it without parsing it (the
//! module-source [prescan](super::prescan), the [nesting bound](super::depth), the
//! [compatibility pass](super::compat) and [suppressions](crate::suppress)), so that
//! strings, heredocs, interpolations and comments are recognised in one place, the way
//! hcl-edit reads them.
//!
//! The tokens cover the text contiguously, by byte offset, and every boundary between two
//! of them is before or after an ASCII byte, so slicing the text by a token never splits
//! a character. Templates nest in code (quoted strings, heredocs) and code in templates
//! (`${…}`, `%{…}`); the lexer follows that nesting on a fixed stack, without allocating
//! or recursing, in one pass over the text: hostile input costs linear time. Past
//! [`MAX_FRAMES`] levels the rest of the text is one [`Kind::TooDeep`] token. A scanner
//! with no use for spaces passes over them with [`Lexer::skip_spaces`], which is cheaper
//! than a token.

use super::depth::MAX_NESTING;

/// Most levels of nesting the lexer follows. Templates and interpolations alternate, so
/// text that [`super::depth`] accepts (at most [`MAX_NESTING`] interpolations deep) never
/// reaches it.
pub const MAX_FRAMES: usize = 2 * MAX_NESTING + 4;

/// What a token is. The kinds up to [`Kind::HeredocOpen`] come in code, the others in
/// templates (and [`Kind::TooDeep`] in either).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Spaces, tabs and carriage returns.
    Space,
    /// `\n`.
    Newline,
    /// `#…` or `//…`, up to the newline (not included).
    LineComment,
    /// `/*…*/`; not `closed` when the text ends first.
    BlockComment { closed: bool },
    /// An identifier or keyword; `-` continues one (`my-bucket` is one identifier).
    Ident,
    /// Digits, with a fraction and an exponent if any.
    Number,
    /// `(`, `[` or `{`.
    Open,
    /// `)`, `]` or `}` (but the `}` ending an interpolation).
    Close,
    /// An operator or punctuation: `==`, `!=`, `<=`, `>=`, `=>`, `&&`, `||`, `...`, a `<<`
    /// that opens no heredoc, or one ASCII punctuation byte.
    Punct,
    /// Any other byte: control characters.
    Other,
    /// `"`, opening a quoted template.
    QuoteOpen,
    /// `<<TAG` or `<<-TAG` and its line ending, opening a heredoc template.
    HeredocOpen,
    /// Literal text of a template, newlines included. In a quoted template, where HCL
    /// allows none, a newline always starts one: a scanner finds them at a glance.
    Text,
    /// `$${` or `%%{`, or in a quoted template `\` and the byte after it.
    Escape,
    /// `${`, opening an interpolation: code up to the matching `}`.
    InterpolationOpen,
    /// `%{`, opening a directive (`if`, `else`, `for`, `endif`, `endfor`) up to its `}`.
    DirectiveOpen,
    /// The `}` ending an interpolation or a directive.
    InterpolationClose,
    /// `"`, ending a quoted template.
    QuoteClose,
    /// The line ending a heredoc: indentation and tag.
    HeredocClose,
    /// The rest of the text, once templates nest deeper than [`MAX_FRAMES`].
    TooDeep,
}

/// A token: its kind and where it is in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text: a slice of `text` at char boundaries.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// What the lexer is inside.
#[derive(Clone, Copy)]
enum Frame {
    /// The text itself, read as code.
    Code,
    /// The code of an interpolation or a directive, with the `{` opened in it and not
    /// yet closed: its `}` is the one after them.
    Interpolation {
        braces: usize,
    },
    Quoted,
    /// A heredoc, whose tag is at `tag_start..tag_end` in the text.
    Heredoc {
        tag_start: usize,
        tag_end: usize,
    },
    /// The text itself, read as a template: it has no end.
    Template,
}

/// The tokens of a text, in order.
pub struct Lexer<'a> {
    text: &'a str,
    at: usize,
    /// The innermost frame, kept out of `outer` because every token reads it.
    top: Frame,
    /// The frames around `top`, the outermost first: `outer[..depth]`.
    outer: [Frame; MAX_FRAMES - 1],
    depth: usize,
}

impl<'a> Lexer<'a> {
    /// Tokens of `text` read as code: a file or an expression.
    pub fn new(text: &'a str) -> Self {
        Self::with_bottom(text, 0, Frame::Code)
    }

    /// Tokens of `text` read as a template (a JSON string value).
    pub fn template(text: &'a str) -> Self {
        Self::with_bottom(text, 0, Frame::Template)
    }

    /// Tokens of code from `offset` (moved back to a char boundary) to the end.
    pub fn starting_at(text: &'a str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        Self::with_bottom(text, offset, Frame::Code)
    }

    fn with_bottom(text: &'a str, at: usize, bottom: Frame) -> Self {
        Lexer {
            text,
            at,
            top: bottom,
            outer: [bottom; MAX_FRAMES - 1],
            depth: 0,
        }
    }

    /// How many templates and interpolations the lexer is inside: 0 in the code of the
    /// text itself.
    pub fn nesting(&self) -> usize {
        self.depth
    }

    /// Whether the lexer is inside a quoted template, outside its interpolations.
    pub fn in_quoted(&self) -> bool {
        matches!(self.top, Frame::Quoted)
    }

    /// Moves past the spaces at this point of code, for a scanner that has no use for
    /// them: they are the most frequent token, and the cheapest to pass over here.
    #[inline(always)]
    pub fn skip_spaces(&mut self) {
        if let Frame::Code | Frame::Interpolation { .. } = self.top {
            self.at += run(self.text.as_bytes(), self.at, SPACE);
        }
    }

    /// Enters `frame` after a token of `kind`, or gives the rest of the text as
    /// [`Kind::TooDeep`] when the stack is full.
    fn enter(&mut self, frame: Frame, kind: Kind) -> Kind {
        if self.depth == self.outer.len() {
            self.at = self.text.len();
            return Kind::TooDeep;
        }
        self.outer[self.depth] = std::mem::replace(&mut self.top, frame);
        self.depth += 1;
        kind
    }

    fn leave(&mut self, kind: Kind) -> Kind {
        if self.depth > 0 {
            self.depth -= 1;
            self.top = self.outer[self.depth];
        }
        kind
    }

    #[inline(always)]
    fn code_token(&mut self) -> Kind {
        let bytes = self.text.as_bytes();
        let at = self.at;
        let byte = bytes[at];
        let next = bytes.get(at + 1).copied().unwrap_or(0);
        let mut len = 1;
        let kind = match byte {
            b' ' | b'\t' | b'\r' => {
                len = run(bytes, at, SPACE);
                Kind::Space
            }
            b'\n' => Kind::Newline,
            b'#' | b'/' => match comment(self.text, at) {
                Some((kind, end)) => {
                    len = end - at;
                    kind
                }
                None => Kind::Punct,
            },
            b'"' => {
                self.at += 1;
                return self.enter(Frame::Quoted, Kind::QuoteOpen);
            }
            b'<' if next == b'<' => match heredoc_open(bytes, at) {
                Some((tag, end)) => {
                    self.at = end;
                    let frame = Frame::Heredoc {
                        tag_start: tag.start,
                        tag_end: tag.end,
                    };
                    return self.enter(frame, Kind::HeredocOpen);
                }
                None => {
                    len = 2;
                    Kind::Punct
                }
            },
            b'{' => {
                if let Frame::Interpolation { braces } = &mut self.top {
                    *braces += 1;
                }
                Kind::Open
            }
            b'}' => match &mut self.top {
                Frame::Interpolation { braces: 0 } => {
                    self.at += 1;
                    return self.leave(Kind::InterpolationClose);
                }
                Frame::Interpolation { braces } => {
                    *braces -= 1;
                    Kind::Close
                }
                _ => Kind::Close,
            },
            b'(' | b'[' => Kind::Open,
            b')' | b']' => Kind::Close,
            b'0'..=b'9' => {
                len = number_end(bytes, at) - at;
                Kind::Number
            }
            b if is_ident_start(b) => {
                len = run(bytes, at, IDENT);
                Kind::Ident
            }
            b'=' | b'!' | b'<' | b'>' if next == b'=' => {
                len = 2;
                Kind::Punct
            }
            b'=' if next == b'>' => {
                len = 2;
                Kind::Punct
            }
            b'&' | b'|' if next == byte => {
                len = 2;
                Kind::Punct
            }
            b'.' if bytes[at..].starts_with(b"...") => {
                len = 3;
                Kind::Punct
            }
            b if b.is_ascii_punctuation() => Kind::Punct,
            _ => Kind::Other,
        };
        self.at += len;
        kind
    }

    /// In a quoted template (`"` ends it, `\` escapes) or a heredoc (`tag` ends it) or
    /// neither.
    #[inline(always)]
    fn template_token(&mut self, quoted: bool, tag: Option<&[u8]>) -> Kind {
        let bytes = self.text.as_bytes();
        let at = self.at;
        if let Some(tag) = tag
            && at > 0
            && bytes[at - 1] == b'\n'
            && let Some(end) = heredoc_close(bytes, at, tag)
        {
            self.at = end;
            return self.leave(Kind::HeredocClose);
        }
        let next = bytes.get(at + 1).copied();
        match bytes[at] {
            b'"' if quoted => {
                self.at += 1;
                self.leave(Kind::QuoteClose)
            }
            b'\\' if quoted => {
                // The escaped byte, unless it begins a multi-byte character: a token ends
                // at a char boundary.
                self.at += if next.is_some_and(|b| b.is_ascii()) {
                    2
                } else {
                    1
                };
                Kind::Escape
            }
            b @ (b'$' | b'%') if next == Some(b'{') => {
                self.at += 2;
                let kind = if b == b'$' {
                    Kind::InterpolationOpen
                } else {
                    Kind::DirectiveOpen
                };
                self.enter(Frame::Interpolation { braces: 0 }, kind)
            }
            b @ (b'$' | b'%') if next == Some(b) && bytes.get(at + 2) == Some(&b'{') => {
                self.at += 3;
                Kind::Escape
            }
            _ => {
                self.at = text_end(bytes, at, quoted, tag);
                Kind::Text
            }
        }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    #[inline(always)]
    fn next(&mut self) -> Option<Token> {
        let start = self.at;
        if start >= self.text.len() {
            return None;
        }
        let kind = match self.top {
            Frame::Code | Frame::Interpolation { .. } => self.code_token(),
            Frame::Quoted => self.template_token(true, None),
            Frame::Heredoc { tag_start, tag_end } => {
                let text = self.text;
                self.template_token(false, Some(&text.as_bytes()[tag_start..tag_end]))
            }
            Frame::Template => self.template_token(false, None),
        };
        Some(Token {
            kind,
            start,
            end: self.at,
        })
    }
}

/// The comment starting at `offset`, if one does.
pub fn comment_at(text: &str, offset: usize) -> Option<Token> {
    comment(text, offset).map(|(kind, end)| Token {
        kind,
        start: offset,
        end,
    })
}

/// Whether the `{` just before `offset` opens a `for` expression: `for` is its first word.
pub fn opens_for_expression(text: &str, offset: usize) -> bool {
    let rest = text
        .as_bytes()
        .get(offset..)
        .unwrap_or_default()
        .trim_ascii_start();
    rest.starts_with(b"for") && !rest.get(3).copied().is_some_and(is_ident_continue)
}

/// A comment's kind and end, when one starts at `at`.
fn comment(text: &str, at: usize) -> Option<(Kind, usize)> {
    let bytes = text.as_bytes();
    // The slices below start after ASCII bytes, at char boundaries.
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'#'), _) | (Some(b'/'), Some(b'/')) => {
            let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
            Some((Kind::LineComment, end))
        }
        (Some(b'/'), Some(b'*')) => Some(match text[at + 2..].find("*/") {
            Some(n) => (Kind::BlockComment { closed: true }, at + 2 + n + 2),
            None => (Kind::BlockComment { closed: false }, text.len()),
        }),
        _ => None,
    }
}

/// As hcl-edit reads one: `<<`, `-` or not, an identifier and a line ending. The tag's
/// range and the offset the body starts at.
fn heredoc_open(bytes: &[u8], at: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let mut tag_start = at + 2;
    if bytes.get(tag_start) == Some(&b'-') {
        tag_start += 1;
    }
    if !bytes.get(tag_start).copied().is_some_and(is_ident_start) {
        return None;
    }
    let tag_end = tag_start + run(bytes, tag_start, IDENT);
    let newline = tag_end + usize::from(bytes.get(tag_end) == Some(&b'\r'));
    (bytes.get(newline) == Some(&b'\n')).then_some((tag_start..tag_end, newline + 1))
}

/// As hcl-edit reads it: a heredoc ends at a line that starts with its tag, after spaces
/// and tabs (with `<<EOT` as with `<<-EOT`), whatever follows the tag. Its end.
fn heredoc_close(bytes: &[u8], line_start: usize, tag: &[u8]) -> Option<usize> {
    let line = bytes.get(line_start..)?;
    let indent = line
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    line[indent..]
        .starts_with(tag)
        .then_some(line_start + indent + tag.len())
}

/// The end of a template's text from `from` (which starts none of what ends it): the next
/// interpolation, directive or escape, closing quote (`quoted`) or closing line (`tag`),
/// or the end of the text.
#[inline(always)]
fn text_end(bytes: &[u8], from: usize, quoted: bool, tag: Option<&[u8]>) -> usize {
    let ends = match (quoted, tag) {
        (true, _) => ENDS_QUOTED_TEXT,
        (false, Some(_)) => ENDS_HEREDOC_TEXT,
        (false, None) => ENDS_TEMPLATE_TEXT,
    };
    let mut i = from;
    loop {
        while i < bytes.len() && CLASSES[bytes[i] as usize] & ends == 0 {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return i;
        };
        match b {
            b'"' | b'\\' => return i,
            b'$' | b'%' => {
                let next = bytes.get(i + 1).copied();
                if next == Some(b'{') || (next == Some(b) && bytes.get(i + 2) == Some(&b'{')) {
                    return i;
                }
            }
            // A newline: it starts the text of a quoted template, and may end that of
            // a heredoc.
            _ => {
                if quoted && i > from {
                    return i;
                }
                if let Some(tag) = tag
                    && heredoc_close(bytes, i + 1, tag).is_some()
                {
                    return i + 1;
                }
            }
        }
        i += 1;
    }
}

/// The end of a number (hcl-edit's grammar: digits, `.` and digits, `e`, a sign and
/// digits) starting at `at`.
fn number_end(bytes: &[u8], at: usize) -> usize {
    let digits = |i: usize| i + run(bytes, i, DIGIT);
    let mut end = digits(at);
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits(end + 1);
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        if bytes.get(end + 1 + sign).is_some_and(u8::is_ascii_digit) {
            end = digits(end + 1 + sign);
        }
    }
    end
}

/// How many bytes from `at` are of `class` (a set of [`CLASSES`] bits).
#[inline(always)]
fn run(bytes: &[u8], at: usize, class: u8) -> usize {
    let mut end = at;
    while end < bytes.len() && CLASSES[bytes[end] as usize] & class != 0 {
        end += 1;
    }
    end - at
}

/// Classes of bytes, as bits, looked up rather than computed: the scans over runs of
/// bytes are the lexer's inner loops.
const SPACE: u8 = 1;
const IDENT: u8 = 1 << 1;
const DIGIT: u8 = 1 << 2;
/// Bytes that may end the text of a quoted template, of a heredoc, of a whole-text one.
const ENDS_QUOTED_TEXT: u8 = 1 << 3;
const ENDS_HEREDOC_TEXT: u8 = 1 << 4;
const ENDS_TEMPLATE_TEXT: u8 = 1 << 5;

static CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let mut class = 0;
        if matches!(byte, b' ' | b'\t' | b'\r') {
            class |= SPACE;
        }
        if is_ident_continue(byte) {
            class |= IDENT;
        }
        if byte.is_ascii_digit() {
            class |= DIGIT;
        }
        if matches!(byte, b'$' | b'%') {
            class |= ENDS_QUOTED_TEXT | ENDS_HEREDOC_TEXT | ENDS_TEMPLATE_TEXT;
        }
        if matches!(byte, b'"' | b'\\' | b'\n') {
            class |= ENDS_QUOTED_TEXT;
        }
        if byte == b'\n' {
            class |= ENDS_HEREDOC_TEXT;
        }
        classes[b] = class;
        b += 1;
    }
    classes
};

/// ASCII letters and `_`, or any byte of a non-ASCII character: hcl-edit takes Unicode
/// identifiers, and non-ASCII text outside strings and comments can be nothing else.
const fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || !b.is_ascii()
}

const fn is_ident_continue(b: u8) -> bool {
    is_ident_start(b) || b.is_ascii_digit() || b == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use Kind::*;
    use proptest::prelude::*;

    /// The tokens of `text` read as code, with their text, spaces left out.
    fn tokens(text: &str) -> Vec<(Kind, &str)> {
        of(Lexer::new(text), text)
    }

    fn of<'a>(lexer: Lexer<'a>, text: &'a str) -> Vec<(Kind, &'a str)> {
        lexer
            .filter(|t| t.kind != Space)
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn code() {
        assert_eq!(
            tokens("a-b = [1.5e-3, x.0]... != => && <= <\n"),
            [
                (Ident, "a-b"),
                (Punct, "="),
                (Open, "["),
                (Number, "1.5e-3"),
                (Punct, ","),
                (Ident, "x"),
                (Punct, "."),
                (Number, "0"),
                (Close, "]"),
                (Punct, "..."),
                (Punct, "!="),
                (Punct, "=>"),
                (Punct, "&&"),
                (Punct, "<="),
                (Punct, "<"),
                (Newline, "\n"),
            ]
        );
        // A number ends where hcl-edit's does: `1e5-3` is a subtraction.
        assert_eq!(
            tokens("1e5-3"),
            [(Number, "1e5"), (Punct, "-"), (Number, "3")]
        );
        assert_eq!(tokens("é-ü\u{1}"), [(Ident, "é-ü"), (Other, "\u{1}")]);
    }

    #[test]
    fn strings_with_escapes_and_escaped_markers() {
        assert_eq!(
            tokens(r#""a\"b\\" "$${x} %%{y} $$ %x""#),
            [
                (QuoteOpen, "\""),
                (Text, "a"),
                (Escape, "\\\""),
                (Text, "b"),
                (Escape, "\\\\"),
                (QuoteClose, "\""),
                (QuoteOpen, "\""),
                (Escape, "$${"),
                (Text, "x} "),
                (Escape, "%%{"),
                (Text, "y} $$ %x"),
                (QuoteClose, "\""),
            ]
        );
        // A newline starts the text it is in.
        assert_eq!(
            tokens("\"a\n\nb\""),
            [
                (QuoteOpen, "\""),
                (Text, "a"),
                (Text, "\n"),
                (Text, "\nb"),
                (QuoteClose, "\"")
            ]
        );
        // An escaped multi-byte character stays whole in the text after it.
        assert_eq!(
            tokens("\"\\é\""),
            [
                (QuoteOpen, "\""),
                (Escape, "\\"),
                (Text, "é"),
                (QuoteClose, "\"")
            ]
        );
    }

    #[test]
    fn nested_interpolations_containing_strings() {
        let text = r#""a${f("}", { b = "${c}" })}%{ if d }e%{ endif }""#;
        let mut lexer = Lexer::new(text);
        let mut found = Vec::new();
        while let Some(token) = lexer.next() {
            if token.kind != Space {
                found.push((token.kind, token.text(text), lexer.nesting()));
            }
        }
        assert_eq!(
            found,
            [
                (QuoteOpen, "\"", 1),
                (Text, "a", 1),
                (InterpolationOpen, "${", 2),
                (Ident, "f", 2),
                (Open, "(", 2),
                (QuoteOpen, "\"", 3),
                (Text, "}", 3),
                (QuoteClose, "\"", 2),
                (Punct, ",", 2),
                (Open, "{", 2),
                (Ident, "b", 2),
                (Punct, "=", 2),
                (QuoteOpen, "\"", 3),
                (InterpolationOpen, "${", 4),
                (Ident, "c", 4),
                (InterpolationClose, "}", 3),
                (QuoteClose, "\"", 2),
                (Close, "}", 2),
                (Close, ")", 2),
                (InterpolationClose, "}", 1),
                (DirectiveOpen, "%{", 2),
                (Ident, "if", 2),
                (Ident, "d", 2),
                (InterpolationClose, "}", 1),
                (Text, "e", 1),
                (DirectiveOpen, "%{", 2),
                (Ident, "endif", 2),
                (InterpolationClose, "}", 1),
                (QuoteClose, "\"", 0),
            ]
        );
    }

    #[test]
    fn heredocs() {
        let text = "x = <<EOT\n  a \"${b}\" \\n\n  EOTX\n  EOT\ny = <<-EOT\r\n  $${c}\r\n  EOT\r\n";
        assert_eq!(
            tokens(text),
            [
                (Ident, "x"),
                (Punct, "="),
                (HeredocOpen, "<<EOT\n"),
                (Text, "  a \""),
                (InterpolationOpen, "${"),
                (Ident, "b"),
                (InterpolationClose, "}"),
                (Text, "\" \\n\n"),
                // hcl-edit ends a heredoc at a line starting with its tag.
                (HeredocClose, "  EOT"),
                (Ident, "X"),
                (Newline, "\n"),
                (Ident, "EOT"),
                (Newline, "\n"),
                (Ident, "y"),
                (Punct, "="),
                (HeredocOpen, "<<-EOT\r\n"),
                (Text, "  "),
                (Escape, "$${"),
                (Text, "c}\r\n"),
                (HeredocClose, "  EOT"),
                (Newline, "\n"),
            ]
        );
        // An empty heredoc; a tag in the text that does not start a line.
        assert_eq!(
            tokens("<<EOT\nEOT\n<<A\nx A\nA"),
            [
                (HeredocOpen, "<<EOT\n"),
                (HeredocClose, "EOT"),
                (Newline, "\n"),
                (HeredocOpen, "<<A\n"),
                (Text, "x A\n"),
                (HeredocClose, "A"),
            ]
        );
        // Not heredocs: no tag, or more than a tag on the line.
        assert_eq!(tokens("<<\n")[0], (Punct, "<<"));
        assert_eq!(tokens("<<EOT \n")[0], (Punct, "<<"));
        assert_eq!(tokens("<<EOT")[0], (Punct, "<<"));
    }

    #[test]
    fn comments_of_three_kinds() {
        assert_eq!(
            tokens("a # b \"c\n// d /* e\n/* f\n ${g} */ h \"#\""),
            [
                (Ident, "a"),
                (LineComment, "# b \"c"),
                (Newline, "\n"),
                (LineComment, "// d /* e"),
                (Newline, "\n"),
                (BlockComment { closed: true }, "/* f\n ${g} */"),
                (Ident, "h"),
                (QuoteOpen, "\""),
                (Text, "#"),
                (QuoteClose, "\""),
            ]
        );
        assert_eq!(tokens("/*/"), [(BlockComment { closed: false }, "/*/")]);
        assert_eq!(tokens("a/b"), [(Ident, "a"), (Punct, "/"), (Ident, "b")]);
        let text = "x  # c\n";
        assert_eq!(comment_at(text, 3).map(|t| t.text(text)), Some("# c"));
        assert_eq!(comment_at(text, 2), None);
        assert_eq!(comment_at(text, 100), None);
    }

    #[test]
    fn unterminated_everything() {
        for (text, nesting) in [
            ("\"abc", 1),
            ("\"a${b", 2),
            ("\"a${ \"b", 3),
            ("x = <<EOT\nabc\n", 1),
            ("<<EOT\n${", 2),
            ("\"\\", 1),
        ] {
            let mut lexer = Lexer::new(text);
            let end = lexer.by_ref().last().map(|t| t.end);
            assert_eq!(end, Some(text.len()), "{text}");
            assert_eq!(lexer.nesting(), nesting, "{text}");
        }
    }

    #[test]
    fn whole_text_templates() {
        assert_eq!(
            of(Lexer::template("a\"b${c}\\"), "a\"b${c}\\"),
            [
                (Text, "a\"b"),
                (InterpolationOpen, "${"),
                (Ident, "c"),
                (InterpolationClose, "}"),
                (Text, "\\"),
            ]
        );
    }

    #[test]
    fn nesting_beyond_the_stack_is_one_token() {
        let text = "\"${".repeat(MAX_FRAMES) + "x";
        let last = Lexer::new(&text).last().unwrap();
        assert_eq!(last.kind, TooDeep);
        assert_eq!(last.end, text.len());
        assert_eq!(last.start, (MAX_FRAMES - 1) / 2 * 3 + 1);
    }

    #[test]
    fn starts_at_a_char_boundary() {
        let text = "é # c";
        let tokens: Vec<_> = Lexer::starting_at(text, 1).collect();
        assert_eq!(tokens[0].start, 0);
        assert_eq!(Lexer::starting_at(text, 99).next(), None);
    }

    #[test]
    fn for_expressions() {
        assert!(opens_for_expression("{ for k in x : k => 1 }", 1));
        assert!(opens_for_expression("{\n  for(", 1));
        assert!(!opens_for_expression("{ for-each = 1 }", 1));
        assert!(!opens_for_expression("{ format = 1 }", 1));
        assert!(!opens_for_expression("{", 5));
    }

    /// Text made of the pieces of the syntax, which random characters seldom form.
    fn pieces() -> impl Strategy<Value = String> {
        // One string, split at `|`: the pieces include spaces and newlines.
        let pieces: Vec<&str> =
            "\"|${|%{|$${|%%{|}|{|(|]|\\|<<EOT\n|<<-EOT\r\n|\nEOT|\n  EOT\n|#|//|/*|*/|\n| |a|-|1e|é|\r|="
                .split('|')
                .collect();
        prop::collection::vec(prop::sample::select(pieces), 0..200).prop_map(|p| p.concat())
    }

    fn covers_contiguously(text: &str) {
        let mut at = 0;
        for lexer in [Lexer::new(text), Lexer::template(text)] {
            for token in lexer.take(text.len() + 1) {
                assert_eq!(token.start, at, "{text:?}");
                assert!(token.end > token.start, "{text:?}");
                assert!(text.is_char_boundary(token.end), "{text:?}");
                at = token.end;
            }
            assert_eq!(at, text.len(), "{text:?}");
            at = 0;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 500,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn tokens_cover_any_text_in_order(text in any::<String>()) {
            covers_contiguously(&text);
        }

        #[test]
        fn tokens_cover_syntax_soup_in_order(text in pieces()) {
            covers_contiguously(&text);
        }
    }
}
