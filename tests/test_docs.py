"""The plugin docs cannot drift from the hook specifications."""

import inspect

import pytest

from provenance import hookspecs
from provenance.cli import app
from tests.conftest import ROOT

HOOKS = [
    name
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(function, "provenance_spec")
]
PLUGIN_DOCS = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")


def test_there_are_hooks():
    assert "register_extractors" in HOOKS


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_section(hook):
    assert f"### {hook}\n" in PLUGIN_DOCS


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_docstring_with_an_example(hook):
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert ":param register:" in doc and "Example" in doc


def test_the_readme_links_the_plugin_guide():
    assert "docs/plugins.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_has_help():
    import typer.main

    command = typer.main.get_command(app)
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        assert sub.help, name


EXTRACTION_DOCS = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
EXTRACTION = ROOT / "provenance" / "extraction"
ORCHESTRATION = {"__init__.py", "attribution.py", "pipeline.py", "text.py"}


@pytest.mark.parametrize(
    "module", sorted(p.name for p in EXTRACTION.glob("*.py") if p.name not in ORCHESTRATION)
)
def test_every_pass_module_is_in_the_extraction_docs(module):
    assert f"`{module}`" in EXTRACTION_DOCS


@pytest.mark.parametrize(
    "module",
    sorted(p.name for p in (EXTRACTION / "lexicon").glob("*.py") if p.name != "__init__.py"),
)
def test_every_lexicon_module_is_in_the_extraction_docs(module):
    assert f"| `{module}` |" in EXTRACTION_DOCS
