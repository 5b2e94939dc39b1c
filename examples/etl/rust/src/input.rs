//! Read the orders CSV: the header, then records with the physical line each starts on.

use std::collections::VecDeque;
use std::fmt;
use std::io::{self, Read};

use csv::StringRecord;

use crate::Order;
use crate::row::{Columns, REQUIRED_COLUMNS, RawRow, RowError};

const BUFFER_CAPACITY: usize = 1 << 16;

// ANCHOR: line_breaks
/// A reader that remembers where the line breaks are in what it has read, so
/// that a record's starting line can be found from its byte offset.
///
/// csv's own `Position::line` is not enough: a record's position is taken
/// where the previous record ended, before the blank lines (and the LF of a
/// CRLF) in between are skipped. The contract wants the line where the
/// record's first byte is, counting LF characters, as `grep -n` does.
pub struct LineBreaks<R> {
    inner: R,
    /// Bytes read from `inner` so far.
    offset: u64,
    /// CR and LF bytes at or after the last offset asked about: (offset, byte).
    pending: VecDeque<(u64, u8)>,
    /// LF bytes before the last offset asked about.
    line_feeds_before: u64,
}

impl<R> LineBreaks<R> {
    pub fn new(inner: R) -> Self {
        LineBreaks {
            inner,
            offset: 0,
            pending: VecDeque::new(),
            line_feeds_before: 0,
        }
    }

    /// The line (from 1) of the first byte at or after `offset` that is not a
    /// CR or LF: where a record that csv says starts at `offset` really starts.
    /// `offset` must not decrease from one call to the next.
    pub fn line_at(&mut self, offset: u64) -> u64 {
        while let Some(&(at, byte)) = self.pending.front()
            && at < offset
        {
            self.line_feeds_before += u64::from(byte == b'\n');
            self.pending.pop_front();
        }
        // Skip the run of CR and LF bytes starting exactly at `offset`.
        let mut line = self.line_feeds_before + 1;
        for (expected, &(at, byte)) in (offset..).zip(&self.pending) {
            if at != expected {
                break;
            }
            line += u64::from(byte == b'\n');
        }
        line
    }
}

impl<R: Read> Read for LineBreaks<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        // memchr finds the (few) line breaks many bytes at a time.
        for index in memchr::memchr2_iter(b'\n', b'\r', &buf[..read]) {
            self.pending
                .push_back((self.offset + index as u64, buf[index]));
        }
        self.offset += read as u64;
        Ok(read)
    }
}
// ANCHOR_END: line_breaks

// ANCHOR: header_problems
/// A problem with the header row. `Display` gives `SUBJECT: reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderProblem {
    /// No header: the file is empty, or has only a BOM and blank lines.
    Empty,
    NotUtf8,
    MissingColumn(&'static str),
    DuplicateColumn(&'static str),
}

impl fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderProblem::Empty => f.write_str("header: file is empty"),
            HeaderProblem::NotUtf8 => f.write_str("header: must be valid UTF-8"),
            HeaderProblem::MissingColumn(column) => write!(f, "{column}: missing column"),
            HeaderProblem::DuplicateColumn(column) => write!(f, "{column}: duplicate column"),
        }
    }
}

/// Why the input could not be opened for reading records.
#[derive(Debug)]
pub enum OpenError {
    Io(io::Error),
    /// The header's line and every problem found in it, in schema order.
    Header {
        line: u64,
        problems: Vec<HeaderProblem>,
    },
}

impl From<io::Error> for OpenError {
    fn from(error: io::Error) -> Self {
        OpenError::Io(error)
    }
}

/// Where each required column is, or every one that is missing or repeated,
/// in schema order.
fn locate_columns(names: &StringRecord) -> Result<Columns, Vec<HeaderProblem>> {
    let mut positions = [0; REQUIRED_COLUMNS.len()];
    let mut problems = Vec::new();
    for (position, column) in positions.iter_mut().zip(REQUIRED_COLUMNS) {
        let mut found = names.iter().enumerate().filter(|&(_, name)| name == column);
        match (found.next(), found.next()) {
            (Some((index, _)), None) => *position = index,
            (None, _) => problems.push(HeaderProblem::MissingColumn(column)),
            (Some(_), Some(_)) => problems.push(HeaderProblem::DuplicateColumn(column)),
        }
    }
    if problems.is_empty() {
        Ok(Columns(positions))
    } else {
        Err(problems)
    }
}
// ANCHOR_END: header_problems

// ANCHOR: orders_csv
/// The orders CSV file being read: its header, then one record at a time.
pub struct OrdersCsv<R> {
    reader: csv::Reader<LineBreaks<R>>,
    header: Header,
    /// Reused for every record, so that reading allocates nothing per row.
    record: StringRecord,
}

/// What the header says: the column names and where the required ones are.
#[derive(Clone, Debug)]
pub struct Header {
    /// Header names, trimmed of ASCII whitespace.
    names: StringRecord,
    /// Where the required columns are among `names`.
    columns: Columns,
}

/// Where a record starts, and whether its bytes were UTF-8: what reading it
/// found out, apart from its fields.
#[derive(Clone, Debug)]
pub struct RecordStart {
    /// The physical line the record starts on (the header is line 1).
    pub line: u64,
    /// `Err` names the first field, in file order, that is not UTF-8.
    pub utf8: Result<(), RowError>,
}

/// One record with its header, ready to be checked.
pub struct Record<'a> {
    /// The physical line the record starts on (the header is line 1).
    pub line: u64,
    fields: Result<&'a StringRecord, RowError>,
    header: &'a Header,
}

impl<R: Read> OrdersCsv<R> {
    /// Read and check the header.
    pub fn new(input: R) -> Result<Self, OpenError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false) // we read the header ourselves, as a record
            .flexible(true) // a wrong field count is a row error, not a csv error
            .buffer_capacity(BUFFER_CAPACITY)
            .from_reader(LineBreaks::new(input));
        let mut header = csv::ByteRecord::new();
        let found = reader
            .read_byte_record(&mut header)
            .map_err(into_io_error)?;
        if !found {
            return Err(OpenError::Header {
                line: 1,
                problems: vec![HeaderProblem::Empty],
            });
        }
        let line = line_of(&mut reader, header.position());
        let Ok(header) = StringRecord::from_byte_record(header) else {
            return Err(OpenError::Header {
                line,
                problems: vec![HeaderProblem::NotUtf8],
            });
        };
        let names: StringRecord = header.iter().map(str::trim_ascii).collect();
        let columns =
            locate_columns(&names).map_err(|problems| OpenError::Header { line, problems })?;
        Ok(OrdersCsv {
            reader,
            header: Header { names, columns },
            record: StringRecord::new(),
        })
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Read the next record that is not a blank line; `None` at the end.
    pub fn next_record(&mut self) -> io::Result<Option<Record<'_>>> {
        let start = read_record(&mut self.reader, &self.header, &mut self.record)?;
        Ok(start.map(|start| self.header.record(start, &self.record)))
    }

    /// Read the next record that is not a blank line into `record`, a buffer
    /// of the caller's (the parallel pipeline keeps many); `None` at the end.
    pub fn read_into(&mut self, record: &mut StringRecord) -> io::Result<Option<RecordStart>> {
        read_record(&mut self.reader, &self.header, record)
    }
}

fn read_record<R: Read>(
    reader: &mut csv::Reader<LineBreaks<R>>,
    header: &Header,
    record: &mut StringRecord,
) -> io::Result<Option<RecordStart>> {
    let (position, utf8) = match reader.read_record(record) {
        Ok(false) => return Ok(None),
        Ok(true) => (record.position().cloned(), Ok(())),
        // A field that is not UTF-8 makes this record invalid, not the file.
        Err(error) => match error.kind() {
            csv::ErrorKind::Utf8 { pos, err } => {
                let column = header.names.get(err.field()).unwrap_or("record");
                let column = column.to_owned();
                (pos.clone(), Err(RowError::NotUtf8 { column }))
            }
            _ => return Err(into_io_error(error)),
        },
    };
    let line = line_of(reader, position.as_ref());
    Ok(Some(RecordStart { line, utf8 }))
}

impl Header {
    /// The record read into `fields`, as `start` describes it.
    pub fn record<'a>(&'a self, start: RecordStart, fields: &'a StringRecord) -> Record<'a> {
        Record {
            line: start.line,
            fields: start.utf8.map(|()| fields),
            header: self,
        }
    }
}
// ANCHOR_END: orders_csv

// ANCHOR: check_record
impl Record<'_> {
    /// Check the record's shape, then validate its fields into `order`.
    ///
    /// Checked in this order: every field is valid UTF-8 (the first bad one
    /// in file order is named), there is one field per header column, then
    /// the required columns in schema order (`RawRow::validate_into`).
    pub fn validate_into(&self, order: &mut Order) -> Result<(), RowError> {
        let fields = self.fields.as_ref().map_err(RowError::clone)?;
        let names = &self.header.names;
        if fields.len() != names.len() {
            return Err(RowError::FieldCount {
                expected: names.len(),
                found: fields.len(),
            });
        }
        RawRow::from_record(fields, &self.header.columns).validate_into(order)
    }
}
// ANCHOR_END: check_record

fn line_of<R: Read>(
    reader: &mut csv::Reader<LineBreaks<R>>,
    position: Option<&csv::Position>,
) -> u64 {
    let offset = position.map_or(0, csv::Position::byte);
    reader.get_mut().line_at(offset)
}

/// Errors other than I/O and UTF-8 cannot happen with this reader's settings
/// (`flexible` turns off the field count check).
fn into_io_error(error: csv::Error) -> io::Error {
    // The message as a reader reads it (Display), not the error's Debug form.
    let message = error.to_string();
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        _ => io::Error::other(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "order_id,ordered_at,customer_email,country,sku,quantity,unit_price,currency";

    /// Each record's line and its first field (or its error).
    fn lines(data: &[u8]) -> Vec<(u64, String)> {
        let mut orders_csv = OrdersCsv::new(data).expect("valid header");
        let mut seen = Vec::new();
        while let Some(record) = orders_csv.next_record().unwrap() {
            let first = match &record.fields {
                Ok(fields) => fields[0].to_owned(),
                Err(error) => error.to_string(),
            };
            seen.push((record.line, first));
        }
        seen
    }

    fn header_error(data: &[u8]) -> (u64, Vec<String>) {
        match OrdersCsv::new(data) {
            Err(OpenError::Header { line, problems }) => {
                (line, problems.iter().map(ToString::to_string).collect())
            }
            _ => panic!("expected a header error"),
        }
    }

    #[test]
    fn counts_lines_by_line_feeds_where_each_record_starts() {
        let data = format!("{HEADER}\r\n\r\n\"multi\nline\",x\n\n\nlast\r\nfinal");
        assert_eq!(
            lines(data.as_bytes()),
            [
                (3, "multi\nline".to_owned()),
                (7, "last".to_owned()),
                (8, "final".to_owned())
            ]
        );
    }

    #[test]
    fn a_lone_carriage_return_ends_a_record_but_not_a_line() {
        let data = format!("{HEADER}\ra\rb\nc");
        let seen: Vec<u64> = lines(data.as_bytes())
            .into_iter()
            .map(|(line, _)| line)
            .collect();
        assert_eq!(seen, [1, 1, 2]);
    }

    #[test]
    fn names_the_first_column_that_is_not_utf8() {
        let mut bytes = format!("{HEADER},note\n\nA,b,c,d,e,f,g,h,").into_bytes();
        bytes.extend_from_slice(b"\xff\n"); // a str cannot hold invalid UTF-8
        assert_eq!(lines(&bytes), [(3, "note: must be valid UTF-8".to_owned())]);
    }

    #[test]
    fn strips_a_bom_and_trims_header_names() {
        let data = format!("\u{feff} {}\t\n", HEADER.replace(',', " , "));
        assert!(OrdersCsv::new(data.as_bytes()).is_ok());
    }

    #[test]
    fn reports_header_problems() {
        assert_eq!(
            header_error(b"\xef\xbb\xbf\n\r\n"),
            (1, vec!["header: file is empty".to_owned()])
        );
        assert_eq!(
            header_error(b"\n\norder_id,\xff\n"),
            (3, vec!["header: must be valid UTF-8".to_owned()])
        );
        let (line, problems) = header_error(b"sku,currency,order_id,sku,extra,extra\n");
        assert_eq!(line, 1);
        assert_eq!(
            problems,
            [
                "ordered_at: missing column",
                "customer_email: missing column",
                "country: missing column",
                "sku: duplicate column",
                "quantity: missing column",
                "unit_price: missing column",
            ]
        );
    }

    #[test]
    fn checks_utf8_then_field_count_then_columns() {
        let data =
            format!("{HEADER}\nA,b\nA,2024-03-01T12:30:00Z,ann@example.com,de,S,3,1.00,EUR\n");
        let mut orders_csv = OrdersCsv::new(data.as_bytes()).unwrap();
        let mut order = Order::default();
        let short = orders_csv.next_record().unwrap().unwrap();
        assert_eq!(
            short.validate_into(&mut order).unwrap_err().to_string(),
            "record: must have 8 fields like the header, found 2"
        );
        let good = orders_csv.next_record().unwrap().unwrap();
        assert_eq!(good.line, 3);
        good.validate_into(&mut order).unwrap();
        assert_eq!(order.total_eur_cents, 300);
    }
}
