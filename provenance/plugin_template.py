"""``provenance plugins new NAME``: a ready-to-edit, installable extractor plugin."""

import re
from pathlib import Path

from provenance import __version__

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")


class TemplateError(ValueError):
    """The name is unusable or the target folder exists."""


def write_plugin(name: str, parent: Path) -> Path:
    """Write the package ``provenance-NAME`` under ``parent``; returns its folder."""
    name = name.lower().removeprefix("provenance-").removeprefix("provenance_")
    if not _NAME.match(name):
        raise TemplateError(f"{name!r} is not a plugin name: use letters, digits and dashes")
    slug = name.replace("_", "-")
    module = "provenance_" + slug.replace("-", "_")
    folder = parent / f"provenance-{slug}"
    if folder.exists():
        raise TemplateError(f"{folder} already exists")
    words = {
        "slug": slug,
        "module": module,
        "cls": "".join(part.title() for part in slug.split("-")) + "Extractor",
        "major_minor": ".".join(__version__.split(".")[:2]),
        "next_minor": _next_minor(__version__),
    }
    for relative, template in FILES.items():
        path = folder / relative.format(**words)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**words), encoding="utf-8")
    return folder


def _next_minor(version: str) -> str:
    major, minor = [*version.split("."), "0"][:2]
    return f"{major}.{int(minor) + 1}"


FILES = {
    "pyproject.toml": """\
[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "provenance-{slug}"
version = "0.1.0"
description = "Provenance extractor for {slug} pages."
requires-python = ">=3.11"
# The provenance versions this plugin supports:
dependencies = ["provenance>={major_minor},<{next_minor}"]

[project.optional-dependencies]
test = ["pytest"]

[project.entry-points.provenance]
{slug} = "{module}"

[tool.setuptools]
packages = ["{module}"]
""",
    "{module}/__init__.py": '''\
"""Provenance extractor for {slug} pages."""

from provenance.domain import RawDocument
from provenance.extraction.parsing import LayoutRules
from provenance.extractor import Extractor
from provenance.hookspecs import hookimpl


class {cls}(Extractor):
    name = "{slug}"
    formats = ("{slug}",)
    rules = LayoutRules(
        # Whole lines that are page furniture on this outlet's pages (regular expressions).
        furniture=(r"Share this article", r"Sign up for our newsletter.*"),
        # Lines after which the story has ended.
        end_markers=(r"More from {slug}",),
    )

    def claim(self, document: RawDocument) -> float:
        """How sure this extractor is that the document is one of its pages (0 to 1)."""
        if document.url and "{slug}" in document.url:
            return 0.9
        return 0.6 if "Sign up for our newsletter" in document.text else 0.0


@hookimpl
def register_extractors(register):
    register({cls}())
''',
    "tests/test_{module}.py": '''\
"""The plugin is found through its entry point and parses the pages it claims."""

from provenance.domain import RawDocument
from provenance.extraction.pipeline import extract
from provenance.plugins import load_plugins

PAGE = """Harbour deal signed

"We have a deal," said port director Lena Berg.

Share this article
Sign up for our newsletter today
"""


def test_discovered_through_its_entry_point():
    plugins = load_plugins()
    assert "{slug}" in plugins.extractors
    assert plugins.extractors["{slug}"].distribution == "provenance-{slug}"


def test_claims_and_parses_its_pages():
    found = extract(RawDocument(text=PAGE), load_plugins())
    assert found.extractor == "{slug}"
    assert "Share this article" not in found.body
    assert "Lena Berg" in found.body
''',
    "README.md": """\
# provenance-{slug}

A [Provenance](https://pypi.org/project/provenance/) extractor plugin for {slug} pages.

    provenance plugins install ./provenance-{slug}
    provenance plugins list

Test it with `pip install -e '.[test]' && pytest`.
""",
}
