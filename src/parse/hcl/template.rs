//! HCL's pass over the pieces of a template before it builds the template's tree
//! (hclsyntax/parser_template.go, `parseTemplateParts`): a strip marker `~` removes the
//! whitespace of the literal next to it (hclsyntax/spec.md, "Template Literals"), then
//! consecutive literals are joined. hcl-edit keeps the markers but does not apply them.

use crate::syntax::Name;
use hcl_edit::template::Strip;

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
pub(super) fn strip_and_join<E>(pieces: Vec<Piece<E>>, heredoc: bool) -> Vec<Piece<E>> {
    let mut pieces = if heredoc { split_lines(pieces) } else { pieces };
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
    join_literals(pieces)
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
