//! One order line of the export, and what the crate does with it.

// ANCHOR: submodules
// Submodules of `orders`: their files are src/orders/validate.rs and
// src/orders/totals.rs.
pub mod totals;
pub mod validate;
// ANCHOR_END: submodules

/// One checked order line: a SKU, a quantity and a unit price in cents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub sku: String,
    pub quantity: u32,
    pub unit_price_cents: u64,
}

impl Order {
    /// Quantity times unit price, in cents. `pub(crate)`: any module of this
    /// crate may call it, code outside the crate may not.
    pub(crate) fn line_total_cents(&self) -> u64 {
        u64::from(self.quantity) * self.unit_price_cents
    }
}
