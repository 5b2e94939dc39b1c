"""Turn one CSV row into a validated, typed ``Order``, or say exactly what is wrong."""

import hashlib
from collections.abc import Callable, Mapping
from typing import Final, TypeVar

from etl.errors import InvalidField, InvalidValue
from etl.money import RATE_PPM, parse_price, total_eur_cents
from etl.order_pb2 import Order
from etl.timestamps import parse_timestamp

# ANCHOR: required_columns
REQUIRED_COLUMNS: Final = (
    "order_id",
    "ordered_at",
    "customer_email",
    "country",
    "sku",
    "quantity",
    "unit_price",
    "currency",
)
"""The columns the job reads, in schema order: the order in which a row's fields are checked."""
# ANCHOR_END: required_columns

ASCII_WHITESPACE: Final = " \t\n\r\f"
"""What ``str.strip`` removes from every field. Not ``strip()`` with no argument, which
also removes Unicode spaces (and so would differ from Rust's ``trim_ascii``)."""

MAX_QUANTITY: Final = 100_000

T = TypeVar("T")


def parse_text(text: str) -> str:
    """Free text, such as order_id and sku: any non-empty string, kept as it is."""
    return text


# ANCHOR: customer_key
def parse_customer_key(email: str) -> bytes:
    """Hash an email into the 32-byte customer key; the email itself is never stored."""
    # bytes.lower() changes only A-Z; str.lower() would also change É, ẞ, ...
    normalized = email.encode("utf-8").lower()
    local, _, domain = normalized.partition(b"@")
    if not local or not domain or b"@" in domain:
        raise InvalidValue("must contain exactly one @ with text on both sides")
    return hashlib.sha256(normalized).digest()


# ANCHOR_END: customer_key


def parse_country(text: str) -> str:
    """Two ASCII letters, returned uppercased: ``de`` becomes ``DE``."""
    if len(text) != 2 or not (text.isascii() and text.isalpha()):
        raise InvalidValue("must be two ASCII letters")
    return text.upper()


# ANCHOR: parse_quantity
def parse_quantity(text: str) -> int:
    """A whole number from 1 to 100000, written with ASCII digits only.

    ``int()`` alone would also accept ``+3``, ``1_000`` and Arabic-Indic digits.
    """
    if not (text.isascii() and text.isdigit()):
        raise InvalidValue("must be a whole number")
    digits = text.lstrip("0")
    # Count digits before calling int(), which refuses strings of over 4300 digits.
    if len(digits) > len(str(MAX_QUANTITY)) or not 1 <= int(digits or "0") <= MAX_QUANTITY:
        raise InvalidValue(f"must be between 1 and {MAX_QUANTITY}")
    return int(digits)


# ANCHOR_END: parse_quantity


def parse_currency(text: str) -> str:
    """One of the currencies we have a rate for, exactly as written (case-sensitive)."""
    if text not in RATE_PPM:
        raise InvalidValue("must be EUR, USD or GBP")
    return text


def _field(row: Mapping[str, str], column: str, parse: Callable[[str], T]) -> T:
    """Trim the column's text, reject it if empty, else parse it, naming the column on error."""
    text = row[column].strip(ASCII_WHITESPACE)
    if not text:
        raise InvalidField(column, "must not be empty")
    try:
        return parse(text)
    except InvalidValue as error:
        raise InvalidField(column, str(error)) from None


# ANCHOR: validate_row
def parse_row(row: Mapping[str, str]) -> Order:
    """Validate one row (column name -> raw text) into an ``Order``.

    Columns are checked one at a time in schema order, so when several are
    wrong the error names the first of them in that order, whatever the
    column order in the file.
    """
    order_id = _field(row, "order_id", parse_text)
    ordered_at_ms = _field(row, "ordered_at", parse_timestamp)
    customer_key = _field(row, "customer_email", parse_customer_key)
    country = _field(row, "country", parse_country)
    sku = _field(row, "sku", parse_text)
    quantity = _field(row, "quantity", parse_quantity)
    unit_price_cents = _field(row, "unit_price", parse_price)
    currency = _field(row, "currency", parse_currency)
    return Order(
        order_id=order_id,
        ordered_at_ms=ordered_at_ms,
        customer_key=customer_key,
        country=country,
        sku=sku,
        quantity=quantity,
        unit_price_cents=unit_price_cents,
        currency=currency,
        total_eur_cents=total_eur_cents(quantity, unit_price_cents, currency),
    )


# ANCHOR_END: validate_row
