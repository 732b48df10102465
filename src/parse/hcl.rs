//! Lowers hcl-edit's tree into [`crate::syntax`], keeping spans.

mod template;

use super::depth::{Start, check_depth};
use crate::source::{FileId, Span};
use crate::syntax::*;
use hcl_edit::Span as _;
use hcl_edit::expr::{self as hx, Expression};
use hcl_edit::template as ht;
use std::sync::Arc;
use template::{Lines, Piece, strip_and_join};

/// A syntax error at a byte offset of the file.
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

pub fn parse_body(file: FileId, text: &str) -> Result<Body, SyntaxError> {
    check_depth(text, Start::Body)?;
    let body = hcl_edit::parser::parse_body(text).map_err(|e| SyntaxError {
        offset: e.location().offset(),
        message: e.message().trim().to_string(),
    })?;
    Ok(Lower { file, text }.body(&body))
}

/// Parses a standalone template (a JSON string value); spans point at `span`.
pub fn parse_template(file: FileId, text: &str, span: Span) -> Result<Vec<TemplatePart>, String> {
    check_depth(text, Start::Template).map_err(|e| e.message)?;
    let template = hcl_edit::parser::parse_template(text).map_err(|e| e.message().to_string())?;
    Ok(Lower { file, text }
        .with_fixed_span(span)
        .template(&template))
}

/// Parses a standalone expression (a JSON string where Terraform expects a bare
/// expression, such as `count` or `for_each`); spans point at `span`.
pub fn parse_expr(file: FileId, text: &str, span: Span) -> Result<Expr, String> {
    check_depth(text, Start::Expr).map_err(|e| e.message)?;
    let expr = hcl_edit::parser::parse_expr(text).map_err(|e| e.message().to_string())?;
    Ok(Lower { file, text }.with_fixed_span(span).expr(&expr))
}

struct Lower<'t> {
    file: FileId,
    /// The text parsed, which hcl-edit's ranges index.
    text: &'t str,
}

/// Lowering for text that is not at its own offset in the file (JSON strings): every node
/// gets the span of the enclosing JSON string.
struct FixedLower<'t> {
    span: Span,
    text: &'t str,
}

/// Lowering for a `<<-` heredoc parsed again from its own text (see
/// [`LowerExt::flush_heredoc`]): ranges in `text` are `shift` bytes before the enclosing
/// lowering's.
struct Shifted<'s> {
    inner: &'s dyn Spans,
    shift: usize,
    text: &'s str,
}

trait Spans {
    fn span_of(&self, range: Option<std::ops::Range<usize>>) -> Span;
    /// The text hcl-edit's ranges index.
    fn text(&self) -> &str;
}

impl Spans for Lower<'_> {
    fn span_of(&self, range: Option<std::ops::Range<usize>>) -> Span {
        Span::new(self.file, range.unwrap_or(0..0))
    }
    fn text(&self) -> &str {
        self.text
    }
}

impl Spans for FixedLower<'_> {
    fn span_of(&self, _: Option<std::ops::Range<usize>>) -> Span {
        self.span
    }
    fn text(&self) -> &str {
        self.text
    }
}

impl Spans for Shifted<'_> {
    fn span_of(&self, range: Option<std::ops::Range<usize>>) -> Span {
        self.inner
            .span_of(range.map(|r| r.start + self.shift..r.end + self.shift))
    }
    fn text(&self) -> &str {
        self.text
    }
}

impl<'t> Lower<'t> {
    fn with_fixed_span(self, span: Span) -> FixedLower<'t> {
        FixedLower {
            span,
            text: self.text,
        }
    }
}

impl<T: Spans> LowerExt for T {}

trait LowerExt: Spans + Sized {
    fn body(&self, body: &hcl_edit::structure::Body) -> Body {
        let mut out = Body::default();
        for structure in body.iter() {
            match structure {
                hcl_edit::structure::Structure::Attribute(attr) => out.attributes.push(Attribute {
                    name: Arc::from(attr.key.as_str()),
                    expr: self.expr(&attr.value),
                    span: self.span_of(join(attr.key.span(), attr.value.span())),
                }),
                hcl_edit::structure::Structure::Block(block) => {
                    let header_end = block
                        .labels
                        .last()
                        .and_then(|l| l.span())
                        .or_else(|| block.ident.span());
                    out.blocks.push(Block {
                        ident: Arc::from(block.ident.as_str()),
                        labels: block.labels.iter().map(|l| Arc::from(l.as_str())).collect(),
                        body: self.body(&block.body),
                        span: self.span_of(block.span()),
                        header: self.span_of(join(block.ident.span(), header_end)),
                    })
                }
            }
        }
        out
    }

    fn expr(&self, expr: &Expression) -> Expr {
        let span = self.span_of(expr.span());
        let kind = match expr {
            Expression::Null(_) => ExprKind::Null,
            Expression::Bool(b) => ExprKind::Bool(*b.value()),
            Expression::Number(n) => ExprKind::Number(n.value().as_f64().unwrap_or(f64::NAN)),
            Expression::String(s) => ExprKind::String(Arc::from(s.value().as_str())),
            Expression::Array(items) => {
                ExprKind::Tuple(items.iter().map(|e| self.expr(e)).collect())
            }
            Expression::Object(object) => ExprKind::Object(
                object
                    .iter()
                    .map(|(key, value)| (self.object_key(key), self.expr(value.expr())))
                    .collect(),
            ),
            Expression::StringTemplate(t) => {
                ExprKind::Template(self.template_elements(t.iter(), Lines::Quoted))
            }
            Expression::HeredocTemplate(h) => ExprKind::Template(self.heredoc(h)),
            Expression::Parenthesis(p) => return self.expr(p.inner()),
            Expression::Variable(v) => ExprKind::Variable(Arc::from(v.as_str())),
            Expression::Conditional(c) => ExprKind::Conditional(Box::new([
                self.expr(&c.cond_expr),
                self.expr(&c.true_expr),
                self.expr(&c.false_expr),
            ])),
            Expression::FuncCall(call) => {
                let mut name = String::new();
                for ns in &call.name.namespace {
                    name.push_str(ns.as_str());
                    name.push_str("::");
                }
                name.push_str(call.name.name.as_str());
                ExprKind::Call(Box::new(Call {
                    name: Arc::from(name),
                    args: call.args.iter().map(|a| self.expr(a)).collect(),
                    expand_final: call.args.expand_final(),
                }))
            }
            Expression::Traversal(t) => ExprKind::Traversal(
                Box::new(self.expr(&t.expr)),
                t.operators
                    .iter()
                    .enumerate()
                    .map(|(i, op)| match op.value() {
                        hx::TraversalOperator::AttrSplat(_) => Traverse::AttrSplat(
                            t.operators[i + 1..]
                                .iter()
                                .take_while(|next| {
                                    matches!(
                                        next.value(),
                                        hx::TraversalOperator::GetAttr(_)
                                            | hx::TraversalOperator::LegacyIndex(_)
                                    )
                                })
                                .count(),
                        ),
                        hx::TraversalOperator::FullSplat(_) => Traverse::FullSplat,
                        hx::TraversalOperator::GetAttr(name) => {
                            Traverse::GetAttr(Arc::from(name.as_str()))
                        }
                        hx::TraversalOperator::Index(e) => Traverse::Index(self.expr(e)),
                        hx::TraversalOperator::LegacyIndex(i) => Traverse::Index(Expr {
                            kind: ExprKind::Number(*i.value() as f64),
                            span: self.span_of(i.span()),
                        }),
                    })
                    .collect(),
            ),
            Expression::UnaryOp(op) => ExprKind::Unary(
                match op.operator.value() {
                    hx::UnaryOperator::Neg => UnaryOp::Neg,
                    hx::UnaryOperator::Not => UnaryOp::Not,
                },
                Box::new(self.expr(&op.expr)),
            ),
            Expression::BinaryOp(op) => {
                use hx::BinaryOperator as B;
                let operator = match op.operator.value() {
                    B::Eq => BinaryOp::Eq,
                    B::NotEq => BinaryOp::NotEq,
                    B::Less => BinaryOp::Lt,
                    B::LessEq => BinaryOp::LtEq,
                    B::Greater => BinaryOp::Gt,
                    B::GreaterEq => BinaryOp::GtEq,
                    B::And => BinaryOp::And,
                    B::Or => BinaryOp::Or,
                    B::Plus => BinaryOp::Add,
                    B::Minus => BinaryOp::Sub,
                    B::Mul => BinaryOp::Mul,
                    B::Div => BinaryOp::Div,
                    B::Mod => BinaryOp::Mod,
                };
                ExprKind::Binary(
                    operator,
                    Box::new([self.expr(&op.lhs_expr), self.expr(&op.rhs_expr)]),
                )
            }
            Expression::ForExpr(f) => ExprKind::For(Box::new(ForExpr {
                key_var: f.intro.key_var.as_ref().map(|k| Arc::from(k.as_str())),
                value_var: Arc::from(f.intro.value_var.as_str()),
                collection: self.expr(&f.intro.collection_expr),
                key: f.key_expr.as_ref().map(|k| self.expr(k)),
                value: self.expr(&f.value_expr),
                grouping: f.grouping,
                cond: f.cond.as_ref().map(|c| self.expr(&c.expr)),
            })),
        };
        Expr { kind, span }
    }

    fn object_key(&self, key: &hx::ObjectKey) -> Expr {
        match key {
            hx::ObjectKey::Ident(ident) => Expr {
                kind: ExprKind::String(Arc::from(ident.as_str())),
                span: self.span_of(ident.span()),
            },
            // A bare keyword is a name like any identifier: `{null = 1}` has the key "null"
            // (hclsyntax/spec.md, "Collection Values" and "Static Traversal"); `(null)` is
            // the null value, which is not a valid key. `true` and `false` convert to the
            // same names.
            hx::ObjectKey::Expression(Expression::Null(null)) => Expr {
                kind: ExprKind::String(Arc::from("null")),
                span: self.span_of(null.span()),
            },
            hx::ObjectKey::Expression(e) => self.expr(e),
        }
    }

    fn template(&self, template: &ht::Template) -> Vec<TemplatePart> {
        self.template_elements(template.iter(), Lines::Quoted)
    }

    /// hcl-edit strips a `<<-` heredoc's indentation itself, counting whitespace-only lines,
    /// and before the strip markers are applied; HCL ignores those lines and strips the
    /// markers first (hclsyntax's flushHeredocTemplateParts). Such a heredoc is parsed again
    /// from its text as a plain `<<` one and flushed here.
    fn heredoc(&self, h: &ht::HeredocTemplate) -> Vec<TemplatePart> {
        let raw = h.span().and_then(|r| self.text().get(r)).unwrap_or("");
        if !raw.starts_with("<<-") {
            return self.template_elements(h.template.iter(), Lines::Heredoc);
        }
        if h.indent().is_none() {
            // hcl-edit left the text as it is.
            return self.template_elements(h.template.iter(), Lines::FlushHeredoc);
        }
        let delimiter = h.delimiter.as_str();
        let (Some(first), Some(last)) = (raw.find('\n'), raw.rfind('\n')) else {
            return self.template_elements(h.template.iter(), Lines::Heredoc);
        };
        if raw[last + 1..].trim() != delimiter {
            return self.template_elements(h.template.iter(), Lines::Heredoc);
        }
        let body = &raw[first + 1..last + 1];
        let text = format!("<<{delimiter}\n{body}{delimiter}");
        let Ok(Expression::HeredocTemplate(plain)) = hcl_edit::parser::parse_expr(&text) else {
            return self.template_elements(h.template.iter(), Lines::Heredoc);
        };
        let body_start = h.span().map_or(0, |r| r.start) + first + 1;
        let shifted = Shifted {
            inner: self,
            shift: body_start - (delimiter.len() + 3),
            text: &text,
        };
        shifted.template_elements(plain.template.iter(), Lines::FlushHeredoc)
    }

    /// A template's parts, with its strip markers applied (see [`template`]).
    fn template_elements<'a>(
        &self,
        elements: impl Iterator<Item = &'a ht::Element>,
        lines: Lines,
    ) -> Vec<TemplatePart> {
        let mut pieces = Vec::new();
        flatten(elements, &mut pieces);
        let mut pieces = strip_and_join(pieces, lines).into_iter();
        let (parts, _) = self.build(&mut pieces);
        parts
    }

    /// The parts up to the marker that closes them (`else`, `endif`, `endfor`), returned
    /// with them; hcl-edit nested the directives, so the markers balance.
    fn build<'e>(
        &self,
        pieces: &mut std::vec::IntoIter<Piece<&'e Expression>>,
    ) -> (Vec<TemplatePart>, Option<Piece<&'e Expression>>) {
        let mut parts = Vec::new();
        while let Some(piece) = pieces.next() {
            parts.push(match piece {
                Piece::Literal(s) => TemplatePart::Literal(Arc::from(s)),
                Piece::Interpolation(e, _) => TemplatePart::Interpolation(self.expr(e)),
                Piece::If(cond, _) => {
                    let (then, end) = self.build(pieces);
                    let otherwise = match end {
                        Some(Piece::Else(_)) => self.build(pieces).0,
                        _ => Vec::new(),
                    };
                    TemplatePart::If {
                        cond: self.expr(cond),
                        then,
                        otherwise,
                    }
                }
                Piece::For {
                    key_var,
                    value_var,
                    collection,
                    ..
                } => TemplatePart::For {
                    key_var,
                    value_var,
                    collection: self.expr(collection),
                    body: self.build(pieces).0,
                },
                end @ (Piece::Else(_) | Piece::EndIf(_) | Piece::EndFor(_)) => {
                    return (parts, Some(end));
                }
            });
        }
        (parts, None)
    }
}

/// The pieces of template elements in source order, directives flattened.
fn flatten<'a>(
    elements: impl Iterator<Item = &'a ht::Element>,
    out: &mut Vec<Piece<&'a Expression>>,
) {
    for element in elements {
        match element {
            ht::Element::Literal(s) => out.push(Piece::Literal(s.value().clone())),
            ht::Element::Interpolation(i) => out.push(Piece::Interpolation(&i.expr, i.strip)),
            ht::Element::Directive(d) => match d.as_ref() {
                ht::Directive::If(d) => {
                    out.push(Piece::If(&d.if_expr.cond_expr, d.if_expr.strip));
                    flatten(d.if_expr.template.iter(), out);
                    if let Some(e) = &d.else_expr {
                        out.push(Piece::Else(e.strip));
                        flatten(e.template.iter(), out);
                    }
                    out.push(Piece::EndIf(d.endif_expr.strip));
                }
                ht::Directive::For(d) => {
                    out.push(Piece::For {
                        key_var: d.for_expr.key_var.as_ref().map(|k| Arc::from(k.as_str())),
                        value_var: Arc::from(d.for_expr.value_var.as_str()),
                        collection: &d.for_expr.collection_expr,
                        strip: d.for_expr.strip,
                    });
                    flatten(d.for_expr.template.iter(), out);
                    out.push(Piece::EndFor(d.endfor_expr.strip));
                }
            },
        }
    }
}

fn join(
    a: Option<std::ops::Range<usize>>,
    b: Option<std::ops::Range<usize>>,
) -> Option<std::ops::Range<usize>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the first interpolation of attribute `a`'s template.
    fn interpolated(text: &str) -> &str {
        let Ok(body) = parse_body(FileId(0), text) else {
            panic!("valid body");
        };
        let Some(ExprKind::Template(parts)) = body.attribute("a").map(|a| &a.expr.kind) else {
            panic!("a template");
        };
        let Some(span) = parts.iter().find_map(|p| match p {
            TemplatePart::Interpolation(e) => Some(e.span),
            _ => None,
        }) else {
            panic!("an interpolation");
        };
        &text[span.start as usize..span.end as usize]
    }

    #[test]
    fn a_flush_heredoc_read_again_keeps_its_spans() {
        assert_eq!(interpolated("a = <<-EOT\n    x ${var.x}\n  EOT\n"), "var.x");
        assert_eq!(
            interpolated("b = 1\na = <<-END\n  \n    ${upper(\"x\")}\n  END\n"),
            "upper(\"x\")"
        );
        assert_eq!(interpolated("a = <<EOT\n  ${var.y}\nEOT\n"), "var.y");
    }

    #[test]
    fn a_flush_heredoc_in_a_file_ends_at_its_delimiter() {
        let text = "a = <<-EOT\n    x\n  \n    y\n  EOT\nb = 1\n";
        let Ok(body) = parse_body(FileId(0), text) else {
            panic!("valid body");
        };
        let Some(ExprKind::Template(parts)) = body.attribute("a").map(|a| &a.expr.kind) else {
            panic!("a template");
        };
        assert!(
            matches!(parts.as_slice(), [TemplatePart::Literal(s)] if &**s == "x\n  \ny\n"),
            "{parts:?}"
        );
    }
}
