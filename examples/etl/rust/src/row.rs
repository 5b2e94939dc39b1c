//! Turn one CSV record into a validated, typed `Order`, or say exactly what is wrong.

use std::fmt;

use csv::StringRecord;
use sha2::{Digest, Sha256};

use crate::Order;
use crate::money::{Currency, PriceError, parse_price, total_eur_cents};
use crate::timestamp::{TimestampError, parse_timestamp};

// ANCHOR: required_columns
/// The columns the job reads, in schema order: the order in which a row's
/// fields are checked. They must match the field names of `RawRow`.
pub const REQUIRED_COLUMNS: [&str; 8] = [
    "order_id",
    "ordered_at",
    "customer_email",
    "country",
    "sku",
    "quantity",
    "unit_price",
    "currency",
];
// ANCHOR_END: required_columns

pub const MAX_QUANTITY: u32 = 100_000;

// ANCHOR: raw_row
/// Where each required column is in the header, in schema order: found once,
/// when the header is read, so that no row looks a column up by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns(pub [usize; REQUIRED_COLUMNS.len()]);

/// One CSV record as the file has it: text only, picked by the header's
/// positions, so the column order does not matter and extra columns are
/// ignored. The fields borrow from the csv reader's record buffer, so reading
/// a row copies nothing.
#[derive(Debug)]
pub struct RawRow<'a> {
    pub order_id: &'a str,
    pub ordered_at: &'a str,
    pub customer_email: &'a str,
    pub country: &'a str,
    pub sku: &'a str,
    pub quantity: &'a str,
    pub unit_price: &'a str,
    pub currency: &'a str,
}

impl<'a> RawRow<'a> {
    /// The required fields of `record`. It must have a field at each of
    /// `columns` (it does once it has as many fields as the header).
    pub fn from_record(record: &'a StringRecord, columns: &Columns) -> Self {
        let [
            order_id,
            ordered_at,
            customer_email,
            country,
            sku,
            quantity,
            unit_price,
            currency,
        ] = columns.0.map(|index| &record[index]);
        RawRow {
            order_id,
            ordered_at,
            customer_email,
            country,
            sku,
            quantity,
            unit_price,
            currency,
        }
    }
}
// ANCHOR_END: raw_row

// ANCHOR: row_error
/// Why a field was rejected. `Display` gives the reason the contract prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    Empty,
    Timestamp(TimestampError),
    Email,
    Country,
    NotWholeNumber,
    QuantityOutOfRange,
    Price(PriceError),
    Currency,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Empty => f.write_str("must not be empty"),
            FieldError::Timestamp(error) => error.fmt(f),
            FieldError::Email => f.write_str("must contain exactly one @ with text on both sides"),
            FieldError::Country => f.write_str("must be two ASCII letters"),
            FieldError::NotWholeNumber => f.write_str("must be a whole number"),
            FieldError::QuantityOutOfRange => write!(f, "must be between 1 and {MAX_QUANTITY}"),
            FieldError::Price(error) => error.fmt(f),
            FieldError::Currency => f.write_str("must be EUR, USD or GBP"),
        }
    }
}

impl From<TimestampError> for FieldError {
    fn from(error: TimestampError) -> Self {
        FieldError::Timestamp(error)
    }
}

impl From<PriceError> for FieldError {
    fn from(error: PriceError) -> Self {
        FieldError::Price(error)
    }
}

/// Why a record was rejected. `Display` gives `SUBJECT: reason`, the part of
/// the message after `PATH:LINE: `.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowError {
    /// A field is not valid UTF-8: `column` is its header name, or `record`
    /// if the record has more fields than the header.
    NotUtf8 { column: String },
    /// The record does not have one field per header column.
    FieldCount { expected: usize, found: usize },
    /// A required column's value breaks the contract.
    Field {
        column: &'static str,
        error: FieldError,
    },
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowError::NotUtf8 { column } => write!(f, "{column}: must be valid UTF-8"),
            RowError::FieldCount { expected, found } => write!(
                f,
                "record: must have {expected} fields like the header, found {found}"
            ),
            RowError::Field { column, error } => write!(f, "{column}: {error}"),
        }
    }
}

impl std::error::Error for RowError {}
// ANCHOR_END: row_error

/// Free text, such as order_id and sku: any non-empty string, kept as it is.
fn parse_text(text: &str) -> Result<&str, FieldError> {
    Ok(text)
}

// ANCHOR: customer_key
/// Hash an email into the 32-byte customer key; the email itself is never stored.
fn parse_customer_key(email: &str) -> Result<[u8; 32], FieldError> {
    // Changes only A-Z, like Python's bytes.lower(); str::to_lowercase would
    // also change É, ẞ, ...
    let normalized = email.to_ascii_lowercase();
    match normalized.split_once('@') {
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !domain.contains('@') =>
        {
            Ok(Sha256::digest(normalized.as_bytes()).into())
        }
        _ => Err(FieldError::Email),
    }
}
// ANCHOR_END: customer_key

/// Two ASCII letters; the caller uppercases them (`de` becomes `DE`).
fn parse_country(text: &str) -> Result<&str, FieldError> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(text)
    } else {
        Err(FieldError::Country)
    }
}

// ANCHOR: parse_quantity
/// A whole number from 1 to 100000, written with ASCII digits only.
///
/// `str::parse::<u32>` alone would also accept `+3`.
fn parse_quantity(text: &str) -> Result<u32, FieldError> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::NotWholeNumber);
    }
    // Only digits are left, so parse fails only on overflow: also out of range.
    match text.parse::<u32>() {
        Ok(quantity @ 1..=MAX_QUANTITY) => Ok(quantity),
        _ => Err(FieldError::QuantityOutOfRange),
    }
}
// ANCHOR_END: parse_quantity

/// One of the currencies we have a rate for, exactly as written (case-sensitive).
fn parse_currency(text: &str) -> Result<Currency, FieldError> {
    Currency::parse(text).ok_or(FieldError::Currency)
}

/// Trim the column's text, reject it if empty, else parse it, naming the column on error.
fn field<'a, T, E: Into<FieldError>>(
    column: &'static str,
    raw: &'a str,
    parse: impl FnOnce(&'a str) -> Result<T, E>,
) -> Result<T, RowError> {
    let text = raw.trim_ascii();
    if text.is_empty() {
        return Err(RowError::Field {
            column,
            error: FieldError::Empty,
        });
    }
    parse(text).map_err(|error| RowError::Field {
        column,
        error: error.into(),
    })
}

// ANCHOR: validate_row
impl RawRow<'_> {
    /// Validate the row into `order`, a message reused from row to row.
    ///
    /// Columns are checked one at a time in schema order, so when several are
    /// wrong the error names the first of them in that order, whatever the
    /// column order in the file. `?` returns that first error, and leaves
    /// `order` as it was.
    pub fn validate_into(&self, order: &mut Order) -> Result<(), RowError> {
        let order_id = field("order_id", self.order_id, parse_text)?;
        let ordered_at_ms = field("ordered_at", self.ordered_at, parse_timestamp)?;
        let customer_key = field("customer_email", self.customer_email, parse_customer_key)?;
        let country = field("country", self.country, parse_country)?;
        let sku = field("sku", self.sku, parse_text)?;
        let quantity = field("quantity", self.quantity, parse_quantity)?;
        let unit_price_cents = field("unit_price", self.unit_price, parse_price)?;
        let currency = field("currency", self.currency, parse_currency)?;

        // Every column is valid. `clone_into` copies text into the String the
        // message already has, so after the first rows nothing is allocated.
        order_id.clone_into(&mut order.order_id);
        order.ordered_at_ms = ordered_at_ms;
        customer_key.as_slice().clone_into(&mut order.customer_key);
        country.clone_into(&mut order.country);
        order.country.make_ascii_uppercase();
        sku.clone_into(&mut order.sku);
        order.quantity = quantity;
        order.unit_price_cents = unit_price_cents;
        currency.code().clone_into(&mut order.currency);
        order.total_eur_cents = total_eur_cents(quantity, unit_price_cents, currency);
        Ok(())
    }

    /// Validate the row into a new `Order`.
    pub fn validate(&self) -> Result<Order, RowError> {
        let mut order = Order::default();
        self.validate_into(&mut order)?;
        Ok(order)
    }
}
// ANCHOR_END: validate_row

#[cfg(test)]
mod tests {
    use super::*;

    // sha256sum of "ann@example.com" and of "Änn@example.com", computed outside Rust.
    const ANN_KEY: &str = "71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476";
    const ANN_NON_ASCII_KEY: &str =
        "78624d0c720828c02cb82cc5199d2f53942d195180e42713dd29ad02ece86c49";

    const VALID: RawRow<'static> = RawRow {
        order_id: "A-1",
        ordered_at: "2024-03-01T12:30:00Z",
        customer_email: "ann@example.com",
        country: "de",
        sku: "SKU-1",
        quantity: "3",
        unit_price: "12.50",
        currency: "GBP",
    };

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn reason(row: RawRow<'_>) -> String {
        row.validate()
            .expect_err("row should be invalid")
            .to_string()
    }

    #[test]
    fn validates_a_row() {
        let order = VALID.validate().unwrap();
        assert_eq!(
            order,
            Order {
                order_id: "A-1".into(),
                ordered_at_ms: 1_709_296_200_000,
                customer_key: order.customer_key.clone(),
                country: "DE".into(),
                sku: "SKU-1".into(),
                quantity: 3,
                unit_price_cents: 1250,
                currency: "GBP".into(),
                total_eur_cents: 4388,
            }
        );
        assert_eq!(hex(&order.customer_key), ANN_KEY);
    }

    #[test]
    fn trims_ascii_whitespace_only() {
        let row = RawRow {
            order_id: " \tA-1\r\n",
            quantity: " 3 ",
            sku: "\x0cSKU-1 ",
            ..VALID
        };
        let order = row.validate().unwrap();
        assert_eq!((order.order_id.as_str(), order.quantity), ("A-1", 3));
        assert_eq!(order.sku, "SKU-1");
        let no_break_space = RawRow {
            order_id: "\u{a0}A-1",
            ..VALID
        };
        assert_eq!(no_break_space.validate().unwrap().order_id, "\u{a0}A-1");
    }

    #[test]
    fn normalizes_emails() {
        let upper = RawRow {
            customer_email: "  ANN@Example.COM ",
            ..VALID
        };
        assert_eq!(hex(&upper.validate().unwrap().customer_key), ANN_KEY);
        let non_ascii = RawRow {
            customer_email: "ÄNN@example.com",
            ..VALID
        };
        assert_eq!(
            hex(&non_ascii.validate().unwrap().customer_key),
            ANN_NON_ASCII_KEY
        );
    }

    #[test]
    fn rejects_bad_fields() {
        let email = "customer_email: must contain exactly one @ with text on both sides";
        for (row, expected) in [
            (
                RawRow {
                    order_id: " ",
                    ..VALID
                },
                "order_id: must not be empty",
            ),
            (
                RawRow {
                    customer_email: "ann",
                    ..VALID
                },
                email,
            ),
            (
                RawRow {
                    customer_email: "ann@",
                    ..VALID
                },
                email,
            ),
            (
                RawRow {
                    customer_email: "@x",
                    ..VALID
                },
                email,
            ),
            (
                RawRow {
                    customer_email: "a@b@c",
                    ..VALID
                },
                email,
            ),
            (
                RawRow {
                    country: "DEU",
                    ..VALID
                },
                "country: must be two ASCII letters",
            ),
            (
                RawRow {
                    country: "ÄT",
                    ..VALID
                },
                "country: must be two ASCII letters",
            ),
            (
                RawRow {
                    quantity: "+3",
                    ..VALID
                },
                "quantity: must be a whole number",
            ),
            (
                RawRow {
                    quantity: "٣",
                    ..VALID
                },
                "quantity: must be a whole number",
            ),
            (
                RawRow {
                    quantity: "0",
                    ..VALID
                },
                "quantity: must be between 1 and 100000",
            ),
            (
                RawRow {
                    quantity: "4294967296",
                    ..VALID
                },
                "quantity: must be between 1 and 100000",
            ),
            (
                RawRow {
                    currency: "eur",
                    ..VALID
                },
                "currency: must be EUR, USD or GBP",
            ),
            (
                RawRow {
                    unit_price: "1e3",
                    ..VALID
                },
                "unit_price: must be a decimal number like 12.34",
            ),
        ] {
            assert_eq!(reason(row), expected);
        }
    }

    #[test]
    fn reports_the_first_bad_column_in_schema_order() {
        let row = RawRow {
            currency: "XXX",
            quantity: "0",
            ..VALID
        };
        assert!(reason(row).starts_with("quantity:"));
    }
}
