//! Write Order messages as a length-delimited stream, into a file that appears atomically.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use prost::Message;

const BUFFER_CAPACITY: usize = 1 << 16;

// ANCHOR: delimited_writer
/// Writes each message prefixed by its length as a varint: the "delimited"
/// format of Java's `writeDelimitedTo`, which prost calls `encode_length_delimited`.
pub struct DelimitedWriter<W> {
    out: W,
    /// Reused for every message, so that encoding allocates nothing per row.
    buffer: Vec<u8>,
    count: u64,
}

impl<W: Write> DelimitedWriter<W> {
    pub fn new(out: W) -> Self {
        DelimitedWriter {
            out,
            buffer: Vec::new(),
            count: 0,
        }
    }

    pub fn write(&mut self, message: &impl Message) -> io::Result<()> {
        self.buffer.clear();
        encode_delimited(message, &mut self.buffer);
        self.out.write_all(&self.buffer)?;
        self.count += 1;
        Ok(())
    }

    /// Write one message that `encode_delimited` has already encoded (on a
    /// worker thread, in the parallel pipeline).
    pub fn write_encoded(&mut self, delimited: &[u8]) -> io::Result<()> {
        self.out.write_all(delimited)?;
        self.count += 1;
        Ok(())
    }

    /// How many messages were written.
    pub fn count(&self) -> u64 {
        self.count
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}
/// Append `message` to `buffer`, prefixed by its length as a varint.
pub fn encode_delimited(message: &impl Message, buffer: &mut Vec<u8>) {
    message
        .encode_length_delimited(buffer)
        .expect("encoding fails only when the buffer is full, and a Vec grows");
}
// ANCHOR_END: delimited_writer

// ANCHOR: atomic_output
/// A buffered file that appears at `path` only when `commit` succeeds.
///
/// It writes to a temporary file beside `path`; `commit` flushes it to disk
/// and renames it to `path`, in one step that readers cannot observe
/// half-done. Dropped without a successful commit (an error, a `?`), it
/// removes the temporary file, leaving any old `path` as it was.
pub struct AtomicFile {
    file: BufWriter<File>,
    temporary: PathBuf,
    path: PathBuf,
    committed: bool,
}

impl AtomicFile {
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let temporary = temporary_path(path);
        let file = File::create(&temporary)?;
        Ok(AtomicFile {
            file: BufWriter::with_capacity(BUFFER_CAPACITY, file),
            temporary,
            path: path.to_owned(),
            committed: false,
        })
    }

    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.get_ref().sync_all()?;
        fs::rename(&self.temporary, &self.path)?;
        self.committed = true;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temporary);
        }
    }
}

/// `dir/.name.PID.tmp` for `dir/name`: hidden, unique per process, and in the
/// same directory (so on the same file system, which `rename` needs). Split
/// at the last `/` like Python's `os.path.split`, so that both jobs pick the
/// same file even for odd paths such as `out/`.
#[cfg(unix)]
fn temporary_path(path: &Path) -> PathBuf {
    use std::ffi::OsString;
    use std::os::unix::ffi::{OsStrExt, OsStringExt};

    let bytes = path.as_os_str().as_bytes();
    let name_start = bytes
        .iter()
        .rposition(|&b| b == b'/')
        .map_or(0, |slash| slash + 1);
    let (directory, name) = bytes.split_at(name_start);
    let mut temporary = directory.to_vec();
    temporary.push(b'.');
    temporary.extend_from_slice(name);
    temporary.extend_from_slice(format!(".{}.tmp", std::process::id()).as_bytes());
    PathBuf::from(OsString::from_vec(temporary))
}
// ANCHOR_END: atomic_output

/// The same name where paths are not byte strings (Windows): built with
/// `Path`'s own split, which differs from `os.path.split` only for a path
/// that ends in a separator.
#[cfg(not(unix))]
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Order;

    #[test]
    fn writes_length_prefixed_messages() {
        let mut writer = DelimitedWriter::new(Vec::new());
        let order = Order {
            order_id: "A-1".into(),
            quantity: 3,
            ..Order::default()
        };
        writer.write(&order).unwrap();
        writer.write(&Order::default()).unwrap();
        assert_eq!(writer.count(), 2);
        // 7 bytes follow: field 1 (wire type 2) "A-1", field 6 = 3; then an empty message.
        assert_eq!(writer.into_inner(), b"\x07\x0a\x03A-1\x30\x03\x00".to_vec());
    }

    #[test]
    fn temporary_path_is_hidden_beside_the_target() {
        let pid = std::process::id();
        assert_eq!(
            temporary_path(Path::new("out/orders.pb")),
            PathBuf::from(format!("out/.orders.pb.{pid}.tmp"))
        );
        assert_eq!(
            temporary_path(Path::new("orders.pb")),
            PathBuf::from(format!(".orders.pb.{pid}.tmp"))
        );
    }
}
