"""Run the ETL job in every mode the same way and capture everything each run did.

"Everything" is the contract's observable behaviour: exit code, stdout, stderr,
the output file's bytes (or its absence) and every file left in the working
directory (no temporary file may survive).

The modes are the Python job and the Rust job, each on one core and on
several, and the Python job with the Rust engine. The Python job on one
core is the reference that every other mode must equal.
"""

import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from etl.order_pb2 import Order

REPO = Path(__file__).resolve().parents[2]
ETL = REPO / "examples" / "etl"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

# The command-line wrappers, exactly as a user runs them.
CLIS = {"python": ETL / "bin" / "etl-py", "rust": ETL / "bin" / "etl-rs"}
# The release binary that bin/etl-rs runs, for tests that start it hundreds of times.
RUST_BINARY = REPO / "target" / "release" / "etl"

# Every way to run the job: a wrapper and the options that choose the mode.
# The options come first, so that they stay options even after a "--".
REFERENCE = "py"
MODES: dict[str, tuple[Path, tuple[str, ...]]] = {
    REFERENCE: (CLIS["python"], ()),
    "py-jobs2": (CLIS["python"], ("--jobs", "2")),
    "py-engine-rust": (CLIS["python"], ("--engine", "rust")),
    "rs-jobs1": (CLIS["rust"], ("--jobs", "1")),
    "rs-jobs2": (CLIS["rust"], ("--jobs", "2")),
    "rs-jobs3": (CLIS["rust"], ("--jobs", "3")),
}

# Batches of 2 records in the parallel modes (instead of 1024), so that every
# fixture crosses batch boundaries; test_batches.py also runs the default size.
BATCH_ROWS = "2"
os.environ["ETL_BATCH_ROWS"] = BATCH_ROWS

settings.register_profile("default", deadline=None, print_blob=True)
# CI (CI=true): the same examples on every run, so that a red build is reproducible.
settings.register_profile("ci", settings.get_profile("default"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: bytes
    stderr: bytes
    output: bytes | None  # the output file's content, None if there is none
    files: tuple[str, ...]  # every file in the working directory afterwards


def run_cli(
    command: Path | str,
    args: Sequence[str | bytes],
    workdir: Path,
    output: str = "out.pb",
) -> Run:
    """Run ``command ARGS`` in ``workdir`` and capture what it did; ``output`` is
    where the output file is expected, relative to ``workdir``."""
    result = subprocess.run(
        [command, *args],
        cwd=workdir,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    output_path = workdir / output
    return Run(
        exit_code=result.returncode,
        stdout=result.stdout,
        stderr=result.stderr,
        output=output_path.read_bytes() if output_path.is_file() else None,
        files=tuple(sorted(os.fsdecode(name) for name in os.listdir(workdir))),
    )


def run_modes(
    tmp_path: Path,
    files: Mapping[str, bytes | None],
    args: Sequence[str | bytes],
    output: str = "out.pb",
) -> dict[str, Run]:
    """Give each mode its own copy of ``files`` (None: an empty directory) in a
    fresh directory, and run it there with ``args``. A file name that is not
    UTF-8 is given as ``os.fsdecode(raw_bytes)``."""
    runs = {}
    for mode, (command, options) in MODES.items():
        workdir = tmp_path / mode
        workdir.mkdir()
        for file_name, content in files.items():
            path = workdir / file_name
            if content is None:
                path.mkdir()
            else:
                path.write_bytes(content)
        runs[mode] = run_cli(command, [*options, *args], workdir, output)
    return runs


def same_in_every_mode(
    tmp_path: Path,
    files: Mapping[str, bytes | None],
    args: Sequence[str | bytes],
    output: str = "out.pb",
) -> Run:
    """Run every mode as ``run_modes`` does, check that each did exactly what
    the reference did, and return the reference's run."""
    runs = run_modes(tmp_path, files, args, output)
    reference = runs.pop(REFERENCE)
    for mode, run in runs.items():
        try:
            assert_same(reference, run)
        except AssertionError as error:
            raise AssertionError(f"{mode} differs from {REFERENCE}: {error}") from None
    return reference


def assert_same(python: Run, rust: Run) -> None:
    """Compare field by field, so that a failure says what differs."""
    assert python.exit_code == rust.exit_code, "exit codes differ"
    assert (
        python.stderr.decode(errors="replace").splitlines()
        == rust.stderr.decode(errors="replace").splitlines()
    ), "stderr differs"
    assert python.stderr == rust.stderr, "stderr bytes differ"
    assert python.stdout == rust.stdout, "stdout differs"
    assert python.files == rust.files, "files left behind differ"
    assert python.output == rust.output, "output files differ"


def read_delimited(data: bytes) -> list[Order]:
    """Decode a length-delimited stream, independently of both jobs' writers."""
    orders, position = [], 0
    while position < len(data):
        length = shift = 0
        while True:
            byte = data[position]
            position += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        orders.append(Order.FromString(data[position : position + length]))
        position += length
    assert position == len(data), "the last message is cut short"
    return orders


def order_as_dict(order: Order) -> dict[str, object]:
    """Every field, defaults included, with customer_key as hex."""
    fields = {field.name: getattr(order, field.name) for field in Order.DESCRIPTOR.fields}
    fields["customer_key"] = order.customer_key.hex()
    return fields


@pytest.fixture(scope="session", autouse=True)
def prepared_clis() -> None:
    """Make both wrappers build or install what they need now: their first run
    prints progress to stderr, which must not land in a compared run."""
    for name, command in CLIS.items():
        result = subprocess.run([command, "--version"], capture_output=True, check=False)
        assert result.returncode == 0, f"{name}: {command} --version failed:\n{result.stderr!r}"
    assert RUST_BINARY.is_file()
    import etl_rust  # noqa: F401 (bin/etl-py installed the Rust engine)
