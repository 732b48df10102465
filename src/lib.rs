//! souverain: reads a Terraform/OpenTofu tree without running Terraform and works out,
//! for every resource, which provider configuration, operator and region it lands on.
//!
//! Pipeline, one module per stage: [`discover`] → [`parse`] → [`config`] →
//! [`evaluate`] → [`resolve`] → [`classify`] → [`check`], sequenced once by [`engine`]
//! into a [`engine::Run`] that [`report`]'s emitters render. [`catalog`] holds the knowledge (vendors,
//! providers, endpoints) loaded from `policies/`. [`settings`] reads the organisation's
//! `.souverain.hcl`; [`suppress`] finds the comments that silence a rule on one block.
//! Every stage reads files through [`fs`]: the disk, or files held in memory.

pub mod catalog;
pub mod check;
pub mod classify;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod evaluate;
pub mod fs;
pub mod level;
pub mod parse;
pub mod plan;
pub mod report;
pub mod resolve;
pub mod settings;
pub mod severity;
pub mod source;
pub mod suppress;
pub mod syntax;
