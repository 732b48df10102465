//! Numeric functions with more than a one-line body: `min`/`max` and `parseint`.

use super::{Args, Res};
use crate::evaluate::Value;

pub(super) fn fold_numbers(a: &Args, pick: fn(f64, f64) -> f64) -> Res {
    let nums = (0..a.vals.len())
        .map(|i| a.num(i))
        .collect::<Result<Vec<_>, _>>()?;
    nums.into_iter()
        .reduce(pick)
        .map(Value::Number)
        .ok_or_else(|| a.err("must pass at least one number"))
}

/// Digits beyond 9 are `a`–`z`, then `A`–`Z` above base 36 (Go's `big.Int` rules).
pub(super) fn parseint(a: &Args) -> Res {
    let (s, base) = (a.str(0)?, a.int(1)?);
    if !(2..=62).contains(&base) {
        return Err(a.err("base must be a whole number between 2 and 62 inclusive"));
    }
    let invalid = || a.err(format!("cannot parse {s:?} as a base {base} integer"));
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    if digits.is_empty() {
        return Err(invalid());
    }
    let mut n: u128 = 0;
    for c in digits.chars() {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'a'..='z' => c as i64 - 'a' as i64 + 10,
            'A'..='Z' if base <= 36 => c as i64 - 'A' as i64 + 10,
            'A'..='Z' => c as i64 - 'A' as i64 + 36,
            _ => return Err(invalid()),
        };
        if d >= base {
            return Err(invalid());
        }
        n = n
            .checked_mul(base as u128)
            .and_then(|n| n.checked_add(d as u128))
            .ok_or_else(|| Value::unknown("parseint: the number is too large to evaluate"))?;
    }
    let n = n as f64;
    Ok(Value::Number(if negative { -n } else { n }))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn numbers() {
        check(vec![
            ("abs", vec![n(-2.5)], Is(n(2.5))),
            ("ceil", vec![n(1.2)], Is(n(2.0))),
            ("floor", vec![s("-1.2")], Is(n(-2.0))),
            ("pow", vec![n(2.0), n(10.0)], Is(n(1024.0))),
            ("log", vec![n(8.0), n(2.0)], Is(n(3.0))),
            ("signum", vec![n(-3.0)], Is(n(-1.0))),
            ("signum", vec![n(0.0)], Is(n(0.0))),
            ("min", vec![n(3.0), n(1.0), s("2")], Is(n(1.0))),
            ("max", vec![n(3.0), n(1.0)], Is(n(3.0))),
            ("max", vec![], Error("expects at least 1")),
            ("max", vec![s("x")], Error("max: \"x\" is not a number")),
            ("sum", vec![l(&[n(1.0), n(2.5)])], Is(n(3.5))),
            ("sum", vec![l(&[])], Error("empty")),
            ("parseint", vec![s("ff"), n(16.0)], Is(n(255.0))),
            ("parseint", vec![s("-101"), n(2.0)], Is(n(-5.0))),
            ("parseint", vec![s("Z"), n(62.0)], Is(n(61.0))),
            ("parseint", vec![s("12"), n(2.0)], Error("cannot parse")),
            ("parseint", vec![s("1"), n(1.0)], Error("between 2 and 62")),
        ]);
    }
}
