//! Totals over many orders.

use std::collections::BTreeMap;

use super::Order;

/// Revenue in cents for each SKU, sorted by SKU.
///
/// ```
/// use order_stats::{parse_row, revenue_by_sku};
///
/// let orders = [
///     parse_row("SKU-1042,2,19.99").unwrap(),
///     parse_row("SKU-2001,1,4.50").unwrap(),
///     parse_row("SKU-1042,1,19.99").unwrap(),
/// ];
/// let revenue = revenue_by_sku(&orders);
/// assert_eq!(revenue["SKU-1042"], 5997);
/// assert_eq!(revenue["SKU-2001"], 450);
/// ```
pub fn revenue_by_sku(orders: &[Order]) -> BTreeMap<String, u64> {
    let mut revenue = BTreeMap::new();
    for order in orders {
        *revenue.entry(order.sku.clone()).or_insert(0) += order.line_total_cents();
    }
    revenue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_orders_no_revenue() {
        assert!(revenue_by_sku(&[]).is_empty());
    }
}
