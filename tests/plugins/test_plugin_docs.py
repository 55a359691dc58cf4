"""The plugin guide cannot drift from the public module and the conformance kit."""

import inspect

import msgspec
import pytest

from provenance import toolkit
from provenance.conformance import run_checks
from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
DOCUMENTED_TYPES = [toolkit.RawDocument, toolkit.ParsedDocument, toolkit.LayoutRules]


@pytest.mark.parametrize("name", toolkit.__all__)
def test_every_public_name_is_documented_with_its_import_path(name: str):
    found = getattr(toolkit, name)
    # hookimpl is a marker instance, defined in provenance.hookspecs
    home = found.__module__ if inspect.isclass(found) or inspect.isfunction(found) else None
    row = next(line for line in GUIDE.splitlines() if line.startswith(f"| `{name}` |"))
    assert f"`{home or 'provenance.hookspecs'}`" in row


@pytest.mark.parametrize(
    "field", [(t.__name__, f) for t in DOCUMENTED_TYPES for f in msgspec.structs.fields(t)]
)
def test_every_field_of_the_public_types_is_documented(field):
    type_name, found = field
    assert f"### `{type_name}`" in GUIDE
    assert f"| `{found.name}` |" in GUIDE


def test_every_check_of_the_kit_is_documented():
    checks = run_checks(
        ROOT / "plugins" / "provenance-generic",
        gold=ROOT / "tests" / "seeds_gold.json",
        docs=ROOT / "seeds",
    )
    assert all(check.passed for check in checks), [c.line() for c in checks]
    for check in checks:
        assert f"| `{check.name}` |" in GUIDE


def test_the_plugin_settings_are_documented():
    for variable in (
        "PROVENANCE_PLUGINS",
        "PROVENANCE_TRACE_PLUGINS",
        "PROVENANCE_EXTRACT_TIMEOUT",
        "PROVENANCE_PLUGIN_WORKERS",
        "PROVENANCE_PLUGIN_MEMORY_MB",
        "PROVENANCE_IN_PROCESS_PLUGINS",
    ):
        assert variable in GUIDE
