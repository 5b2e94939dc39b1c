"""Turns the benchmark's raw timings into the Markdown report that ``run`` prints.

Usage: PYTHONPATH=../bench-support python report.py RAW_TIMINGS FIELDS REPEATS
(``run`` sets PYTHONPATH)

RAW_TIMINGS holds lines ``method<TAB>percent<TAB>seconds<TAB>valid<TAB>sum``
from bench.py and the Rust program. The report gives the median time per
field for each method and percentage of invalid fields, and the extra time
each invalid field costs. It stops with an error if two methods disagree on
the number of valid fields or their sum, since then they did not do the same
work.
"""

import statistics
import sys
from pathlib import Path

from bench_support import print_machine


def main() -> None:
    raw_path, fields_text, repeats_text = sys.argv[1:4]
    fields, repeats = int(fields_text), int(repeats_text)

    timings: dict[str, dict[int, list[float]]] = {}
    results: dict[int, set[tuple[int, int]]] = {}
    for line in Path(raw_path).read_text().splitlines():
        method, percent_text, seconds, valid, total = line.split("\t")
        percent = int(percent_text)
        timings.setdefault(method, {}).setdefault(percent, []).append(float(seconds))
        results.setdefault(percent, set()).add((int(valid), int(total)))
    for percent, seen in results.items():
        if len(seen) != 1:
            sys.exit(f"methods disagree at {percent}% invalid: {sorted(seen)}")
    percents = sorted(results)
    invalid = {
        percent: fields - next(iter(results[percent]))[0] for percent in percents
    }

    print_machine(rust_build=", release build (`cargo build --release`)")
    print("\n## Method\n")
    print(
        f"- {fields:,} quantity fields per run; a valid one is a whole number "
        "from 1 to 100,000, an invalid one is `n/a`, an empty string, `12.5` or `3 pcs`"
    )
    print(
        "- the same generated fields in both languages; generation is not timed; "
        "every method found the same number of valid fields and the same sum"
    )
    print(
        f"- each method runs {repeats} times per percentage in one process; "
        "the tables show the median"
    )
    print(
        "- times are CPU time of the measuring thread (`time.thread_time()`, "
        "`CLOCK_THREAD_CPUTIME_ID`), not wall-clock time"
    )
    print(
        "- Rust passes the fields through `black_box`; the panicking method "
        "installs a panic hook that prints nothing"
    )

    print("\n## Median time per field\n")
    header = " | ".join(
        f"{percent}% invalid ({invalid[percent]:,})" for percent in percents
    )
    print(f"| Method | {header} |")
    print("|---|" + "--:|" * len(percents))
    medians: dict[str, dict[int, float]] = {}
    for method, by_percent in timings.items():
        medians[method] = {
            percent: statistics.median(seconds) / fields * 1e9
            for percent, seconds in by_percent.items()
        }
        cells = " | ".join(
            f"{medians[method][percent]:,.1f} ns" for percent in percents
        )
        print(f"| {method} | {cells} |")

    low, high = percents[0], percents[-1]
    if invalid[high] > invalid[low]:
        print(f"\n## Extra time per invalid field ({low}% to {high}% invalid)\n")
        print(
            "The difference between the two runs' total times, divided by the "
            "difference in their numbers of invalid fields.\n"
        )
        print("| Method | Extra per invalid field |")
        print("|---|--:|")
        for method, by_percent in medians.items():
            extra = (
                (by_percent[high] - by_percent[low])
                * fields
                / (invalid[high] - invalid[low])
            )
            print(f"| {method} | {extra:,.1f} ns |")


if __name__ == "__main__":
    main()
