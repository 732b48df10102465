//! Classification: what a resource holds (its data category, from the catalog) and how
//! sensitive that data is, with the evidence that decided it.
//!
//! A level can come from the resource's tags or labels, its provider's default tags, an
//! argument of an enclosing module call, or a `classify` rule of the configuration. When
//! several apply, the most sensitive wins: a tag can raise a configured level, never
//! silently lower it. The configured default level applies only when nothing else does.

use crate::catalog::Catalog;
use crate::level::Level;
use crate::resolve::{ResourceRecord, TagOrigin};
use crate::settings::Settings;
use crate::source::Span;

#[derive(Clone, Debug, Default)]
pub struct Classification {
    /// The data category (`object-storage`, `database`, …); `None` for resources that
    /// hold no data.
    pub category: Option<String>,
    pub level: Option<Level>,
    /// What decided the level: where (a tag, a module argument; `None` for a
    /// configuration rule or the default) and a note.
    pub because: Option<(Option<Span>, String)>,
    /// A classification tag whose value is not known statically.
    pub unknown: Option<String>,
}

pub fn classify(record: &ResourceRecord, catalog: &Catalog, settings: &Settings) -> Classification {
    // A data source reads data held elsewhere; only managed resources hold it.
    let holds_data = record.mode == crate::config::Mode::Managed && record.hosted;
    let category = catalog
        .data_type(&record.kind)
        .filter(|_| holds_data)
        .map(|d| d.category.clone());
    let mut out = Classification {
        category,
        ..Classification::default()
    };
    if out.category.is_none() {
        return out;
    }
    let vocabulary = catalog.vocabulary();
    let mut candidates: Vec<(Level, Option<Span>, String)> = Vec::new();
    for tag in &record.tags {
        if !vocabulary.is_key(&tag.key) {
            continue;
        }
        let whose = match &tag.origin {
            TagOrigin::Resource => "tag".to_string(),
            TagOrigin::Provider => "provider default tag".to_string(),
            TagOrigin::ModuleCall(call) => format!("argument of {call}"),
        };
        match &tag.value {
            Ok(value) => match vocabulary.level_of(&tag.key, value) {
                Some(level) => candidates.push((
                    level,
                    Some(tag.span),
                    format!("{whose} {} = {value:?} → {level}", tag.key),
                )),
                None => {
                    out.unknown.get_or_insert_with(|| {
                        format!(
                            "{whose} {} = {value:?} is not a known classification value",
                            tag.key
                        )
                    });
                }
            },
            Err(reason) => {
                out.unknown.get_or_insert_with(|| {
                    format!("{whose} {} is not known statically: {reason}", tag.key)
                });
            }
        }
    }
    if let Some(level) = settings.level_for(&record.root, &record.address, &record.kind) {
        candidates.push((
            level,
            None,
            format!("a classify rule of the configuration → {level}"),
        ));
    }
    match candidates.into_iter().max_by_key(|(level, _, _)| *level) {
        Some((level, span, note)) => {
            out.level = Some(level);
            out.because = Some((span, note));
        }
        None if out.unknown.is_none() => {
            if let Some(level) = settings.default_level {
                out.level = Some(level);
                out.because = Some((None, format!("the configuration's default level → {level}")));
            }
        }
        None => {}
    }
    out
}
