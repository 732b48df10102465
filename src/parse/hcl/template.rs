//! HCL's pass over the pieces of a template before it builds the template's tree
//! (hclsyntax/parser_template.go, `parseTemplateParts`): a strip marker `~` removes the
//! whitespace of the literal next to it (hclsyntax/spec.md, "Template Literals"), a `<<-`
//! heredoc then loses the indentation its lines share, and consecutive literals are
//! joined. hcl-edit keeps the markers but does not apply them.

use crate::syntax::Name;
use hcl_edit::template::Strip;
use unicode_segmentation::UnicodeSegmentation;

/// How the template's text was written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Lines {
    /// A quoted string or a standalone template: a literal is one piece.
    Quoted,
    /// A `<<` heredoc: each line of a literal is a piece of its own.
    Heredoc,
    /// A `<<-` heredoc, with its own text (not stripped of its indentation).
    FlushHeredoc,
}

/// A piece of a template in source order, directives flattened to their markers, as
/// HCL's parser sees them. `E` is the expression of an interpolation or directive.
pub(super) enum Piece<E> {
    Literal(String),
    Interpolation(E, Strip),
    If(E, Strip),
    Else(Strip),
    EndIf(Strip),
    For {
        key_var: Option<Name>,
        value_var: Name,
        collection: E,
        strip: Strip,
    },
    EndFor(Strip),
}

impl<E> Piece<E> {
    fn strip(&self) -> Strip {
        match self {
            Piece::Literal(_) => Strip::None,
            Piece::Interpolation(_, strip)
            | Piece::If(_, strip)
            | Piece::Else(strip)
            | Piece::EndIf(strip)
            | Piece::For { strip, .. }
            | Piece::EndFor(strip) => *strip,
        }
    }
}

/// Applies the strip markers and joins consecutive literals. In a heredoc, HCL's scanner
/// reads each line as a literal of its own, so a marker strips at most to the line break
/// after it (`%{ for … ~}` eats the rest of its line and the newline) or from the start
/// of its own line (the whole previous line when the marker opens the line).
pub(super) fn strip_and_join<E>(pieces: Vec<Piece<E>>, lines: Lines) -> Vec<Piece<E>> {
    let mut pieces = match lines {
        Lines::Quoted => pieces,
        Lines::Heredoc | Lines::FlushHeredoc => split_lines(pieces),
    };
    for i in 0..pieces.len() {
        let strip = pieces[i].strip();
        if strip.strip_start()
            && let Some(Piece::Literal(before)) = i.checked_sub(1).map(|j| &mut pieces[j])
        {
            before.truncate(before.trim_end().len());
        }
        if strip.strip_end()
            && let Some(Piece::Literal(after)) = pieces.get_mut(i + 1)
        {
            *after = after.trim_start().to_string();
        }
    }
    if lines == Lines::FlushHeredoc {
        flush(&mut pieces);
    }
    join_literals(pieces)
}

/// Removes from each line the leading whitespace all lines share, counted in characters
/// (grapheme clusters). A line that is only whitespace does not count and keeps its
/// whitespace; a line that starts with an interpolation or a directive has none
/// (hclsyntax/spec.md, heredocs: "the minimum number of leading spaces"; hclsyntax's
/// flushHeredocTemplateParts for blank lines). Lines are told by the line breaks left
/// after the strip markers, as HCL does.
fn flush<E>(pieces: &mut [Piece<E>]) {
    let mut shared = usize::MAX;
    let mut line_start = true;
    let mut indented = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if std::mem::take(&mut line_start) {
            let spaces = match piece {
                Piece::Literal(text) if text.trim_start().is_empty() && text.ends_with('\n') => {
                    usize::MAX
                }
                Piece::Literal(text) => {
                    indented.push(i);
                    let spaces = &text[..text.len() - text.trim_start().len()];
                    spaces.graphemes(true).count()
                }
                _ => 0,
            };
            shared = shared.min(spaces);
        }
        line_start = matches!(piece, Piece::Literal(text) if text.ends_with('\n'));
    }
    for i in indented {
        if let Piece::Literal(text) = &mut pieces[i] {
            let cut: usize = text.graphemes(true).take(shared).map(str::len).sum();
            text.drain(..cut);
        }
    }
}

/// Each line of a literal as a literal of its own, with its line break.
fn split_lines<E>(pieces: Vec<Piece<E>>) -> Vec<Piece<E>> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.extend(
                text.split_inclusive('\n')
                    .map(|line| Piece::Literal(line.to_string())),
            ),
            other => out.push(other),
        }
    }
    out
}

fn join_literals<E>(pieces: Vec<Piece<E>>) -> Vec<Piece<E>> {
    let mut out: Vec<Piece<E>> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (out.last_mut(), piece) {
            (Some(Piece::Literal(joined)), Piece::Literal(next)) => joined.push_str(&next),
            (_, piece) => out.push(piece),
        }
    }
    out
}
