"""``--jobs N``: validate and encode the rows in N worker processes (or threads).

The parent process reads the CSV and cuts it into batches of records; the
workers check, validate and encode each batch; the parent writes the results
in input order, handling each row exactly as the sequential loop does. So the
output, the messages and the summary do not depend on the number of workers.
At most ``2 * N`` batches are in flight, which bounds the memory.

Processes pay for what threads would share: every batch is pickled to a
worker and its messages are pickled back. Threads need no copies, but under
the GIL only one of them runs Python at a time, so they cannot go faster than
one thread; ``--jobs-kind thread`` is there to measure exactly that.
"""

import os
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Final, Literal

from etl.errors import InvalidField
from etl.reader import Record, check_record
from etl.validation import parse_row
from etl.writer import encode_delimited

PoolKind = Literal["process", "thread"]

DEFAULT_BATCH_ROWS: Final = 1024
"""Records per batch unless the environment variable ``ETL_BATCH_ROWS`` says otherwise."""

Outcome = bytes | tuple[str, str]
"""A row's result from a worker: its delimited message, or (subject, reason) if invalid."""


def batch_rows() -> int:
    """``ETL_BATCH_ROWS`` if it is a positive whole number (tests set it low so that
    small files cross batch boundaries), else the default; the Rust job does the same."""
    text = os.environ.get("ETL_BATCH_ROWS", "")
    if text.isascii() and text.isdigit() and int(text) > 0:
        return int(text)
    return DEFAULT_BATCH_ROWS


@dataclass
class Batch:
    """Records read together, and the read error that ended the input after them, if any."""

    lines: list[int] = field(default_factory=list)
    records: list[list[str]] = field(default_factory=list)
    read_error: OSError | None = None


def read_batches(records: Iterator[Record], rows: int) -> Iterator[Batch]:
    """Cut ``records`` into batches. A read error ends the last batch instead of being
    raised here, so that the rows before it are handled first, as in the sequential loop."""
    batch = Batch()
    try:
        for line, fields in records:
            batch.lines.append(line)
            batch.records.append(fields)
            if len(batch.lines) == rows:
                yield batch
                batch = Batch()
    except OSError as error:
        batch.read_error = error
    if batch.lines or batch.read_error:
        yield batch


# ANCHOR: encode_batch
def encode_batch(names: list[str], records: list[list[str]]) -> list[Outcome]:
    """A worker's job: check and validate each record, and encode the valid ones.

    Runs in another process, so it takes and returns only what pickles cheaply:
    lists of strings in, bytes or (subject, reason) pairs out.
    """
    outcomes: list[Outcome] = []
    for fields in records:
        try:
            order = parse_row(check_record(names, fields))
        except InvalidField as error:
            outcomes.append((error.subject, error.reason))
            continue
        outcomes.append(encode_delimited(order))
    return outcomes


# ANCHOR_END: encode_batch


def make_executor(kind: PoolKind, jobs: int) -> Executor:
    if kind == "thread":
        return ThreadPoolExecutor(max_workers=jobs)
    return ProcessPoolExecutor(max_workers=jobs)


# ANCHOR: python_jobs
def convert_rows(
    records: Iterator[Record], names: list[str], *, jobs: int, kind: PoolKind
) -> Generator[tuple[int, bytes | InvalidField]]:
    """Convert ``records`` on ``jobs`` workers; yield each row's line and its delimited
    message (or why it is invalid), in input order.

    Close the iterator (``contextlib.closing``) to stop early: the batches not
    started yet are then dropped instead of converted.
    """
    batches = read_batches(records, batch_rows())
    in_flight: deque[tuple[Batch, Future[list[Outcome]]]] = deque()
    executor = make_executor(kind, jobs)

    def submit_next() -> None:
        batch = next(batches, None)
        if batch is not None:
            in_flight.append((batch, executor.submit(encode_batch, names, batch.records)))

    try:
        for _ in range(2 * jobs):  # fill the pipeline: a queued batch for each worker
            submit_next()
        while in_flight:
            batch, future = in_flight.popleft()
            outcomes = future.result()
            submit_next()  # keep the workers busy while this batch is written
            for line, outcome in zip(batch.lines, outcomes, strict=True):
                yield line, outcome if isinstance(outcome, bytes) else InvalidField(*outcome)
            if batch.read_error is not None:
                raise batch.read_error
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# ANCHOR_END: python_jobs
