"""Every mode's command line on cases that need more than a fixture: paths, I/O errors, options."""

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, run_modes, same_in_every_mode

VALID = (FIXTURES / "valid_basic.csv").read_bytes()
INVALID = (FIXTURES / "invalid_first_row.csv").read_bytes()


def test_missing_input(tmp_path: Path) -> None:
    python = same_in_every_mode(tmp_path, {}, ["missing.csv", "-o", "out.pb"])
    assert python.exit_code == 1
    assert python.stderr == (
        b"missing.csv: cannot read: No such file or directory\nread 0 rows, wrote 0, skipped 0\n"
    )


def test_input_is_a_directory(tmp_path: Path) -> None:
    python = same_in_every_mode(tmp_path, {}, [".", "-o", "out.pb"])
    assert python.stderr.startswith(b".: cannot read: Is a directory\n")


def test_output_directory_does_not_exist(tmp_path: Path) -> None:
    python = same_in_every_mode(tmp_path, {"in.csv": VALID}, ["in.csv", "-o", "no/such/dir/out.pb"])
    assert python.exit_code == 1
    assert python.stderr.startswith(b"no/such/dir/out.pb: cannot write: No such file or directory")


def test_output_is_a_directory(tmp_path: Path) -> None:
    files = {"in.csv": VALID, "out.pb": None}
    python = same_in_every_mode(tmp_path, files, ["in.csv", "-o", "out.pb"])
    assert python.exit_code == 1
    assert python.stderr.startswith(b"out.pb: cannot write: Is a directory\n")


def test_output_path_ending_in_a_slash(tmp_path: Path) -> None:
    python = same_in_every_mode(tmp_path, {"in.csv": VALID, "dir": None}, ["in.csv", "-o", "dir/"])
    assert python.stderr.startswith(b"dir/: cannot write: Not a directory\n")


def test_failure_leaves_an_existing_output_as_it_was(tmp_path: Path) -> None:
    files = {"in.csv": INVALID, "out.pb": b"yesterday's orders"}
    python = same_in_every_mode(tmp_path, files, ["in.csv", "-o", "out.pb"])
    assert python.exit_code == 2
    assert python.output == b"yesterday's orders"
    assert python.files == ("in.csv", "out.pb")


def test_success_replaces_an_existing_output(tmp_path: Path) -> None:
    files = {"in.csv": VALID, "out.pb": b"yesterday's orders"}
    python = same_in_every_mode(tmp_path, files, ["in.csv", "-o", "out.pb"])
    assert python.exit_code == 0
    assert python.output != b"yesterday's orders"


@pytest.mark.parametrize(
    "name",
    ["with space.csv", "ünïcödé.csv", b"latin1-caf\xe9.csv", "-starts-with-dash.csv"],
    ids=["space", "unicode", "not-utf8", "dash"],
)
def test_paths_are_printed_byte_for_byte(name: str | bytes, tmp_path: Path) -> None:
    files = {os.fsdecode(name): INVALID}
    python = same_in_every_mode(tmp_path, files, ["--skip-invalid", "-o", "out.pb", "--", name])
    assert python.stderr.startswith(os.fsencode(name) + b":2: currency: must be EUR, USD or GBP\n")


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "out.pb", "in.csv"],
        ["in.csv", "--output", "out.pb"],
        ["in.csv", "--output=out.pb"],
        ["in.csv", "-oout.pb"],
        ["in.csv", "-o", "ignored.pb", "-o", "out.pb"],  # the last one wins
        ["--skip-invalid", "in.csv", "-o", "out.pb", "--skip-invalid"],
    ],
)
def test_option_forms(args: list[str], tmp_path: Path) -> None:
    same_in_every_mode(tmp_path, {"in.csv": INVALID}, args)


def test_version(tmp_path: Path) -> None:
    python = same_in_every_mode(tmp_path, {}, ["--version"])
    assert python.stdout == b"etl 1.0.0\n"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["in.csv"],
        ["in.csv", "-o"],
        ["in.csv", "-o", "out.pb", "--unknown"],
        ["in.csv", "other.csv", "-o", "out.pb"],
        ["in.csv", "-o", "out.pb", "--skip"],  # no abbreviations
        ["in.csv", "-o", ""],
        ["", "-o", "out.pb"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    """The wording is argparse's or clap's own (CONTRACT.md: the one exception to
    byte parity); the exit code, silence on stdout and untouched files are not."""
    for run in run_modes(tmp_path, {"in.csv": VALID}, args).values():
        assert run.exit_code == 2
        assert run.stdout == b""
        assert b"error" in run.stderr
        assert b"read " not in run.stderr  # no summary: the job never started
        assert run.files == ("in.csv",)


def test_help_exits_0(tmp_path: Path) -> None:
    for run in run_modes(tmp_path, {}, ["--help"]).values():
        assert (run.exit_code, run.stderr) == (0, b"")
        assert b"--skip-invalid" in run.stdout


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--jobs", "abc"),
        ("--jobs", "0"),
        ("--jobs", "257"),
        ("--jobs", "+2"),
        ("--jobs", ""),
        ("--engine", "cobol"),
    ],
)
def test_bad_option_values_are_refused(flag: str, value: str, tmp_path: Path) -> None:
    """A clear refusal that names the flag, exit 2, and no output; etl-rs has no
    --engine at all, which is a usage error too."""
    runs = run_modes(tmp_path, {"in.csv": VALID}, ["in.csv", "-o", "out.pb", flag, value])
    for mode, run in runs.items():
        assert run.exit_code == 2, mode
        assert run.stdout == b""
        assert flag.encode() in run.stderr, mode
        assert b"read " not in run.stderr
        assert run.files == ("in.csv",)
        if flag == "--jobs":
            assert b"must be a whole number from 1 to 256" in run.stderr, mode
