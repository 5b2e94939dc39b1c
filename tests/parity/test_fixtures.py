"""Both jobs on every fixture, in both modes: every observable byte must agree."""

from pathlib import Path

import pytest

from conftest import FIXTURES, assert_same, run_both

FIXTURE_NAMES = sorted(path.name for path in FIXTURES.glob("*.csv"))
MODES = {"default": [], "skip": ["--skip-invalid"]}


def test_there_are_fixtures() -> None:
    assert len(FIXTURE_NAMES) >= 30


def test_every_fixture_is_described_in_the_readme() -> None:
    readme = (FIXTURES.parent / "README.md").read_text()
    undocumented = [name for name in FIXTURE_NAMES if f"`{name}`" not in readme]
    assert not undocumented, f"describe these in tests/parity/README.md: {undocumented}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fixture", FIXTURE_NAMES)
def test_both_jobs_agree(fixture: str, mode: str, tmp_path: Path) -> None:
    files = {fixture: (FIXTURES / fixture).read_bytes()}
    python, rust = run_both(tmp_path, files, [fixture, "-o", "out.pb", *MODES[mode]])
    assert_same(python, rust)
    # Sanity: a job either succeeds with an output file or fails without one.
    assert (python.exit_code == 0) == (python.output is not None)
    assert python.stderr.endswith(b" skipped 0\n") or mode == "skip"
