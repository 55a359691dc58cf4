"""schemathesis over the live OpenAPI document, in process (ASGI), on a seeded database:
every operation, every phase (examples, coverage, fuzzing, stateful), every check, positive
and negative data, with and without a key. Zero failures.

Run through schemathesis's engine (what its CLI runs), not its pytest plugin: the plugin's
lazy fixtures do not work with pytest 9.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import msgspec
import pytest
import schemathesis
from litestar import Litestar
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

from provenance.app import create_app
from provenance.plugins import Plugins
from provenance.service import ProvenanceService
from provenance.settings import Settings
from tests.conftest import API_KEY, SEEDS


@schemathesis.serializer("application/x-ndjson")
def ndjson(_context: object, value: object) -> bytes:
    """Bulk bodies are declared as a string of JSON lines; send it as it is."""
    return value.encode() if isinstance(value, str) else msgspec.json.encode(value)


MAX_EXAMPLES = 10
"""Per operation and phase: the whole run stays within a couple of minutes on 2 cores."""


ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
"""schemathesis's default for positive data: what a schema-valid request may get."""
SEMANTIC = [*ACCEPTED, "400", "422"]
"""... and what only the server can judge (see the operations below)."""
CURSOR_PATHS = r"^/(documents|statements|speakers|sources)$|/(statements|appearances)$"
"""The lists that page by cursor."""


def fuzz_config(key: str | None) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "seed": 20261130,
            "headers": {"X-API-Key": key} if key else {},
            "generation": {"max-examples": MAX_EXAMPLES, "mode": "all"},
            "checks": {"enabled": True},
            # The stateful phase posts generated texts and bulk bodies too (see the operations).
            "phases": {
                "stateful": {
                    "checks": {
                        "positive_data_acceptance": {"expected-statuses": SEMANTIC},
                        "negative_data_rejection": {"enabled": False},
                    }
                }
            },
            "operations": [
                {
                    # Litestar 2.25 answers OPTIONS /documents with `Allow: OPTIONS, POST`: the
                    # OPTIONS handler it makes for the first of the controller's handlers on a
                    # path is kept when the next one (GET) joins the route. The HTTP middleware
                    # that rewrites `Allow` (branch http-behaviour) is where that gets fixed;
                    # drop this entry once it has.
                    "include-path": "/documents",
                    "checks": {"allow_header_conformance": {"enabled": False}},
                },
                {
                    # GET: a cursor is a token the server issued in `next`; one made up is
                    # refused with 400 by design (tests/store/test_reads_pagination.py), and no
                    # schema can say which strings the server issued. POST: a text whose layout
                    # leaves no body (a headline alone, or only furniture) is refused with 422,
                    # a rule about layout that no schema can state either.
                    "include-path-regex": CURSOR_PATHS,
                    "checks": {"positive_data_acceptance": {"expected-statuses": SEMANTIC}},
                },
                {
                    # An NDJSON body is text: a "negative" body (a number, an array) has no NDJSON
                    # form but a JSON line, which is valid NDJSON, and a line that is not an item
                    # is answered by a problem line in the 200 stream, by design (tested in
                    # tests/ingestion).
                    "include-path": "/documents:bulk",
                    "checks": {"negative_data_rejection": {"enabled": False}},
                },
            ],
        }
    )


@dataclass
class FuzzReport:
    cases: int = 0
    operations: set[str] = field(default_factory=set)
    failures: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def record(self, recorder) -> None:
        self.cases += len(recorder.cases)
        self.operations.add(recorder.label)
        for checks in recorder.checks.values():
            for check in checks:
                if check.status == Status.FAILURE:
                    where = (recorder.label, check.name)
                    self.failures[where] += 1
                    if check.failure_info and where not in self.examples:
                        info = check.failure_info
                        self.examples[where] = f"{info.failure}\n{info.code_sample}"

    def explain(self) -> str:
        lines = [f"{count} x {label}: {check}" for (label, check), count in self.failures.items()]
        lines += [f"--- {label}: {check}\n{text}" for (label, check), text in self.examples.items()]
        return "\n".join(lines + self.errors)


def fuzz(app: Litestar, key: str | None) -> FuzzReport:
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app, config=fuzz_config(key))
    report = FuzzReport()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished | events.FuzzScenarioFinished):
            report.record(event.recorder)
        elif isinstance(event, events.NonFatalError):
            report.errors.append(f"{event.label}: {event.value!r}")
        elif isinstance(event, events.FatalError):
            report.errors.append(f"fatal: {event.exception!r}")
    return report


@pytest.fixture
def seeded_app(
    request: pytest.FixtureRequest, database_url: str, plugins: Plugins
) -> Iterator[Litestar]:
    """The app over the seeds; reads need a key when the test's ``reads_locked`` says so."""
    settings = Settings(
        database_url=database_url,
        api_keys=(API_KEY,),
        read_requires_key=request.node.callspec.params["reads_locked"],
        seeds_dir=str(SEEDS),
        max_body_bytes=200_000,
        rate_limit_per_key=0,  # thousands of requests from one client: limits are tested apart
        rate_limit_per_address=0,
        auth_failures_per_address=0,
    )
    service = ProvenanceService(settings, plugins)
    service.start()
    yield create_app(settings, service)
    service.close()


@pytest.mark.parametrize(
    ("reads_locked", "key"),
    [(False, API_KEY), (False, None), (True, None)],
    ids=["with-key", "without-key", "reads-locked-without-key"],
)
def test_every_operation_keeps_its_contract(
    seeded_app: Litestar, reads_locked: bool, key: str | None
) -> None:
    report = fuzz(seeded_app, key)
    operations = {
        f"{method.upper()} {path}"
        for path, item in seeded_app.openapi_schema.to_schema()["paths"].items()
        for method in item
    }
    print(f"schemathesis: {report.cases} cases over {len(operations)} operations")
    assert operations <= report.operations, operations - report.operations
    assert not report.failures and not report.errors, report.explain()
