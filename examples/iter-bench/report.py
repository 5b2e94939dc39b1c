"""Turns the benchmark's raw timings into the Markdown report that ``run`` prints.

Usage: PYTHONPATH=../bench-support python report.py RAW_TIMINGS ROWS REPEATS
RELEASE_BINARY LOAD_AVERAGE (``run`` sets PYTHONPATH)

RAW_TIMINGS holds lines ``build<TAB>method<TAB>seconds<TAB>total`` (build is
"Python", "Rust release" or "Rust debug"). The report gives, per build, the
median of the repeats, the fastest and slowest repeat, and each method against
the first one of its build. It also disassembles the three Rust functions of
the release binary with objdump (when it is installed) and says whether they
compiled to the same sequence of instructions.
"""

import re
import shutil
import statistics
import sys
from pathlib import Path

from bench_support import command_version, milliseconds, print_machine

FUNCTIONS = {
    "indexed for loop": "eur_total_indexed",
    "for loop over iter()": "eur_total_for_iter",
    "adapter chain": "eur_total_chain",
}


def instructions(binary: str) -> dict[str, list[str]]:
    """The mnemonics of each benchmarked function, in order, from objdump.

    Padding (int3) and alignment (nop) are left out: the processor does no work
    for them inside the loop.
    """
    listing = command_version(["objdump", "-d", "--no-show-raw-insn", "-C", binary])
    found: dict[str, list[str]] = {}
    current = None
    for line in listing.splitlines():
        header = re.match(r"^[0-9a-f]+ <iter_bench::(\w+)>:$", line)
        if header:
            current = header.group(1)
            found[current] = []
        elif not line.strip():
            current = None
        elif current is not None:
            fields = line.split("\t")
            mnemonic = fields[1].split()[0] if len(fields) >= 2 else ""
            # int3 pads between functions and nop aligns jump targets: not work.
            if mnemonic and mnemonic != "int3" and not mnemonic.startswith("nop"):
                found[current].append(mnemonic)
    return found


def main() -> None:
    raw_path, rows_text, repeats_text, binary, load = sys.argv[1:6]
    rows, repeats = int(rows_text), int(repeats_text)

    timings: dict[str, dict[str, list[float]]] = {}
    totals: dict[tuple[str, str], str] = {}
    for line in Path(raw_path).read_text().splitlines():
        build, method, seconds, total = line.split("\t")
        timings.setdefault(build, {}).setdefault(method, []).append(float(seconds))
        totals[build, method] = total

    print_machine(more=[f"- load average when the run started: {load}"])
    print("\n## Method\n")
    print(
        f"- {rows:,} order rows: quantity (1-20), price (0-9,999 cents), "
        "currency (EUR, USD, GBP or CHF); about a quarter are EUR"
    )
    print(
        "- the task: the total of quantity × price over the EUR rows, in integer cents"
    )
    print("- the same generated rows in every language; generation is not timed")
    print(
        f"- each method runs {repeats} times in one process, the methods "
        "interleaved; the tables show the median"
    )
    print(
        "- Rust passes the rows through black_box and keeps each version a "
        "function of its own (#[inline(never)])"
    )

    for build, methods in timings.items():
        baseline_method = next(iter(methods))
        baseline = statistics.median(methods[baseline_method])
        print(f"\n## {build}\n")
        print(
            f"| Method | Median time | Per row | Fastest–slowest repeat "
            f"| Compared with the {baseline_method} | Total (cents) |"
        )
        print("|---|--:|--:|--:|--:|--:|")
        for method, seconds_list in methods.items():
            median = statistics.median(seconds_list)
            per_row_ns = median / rows * 1e9
            spread = (
                f"{milliseconds(min(seconds_list))}–{milliseconds(max(seconds_list))}"
            )
            ratio = median / baseline
            print(
                f"| {method} | {milliseconds(median)} | {per_row_ns:,.1f} ns "
                f"| {spread} | {ratio:.2f}× the time | {totals[build, method]} |"
            )

    print("\n## What the release build compiled\n")
    if shutil.which("objdump") is None:
        print("objdump is not installed; skipped.")
        return
    listings = instructions(binary)
    reference = listings.get(FUNCTIONS["indexed for loop"], [])
    print(
        "| Method | Function | Instructions | Same instruction sequence "
        "as the indexed loop |"
    )
    print("|---|---|--:|---|")
    for method, function in FUNCTIONS.items():
        listing = listings.get(function, [])
        same = "yes" if listing == reference else "no"
        print(f"| {method} | `{function}` | {len(listing)} | {same} |")


if __name__ == "__main__":
    main()
