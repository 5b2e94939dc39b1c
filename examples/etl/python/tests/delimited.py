"""Read back a length-delimited stream of Order messages, independently of both jobs'
writers: used by these tests and by the parity suite (``tests/parity``, whose
``pytest.ini`` puts this folder on its path)."""

from etl.order_pb2 import Order


def read_delimited(data: bytes) -> list[Order]:
    """Decode a length-delimited stream: each message prefixed by its length as a varint."""
    orders, position = [], 0
    while position < len(data):
        length = shift = 0
        while True:
            byte = data[position]
            position += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        orders.append(Order.FromString(data[position : position + length]))
        position += length
    assert position == len(data), "the last message is cut short"
    return orders
