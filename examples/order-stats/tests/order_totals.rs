//! Integration tests: this file is compiled as its own crate and sees only
//! what `order_stats` makes public, as a user of the library would.

// ANCHOR: integration
use order_stats::{RowError, parse_row, price::PriceError, revenue_by_sku};

const EXPORT: &str = "\
SKU-1042,2,19.99
SKU-2001,1,4.50
SKU-1042,1,19.99
";

#[test]
fn totals_an_export_by_sku() -> Result<(), RowError> {
    let mut orders = Vec::new();
    for line in EXPORT.lines() {
        orders.push(parse_row(line)?);
    }
    let revenue = revenue_by_sku(&orders);
    assert_eq!(revenue["SKU-1042"], 5997);
    assert_eq!(revenue["SKU-2001"], 450);
    assert_eq!(revenue.len(), 2);
    Ok(())
}

#[test]
fn a_bad_price_says_why() {
    assert_eq!(
        parse_row("SKU-1042,2,19.999"),
        Err(RowError::Price(PriceError::TooManyDecimals))
    );
}
// ANCHOR_END: integration
