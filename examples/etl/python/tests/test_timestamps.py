import pytest

from etl.errors import InvalidValue
from etl.timestamps import parse_timestamp

from vectors import parametrize


@parametrize("timestamps.json", "parse_timestamp_accepts", "text", "millis")
def test_parse_timestamp(text: str, millis: int) -> None:
    assert parse_timestamp(text) == millis


@parametrize("timestamps.json", "parse_timestamp_rejects", "text", "reason")
def test_parse_timestamp_rejects(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        parse_timestamp(text)
    assert str(raised.value) == reason
