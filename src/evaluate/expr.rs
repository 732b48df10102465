//! The expression evaluator. References (`var.x`, `local.y`, `aws_s3_bucket.b.region`,
//! `each.key`, …) are answered by a [`Scope`]; everything else — literals, operators,
//! templates, `for`, conditionals and function calls — is evaluated here.

use super::functions;
use super::value::{MAX_STRING_LEN, Unknown, Value, format_number};
use crate::syntax::{BinaryOp, Expr, ExprKind, ForExpr, TemplatePart, Traverse, UnaryOp};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Deepest expression nesting evaluated; deeper input yields an error value, not a stack
/// overflow.
pub const MAX_DEPTH: u32 = 256;

/// Largest collection a `for` expression may iterate.
pub const MAX_ITERATIONS: usize = 1_000_000;

/// Answers the references of an expression.
pub trait Scope {
    /// Resolves a reference rooted at `root`, followed by `ops`. Returns the value and how
    /// many of `ops` were consumed (the evaluator applies the rest).
    fn reference(&self, eval: &Evaluator<'_>, root: &str, ops: &[Traverse]) -> (Value, usize);
}

pub struct Evaluator<'s> {
    scope: &'s dyn Scope,
    /// Variables bound by `for` expressions and template `for` directives, innermost last.
    bound: RefCell<Vec<(Arc<str>, Value)>>,
    depth: Cell<u32>,
    /// The first limit hit (see [`Value::over_limit`]), kept even when the value it
    /// stopped ends up inside a collection or behind `can()`.
    limit_hit: RefCell<Option<Unknown>>,
}

impl<'s> Evaluator<'s> {
    pub fn new(scope: &'s dyn Scope) -> Evaluator<'s> {
        Evaluator {
            scope,
            bound: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            limit_hit: RefCell::new(None),
        }
    }

    /// The first limit an evaluation hit, for the caller to report.
    pub fn limit_hit(&self) -> Option<Unknown> {
        self.limit_hit.borrow().clone()
    }

    pub fn eval(&self, expr: &Expr) -> Value {
        let depth = self.depth.get();
        let mut value = if depth >= MAX_DEPTH {
            Value::over_limit(format!("expression nested deeper than {MAX_DEPTH} levels"))
        } else {
            self.depth.set(depth + 1);
            let value = self.eval_kind(expr);
            self.depth.set(depth);
            value
        };
        // Only these build collections; bounding what they build bounds every value.
        if matches!(
            expr.kind,
            ExprKind::Tuple(_) | ExprKind::Object(_) | ExprKind::Call(_) | ExprKind::For(_)
        ) && let Some(reason) = value.oversize()
        {
            value = Value::over_limit(reason);
        }
        if let Value::Unknown(u) = &value
            && u.limit
            && self.limit_hit.borrow().is_none()
        {
            *self.limit_hit.borrow_mut() = Some(u.clone());
        }
        value
    }

    fn eval_kind(&self, expr: &Expr) -> Value {
        match &expr.kind {
            ExprKind::Null => Value::Null,
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::Number(n) => Value::Number(*n),
            ExprKind::String(s) => Value::String(s.clone()),
            ExprKind::Template(parts) => self.template(parts),
            ExprKind::Tuple(items) => Value::list(items.iter().map(|e| self.eval(e)).collect()),
            ExprKind::Object(entries) => self.object(entries),
            ExprKind::Variable(name) => self.traversal(name, &[]),
            ExprKind::Traversal(root, ops) => match &root.kind {
                ExprKind::Variable(name) => self.traversal(name, ops),
                _ => {
                    let value = self.eval(root);
                    self.apply(value, ops)
                }
            },
            ExprKind::Call(call) => match &*call.name {
                "try" => self.try_(&call.args),
                "can" => self.can(&call.args),
                name => {
                    let mut args: Vec<Value> = call.args.iter().map(|a| self.eval(a)).collect();
                    if call.expand_final {
                        match args.pop() {
                            Some(Value::List(items) | Value::Set(items)) => {
                                args.extend(items.iter().cloned())
                            }
                            Some(u @ Value::Unknown(_)) => return u,
                            _ => {
                                return Value::error(format!(
                                    "{name}(...): the expanded argument must be a list"
                                ));
                            }
                        }
                    }
                    functions::call(name, args)
                }
            },
            ExprKind::Conditional(parts) => self.conditional(&parts[0], &parts[1], &parts[2]),
            ExprKind::Unary(op, operand) => unary(*op, self.eval(operand)),
            ExprKind::Binary(op, operands) => self.binary(*op, &operands[0], &operands[1]),
            ExprKind::For(f) => self.for_expr(f),
        }
    }

    fn object(&self, entries: &[(Expr, Expr)]) -> Value {
        let mut map = BTreeMap::new();
        for (key, value) in entries {
            let key = match self.eval(key).to_string_value() {
                Ok(k) => k,
                Err(u) => return u,
            };
            // Terraform keeps the last of duplicate keys.
            map.insert(key.to_string(), self.eval(value));
        }
        Value::map(map)
    }

    fn traversal(&self, root: &str, ops: &[Traverse]) -> Value {
        let bound = self
            .bound
            .borrow()
            .iter()
            .rev()
            .find(|(n, _)| &**n == root)
            .map(|(_, v)| v.clone());
        let (value, consumed) = match bound {
            Some(value) => (value, 0),
            None => self.scope.reference(self, root, ops),
        };
        self.apply(value, &ops[consumed.min(ops.len())..])
    }

    /// Applies traversal operators to a value.
    pub fn apply(&self, mut value: Value, ops: &[Traverse]) -> Value {
        for (i, op) in ops.iter().enumerate() {
            value = match op {
                Traverse::GetAttr(name) => get_attr(&value, name),
                Traverse::Index(index) => index_value(&value, &self.eval(index)),
                Traverse::AttrSplat(_) | Traverse::FullSplat => {
                    // A full splat applies the rest of the traversal to each element; a
                    // legacy one only the operators it captured, the rest to the list.
                    let (each, after) = match op {
                        Traverse::AttrSplat(captured) => {
                            ops[i + 1..].split_at((*captured).min(ops.len() - i - 1))
                        }
                        _ => (&ops[i + 1..], &[][..]),
                    };
                    let splat = match value {
                        Value::Unknown(_) => value,
                        Value::Null => Value::list(Vec::new()),
                        Value::List(items) | Value::Set(items) => Value::list(
                            items
                                .iter()
                                .map(|item| self.apply(item.clone(), each))
                                .collect(),
                        ),
                        other => Value::list(vec![self.apply(other, each)]),
                    };
                    return self.apply(splat, after);
                }
            };
            if value.is_unknown() {
                return value;
            }
        }
        value
    }

    fn template(&self, parts: &[TemplatePart]) -> Value {
        // A template that is a single interpolation yields the value itself, not a string.
        if let [TemplatePart::Interpolation(expr)] = parts {
            return self.eval(expr);
        }
        let mut out = String::new();
        match self.render(parts, &mut out) {
            Ok(()) => Value::string(out),
            Err(u) => Value::Unknown(u),
        }
    }

    fn render(&self, parts: &[TemplatePart], out: &mut String) -> Result<(), Unknown> {
        for part in parts {
            match part {
                TemplatePart::Literal(s) => out.push_str(s),
                TemplatePart::Interpolation(expr) => match self.eval(expr) {
                    Value::Unknown(u) => return Err(u),
                    Value::Null => {
                        return Err(unknown_of(Value::error(
                            "a template interpolates a null value",
                        )));
                    }
                    value => out.push_str(&value.to_string_value().map_err(unknown_of)?),
                },
                TemplatePart::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    let branch = if self.eval(cond).to_bool().map_err(unknown_of)? {
                        then
                    } else {
                        otherwise
                    };
                    self.render(branch, out)?;
                }
                TemplatePart::For {
                    key_var,
                    value_var,
                    collection,
                    body,
                } => {
                    for (key, value) in self.iterate(&self.eval(collection)).map_err(unknown_of)? {
                        let result =
                            self.with_bound(key_var.as_ref(), key, value_var, value, |ev| {
                                ev.render(body, out)
                            });
                        result?;
                        within_string_limit(out)?;
                    }
                }
            }
            within_string_limit(out)?;
        }
        Ok(())
    }

    /// The result has the type both results unify to (hclsyntax/spec.md, "Conditional
    /// Operator"): `true ? 1 : "x"` is `"1"`. Only primitives are unified here; the other
    /// result is evaluated only when the chosen one is a number or a bool, and when it is
    /// unknown its type is too, so the chosen result is kept as it is.
    fn conditional(&self, cond: &Expr, then: &Expr, otherwise: &Expr) -> Value {
        let (chosen, other) = match self.eval(cond).to_bool() {
            Ok(true) => (then, otherwise),
            Ok(false) => (otherwise, then),
            Err(unknown) => {
                // Both branches agreeing is the only way to know the result.
                let (a, b) = unified(self.eval(then), self.eval(otherwise));
                return if a == b && a.first_unknown().is_none() {
                    a
                } else {
                    unknown
                };
            }
        };
        match self.eval(chosen) {
            value @ (Value::Number(_) | Value::Bool(_)) => unified(value, self.eval(other)).0,
            value => value,
        }
    }

    fn binary(&self, op: BinaryOp, lhs: &Expr, rhs: &Expr) -> Value {
        let left = self.eval(lhs);
        // `false && x` and `true || x` are known whatever `x` is.
        match (op, &left) {
            (BinaryOp::And, Value::Bool(false)) => return Value::Bool(false),
            (BinaryOp::Or, Value::Bool(true)) => return Value::Bool(true),
            _ => {}
        }
        binary(op, left, self.eval(rhs))
    }

    fn for_expr(&self, f: &ForExpr) -> Value {
        let pairs = match self.iterate(&self.eval(&f.collection)) {
            Ok(pairs) => pairs,
            Err(u) => return u,
        };
        let mut list = Vec::new();
        let mut map: BTreeMap<String, Value> = BTreeMap::new();
        for (key, value) in pairs {
            let item = self.with_bound(f.key_var.as_ref(), key, &f.value_var, value, |ev| {
                if let Some(cond) = &f.cond {
                    match ev.eval(cond).to_bool() {
                        Ok(true) => {}
                        Ok(false) => return Ok(None),
                        Err(u) => return Err(u),
                    }
                }
                let key = match &f.key {
                    Some(k) => Some(ev.eval(k).to_string_value()?),
                    None => None,
                };
                Ok(Some((key, ev.eval(&f.value))))
            });
            match item {
                Err(u) => return u,
                Ok(None) => {}
                Ok(Some((None, v))) => list.push(v),
                Ok(Some((Some(k), v))) => {
                    if f.grouping {
                        let group = map
                            .entry(k.to_string())
                            .or_insert_with(|| Value::list(Vec::new()));
                        if let Value::List(items) = group {
                            Arc::make_mut(items).push(v);
                        }
                    } else if map.insert(k.to_string(), v).is_some() {
                        return Value::error(format!(
                            "duplicate key \"{k}\" in a for expression (use ... to group)"
                        ));
                    }
                }
            }
        }
        if f.key.is_some() {
            Value::map(map)
        } else {
            Value::list(list)
        }
    }

    /// The (key, value) pairs a `for` iterates: index and element for lists, the element
    /// twice for sets, key and value for maps.
    fn iterate(&self, collection: &Value) -> Result<Vec<(Value, Value)>, Value> {
        let pairs: Vec<(Value, Value)> = match collection {
            Value::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Value::Number(i as f64), v.clone()))
                .collect(),
            // A set's elements have no position: the key is the element itself.
            Value::Set(items) => items.iter().map(|v| (v.clone(), v.clone())).collect(),
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| (Value::string(k.as_str()), v.clone()))
                .collect(),
            Value::Unknown(_) => return Err(collection.clone()),
            Value::Null => return Err(Value::error("cannot iterate over a null value")),
            other => {
                return Err(Value::error(format!(
                    "cannot iterate over a {}",
                    other.type_name()
                )));
            }
        };
        if pairs.len() > MAX_ITERATIONS {
            return Err(Value::over_limit(format!(
                "collection of {} elements exceeds the iteration limit of {MAX_ITERATIONS}",
                pairs.len()
            )));
        }
        Ok(pairs)
    }

    fn with_bound<T>(
        &self,
        key_var: Option<&Arc<str>>,
        key: Value,
        value_var: &Arc<str>,
        value: Value,
        f: impl FnOnce(&Self) -> T,
    ) -> T {
        let mark = self.bound.borrow().len();
        {
            let mut bound = self.bound.borrow_mut();
            if let Some(k) = key_var {
                bound.push((k.clone(), key));
            }
            bound.push((value_var.clone(), value));
        }
        let result = f(self);
        self.bound.borrow_mut().truncate(mark);
        result
    }

    /// `try(a, b, …)`: the first argument that evaluates without error. An argument that
    /// is merely not known statically stops the search: its real value might be valid.
    fn try_(&self, args: &[Expr]) -> Value {
        for arg in args {
            let value = self.eval(arg);
            match value.first_unknown() {
                Some(Unknown { error: true, .. }) => continue,
                _ => return value,
            }
        }
        Value::error("try(): no argument evaluated without error")
    }

    /// `can(x)`: whether `x` evaluates without error.
    fn can(&self, args: &[Expr]) -> Value {
        let [arg] = args else {
            return Value::error("can() takes exactly one argument");
        };
        match self.eval(arg).first_unknown() {
            Some(Unknown { error: true, .. }) => Value::Bool(false),
            Some(u) => Value::Unknown(u.clone()),
            None => Value::Bool(true),
        }
    }
}

/// Two primitive results converted to the type they unify to (see
/// [`functions::unify_values`]); anything else as it is.
fn unified(a: Value, b: Value) -> (Value, Value) {
    let primitive = |v: &Value| {
        matches!(
            v,
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_)
        )
    };
    if !primitive(&a) || !primitive(&b) {
        return (a, b);
    }
    match functions::unify_values(vec![a.clone(), b.clone()]).as_deref() {
        Ok([a, b]) => (a.clone(), b.clone()),
        _ => (a, b),
    }
}

fn unknown_of(value: Value) -> Unknown {
    match value {
        Value::Unknown(u) => u,
        other => Unknown {
            reason: Arc::from(format!("unexpected {}", other.type_name())),
            error: true,
            limit: false,
        },
    }
}

/// Checked while a template is rendered, not once it is complete: a `for` directive can
/// repeat a large string a million times.
fn within_string_limit(out: &str) -> Result<(), Unknown> {
    if out.len() > MAX_STRING_LEN {
        return Err(unknown_of(Value::over_limit(format!(
            "template result exceeds the string size limit ({MAX_STRING_LEN} bytes)"
        ))));
    }
    Ok(())
}

/// `.name` on an object or map.
pub fn get_attr(value: &Value, name: &str) -> Value {
    match value {
        Value::Map(entries) => entries
            .get(name)
            .cloned()
            .unwrap_or_else(|| Value::error(format!("object has no attribute \"{name}\""))),
        Value::Unknown(_) => value.clone(),
        Value::Null => Value::error(format!("attribute \"{name}\" of a null value")),
        other => Value::error(format!(
            "a {} has no attribute \"{name}\"",
            other.type_name()
        )),
    }
}

/// `[index]` on a list or map.
pub fn index_value(value: &Value, index: &Value) -> Value {
    match (value, index) {
        (Value::Unknown(_), _) => value.clone(),
        (_, Value::Unknown(_)) => index.clone(),
        (Value::List(items) | Value::Set(items), index) => match index.to_number() {
            Ok(n) if n >= 0.0 && n.fract() == 0.0 => {
                items.get(n as usize).cloned().unwrap_or_else(|| {
                    Value::error(format!(
                        "index {} out of range for a list of {}",
                        format_number(n),
                        items.len()
                    ))
                })
            }
            Ok(n) => Value::error(format!("invalid list index {}", format_number(n))),
            Err(e) => e,
        },
        (Value::Map(entries), index) => match index.to_string_value() {
            Ok(key) => entries
                .get(&*key)
                .cloned()
                .unwrap_or_else(|| Value::error(format!("map has no key \"{key}\""))),
            Err(e) => e,
        },
        (Value::Null, _) => Value::error("index into a null value"),
        (other, _) => Value::error(format!("cannot index a {}", other.type_name())),
    }
}

fn unary(op: UnaryOp, value: Value) -> Value {
    match op {
        UnaryOp::Neg => value
            .to_number()
            .map(|n| Value::Number(-n))
            .unwrap_or_else(|e| e),
        UnaryOp::Not => value
            .to_bool()
            .map(|b| Value::Bool(!b))
            .unwrap_or_else(|e| e),
    }
}

fn binary(op: BinaryOp, left: Value, right: Value) -> Value {
    use BinaryOp::*;
    match op {
        Eq | NotEq => {
            if let Some(u) = left.first_unknown().or(right.first_unknown()) {
                return Value::Unknown(u.clone());
            }
            Value::Bool((left == right) == (op == Eq))
        }
        And | Or => match (left.to_bool(), right.to_bool()) {
            (Ok(a), Ok(b)) => Value::Bool(if op == And { a && b } else { a || b }),
            (Err(e), _) | (_, Err(e)) => e,
        },
        Lt | LtEq | Gt | GtEq | Add | Sub | Mul | Div | Mod => {
            let (a, b) = match (left.to_number(), right.to_number()) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => return e,
            };
            match op {
                Lt => Value::Bool(a < b),
                LtEq => Value::Bool(a <= b),
                Gt => Value::Bool(a > b),
                GtEq => Value::Bool(a >= b),
                Add => Value::Number(a + b),
                Sub => Value::Number(a - b),
                Mul => Value::Number(a * b),
                Div if b == 0.0 => Value::error("division by zero"),
                Div => Value::Number(a / b),
                // go-cty's Modulo returns the dividend for a zero divisor (cty/value_ops.go).
                _ if b == 0.0 => Value::Number(a),
                _ => Value::Number(a % b),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, Span};

    /// `var.known` is "eu-west-3", `var.list` is ["a", "b"], `var.unknown` is unknown;
    /// anything else is an error.
    struct TestScope;

    impl Scope for TestScope {
        fn reference(&self, _: &Evaluator<'_>, root: &str, ops: &[Traverse]) -> (Value, usize) {
            match (root, ops.first()) {
                ("var", Some(Traverse::GetAttr(name))) => {
                    let value = match &**name {
                        "known" => Value::string("eu-west-3"),
                        "list" => Value::list(vec![Value::string("a"), Value::string("b")]),
                        "objects" => Value::list(vec![
                            Value::map([("r".to_string(), Value::string("x"))].into()),
                            Value::map([("r".to_string(), Value::string("y"))].into()),
                        ]),
                        "unknown" => Value::unknown("set by CI"),
                        _ => Value::error(format!("no var.{name}")),
                    };
                    (value, 1)
                }
                _ => (Value::error(format!("no {root}")), 0),
            }
        }
    }

    fn eval(text: &str) -> Value {
        let expr = crate::parse::hcl::parse_expr(FileId(0), text, Span::new(FileId(0), 0..0))
            .expect("valid expression");
        Evaluator::new(&TestScope).eval(&expr)
    }

    fn s(text: &str) -> Value {
        Value::string(text)
    }

    #[test]
    fn operators_and_templates() {
        assert_eq!(eval("1 + 2 * 3"), Value::Number(7.0));
        assert_eq!(eval("\"${var.known}-b\""), s("eu-west-3-b"));
        assert_eq!(eval("\"%{ if true }yes%{ else }no%{ endif }\""), s("yes"));
        assert_eq!(
            eval("\"%{ for x in var.list }${x};%{ endfor }\""),
            s("a;b;")
        );
        assert_eq!(eval("\"${var.list}\""), eval("var.list"));
        assert_eq!(
            eval("\"x${var.list}\""),
            Value::error("cannot convert a list to a string")
        );
        assert_eq!(eval("\"${var.known}\""), s("eu-west-3"));
        assert_eq!(eval("!true || 1 >= 1"), Value::Bool(true));
        assert!(matches!(eval("1 / 0"), Value::Unknown(u) if u.error));
    }

    #[test]
    fn strip_markers() {
        // hclsyntax/spec.md, "Template Literals".
        assert_eq!(eval(r#""eu-west-3 ${~ ""}""#), s("eu-west-3"));
        assert_eq!(eval(r#""hello ${~ "world" }""#), s("helloworld"));
        assert_eq!(eval(r#""%{ if true ~} hello %{~ endif }""#), s("hello"));
        assert_eq!(eval(r#""%{ if false }x%{~ else ~} y %{ endif }""#), s("y "));
        // Only literals are stripped, not interpolated values.
        assert_eq!(eval(r#""${"hello" ~}${" world"}""#), s("hello world"));
        // A stripped literal still makes the template a string.
        assert_eq!(eval(r#""  ${~ true}""#), s("true"));
        // In a heredoc a marker strips up to the end of its line, or from the start of it.
        let for_lines = "<<EOT\n%{ for x in [\"a\", \"b\"] ~}\n${x}\n%{ endfor ~}\nEOT";
        assert_eq!(eval(for_lines), s("a\nb\n"));
        assert_eq!(eval("<<EOT\na\n%{~ if true }b%{ endif }\nEOT"), s("ab\n"));
        assert_eq!(eval("<<EOT\na\n  ${~ \"b\"}\nEOT"), s("a\nb\n"));
    }

    #[test]
    fn flush_heredocs() {
        let for_lines =
            "<<-EOT\n    %{ for x in [\"a\", \"b\"] ~}\n    ${x}\n    %{ endfor ~}\n  EOT";
        for (text, want) in [
            ("<<-EOT\n    a\n      b\n  EOT", "a\n  b\n"),
            // A whitespace-only line does not count for the indentation, and keeps its
            // whitespace (hclsyntax's flushHeredocTemplateParts).
            ("<<-EOT\n    a\n  \n\n    b\n  EOT", "a\n  \n\nb\n"),
            ("<<-EOT\n    a\n        \n    b\n  EOT", "a\n        \nb\n"),
            // Interpolations still work when the heredoc is read again.
            ("<<-EOT\n    ${var.known}\n    x\n  EOT", "eu-west-3\nx\n"),
            // An interpolation at the start of a line leaves nothing to strip.
            ("<<-EOT\n    a\n${\"b\"}\n  EOT", "    a\nb\n"),
            // The markers are applied first, and a line whose line break a marker ate is
            // no longer a line of its own: its indentation stays (as hclsyntax does it).
            (for_lines, "    a\n    b\n"),
            // A `<<` heredoc keeps its indentation.
            ("<<EOT\n    a\n  \nEOT", "    a\n  \n"),
        ] {
            assert_eq!(eval(text), s(want), "{text}");
        }
    }

    #[test]
    fn conditional_results_unify() {
        // Terraform unifies the two results: a number or bool with a string is a string.
        assert_eq!(eval(r#"true ? 1 : "x""#), s("1"));
        assert_eq!(eval(r#"false ? "x" : true"#), s("true"));
        assert_eq!(eval("true ? 1 : false"), s("1"));
        assert_eq!(eval("true ? 1 : 2"), Value::Number(1.0));
        assert_eq!(eval("true ? 1 : null"), Value::Number(1.0));
        assert_eq!(eval(r#"true ? "x" : 1"#), s("x"));
        // Unified, the two results agree whatever the condition.
        assert_eq!(eval(r#"var.unknown == "a" ? 1 : "1""#), s("1"));
        // The other result's type is not known: the chosen result is kept.
        assert_eq!(eval("true ? 1 : var.unknown"), Value::Number(1.0));
    }

    #[test]
    fn small_differences_with_terraform() {
        // go-cty's Modulo gives the dividend for a zero divisor (cty/value_ops.go).
        assert_eq!(eval("10 % 0"), Value::Number(10.0));
        assert_eq!(eval("-7 % 3"), Value::Number(-1.0));
        // A bare `null` key is the name "null"; a parenthesised one is the null value.
        assert_eq!(
            eval("{ null = 1, true = 2 }"),
            Value::map(
                [
                    ("null".to_string(), Value::Number(1.0)),
                    ("true".to_string(), Value::Number(2.0))
                ]
                .into()
            )
        );
        assert!(matches!(eval("{ (null) = 1 }"), Value::Unknown(u) if u.error));
        // Conditions convert "1" and "0" as go-cty does.
        assert_eq!(eval(r#""1" ? "a" : "b""#), s("a"));
        assert_eq!(eval(r#"!"0""#), Value::Bool(true));
        assert!(matches!(eval(r#""yes" ? "a" : "b""#), Value::Unknown(u) if u.error));
    }

    #[test]
    fn unknowns_propagate_but_never_decide() {
        assert_eq!(eval("\"x-${var.unknown}\""), Value::unknown("set by CI"));
        assert_eq!(eval("var.unknown == \"a\""), Value::unknown("set by CI"));
        // Both branches agree: the result is known whatever the condition.
        assert_eq!(eval("var.unknown == \"a\" ? \"fr\" : \"fr\""), s("fr"));
        assert_eq!(
            eval("var.unknown == \"a\" ? \"fr\" : \"de\""),
            Value::unknown("set by CI")
        );
        assert_eq!(eval("false && var.unknown"), Value::Bool(false));
        assert_eq!(eval("true || var.unknown"), Value::Bool(true));
    }

    #[test]
    fn for_expressions_and_splats() {
        assert_eq!(
            eval("[for x in var.list : upper(x)]"),
            Value::list(vec![s("A"), s("B")])
        );
        assert_eq!(
            eval("{ for i, x in var.list : x => i if i > 0 }"),
            Value::map([("b".to_string(), Value::Number(1.0))].into())
        );
        assert_eq!(
            eval("{ for x in [\"a\", \"a\"] : x => 1... }"),
            Value::map(
                [(
                    "a".to_string(),
                    Value::list(vec![Value::Number(1.0), Value::Number(1.0)])
                )]
                .into()
            )
        );
        assert!(
            matches!(eval("{ for x in [\"a\", \"a\"] : x => 1 }"), Value::Unknown(u) if u.error)
        );
        assert_eq!(eval("var.objects[*].r"), Value::list(vec![s("x"), s("y")]));
        assert_eq!(eval("var.objects.*.r"), Value::list(vec![s("x"), s("y")]));
        // A legacy splat ends at the first bracketed index, which applies to its result;
        // a full splat continues through it (hclsyntax/spec.md, "Splat Operators").
        let (ab, c) = (Value::list(vec![s("a"), s("b")]), Value::list(vec![s("c")]));
        assert_eq!(eval(r#"[["a", "b"], ["c"]].*[0]"#), ab);
        assert_eq!(
            eval(r#"[["a", "b"], ["c"]][*][0]"#),
            Value::list(vec![s("a"), s("c")])
        );
        assert_eq!(eval("var.objects.*.r[1]"), s("y"));
        // …but it captures legacy `.0` indexes, as HCL's parser does.
        let nested = r#"[{ a = ["a", "b"] }, { a = ["c"] }]"#;
        assert_eq!(
            eval(&format!("{nested}.*.a.0")),
            Value::list(vec![s("a"), s("c")])
        );
        assert_eq!(eval(&format!("{nested}.*.a[0]")), ab);
        assert_eq!(eval(&format!("{nested}.*.a[1]")), c);
        assert_eq!(
            eval("[for x in var.unknown : x]"),
            Value::unknown("set by CI")
        );
    }

    #[test]
    fn a_set_has_no_positions() {
        // Over a set, a `for`'s key is the element itself (hclsyntax/spec.md, "For
        // Expressions": "For set types, the key and value are both the element value").
        let ab = Value::map([("a".into(), s("a")), ("b".into(), s("b"))].into());
        assert_eq!(eval(r#"{ for k, v in toset(["b", "a"]) : k => v }"#), ab);
        assert_eq!(
            eval(r#"[for k, v in setunion(["b"], ["a"]) : k]"#),
            Value::list(vec![s("a"), s("b")])
        );
        assert_eq!(
            eval(r#""%{ for k, v in toset(["x"]) }${k}=${v};%{ endfor }""#),
            s("x=x;")
        );
        assert_eq!(
            eval(r#"[for k, v in setproduct(toset(["a"]), ["b"]) : k]"#),
            Value::list(vec![Value::list(vec![s("a"), s("b")])])
        );
        // Lists and tuples keep their positions.
        assert_eq!(
            eval(r#"[for i, v in tolist(["b", "a"]) : i]"#),
            Value::list(vec![Value::Number(0.0), Value::Number(1.0)])
        );
        assert_eq!(
            eval(r#"[for i, v in ["b", "a"] : i]"#),
            Value::list(vec![Value::Number(0.0), Value::Number(1.0)])
        );
    }

    #[test]
    fn try_falls_back_on_errors_only() {
        assert_eq!(eval("try(var.missing, \"default\")"), s("default"));
        assert_eq!(eval("try(var.list[5], \"default\")"), s("default"));
        assert_eq!(
            eval("try(var.unknown, \"default\")"),
            Value::unknown("set by CI")
        );
        assert_eq!(eval("can(var.list[1])"), Value::Bool(true));
        assert_eq!(eval("can(var.list[2])"), Value::Bool(false));
        assert_eq!(eval("can(var.unknown)"), Value::unknown("set by CI"));
    }

    #[test]
    fn deep_nesting_is_a_limit_not_a_crash() {
        let deep = format!("{}1{}", "(".repeat(10), ")".repeat(10));
        assert_eq!(eval(&deep), Value::Number(1.0));
        // The parser accepts more nesting than the evaluator (MAX_EXPRESSION_DEPTH).
        let chain = format!("{}1", "-".repeat(MAX_DEPTH as usize + 10));
        // The parser needs more than a test thread's stack in debug builds; the binary's
        // workers have large stacks.
        let value = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || eval(&chain))
            .unwrap()
            .join()
            .unwrap();
        assert!(
            value
                .first_unknown()
                .is_some_and(|u| u.limit && u.reason.contains("nested deeper")),
            "{value}"
        );
    }
}
