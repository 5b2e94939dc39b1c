//! Checking one CSV line and turning it into an [`Order`].

// ANCHOR: paths
use super::Order; // `super` is the parent module, `orders`
use crate::price::{PriceError, parse_price}; // `crate` is the crate root, lib.rs
// ANCHOR_END: paths

/// Why a row was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// The row does not have exactly three fields: SKU, quantity, unit price.
    FieldCount(usize),
    /// The SKU field is empty.
    EmptySku,
    /// The quantity is not a whole number of at least 1.
    Quantity(String),
    /// The unit price is not a valid price.
    Price(PriceError),
}

/// Parses one line of the export, `sku,quantity,unit_price`, into an [`Order`].
///
/// ```
/// use order_stats::parse_row;
///
/// let order = parse_row("SKU-1042,2,19.99").unwrap();
/// assert_eq!(order.sku, "SKU-1042");
/// assert_eq!(order.unit_price_cents, 1999);
/// ```
pub fn parse_row(line: &str) -> Result<Order, RowError> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let [sku, quantity, unit_price] = fields[..] else {
        return Err(RowError::FieldCount(fields.len()));
    };
    if sku.is_empty() {
        return Err(RowError::EmptySku);
    }
    Ok(Order {
        sku: sku.to_string(),
        quantity: parse_quantity(quantity)?,
        unit_price_cents: parse_price(unit_price).map_err(RowError::Price)?,
    })
}

/// Private to this module: `orders::validate` and its tests may call it.
fn parse_quantity(text: &str) -> Result<u32, RowError> {
    // `str::parse` alone would accept "+3".
    let digits_only = text.bytes().all(|byte| byte.is_ascii_digit());
    match text.parse::<u32>() {
        Ok(quantity) if digits_only && quantity > 0 => Ok(quantity),
        _ => Err(RowError::Quantity(text.to_string())),
    }
}

// ANCHOR: unit_tests
#[cfg(test)]
mod tests {
    use super::*; // every name of `validate`, private ones too

    #[test]
    fn parses_a_well_formed_row() -> Result<(), RowError> {
        let order = parse_row(" SKU-1042 , 2 , 19.99 ")?;
        assert_eq!(order.sku, "SKU-1042");
        assert_eq!(order.line_total_cents(), 3998);
        Ok(())
    }

    #[test]
    fn quantity_must_be_a_positive_whole_number() {
        assert_eq!(parse_quantity("3"), Ok(3)); // private, and reachable from here
        for bad in ["0", "-1", "+3", "2.5", ""] {
            assert!(parse_quantity(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_row_needs_three_fields() {
        assert_eq!(parse_row("SKU-1042,2"), Err(RowError::FieldCount(2)));
        assert_eq!(parse_row("SKU-7,2,9.99,EUR"), Err(RowError::FieldCount(4)));
    }
}
// ANCHOR_END: unit_tests
