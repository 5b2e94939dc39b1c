"""Every mode on every fixture, with and without --skip-invalid: every observable byte agrees."""

from pathlib import Path

import pytest

from conftest import FIXTURES, same_in_every_mode

FIXTURE_NAMES = sorted(path.name for path in FIXTURES.glob("*.csv"))
FLAGS = {"default": [], "skip": ["--skip-invalid"]}


def test_there_are_fixtures() -> None:
    assert len(FIXTURE_NAMES) >= 30


def test_every_fixture_is_described_in_the_readme() -> None:
    readme = (FIXTURES.parent / "README.md").read_text()
    undocumented = [name for name in FIXTURE_NAMES if f"`{name}`" not in readme]
    assert not undocumented, f"describe these in tests/parity/README.md: {undocumented}"


@pytest.mark.parametrize("flags", FLAGS)
@pytest.mark.parametrize("fixture", FIXTURE_NAMES)
def test_every_mode_agrees(fixture: str, flags: str, tmp_path: Path) -> None:
    files = {fixture: (FIXTURES / fixture).read_bytes()}
    python = same_in_every_mode(tmp_path, files, [fixture, "-o", "out.pb", *FLAGS[flags]])
    # Sanity: a job either succeeds with an output file or fails without one.
    assert (python.exit_code == 0) == (python.output is not None)
    assert python.stderr.endswith(b" skipped 0\n") or flags == "skip"
