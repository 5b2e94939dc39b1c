"""Hypothesis: on random CSV files, valid and broken, every mode of the job does exactly the same.

The generator mixes well-formed values with values one step off the contract
(month 13, 3 decimals, a lowercase currency, ...), then breaks the CSV itself:
quoting, line endings, blank lines, BOMs, wrong field counts, bytes that are
not UTF-8, and files that are just random bytes after a header.
"""

import calendar
import io
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from etl import job
from etl.validation import REQUIRED_COLUMNS

from conftest import REFERENCE, RUST_BINARY, Run, assert_same, run_modes

# ASCII whitespace, which the contract trims (no-break space is in NASTY).
WHITESPACE = st.sampled_from(["", "", "", " ", "\t", " \f ", "\r\n"])

# Characters that matter to the CSV format, to trimming or to a parser.
NASTY = " \t\f\r\n,\"'0123456789.-+:@TZtzEURSDGBP€éÄ٣\u00a0\x00\x0b"


def timestamp(
    year: int,
    month: int,
    day: int,
    clock: tuple[int, int, int],
    fraction: str,
    zone: str,
    t: str,
) -> str:
    hour, minute, second = clock
    fraction = f".{fraction}" if fraction else ""
    date = f"{year:04d}-{month:02d}-{day:02d}"
    return f"{date}{t}{hour:02d}:{minute:02d}:{second:02d}{fraction}{zone}"


def zone(max_hours: int, max_minutes: int) -> st.SearchStrategy[str]:
    """``Z``, or an offset ``±HH:MM`` up to the given hours and minutes."""
    return st.one_of(
        st.just("Z"),
        st.builds(
            "{}{:02d}:{:02d}".format,
            st.sampled_from("+-"),
            st.integers(0, max_hours),
            st.integers(0, max_minutes),
        ),
    )


@st.composite
def valid_timestamps(draw: st.DrawFn) -> str:
    year = draw(st.one_of(st.integers(1, 9999), st.sampled_from([1, 1969, 1970, 2000, 2024, 9999])))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    clock = draw(st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)))
    fraction = draw(st.text("0123456789", max_size=3))
    return timestamp(year, month, day, clock, fraction, draw(zone(23, 59)), "T")


# Values that follow the contract (before trimming: padded() adds whitespace).
VALID = {
    "order_id": st.text(NASTY + "ORD-", min_size=1, max_size=8).filter(str.strip),
    "ordered_at": valid_timestamps(),
    "customer_email": st.builds(
        "{}@{}".format,
        st.text("abcAB.+_éÄ", min_size=1, max_size=5),
        st.text("xyzXY.-üÜ", min_size=1, max_size=5),
    ),
    "country": st.text("deDEzZqQ", min_size=2, max_size=2),
    "sku": st.text(NASTY + "SKU", min_size=1, max_size=8).filter(str.strip),
    "quantity": st.builds("{}{}".format, st.sampled_from(["", "", "0"]), st.integers(1, 100_000)),
    "unit_price": st.builds(
        "{}{}".format,
        st.integers(0, 99_999),
        st.sampled_from(["", "", ".", "."]).flatmap(
            lambda point: (
                st.just("")
                if not point
                else st.text("0123456789", min_size=1, max_size=2).map(point.__add__)
            )
        ),
    ),
    "currency": st.sampled_from(["EUR", "USD", "GBP"]),
}

# Values at or just past the contract's edges.
EDGE = {
    "order_id": st.text(NASTY, max_size=3),
    "ordered_at": st.builds(
        timestamp,
        year=st.sampled_from([0, 1, 1900, 2000, 2023, 2024, 9999]),
        month=st.integers(0, 13),
        day=st.sampled_from([0, 1, 28, 29, 30, 31, 32]),
        clock=st.tuples(st.integers(22, 24), st.integers(58, 60), st.integers(58, 60)),
        fraction=st.text("0123456789", max_size=4),
        zone=st.one_of(zone(24, 60), st.sampled_from(["z", "", "+0200", "+02", " Z"])),
        t=st.sampled_from(["T", "T", "t", " "]),
    ),
    "customer_email": st.builds(
        "{}{}{}".format,
        st.text("aA é", max_size=2),
        st.sampled_from(["@", "", "@@"]),
        st.text("xX ü@", max_size=2),
    ),
    "country": st.text("deDEÄ1 ǅ", max_size=3),
    "sku": st.text(NASTY, max_size=3),
    "quantity": st.one_of(
        st.sampled_from(
            [
                "0",
                "100000",
                "100001",
                "+3",
                "-3",
                "٣",
                "1_000",
                "3.0",
                "4294967296",
                "9" * 50,
            ]
        ),
    ),
    "unit_price": st.sampled_from(
        [
            ".5",
            "5.",
            "+5",
            "-5",
            "1e3",
            "NaN",
            "1,50",
            "12.345",
            "12.340",
            "100000.00",
            "100000.01",
            "0",
            "9" * 50,
        ]
    ),
    "currency": st.sampled_from(["eur", "XXX", "", "€", "EURO", "U SD"]),
}


def padded(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(WHITESPACE, values, WHITESPACE).map("".join)


def field_values(column: str, clean: bool) -> st.SearchStrategy[str]:
    """A clean row has only valid values; other rows mix in edge cases and nasty text."""
    if column not in VALID:  # an extra column
        return st.text(NASTY, max_size=6)
    if clean:
        return padded(VALID[column])
    return st.one_of(padded(VALID[column]), padded(EDGE[column]), st.text(NASTY, max_size=10))


def encode_field(value: str, quote: bool) -> str:
    if quote or any(char in value for char in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def structured_csv(draw: st.DrawFn) -> bytes:
    """A CSV file built field by field, then, unless it is a pristine one, roughed up."""
    pristine = draw(st.booleans())
    extras = draw(st.lists(st.sampled_from(["note", "channel", "", "order_id"]), max_size=2))
    columns = list(REQUIRED_COLUMNS)
    if draw(st.integers(0, 30)) == 0:  # sometimes a required column goes missing
        columns.remove(draw(st.sampled_from(columns)))
    header = draw(st.permutations(columns + extras))
    rows = [
        {name: draw(field_values(name, clean)) for name in header}
        for clean in draw(
            st.lists(st.sampled_from([True] if pristine else [True, False]), max_size=6)
        )
    ]
    endings = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r\n", "\r"])

    out = bytearray()
    if draw(st.booleans()):
        out += b"\xef\xbb\xbf"
    out += (",".join(header) + draw(endings)).encode()
    for row in rows:
        fields = [encode_field(row[name], draw(st.integers(0, 5)) == 0) for name in header]
        mutation = -1 if pristine else draw(st.integers(0, 12))
        if mutation == 0:
            fields.pop()
        elif mutation == 1:
            fields.append("extra")
        encoded = [field.encode() for field in fields]
        if mutation == 2 and encoded:  # a byte sequence that is not UTF-8
            index = draw(st.integers(0, len(encoded) - 1))
            encoded[index] += draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe9"]))
        if mutation == 3:
            out += draw(st.sampled_from([b"\n", b"\r\n", b"  \n"]))  # blank-ish line
        out += b",".join(encoded) + draw(endings).encode()
    if draw(st.booleans()):  # no line ending after the last record
        out = out.rstrip(b"\r\n")
    return bytes(out)


# After a valid header, any mix of the bytes that CSV parsing depends on.
RAW_CSV = st.builds(
    lambda body: ",".join(REQUIRED_COLUMNS).encode() + b"\n" + body,
    st.lists(
        st.sampled_from(
            [
                b"a",
                b"1",
                b",",
                b'"',
                b"\r",
                b"\n",
                b" ",
                b"\xff",
                b"\xc3\xa9",
                b"\xef\xbb\xbf",
            ]
        ),
        max_size=60,
    ).map(b"".join),
)

CSV_FILES = st.one_of(structured_csv(), structured_csv(), structured_csv(), RAW_CSV)


def run_python_in_process(
    input_path: Path, output_path: Path, skip_invalid: bool, **options: Any
) -> Run:
    stderr = io.StringIO()
    code = job.run(
        str(input_path), str(output_path), skip_invalid=skip_invalid, stderr=stderr, **options
    )
    return Run(
        exit_code=int(code),
        stdout=b"",
        # cli.main() prints with this encoding and error handler.
        stderr=stderr.getvalue().encode("utf-8", "surrogateescape"),
        output=output_path.read_bytes() if output_path.exists() else None,
        files=(),
    )


def run_rust(input_path: Path, output_path: Path, skip_invalid: bool, jobs: int) -> Run:
    flags = ["--skip-invalid"] if skip_invalid else []
    result = subprocess.run(
        [RUST_BINARY, input_path, "-o", output_path, "--jobs", str(jobs), *flags],
        capture_output=True,
        check=False,
    )
    return Run(
        exit_code=result.returncode,
        stdout=result.stdout,
        stderr=result.stderr,
        output=output_path.read_bytes() if output_path.exists() else None,
        files=(),
    )


@settings(max_examples=200)
@given(data=CSV_FILES, skip_invalid=st.booleans())
def test_python_in_process_agrees_with_rust(data: bytes, skip_invalid: bool) -> None:
    """The Python job in this process against the Rust binary on 1 to 3 threads, the
    Rust engine in this process, and Python's parallel path (threads: the same
    code as processes, without a process pool's start-up for every example)."""
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        input_path = workdir / "orders.csv"
        input_path.write_bytes(data)
        python = run_python_in_process(input_path, workdir / "python.pb", skip_invalid)
        others = {
            f"rust --jobs {n}": run_rust(input_path, workdir / f"rust{n}.pb", skip_invalid, n)
            for n in (1, 2, 3)
        }
        others["python --engine rust"] = run_python_in_process(
            input_path, workdir / "engine.pb", skip_invalid, engine="rust", jobs=2
        )
        others["python --jobs 2 (threads)"] = run_python_in_process(
            input_path, workdir / "threads.pb", skip_invalid, jobs=2, jobs_kind="thread"
        )
        for mode, run in others.items():
            try:
                assert_same(python, run)
            except AssertionError as error:
                raise AssertionError(f"{mode}: {error}") from None
        # Shown by --hypothesis-show-statistics: how often each outcome was tried.
        event(f"exit code {python.exit_code}")
        event("wrote some orders" if python.output else "wrote no orders")
        # No temporary file survives, whatever happened.
        outputs = {"python.pb", "rust1.pb", "rust2.pb", "rust3.pb", "engine.pb", "threads.pb"}
        expected = {"orders.csv"} | (outputs if python.output is not None else set())
        assert set(os.listdir(workdir)) == expected


@settings(max_examples=20)
@given(data=CSV_FILES, skip_invalid=st.booleans())
def test_command_lines_agree(data: bytes, skip_invalid: bool) -> None:
    """The same through every mode's command line: slower (Python starts each time), so fewer."""
    flags = ["--skip-invalid"] if skip_invalid else []
    with tempfile.TemporaryDirectory() as directory:
        args = ["orders.csv", "-o", "out.pb", *flags]
        runs = run_modes(Path(directory), {"orders.csv": data}, args)
        reference = runs.pop(REFERENCE)
        for mode, run in runs.items():
            try:
                assert_same(reference, run)
            except AssertionError as error:
                raise AssertionError(f"{mode}: {error}") from None
