"""`provenance keys`: create prints the key once, list never shows it, revoke sticks."""

import stat
from pathlib import Path

import pytest

from tests.test_cli import run


@pytest.fixture
def db_env(database_url: str) -> dict[str, str]:
    return {"PROVENANCE_DATABASE_URL": database_url}


def test_create_list_revoke(db_env):
    created = run("keys", "create", "--scope", "read", "--name", "dashboard", env=db_env)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    assert key.startswith("prov_") and len(key) > 50
    assert "only this once" in created.stderr
    listed = run("keys", "list", env=db_env)
    assert listed.returncode == 0
    header, row = listed.stdout.splitlines()
    assert header.split("\t") == [
        "id", "name", "scope", "prefix", "created", "last used", "revoked"
    ]  # fmt: skip
    fields = row.split("\t")
    assert fields[1:4] == ["dashboard", "read", key.split("_")[1]]
    assert fields[6] == "-"
    assert key.split("_", 2)[2] not in listed.stdout
    revoked = run("keys", "revoke", key.split("_")[1], env=db_env)
    assert revoked.returncode == 0
    assert run("keys", "list", env=db_env).stdout.splitlines()[1].split("\t")[6] != "-"


def test_bad_input_is_one_line_and_exit_1(db_env):
    for args in (("keys", "create", "--scope", "root"), ("keys", "revoke", "12345")):
        result = run(*args, env=db_env)
        assert result.returncode == 1
        assert result.stderr.startswith("error:") and len(result.stderr.splitlines()) == 1


def test_an_unreachable_database_is_one_line(tmp_path: Path):
    env = {"PROVENANCE_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = run("keys", "list", env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot open the database")
    assert "Traceback" not in result.stderr


def test_a_saved_local_key_is_made_once(db_env, tmp_path: Path):
    saved = tmp_path / "var" / "local-api-key"
    args = ("keys", "create", "--scope", "write", "--name", "local", "--save", str(saved))
    first = run(*args, env=db_env)
    again = run(*args, env=db_env)
    assert first.returncode == again.returncode == 0
    assert first.stdout == again.stdout == saved.read_text()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert len(run("keys", "list", env=db_env).stdout.splitlines()) == 2  # header and one key
    run("keys", "revoke", "1", env=db_env)
    replaced = run(*args, env=db_env)
    assert replaced.stdout != first.stdout
    assert replaced.stdout == saved.read_text()
