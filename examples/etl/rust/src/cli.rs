//! Command line: `etl INPUT.csv -o OUTPUT.pb [--skip-invalid]`.

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
}
