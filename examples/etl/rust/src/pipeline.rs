//! `--jobs N`: read records in batches, validate and encode them on N worker
//! threads, write them in input order.
//!
//! Three kinds of threads, joined by channels:
//!
//! ```text
//!            batch 0, N, 2N, ...    ┌──────────┐
//!          ┌──────────────────────▶ │ worker 0 │ ───────┐
//! ┌────────┴─┐                      └──────────┘        ▼
//! │  reader  │        ...               ...       ┌──────────┐
//! └────────┬─┘                      ┌──────────┐  │  writer  │
//!     ▲    └──────────────────────▶ │ worker N │─▶│ (caller) │
//!     │      batch N-1, 2N-1, ...   └──────────┘  └────┬─────┘
//!     └──────────────── empty batches, recycled ───────┘
//! ```
//!
//! The reader deals batches to the workers in turn, and the writer collects
//! them in the same turn, so they come back in input order without sorting.
//! The writer does exactly what the sequential loop does with each row, in
//! the same order: count it, write its message or report it, stop at the
//! first invalid row unless skipping. So the output, the messages and the
//! summary are the same for any number of workers. A fixed number of batches
//! circulates, which bounds the memory whatever the input's size.

use std::io::{self, Read, Write};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use csv::StringRecord;

use crate::Order;
use crate::input::{Header, OrdersCsv, RecordStart};
use crate::job::{Failure, Options, Report, Summary};
use crate::row::RowError;
use crate::writer::{DelimitedWriter, encode_delimited};

/// Batches in circulation per worker: enough for each worker to have one
/// queued while the writer writes another and the reader fills a third.
const BATCHES_PER_WORKER: usize = 4;

// ANCHOR: batch
/// Up to `batch_rows` records on their way from the reader, through a
/// worker, to the writer; then back to the reader, empty, to be filled again,
/// so that its buffers are allocated once per run, not once per row.
#[derive(Default)]
struct Batch {
    /// Record buffers: the first `starts.len()` hold this batch's records.
    records: Vec<StringRecord>,
    /// Each record's line and UTF-8 check, from the reader.
    starts: Vec<RecordStart>,
    /// Why reading stopped after these records, if it failed.
    read_error: Option<io::Error>,
    /// From the worker: the valid rows' messages, length-delimited, back to back,
    encoded: Vec<u8>,
    /// and for each record, where its message ends in `encoded` or why it is invalid.
    outcomes: Vec<Result<usize, RowError>>,
}
// ANCHOR_END: batch

// ANCHOR: parallel_pipeline
/// Convert the rows of `orders_csv` on `options.jobs` worker threads.
pub fn convert_rows<R: Read + Send, W: Write>(
    orders_csv: OrdersCsv<R>,
    writer: &mut DelimitedWriter<W>,
    options: &Options,
    summary: &mut Summary,
    report: &mut impl Report,
) -> Result<(), Failure> {
    let header = orders_csv.header().clone();
    let jobs = options.jobs.get();
    // Scoped threads may borrow `header`; all are joined before this returns.
    thread::scope(|scope| {
        let (recycle, recycled) = mpsc::channel();
        let mut to_workers = Vec::with_capacity(jobs);
        let mut from_workers = Vec::with_capacity(jobs);
        for _ in 0..jobs {
            let (to_worker, batches) = mpsc::channel::<Batch>();
            let (done, from_worker) = mpsc::channel::<Batch>();
            let header = &header;
            scope.spawn(move || {
                // Each worker refills its own reused message.
                let mut order = Order::default();
                for mut batch in batches {
                    encode_batch(&mut batch, header, &mut order);
                    if done.send(batch).is_err() {
                        break; // the writer has stopped
                    }
                }
            });
            to_workers.push(to_worker);
            from_workers.push(from_worker);
        }
        let batch_rows = options.batch_rows.get();
        scope.spawn(move || {
            read_batches(
                orders_csv,
                &to_workers,
                &recycled,
                batch_rows,
                BATCHES_PER_WORKER * jobs,
            );
        });
        // When this returns, early or not, it drops its ends of the channels:
        // the reader and the workers see that and stop.
        write_batches(&from_workers, &recycle, writer, options, summary, report)
    })
}
// ANCHOR_END: parallel_pipeline

// ANCHOR: read_batches
/// The reader thread: fill batches and deal them to the workers in turn.
fn read_batches<R: Read>(
    mut orders_csv: OrdersCsv<R>,
    workers: &[Sender<Batch>],
    recycled: &Receiver<Batch>,
    batch_rows: usize,
    max_batches: usize,
) {
    let mut made = 0;
    for worker in workers.iter().cycle() {
        // An empty batch back from the writer, or a new one while there are
        // fewer than `max_batches`, or else wait for the writer to return one.
        let mut batch = match recycled.try_recv() {
            Ok(batch) => batch,
            Err(TryRecvError::Empty) if made < max_batches => {
                made += 1;
                Batch::default()
            }
            Err(TryRecvError::Empty) => match recycled.recv() {
                Ok(batch) => batch,
                Err(_) => return, // the writer has stopped
            },
            Err(TryRecvError::Disconnected) => return,
        };
        let more = fill_batch(&mut batch, &mut orders_csv, batch_rows);
        if worker.send(batch).is_err() || !more {
            return; // a worker has stopped, or the input is read
        }
    }
}

/// Read up to `rows` records into `batch`; false once there is nothing more
/// to read (the end of the input, or an error, kept in the batch).
fn fill_batch<R: Read>(batch: &mut Batch, orders_csv: &mut OrdersCsv<R>, rows: usize) -> bool {
    batch.starts.clear();
    batch.read_error = None;
    while batch.starts.len() < rows {
        let index = batch.starts.len();
        if index == batch.records.len() {
            batch.records.push(StringRecord::new());
        }
        match orders_csv.read_into(&mut batch.records[index]) {
            Ok(Some(start)) => batch.starts.push(start),
            Ok(None) => return false,
            Err(error) => {
                batch.read_error = Some(error);
                return false;
            }
        }
    }
    true
}
// ANCHOR_END: read_batches

// ANCHOR: encode_batch
/// A worker's job: validate each record of the batch and encode the valid ones.
fn encode_batch(batch: &mut Batch, header: &Header, order: &mut Order) {
    batch.encoded.clear();
    batch.outcomes.clear();
    for (start, fields) in batch.starts.iter().zip(&batch.records) {
        let record = header.record(start.clone(), fields);
        let outcome = record.validate_into(order).map(|()| {
            encode_delimited(order, &mut batch.encoded);
            batch.encoded.len()
        });
        batch.outcomes.push(outcome);
    }
}
// ANCHOR_END: encode_batch

// ANCHOR: write_batches
/// The writer, on the caller's thread: take the batches back in the order
/// they were dealt, and handle each row exactly as the sequential loop does.
fn write_batches<W: Write>(
    workers: &[Receiver<Batch>],
    recycle: &Sender<Batch>,
    writer: &mut DelimitedWriter<W>,
    options: &Options,
    summary: &mut Summary,
    report: &mut impl Report,
) -> Result<(), Failure> {
    for worker in workers.iter().cycle() {
        let Ok(mut batch) = worker.recv() else {
            // This worker will get no more batches: the reader is done, and
            // every batch it read has been written.
            return Ok(());
        };
        let mut message_start = 0;
        for (start, outcome) in batch.starts.iter().zip(&batch.outcomes) {
            summary.read += 1;
            match outcome {
                Ok(message_end) => {
                    let message = &batch.encoded[message_start..*message_end];
                    writer.write_encoded(message).map_err(Failure::Write)?;
                    message_start = *message_end;
                }
                Err(problem) => {
                    report.row_problem(start.line, problem);
                    if !options.skip_invalid {
                        return Err(Failure::InvalidInput);
                    }
                    summary.skipped += 1;
                }
            }
        }
        if let Some(error) = batch.read_error.take() {
            return Err(Failure::Read(error));
        }
        // The reader may have finished already; then the batch is just dropped.
        let _ = recycle.send(batch);
    }
    Ok(()) // only without workers: with any, the loop above returns
}
// ANCHOR_END: write_batches
