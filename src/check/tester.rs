//! Each rule's own cases, run in-process on trees held in memory with only that rule
//! enabled (oxc's `Tester`): a rule file lists trees it must pass and trees it must fail,
//! and the findings of the failing trees are the rule's one snapshot
//! (`src/check/rules/snapshots/`).

use super::{RuleMeta, Severity};
use crate::date::Date;
use crate::engine::{self, Judgement, Request};
use std::fmt::Write as _;
use std::path::PathBuf;

/// A tree: `(path, text)` files, paths relative to the tree's root.
pub type Tree = &'static [(&'static str, &'static str)];

pub struct Tester {
    rule: &'static RuleMeta,
    today: &'static str,
    pass: Vec<Tree>,
    fail: Vec<Tree>,
}

impl Tester {
    /// Cases of `rule`, judged on a date far from every expiry of the embedded catalog
    /// unless [`Tester::today`] says otherwise.
    pub fn new(rule: &'static RuleMeta) -> Tester {
        Tester {
            rule,
            today: "2026-06-01",
            pass: Vec::new(),
            fail: Vec::new(),
        }
    }

    pub fn today(mut self, today: &'static str) -> Tester {
        self.today = today;
        self
    }

    /// Trees on which the rule finds nothing.
    pub fn pass(mut self, trees: &[Tree]) -> Tester {
        self.pass.extend_from_slice(trees);
        self
    }

    /// Trees on which the rule reports at least one finding.
    pub fn fail(mut self, trees: &[Tree]) -> Tester {
        self.fail.extend_from_slice(trees);
        self
    }

    /// Runs every case, then compares the failing trees' findings with the snapshot.
    pub fn test(self) {
        let id = self.rule.id;
        for (i, tree) in self.pass.iter().enumerate() {
            let found = self.findings(tree);
            assert!(
                found.is_empty(),
                "{id}: pass case {i} has findings:\n{}",
                found.join("\n")
            );
        }
        let mut snapshot = String::new();
        for (i, tree) in self.fail.iter().enumerate() {
            let found = self.findings(tree);
            assert!(!found.is_empty(), "{id}: fail case {i} has no finding");
            let _ = writeln!(snapshot, "# fail case {i}");
            for line in found {
                let _ = writeln!(snapshot, "{line}");
            }
        }
        insta::with_settings!({
            snapshot_path => "rules/snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(id.as_str().to_ascii_lowercase(), snapshot);
        });
    }

    /// The rule's findings on a tree, one line each, with their related places and help.
    fn findings(&self, tree: Tree) -> Vec<String> {
        let request = Request {
            paths: vec![PathBuf::from(".")],
            judgement: Judgement {
                today: Date::parse(self.today).expect("a case's date is a date"),
                select: Some(vec![self.rule.id]),
                ..Judgement::default()
            },
            ..Request::default()
        };
        let run = match engine::check_files(tree.iter().copied(), &request) {
            Ok(run) => run,
            Err(failure) => panic!("{}: the tree is not checked: {failure}", self.rule.id),
        };
        assert!(
            !run.diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error),
            "{}: a case must be read whole: {:?}",
            self.rule.id,
            run.diagnostics
        );
        let place = |span| {
            let at = run.sources.line_col(span);
            format!(
                "{}:{}:{}",
                run.sources.display(span.file),
                at.line,
                at.column
            )
        };
        let diagnostics = run
            .diagnostics
            .iter()
            .map(|d| format!("{}[{}]: {}", d.severity, d.code, d.message));
        let findings = run.findings.iter().map(|f| {
            let mut line = format!(
                "{}: {}[{}] {}: {}",
                place(f.span),
                f.severity,
                f.rule,
                run.address(f).unwrap_or("-"),
                f.message
            );
            if let Some(reason) = &f.suppressed {
                let _ = write!(line, " (suppressed: {reason})");
            }
            for r in &f.related {
                let _ = write!(line, "\n    {}: {}", place(r.span), r.note);
            }
            if let Some(help) = &f.help {
                let _ = write!(line, "\n    help: {help}");
            }
            line
        });
        diagnostics.chain(findings).collect()
    }
}
