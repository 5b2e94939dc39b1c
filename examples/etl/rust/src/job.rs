//! The job: read the CSV, validate each row, write the orders, report what happened.

use std::fmt::{self, Display};
use std::fs::File;
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::ExitCode;

use crate::Order;
use crate::input::{OpenError, OrdersCsv};
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

// ANCHOR: reporter
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
            path.as_os_str().as_bytes(),
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

/// The C library's text for an OS error ("No such file or directory"), as
/// Python's `os.strerror` gives it: Rust's `Display` adds " (os error 2)".
fn os_reason(error: &io::Error) -> String {
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

/// How the conversion stopped early.
enum Failure {
    /// Already reported: an invalid header, or an invalid row without `--skip-invalid`.
    InvalidInput,
    Read(io::Error),
    Write(io::Error),
}

// ANCHOR: run
/// Run the job; print problems and the summary line to `stderr`; return the exit status.
pub fn run(input: &Path, output: &Path, skip_invalid: bool, stderr: impl Write) -> Status {
    let mut summary = Summary::default();
    let mut reporter = Reporter {
        path: input.as_os_str().as_bytes(),
        stderr,
    };
    let status = match convert(input, output, skip_invalid, &mut summary, &mut reporter) {
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
fn convert(
    input: &Path,
    output: &Path,
    skip_invalid: bool,
    summary: &mut Summary,
    reporter: &mut Reporter<'_, impl Write>,
) -> Result<(), Failure> {
    let file = File::open(input).map_err(Failure::Read)?;
    let mut orders_csv = match OrdersCsv::new(file) {
        Ok(orders_csv) => orders_csv,
        Err(OpenError::Io(error)) => return Err(Failure::Read(error)),
        Err(OpenError::Header { line, problems }) => {
            for problem in &problems {
                reporter.problem(line, problem);
            }
            return Err(Failure::InvalidInput);
        }
    };

    let mut writer = DelimitedWriter::new(AtomicFile::create(output).map_err(Failure::Write)?);
    // One message, refilled for every row: its Strings keep their capacity.
    let mut order = Order::default();
    while let Some(record) = orders_csv.next_record().map_err(Failure::Read)? {
        summary.read += 1;
        match record.validate_into(&mut order) {
            Ok(()) => writer.write(&order).map_err(Failure::Write)?,
            Err(problem) => {
                reporter.problem(record.line, &problem);
                if !skip_invalid {
                    // Returning drops `writer`, and with it the temporary file.
                    return Err(Failure::InvalidInput);
                }
                summary.skipped += 1;
            }
        }
    }
    let written = writer.count();
    writer.into_inner().commit().map_err(Failure::Write)?;
    // Only now is the output file in place.
    summary.written = written;
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
