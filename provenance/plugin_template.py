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
        "outlet": " ".join(part.title() for part in slug.split("-")),
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

from provenance.toolkit import CuePhrase, Extractor, LayoutRules, RawDocument, hookimpl


class {cls}(Extractor):
    name = "{slug}"
    formats = ("{slug}",)
    rules = LayoutRules(
        # Whole lines that are page furniture on this outlet's pages (regular expressions).
        furniture=(r"Share this article", r"Sign up for our newsletter.*"),
        # Lines after which the story has ended.
        end_markers=(r"More from {slug}",),
    )
    # The names the outlet goes by: never an intermediary of its own stories.
    self_names = ("The {outlet}", "{outlet}")
    # The house style's own attribution phrases; {{self}} is one of self_names.
    cue_phrases = (CuePhrase(pattern="{{speaker}} told the {{self}}:", kind="speech"),)
    # Sample sentences: a cue phrase that matches none of them is a warning at install.
    examples = ('Union leader Jo Roe told the {outlet}: "Nobody loses a job."',)

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
"""The plugin passes the conformance kit and extracts its sample page."""

from pathlib import Path

from provenance.conformance import run_checks
from provenance.domain import RawDocument
from provenance.extraction.pipeline import extract
from provenance.plugins import load_plugins

HERE = Path(__file__).parent
PACKAGE = HERE.parent


def test_passes_the_conformance_kit():
    checks = run_checks(PACKAGE, gold=HERE / "gold.json", docs=HERE / "docs")
    failed = [check.line() for check in checks if not check.passed]
    assert not failed, failed
    assert "gold" in [check.name for check in checks]


def test_claims_and_parses_its_sample_page():
    plugins = load_plugins(["{slug}"])
    try:
        text = (HERE / "docs" / "sample.txt").read_text(encoding="utf-8")
        found = extract(RawDocument(text=text), plugins)
    finally:
        plugins.close()
    assert found.extractor == "{slug}", found.failures
    assert "Share this article" not in found.body
    assert [s.speaker.name for s in found.statements if s.speaker] == ["Lena Berg", "Jo Roe"]
    assert all(not s.via for s in found.statements)  # the {outlet} is no intermediary
''',
    "tests/docs/sample.txt": """\
Harbour deal signed

By Mia Holm

"We have a deal that protects every job on the docks," said port director Lena Berg.

Union leader Jo Roe told the {outlet}: "Nobody loses a job."

Share this article
Sign up for our newsletter today
More from {slug}
""",
    "tests/gold.json": """\
{{
  "format": "provenance-gold/1",
  "documents": [
    {{
      "file": "sample.txt",
      "title": "Harbour deal signed",
      "authors": ["Mia Holm"],
      "dateline": null,
      "published": null,
      "not_body": ["Share this article", "Sign up for our newsletter today"],
      "statements": [
        {{
          "speaker": "Lena Berg",
          "kind": "direct",
          "text": "We have a deal that protects every job on the docks,",
          "cue": "said",
          "channel": null,
          "via": [],
          "said_on": null
        }},
        {{
          "speaker": "Jo Roe",
          "kind": "direct",
          "text": "Nobody loses a job.",
          "cue": "told the {outlet}",
          "channel": "interview",
          "via": [],
          "said_on": null
        }}
      ]
    }}
  ],
  "speakers": [
    {{"name": "Lena Berg", "kind": "person", "aliases": [], "roles": ["port director"]}},
    {{"name": "Jo Roe", "kind": "person", "aliases": [], "roles": ["union leader"]}}
  ],
  "sources": []
}}
""",
    "README.md": """\
# provenance-{slug}

A Provenance extractor plugin for {slug} pages (the plugin guide is `docs/plugins.md`
in the Provenance source tree).

    provenance plugins install -e ./provenance-{slug}
    provenance plugins list
    provenance plugins test ./provenance-{slug} --gold tests/gold.json --docs tests/docs

Test it with `pytest` (the tests run the same conformance kit, and score the sample page
`tests/docs/sample.txt` against its gold, `tests/gold.json`).
""",
}
