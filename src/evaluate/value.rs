//! Values of the static evaluator. [`Value::Unknown`] carries why a value is not known;
//! it flows through every operation and is never treated as a real value.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Longest string a function or template may build (bytes).
pub const MAX_STRING_LEN: usize = 16 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(Arc<str>),
    /// Lists, tuples and sets (a set is kept sorted and deduplicated where it is built).
    List(Arc<Vec<Value>>),
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
        })
    }

    /// An evaluation error: Terraform itself would reject the expression.
    pub fn error(reason: impl Into<String>) -> Value {
        Value::Unknown(Unknown {
            reason: Arc::from(reason.into()),
            error: true,
        })
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(items))
    }

    pub fn map(entries: BTreeMap<String, Value>) -> Value {
        Value::Map(Arc::new(entries))
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(_))
    }

    /// The first unknown reason found in this value or anything it contains.
    pub fn first_unknown(&self) -> Option<&Unknown> {
        match self {
            Value::Unknown(u) => Some(u),
            Value::List(items) => items.iter().find_map(Value::first_unknown),
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

    /// Terraform's automatic conversion to bool.
    pub fn to_bool(&self) -> Result<bool, Value> {
        match self {
            Value::Bool(b) => Ok(*b),
            Value::String(s) if &**s == "true" => Ok(true),
            Value::String(s) if &**s == "false" => Ok(false),
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
            Value::List(items) => serde_json::Value::Array(
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
            Value::List(items) => {
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
