"""Hand-written expectations for a few fixtures, so the jobs cannot all be wrong the same way.

Each golden/<fixture>.<mode>.json was written by hand: timestamps from GNU
``date -u -d``, customer keys from ``sha256sum``, totals worked out on paper.
golden/valid_basic.default.pb pins the exact bytes of one output.
"""

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, GOLDEN, MODES, order_as_dict, read_delimited, run_cli

GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))
FLAGS = {"default": [], "skip": ["--skip-invalid"]}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("golden", GOLDEN_FILES, ids=lambda path: path.stem)
def test_matches_golden(golden: Path, mode: str, tmp_path: Path) -> None:
    fixture_stem, flags = golden.stem.split(".")
    fixture = f"{fixture_stem}.csv"
    expected = json.loads(golden.read_text())
    (tmp_path / fixture).write_bytes((FIXTURES / fixture).read_bytes())

    command, options = MODES[mode]
    run = run_cli(command, [*options, fixture, "-o", "out.pb", *FLAGS[flags]], tmp_path)

    assert run.exit_code == expected["exit_code"]
    assert run.stderr.decode().splitlines() == expected["stderr"]
    assert run.stdout == b""
    if expected["orders"] is None:
        assert run.output is None
        assert run.files == (fixture,)
    else:
        assert run.output is not None
        assert [order_as_dict(order) for order in read_delimited(run.output)] == expected["orders"]


@pytest.mark.parametrize("mode", MODES)
def test_output_bytes_are_pinned(mode: str, tmp_path: Path) -> None:
    fixture = "valid_basic.csv"
    (tmp_path / fixture).write_bytes((FIXTURES / fixture).read_bytes())
    command, options = MODES[mode]
    run = run_cli(command, [*options, fixture, "-o", "out.pb"], tmp_path)
    assert run.output == (GOLDEN / "valid_basic.default.pb").read_bytes()
