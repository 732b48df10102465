//! The analysis of one root: its module instances, created on demand, and a [`Scope`]
//! per instance that answers references with memoised, traced evaluation.

use super::inputs::SetValue;
use super::{Evidence, Limits};
use crate::config::{Mode, Module, ModuleId};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::evaluate::{Evaluator, Scope, Value};
use crate::parse::{CallSource, Workspace};
use crate::source::Span;
use crate::syntax::{Expr, Name, Traverse};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstanceId(pub u32);

/// Which instance of a `count`/`for_each` block (resource or module call).
#[derive(Clone, Debug, PartialEq)]
pub enum InstanceKey {
    /// No `count` or `for_each`.
    Single,
    Index(usize),
    /// A `for_each` key and its `each.value`.
    Key(String, Value),
    /// `count`/`for_each` not known statically: one entry stands for all instances.
    Unknown(Value),
}

impl InstanceKey {
    /// The address suffix: `[0]`, `["paris"]`, or nothing.
    pub fn suffix(&self) -> String {
        match self {
            InstanceKey::Index(i) => format!("[{i}]"),
            InstanceKey::Key(k, _) => format!("[{k:?}]"),
            InstanceKey::Single | InstanceKey::Unknown(_) => String::new(),
        }
    }
}

pub struct Instance {
    pub module: ModuleId,
    /// `module.a["x"].module.b`; empty for the root.
    pub address: String,
    /// `a.b`: the key of this instance's module in `modules.json`.
    pub call_path: String,
    pub parent: Option<(InstanceId, usize, InstanceKey)>,
    pub depth: u32,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
enum MemoKey {
    Var(InstanceId, Name),
    Local(InstanceId, Name),
    Output(InstanceId, Name),
    Attr(InstanceId, usize, String, Name),
}

impl MemoKey {
    fn instance(&self) -> InstanceId {
        match self {
            MemoKey::Var(i, _)
            | MemoKey::Local(i, _)
            | MemoKey::Output(i, _)
            | MemoKey::Attr(i, ..) => *i,
        }
    }

    fn describe(&self) -> String {
        match self {
            MemoKey::Var(_, n) => format!("var.{n}"),
            MemoKey::Local(_, n) => format!("local.{n}"),
            MemoKey::Output(_, n) => format!("output.{n}"),
            MemoKey::Attr(_, _, r, n) => format!("{r}.{n}"),
        }
    }
}

enum Slot {
    InProgress,
    Done(Value, Rc<Provenance>),
}

/// Where a memoised value came from: its own evidence and the memoised values it used.
/// Evidence forms a graph, flattened only for the placements that are reported, so shared
/// values (a module's outputs used everywhere) are never copied into every user.
struct Provenance {
    own: Option<Evidence>,
    deps: Vec<MemoKey>,
}

/// Longest chain of references (`local.a` → `local.b` → …) evaluated: each link is a
/// level of recursion, so an endless chain would overflow the stack.
const MAX_REFERENCE_DEPTH: usize = 1_000;

/// Most evidence entries reported for one placement.
const MAX_EVIDENCE: usize = 64;

/// The instances of one module call.
type Children = Rc<Vec<InstanceId>>;

pub struct Analysis<'a> {
    pub ws: &'a Workspace,
    pub root: ModuleId,
    pub limits: &'a Limits,
    root_values: HashMap<Name, SetValue>,
    instances: RefCell<Vec<Rc<Instance>>>,
    /// Instances of each module call of each instance.
    children: RefCell<HashMap<(InstanceId, usize), Children>>,
    memo: RefCell<HashMap<MemoKey, Slot>>,
    /// Evidence frames: the innermost collects what the current evaluation relied on.
    trace: RefCell<Vec<Vec<MemoKey>>>,
    stack: RefCell<Vec<MemoKey>>,
    /// Resources whose placement is being worked out through a parent reference, to stop
    /// on reference cycles.
    pub placing: RefCell<Vec<(InstanceId, usize)>>,
    pub diagnostics: RefCell<Vec<Diagnostic>>,
    /// Reasons of the limits already reported (see [`Value::over_limit`]).
    limits_hit: RefCell<std::collections::HashSet<std::sync::Arc<str>>>,
}

impl<'a> Analysis<'a> {
    pub fn new(
        ws: &'a Workspace,
        root: ModuleId,
        root_values: HashMap<Name, SetValue>,
        limits: &'a Limits,
    ) -> Analysis<'a> {
        let root_instance = Instance {
            module: root,
            address: String::new(),
            call_path: String::new(),
            parent: None,
            depth: 0,
        };
        Analysis {
            ws,
            root,
            limits,
            root_values,
            instances: RefCell::new(vec![Rc::new(root_instance)]),
            children: RefCell::new(HashMap::new()),
            memo: RefCell::new(HashMap::new()),
            trace: RefCell::new(Vec::new()),
            stack: RefCell::new(Vec::new()),
            placing: RefCell::new(Vec::new()),
            diagnostics: RefCell::new(Vec::new()),
            limits_hit: RefCell::default(),
        }
    }

    pub fn instance(&self, id: InstanceId) -> Rc<Instance> {
        self.instances.borrow()[id.0 as usize].clone()
    }

    pub fn module_of(&self, id: InstanceId) -> &'a Module {
        self.ws.module(self.instance(id).module)
    }

    /// Evaluates `expr` in an instance, returning the value and the evidence it relied on.
    pub fn eval_traced(
        &self,
        instance: InstanceId,
        key: &InstanceKey,
        expr: &Expr,
    ) -> (Value, Vec<Evidence>) {
        self.trace.borrow_mut().push(Vec::new());
        let value = self.eval(instance, key, expr);
        let used = self.trace.borrow_mut().pop().unwrap_or_default();
        (value, self.flatten(&used))
    }

    /// The evidence behind memoised values, depth first, each entry once.
    fn flatten(&self, keys: &[MemoKey]) -> Vec<Evidence> {
        let memo = self.memo.borrow();
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<&MemoKey> = keys.iter().rev().collect();
        while let Some(key) = stack.pop() {
            if out.len() >= MAX_EVIDENCE {
                break;
            }
            if !seen.insert(key) {
                continue;
            }
            if let Some(Slot::Done(_, provenance)) = memo.get(key) {
                if let Some(own) = &provenance.own {
                    out.push(own.clone());
                }
                stack.extend(provenance.deps.iter().rev());
            }
        }
        out
    }

    pub fn eval(&self, instance: InstanceId, key: &InstanceKey, expr: &Expr) -> Value {
        let scope = At {
            an: self,
            instance,
            key,
        };
        let evaluator = Evaluator::new(&scope);
        let value = evaluator.eval(expr);
        if let Some(u) = evaluator.limit_hit()
            && self.limits_hit.borrow_mut().insert(u.reason.clone())
        {
            // Reported once, where it is first met: an unresolved value alone might pass.
            self.diagnose(
                Diagnostic::error(Code::LimitEvaluation, u.reason.to_string(), Location::Span(expr.span))
                    .with_help("souverain bounds evaluation so that no input exhausts time or memory; what depends on this value is unresolved"),
            );
        }
        value
    }

    /// Records that the current evaluation used a memoised value.
    fn used(&self, key: &MemoKey) {
        if let Some(frame) = self.trace.borrow_mut().last_mut()
            && !frame.contains(key)
        {
            frame.push(key.clone());
        }
    }

    /// Memoised, cycle-checked evaluation.
    fn memoised(&self, key: MemoKey, compute: impl FnOnce() -> (Value, Option<Evidence>)) -> Value {
        let cached = match self.memo.borrow().get(&key) {
            Some(Slot::Done(value, _)) => Some(Some(value.clone())),
            Some(Slot::InProgress) => Some(None),
            None => None,
        };
        match cached {
            None if self.stack.borrow().len() >= MAX_REFERENCE_DEPTH => Value::over_limit(format!(
                "{} is reached through a chain of more than {MAX_REFERENCE_DEPTH} references (in {}); not evaluated",
                key.describe(),
                self.describe_instance(key.instance())
            )),
            None => self.compute(key, compute),
            Some(Some(value)) => {
                self.used(&key);
                value
            }
            Some(None) => {
                let stack = self.stack.borrow();
                let start = stack.iter().position(|k| *k == key).unwrap_or(0);
                let chain: Vec<String> = stack[start..]
                    .iter()
                    .map(MemoKey::describe)
                    .chain([key.describe()])
                    .collect();
                let message = format!("reference cycle: {}", chain.join(" → "));
                drop(stack);
                self.diagnose(Diagnostic::error(
                    Code::ReferenceCycle,
                    format!("{message} (in {})", self.describe_instance(key.instance())),
                    Location::None,
                ));
                Value::error(message)
            }
        }
    }

    /// A module instance as named in diagnostics.
    fn describe_instance(&self, instance: InstanceId) -> String {
        let address = self.instances.borrow()[instance.0 as usize].address.clone();
        if address.is_empty() {
            "the root module".to_string()
        } else {
            address
        }
    }

    fn compute(&self, key: MemoKey, compute: impl FnOnce() -> (Value, Option<Evidence>)) -> Value {
        self.memo.borrow_mut().insert(key.clone(), Slot::InProgress);
        self.stack.borrow_mut().push(key.clone());
        self.trace.borrow_mut().push(Vec::new());
        let (value, own) = compute();
        let deps = self.trace.borrow_mut().pop().unwrap_or_default();
        self.stack.borrow_mut().pop();
        self.used(&key);
        let provenance = Rc::new(Provenance { own, deps });
        self.memo
            .borrow_mut()
            .insert(key, Slot::Done(value.clone(), provenance));
        value
    }

    fn describe(&self, value: &Value, sensitive: bool) -> String {
        if sensitive {
            "(sensitive)".into()
        } else {
            let text = value.to_string();
            if text.len() > 120 {
                format!("{}…", &text[..text.floor_char_boundary(117)])
            } else {
                text
            }
        }
    }

    /// A variable's value; a `sensitive` variable's is never read, so that no report can
    /// print it or anything derived from it: what depends on it is unresolved.
    pub(super) fn var(&self, instance: InstanceId, name: &Name) -> Value {
        self.memoised(MemoKey::Var(instance, name.clone()), || {
            let (value, evidence) = self.var_value(instance, name);
            let sensitive = self
                .module_of(instance)
                .variables
                .get(name)
                .is_some_and(|d| d.sensitive);
            if sensitive && !value.is_unknown() {
                let reason =
                    format!("var.{name} is sensitive: souverain does not read sensitive values");
                return (Value::unknown(reason), evidence);
            }
            (value, evidence)
        })
    }

    fn var_value(&self, instance: InstanceId, name: &Name) -> (Value, Option<Evidence>) {
        let inst = self.instance(instance);
        let module = self.ws.module(inst.module);
        let Some(decl) = module.variables.get(name) else {
            return (Value::error(format!("var.{name} is not declared")), None);
        };
        let sensitive = decl.sensitive;
        let set = match &inst.parent {
            None => self
                .root_values
                .get(name)
                .map(|set| (set.value.clone(), set.evidence.clone())),
            Some((parent, call, key)) => {
                let call_decl = &self.module_of(*parent).calls[*call];
                call_decl.inputs.get(name).map(|input| {
                    let value = self.eval(*parent, key, &input.expr);
                    let note = format!(
                        "var.{name} = {} passed by {}module.{}",
                        self.describe(&value, sensitive),
                        prefix(&self.instance(*parent).address),
                        call_decl.name
                    );
                    (value, Evidence::new(Some(input.span), note))
                })
            }
        };
        if let Some((value, evidence)) = set {
            // Terraform replaces an explicit null by the default.
            if value != Value::Null || decl.default.is_none() {
                let evidence = if inst.parent.is_none() {
                    Evidence::new(
                        evidence.span,
                        format!("{} = {}", evidence.note, self.describe(&value, sensitive)),
                    )
                } else {
                    evidence
                };
                return (typed(decl, value), Some(evidence));
            }
        }
        match &decl.default {
            Some(default) => {
                let value = typed(decl, self.eval(instance, &InstanceKey::Single, default));
                let note = format!(
                    "var.{name} = {} (default)",
                    self.describe(&value, sensitive)
                );
                (value, Some(Evidence::new(Some(default.span), note)))
            }
            None => {
                let reason = match &inst.parent {
                    None => format!(
                        "var.{name} has no value: no default, and not set by a tfvars file, --var-file, --var or TF_VAR_{name}"
                    ),
                    Some(_) => format!(
                        "var.{name} of {} has no value: the module call does not set it",
                        inst.address
                    ),
                };
                (
                    Value::unknown(reason),
                    Some(Evidence::new(
                        Some(decl.span),
                        format!("var.{name} has no value"),
                    )),
                )
            }
        }
    }

    fn local(&self, instance: InstanceId, name: &Name) -> Value {
        self.memoised(MemoKey::Local(instance, name.clone()), || {
            let module = self.module_of(instance);
            match module.locals.get(name) {
                Some(attr) => {
                    let value = self.eval(instance, &InstanceKey::Single, &attr.expr);
                    let note = format!("local.{name} = {}", self.describe(&value, false));
                    (value, Some(Evidence::new(Some(attr.span), note)))
                }
                None => (Value::error(format!("local.{name} is not declared")), None),
            }
        })
    }

    /// The value of a resource's configured argument in one of its instances.
    fn resource_attr(
        &self,
        instance: InstanceId,
        index: usize,
        key: &InstanceKey,
        attr: &Name,
    ) -> Value {
        let module = self.module_of(instance);
        let resource = &module.resources[index];
        let address = format!(
            "{}{}{}",
            prefix(&self.instance(instance).address),
            resource.address(),
            key.suffix()
        );
        self.memoised(
            MemoKey::Attr(instance, index, address.clone(), attr.clone()),
            || match resource.body.attribute(attr) {
                Some(a) => {
                    let value = self.eval(instance, key, &a.expr);
                    let note = format!("{address}.{attr} = {}", self.describe(&value, false));
                    (value, Some(Evidence::new(Some(a.span), note)))
                }
                None => {
                    let when = if resource.mode == Mode::Data {
                        "read by the provider at plan time"
                    } else {
                        "known only after apply"
                    };
                    (
                        Value::unknown(format!(
                            "{address}.{attr} is not set in the configuration: {when}"
                        )),
                        None,
                    )
                }
            },
        )
    }

    fn output(&self, instance: InstanceId, name: &Name) -> Value {
        self.memoised(MemoKey::Output(instance, name.clone()), || {
            let inst = self.instance(instance);
            match self.ws.module(inst.module).outputs.get(name) {
                Some(attr) => {
                    let value = self.eval(instance, &InstanceKey::Single, &attr.expr);
                    let note =
                        format!("{}.{name} = {}", inst.address, self.describe(&value, false));
                    (value, Some(Evidence::new(Some(attr.span), note)))
                }
                None => (
                    Value::error(format!("{} has no output \"{name}\"", inst.address)),
                    None,
                ),
            }
        })
    }

    /// A module instance as the object of all its outputs.
    fn outputs_object(&self, instance: InstanceId) -> Value {
        let names: Vec<Name> = self.module_of(instance).outputs.keys().cloned().collect();
        Value::map(
            names
                .into_iter()
                .map(|n| (n.to_string(), self.output(instance, &n)))
                .collect(),
        )
    }

    /// The instances of a module call, created on first use.
    pub fn call_instances(&self, instance: InstanceId, call: usize) -> Rc<Vec<InstanceId>> {
        if let Some(ids) = self.children.borrow().get(&(instance, call)) {
            return ids.clone();
        }
        let ids = Rc::new(self.create_call_instances(instance, call));
        self.children
            .borrow_mut()
            .insert((instance, call), ids.clone());
        ids
    }

    fn create_call_instances(&self, instance: InstanceId, call_index: usize) -> Vec<InstanceId> {
        let parent = self.instance(instance);
        let call = &self.ws.module(parent.module).calls[call_index];
        let address = format!("{}module.{}", prefix(&parent.address), call.name);
        let call_path = if parent.call_path.is_empty() {
            call.name.to_string()
        } else {
            format!("{}.{}", parent.call_path, call.name)
        };
        let target = match &self.ws.call_sources[parent.module.0 as usize][call_index] {
            CallSource::Local(id) => *id,
            CallSource::MissingLocal(path) => {
                self.diagnose(Diagnostic::error(
                    Code::ModuleNotFound,
                    format!("{address}: no Terraform files in {}", path.display()),
                    Location::Span(call.source_span),
                ));
                return Vec::new();
            }
            CallSource::Remote(source) => match self.ws.installed_module(self.root, &call_path) {
                Some(id) => id,
                None => {
                    let why = if self.ws.is_initialised(self.root) {
                        "is not in .terraform/modules/modules.json (run `terraform init` again)"
                    } else {
                        "is not downloaded (run `terraform init` in the root module)"
                    };
                    self.diagnose(
                        Diagnostic::warning(Code::ModuleNotInstalled, format!("{address}: remote module {source:?} {why}; its resources are unresolved"), Location::Span(call.source_span))
                            .with_help("souverain reads modules that `terraform init` installed under .terraform/modules; it never downloads them"),
                    );
                    return Vec::new();
                }
            },
        };
        if parent.depth + 1 > self.limits.max_module_depth {
            self.diagnose(Diagnostic::error(
                Code::LimitModuleDepth,
                format!(
                    "{address}: module nesting deeper than {} levels; not followed",
                    self.limits.max_module_depth
                ),
                Location::Span(call.header),
            ));
            return Vec::new();
        }
        if self.is_ancestor_module(instance, target) {
            self.diagnose(Diagnostic::error(
                Code::ModuleCycle,
                format!(
                    "{address} calls a module that is already one of its callers: module call cycle"
                ),
                Location::Span(call.header),
            ));
            return Vec::new();
        }
        let keys = self.expand(
            instance,
            &InstanceKey::Single,
            call.count.as_ref(),
            call.for_each.as_ref(),
            &address,
            call.header,
        );
        keys.into_iter()
            .map(|key| {
                let child = Instance {
                    module: target,
                    address: format!("{address}{}", key.suffix()),
                    call_path: call_path.clone(),
                    parent: Some((instance, call_index, key)),
                    depth: parent.depth + 1,
                };
                let mut instances = self.instances.borrow_mut();
                instances.push(Rc::new(child));
                InstanceId(instances.len() as u32 - 1)
            })
            .collect()
    }

    fn is_ancestor_module(&self, mut instance: InstanceId, module: ModuleId) -> bool {
        loop {
            let inst = self.instance(instance);
            if inst.module == module {
                return true;
            }
            match inst.parent {
                Some((parent, _, _)) => instance = parent,
                None => return false,
            }
        }
    }

    /// The instance keys of a block with `count` or `for_each`.
    pub fn expand(
        &self,
        instance: InstanceId,
        key: &InstanceKey,
        count: Option<&Expr>,
        for_each: Option<&Expr>,
        address: &str,
        span: Span,
    ) -> Vec<InstanceKey> {
        let limit = self.limits.max_instances;
        let too_many = |n: usize| {
            self.diagnose(Diagnostic::error(
                Code::LimitInstances,
                format!("{address} expands to {n} instances, over the limit of {limit} (--max-instances); analysed as one unresolved entry"),
                Location::Span(span),
            ));
            vec![InstanceKey::Unknown(Value::unknown(format!(
                "{n} instances exceed the limit of {limit}"
            )))]
        };
        if let Some(count) = count {
            return match self.eval(instance, key, count) {
                Value::Unknown(u) => vec![InstanceKey::Unknown(Value::Unknown(u))],
                value => match value.to_number() {
                    Ok(n) if n >= 0.0 && n.fract() == 0.0 => {
                        if n as usize > limit {
                            too_many(n as usize)
                        } else {
                            (0..n as usize).map(InstanceKey::Index).collect()
                        }
                    }
                    Ok(n) => vec![InstanceKey::Unknown(Value::error(format!(
                        "count = {n} is not a whole non-negative number"
                    )))],
                    Err(e) => vec![InstanceKey::Unknown(e)],
                },
            };
        }
        let Some(for_each) = for_each else {
            return vec![InstanceKey::Single];
        };
        match self.eval(instance, key, for_each) {
            Value::Map(entries) => {
                if entries.len() > limit {
                    return too_many(entries.len());
                }
                entries
                    .iter()
                    .map(|(k, v)| InstanceKey::Key(k.clone(), v.clone()))
                    .collect()
            }
            Value::List(items) | Value::Set(items) => {
                if items.len() > limit {
                    return too_many(items.len());
                }
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match item {
                        Value::String(s) => {
                            keys.push(InstanceKey::Key(s.to_string(), item.clone()))
                        }
                        Value::Unknown(_) => return vec![InstanceKey::Unknown(item.clone())],
                        other => {
                            return vec![InstanceKey::Unknown(Value::error(format!(
                                "for_each set elements must be strings, not {}",
                                other.type_name()
                            )))];
                        }
                    }
                }
                keys.sort_by_key(InstanceKey::suffix);
                keys.dedup();
                keys
            }
            Value::Unknown(u) => vec![InstanceKey::Unknown(Value::Unknown(u))],
            other => vec![InstanceKey::Unknown(Value::error(format!(
                "for_each must be a map or a set of strings, not {}",
                other.type_name()
            )))],
        }
    }

    pub fn diagnose(&self, diagnostic: Diagnostic) {
        self.diagnostics.borrow_mut().push(diagnostic);
    }
}

/// A variable's value converted to its type constraint (filling `optional` defaults).
fn typed(decl: &crate::config::Variable, value: Value) -> Value {
    match &decl.ty {
        Some(ty) => crate::evaluate::types::conform(value, ty),
        None => value,
    }
}

/// `module.a.` for a non-root instance address, empty for the root.
pub fn prefix(address: &str) -> String {
    if address.is_empty() {
        String::new()
    } else {
        format!("{address}.")
    }
}

/// The scope of one instance (and, inside a `count`/`for_each` block, one key).
struct At<'x, 'a> {
    an: &'x Analysis<'a>,
    instance: InstanceId,
    key: &'x InstanceKey,
}

impl Scope for At<'_, '_> {
    fn reference(&self, ev: &Evaluator<'_>, root: &str, ops: &[Traverse]) -> (Value, usize) {
        let an = self.an;
        let attr = |i: usize| match ops.get(i) {
            Some(Traverse::GetAttr(name)) => Some(name),
            _ => None,
        };
        match root {
            "var" | "local" => match attr(0) {
                Some(name) if root == "var" => (an.var(self.instance, name), 1),
                Some(name) => (an.local(self.instance, name), 1),
                None => (
                    Value::error(format!("`{root}` must be followed by a name")),
                    0,
                ),
            },
            "each" => match (self.key, attr(0).map(|n| &**n)) {
                (InstanceKey::Key(k, _), Some("key")) => (Value::string(k.as_str()), 1),
                (InstanceKey::Key(_, v), Some("value")) => (v.clone(), 1),
                (InstanceKey::Unknown(u), Some(_)) => (u.clone(), 1),
                _ => (
                    Value::error("`each` is only available in a block with for_each"),
                    0,
                ),
            },
            "count" => match (self.key, attr(0).map(|n| &**n)) {
                (InstanceKey::Index(i), Some("index")) => (Value::Number(*i as f64), 1),
                (InstanceKey::Unknown(u), Some(_)) => (u.clone(), 1),
                _ => (
                    Value::error("`count.index` is only available in a block with count"),
                    0,
                ),
            },
            "path" => match attr(0).map(|n| &**n) {
                Some("module") => (Value::string(self.module_path()), 1),
                Some("root") => (Value::string("."), 1),
                _ => (
                    Value::unknown("path.cwd depends on where Terraform runs"),
                    ops.len().min(1),
                ),
            },
            "terraform" => (
                Value::unknown(
                    "terraform.workspace depends on the workspace selected when Terraform runs",
                ),
                ops.len().min(1),
            ),
            "self" => (
                Value::unknown("`self` refers to values known only after apply"),
                0,
            ),
            "module" => self.module_reference(ev, ops),
            "data" => match (attr(0), attr(1)) {
                (Some(kind), Some(name)) => {
                    let (value, used) =
                        self.resource_reference(ev, Mode::Data, kind, name, &ops[2..]);
                    (value, used + 2)
                }
                _ => (
                    Value::error("a data source reference needs a type and a name"),
                    0,
                ),
            },
            kind => match attr(0) {
                Some(name) => {
                    let (value, used) =
                        self.resource_reference(ev, Mode::Managed, kind, name, &ops[1..]);
                    (value, used + 1)
                }
                None => (Value::error(format!("unknown reference `{kind}`")), 0),
            },
        }
    }
}

impl At<'_, '_> {
    /// `module.x` of a module with `count` (a list) or `for_each` (a map) as a whole: every
    /// instance as the object of its outputs.
    fn all_instances(&self, instances: &[InstanceId], counted: bool) -> Value {
        let an = self.an;
        let mut list = Vec::new();
        let mut map = std::collections::BTreeMap::new();
        for id in instances {
            let object = an.outputs_object(*id);
            match &an.instance(*id).parent {
                Some((_, _, InstanceKey::Key(k, _))) => {
                    map.insert(k.clone(), object);
                }
                Some((_, _, InstanceKey::Index(_))) => list.push(object),
                _ => {
                    return Value::unknown("the instances of this module are not known statically");
                }
            }
        }
        if counted {
            Value::list(list)
        } else {
            Value::map(map)
        }
    }

    fn module_path(&self) -> String {
        let module = self.an.module_of(self.instance);
        let root = self.an.ws.module(self.an.root);
        crate::source::relative_display(&module.dir, &root.dir)
    }

    /// `TYPE.NAME[key].attr`: the argument as configured, evaluated in that instance.
    fn resource_reference(
        &self,
        ev: &Evaluator<'_>,
        mode: Mode,
        kind: &str,
        name: &str,
        ops: &[Traverse],
    ) -> (Value, usize) {
        let an = self.an;
        let module = an.module_of(self.instance);
        let Some(index) = module.find_resource(mode, kind, name) else {
            let what = if mode == Mode::Data {
                format!("data.{kind}.{name}")
            } else {
                format!("{kind}.{name}")
            };
            return (Value::error(format!("reference to undeclared {what}")), 0);
        };
        let resource = &module.resources[index];
        let expanded = resource.count.is_some() || resource.for_each.is_some();
        let (key, used) = match (expanded, ops.first()) {
            (false, _) => (InstanceKey::Single, 0),
            (true, Some(Traverse::Index(index_expr))) => {
                let index = ev.eval(index_expr);
                let key = match (&resource.count, &index) {
                    (_, Value::Unknown(_)) => InstanceKey::Unknown(index),
                    (Some(_), v) => match v.to_number() {
                        Ok(n) if n >= 0.0 => InstanceKey::Index(n as usize),
                        _ => return (Value::error("invalid count index"), 1),
                    },
                    (None, v) => {
                        let k = match v.to_string_value() {
                            Ok(k) => k,
                            Err(e) => return (e, 1),
                        };
                        let each_value = match resource
                            .for_each
                            .as_ref()
                            .map(|e| an.eval(self.instance, &InstanceKey::Single, e))
                        {
                            Some(Value::Map(m)) => {
                                m.get(&*k).cloned().unwrap_or(Value::string(k.clone()))
                            }
                            Some(u @ Value::Unknown(_)) => u,
                            _ => Value::string(k.clone()),
                        };
                        InstanceKey::Key(k.to_string(), each_value)
                    }
                };
                (key, 1)
            }
            (true, _) => {
                return (
                    Value::unknown(format!(
                        "{} refers to every instance of a count/for_each block: not evaluated",
                        resource.address()
                    )),
                    ops.len(),
                );
            }
        };
        match ops.get(used) {
            Some(Traverse::GetAttr(attr)) => {
                (an.resource_attr(self.instance, index, &key, attr), used + 1)
            }
            _ => (
                Value::unknown(format!(
                    "{} as a whole object is known only after apply",
                    resource.address()
                )),
                used,
            ),
        }
    }

    /// `module.NAME[key].output`.
    fn module_reference(&self, ev: &Evaluator<'_>, ops: &[Traverse]) -> (Value, usize) {
        let an = self.an;
        let Some(Traverse::GetAttr(call_name)) = ops.first() else {
            return (
                Value::error("`module` must be followed by a module call name"),
                0,
            );
        };
        let module = an.module_of(self.instance);
        let Some(call_index) = module.find_call(call_name) else {
            return (
                Value::error(format!("reference to undeclared module.{call_name}")),
                1,
            );
        };
        let call = &module.calls[call_index];
        let instances = an.call_instances(self.instance, call_index);
        let expanded = call.count.is_some() || call.for_each.is_some();
        let (child, used) = if expanded {
            let Some(Traverse::Index(index_expr)) = ops.get(1) else {
                return (self.all_instances(&instances, call.count.is_some()), 1);
            };
            let index = ev.eval(index_expr);
            if let Value::Unknown(_) = index {
                return (index, 2);
            }
            let wanted = match (&call.count, index.to_string_value()) {
                (Some(_), Ok(i)) => format!("[{i}]"),
                (None, Ok(k)) => format!("[{k:?}]"),
                (_, Err(e)) => return (e, 2),
            };
            let found = instances
                .iter()
                .copied()
                .find(|id| an.instance(*id).address.ends_with(&wanted));
            (found, 2)
        } else {
            (instances.first().copied(), 1)
        };
        let Some(child) = child else {
            return (
                Value::unknown(format!(
                    "module.{call_name} could not be resolved (see the module's diagnostics)"
                )),
                ops.len(),
            );
        };
        match ops.get(used) {
            Some(Traverse::GetAttr(output)) => (an.output(child, output), used + 1),
            _ => (an.outputs_object(child), used),
        }
    }
}
