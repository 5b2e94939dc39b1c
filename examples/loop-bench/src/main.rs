//! Sums `quantity * price` over N generated rows and prints how long the loop took.
//!
//! Usage: `loop-bench ROWS SEED REPEATS`. The rows are generated at run time from
//! `SEED`, so the compiler cannot compute the answer ahead of time, and
//! `std::hint::black_box` keeps the optimiser from deleting or hoisting the loop.
//! Output: one line per repeat, `seconds<TAB>total`.

use std::env;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

/// The same generator as `bench.py`: a 64-bit linear congruential generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Builds the two columns: quantities 1..=20, prices 0.00..=99.99.
fn generate_rows(rows: usize, seed: u64) -> (Vec<u32>, Vec<f64>) {
    let mut rng = Lcg(seed);
    let mut quantities = Vec::with_capacity(rows);
    let mut prices = Vec::with_capacity(rows);
    for _ in 0..rows {
        let x = rng.next();
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

fn parse_args() -> Result<(usize, u64, usize), String> {
    let args: Vec<String> = env::args().skip(1).collect();
    let [rows, seed, repeats] = args.as_slice() else {
        return Err("usage: loop-bench ROWS SEED REPEATS".to_string());
    };
    let number = |text: &String| text.parse::<u64>().map_err(|e| format!("{text:?}: {e}"));
    Ok((
        number(rows)? as usize,
        number(seed)?,
        number(repeats)? as usize,
    ))
}

fn main() -> ExitCode {
    let (rows, seed, repeats) = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let (quantities, prices) = generate_rows(rows, seed);
    for _ in 0..repeats {
        let start = Instant::now();
        let total = total_value(black_box(&quantities), black_box(&prices));
        let seconds = start.elapsed().as_secs_f64();
        println!("{seconds:.9}\t{:.2}", black_box(total));
    }
    ExitCode::SUCCESS
}
