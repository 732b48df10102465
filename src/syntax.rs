//! The syntax tree souverain evaluates. Both native HCL (`.tf`, `.tofu`, `.tfvars`) and
//! Terraform's JSON syntax lower into it, so later stages never care which one a file
//! used. Every node keeps the span of the text it came from.

use crate::source::Span;
use std::sync::Arc;

pub type Name = Arc<str>;

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Null,
    Bool(bool),
    Number(f64),
    String(Arc<str>),
    /// A string with interpolations or directives.
    Template(Vec<TemplatePart>),
    Tuple(Vec<Expr>),
    /// Object constructor; keys are expressions (a bare identifier key is a string literal).
    Object(Vec<(Expr, Expr)>),
    /// A root name: `var`, `local`, `each`, `count`, `module`, a resource type, `path`, ...
    Variable(Name),
    Traversal(Box<Expr>, Vec<Traverse>),
    Call(Box<Call>),
    Conditional(Box<[Expr; 3]>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<[Expr; 2]>),
    For(Box<ForExpr>),
}

#[derive(Clone, Debug)]
pub enum Traverse {
    GetAttr(Name),
    Index(Expr),
    /// `.*`, the legacy attribute-only splat: only the attribute accesses and legacy
    /// `.0` indexes right after it (this many operators) apply to each element; the rest
    /// of the traversal applies to the resulting list. HCL reads `l.*.a[0]` as
    /// `(l.*.a)[0]` (hclsyntax/spec.md, "Splat Operators").
    AttrSplat(usize),
    /// `[*]`: the rest of the traversal applies to each element.
    FullSplat,
}

#[derive(Clone, Debug)]
pub struct Call {
    pub name: Name,
    pub args: Vec<Expr>,
    /// `f(list...)`
    pub expand_final: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Eq,
    NotEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    And,
    Or,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

#[derive(Clone, Debug)]
pub struct ForExpr {
    pub key_var: Option<Name>,
    pub value_var: Name,
    pub collection: Expr,
    /// Present for an object `for` (`{ for k, v in x : k => v }`).
    pub key: Option<Expr>,
    pub value: Expr,
    pub grouping: bool,
    pub cond: Option<Expr>,
}

#[derive(Clone, Debug)]
pub enum TemplatePart {
    Literal(Arc<str>),
    Interpolation(Expr),
    If {
        cond: Expr,
        then: Vec<TemplatePart>,
        otherwise: Vec<TemplatePart>,
    },
    For {
        key_var: Option<Name>,
        value_var: Name,
        collection: Expr,
        body: Vec<TemplatePart>,
    },
}

/// A block or file body.
#[derive(Clone, Debug, Default)]
pub struct Body {
    pub attributes: Vec<Attribute>,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug)]
pub struct Attribute {
    pub name: Name,
    pub expr: Expr,
    /// From the start of the name to the end of the value.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub ident: Name,
    pub labels: Vec<Name>,
    pub body: Body,
    /// The whole block.
    pub span: Span,
    /// The block header (identifier and labels), the place a diagnostic points at.
    pub header: Span,
}

impl Body {
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| &*a.name == name)
    }

    pub fn blocks_named<'a>(&'a self, ident: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks.iter().filter(move |b| &*b.ident == ident)
    }
}

/// A reference to an attribute of a managed resource: `TYPE.NAME.attr` or
/// `TYPE.NAME[key].attr`.
pub struct ResourceRef<'e> {
    pub kind: &'e str,
    pub name: &'e str,
    pub key: Option<&'e Expr>,
}

impl Expr {
    /// The resource this expression reads an attribute of, also inside `"${…}"`. Resource
    /// types always hold an `_`, which tells them from `var`, `local`, `module`, `each`, …
    pub fn resource_reference(&self) -> Option<ResourceRef<'_>> {
        match &self.kind {
            ExprKind::Template(parts) => match parts.as_slice() {
                [TemplatePart::Interpolation(inner)] => inner.resource_reference(),
                _ => None,
            },
            ExprKind::Traversal(root, ops) => {
                let ExprKind::Variable(kind) = &root.kind else {
                    return None;
                };
                let (name, key) = match ops.as_slice() {
                    [Traverse::GetAttr(name), Traverse::GetAttr(_), ..] => (name, None),
                    [
                        Traverse::GetAttr(name),
                        Traverse::Index(key),
                        Traverse::GetAttr(_),
                        ..,
                    ] => (name, Some(key)),
                    _ => return None,
                };
                kind.contains('_')
                    .then_some(ResourceRef { kind, name, key })
            }
            _ => None,
        }
    }

    /// The literal string of a plain string expression (`"x"`, or a template without
    /// interpolation).
    pub fn as_literal_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::String(s) => Some(s),
            ExprKind::Template(parts) => match parts.as_slice() {
                [TemplatePart::Literal(s)] => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// A static reference such as `aws.west` or `var.x` as its dotted parts; `None` when the
    /// expression is not a plain attribute traversal.
    pub fn as_reference(&self) -> Option<Vec<&str>> {
        match &self.kind {
            ExprKind::Variable(root) => Some(vec![root]),
            ExprKind::Traversal(root, ops) => {
                let ExprKind::Variable(root) = &root.kind else {
                    return None;
                };
                let mut parts = vec![&**root];
                for op in ops {
                    match op {
                        Traverse::GetAttr(n) => parts.push(n),
                        _ => return None,
                    }
                }
                Some(parts)
            }
            // JSON syntax (and legacy HCL) writes references as strings: `"aws.west"`.
            _ => self.as_literal_str().map(|s| s.split('.').collect()),
        }
    }
}
