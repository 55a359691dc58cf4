"""The write runner: conflicts the database resolved by aborting us are retried, others not."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from provenance.store import database
from provenance.store.database import WriteContention, Writer
from tests.conftest import AUTH


class Orig(Exception):
    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def failing(times: int, error: Exception):
    """A unit of work that raises ``error`` ``times`` times, then reads 1 from the database."""
    calls = []

    def work(conn):
        calls.append(1)
        if len(calls) <= times:
            raise error
        return conn.execute(text("SELECT 1")).scalar()

    return work, calls


DEADLOCK = OperationalError("UPDATE", {}, Orig("deadlock detected", "40P01"))
SERIALIZATION = OperationalError("UPDATE", {}, Orig("could not serialize", "40001"))
LOCKED = OperationalError("INSERT", {}, Orig("database is locked"))


@pytest.fixture(autouse=True)
def no_back_off(monkeypatch):
    monkeypatch.setattr(database, "WRITE_BACKOFF", 0.0)


@pytest.mark.parametrize("error", [DEADLOCK, SERIALIZATION, LOCKED], ids=["40P01", "40001", "busy"])
def test_a_lost_conflict_is_run_again(service, error):
    work, calls = failing(2, error)
    assert Writer(service.engine).run(work) == 1
    assert len(calls) == 3


def test_retries_are_bounded(service):
    work, calls = failing(100, DEADLOCK)
    with pytest.raises(WriteContention):
        Writer(service.engine).run(work)
    assert len(calls) == database.WRITE_ATTEMPTS


def test_other_errors_are_not_retried(service):
    work, calls = failing(1, IntegrityError("INSERT", {}, Orig("duplicate key", "23505")))
    with pytest.raises(IntegrityError):
        Writer(service.engine).run(work)
    assert len(calls) == 1


def test_the_api_answers_503_when_writes_keep_losing(client, monkeypatch):
    def busy(_work):
        raise WriteContention("the database is busy with other writes")

    monkeypatch.setattr(client.app.state.service.writer, "run", busy)
    answer = client.post("/documents", json={"text": "Title\n\nBody said."}, headers=AUTH)
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "1"
    assert answer.json()["type"].endswith("/busy")
