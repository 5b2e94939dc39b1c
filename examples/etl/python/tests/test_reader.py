import io
import re

import pytest

from etl.errors import InvalidField
from etl.reader import HeaderError, check_record, read_header, read_records
from etl.validation import REQUIRED_COLUMNS

from vectors import parametrize


def records(data: bytes) -> list[tuple[int, list[str]]]:
    text = io.TextIOWrapper(
        io.BytesIO(data), encoding="utf-8-sig", errors="surrogateescape", newline=""
    )
    return list(read_records(text))


def test_lines_count_line_feeds_where_each_record_starts() -> None:
    data = b'h\r\n\r\n"multi\nline",x\n\n\nlast'
    assert records(data) == [(1, ["h"]), (3, ["multi\nline", "x"]), (7, ["last"])]


def test_a_lone_carriage_return_ends_a_record_but_not_a_line() -> None:
    assert records(b"a\rb\rc\nd") == [(1, ["a"]), (1, ["b"]), (1, ["c"]), (2, ["d"])]


def test_bom_is_removed_only_at_the_start() -> None:
    assert records(b"\xef\xbb\xbfa\n\xef\xbb\xbfb") == [(1, ["a"]), (2, ["\ufeffb"])]


def test_rfc4180_quoting() -> None:
    data = b'"a,b","say ""hi""",\n'
    assert records(data) == [(1, ["a,b", 'say "hi"', ""])]


def test_invalid_utf8_survives_as_surrogates() -> None:
    assert records(b"ok,\xff\n") == [(1, ["ok", "\udcff"])]


def header_error(data: bytes) -> tuple[int, list[str]]:
    with pytest.raises(HeaderError) as raised:
        read_header(iter(records(data)))
    return raised.value.line, [str(problem) for problem in raised.value.problems]


def test_header_names_are_trimmed() -> None:
    names = [f" {column}\t" for column in REQUIRED_COLUMNS]
    assert read_header(iter([(1, [*names, "extra"])])) == [*REQUIRED_COLUMNS, "extra"]


@parametrize("reader.json", "header_errors", "data", "line", "problems")
def test_header_errors(data: bytes, line: int, problems: list[str]) -> None:
    """An empty file, a header that is not UTF-8, every missing or repeated column."""
    assert header_error(data) == (line, problems)


def test_header_must_have_every_required_column() -> None:
    assert header_error(b"order_id,sku\n") == (
        1,
        [
            f"{column}: missing column"
            for column in REQUIRED_COLUMNS
            if column not in ("order_id", "sku")
        ],
    )


def test_check_record() -> None:
    names = [*REQUIRED_COLUMNS, "note"]
    fields = [str(index) for index in range(len(names))]
    assert check_record(names, fields) == dict(zip(names, fields, strict=True))
    with pytest.raises(
        InvalidField, match=re.escape("record: must have 9 fields like the header, found 8")
    ):
        check_record(names, fields[:-1])
    # Invalid UTF-8 is checked first, in file order, extra columns included.
    with pytest.raises(InvalidField, match=re.escape("note: must be valid UTF-8")):
        check_record(names, [*fields[:-1], "\udcff"])
    with pytest.raises(InvalidField, match=re.escape("record: must be valid UTF-8")):
        check_record(names, [*fields, "\udcff"])
