//! `etl INPUT.csv -o OUTPUT.pb [--skip-invalid] [--jobs N]`: see examples/etl/CONTRACT.md.

use std::io::{self, LineWriter};
use std::process::ExitCode;

use clap::Parser;

use etl::cli::Args;
use etl::job::{self, Options};

// ANCHOR: main
fn main() -> ExitCode {
    // Usage errors print clap's message and exit with status 2 here.
    let args = Args::parse();
    // One write per line, even when thousands of skipped rows are reported.
    let stderr = LineWriter::new(io::stderr().lock());
    let options = Options::new(args.skip_invalid, args.jobs());
    job::run(&args.input, &args.output, &options, stderr).into()
}
// ANCHOR_END: main
