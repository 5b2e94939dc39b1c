"""The committed order_pb2.py and .pyi must be what scripts/gen_proto makes today."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GENERATED = ["order_pb2.py", "order_pb2.pyi"]


def test_generated_code_is_fresh(tmp_path: Path) -> None:
    subprocess.run(
        [PROJECT / "scripts" / "gen_proto", tmp_path],
        check=True,
        env={**os.environ, "PYTHON": sys.executable},
    )
    for name in GENERATED:
        committed = (PROJECT / "src" / "etl" / name).read_text()
        fresh = (tmp_path / name).read_text()
        assert committed == fresh, f"src/etl/{name} is stale: run scripts/gen_proto and commit"
