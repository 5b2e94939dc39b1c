//! Generates the Rust types for `../proto/order.proto` (`etl.v1.Order`).
//!
//! `protox` parses the .proto file in pure Rust and hands prost-build the
//! descriptors that `protoc` would have produced, so building this crate needs
//! no protoc on the machine: only crates from crates.io.

use std::error::Error;

const PROTO_DIR: &str = "../proto";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed={PROTO_DIR}/order.proto");
    let descriptors = protox::compile(["order.proto"], [PROTO_DIR])?;
    prost_build::Config::new().compile_fds(descriptors)?;
    Ok(())
}
