//! What does a failed parse cost? Parses N generated quantity fields, a given
//! percentage of them invalid, three ways:
//!
//! - `if let Ok(…)` on the `Result` of `str::parse::<i64>`;
//! - a function that returns `Result<i64, RowError>`, using `?` and a `From`
//!   conversion, as the chapter's row parsers do;
//! - a function that panics on a bad field (`expect`), each call wrapped in
//!   `std::panic::catch_unwind`: the exception-like path.
//!
//! Usage: `error-cost FIELDS SEED REPEATS PERCENTS`, where PERCENTS is a
//! comma-separated list such as `0,1,10,50`. The fields are generated at run
//! time from SEED with the same generator as `bench.py`, so both languages
//! parse the same strings (here slices of one buffer, as a CSV reader gives them), and `std::hint::black_box` keeps the optimiser from
//! skipping work whose result is never used. Times are the thread's CPU time,
//! as `bench.py` measures them with `time.thread_time()`.
//! Output: one line per method, percentage and repeat:
//! `method<TAB>percent<TAB>seconds<TAB>valid<TAB>sum`.

use std::fmt;
use std::hint::black_box;
use std::num::ParseIntError;
use std::panic;

use bench_support::{Lcg, args, exit_on_error, time, whole_number};

/// What a bad quantity looks like in a real export.
const INVALID: [&str; 4] = ["n/a", "", "12.5", "3 pcs"];

/// `fields` quantity fields, one per line; `percent` of them (on average) are
/// invalid. One buffer holds them all, as a CSV reader's record buffer does.
fn generate_fields(fields: usize, seed: u64, percent: u64) -> String {
    // The same generator as `bench.py`, from ../bench-support.
    let mut rng = Lcg::new(seed);
    let mut text = String::new();
    for i in 0..fields {
        if i > 0 {
            text.push('\n');
        }
        let x = rng.draw();
        if x % 100 < percent {
            text.push_str(INVALID[(x / 100 % 4) as usize]);
        } else {
            text.push_str(&(1 + x / 100 % 100_000).to_string());
        }
    }
    text
}

/// The CPU time this thread has used, in seconds: `CLOCK_THREAD_CPUTIME_ID`,
/// the clock behind Python's `time.thread_time()`. Unlike wall-clock time it
/// does not count the time other programs on a busy machine hold the CPU.
fn thread_cpu_seconds() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec, and the clock id is a
    // constant that Linux supports; clock_gettime writes only into `now`.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    now.tv_sec as f64 + now.tv_nsec as f64 / 1e9
}

/// The result of one pass: how many fields were valid, and their sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tally {
    valid: u64,
    sum: i64,
}

/// 1. Look at the `Result` that `parse` returns.
fn tally_result(fields: &[&str]) -> Tally {
    let mut tally = Tally { valid: 0, sum: 0 };
    for field in fields {
        if let Ok(quantity) = field.parse::<i64>() {
            tally.valid += 1;
            tally.sum += quantity;
        }
    }
    tally
}

/// A row error that keeps the parser's error as its source, as in the chapter.
#[derive(Debug)]
enum RowError {
    BadQuantity(ParseIntError),
}

impl From<ParseIntError> for RowError {
    fn from(error: ParseIntError) -> Self {
        RowError::BadQuantity(error)
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowError::BadQuantity(_) => f.write_str("quantity: must be a whole number"),
        }
    }
}

impl std::error::Error for RowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RowError::BadQuantity(error) => Some(error),
        }
    }
}

fn parse_quantity(text: &str) -> Result<i64, RowError> {
    let quantity = text.parse::<i64>()?;
    Ok(quantity)
}

/// 2. A function returning `Result<i64, RowError>`, with `?` and `From`.
fn tally_question_mark(fields: &[&str]) -> Tally {
    let mut tally = Tally { valid: 0, sum: 0 };
    for field in fields {
        if let Ok(quantity) = parse_quantity(field) {
            tally.valid += 1;
            tally.sum += quantity;
        }
    }
    tally
}

fn parse_quantity_or_panic(text: &str) -> i64 {
    text.parse().expect("quantity must be a whole number")
}

/// 3. Panic on a bad field and catch the panic, the way `except` catches an exception.
fn tally_catch_unwind(fields: &[&str]) -> Tally {
    let mut tally = Tally { valid: 0, sum: 0 };
    for field in fields {
        if let Ok(quantity) = panic::catch_unwind(|| parse_quantity_or_panic(field)) {
            tally.valid += 1;
            tally.sum += quantity;
        }
    }
    tally
}

type Method = fn(&[&str]) -> Tally;

const METHODS: [(&str, Method); 3] = [
    ("Rust: parse::<i64>() returns a Result", tally_result),
    (
        "Rust: function returning Result, ? with From",
        tally_question_mark,
    ),
    ("Rust: panic caught with catch_unwind", tally_catch_unwind),
];

struct Args {
    fields: usize,
    seed: u64,
    repeats: usize,
    percents: Vec<u64>,
}

fn parse_args() -> Result<Args, String> {
    let [fields, seed, repeats, percents] =
        args("usage: error-cost FIELDS SEED REPEATS PERCENTS (e.g. 0,1,10,50)")?;
    let percents = percents
        .split(',')
        .map(|text| match whole_number(text)? {
            percent @ 0..=100 => Ok(percent),
            percent => Err(format!("{percent}: a percentage must be at most 100")),
        })
        .collect::<Result<Vec<u64>, String>>()?;
    Ok(Args {
        fields: whole_number(&fields)?,
        seed: whole_number(&seed)?,
        repeats: whole_number(&repeats)?,
        percents,
    })
}

fn main() {
    let args = exit_on_error(parse_args());
    // A panic normally prints "thread 'main' panicked at ..." on stderr. Printing
    // is not what we measure, so a hook that prints nothing replaces the default.
    panic::set_hook(Box::new(|_| {}));
    for &percent in &args.percents {
        let text = generate_fields(args.fields, args.seed, percent);
        let fields: Vec<&str> = text.split('\n').collect();
        // Methods take turns within each repeat, so that a burst of load from
        // other programs slows all of them rather than one.
        for _ in 0..args.repeats {
            for (name, method) in METHODS {
                let (tally, seconds) = time(thread_cpu_seconds, || method(black_box(&fields)));
                println!(
                    "{name}\t{percent}\t{seconds:.9}\t{}\t{}",
                    tally.valid, tally.sum
                );
            }
        }
    }
}
