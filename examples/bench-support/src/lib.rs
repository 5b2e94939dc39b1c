//! What the book's three benchmarks (`loop-bench`, `iter-bench` and `error-cost`)
//! share on the Rust side: the generator their rows come from, the reading of
//! their command line, and the clock around the code they measure. The Python
//! side of the same is `bench_support.py`, beside this crate.

use std::env;
use std::fmt::Display;
use std::hint::black_box;
use std::process;
use std::str::FromStr;
use std::sync::OnceLock;
use std::time::Instant;

/// The generator of every benchmark, the same as `Lcg` in `bench_support.py`:
/// a 64-bit linear congruential generator, so that both languages work on the
/// same numbers.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// The next number: the top 31 bits of the new state.
    pub fn draw(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// The command line's arguments, exactly `N` of them; any other number gives
/// `usage` as the error.
pub fn args<const N: usize>(usage: &str) -> Result<[String; N], String> {
    let args: Vec<String> = env::args().skip(1).collect();
    args.try_into().map_err(|_| usage.to_owned())
}

/// An argument that must be a whole number, such as ROWS or SEED; the error
/// names the text and what is wrong with it.
pub fn whole_number<T>(text: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: Display,
{
    text.parse::<T>()
        .map_err(|error| format!("{text:?}: {error}"))
}

/// The command line of `loop-bench` and `iter-bench`, `ROWS SEED REPEATS`:
/// how many rows to generate, the generator's seed, and how many times to time
/// each method.
pub fn rows_seed_repeats(usage: &str) -> Result<(usize, u64, usize), String> {
    let [rows, seed, repeats] = args(usage)?;
    Ok((
        whole_number(&rows)?,
        whole_number(&seed)?,
        whole_number(&repeats)?,
    ))
}

/// The value, or, for an error, prints its message on stderr and exits with
/// status 1.
pub fn exit_on_error<T>(result: Result<T, String>) -> T {
    result.unwrap_or_else(|message| {
        eprintln!("{message}");
        process::exit(1)
    })
}

/// Wall-clock time in seconds, from a fixed point (the first call) on:
/// `std::time::Instant`, which never goes backwards.
pub fn wall_clock() -> f64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64()
}

/// Runs `method` once and says how long it took by `clock`, in seconds, with
/// what it returned. The result goes through `black_box`, so the optimiser
/// cannot delete the work as unused; inputs the caller passes through
/// `black_box` itself, inside `method`.
pub fn time<T>(clock: fn() -> f64, method: impl FnOnce() -> T) -> (T, f64) {
    let start = clock();
    let result = black_box(method());
    let seconds = clock() - start;
    (result, seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcg_draws_what_the_python_lcg_draws() {
        // bench_support.Lcg(42).draw() in Python, three times.
        let mut rng = Lcg::new(42);
        let first: Vec<u64> = (0..3).map(|_| rng.draw()).collect();
        assert_eq!(first, [1_220_265_334, 484_179_026, 886_563_538]);
    }

    #[test]
    fn whole_number_names_the_text() {
        assert_eq!(whole_number::<u64>("12"), Ok(12));
        assert_eq!(
            whole_number::<usize>("1e3"),
            Err("\"1e3\": invalid digit found in string".to_owned())
        );
    }

    #[test]
    fn time_returns_the_result() {
        let (result, seconds) = time(wall_clock, || 6 * 7);
        assert_eq!(result, 42);
        assert!(seconds >= 0.0);
    }
}
