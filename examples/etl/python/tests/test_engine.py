"""``--engine rust``: the Rust core in this process (etl_rust), with the Python job's output."""

import io
import os
import threading
import time
from pathlib import Path

import etl_rust
import pytest

from etl.job import run

HEADER = "order_id,ordered_at,customer_email,country,sku,quantity,unit_price,currency\n"
GOOD = "A-1,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,3,12.50,GBP\n"
BAD = "A-2,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,0,12.50,GBP\n"


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def outcome(content: bytes, engine: str, **options: object) -> tuple[int, str, bytes | None]:
    Path("in.csv").write_bytes(content)
    stderr = io.StringIO()
    code = run("in.csv", "out.pb", stderr=stderr, engine=engine, **options)  # type: ignore[arg-type]
    output = Path("out.pb").read_bytes() if Path("out.pb").exists() else None
    for leftover in os.listdir():
        os.remove(leftover)
    return code, stderr.getvalue(), output


@pytest.mark.parametrize(
    "content",
    [
        HEADER + GOOD + GOOD,
        HEADER + GOOD + BAD + GOOD + BAD,
        HEADER.replace("sku,", ""),
        "",
        HEADER + "A-3,\xff\n",
    ],
    ids=["valid", "invalid-rows", "missing-column", "empty", "not-utf8"],
)
@pytest.mark.parametrize("skip_invalid", [False, True], ids=["default", "skip"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_rust_engine_does_what_python_does(content: str, skip_invalid: bool, jobs: int) -> None:
    data = content.encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff")
    python = outcome(data, "python", skip_invalid=skip_invalid)
    rust = outcome(data, "rust", skip_invalid=skip_invalid, jobs=jobs)
    assert rust == python


def test_errors_are_exceptions_with_the_contract_messages() -> None:
    Path("in.csv").write_text(HEADER + GOOD + BAD)
    with pytest.raises(etl_rust.InvalidInput) as invalid:
        etl_rust.convert("in.csv", "out.pb", skip_invalid=False, jobs=1, on_skipped=print)
    assert str(invalid.value) == "in.csv:3: quantity: must be between 1 and 100000"
    assert invalid.value.messages == [str(invalid.value)]
    assert invalid.value.summary == (2, 0, 0)
    with pytest.raises(etl_rust.ReadError) as unreadable:
        etl_rust.convert("missing.csv", "out.pb", skip_invalid=False, jobs=1, on_skipped=print)
    assert (unreadable.value.errno, unreadable.value.strerror) == (2, "No such file or directory")
    with pytest.raises(etl_rust.WriteError) as unwritable:
        etl_rust.convert("in.csv", "no/out.pb", skip_invalid=True, jobs=1, on_skipped=print)
    assert unwritable.value.strerror == "No such file or directory"
    assert not Path("out.pb").exists()


def test_skipped_rows_are_reported_as_they_are_found() -> None:
    Path("in.csv").write_text(HEADER + BAD + GOOD + BAD)
    skipped: list[str] = []
    summary = etl_rust.convert(
        "in.csv", "out.pb", skip_invalid=True, jobs=2, on_skipped=skipped.append
    )
    assert summary == (3, 1, 2)
    assert skipped == [
        "in.csv:2: quantity: must be between 1 and 100000",
        "in.csv:4: quantity: must be between 1 and 100000",
    ]


def test_paths_that_are_not_utf8_come_back_unchanged() -> None:
    name = os.fsdecode(b"caf\xe9.csv")  # a lone surrogate in the str
    Path(name).write_text(HEADER + BAD)
    with pytest.raises(etl_rust.InvalidInput) as invalid:
        etl_rust.convert(name, "out.pb", skip_invalid=False, jobs=1, on_skipped=print)
    assert invalid.value.messages == [f"{name}:2: quantity: must be between 1 and 100000"]


def test_the_gil_is_released_while_rust_works() -> None:
    """Python code runs on another thread during the call: it could not if the call held the GIL."""
    Path("in.csv").write_text(HEADER + GOOD * 100_000)
    window: list[float] = []

    def convert() -> None:
        window.append(time.perf_counter())
        etl_rust.convert("in.csv", "out.pb", skip_invalid=False, jobs=1, on_skipped=print)
        window.append(time.perf_counter())

    worker = threading.Thread(target=convert)
    ticks: list[float] = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    start, end = window
    assert any(start < tick < end for tick in ticks)
