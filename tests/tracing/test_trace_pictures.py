"""Chain pictures (SVG, served and written by the CLI) and `provenance trace`."""

import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from provenance.cli import CliError, app
from tests.tracing.conftest import CALL, cluster_of

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_a_statement_chain_is_drawn_left_to_right(client, corpus):
    statement = cluster_of(client, CALL)["appearances"][0]["statement"]
    response = client.get(f"/statements/{statement['id']}/chain.svg")
    assert response.headers["content-type"].startswith("image/svg+xml")
    texts = _texts(response.text)
    assert {"the locals", "FreeNews.AM", "telephone conversation"} <= set(texts)
    x = {t.text: float(t.get("x")) for t in ET.fromstring(response.text).iter(f"{SVG}text")}
    document = next(text for text in x if text.startswith("Pakistani troops"))
    assert x["the locals"] < x["FreeNews.AM"] < x[document]


def test_a_cluster_chain_shows_every_appearance(client, corpus):
    cluster = cluster_of(client, CALL)
    texts = _texts(client.get(f"/clusters/{cluster['id']}/chain.svg").text)
    assert texts.count("FreeNews.AM") == 1  # one box, two arrows out
    assert "Armenian media claims" in texts
    assert any("Tribune · 2020-09-29" in t for t in texts)
    assert "×2" in " ".join(texts)


def _cli(settings, monkeypatch, *args: str):
    monkeypatch.setenv("PROVENANCE_DATABASE_URL", settings.database_url)
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_cli_trace_prints_a_tree(settings, corpus, monkeypatch):
    result = _cli(settings, monkeypatch, "trace", "they have gathered Pakistani soldiers")
    assert result.exit_code == 0, result.output
    for expected in ("Said by", "the locals", "First appeared", "2020-09-29 (day)", "FreeNews.AM"):
        assert expected in result.output
    assert "chain: the locals → FreeNews.AM → Pakistani troops" in result.output


def test_cli_chain_writes_an_svg(settings, corpus, monkeypatch, tmp_path, client):
    statement = cluster_of(client, CALL)["appearances"][0]["statement"]
    target = tmp_path / "chain.svg"
    result = _cli(settings, monkeypatch, "chain", str(statement["id"]), "--out", str(target))
    assert result.exit_code == 0, result.output
    assert "FreeNews.AM" in _texts(target.read_text())
    cluster = _cli(settings, monkeypatch, "chain", "1", "--cluster", "--out", str(target))
    assert cluster.exit_code == 0
    with pytest.raises(CliError, match="no statement with id 999"):
        _cli(settings, monkeypatch, "chain", "999", "--out", str(target))
