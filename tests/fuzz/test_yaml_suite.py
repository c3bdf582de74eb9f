"""The YAML test suite (data release of 2022-01-17): every file loads or is refused, located.

The suite is what YAML parsers are tested against: 352 cases of valid and invalid YAML, each a
folder of inputs (in.yaml, its expected output, events, JSON). Every regular file is given to the
loader as a brief: none of them is one, so each must be refused with errors inside the file (or
about the whole of it), never an exception, never a hang (fuzzing.check). The release is a
fixture beside the repository (../shared/fixtures); without it the test is skipped.
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from fuzzing import Tally, check

ROOT = Path(__file__).resolve().parents[2]
RELEASE = ROOT.parent / "shared" / "fixtures" / "yaml-test-suite-data-2022-01-17.tar.gz"


def test_every_input_of_the_yaml_test_suite_is_refused_with_located_errors(
    tmp_path: Path,
) -> None:
    if not RELEASE.is_file():
        pytest.skip(f"the YAML test suite release is not at {RELEASE} (a clone without ../shared)")
    with tarfile.open(RELEASE) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12 and later
            archive.extractall(tmp_path, filter="data")
        else:
            archive.extractall(tmp_path)  # the fixture is ours
    files = sorted(
        p for p in (tmp_path / "yaml-test-suite").rglob("*") if p.is_file() and not p.is_symlink()
    )
    cases = {p.relative_to(tmp_path).parts[1] for p in files}
    tally = Tally()
    for path in files:
        check(path.read_bytes(), tally, str(path.relative_to(tmp_path)))
    print(f"YAML test suite: {len(cases)} cases, {tally}")
    assert len(files) >= 1800
    assert tally.valid == 0
