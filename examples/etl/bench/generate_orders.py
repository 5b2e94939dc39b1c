"""Write a deterministic orders CSV for the benchmarks: same rows for the same size.

    python3 bench/generate_orders.py --rows 1000000 orders.csv

Every row is valid, so both jobs do all of their work on every row. The mix
is a realistic export's: 50 000 customers, 2 000 SKUs, three currencies,
offsets and fractions in the timestamps, a quoted SKU now and then.
"""

import argparse
import random
from pathlib import Path

HEADER = "order_id,ordered_at,customer_email,country,sku,quantity,unit_price,currency,channel\n"
COUNTRIES = ["DE", "FR", "NL", "IT", "ES", "GB", "IE", "US", "CA", "PL", "SE", "at", "be"]
CURRENCIES = ["EUR"] * 6 + ["USD"] * 3 + ["GBP"]
ZONES = ["Z", "Z", "Z", "+01:00", "+02:00", "-05:00", "+05:30", "-00:00"]
CHANNELS = ["web", "app", "store", "marketplace"]
SEED = 20240301


def write_orders_csv(path: Path, rows: int, seed: int = SEED) -> None:
    rng = random.Random(seed)
    customers = [f"customer{n}@example{n % 97}.com" for n in range(50_000)]
    skus = [f"SKU-{n:05d}" for n in range(2_000)]
    skus[7] = '"SKU-00007, gift box"'  # a quoted field with a comma
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        lines = []
        for n in range(rows):
            day = rng.randrange(1, 29)
            fraction = rng.choice(["", "", ".5", ".25", ".123"])
            timestamp = (
                f"2024-{rng.randrange(1, 13):02d}-{day:02d}T{rng.randrange(24):02d}:"
                f"{rng.randrange(60):02d}:{rng.randrange(60):02d}{fraction}{rng.choice(ZONES)}"
            )
            email = rng.choice(customers)
            if n % 10 == 0:
                email = f"  {email.upper()} "  # needs trimming and lowercasing
            price = f"{rng.randrange(50, 50_000) / 100:.2f}"
            lines.append(
                f"ORD-{n:08d},{timestamp},{email},{rng.choice(COUNTRIES)},{rng.choice(skus)},"
                f"{rng.randrange(1, 10)},{price},{rng.choice(CURRENCIES)},{rng.choice(CHANNELS)}\n"
            )
            if len(lines) == 10_000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    write_orders_csv(args.output, args.rows)


if __name__ == "__main__":
    main()
