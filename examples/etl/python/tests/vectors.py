"""The test vectors that these tests share with the Rust tests (``../tests/vectors/``)."""

import json
from pathlib import Path
from typing import Any

import pytest

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def parametrize(file_name: str, table: str, *keys: str) -> pytest.MarkDecorator:
    """``pytest.mark.parametrize`` over the cases of ``table`` in ``file_name``: one
    argument per key, named as the key. A ``text`` with a ``repeat`` is repeated."""
    cases = json.loads((VECTORS / file_name).read_text(encoding="utf-8"))[table]
    return pytest.mark.parametrize(
        keys, [tuple(value(case, key) for key in keys) for case in cases]
    )


def value(case: dict[str, Any], key: str) -> Any:
    if key == "text":
        return case["text"] * case.get("repeat", 1)
    if key == "data":
        return file_bytes(case["data"])
    return case[key]


def file_bytes(parts: list[str | int]) -> bytes:
    """The bytes of a file, ``data``: a string stands for its UTF-8 bytes, a number for one byte."""
    return b"".join(
        part.encode("utf-8") if isinstance(part, str) else bytes([part]) for part in parts
    )
