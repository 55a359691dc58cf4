"""The seeds, through the real pipeline: what `make run` must show a newcomer."""

import pytest
from msgspec.structs import replace

from provenance.app import create_app
from provenance.service import ProvenanceService


@pytest.fixture
def seeded(settings, plugins):
    from litestar.testing import TestClient

    seeded = replace(settings, seed_on_start=True)
    with TestClient(create_app(seeded, ProvenanceService(seeded, plugins))) as client:
        yield client


def test_five_documents(seeded):
    assert seeded.get("/documents").json()["total"] == 5


def test_speakers_found_by_any_spelling(seeded):
    found = seeded.get("/speakers", params={"q": "Mammadov"}).json()["items"]
    assert "Elnur Mammadov" in [s["name"] for s in found]


@pytest.mark.parametrize("surname", ["Chaudhri", "Farhadov", "Mammadov", "Mnatsakanyan"])
def test_each_named_speaker_has_statements(seeded, surname):
    statements = seeded.get("/statements", params={"speaker": surname}).json()
    assert statements["total"] > 0, surname
    assert all(surname in s["speaker"]["name"] for s in statements["items"])
