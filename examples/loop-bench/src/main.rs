//! Sums `quantity * price` over N generated rows and prints how long the loop took.
//!
//! Usage: `loop-bench ROWS SEED REPEATS`. The rows are generated at run time from
//! `SEED`, so the compiler cannot compute the answer ahead of time, and
//! `std::hint::black_box` keeps the optimiser from deleting or hoisting the loop.
//! Output: one line per repeat, `seconds<TAB>total`.

use std::hint::black_box;

use bench_support::{Lcg, exit_on_error, rows_seed_repeats, time, wall_clock};

/// Builds the two columns: quantities 1..=20, prices 0.00..=99.99.
fn generate_rows(rows: usize, seed: u64) -> (Vec<u32>, Vec<f64>) {
    // The same generator as `bench.py`, from ../bench-support.
    let mut rng = Lcg::new(seed);
    let mut quantities = Vec::with_capacity(rows);
    let mut prices = Vec::with_capacity(rows);
    for _ in 0..rows {
        let x = rng.draw();
        quantities.push(1 + (x % 20) as u32);
        prices.push((x % 10_000) as f64 / 100.0);
    }
    (quantities, prices)
}

/// The loop under test, written the way the Python `for` loop is.
///
/// `inline(never)` keeps it a function of its own, called once per repeat, so
/// that `asm` can find its machine code by name for the chapter; inlined into
/// `main`, the loop compiles to the same instructions.
#[inline(never)]
fn total_value(quantities: &[u32], prices: &[f64]) -> f64 {
    let mut total = 0.0;
    for (&quantity, &price) in quantities.iter().zip(prices) {
        total += f64::from(quantity) * price;
    }
    total
}

fn main() {
    let (rows, seed, repeats) =
        exit_on_error(rows_seed_repeats("usage: loop-bench ROWS SEED REPEATS"));
    let (quantities, prices) = generate_rows(rows, seed);
    for _ in 0..repeats {
        let (total, seconds) = time(wall_clock, || {
            total_value(black_box(&quantities), black_box(&prices))
        });
        println!("{seconds:.9}\t{total:.2}");
    }
}
