import pytest

from etl.errors import InvalidValue
from etl.timestamps import parse_timestamp

# Expected values were computed independently with GNU date: date -u -d TIMESTAMP +%s
SHAPE = "must look like 2024-03-01T12:30:00Z or 2024-03-01T14:30:00.250+02:00"


@pytest.mark.parametrize(
    ("text", "millis"),
    [
        ("1970-01-01T00:00:00Z", 0),
        ("2024-03-01T12:30:00Z", 1_709_296_200_000),
        ("2024-03-01T12:30:00.5Z", 1_709_296_200_500),
        ("2024-03-01T12:30:00.25Z", 1_709_296_200_250),
        ("2024-03-01T12:30:00.025Z", 1_709_296_200_025),
        ("2024-03-01T14:30:00+02:00", 1_709_296_200_000),
        ("2024-03-01T12:30:00-00:00", 1_709_296_200_000),
        ("2024-02-29T23:59:59+14:00", 1_709_200_799_000),  # leap day
        ("2000-02-29T00:00:00-00:30", 951_784_200_000),  # divisible by 400: leap
        ("1970-01-01T00:00:00+01:00", -3_600_000),
        ("1969-12-31T23:59:59.999Z", -1),
        ("0001-01-01T00:00:00Z", -62_135_596_800_000),
        ("9999-12-31T23:59:59.999-23:59", 253_402_387_139_999),
    ],
)
def test_parse_timestamp(text: str, millis: int) -> None:
    assert parse_timestamp(text) == millis


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-03-01 12:30:00Z", SHAPE),
        ("2024-03-01t12:30:00Z", SHAPE),
        ("2024-03-01T12:30:00z", SHAPE),
        ("2024-03-01T12:30:00", SHAPE),  # no zone
        ("2024-03-01T12:30Z", SHAPE),
        ("2024-3-01T12:30:00Z", SHAPE),
        ("2024-03-01T12:30:00.Z", SHAPE),
        ("2024-03-01T12:30:00.1234Z", SHAPE),
        ("2024-03-01T12:30:00+0200", SHAPE),
        ("2024-03-01T12:30:00+02", SHAPE),
        ("2024-03-01T12:30:00+02:00:00", SHAPE),
        ("+2024-03-01T12:30:00Z", SHAPE),
        ("2024-03-01T12:30:00Z ", SHAPE),  # callers trim; the parser does not
        ("\uff12\uff10\uff12\uff14-03-01T12:30:00Z", SHAPE),  # fullwidth digits
        ("2023-02-29T00:00:00Z", "must be a real calendar date"),
        ("1900-02-29T00:00:00Z", "must be a real calendar date"),  # divisible by 100
        ("2024-04-31T00:00:00Z", "must be a real calendar date"),
        ("2024-13-01T00:00:00Z", "must be a real calendar date"),
        ("2024-00-01T00:00:00Z", "must be a real calendar date"),
        ("2024-01-00T00:00:00Z", "must be a real calendar date"),
        ("0000-01-01T00:00:00Z", "must be a real calendar date"),
        ("2024-01-01T24:00:00Z", "must be a real time of day"),
        ("2024-01-01T23:60:00Z", "must be a real time of day"),
        ("2016-12-31T23:59:60Z", "must be a real time of day"),  # no leap seconds
        ("2024-01-01T00:00:00+24:00", "UTC offset must be between -23:59 and +23:59"),
        ("2024-01-01T00:00:00-00:60", "UTC offset must be between -23:59 and +23:59"),
    ],
)
def test_parse_timestamp_rejects(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        parse_timestamp(text)
    assert str(raised.value) == reason
