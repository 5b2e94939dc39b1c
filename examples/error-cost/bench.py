"""What does a failed parse cost in Python? Parses N generated quantity fields,
a given percentage of them invalid, three ways:

- ``try: int(field) except ValueError``, inline in the loop;
- a pre-check, ``field.isdigit()``, before ``int(field)``: no exception at all;
- a function that raises ``RowError(...) from error``, caught by the caller:
  the chapter's pattern, with a custom exception and its ``__cause__``.

Usage: PYTHONPATH=../bench-support python bench.py FIELDS SEED REPEATS PERCENTS
(PERCENTS such as 0,1,10,50; ``run`` sets PYTHONPATH).
Output: one line per method, percentage and repeat:
``method<TAB>percent<TAB>seconds<TAB>valid<TAB>sum``.

Times are CPU time of this thread (``time.thread_time()``), not wall-clock time,
so that other programs on a busy machine add as little noise as possible.

The fields come from the generator that ``src/main.rs`` uses too, ``Lcg`` in
``../bench-support``, so both languages parse the same strings. ``str.isdigit``
also accepts digits such as ``"²"`` that ``int`` refuses; the generated fields
contain none, so here the pre-check and ``int`` agree.
"""

import sys
import time
from collections.abc import Callable, Sequence

from bench_support import Lcg

# What a bad quantity looks like in a real export.
INVALID = ["n/a", "", "12.5", "3 pcs"]


def generate_fields(fields: int, seed: int, percent: int) -> list[str]:
    """``fields`` quantity fields; ``percent`` of them (on average) are invalid."""
    rng = Lcg(seed)
    result: list[str] = []
    for _ in range(fields):
        x = rng.draw()
        if x % 100 < percent:
            result.append(INVALID[x // 100 % 4])
        else:
            result.append(str(1 + x // 100 % 100_000))
    return result


def tally_try_except(fields: Sequence[str]) -> tuple[int, int]:
    """1. try/except ValueError around int()."""
    valid = total = 0
    for field in fields:
        try:
            quantity = int(field)
        except ValueError:
            continue
        valid += 1
        total += quantity
    return valid, total


def tally_pre_check(fields: Sequence[str]) -> tuple[int, int]:
    """2. Look before you leap: check the text, then convert; nothing is raised."""
    valid = total = 0
    for field in fields:
        if field.isdigit():
            valid += 1
            total += int(field)
    return valid, total


class RowError(Exception):
    """A row the job rejects; ``__cause__`` holds the parser's own exception."""


def parse_quantity(text: str) -> int:
    try:
        return int(text)
    except ValueError as error:
        raise RowError("quantity: must be a whole number") from error


def tally_raise_from(fields: Sequence[str]) -> tuple[int, int]:
    """3. A function that raises RowError from ValueError; the caller catches it."""
    valid = total = 0
    for field in fields:
        try:
            quantity = parse_quantity(field)
        except RowError:
            continue
        valid += 1
        total += quantity
    return valid, total


METHODS: list[tuple[str, Callable[[Sequence[str]], tuple[int, int]]]] = [
    ("Python: try/except ValueError around int()", tally_try_except),
    ("Python: pre-check with str.isdigit(), no exception", tally_pre_check),
    ("Python: function raises RowError from ValueError", tally_raise_from),
]


def main() -> None:
    fields_text, seed_text, repeats_text, percents_text = sys.argv[1:5]
    fields, seed, repeats = int(fields_text), int(seed_text), int(repeats_text)
    for percent in (int(text) for text in percents_text.split(",")):
        data = generate_fields(fields, seed, percent)
        # Methods take turns within each repeat, so that a burst of load from
        # other programs slows all of them rather than one.
        for _ in range(repeats):
            for name, method in METHODS:
                start = time.thread_time()
                valid, total = method(data)
                seconds = time.thread_time() - start
                print(f"{name}\t{percent}\t{seconds:.9f}\t{valid}\t{total}", flush=True)


if __name__ == "__main__":
    main()
