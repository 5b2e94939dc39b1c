//! Parse order rows from a CSV export, check them, and total them by SKU.
//!
//! The example crate of the chapter "Modules, crates and testing": a library
//! crate with a module in its own file (`price.rs`), a module with submodules
//! (`orders.rs` with `orders/validate.rs` and `orders/totals.rs`), unit tests
//! beside the code, integration tests in `tests/` and doc tests.

// ANCHOR: crate_root
// The crate's modules: each `mod` line tells the compiler to read a file.
pub mod orders;
pub mod price;

// Re-exports: users can write `order_stats::parse_row` instead of
// `order_stats::orders::validate::parse_row`.
pub use orders::validate::{RowError, parse_row};
pub use orders::{Order, totals::revenue_by_sku};
// ANCHOR_END: crate_root
