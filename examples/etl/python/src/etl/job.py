"""The job: read the CSV, validate each row, write the orders, report what happened."""

import contextlib
import enum
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, TextIO

from etl import parallel
from etl.errors import InvalidField
from etl.reader import (
    HeaderError,
    Record,
    check_record,
    open_csv,
    read_header,
    read_records,
)
from etl.validation import parse_row
from etl.writer import DelimitedWriter, OutputError, atomic_output

Engine = Literal["python", "rust"]


class ExitCode(enum.IntEnum):
    OK = 0
    IO_ERROR = 1
    INVALID_INPUT = 2  # also what argparse uses for usage errors


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        return f"read {self.read} rows, wrote {self.written}, skipped {self.skipped}"


class _Stop(Exception):
    """Raised once a fatal problem has been reported, to unwind to ``run``."""

    def __init__(self, code: ExitCode) -> None:
        super().__init__(code.name)
        self.code = code


# ANCHOR: reporter
@dataclass
class Reporter:
    """Print problems as ``PATH:LINE: SUBJECT: reason``, like a compiler, so that
    editors and ``grep`` can jump to them."""

    path: str
    stderr: TextIO

    def problem(self, line: int, error: InvalidField) -> None:
        print(f"{self.path}:{line}: {error.subject}: {error.reason}", file=self.stderr)

    def io_error(self, path: str, action: str, error: OSError) -> None:
        # The C library's text for errno ("No such file or directory"): the
        # same words the Rust port prints, unlike str(error).
        reason = os.strerror(error.errno) if error.errno is not None else str(error)
        print(f"{path}: cannot {action}: {reason}", file=self.stderr)


# ANCHOR_END: reporter


@dataclass(frozen=True)
class Options:
    """How to run the job: the command line's options."""

    skip_invalid: bool = False
    jobs: int = 1  # 1: the sequential loop; more: worker processes (or threads)
    jobs_kind: parallel.PoolKind = "process"
    engine: Engine = "python"


# ANCHOR: run
def run(
    input_path: str,
    output_path: str,
    *,
    skip_invalid: bool,
    stderr: TextIO,
    jobs: int = 1,
    jobs_kind: parallel.PoolKind = "process",
    engine: Engine = "python",
) -> ExitCode:
    """Run the job; print problems and the summary line to ``stderr``; return the exit code."""
    options = Options(skip_invalid, jobs, jobs_kind, engine)
    summary = Summary()
    reporter = Reporter(input_path, stderr)
    try:
        if options.engine == "rust":
            _convert_in_rust(input_path, output_path, options, summary, reporter)
        else:
            _convert(input_path, output_path, options, summary, reporter)
        code = ExitCode.OK
    except _Stop as stop:
        code = stop.code
    except OutputError as error:
        reporter.io_error(output_path, "write", error.error)
        code = ExitCode.IO_ERROR
    except OSError as error:
        reporter.io_error(input_path, "read", error)
        code = ExitCode.IO_ERROR
    print(summary, file=stderr)
    return code


# ANCHOR_END: run


# ANCHOR: main_loop
def _convert(
    input_path: str, output_path: str, options: Options, summary: Summary, reporter: Reporter
) -> None:
    with open_csv(input_path) as text:
        records = read_records(text)
        try:
            names = read_header(records)
        except HeaderError as error:
            for problem in error.problems:
                reporter.problem(error.line, problem)
            raise _Stop(ExitCode.INVALID_INPUT) from None

        with atomic_output(output_path) as out:
            writer = DelimitedWriter(out)
            if options.jobs > 1:
                _convert_in_parallel(records, names, writer, options, summary, reporter)
            else:
                _convert_rows(records, names, writer, options.skip_invalid, summary, reporter)
        # Only now is the output file in place.
        summary.written = writer.count


def _convert_rows(
    records: Iterator[Record],
    names: list[str],
    writer: DelimitedWriter,
    skip_invalid: bool,
    summary: Summary,
    reporter: Reporter,
) -> None:
    """``--jobs 1``: read, validate and write one row at a time."""
    for line, fields in records:
        summary.read += 1
        try:
            order = parse_row(check_record(names, fields))
        except InvalidField as error:
            reporter.problem(line, error)
            if not skip_invalid:
                raise _Stop(ExitCode.INVALID_INPUT) from None
            summary.skipped += 1
            continue
        writer.write(order)


# ANCHOR_END: main_loop


# ANCHOR: python_jobs_loop
def _convert_in_parallel(
    records: Iterator[Record],
    names: list[str],
    writer: DelimitedWriter,
    options: Options,
    summary: Summary,
    reporter: Reporter,
) -> None:
    """``--jobs N``: the workers validate and encode, and each row is handled here,
    in input order, as the sequential loop handles it."""
    rows = parallel.convert_rows(records, names, jobs=options.jobs, kind=options.jobs_kind)
    with contextlib.closing(rows):  # stop the workers if we stop early
        for line, result in rows:
            summary.read += 1
            if isinstance(result, InvalidField):
                reporter.problem(line, result)
                if not options.skip_invalid:
                    raise _Stop(ExitCode.INVALID_INPUT)
                summary.skipped += 1
            else:
                writer.write_encoded(result)


# ANCHOR_END: python_jobs_loop


# ANCHOR: rust_engine
def _convert_in_rust(
    input_path: str, output_path: str, options: Options, summary: Summary, reporter: Reporter
) -> None:
    """``--engine rust``: the whole conversion runs in the Rust core, in this process,
    through the extension module ``etl_rust`` (built with PyO3 and maturin).

    Rust reports each skipped row through ``on_skipped`` as it goes, and raises an
    exception carrying the same message for anything that stops the job.
    """
    import etl_rust  # only this engine needs the extension module

    def on_skipped(message: str) -> None:
        print(message, file=reporter.stderr)

    try:
        summary.read, summary.written, summary.skipped = etl_rust.convert(
            input_path,
            output_path,
            skip_invalid=options.skip_invalid,
            jobs=options.jobs,
            on_skipped=on_skipped,
        )
    except etl_rust.InvalidInput as error:
        summary.read, summary.written, summary.skipped = error.summary
        for message in error.messages:
            print(message, file=reporter.stderr)
        raise _Stop(ExitCode.INVALID_INPUT) from None
    except etl_rust.WriteError as error:
        summary.read, summary.written, summary.skipped = error.summary
        raise OutputError(error) from None
    except etl_rust.ReadError as error:  # an OSError: run() reports it as a read error
        summary.read, summary.written, summary.skipped = error.summary
        raise


# ANCHOR_END: rust_engine
