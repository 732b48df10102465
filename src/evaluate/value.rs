//! Values of the static evaluator. [`Value::Unknown`] carries why a value is not known;
//! it flows through every operation and is never treated as a real value.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Longest string a function or template may build (bytes).
pub const MAX_STRING_LEN: usize = 16 * 1024 * 1024;

/// Most elements a list or map may unfold to, nested elements included, each string
/// counting one element per KiB besides.
pub const MAX_VALUE_SIZE: usize = 1_000_000;

/// Deepest nesting of lists and maps in a value.
pub const MAX_VALUE_DEPTH: usize = 256;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(Arc<str>),
    /// Lists and tuples.
    List(Arc<Vec<Value>>),
    /// Sets, kept in the order Terraform iterates them (see [`Value::set`]). Functions and
    /// traversals take them wherever they take lists; a `for` over a set binds its key to
    /// the element, not to a position.
    Set(Arc<Vec<Value>>),
    /// Maps and objects; Terraform iterates both in lexical key order.
    Map(Arc<BTreeMap<String, Value>>),
    Unknown(Unknown),
}

/// Why a value could not be known statically.
#[derive(Clone, Debug, PartialEq)]
pub struct Unknown {
    pub reason: Arc<str>,
    /// The expression is wrong (a missing attribute, an index out of range, a bad
    /// argument), as opposed to not knowable before apply. `try` and `can` fall back on
    /// errors only.
    pub error: bool,
    /// A bound souverain sets was hit ([`MAX_VALUE_SIZE`], the nesting and iteration
    /// limits): the input is hostile or runaway. Not an error `try` may recover from, and
    /// reported as a diagnostic, since an unresolved value alone may pass a check.
    pub limit: bool,
}

impl Value {
    pub fn string(s: impl Into<Arc<str>>) -> Value {
        Value::String(s.into())
    }

    /// A value that cannot be known before apply (or without the missing input).
    pub fn unknown(reason: impl Into<String>) -> Value {
        Value::Unknown(Unknown {
            reason: Arc::from(reason.into()),
            error: false,
            limit: false,
        })
    }

    /// A value not computed because a limit was hit.
    pub fn over_limit(reason: impl Into<String>) -> Value {
        Value::Unknown(Unknown {
            reason: Arc::from(reason.into()),
            error: false,
            limit: true,
        })
    }

    /// An evaluation error: Terraform itself would reject the expression.
    pub fn error(reason: impl Into<String>) -> Value {
        Value::Unknown(Unknown {
            reason: Arc::from(reason.into()),
            error: true,
            limit: false,
        })
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(items))
    }

    /// A set of these elements: duplicates dropped, in the order Terraform iterates a
    /// set: strings lexically, numbers by value, false before true, nulls last; other
    /// element types keep first-seen order (Terraform's own order for them is a hash order
    /// that no configuration should rely on).
    pub fn set(items: Vec<Value>) -> Value {
        let mut set = dedupe(items);
        // Ranking kinds first keeps the comparison a total order even for mixed input.
        let rank = |v: &Value| match v {
            Value::Bool(_) => 0,
            Value::Number(_) => 1,
            Value::String(_) => 2,
            Value::List(_) | Value::Set(_) => 3,
            Value::Map(_) => 4,
            Value::Unknown(_) => 5,
            Value::Null => 6,
        };
        set.sort_by(|x, y| {
            rank(x).cmp(&rank(y)).then_with(|| match (x, y) {
                (Value::String(a), Value::String(b)) => a.cmp(b),
                (Value::Number(a), Value::Number(b)) => a.total_cmp(b),
                (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
                _ => std::cmp::Ordering::Equal,
            })
        });
        Value::Set(Arc::new(set))
    }

    /// The elements of a list or a set.
    pub fn items(&self) -> Option<&Arc<Vec<Value>>> {
        match self {
            Value::List(items) | Value::Set(items) => Some(items),
            _ => None,
        }
    }

    pub fn map(entries: BTreeMap<String, Value>) -> Value {
        Value::Map(Arc::new(entries))
    }

    /// Why the value is too large to work with: it unfolds to more than
    /// [`MAX_VALUE_SIZE`] elements or nests deeper than [`MAX_VALUE_DEPTH`]. Values share
    /// their parts (`[x, x]` holds `x` once), so a few lines can build a value that unfolds
    /// to 2^64 elements: each shared part is measured once, and any later walk over the
    /// value (printing, comparing, `flatten`) stays bounded.
    pub fn oversize(&self) -> Option<String> {
        let (size, depth) = measure(self, &mut std::collections::HashMap::new());
        if size > MAX_VALUE_SIZE {
            Some(format!(
                "value of more than {MAX_VALUE_SIZE} elements (the value size limit)"
            ))
        } else if depth > MAX_VALUE_DEPTH {
            Some(format!(
                "value nested deeper than {MAX_VALUE_DEPTH} levels (the value depth limit)"
            ))
        } else {
            None
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(_))
    }

    /// The first unknown reason found in this value or anything it contains.
    pub fn first_unknown(&self) -> Option<&Unknown> {
        match self {
            Value::Unknown(u) => Some(u),
            Value::List(items) | Value::Set(items) => items.iter().find_map(Value::first_unknown),
            Value::Map(entries) => entries.values().find_map(Value::first_unknown),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::List(_) => "list",
            Value::Set(_) => "set",
            Value::Map(_) => "map",
            Value::Unknown(_) => "unknown",
        }
    }

    /// Terraform's automatic conversion to string (numbers and bools convert; null,
    /// collections do not).
    pub fn to_string_value(&self) -> Result<Arc<str>, Value> {
        match self {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(Arc::from(format_number(*n))),
            Value::Bool(b) => Ok(Arc::from(if *b { "true" } else { "false" })),
            Value::Unknown(_) => Err(self.clone()),
            other => Err(Value::error(format!(
                "cannot convert a {} to a string",
                other.type_name()
            ))),
        }
    }

    /// Terraform's automatic conversion to number.
    pub fn to_number(&self) -> Result<f64, Value> {
        match self {
            Value::Number(n) => Ok(*n),
            Value::String(s) => s
                .trim()
                .parse::<f64>()
                .map_err(|_| Value::error(format!("\"{s}\" is not a number"))),
            Value::Unknown(_) => Err(self.clone()),
            other => Err(Value::error(format!(
                "cannot convert a {} to a number",
                other.type_name()
            ))),
        }
    }

    /// Terraform's automatic conversion to bool. go-cty converts the strings "1" and "0"
    /// too (cty/convert/conversion_primitive.go), whatever `tobool`'s page says.
    pub fn to_bool(&self) -> Result<bool, Value> {
        match self {
            Value::Bool(b) => Ok(*b),
            Value::String(s) if matches!(&**s, "true" | "1") => Ok(true),
            Value::String(s) if matches!(&**s, "false" | "0") => Ok(false),
            Value::Unknown(_) => Err(self.clone()),
            other => Err(Value::error(format!(
                "cannot convert a {} to a bool",
                other.type_name()
            ))),
        }
    }

    /// Converts a JSON value (tfvars JSON, `jsondecode`).
    pub fn from_json(json: &serde_json::Value) -> Value {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::string(s.as_str()),
            serde_json::Value::Array(items) => {
                Value::list(items.iter().map(Value::from_json).collect())
            }
            serde_json::Value::Object(entries) => Value::map(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Converts to JSON (`jsonencode`); unknown values have no JSON form.
    pub fn to_json(&self) -> Result<serde_json::Value, Value> {
        Ok(match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map(|num| {
                    if n.fract() == 0.0 && n.abs() < 1e15 {
                        serde_json::Value::from(*n as i64)
                    } else {
                        serde_json::Value::Number(num)
                    }
                })
                .unwrap_or(serde_json::Value::Null),
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::List(items) | Value::Set(items) => serde_json::Value::Array(
                items.iter().map(Value::to_json).collect::<Result<_, _>>()?,
            ),
            Value::Map(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), v.to_json()?)))
                    .collect::<Result<_, Value>>()?,
            ),
            Value::Unknown(_) => return Err(self.clone()),
        })
    }
}

/// Size (elements, capped just above [`MAX_VALUE_SIZE`]) and depth of a value; shared parts
/// are measured once, keyed by address.
fn measure(
    value: &Value,
    seen: &mut std::collections::HashMap<usize, (usize, usize)>,
) -> (usize, usize) {
    let (address, shared) = match value {
        Value::List(items) | Value::Set(items) => {
            (Arc::as_ptr(items) as usize, Arc::strong_count(items) > 1)
        }
        Value::Map(entries) => (
            Arc::as_ptr(entries) as usize,
            Arc::strong_count(entries) > 1,
        ),
        Value::String(s) => return (1 + s.len() / 1024, 0),
        _ => return (1, 0),
    };
    if let Some(known) = seen.get(&address) {
        return *known;
    }
    let (items, entries): (&[Value], Option<&BTreeMap<String, Value>>) = match value {
        Value::List(items) | Value::Set(items) => (items, None),
        Value::Map(entries) => (&[], Some(entries)),
        _ => (&[], None),
    };
    let (mut size, mut depth) = (1, 0);
    for child in items
        .iter()
        .chain(entries.into_iter().flat_map(BTreeMap::values))
    {
        let (s, d) = measure(child, seen);
        size = (size + s).min(MAX_VALUE_SIZE + 1);
        depth = depth.max(d + 1);
        if size > MAX_VALUE_SIZE || depth > MAX_VALUE_DEPTH {
            break;
        }
    }
    if shared {
        seen.insert(address, (size, depth));
    }
    (size, depth)
}

/// The items without duplicates, in first-seen order.
pub fn dedupe(items: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for v in items {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Renders a value the way Terraform writes it in HCL, for evidence notes.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => f.write_str(&format_number(*n)),
            Value::String(s) => write!(f, "{s:?}"),
            Value::List(items) | Value::Set(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Value::Map(entries) => {
                f.write_str("{")?;
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k} = {v}")?;
                }
                f.write_str("}")
            }
            Value::Unknown(u) => write!(f, "(unknown: {})", u.reason),
        }
    }
}
