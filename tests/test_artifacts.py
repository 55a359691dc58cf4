"""openapi.json and schemas/ are generated: a stale copy fails here."""

from pathlib import Path

from provenance.artifacts import stale_artifacts, write_artifacts
from tests.conftest import ROOT


def test_committed_artifacts_are_current():
    stale = stale_artifacts(ROOT)
    assert not stale, f"stale generated files (run `make generate`): {stale}"


def test_a_stale_or_stray_file_is_detected(tmp_path: Path):
    write_artifacts(tmp_path)
    assert stale_artifacts(tmp_path) == []
    (tmp_path / "openapi.json").write_text("{}\n")
    (tmp_path / "schemas" / "Gone.json").write_text("{}\n")
    assert set(stale_artifacts(tmp_path)) == {
        tmp_path / "openapi.json",
        tmp_path / "schemas" / "Gone.json",
    }
