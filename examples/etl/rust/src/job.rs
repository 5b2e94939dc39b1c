//! The job: read the CSV, validate each row, write the orders, report what happened.

use std::fmt::{self, Display};
use std::fs::File;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::path::Path;
use std::process::ExitCode;

use crate::Order;
use crate::input::{HeaderProblem, OpenError, OrdersCsv};
use crate::pipeline;
use crate::row::RowError;
use crate::writer::{AtomicFile, DelimitedWriter};

/// The job's exit status, as in Python's `etl.job.ExitCode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Ok = 0,
    IoError = 1,
    /// Also what clap uses for usage errors.
    InvalidInput = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub read: u64,
    pub written: u64,
    pub skipped: u64,
}

impl Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "read {} rows, wrote {}, skipped {}",
            self.read, self.written, self.skipped
        )
    }
}

/// How to run the job: the command line's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Report invalid rows and go on, instead of stopping at the first one.
    pub skip_invalid: bool,
    /// Worker threads: 1 runs the sequential loop, more the parallel pipeline.
    pub jobs: NonZeroUsize,
    /// Records per batch in the parallel pipeline.
    pub batch_rows: NonZeroUsize,
}

impl Options {
    /// Records per batch unless `ETL_BATCH_ROWS` says otherwise.
    pub const DEFAULT_BATCH_ROWS: NonZeroUsize = NonZeroUsize::new(1024).unwrap();

    /// `skip_invalid` and `jobs` as given; the batch size from the environment
    /// variable `ETL_BATCH_ROWS`, which tests set low so that small files
    /// cross batch boundaries (a positive whole number, else the default).
    pub fn new(skip_invalid: bool, jobs: NonZeroUsize) -> Options {
        let batch_rows = std::env::var("ETL_BATCH_ROWS")
            .ok()
            .and_then(|text| text.parse().ok())
            .unwrap_or(Self::DEFAULT_BATCH_ROWS);
        Options {
            skip_invalid,
            jobs,
            batch_rows,
        }
    }
}

// ANCHOR: reporter
/// Where the job reports the problems it finds in the input.
pub trait Report {
    fn header_problem(&mut self, line: u64, problem: &HeaderProblem);
    fn row_problem(&mut self, line: u64, problem: &RowError);
}

/// Prints problems as `PATH:LINE: SUBJECT: reason`, like a compiler, so that
/// editors and `grep` can jump to them.
pub struct Reporter<'a, W: Write> {
    /// The input path's bytes, exactly as given on the command line.
    path: &'a [u8],
    stderr: W,
}

impl<W: Write> Reporter<'_, W> {
    pub fn problem(&mut self, line: u64, problem: &impl Display) {
        self.print(self.path, format_args!(":{line}: {problem}"));
    }

    pub fn io_error(&mut self, path: &Path, action: &str, error: &io::Error) {
        self.print(
            path_bytes(path),
            format_args!(": cannot {action}: {}", os_reason(error)),
        );
    }

    fn print(&mut self, path: &[u8], rest: fmt::Arguments<'_>) {
        // If stderr itself fails there is nobody left to tell.
        let _ = self
            .stderr
            .write_all(path)
            .and_then(|()| writeln!(self.stderr, "{rest}"));
    }
}

impl<W: Write> Report for Reporter<'_, W> {
    fn header_problem(&mut self, line: u64, problem: &HeaderProblem) {
        self.problem(line, problem);
    }

    fn row_problem(&mut self, line: u64, problem: &RowError) {
        self.problem(line, problem);
    }
}

/// The C library's text for an OS error ("No such file or directory"), as
/// Python's `os.strerror` gives it: Rust's `Display` adds " (os error 2)".
pub fn os_reason(error: &io::Error) -> String {
    let text = error.to_string();
    match error.raw_os_error() {
        Some(code) => text
            .strip_suffix(&format!(" (os error {code})"))
            .unwrap_or(&text)
            .to_owned(),
        None => text,
    }
}
// ANCHOR_END: reporter

/// A path's bytes, to print it exactly as it was given. On Unix these are
/// the bytes of the command line; elsewhere, Rust's own encoding of the
/// platform's path (UTF-8 for any path that is valid Unicode).
pub fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// How the conversion stopped early.
#[derive(Debug)]
pub enum Failure {
    /// Already reported: an invalid header, or an invalid row without `--skip-invalid`.
    InvalidInput,
    Read(io::Error),
    Write(io::Error),
}

// ANCHOR: run
/// Run the job; print problems and the summary line to `stderr`; return the exit status.
pub fn run(input: &Path, output: &Path, options: &Options, stderr: impl Write) -> Status {
    let mut summary = Summary::default();
    let mut reporter = Reporter {
        path: path_bytes(input),
        stderr,
    };
    let status = match convert(input, output, options, &mut summary, &mut reporter) {
        Ok(()) => Status::Ok,
        Err(Failure::InvalidInput) => Status::InvalidInput,
        Err(Failure::Read(error)) => {
            reporter.io_error(input, "read", &error);
            Status::IoError
        }
        Err(Failure::Write(error)) => {
            reporter.io_error(output, "write", &error);
            Status::IoError
        }
    };
    let _ = writeln!(reporter.stderr, "{summary}");
    status
}
// ANCHOR_END: run

// ANCHOR: main_loop
/// Convert `input` into `output`: open the input, check the header, create
/// the output, convert every row (on one thread or several, as `options`
/// say), and put the output in place. Problems in the input go to `report`;
/// `summary` counts what happened, also when it fails.
pub fn convert(
    input: &Path,
    output: &Path,
    options: &Options,
    summary: &mut Summary,
    report: &mut impl Report,
) -> Result<(), Failure> {
    let file = File::open(input).map_err(Failure::Read)?;
    let orders_csv = match OrdersCsv::new(file) {
        Ok(orders_csv) => orders_csv,
        Err(OpenError::Io(error)) => return Err(Failure::Read(error)),
        Err(OpenError::Header { line, problems }) => {
            for problem in &problems {
                report.header_problem(line, problem);
            }
            return Err(Failure::InvalidInput);
        }
    };

    let mut writer = DelimitedWriter::new(AtomicFile::create(output).map_err(Failure::Write)?);
    if options.jobs.get() == 1 {
        convert_rows(
            orders_csv,
            &mut writer,
            options.skip_invalid,
            summary,
            report,
        )?;
    } else {
        // Returning early drops `writer`, and with it the temporary file.
        pipeline::convert_rows(orders_csv, &mut writer, options, summary, report)?;
    }
    let written = writer.count();
    writer.into_inner().commit().map_err(Failure::Write)?;
    // Only now is the output file in place.
    summary.written = written;
    Ok(())
}

/// `--jobs 1`: read, validate and write one row at a time.
fn convert_rows<R: Read, W: Write>(
    mut orders_csv: OrdersCsv<R>,
    writer: &mut DelimitedWriter<W>,
    skip_invalid: bool,
    summary: &mut Summary,
    report: &mut impl Report,
) -> Result<(), Failure> {
    // One message, refilled for every row: its Strings keep their capacity.
    let mut order = Order::default();
    while let Some(record) = orders_csv.next_record().map_err(Failure::Read)? {
        summary.read += 1;
        match record.validate_into(&mut order) {
            Ok(()) => writer.write(&order).map_err(Failure::Write)?,
            Err(problem) => {
                report.row_problem(record.line, &problem);
                if !skip_invalid {
                    return Err(Failure::InvalidInput);
                }
                summary.skipped += 1;
            }
        }
    }
    Ok(())
}
// ANCHOR_END: main_loop

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_reason_is_the_c_library_text() {
        let error = io::Error::from_raw_os_error(2);
        assert_eq!(os_reason(&error), "No such file or directory");
        assert_eq!(os_reason(&io::Error::other("custom")), "custom");
    }

    #[test]
    fn summary_line() {
        let summary = Summary {
            read: 3,
            written: 2,
            skipped: 1,
        };
        assert_eq!(summary.to_string(), "read 3 rows, wrote 2, skipped 1");
    }
}
