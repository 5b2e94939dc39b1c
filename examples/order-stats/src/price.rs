//! Prices as integer cents: `"19.99"` is 1999 cents, and back.

/// Why a price was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceError {
    /// Not digits with an optional `.` and up to two more digits.
    NotAPrice,
    /// More than two digits after the decimal point.
    TooManyDecimals,
    /// More cents than a `u64` holds.
    TooLarge,
}

// ANCHOR: parse_price
/// Parses a price with at most two decimals into cents.
///
/// ```
/// use order_stats::price::{PriceError, parse_price};
///
/// assert_eq!(parse_price("19.99"), Ok(1999));
/// assert_eq!(parse_price("5"), Ok(500));
/// assert_eq!(parse_price("4.999"), Err(PriceError::TooManyDecimals));
/// ```
pub fn parse_price(text: &str) -> Result<u64, PriceError> {
    let text = text.trim();
    let (units, decimals) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if units.is_empty() || !all_digits(units) || !all_digits(decimals) {
        return Err(PriceError::NotAPrice);
    }
    if decimals.len() > 2 {
        return Err(PriceError::TooManyDecimals);
    }
    let cents: u64 = format!("{decimals:0<2}").parse().expect("two ASCII digits");
    units
        .parse::<u64>()
        .ok()
        .and_then(|units| units.checked_mul(100)?.checked_add(cents))
        .ok_or(PriceError::TooLarge)
}
// ANCHOR_END: parse_price

/// Formats cents as a price with two decimals.
///
/// ```
/// assert_eq!(order_stats::price::format_price(1999), "19.99");
/// assert_eq!(order_stats::price::format_price(5), "0.05");
/// ```
pub fn format_price(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_prices() {
        let cases = [
            ("19.99", Ok(1999)),
            ("5", Ok(500)),
            ("5.", Ok(500)),
            ("0.5", Ok(50)),
            (" 12.30 ", Ok(1230)),
            ("", Err(PriceError::NotAPrice)),
            (".50", Err(PriceError::NotAPrice)),
            ("-1.00", Err(PriceError::NotAPrice)),
            ("+1.00", Err(PriceError::NotAPrice)),
            ("1,50", Err(PriceError::NotAPrice)),
            ("4.999", Err(PriceError::TooManyDecimals)),
            ("184467440737095516.16", Err(PriceError::TooLarge)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_price(text), expected, "parse_price({text:?})");
        }
    }

    #[test]
    fn the_largest_price_fits() {
        assert_eq!(parse_price("184467440737095516.15"), Ok(u64::MAX));
        assert_eq!(format_price(u64::MAX), "184467440737095516.15");
    }

    proptest! {
        #[test]
        fn formatting_then_parsing_gives_the_cents_back(cents in any::<u64>()) {
            prop_assert_eq!(parse_price(&format_price(cents)), Ok(cents));
        }
    }
}
