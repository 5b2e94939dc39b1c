"""Files long enough to be split across workers, with bad rows next to batch boundaries.

The parallel modes hand out batches of records (``ETL_BATCH_ROWS``, 1024 by
default); each row must still be counted, reported and written as the
sequential job does, whichever batch and worker it lands in.
"""

from pathlib import Path

import pytest

from conftest import same_in_every_mode

ROWS = 3000
HEADER = b"order_id,ordered_at,customer_email,country,sku,quantity,unit_price,currency\n"
GOOD = b"A-%d,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,3,12.50,GBP\n"
BAD = b"A-%d,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,0,12.50,GBP\n"
TWO_LINES = b'A-%d,2024-03-01T12:30:00Z,ann@example.com,de,"two\nlines",3,1.00,EUR\n'

# Row indexes (from 0) of the bad rows: the last and first row of batches of 64
# and of 1024, and the last row of the file; or the first bad row deep in the file.
BAD_ROWS = {
    "at-boundaries": {63, 64, 127, 128, 1023, 1024, 2047, 2048, ROWS - 1},
    "deep": {2047, 2999},
}


def orders_csv(bad: set[int]) -> bytes:
    rows = []
    for index in range(ROWS):
        template = BAD if index in bad else TWO_LINES if index % 500 == 1 else GOOD
        rows.append(template % index)
    return HEADER + b"".join(rows)


@pytest.mark.parametrize("flags", [[], ["--skip-invalid"]], ids=["default", "skip"])
@pytest.mark.parametrize("bad", BAD_ROWS)
@pytest.mark.parametrize("batch_rows", ["64", None], ids=["batches-of-64", "default-batches"])
def test_batches_do_not_show(
    batch_rows: str | None,
    bad: str,
    flags: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if batch_rows is None:
        monkeypatch.delenv("ETL_BATCH_ROWS")
    else:
        monkeypatch.setenv("ETL_BATCH_ROWS", batch_rows)
    files = {"in.csv": orders_csv(BAD_ROWS[bad])}
    python = same_in_every_mode(tmp_path, files, ["in.csv", "-o", "out.pb", *flags])
    lines = python.stderr.decode().splitlines()
    skipped = len(BAD_ROWS[bad])
    if flags:
        assert lines[-1] == f"read {ROWS} rows, wrote {ROWS - skipped}, skipped {skipped}"
        assert len(lines) == skipped + 1
    else:
        first = min(BAD_ROWS[bad])
        # Line numbers: the header is line 1, and every 500th row adds a line.
        line = first + 2 + len(range(1, first, 500))
        assert lines == [
            f"in.csv:{line}: quantity: must be between 1 and 100000",
            f"read {first + 1} rows, wrote 0, skipped 0",
        ]
