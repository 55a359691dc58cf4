"""The docs pages in headless Chromium (Debian's, never a downloaded one), offline: Swagger UI
renders, "Try it out" sends no example as a filter, SVG answers are drawn, ReDoc renders."""

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from provenance.app import create_app
from provenance.plugins import Plugins
from provenance.service import ProvenanceService
from provenance.settings import Settings
from tests.conftest import API_KEY, SEEDS
from tests.contract.live import serving

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FILTERS = {"speaker", "document", "via", "kind", "q", "said_after", "said_before"}
TIMEOUT_MS = 30_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not shutil.which("chromium"),
    reason="Debian's chromium is not installed (scripts/install-chromium.sh installs it)",
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, plugins: Plugins) -> Iterator[str]:
    database = tmp_path_factory.mktemp("browser") / "docs.db"
    settings = Settings(
        database_url=f"sqlite:///{database}", api_keys=(API_KEY,), seeds_dir=str(SEEDS)
    )
    with serving(create_app(settings, ProvenanceService(settings, plugins))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:
    """A page that may reach the server under test and nothing else."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    elsewhere: list[str] = []

    def only_local(route) -> None:
        if route.request.url.startswith(base_url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    yield page
    context.close()
    assert not elsewhere, f"the page reached outside the server: {elsewhere}"


def _try_operation(page, operation_id: str, tag: str) -> object:
    """Open an operation, press "Try it out"; returns its block."""
    block = page.locator(f"#operations-{tag}-{operation_id}")
    block.locator(".opblock-summary").first.click()
    block.get_by_role("button", name="Try it out").click()
    return block


def test_swagger_ui_renders_every_operation(page) -> None:
    page.goto("/schema")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 20
    assert "Provenance API" in page.locator(".swagger-ui .info .title").inner_text()


def test_try_it_out_on_statements_sends_no_filter(page) -> None:
    page.goto("/schema")
    block = _try_operation(page, "ListStatements", "statements")
    with page.expect_response(lambda r: urlsplit(r.url).path == "/statements") as answered:
        block.get_by_role("button", name="Execute").click()
    query = parse_qs(urlsplit(answered.value.url).query)
    assert not FILTERS & set(query), query
    assert answered.value.status == 200


def test_an_svg_answer_is_drawn(page) -> None:
    page.goto("/schema")
    block = _try_operation(page, "GetStatementChainPicture", "tracing")
    block.locator("input[placeholder='statement_id']").fill("1")
    block.get_by_role("button", name="Execute").click()
    picture = block.locator("img.svg-answer")
    picture.wait_for()
    width = picture.evaluate("img => img.complete ? img.naturalWidth : 0")
    assert width > 0


def test_redoc_renders_offline(page) -> None:
    page.goto("/schema/redoc")
    page.wait_for_selector("h1:has-text('Provenance API')")
    assert page.locator("[data-section-id^='tag/']").count() >= 5
