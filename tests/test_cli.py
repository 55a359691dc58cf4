"""The command line: real processes, real exit codes, one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

EXTRACT_KEYS = {"file", "title", "authors", "dateline", "published", "body", "statements"}
STATEMENT_KEYS = {"text", "kind", "cue", "channel", "said_on", "start", "end", "speaker", "via"}


def run(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT):
    return subprocess.run(
        [sys.executable, "-m", "provenance", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def db_env(tmp_path: Path) -> dict[str, str]:
    return {"PROVENANCE_DATABASE_URL": f"sqlite:///{tmp_path}/cli.db"}


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("serve", "seed", "ingest", "extract", "plugins", "generate", "eval"):
        assert command in result.stdout


def test_extract_json_prints_one_object_per_file_in_the_stable_shape():
    result = run("extract", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    for line in lines:
        record = json.loads(line)
        assert set(record) >= EXTRACT_KEYS
        for statement in record["statements"]:
            assert set(statement) >= STATEMENT_KEYS
            assert record["body"][statement["start"] : statement["end"]] == statement["text"]


def test_extract_honours_the_extract_timeout_setting():
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    result = run("extract", seed, "--json", env={"PROVENANCE_EXTRACT_TIMEOUT": "0.000001"})
    assert result.returncode == 0, result.stderr
    failures = json.loads(result.stdout)["failures"]
    assert any("cut short" in failure["error"] for failure in failures)


def test_extract_reports_bad_files_in_one_line_each_and_fails(tmp_path: Path):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n")
    result = run("extract", str(tmp_path / "latin1.txt"), str(tmp_path / "empty.txt"), "nope.txt")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "not UTF-8" in errors[0] and "empty" in errors[1] and "no such file" in errors[2]
    assert "Traceback" not in result.stderr


def test_ingest_summarises_new_duplicate_and_failed(tmp_path: Path, db_env):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text('Title A\n\n"Words here," said Jane Roe.\n')
    (docs / "b.txt").write_text("Title B\n\nNothing said.\n")
    (docs / "bad.txt").write_bytes(b"\xff\xfe\x00")
    (docs / "title-only.txt").write_text("Just a headline\n\u200b\n")
    first = run("ingest", str(docs), env=db_env)
    assert first.returncode == 1  # two files failed
    assert "2 new, 0 duplicate, 2 failed" in first.stdout
    assert "title-only.txt: the document has no body text after its title" in first.stderr
    assert "Traceback" not in first.stderr
    (docs / "bad.txt").unlink()
    (docs / "title-only.txt").unlink()
    second = run("ingest", str(docs), env=db_env)
    assert second.returncode == 0
    assert "0 new, 2 duplicate, 0 failed" in second.stdout


def test_seed_loads_the_seed_folder_once(db_env):
    assert "5 new" in run("seed", env=db_env).stdout
    assert "0 new, 5 duplicate" in run("seed", env=db_env).stdout


def test_plugins_lists_bundled_extractors_with_versions():
    result = run("plugins")
    assert result.returncode == 0
    for name in ("provenance-generic", "provenance-wordpress", "provenance-wire"):
        assert name in result.stdout


def test_generate_check_passes_on_the_committed_tree():
    assert run("generate", "--check").returncode == 0


def test_eval_rejects_a_malformed_gold_file_in_one_line(tmp_path: Path):
    gold = tmp_path / "gold.json"
    gold.write_text("{not json")
    result = run("eval", str(gold), "--docs", str(SEEDS))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
