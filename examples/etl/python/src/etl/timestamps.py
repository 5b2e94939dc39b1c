"""Parse the contract's timestamps into milliseconds since the Unix epoch."""

import re
from datetime import date
from typing import Final

from etl.errors import InvalidValue

# ANCHOR: parse_timestamp
_TIMESTAMP = re.compile(
    r"""
    ([0-9]{4})-([0-9]{2})-([0-9]{2})   # date: YYYY-MM-DD
    T([0-9]{2}):([0-9]{2}):([0-9]{2})  # time: THH:MM:SS
    (?:\.([0-9]{1,3}))?                # optional fraction: .f, .ff or .fff
    (?:Z|([+-])([0-9]{2}):([0-9]{2}))  # Z for UTC, or an offset ±HH:MM
    """,
    re.VERBOSE,
)
_UNIX_EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()


def parse_timestamp(text: str) -> int:
    """Parse ``2024-03-01T14:30:00.250+02:00`` into milliseconds since 1970-01-01T00:00:00Z.

    ``datetime.fromisoformat`` is not used: it also accepts forms the contract
    rejects (a space instead of ``T``, ``+0200``, six fraction digits, ...).
    """
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        raise InvalidValue("must look like 2024-03-01T12:30:00Z or 2024-03-01T14:30:00.250+02:00")
    year, month, day, hour, minute, second, fraction, sign, offset_h, offset_m = match.groups()
    try:
        # date() knows month lengths and leap years, and rejects year 0.
        days = date(int(year), int(month), int(day)).toordinal() - _UNIX_EPOCH_ORDINAL
    except ValueError:
        raise InvalidValue("must be a real calendar date") from None
    if int(hour) > 23 or int(minute) > 59 or int(second) > 59:
        raise InvalidValue("must be a real time of day")
    offset_seconds = 0
    if sign is not None:
        if int(offset_h) > 23 or int(offset_m) > 59:
            raise InvalidValue("UTC offset must be between -23:59 and +23:59")
        offset_seconds = int(offset_h) * 3600 + int(offset_m) * 60
        if sign == "-":
            offset_seconds = -offset_seconds
    seconds = days * 86_400 + int(hour) * 3600 + int(minute) * 60 + int(second) - offset_seconds
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    return seconds * 1000 + millis


# ANCHOR_END: parse_timestamp
