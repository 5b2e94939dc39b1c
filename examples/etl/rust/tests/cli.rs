//! The `etl` binary end to end. tests/parity (at the repository root) also
//! checks that it matches the Python job byte for byte.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use etl::Order;
use prost::Message;

const HEADER: &str =
    "order_id,ordered_at,customer_email,country,sku,quantity,unit_price,currency\n";
const GOOD: &str = "A-1,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,3,12.50,GBP\n";
const BAD: &str = "A-2,2024-03-01T12:30:00Z,ann@example.com,de,SKU-1,0,12.50,GBP\n";

/// A fresh, empty directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "etl-cli-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, content: &str) {
        fs::write(self.0.join(name), content).unwrap();
    }

    /// Run `etl ARGS` in this directory.
    fn etl(&self, args: &[&str]) -> Output {
        self.etl_with_batches(args, None)
    }

    /// Run `etl ARGS` with `ETL_BATCH_ROWS` set, if given.
    fn etl_with_batches(&self, args: &[&str], batch_rows: Option<usize>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_etl"));
        command.args(args).current_dir(&self.0);
        command.env_remove("ETL_BATCH_ROWS");
        if let Some(rows) = batch_rows {
            command.env("ETL_BATCH_ROWS", rows.to_string());
        }
        command.output().unwrap()
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn read_orders(path: &Path) -> Vec<Order> {
    let data = fs::read(path).unwrap();
    let mut rest = &data[..];
    let mut orders = Vec::new();
    while !rest.is_empty() {
        orders.push(Order::decode_length_delimited(&mut rest).unwrap());
    }
    orders
}

#[test]
fn converts_a_valid_file() {
    let scratch = Scratch::new();
    scratch.write("in.csv", &format!("{HEADER}{GOOD}{GOOD}"));
    let output = scratch.etl(&["in.csv", "-o", "out.pb"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "read 2 rows, wrote 2, skipped 0\n");
    assert!(output.stdout.is_empty());
    let orders = read_orders(&scratch.path("out.pb"));
    assert_eq!(orders.len(), 2);
    assert_eq!(orders[0].order_id, "A-1");
    assert_eq!(orders[0].total_eur_cents, 4388);
}

#[test]
fn stops_at_the_first_invalid_row_and_leaves_no_output() {
    let scratch = Scratch::new();
    scratch.write("in.csv", &format!("{HEADER}{GOOD}{BAD}{GOOD}"));
    let output = scratch.etl(&["in.csv", "-o", "out.pb"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "in.csv:3: quantity: must be between 1 and 100000\nread 2 rows, wrote 0, skipped 0\n"
    );
    assert_eq!(scratch.files(), ["in.csv"]);
}

#[test]
fn keeps_an_existing_output_when_it_fails() {
    let scratch = Scratch::new();
    scratch.write("in.csv", &format!("{HEADER}{BAD}"));
    scratch.write("out.pb", "old");
    let output = scratch.etl(&["in.csv", "-o", "out.pb"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(fs::read_to_string(scratch.path("out.pb")).unwrap(), "old");
    assert_eq!(scratch.files(), ["in.csv", "out.pb"]);
}

#[test]
fn skips_invalid_rows_when_asked() {
    let scratch = Scratch::new();
    scratch.write("in.csv", &format!("{HEADER}{BAD}{GOOD}{BAD}"));
    let output = scratch.etl(&["in.csv", "-o", "out.pb", "--skip-invalid"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "in.csv:2: quantity: must be between 1 and 100000\n\
         in.csv:4: quantity: must be between 1 and 100000\n\
         read 3 rows, wrote 1, skipped 2\n"
    );
    assert_eq!(read_orders(&scratch.path("out.pb")).len(), 1);
}

#[test]
fn header_only_gives_an_empty_output() {
    let scratch = Scratch::new();
    scratch.write("in.csv", HEADER);
    let output = scratch.etl(&["in.csv", "-o", "out.pb"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "read 0 rows, wrote 0, skipped 0\n");
    assert_eq!(fs::read(scratch.path("out.pb")).unwrap(), b"");
}

#[test]
fn an_empty_file_is_an_error_even_when_skipping() {
    let scratch = Scratch::new();
    scratch.write("in.csv", "");
    let output = scratch.etl(&["in.csv", "-o", "out.pb", "--skip-invalid"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "in.csv:1: header: file is empty\nread 0 rows, wrote 0, skipped 0\n"
    );
    assert_eq!(scratch.files(), ["in.csv"]);
}

#[test]
fn reports_every_missing_column() {
    let scratch = Scratch::new();
    scratch.write(
        "in.csv",
        &HEADER.replace("sku,", "").replace(",currency", ""),
    );
    let output = scratch.etl(&["in.csv", "-o", "out.pb"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "in.csv:1: sku: missing column\nin.csv:1: currency: missing column\n\
         read 0 rows, wrote 0, skipped 0\n"
    );
}

#[test]
fn io_errors_exit_1() {
    let scratch = Scratch::new();
    let output = scratch.etl(&["nope.csv", "-o", "out.pb"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "nope.csv: cannot read: No such file or directory\nread 0 rows, wrote 0, skipped 0\n"
    );

    scratch.write("in.csv", &format!("{HEADER}{GOOD}"));
    let output = scratch.etl(&["in.csv", "-o", "missing/out.pb"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "missing/out.pb: cannot write: No such file or directory\n\
         read 0 rows, wrote 0, skipped 0\n"
    );

    let output = scratch.etl(&[".", "-o", "out.pb"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        ".: cannot read: Is a directory\nread 0 rows, wrote 0, skipped 0\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let scratch = Scratch::new();
    for args in [
        &[][..],
        &["in.csv"],
        &["in.csv", "-o"],
        &["in.csv", "-o", "x", "--nope"],
    ] {
        let output = scratch.etl(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).starts_with("error: "), "{args:?}");
    }
}

#[test]
fn prints_its_version() {
    let output = Scratch::new().etl(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, b"etl 1.0.0\n");
}

/// What a run shows: exit code, stderr, the output's bytes (if any), files left.
fn outcome(
    scratch: &Scratch,
    output: &Output,
) -> (Option<i32>, String, Option<Vec<u8>>, Vec<String>) {
    (
        output.status.code(),
        stderr(output),
        fs::read(scratch.path("out.pb")).ok(),
        scratch.files(),
    )
}

#[test]
fn any_number_of_workers_does_what_one_does() {
    // 40 rows in batches of 3: bad rows at a batch's first and last row, and
    // one deep in the file; a multi-line record, whose line numbers follow.
    let mut rows = Vec::new();
    for index in 0..40 {
        rows.push(match index {
            2 | 3 | 17 | 35 => BAD.to_owned(),
            9 => {
                "A-9,2024-03-01T12:30:00Z,ann@example.com,de,\"two\nlines\",3,1.00,EUR\n".to_owned()
            }
            _ => GOOD.replace("A-1", &format!("A-{index}")),
        });
    }
    let content = format!("{HEADER}{}", rows.concat());
    for flags in [&[][..], &["--skip-invalid"]] {
        let mut seen = Vec::new();
        for jobs in ["1", "2", "3"] {
            let scratch = Scratch::new();
            scratch.write("in.csv", &content);
            let mut args = vec!["in.csv", "-o", "out.pb", "--jobs", jobs];
            args.extend_from_slice(flags);
            let output = scratch.etl_with_batches(&args, Some(3));
            seen.push(outcome(&scratch, &output));
        }
        assert_eq!(
            seen[0], seen[1],
            "{flags:?}: --jobs 2 differs from --jobs 1"
        );
        assert_eq!(
            seen[0], seen[2],
            "{flags:?}: --jobs 3 differs from --jobs 1"
        );
    }
    // And what that is: the first bad row stops the job, or each one is reported.
    let scratch = Scratch::new();
    scratch.write("in.csv", &content);
    let output = scratch.etl_with_batches(&["in.csv", "-o", "out.pb", "-j", "2"], Some(3));
    assert_eq!(
        stderr(&output),
        "in.csv:4: quantity: must be between 1 and 100000\nread 3 rows, wrote 0, skipped 0\n"
    );
    let output = scratch.etl_with_batches(
        &["in.csv", "-o", "out.pb", "-j", "2", "--skip-invalid"],
        Some(3),
    );
    assert_eq!(
        stderr(&output),
        "in.csv:4: quantity: must be between 1 and 100000\n\
         in.csv:5: quantity: must be between 1 and 100000\n\
         in.csv:20: quantity: must be between 1 and 100000\n\
         in.csv:38: quantity: must be between 1 and 100000\n\
         read 40 rows, wrote 36, skipped 4\n"
    );
}

#[test]
fn refuses_bad_job_counts() {
    let scratch = Scratch::new();
    scratch.write("in.csv", &format!("{HEADER}{GOOD}"));
    for jobs in ["0", "abc", "257", "+2", ""] {
        let output = scratch.etl(&["in.csv", "-o", "out.pb", "--jobs", jobs]);
        assert_eq!(output.status.code(), Some(2), "{jobs}");
        assert!(output.stdout.is_empty());
        let message = stderr(&output);
        assert!(message.contains("--jobs"), "{jobs}: {message}");
        assert!(
            message.contains("must be a whole number from 1 to 256"),
            "{jobs}: {message}"
        );
        assert_eq!(scratch.files(), ["in.csv"]);
    }
}
