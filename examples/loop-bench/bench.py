"""Sums quantity * price over N generated rows in several Python styles.

Usage: PYTHONPATH=../bench-support python bench.py ROWS SEED REPEATS
(``run`` sets PYTHONPATH). Output: one line per repeat,
``method<TAB>seconds<TAB>total``.

The rows come from the generator that ``src/main.rs`` uses too, ``Lcg`` in
``../bench-support``, so every method (and the Rust program) sums the same
numbers. NumPy is measured only when it
can be imported (``run`` installs the pinned version into a venv of its own).
"""

import operator
import sys
import time
from collections.abc import Callable, Sequence

from bench_support import Lcg


def generate_rows(rows: int, seed: int) -> tuple[list[int], list[float]]:
    """Builds the two columns: quantities 1..=20, prices 0.00..=99.99."""
    rng = Lcg(seed)
    quantities: list[int] = []
    prices: list[float] = []
    for _ in range(rows):
        x = rng.draw()
        quantities.append(1 + x % 20)
        prices.append((x % 10_000) / 100.0)
    return quantities, prices


def total_value_loop(quantities: Sequence[int], prices: Sequence[float]) -> float:
    """The plain loop: what the Rust program does, line for line."""
    total = 0.0
    for quantity, price in zip(quantities, prices):
        total += quantity * price
    return total


def total_value_generator(quantities: Sequence[int], prices: Sequence[float]) -> float:
    """The built-in way: sum over a generator expression."""
    return sum(quantity * price for quantity, price in zip(quantities, prices))


def total_value_map(quantities: Sequence[int], prices: Sequence[float]) -> float:
    """sum over map(operator.mul): the loop runs inside C functions."""
    return sum(map(operator.mul, quantities, prices))


def measure(label: str, run: Callable[[], float], repeats: int) -> None:
    for _ in range(repeats):
        start = time.perf_counter()
        total = run()
        seconds = time.perf_counter() - start
        print(f"{label}\t{seconds:.9f}\t{total:.2f}", flush=True)


def main() -> None:
    rows, seed, repeats = (int(arg) for arg in sys.argv[1:4])
    quantities, prices = generate_rows(rows, seed)

    measure("Python for loop", lambda: total_value_loop(quantities, prices), repeats)
    measure(
        "Python sum + generator",
        lambda: total_value_generator(quantities, prices),
        repeats,
    )
    measure(
        "Python sum + map(operator.mul)",
        lambda: total_value_map(quantities, prices),
        repeats,
    )

    try:
        import numpy as np
    except ImportError:
        print("NumPy not installed; skipping the NumPy rows", file=sys.stderr)
        return

    def numpy_from_lists() -> float:
        quantity_column = np.array(quantities, dtype=np.int64)
        price_column = np.array(prices, dtype=np.float64)
        return float((quantity_column * price_column).sum())

    quantity_column = np.array(quantities, dtype=np.int64)
    price_column = np.array(prices, dtype=np.float64)
    measure(
        "NumPy (q * p).sum(), columns already arrays",
        lambda: float((quantity_column * price_column).sum()),
        repeats,
    )
    measure("NumPy, including list-to-array conversion", numpy_from_lists, repeats)


if __name__ == "__main__":
    main()
