"""Totals the EUR orders among N generated rows in three Python styles.

Usage: PYTHONPATH=../bench-support python bench.py ROWS SEED REPEATS
(``run`` sets PYTHONPATH). Output: one line per style and repeat,
``method<TAB>seconds<TAB>total``.

The rows come from the generator that ``src/main.rs`` uses too, ``Lcg`` in
``../bench-support``, so every style (and the Rust program) adds up the same
numbers. Each repeat runs the three styles one after the other, so a burst of
load on a shared machine hits all three.
"""

import sys
import time
from collections.abc import Callable, Sequence

from bench_support import Lcg

CURRENCIES = ("EUR", "USD", "GBP", "CHF")

Order = tuple[int, int, str]


def generate_orders(rows: int, seed: int) -> list[Order]:
    """Builds the rows: quantity 1..=20, price 0..=9,999 cents, a currency."""
    rng = Lcg(seed)
    orders: list[Order] = []
    for _ in range(rows):
        quantity = 1 + rng.draw() % 20
        price_cents = rng.draw() % 10_000
        currency = CURRENCIES[rng.draw() % 4]
        orders.append((quantity, price_cents, currency))
    return orders


# ANCHOR: styles
def eur_total_loop(orders: Sequence[Order]) -> int:
    """The plain loop: what the Rust loops do, line for line."""
    total = 0
    for quantity, price_cents, currency in orders:
        if currency == "EUR":
            total += quantity * price_cents
    return total


def eur_total_list_comprehension(orders: Sequence[Order]) -> int:
    """sum over a list comprehension: builds the list of products first."""
    return sum(
        [
            quantity * price_cents
            for quantity, price_cents, currency in orders
            if currency == "EUR"
        ]
    )


def eur_total_generator(orders: Sequence[Order]) -> int:
    """sum over a generator expression: one product at a time, no list."""
    return sum(
        quantity * price_cents
        for quantity, price_cents, currency in orders
        if currency == "EUR"
    )
    # ANCHOR_END: styles


def main() -> None:
    rows, seed, repeats = (int(arg) for arg in sys.argv[1:4])
    orders = generate_orders(rows, seed)
    styles: list[tuple[str, Callable[[Sequence[Order]], int]]] = [
        ("for loop", eur_total_loop),
        ("sum + list comprehension", eur_total_list_comprehension),
        ("sum + generator expression", eur_total_generator),
    ]
    for _ in range(repeats):
        for name, style in styles:
            start = time.perf_counter()
            total = style(orders)
            seconds = time.perf_counter() - start
            print(f"{name}\t{seconds:.9f}\t{total}", flush=True)


if __name__ == "__main__":
    main()
