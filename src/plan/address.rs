//! Addresses as a plan writes them: `module.app["eu"].module.store.aws_s3_bucket.b[0]`,
//! and the references of its configuration (`var.region`, `aws_s3_bucket.b[0].arn`).

/// The parts of a dotted address, each with its index (`name[key]`), split outside
/// brackets and quoted keys.
pub fn parts(address: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut out = Vec::new();
    let bytes = address.as_bytes();
    let (mut start, mut depth, mut quoted, mut escaped) = (0, 0usize, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if quoted {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => quoted = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => quoted = true,
            b'[' => depth += 1,
            b']' => depth = depth.checked_sub(1).ok_or("unbalanced ]")?,
            b'.' if depth == 0 => {
                out.push(split_index(&address[start..i])?);
                start = i + 1;
            }
            _ => {}
        }
    }
    if quoted || depth != 0 {
        return Err(format!("{address:?} is not a valid address"));
    }
    out.push(split_index(&address[start..])?);
    Ok(out)
}

fn split_index(part: &str) -> Result<(&str, &str), String> {
    let (name, index) = match part.find('[') {
        Some(i) => part.split_at(i),
        None => (part, ""),
    };
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if valid {
        Ok((name, index))
    } else {
        Err(format!("{part:?} is not a valid address part"))
    }
}

/// A module instance address (`module.a["x"].module.b`) as its calls: `[("a", "[\"x\"]"),
/// ("b", "")]`.
pub fn module_calls(address: &str) -> Result<Vec<(&str, &str)>, String> {
    if address.is_empty() {
        return Ok(Vec::new());
    }
    let parts = parts(address)?;
    if parts.len() % 2 != 0 {
        return Err(format!("{address:?} is not a module address"));
    }
    parts
        .chunks(2)
        .map(|pair| match pair {
            [("module", ""), (name, key)] => Ok((*name, *key)),
            _ => Err(format!("{address:?} is not a module address")),
        })
        .collect()
}

/// The resource a reference names (`aws_s3_bucket.b[0].arn` → `aws_s3_bucket.b[0]`), if
/// it names a managed resource.
pub fn resource_of(reference: &str) -> Option<String> {
    const NOT_RESOURCES: &[&str] = &[
        "var",
        "local",
        "module",
        "data",
        "each",
        "count",
        "path",
        "terraform",
        "self",
    ];
    let parts = parts(reference).ok()?;
    match parts.as_slice() {
        [(kind, ""), (name, key), ..] if !NOT_RESOURCES.contains(kind) => {
            Some(format!("{kind}.{name}{key}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_addresses_split_outside_quoted_keys() {
        assert_eq!(
            module_calls(r#"module.a["x.y[1]"].module.b[2]"#).unwrap(),
            vec![("a", r#"["x.y[1]"]"#), ("b", "[2]")]
        );
        assert_eq!(module_calls("").unwrap(), vec![]);
        assert!(module_calls("module.a.aws_s3_bucket").is_err());
        assert!(module_calls(r#"module.a["x]"#).is_err());
    }

    #[test]
    fn references_name_resources_or_not() {
        assert_eq!(
            resource_of("aws_s3_bucket.b[0].arn").as_deref(),
            Some("aws_s3_bucket.b[0]")
        );
        assert_eq!(
            resource_of("aws_s3_bucket.b").as_deref(),
            Some("aws_s3_bucket.b")
        );
        assert_eq!(resource_of("var.region"), None);
        assert_eq!(resource_of("module.x.id"), None);
        assert_eq!(resource_of("aws_s3_bucket"), None);
    }
}
