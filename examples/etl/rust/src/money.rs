//! Prices and currency conversion in integer cents: no float ever touches money.

use std::fmt;

/// 100000.00 in cents.
pub const MAX_PRICE_CENTS: i64 = 100_000 * 100;

/// Rates are integers in parts per million: euros per unit of the currency, times 10^6.
const PPM: i64 = 1_000_000;

// ANCHOR: currency_rates
/// The currencies we have a rate for. Python uses a dict; here an enum lets
/// the compiler check that every `match` handles every currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    Eur,
    Usd,
    Gbp,
}

impl Currency {
    /// Parse a currency code exactly as written: `EUR`, `USD` or `GBP`.
    pub fn parse(code: &str) -> Option<Currency> {
        match code {
            "EUR" => Some(Currency::Eur),
            "USD" => Some(Currency::Usd),
            "GBP" => Some(Currency::Gbp),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
        }
    }

    /// Euros per unit of this currency, in millionths.
    pub fn rate_ppm(self) -> i64 {
        match self {
            Currency::Eur => 1_000_000,
            Currency::Usd => 920_000,
            Currency::Gbp => 1_170_000,
        }
    }
}
// ANCHOR_END: currency_rates

// ANCHOR: price_error
/// Why a price was rejected. `Display` gives the reason the contract prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceError {
    NotDecimal,
    TooManyDecimals,
    TooLarge,
}

impl fmt::Display for PriceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PriceError::NotDecimal => "must be a decimal number like 12.34",
            PriceError::TooManyDecimals => "must have at most 2 decimal places",
            PriceError::TooLarge => "must be at most 100000.00",
        })
    }
}

impl std::error::Error for PriceError {}
// ANCHOR_END: price_error

// ANCHOR: parse_price
/// Parse a non-negative price such as `"12.34"` into cents (`1234`).
///
/// Accepted: digits, optionally followed by a point and one or two digits.
/// Rejected: `".5"`, `"5."`, `"+5"`, `"1e3"`, `"1,50"`, `"12.345"`.
pub fn parse_price(text: &str) -> Result<i64, PriceError> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(whole) || fraction.is_some_and(|fraction| !is_digits(fraction)) {
        return Err(PriceError::NotDecimal);
    }
    let fraction_cents = match fraction.unwrap_or("").as_bytes() {
        [] => 0,
        [tenths] => 10 * digit_value(*tenths),
        [tenths, hundredths] => 10 * digit_value(*tenths) + digit_value(*hundredths),
        _ => return Err(PriceError::TooManyDecimals),
    };
    let cents = digits_value(whole)
        .saturating_mul(100)
        .saturating_add(fraction_cents);
    if cents > MAX_PRICE_CENTS {
        return Err(PriceError::TooLarge);
    }
    Ok(cents)
}

fn digit_value(digit: u8) -> i64 {
    i64::from(digit - b'0')
}

/// The value of a string of ASCII digits, saturating at `i64::MAX` instead of
/// overflowing: any huge number is simply "too large" to the caller.
fn digits_value(digits: &str) -> i64 {
    digits.bytes().fold(0, |value, digit| {
        value.saturating_mul(10).saturating_add(digit_value(digit))
    })
}
// ANCHOR_END: parse_price

// ANCHOR: total_eur_cents
/// Return quantity * unit price in euro cents, rounded half to even.
///
/// The largest product, 100000 * 10000000 * 1170000 (about 1.2e18), fits in
/// an i64 (up to about 9.2e18), so plain integer arithmetic is exact here.
pub fn total_eur_cents(quantity: u32, unit_price_cents: i64, currency: Currency) -> i64 {
    let numerator = i64::from(quantity) * unit_price_cents * currency.rate_ppm();
    let (quotient, remainder) = (numerator / PPM, numerator % PPM);
    if remainder * 2 > PPM || (remainder * 2 == PPM && quotient % 2 == 1) {
        quotient + 1
    } else {
        quotient
    }
}
// ANCHOR_END: total_eur_cents

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::test_vectors::{assert_accepts, assert_rejects, cases};

    /// The cases the Python tests check too.
    const VECTORS: &str = include_str!("../../tests/vectors/money.json");

    #[derive(Deserialize)]
    struct Total {
        quantity: u32,
        unit_price_cents: i64,
        currency: String,
        total: i64,
    }

    #[test]
    fn parses_prices() {
        assert_accepts(VECTORS, "parse_price_accepts", "cents", parse_price);
    }

    #[test]
    fn rejects_prices() {
        assert_rejects(VECTORS, "parse_price_rejects", parse_price);
    }

    #[test]
    fn rounds_half_to_even() {
        for case in cases::<Total>(VECTORS, "total_eur_cents") {
            let currency = Currency::parse(&case.currency).expect("a known currency");
            assert_eq!(
                total_eur_cents(case.quantity, case.unit_price_cents, currency),
                case.total,
                "{} x {} {}",
                case.quantity,
                case.unit_price_cents,
                case.currency
            );
        }
        assert_eq!(MAX_PRICE_CENTS, 10_000_000); // the largest case's price
    }
}
