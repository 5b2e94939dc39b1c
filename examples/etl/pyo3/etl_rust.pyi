"""Type hints for the extension module etl_rust (src/lib.rs), for mypy."""

from collections.abc import Callable
from typing import TypeAlias

Summary: TypeAlias = tuple[int, int, int]
"""(read, written, skipped), as in the summary line."""

class InvalidInput(Exception):
    messages: list[str]
    summary: Summary

class ReadError(OSError):
    summary: Summary

class WriteError(OSError):
    summary: Summary

def convert(
    input: str,
    output: str,
    *,
    skip_invalid: bool,
    jobs: int,
    on_skipped: Callable[[str], None],
) -> Summary: ...
