import pytest

from etl.errors import InvalidField
from etl.order_pb2 import Order
from etl.validation import REQUIRED_COLUMNS, parse_row

# sha256sum of the normalized emails, computed outside Python.
ANN_KEY = bytes.fromhex("71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476")
ANN_NON_ASCII_KEY = bytes.fromhex(
    "78624d0c720828c02cb82cc5199d2f53942d195180e42713dd29ad02ece86c49"  # Änn@example.com
)

VALID = {
    "order_id": "A-1",
    "ordered_at": "2024-03-01T12:30:00Z",
    "customer_email": "ann@example.com",
    "country": "de",
    "sku": "SKU-1",
    "quantity": "3",
    "unit_price": "12.50",
    "currency": "GBP",
}


def row(**changes: str) -> dict[str, str]:
    return VALID | changes


def reason(**changes: str) -> str:
    with pytest.raises(InvalidField) as raised:
        parse_row(row(**changes))
    return str(raised.value)


def test_valid_row() -> None:
    assert parse_row(VALID) == Order(
        order_id="A-1",
        ordered_at_ms=1_709_296_200_000,
        customer_key=ANN_KEY,
        country="DE",
        sku="SKU-1",
        quantity=3,
        unit_price_cents=1250,
        currency="GBP",
        total_eur_cents=4388,
    )


def test_fields_are_trimmed_of_ascii_whitespace_only() -> None:
    order = parse_row(row(order_id=" \tA-1\r\n", quantity=" 3 ", sku="\fSKU-1 "))
    assert (order.order_id, order.quantity, order.sku) == ("A-1", 3, "SKU-1")
    # U+00A0 NO-BREAK SPACE is not ASCII whitespace: it stays.
    assert parse_row(row(order_id="\u00a0A-1")).order_id == "\u00a0A-1"


def test_email_is_trimmed_and_ascii_lowercased() -> None:
    assert parse_row(row(customer_email="  ANN@Example.COM ")).customer_key == ANN_KEY
    assert parse_row(row(customer_email="ÄNN@example.com")).customer_key == ANN_NON_ASCII_KEY


@pytest.mark.parametrize("column", REQUIRED_COLUMNS)
def test_every_column_must_not_be_empty(column: str) -> None:
    assert reason(**{column: " \t "}) == f"{column}: must not be empty"


@pytest.mark.parametrize("email", ["ann", "@example.com", "ann@", "ann@@example.com", "a@b@c"])
def test_email_needs_exactly_one_at_with_text_on_both_sides(email: str) -> None:
    assert (
        reason(customer_email=email)
        == "customer_email: must contain exactly one @ with text on both sides"
    )


@pytest.mark.parametrize("country", ["D", "DEU", "D1", "ÄT", "d e"])
def test_country_needs_two_ascii_letters(country: str) -> None:
    assert reason(country=country) == "country: must be two ASCII letters"


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [("1", 1), ("03", 3), ("100000", 100_000), ("000000000000100000", 100_000)],
)
def test_quantity_accepts(quantity: str, expected: int) -> None:
    assert parse_row(row(quantity=quantity)).quantity == expected


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        ("+3", "must be a whole number"),
        ("-3", "must be a whole number"),
        ("3.0", "must be a whole number"),
        ("1_000", "must be a whole number"),
        ("٣", "must be a whole number"),
        ("0", "must be between 1 and 100000"),
        ("100001", "must be between 1 and 100000"),
        ("9" * 5000, "must be between 1 and 100000"),
    ],
)
def test_quantity_rejects(quantity: str, expected: str) -> None:
    assert reason(quantity=quantity) == f"quantity: {expected}"


@pytest.mark.parametrize("currency", ["eur", "EURO", "CHF", "€"])
def test_currency_is_one_of_three_case_sensitive(currency: str) -> None:
    assert reason(currency=currency) == "currency: must be EUR, USD or GBP"


def test_first_bad_column_in_schema_order_is_reported() -> None:
    assert reason(currency="XXX", order_id="", quantity="0").startswith("order_id:")
    assert reason(currency="XXX", quantity="0").startswith("quantity:")
