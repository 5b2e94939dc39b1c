"""The job end to end, in-process; tests/parity also runs it as a subprocess."""

import os
from pathlib import Path

import pytest

from etl.cli import main


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each test in its own directory, so PATH in messages is just "in.csv"."""
    monkeypatch.chdir(tmp_path)


HEADER = "order_id,ordered_at,customer_email,country,sku,quantity,unit_price,currency\n"
GOOD = "A-1,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,3,12.50,GBP\n"
BAD = "A-2,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,0,12.50,GBP\n"


def run(tmp_path: Path, content: str, *flags: str) -> tuple[int, Path]:
    """Run the job on ``content`` as in.csv, writing out.pb; return the exit code and out.pb."""
    (tmp_path / "in.csv").write_text(content)
    return main(["in.csv", "-o", "out.pb", *flags]), tmp_path / "out.pb"


def test_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, target = run(tmp_path, HEADER + GOOD + GOOD)
    assert code == 0
    assert capsys.readouterr().err == "read 2 rows, wrote 2, skipped 0\n"
    assert target.stat().st_size > 0


def test_first_invalid_row_stops_and_leaves_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(tmp_path, HEADER + GOOD + BAD + GOOD)
    assert code == 2
    assert capsys.readouterr().err == (
        "in.csv:3: quantity: must be between 1 and 100000\nread 2 rows, wrote 0, skipped 0\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["in.csv"]


def test_skip_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, target = run(tmp_path, HEADER + BAD + GOOD + BAD, "--skip-invalid")
    assert code == 0
    assert capsys.readouterr().err == (
        "in.csv:2: quantity: must be between 1 and 100000\n"
        "in.csv:4: quantity: must be between 1 and 100000\n"
        "read 3 rows, wrote 1, skipped 2\n"
    )
    assert target.exists()


def test_header_only_gives_empty_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, target = run(tmp_path, HEADER)
    assert (code, capsys.readouterr().err) == (0, "read 0 rows, wrote 0, skipped 0\n")
    assert target.read_bytes() == b""


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(tmp_path, "", "--skip-invalid")
    assert code == 2
    assert (
        capsys.readouterr().err
        == "in.csv:1: header: file is empty\nread 0 rows, wrote 0, skipped 0\n"
    )


def test_missing_columns_are_all_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(tmp_path, "\n" + HEADER.replace("sku,", "").replace(",currency", ""))
    assert code == 2
    assert capsys.readouterr().err == (
        "in.csv:2: sku: missing column\n"
        "in.csv:2: currency: missing column\n"
        "read 0 rows, wrote 0, skipped 0\n"
    )


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nope.csv", "-o", "out.pb"]) == 1
    assert capsys.readouterr().err == (
        "nope.csv: cannot read: No such file or directory\nread 0 rows, wrote 0, skipped 0\n"
    )


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in.csv").write_text(HEADER + GOOD)
    assert main(["in.csv", "-o", "missing/out.pb"]) == 1
    assert capsys.readouterr().err == (
        "missing/out.pb: cannot write: No such file or directory\nread 0 rows, wrote 0, skipped 0\n"
    )


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["in.csv"])
    assert raised.value.code == 2
    assert "usage: etl" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["", "-o", "out.pb"], ["in.csv", "-o", ""]])
def test_empty_paths_are_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    assert "must not be empty" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out == "etl 1.0.0\n"
