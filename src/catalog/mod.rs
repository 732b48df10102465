//! The knowledge souverain relies on, as data: `policies/*.hcl`.
