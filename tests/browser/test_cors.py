"""A page on another origin calls the API from headless Chromium: it reads and posts with
the key when ``PROVENANCE_CORS_ORIGINS`` names its origin, and the browser blocks both when
it does not (the default)."""

import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import API_KEY, ROOT
from tests.test_serve import free_port, wait_for

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed and scripts/install-chromium.sh could not install it",
)
STORY = 'Council approves budget\n\n"This is a good day for the city," said Mayor Ana Ruiz.\n'
PAGE = """<!doctype html>
<html><body><pre id="result">pending</pre>
<script>
const api = %(api)s;
async function call(method, path, init) {
  try {
    const response = await fetch(api + path, {method, ...init});
    const body = await response.json();
    return {status: response.status, location: response.headers.get("Location"),
            etag: response.headers.get("ETag"), total: body.total ?? null};
  } catch (error) {
    return {blocked: String(error)};
  }
}
(async () => {
  const read = await call("GET", "/documents");
  const posted = await call("POST", "/documents", {
    headers: {"X-API-Key": %(key)s, "Content-Type": "application/json"},
    body: JSON.stringify({text: %(story)s}),
  });
  document.getElementById("result").textContent = JSON.stringify({read, posted});
})();
</script></body></html>
"""


@pytest.fixture
def page_origin(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A second local HTTP server, on its own port: the other origin the page comes from."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    server.shutdown()
    server.server_close()


def serve_api(database_url: str, cors_origins: str | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "PROVENANCE_DATABASE_URL": database_url,
        "PROVENANCE_API_KEYS": API_KEY,
        "PROVENANCE_SEED_ON_START": "false",
    }
    env.pop("PROVENANCE_CORS_ORIGINS", None)
    if cors_origins is not None:
        env["PROVENANCE_CORS_ORIGINS"] = cors_origins
    server = subprocess.Popen(
        [sys.executable, "-m", "provenance", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{api}/health")
    except OSError:
        server.kill()
        raise
    return server, api


def run_page(page_origin: tuple[str, Path], api: str, tmp_path: Path) -> dict:
    """Load the page from its origin in headless Chromium; what its script wrote."""
    origin, directory = page_origin
    values = {"api": json.dumps(api), "key": json.dumps(API_KEY), "story": json.dumps(STORY)}
    (directory / "page.html").write_text(PAGE % values, encoding="utf-8")
    profile = tmp_path / "chromium-profile"
    dom = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            f"{origin}/page.html",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    result = dom.split('<pre id="result">', 1)[1].split("</pre>", 1)[0]
    assert result != "pending", "the page's script did not finish"
    return json.loads(result.replace("&quot;", '"').replace("&amp;", "&"))


def count_documents(api: str) -> int:
    with urllib.request.urlopen(f"{api}/documents") as response:
        return json.load(response)["total"]


@pytest.mark.parametrize("allowed", ["exact", "any"])
def test_an_allowed_origin_reads_and_posts_with_the_key(
    database_url: str, page_origin, tmp_path: Path, allowed: str
):
    origins = page_origin[0] if allowed == "exact" else "*"
    server, api = serve_api(database_url, f"http://elsewhere.example, {origins}")
    try:
        result = run_page(page_origin, api, tmp_path)
        assert result["read"]["status"] == 200
        assert result["read"]["etag"]  # exposed to the page
        assert result["posted"]["status"] == 201
        assert result["posted"]["location"].startswith(f"{api}/documents/")
        assert count_documents(api) == 1
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_browser_blocks_another_origin_by_default(
    database_url: str, page_origin, tmp_path: Path
):
    server, api = serve_api(database_url, None)
    try:
        result = run_page(page_origin, api, tmp_path)
        assert "blocked" in result["read"]
        assert "blocked" in result["posted"]
        assert count_documents(api) == 0  # the preflight failed, so the POST was never sent
    finally:
        server.terminate()
        server.wait(timeout=30)
