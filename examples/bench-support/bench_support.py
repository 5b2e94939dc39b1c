"""What the book's three benchmarks (loop-bench, iter-bench and error-cost) share on
the Python side: the generator their rows come from, and the helpers of their
reports. The Rust side of the same is the crate in ``src/``, beside this file.

Each benchmark's ``run`` puts this folder on ``PYTHONPATH`` before it starts
``bench.py`` and ``report.py``.
"""

import os
import platform
import subprocess
from collections.abc import Iterable
from pathlib import Path

MASK_64 = (1 << 64) - 1


class Lcg:
    """The generator of every benchmark, the same as ``Lcg`` in ``src/lib.rs``: a
    64-bit linear congruential generator, so that both languages work on the same
    numbers."""

    def __init__(self, seed: int) -> None:
        self.state = seed

    def draw(self) -> int:
        """The next number: the top 31 bits of the new state."""
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK_64
        return self.state >> 33


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def command_version(command: list[str]) -> str:
    """What ``command`` prints on stdout, such as ``rustc --version``."""
    return subprocess.run(
        command, capture_output=True, text=True, check=True
    ).stdout.strip()


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def print_machine(rust_build: str = "", more: Iterable[str] = ()) -> None:
    """Prints the report's first section: CPU, OS, Python and Rust versions,
    then the lines of ``more``. ``rust_build`` follows the Rust version."""
    print("## Machine\n")
    print(f"- CPU: {cpu_model()}, {os.cpu_count()} cores")
    print(f"- OS: {platform.system()} {platform.release()}")
    print(f"- Python: {platform.python_implementation()} {platform.python_version()}")
    print(f"- Rust: {command_version(['rustc', '--version'])}{rust_build}")
    for line in more:
        print(line)
