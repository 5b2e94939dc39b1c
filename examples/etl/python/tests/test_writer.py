import io
import os
from pathlib import Path

import pytest

from etl.order_pb2 import Order
from etl.writer import DelimitedWriter, OutputError, atomic_output, encode_varint

from delimited import read_delimited


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        (0, b"\x00"),
        (1, b"\x01"),
        (127, b"\x7f"),
        (128, b"\x80\x01"),
        (300, b"\xac\x02"),
        (16_383, b"\xff\x7f"),
        (16_384, b"\x80\x80\x01"),
    ],
)
def test_encode_varint(value: int, encoded: bytes) -> None:
    assert encode_varint(value) == encoded


def test_delimited_round_trip() -> None:
    orders = [Order(order_id="A-1", quantity=3), Order(), Order(sku="x" * 300)]
    buffer = io.BytesIO()
    writer = DelimitedWriter(buffer)
    for order in orders:
        writer.write(order)
    assert writer.count == 3
    assert buffer.getvalue()[:2] == b"\x07\x0a"  # 7 bytes follow; field 1, wire type 2
    assert read_delimited(buffer.getvalue()) == orders


def test_atomic_output_renames_on_success(tmp_path: Path) -> None:
    target = tmp_path / "orders.pb"
    with atomic_output(str(target)) as out:
        out.write(b"new")
        assert not target.exists()
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["orders.pb"]


def test_atomic_output_keeps_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "orders.pb"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(str(target)) as out:
        out.write(b"half")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["orders.pb"]


def test_atomic_output_reports_os_errors(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as raised, atomic_output(str(tmp_path / "no" / "x.pb")):
        pass
    assert isinstance(raised.value.error, FileNotFoundError)
