import pytest

from etl.errors import InvalidValue
from etl.money import parse_price, total_eur_cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("0", 0),
        ("0.00", 0),
        ("5", 500),
        ("5.5", 550),
        ("5.05", 505),
        ("12.34", 1234),
        ("007.50", 750),
        ("100000", 10_000_000),
        ("100000.00", 10_000_000),
        ("0000000000000000000000000000001.00", 100),
    ],
)
def test_parse_price_accepts(text: str, cents: int) -> None:
    assert parse_price(text) == cents


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (".5", "must be a decimal number like 12.34"),
        ("5.", "must be a decimal number like 12.34"),
        ("+5", "must be a decimal number like 12.34"),
        ("-5", "must be a decimal number like 12.34"),
        ("1e3", "must be a decimal number like 12.34"),
        ("1,50", "must be a decimal number like 12.34"),
        ("1 000", "must be a decimal number like 12.34"),
        ("1.2.3", "must be a decimal number like 12.34"),
        ("٣", "must be a decimal number like 12.34"),  # ARABIC-INDIC DIGIT THREE
        ("NaN", "must be a decimal number like 12.34"),
        ("12.345", "must have at most 2 decimal places"),
        ("12.340", "must have at most 2 decimal places"),
        ("100000.01", "must be at most 100000.00"),
        ("999999", "must be at most 100000.00"),
        ("9" * 5000, "must be at most 100000.00"),  # longer than int() accepts
    ],
)
def test_parse_price_rejects(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=f"^{reason}$"):
        parse_price(text)


@pytest.mark.parametrize(
    ("quantity", "cents", "currency", "total"),
    [
        (3, 1250, "EUR", 3750),
        (1, 100, "USD", 92),
        (1, 1, "USD", 1),  # 0.92 rounds up
        (1, 1, "GBP", 1),  # 1.17 rounds down
        (1, 50, "GBP", 58),  # 58.5: half, to even (down)
        (1, 150, "GBP", 176),  # 175.5: half, to even (up)
        (3, 1250, "GBP", 4388),  # 4387.5: half, to even (up)
        (1, 0, "GBP", 0),
        (100_000, 10_000_000, "GBP", 1_170_000_000_000),  # the largest possible
    ],
)
def test_total_eur_cents_rounds_half_to_even(
    quantity: int, cents: int, currency: str, total: int
) -> None:
    assert total_eur_cents(quantity, cents, currency) == total
