"""``--jobs N``: any number of workers, of either kind, does exactly what one does."""

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl import parallel
from etl.cli import main
from etl.job import run
from etl.reader import Record

HEADER = "order_id,ordered_at,customer_email,country,sku,quantity,unit_price,currency\n"
GOOD = "A-{},2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,3,12.50,GBP\n"
BAD = "A-{},2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,0,12.50,GBP\n"
TWO_LINES = 'A-{},2024-03-01T12:30:00Z,ann@example.com,de,"two\nlines",3,1.00,EUR\n'


def orders_csv(rows: int, bad: set[int]) -> str:
    """``rows`` rows; those in ``bad`` invalid; row 9 spans two lines."""
    lines = []
    for index in range(rows):
        template = BAD if index in bad else TWO_LINES if index == 9 else GOOD
        lines.append(template.format(index))
    return HEADER + "".join(lines)


def outcome(tmp_path: Path, content: str, **options: object) -> tuple[int, str, bytes | None]:
    """Run the job in-process in a fresh directory; return its code, stderr and output."""
    workdir = tmp_path / str(len(os.listdir(tmp_path)))
    workdir.mkdir()
    (workdir / "in.csv").write_text(content)
    stderr = io.StringIO()
    code = run(str(workdir / "in.csv"), str(workdir / "out.pb"), stderr=stderr, **options)  # type: ignore[arg-type]
    output = workdir / "out.pb"
    messages = stderr.getvalue().replace(str(workdir) + "/", "")
    assert sorted(os.listdir(workdir)) == (["in.csv", "out.pb"] if output.exists() else ["in.csv"])
    return code, messages, output.read_bytes() if output.exists() else None


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 3 rows, so that 40 rows cross many batch boundaries."""
    monkeypatch.setenv("ETL_BATCH_ROWS", "3")


@pytest.mark.parametrize("skip_invalid", [False, True], ids=["default", "skip"])
@pytest.mark.parametrize(("jobs", "kind"), [(2, "process"), (3, "process"), (2, "thread")])
def test_workers_do_what_one_does(tmp_path: Path, skip_invalid: bool, jobs: int, kind: str) -> None:
    # Bad rows at a batch's first and last row, and one deep in the file.
    content = orders_csv(40, bad={2, 3, 17, 35})
    sequential = outcome(tmp_path, content, skip_invalid=skip_invalid)
    parallel_run = outcome(tmp_path, content, skip_invalid=skip_invalid, jobs=jobs, jobs_kind=kind)
    assert parallel_run == sequential
    if skip_invalid:
        assert sequential[1].splitlines()[-1] == "read 40 rows, wrote 36, skipped 4"
        assert [line.split(":")[1] for line in sequential[1].splitlines()[:-1]] == [
            "4",
            "5",
            "20",
            "38",
        ]
    else:
        assert sequential[1] == (
            "in.csv:4: quantity: must be between 1 and 100000\nread 3 rows, wrote 0, skipped 0\n"
        )


def test_a_read_error_comes_after_the_rows_before_it() -> None:
    def records() -> Iterator[Record]:
        yield 2, ["a"]
        yield 3, ["b"]
        raise OSError(5, "Input/output error")

    batches = list(parallel.read_batches(records(), rows=10))
    assert len(batches) == 1
    assert batches[0].lines == [2, 3]
    assert isinstance(batches[0].read_error, OSError)


@pytest.mark.parametrize("value", ["0", "257", "abc", "+2", " 2", "2_0", ""])
def test_bad_job_counts_are_usage_errors(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["in.csv", "-o", "out.pb", "--jobs", value])
    assert raised.value.code == 2
    assert "argument -j/--jobs: must be a whole number from 1 to 256" in capsys.readouterr().err


def test_batch_rows_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETL_BATCH_ROWS", "7")
    assert parallel.batch_rows() == 7
    for ignored in ["0", "x", ""]:
        monkeypatch.setenv("ETL_BATCH_ROWS", ignored)
        assert parallel.batch_rows() == parallel.DEFAULT_BATCH_ROWS
