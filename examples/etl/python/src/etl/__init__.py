"""Orders ETL job: validate an orders CSV export, write length-delimited protobuf.

The rules every row must follow are in examples/etl/CONTRACT.md; the Rust port
in examples/etl/rust follows the same contract byte for byte.
"""

__version__ = "1.0.0"  # keep equal to rust/Cargo.toml: tests/parity compares --version
