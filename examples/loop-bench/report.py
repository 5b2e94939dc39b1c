"""Turns the benchmark's raw timings into the Markdown report that ``run`` prints.

Usage: PYTHONPATH=../bench-support python report.py RAW_TIMINGS ROWS REPEATS
RELEASE_BINARY (``run`` sets PYTHONPATH)

RAW_TIMINGS holds lines ``method<TAB>seconds<TAB>total`` from bench.py and the
Rust program. This script also measures start-up time (an empty Python program
against the release binary doing no work) and the size of what you would ship.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_support import milliseconds, print_machine

STARTUP_RUNS = 20


def median_wall_time(command: list[str]) -> float:
    times = []
    for _ in range(STARTUP_RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def directory_size(path: Path) -> int:
    return sum(
        f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()
    )


def main() -> None:
    raw_path, rows_text, repeats_text, binary = sys.argv[1:5]
    rows, repeats = int(rows_text), int(repeats_text)

    timings: dict[str, list[float]] = {}
    totals: dict[str, str] = {}
    for line in Path(raw_path).read_text().splitlines():
        method, seconds, total = line.split("\t")
        timings.setdefault(method, []).append(float(seconds))
        totals[method] = total

    baseline = statistics.median(timings["Python for loop"])
    try:
        import numpy

        numpy_version = numpy.__version__
    except ImportError:
        numpy_version = "not installed"
    print_machine(more=[f"- NumPy: {numpy_version}"])
    print("\n## Method\n")
    print(f"- {rows:,} rows: quantity (integer 1-20) and price (float 0.00-99.99)")
    print("- the same generated data in every language; generation is not timed")
    print(
        f"- each method runs {repeats} times in one process; the table shows the median"
    )
    print(
        "- Rust reads ROWS and SEED at run time and passes the columns through black_box"
    )
    print("\n## Sum of quantity × price\n")
    print("| Method | Median time | Per row | Compared with the Python loop | Total |")
    print("|---|--:|--:|--:|--:|")
    for method, seconds_list in timings.items():
        median = statistics.median(seconds_list)
        per_row_ns = median / rows * 1e9
        ratio = baseline / median
        speed = f"{ratio:,.1f}× faster" if ratio >= 1 else f"{1 / ratio:,.1f}× slower"
        if method == "Python for loop":
            speed = "1× (baseline)"
        print(
            f"| {method} | {milliseconds(median)} | {per_row_ns:,.1f} ns | {speed} | {totals[method]} |"
        )

    python_startup = median_wall_time([sys.executable, "-c", "pass"])
    rust_startup = median_wall_time([binary, "0", "0", "0"])
    venv = Path(sys.prefix)
    print(f"\n## Start-up and size (median of {STARTUP_RUNS} runs)\n")
    print("| What | Start-up | What you ship |")
    print("|---|--:|---|")
    print(
        f"| `python -c pass` | {milliseconds(python_startup)} | an interpreter, "
        f"plus this venv ({directory_size(venv) / 1e6:,.0f} MB with NumPy) |"
    )
    print(
        f"| Rust release binary doing no work | {milliseconds(rust_startup)} | "
        f"one file of {Path(binary).stat().st_size / 1e3:,.0f} kB |"
    )


if __name__ == "__main__":
    main()
