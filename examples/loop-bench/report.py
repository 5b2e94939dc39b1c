"""Turns the benchmark's raw timings into the Markdown report that ``run`` prints.

Usage: python report.py RAW_TIMINGS ROWS REPEATS RELEASE_BINARY

RAW_TIMINGS holds lines ``method<TAB>seconds<TAB>total`` from bench.py and the
Rust program. This script also measures start-up time (an empty Python program
against the release binary doing no work) and the size of what you would ship.
"""

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

STARTUP_RUNS = 20


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def command_version(command: list[str]) -> str:
    return subprocess.run(
        command, capture_output=True, text=True, check=True
    ).stdout.strip()


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


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


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
    print("## Machine\n")
    print(f"- CPU: {cpu_model()}, {os.cpu_count()} cores")
    print(f"- OS: {platform.system()} {platform.release()}")
    print(f"- Python: {platform.python_implementation()} {platform.python_version()}")
    print(f"- Rust: {command_version(['rustc', '--version'])}")
    try:
        import numpy

        print(f"- NumPy: {numpy.__version__}")
    except ImportError:
        print("- NumPy: not installed")
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
