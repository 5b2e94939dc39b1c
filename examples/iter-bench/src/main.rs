//! Totals the EUR orders among N generated rows, written three ways, and prints
//! how long each took.
//!
//! Usage: `iter-bench ROWS SEED REPEATS`. The rows are generated at run time from
//! `SEED`, so the compiler cannot compute the answer ahead of time, and
//! `std::hint::black_box` hides the rows and the result from the optimiser, so
//! it can neither specialise a function for this data nor delete the work.
//! `#[inline(never)]` keeps each version a function of its own, compiled on its
//! own, as it would be in a library.
//! Each repeat runs the three versions one after the other (interleaved, so a
//! burst of load on a shared machine hits all three alike).
//! Output: one line per version and repeat, `method<TAB>seconds<TAB>total`.

use std::hint::black_box;

use bench_support::{Lcg, exit_on_error, rows_seed_repeats, time, wall_clock};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Currency {
    Eur,
    Usd,
    Gbp,
    Chf,
}

/// One order row: 16 bytes, stored inline in the `Vec`.
struct Order {
    quantity: u32,
    price_cents: i64,
    currency: Currency,
}

/// Builds the rows: quantity 1..=20, price 0..=9,999 cents, one of four currencies.
fn generate_orders(rows: usize, seed: u64) -> Vec<Order> {
    const CURRENCIES: [Currency; 4] = [Currency::Eur, Currency::Usd, Currency::Gbp, Currency::Chf];
    // The same generator as `bench.py`, from ../bench-support.
    let mut rng = Lcg::new(seed);
    let mut orders = Vec::with_capacity(rows);
    for _ in 0..rows {
        let quantity = 1 + (rng.draw() % 20) as u32;
        let price_cents = (rng.draw() % 10_000) as i64;
        let currency = CURRENCIES[(rng.draw() % 4) as usize];
        orders.push(Order {
            quantity,
            price_cents,
            currency,
        });
    }
    orders
}

// ANCHOR: versions
/// An index and a bounds-checked `orders[i]`, as you would write it in C.
#[allow(clippy::needless_range_loop)] // the index is the point of this version
#[inline(never)]
fn eur_total_indexed(orders: &[Order]) -> i64 {
    let mut total = 0;
    for i in 0..orders.len() {
        if orders[i].currency == Currency::Eur {
            total += i64::from(orders[i].quantity) * orders[i].price_cents;
        }
    }
    total
}

/// A `for` loop over `iter()`: no index, no bounds check.
#[inline(never)]
fn eur_total_for_iter(orders: &[Order]) -> i64 {
    let mut total = 0;
    for order in orders.iter() {
        if order.currency == Currency::Eur {
            total += i64::from(order.quantity) * order.price_cents;
        }
    }
    total
}

/// An adapter chain: filter, map, sum.
#[inline(never)]
fn eur_total_chain(orders: &[Order]) -> i64 {
    orders
        .iter()
        .filter(|order| order.currency == Currency::Eur)
        .map(|order| i64::from(order.quantity) * order.price_cents)
        .sum()
}
// ANCHOR_END: versions

/// One version of the loop under test.
type Version = fn(&[Order]) -> i64;

fn main() {
    let (rows, seed, repeats) =
        exit_on_error(rows_seed_repeats("usage: iter-bench ROWS SEED REPEATS"));
    let orders = generate_orders(rows, seed);
    let versions: [(&str, Version); 3] = [
        ("indexed for loop", eur_total_indexed),
        ("for loop over iter()", eur_total_for_iter),
        ("adapter chain", eur_total_chain),
    ];
    for _ in 0..repeats {
        for (name, version) in versions {
            let (total, seconds) = time(wall_clock, || version(black_box(&orders)));
            println!("{name}\t{seconds:.9}\t{total}");
        }
    }
}
