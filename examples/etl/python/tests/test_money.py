import pytest

from etl.errors import InvalidValue
from etl.money import parse_price, total_eur_cents

from vectors import parametrize


@parametrize("money.json", "parse_price_accepts", "text", "cents")
def test_parse_price_accepts(text: str, cents: int) -> None:
    assert parse_price(text) == cents


@parametrize("money.json", "parse_price_rejects", "text", "reason")
def test_parse_price_rejects(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=f"^{reason}$"):
        parse_price(text)


@parametrize("money.json", "total_eur_cents", "quantity", "unit_price_cents", "currency", "total")
def test_total_eur_cents_rounds_half_to_even(
    quantity: int, unit_price_cents: int, currency: str, total: int
) -> None:
    assert total_eur_cents(quantity, unit_price_cents, currency) == total
