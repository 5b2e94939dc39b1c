"""Prices and currency conversion, in integer cents: no float ever touches money."""

import re
from collections.abc import Mapping
from typing import Final

from etl.errors import InvalidValue

MAX_PRICE_CENTS: Final = 100_000 * 100  # 100000.00 in cents

PPM: Final = 1_000_000
"""Rates are integers in parts per million: euros per unit of the currency, times 10**6."""

# ANCHOR: currency_rates
RATE_PPM: Final[Mapping[str, int]] = {
    "EUR": 1_000_000,
    "USD": 920_000,
    "GBP": 1_170_000,
}
# ANCHOR_END: currency_rates

# ANCHOR: parse_price
_PRICE = re.compile(r"([0-9]+)(?:\.([0-9]+))?")
_MAX_WHOLE_DIGITS = 6  # "100000"


def parse_price(text: str) -> int:
    """Parse a non-negative price such as ``"12.34"`` into cents (``1234``).

    Accepted: digits, optionally followed by a point and one or two digits.
    Rejected: ``".5"``, ``"5."``, ``"+5"``, ``"1e3"``, ``"1,50"``, ``"12.345"``.
    """
    match = _PRICE.fullmatch(text)
    if match is None:
        raise InvalidValue("must be a decimal number like 12.34")
    whole, fraction = match.group(1).lstrip("0"), match.group(2) or ""
    if len(fraction) > 2:
        raise InvalidValue("must have at most 2 decimal places")
    # Count digits before calling int(), which refuses strings of over 4300 digits.
    if len(whole) > _MAX_WHOLE_DIGITS:
        raise InvalidValue("must be at most 100000.00")
    cents = int(whole or "0") * 100 + int(fraction.ljust(2, "0"))
    if cents > MAX_PRICE_CENTS:
        raise InvalidValue("must be at most 100000.00")
    return cents


# ANCHOR_END: parse_price


# ANCHOR: total_eur_cents
def total_eur_cents(quantity: int, unit_price_cents: int, currency: str) -> int:
    """Return quantity * unit price in euro cents, rounded half to even.

    Python's ints never overflow, but the largest product here,
    100000 * 10000000 * 1170000 (about 1.2e18), also fits the int64 the Rust port uses.
    """
    quotient, remainder = divmod(quantity * unit_price_cents * RATE_PPM[currency], PPM)
    if remainder * 2 > PPM or (remainder * 2 == PPM and quotient % 2 == 1):
        quotient += 1
    return quotient


# ANCHOR_END: total_eur_cents
