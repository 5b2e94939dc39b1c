"""Command line: ``etl INPUT.csv -o OUTPUT.pb [--skip-invalid] [--jobs N] [--engine ENGINE]``."""

import argparse
import io
import sys
from collections.abc import Sequence

from etl import __version__
from etl.job import run

MAX_JOBS = 256


def non_empty(text: str) -> str:
    """An argparse type: reject "" as clap does, rather than fail later opening it."""
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def job_count(text: str) -> int:
    """An argparse type for ``--jobs``: ASCII digits only, 1 to 256, as the Rust job.

    ``int()`` alone would also accept ``+2``, `` 2`` and ``2_0``.
    """
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_JOBS}")
    return int(text)


# ANCHOR: cli
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="etl",
        description="Validate an orders CSV file and write its rows as "
        "length-delimited protobuf Order messages.",
        allow_abbrev=False,  # --skip would otherwise mean --skip-invalid
    )
    parser.add_argument(
        "input", type=non_empty, metavar="INPUT", help="orders CSV file: UTF-8, with a header row"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=non_empty,
        required=True,
        metavar="OUTPUT",
        help="file to write the orders to",
    )
    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="report invalid rows and go on, instead of stopping at the first one",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=job_count,
        default=1,
        metavar="N",
        help="workers that validate and encode rows, 1 to 256 (default 1: no workers)",
    )
    parser.add_argument(
        "--jobs-kind",
        choices=["process", "thread"],
        default="process",
        help="what the workers are (default process; threads show what the GIL costs)",
    )
    parser.add_argument(
        "--engine",
        choices=["python", "rust"],
        default="python",
        help="python, or rust: the Rust core in this process, through PyO3 (default python)",
    )
    return parser


# ANCHOR_END: cli


# ANCHOR: main
def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if isinstance(sys.stderr, io.TextIOWrapper):
        # Paths come from the OS as bytes; surrogateescape prints them back
        # byte for byte, even when they are not valid UTF-8.
        sys.stderr.reconfigure(encoding="utf-8", errors="surrogateescape")
    return run(
        args.input,
        args.output,
        skip_invalid=args.skip_invalid,
        stderr=sys.stderr,
        jobs=args.jobs,
        jobs_kind=args.jobs_kind,
        engine=args.engine,
    )


# ANCHOR_END: main
