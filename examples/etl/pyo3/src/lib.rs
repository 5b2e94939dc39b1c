//! `etl_rust`: the Rust core of the orders job as a Python extension module,
//! for `etl-py --engine rust`.
//!
//! Python calls `convert` with the paths and options it parsed; the whole job
//! (reading, validation, encoding, the atomic output file) runs in Rust,
//! without the GIL. Python keeps what it owns: the command line, stderr, the
//! summary line and the exit code. Problems come back in the contract's
//! words, `PATH:LINE: SUBJECT: reason`: a skipped row through the callback
//! `on_skipped`, anything that stops the job as an exception.

use std::ffi::OsString;
use std::fmt::Display;
use std::io;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use etl::input::HeaderProblem;
use etl::job::{self, Failure, Options, Report, Summary, os_reason};
use etl::row::RowError;

// ANCHOR: pyo3_exceptions
create_exception!(
    etl_rust,
    InvalidInput,
    PyException,
    "The input breaks the contract: `messages` are the lines to print, `summary` (read, written, skipped)."
);
create_exception!(
    etl_rust,
    ReadError,
    PyOSError,
    "The input could not be read; `errno` and `strerror` say why, `summary` what was done."
);
create_exception!(
    etl_rust,
    WriteError,
    PyOSError,
    "The output could not be written; `errno` and `strerror` say why, `summary` what was done."
);
// ANCHOR_END: pyo3_exceptions

// ANCHOR: pyo3_report
/// Where the Rust job's problems go when Python called it.
struct PythonReport<'a> {
    input: &'a Path,
    skip_invalid: bool,
    /// Called with the message of each skipped row, as it is found.
    on_skipped: Py<PyAny>,
    /// The messages of what stops the job: the header's problems, or the one invalid row.
    fatal: Vec<OsString>,
    /// The first exception `on_skipped` raised, raised again when the job is done.
    callback_error: Option<PyErr>,
}

impl PythonReport<'_> {
    /// `PATH:LINE: SUBJECT: reason`, with the path as Python gave it (an
    /// `OsString`, so that a path that is not UTF-8 comes back unchanged).
    fn message(&self, line: u64, problem: &impl Display) -> OsString {
        let mut message = self.input.as_os_str().to_owned();
        message.push(format!(":{line}: {problem}"));
        message
    }
}

impl Report for PythonReport<'_> {
    fn header_problem(&mut self, line: u64, problem: &HeaderProblem) {
        let message = self.message(line, problem);
        self.fatal.push(message);
    }

    fn row_problem(&mut self, line: u64, problem: &RowError) {
        let message = self.message(line, problem);
        if !self.skip_invalid {
            self.fatal.push(message);
            return;
        }
        // The job runs without the GIL; take it back just for this call.
        Python::attach(|py| {
            if let Err(error) = self.on_skipped.call1(py, (message,))
                && self.callback_error.is_none()
            {
                self.callback_error = Some(error);
            }
        });
    }
}
// ANCHOR_END: pyo3_report

// ANCHOR: pyo3_convert
/// convert(input, output, *, skip_invalid, jobs, on_skipped) -> (read, written, skipped)
///
/// Convert the orders CSV `input` into `output` as the command line `etl`
/// does, on `jobs` threads. Raises `InvalidInput`, `ReadError` or
/// `WriteError` when the job stops; each carries `summary`.
#[pyfunction]
#[pyo3(signature = (input, output, *, skip_invalid, jobs, on_skipped))]
fn convert(
    py: Python<'_>,
    input: PathBuf,
    output: PathBuf,
    skip_invalid: bool,
    jobs: usize,
    on_skipped: Py<PyAny>,
) -> PyResult<(u64, u64, u64)> {
    let jobs =
        NonZeroUsize::new(jobs).ok_or_else(|| PyValueError::new_err("jobs must be 1 or more"))?;
    let options = Options::new(skip_invalid, jobs);
    let mut report = PythonReport {
        input: &input,
        skip_invalid,
        on_skipped,
        fatal: Vec::new(),
        callback_error: None,
    };
    let mut summary = Summary::default();
    // Release the GIL while Rust works: other Python threads run meanwhile.
    let result = py.detach(|| job::convert(&input, &output, &options, &mut summary, &mut report));
    if let Some(error) = report.callback_error {
        return Err(error);
    }
    let counts = (summary.read, summary.written, summary.skipped);
    let error = match result {
        Ok(()) => return Ok(counts),
        Err(Failure::InvalidInput) => {
            let error = InvalidInput::new_err(join_lines(py, &report.fatal)?.unbind());
            error.value(py).setattr("messages", report.fatal)?;
            error
        }
        Err(Failure::Read(error)) => os_error::<ReadError>(&error),
        Err(Failure::Write(error)) => os_error::<WriteError>(&error),
    };
    error.value(py).setattr("summary", counts)?;
    Err(error)
}
// ANCHOR_END: pyo3_convert

/// An `OSError` subclass with `errno` and `strerror` set, as Python's own
/// `OSError(errno, strerror)`; just the text for errors the OS did not give.
fn os_error<T: pyo3::PyTypeInfo>(error: &io::Error) -> PyErr {
    match error.raw_os_error() {
        Some(errno) => PyErr::new::<T, _>((errno, os_reason(error))),
        None => PyErr::new::<T, _>(os_reason(error)),
    }
}

/// The messages as one Python string, one per line.
fn join_lines<'py>(py: Python<'py>, messages: &[OsString]) -> PyResult<Bound<'py, PyAny>> {
    PyString::new(py, "\n").call_method1("join", (messages,))
}

// ANCHOR: pyo3_module
/// The orders ETL job's Rust core (etl-py --engine rust).
#[pymodule]
mod etl_rust {
    #[pymodule_export]
    use super::{InvalidInput, ReadError, WriteError, convert};
}
// ANCHOR_END: pyo3_module
