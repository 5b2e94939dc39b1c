"""Write Order messages as a length-delimited stream, into a file that appears atomically."""

import contextlib
import os
from collections.abc import Iterator
from typing import BinaryIO

from google.protobuf.message import Message

_BUFFER_SIZE = 1 << 16


class OutputError(Exception):
    """Writing the output failed; ``error`` is the ``OSError`` underneath."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


# ANCHOR: encode_varint
def encode_varint(value: int) -> bytes:
    """Encode a non-negative int as a protobuf varint: 7 bits per byte, low bits first,
    the high bit set on every byte but the last."""
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


# ANCHOR_END: encode_varint


# ANCHOR: delimited_writer
class DelimitedWriter:
    """Write each message prefixed by its length as a varint (the "delimited" format
    that Java's writeDelimitedTo and Rust's prost encode_length_delimited use)."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self.count = 0

    def write(self, message: Message) -> None:
        payload = message.SerializeToString()
        try:
            self._out.write(encode_varint(len(payload)))
            self._out.write(payload)
        except OSError as error:
            raise OutputError(error) from error
        self.count += 1

    def write_encoded(self, delimited: bytes) -> None:
        """Write one message that ``encode_delimited`` has already encoded (in a worker)."""
        try:
            self._out.write(delimited)
        except OSError as error:
            raise OutputError(error) from error
        self.count += 1


def encode_delimited(message: Message) -> bytes:
    """The message prefixed by its length as a varint, as ``DelimitedWriter.write`` writes it."""
    payload = message.SerializeToString()
    return encode_varint(len(payload)) + payload


# ANCHOR_END: delimited_writer


# ANCHOR: atomic_output
@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[BinaryIO]:
    """Yield a file to write ``path``'s new content into.

    The file is a temporary one beside ``path``. If the block finishes, it is
    flushed to disk and renamed to ``path``, in one step that readers cannot
    observe half-done; if the block raises, it is removed, leaving any old
    ``path`` as it was. OS errors are raised as ``OutputError``.
    """
    directory, name = os.path.split(path)
    temporary = os.path.join(directory, f".{name}.{os.getpid()}.tmp")
    try:
        file = open(temporary, "wb", buffering=_BUFFER_SIZE)  # noqa: SIM115 (closed below)
    except OSError as error:
        raise OutputError(error) from error
    try:
        with file:
            yield file
            try:
                file.flush()
                os.fsync(file.fileno())
            except OSError as error:
                raise OutputError(error) from error
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise OutputError(error) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


# ANCHOR_END: atomic_output
