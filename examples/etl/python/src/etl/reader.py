"""Read the orders CSV: records with the physical line they start on, and the header."""

import csv
import re
import sys
from collections.abc import Iterator
from typing import Final, TextIO

from etl.errors import InvalidField
from etl.validation import ASCII_WHITESPACE, REQUIRED_COLUMNS

Record = tuple[int, list[str]]
"""A CSV record: the physical line it starts on (the header is line 1) and its fields."""

# The csv module refuses fields over 128 KiB by default; the contract sets no limit.
csv.field_size_limit(sys.maxsize)

# The file is decoded with errors="surrogateescape": each byte that is not part
# of valid UTF-8 becomes one code point in this range, so the CSV structure
# survives and the damage can be reported per field instead of per file.
_UNDECODABLE: Final = re.compile("[\udc80-\udcff]")


def open_csv(path: str) -> TextIO:
    """Open ``path`` for ``read_records``: UTF-8 with an optional BOM, any line ending."""
    return open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")


# ANCHOR: read_records
def read_records(text: TextIO) -> Iterator[Record]:
    """Yield each non-blank CSV record with the physical line it starts on.

    ``csv.reader.line_num`` is not used: it counts a lone CR as a line break,
    while the contract (like ``grep -n`` or an editor) counts LF characters.
    """
    line_feeds = 0  # line feeds in the text handed to the csv reader so far

    def physical_lines() -> Iterator[str]:
        nonlocal line_feeds
        for line in text:  # newline="" keeps "\r\n", "\r" and "\n" as they are
            if line.endswith("\n"):
                line_feeds += 1
            yield line

    # The csv reader pulls lines only until the current record is complete, so
    # before each next() the count covers exactly the records already returned.
    reader = csv.reader(physical_lines())
    while True:
        line = line_feeds + 1
        fields = next(reader, None)
        if fields is None:
            return
        if fields:  # a blank line comes back as []; the contract skips it
            yield line, fields


# ANCHOR_END: read_records


def first_undecodable(fields: list[str]) -> int | None:
    """Return the index of the first field that was not valid UTF-8 in the file, if any."""
    for index, value in enumerate(fields):
        if not value.isascii() and _UNDECODABLE.search(value):
            return index
    return None


# ANCHOR: read_header
class HeaderError(Exception):
    """The header is unusable: ``line`` is where it starts, ``problems`` says why."""

    def __init__(self, line: int, problems: list[InvalidField]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.line = line
        self.problems = problems


def read_header(records: Iterator[Record]) -> list[str]:
    """Read the header record and return its column names, trimmed.

    Raises ``HeaderError`` for an empty file, a header that is not UTF-8, or
    required columns that are missing or repeated (all of them, in schema order).
    """
    first = next(records, None)
    if first is None:
        raise HeaderError(1, [InvalidField("header", "file is empty")])
    line, fields = first
    if first_undecodable(fields) is not None:
        raise HeaderError(line, [InvalidField("header", "must be valid UTF-8")])
    names = [name.strip(ASCII_WHITESPACE) for name in fields]
    if problems := header_problems(names):
        raise HeaderError(line, problems)
    return names


def header_problems(names: list[str]) -> list[InvalidField]:
    """Every required column that is missing or repeated, in schema order."""
    problems = []
    for column in REQUIRED_COLUMNS:
        count = names.count(column)
        if count == 0:
            problems.append(InvalidField(column, "missing column"))
        elif count > 1:
            problems.append(InvalidField(column, "duplicate column"))
    return problems


# ANCHOR_END: read_header


# ANCHOR: check_record
def check_record(names: list[str], fields: list[str]) -> dict[str, str]:
    """Check a record's shape and return it as a row: column name -> raw text.

    Raises ``InvalidField`` if a field is not valid UTF-8 (the first such field
    in file order) or if the record does not have one field per header column.
    """
    undecodable = first_undecodable(fields)
    if undecodable is not None:
        column = names[undecodable] if undecodable < len(names) else "record"
        raise InvalidField(column, "must be valid UTF-8")
    if len(fields) != len(names):
        raise InvalidField(
            "record", f"must have {len(names)} fields like the header, found {len(fields)}"
        )
    return dict(zip(names, fields, strict=True))


# ANCHOR_END: check_record
