//! Empty on purpose: this package exists only so that cargo builds the crates
//! listed in Cargo.toml for the sample verifier (tools/verify-samples/main.ts).
