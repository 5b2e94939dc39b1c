//! Orders ETL job: validate an orders CSV export and write it as a stream of
//! length-delimited protobuf `Order` messages.
//!
//! The rules are in `examples/etl/CONTRACT.md`; the Python package in
//! `examples/etl/python` follows the same contract byte for byte.

pub mod cli;
pub mod input;
pub mod job;
pub mod money;
pub mod pipeline;
pub mod row;
pub mod timestamp;
pub mod writer;

// ANCHOR: generated_types
/// The types prost-build generated from `proto/order.proto` (see build.rs).
pub mod proto {
    include!(concat!(env!("OUT_DIR"), "/etl.v1.rs"));
}

pub use proto::Order;
// ANCHOR_END: generated_types
