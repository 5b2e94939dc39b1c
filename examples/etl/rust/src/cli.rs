//! Command line: `etl INPUT.csv -o OUTPUT.pb [--skip-invalid] [--jobs N]`.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::Parser;

// ANCHOR: cli
/// Validate an orders CSV file and write its rows as length-delimited
/// protobuf Order messages.
#[derive(Debug, Parser)]
#[command(name = "etl", version, args_override_self = true)]
pub struct Args {
    /// Orders CSV file: UTF-8, with a header row
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,

    /// File to write the orders to
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: PathBuf,

    /// Report invalid rows and go on, instead of stopping at the first one
    #[arg(long)]
    pub skip_invalid: bool,

    /// Worker threads, 1 to 256 [default: the number of available cores]
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<NonZeroUsize>,
}

/// The most `--jobs` the job accepts, as the Python job does.
pub const MAX_JOBS: usize = 256;

/// `--jobs`: ASCII digits only (no sign, no spaces, as the Python job), 1 to 256.
fn parse_jobs(text: &str) -> Result<NonZeroUsize, String> {
    let reason = || format!("must be a whole number from 1 to {MAX_JOBS}");
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(reason());
    }
    match text.parse::<usize>() {
        Ok(jobs @ 1..=MAX_JOBS) => Ok(NonZeroUsize::new(jobs).expect("checked: 1 or more")),
        _ => Err(reason()),
    }
}

impl Args {
    /// `--jobs`, or one per core the job may run on.
    pub fn jobs(&self) -> NonZeroUsize {
        self.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(NonZeroUsize::MIN, |cores| {
                cores.min(MAX_JOBS.try_into().expect("not 0"))
            })
        })
    }
}
// ANCHOR_END: cli

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_valid() {
        Args::command().debug_assert();
    }

    #[test]
    fn last_repeated_option_wins_like_argparse() {
        let args = Args::parse_from(["etl", "in.csv", "-o", "a.pb", "--output", "b.pb"]);
        assert_eq!(args.output, PathBuf::from("b.pb"));
        let args = Args::parse_from([
            "etl",
            "in.csv",
            "-o",
            "x",
            "--skip-invalid",
            "--skip-invalid",
        ]);
        assert!(args.skip_invalid);
    }

    #[test]
    fn jobs_are_1_to_256_in_ascii_digits() {
        for good in ["1", "2", "0003", "256"] {
            let args = Args::try_parse_from(["etl", "in.csv", "-o", "x", "--jobs", good]).unwrap();
            assert_eq!(args.jobs().get(), good.parse::<usize>().unwrap());
        }
        for bad in [
            "0",
            "257",
            "abc",
            "",
            "+2",
            " 2",
            "2.0",
            "99999999999999999999999",
        ] {
            let error =
                Args::try_parse_from(["etl", "in.csv", "-o", "x", "--jobs", bad]).unwrap_err();
            assert!(
                error
                    .to_string()
                    .contains("must be a whole number from 1 to 256"),
                "{bad:?}: {error}"
            );
        }
        let args = Args::parse_from(["etl", "in.csv", "-o", "x"]);
        assert!(args.jobs().get() >= 1);
    }
}
