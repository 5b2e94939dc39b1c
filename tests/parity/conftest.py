"""Run the Python and the Rust ETL job the same way and capture everything each did.

"Everything" is the contract's observable behaviour: exit code, stdout, stderr,
the output file's bytes (or its absence) and every file left in the working
directory (no temporary file may survive).
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


def run_both(
    tmp_path: Path,
    files: Mapping[str, bytes | None],
    args: Sequence[str | bytes],
    output: str = "out.pb",
) -> tuple[Run, Run]:
    """Give each job its own copy of ``files`` (None: an empty directory) in a
    fresh directory, and run it there with ``args``. A file name that is not
    UTF-8 is given as ``os.fsdecode(raw_bytes)``."""
    runs = []
    for name, command in CLIS.items():
        workdir = tmp_path / name
        workdir.mkdir()
        for file_name, content in files.items():
            path = workdir / file_name
            if content is None:
                path.mkdir()
            else:
                path.write_bytes(content)
        runs.append(run_cli(command, args, workdir, output))
    return runs[0], runs[1]


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
