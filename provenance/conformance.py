"""The plugin conformance kit: ``provenance plugins test PATH [--gold GOLD --docs DIR]``.

It puts an installed plugin package through the checks the service applies, with the
service's own code and limits, and names each check it passes or fails.
"""

import sys
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import msgspec

from provenance import evaluation
from provenance.domain import RawDocument
from provenance.extraction.pipeline import extract
from provenance.isolation import Limits, PluginFailure
from provenance.plugins import GROUP, Plugins, RegisteredExtractor, plugins_for
from provenance.settings import Settings

T = TypeVar("T")

#: Pages every plugin is tried on (besides its own samples): it must answer each in time
#: with a valid claim and a valid parse, mine or not.
FOREIGN_PAGES = {
    "wire story": (
        "Port strike ends\n\nBy Ana Ruiz\n\nLISBON (Reuters) - Dock workers ended their strike "
        'on Monday. "We are going back to work," union leader Rui Costa told reporters.\n'
    ),
    "blog post": (
        "My week in the garden\n\nPosted on March 3, 2024 by Sam\n\nThe tomatoes came up "
        "early this year. My neighbour said that the frost was over.\n\nLeave a comment\n"
    ),
    "one line": "Nothing here but one line of text.",
}


@dataclass(frozen=True)
class Check:
    """The outcome of one named check."""

    name: str
    passed: bool
    detail: str
    warned: bool = False
    """Passed, with warnings (in ``detail``) the author should look at."""

    def line(self) -> str:
        label = "FAILED" if not self.passed else "warning" if self.warned else "passed"
        return f"{label}  {self.name}: {self.detail}"


class _Failed(Exception):
    """A check failed; the message says why, in one line."""


def run_checks(
    package: Path,
    gold: Path | None = None,
    docs: Path | None = None,
    settings: Settings | None = None,
) -> list[Check]:
    """Every check on the plugin package at ``package``, in order; a check that cannot
    run because an earlier one failed is not reported."""
    settings = settings or Settings.from_env()
    checks: list[Check] = []
    try:
        name, version, entry_names = _check(checks, "package", lambda: _read_package(package))
        _check(checks, "installed", lambda: _installed(name, version, entry_names))
        plugins = plugins_for(msgspec.structs.replace(settings, plugins=(name,)))
        try:
            found = _check(checks, "discovery", lambda: _discovered(plugins, entry_names, settings))
            checks.append(_style(found))
            pages = _check(checks, "samples", lambda: _pages(gold, docs))
            timeout = settings.extract_timeout
            _check(checks, "claim", lambda: _claims(found, pages, timeout))
            _check(checks, "parse", lambda: _parses(found, pages, timeout))
            _check(checks, "isolation", lambda: _isolation(plugins, found, pages, timeout))
            if gold is not None:
                _check(checks, "gold", lambda: _score(gold, docs, plugins, found, timeout))
        finally:
            plugins.close()
    except _Failed:
        pass
    return checks


def _check(checks: list[Check], name: str, run: Callable[[], tuple[T, str]]) -> T:
    """Run one check, record it; a failure stops the checks that depend on it."""
    try:
        value, detail = run()
    except (_Failed, evaluation.GoldError, OSError) as error:
        checks.append(Check(name, False, str(error)))
        raise _Failed(name) from None
    checks.append(Check(name, True, detail))
    return value


def _read_package(package: Path) -> tuple[tuple[str, str, list[str]], str]:
    pyproject = package / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        name, version = project["name"], project["version"]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise _Failed(f"{pyproject}: no project name and version ({error})") from None
    entries = list(project.get("entry-points", {}).get(GROUP, {}))
    if not entries:
        raise _Failed(f"{pyproject} declares no entry point in the {GROUP!r} group")
    return (name, version, entries), f"{name} {version}, entry points {', '.join(entries)}"


def _installed(name: str, version: str, entries: list[str]) -> tuple[None, str]:
    try:
        found = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        raise _Failed(f"{name} is not installed: provenance plugins install -e PATH") from None
    if found.version != version:
        raise _Failed(f"{name} {found.version} is installed, the package is {version}")
    listed = {e.name for e in found.entry_points if e.group == GROUP}
    if missing := sorted(set(entries) - listed):
        raise _Failed(f"installed {name} lacks entry points {', '.join(missing)}: reinstall it")
    return None, f"{name} {version} installed"


def _discovered(
    plugins: Plugins, entries: list[str], settings: Settings
) -> tuple[list[RegisteredExtractor], str]:
    plugins.start()
    load_timeout = Limits(timeout=settings.extract_timeout).load_timeout
    plugins.wait_loaded(load_timeout + 1.0, within_grace=False)
    failed = {name: error for name, error in plugins.failures.items() if name in entries}
    if failed:
        raise _Failed("; ".join(f"{name} failed to load: {why}" for name, why in failed.items()))
    found = [r for r in plugins.extractors.values() if r.plugin in entries]
    if not found:
        raise _Failed(f"entry points {', '.join(entries)} registered no extractor")
    for pool in plugins.pools.values():
        if pool.loaded and pool.loaded.seconds > settings.extract_timeout:
            raise _Failed(
                f"{pool.entry.name} takes {pool.loaded.seconds:.1f} s to import, longer than "
                f"documents wait for it at start-up ({settings.extract_timeout:g} s)"
            )
    where = "in a worker process" if plugins.pools else "in process (bundled)"
    names = ", ".join(f"{r.name} ({', '.join(r.formats)})" for r in found)
    return found, f"extractors {names}, loaded {where}"


def _style(found: list[RegisteredExtractor]) -> Check:
    """The house style's warnings (a cue overriding a core verb, a cue phrase matching
    none of the examples): worth a look, never a failure."""
    warnings = [f"{r.name}: {warning}" for r in found for warning in r.warnings]
    if warnings:
        return Check("style", True, "; ".join(warnings), warned=True)
    phrases = sum(len(r.cue_phrases) for r in found)
    cues = sum(len(r.cues) for r in found)
    return Check("style", True, f"{cues} cues and {phrases} cue phrases, no warning")


def _pages(gold: Path | None, docs: Path | None) -> tuple[dict[str, str], str]:
    pages = dict(FOREIGN_PAGES)
    folder = docs or (_gold_docs(gold) if gold else None)
    if folder is not None:
        own = {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
        if not own:
            raise _Failed(f"{folder}: no *.txt documents")
        pages.update(own)
    return pages, f"{len(pages)} pages"


def _gold_docs(gold: Path) -> Path:
    folder = gold.parent / "docs"
    if not folder.is_dir():
        raise _Failed(f"no docs folder beside {gold}; name one with --docs")
    return folder


def _claims(
    found: list[RegisteredExtractor], pages: dict[str, str], timeout: float
) -> tuple[None, str]:
    claimed = 0
    for registered, page, document in _each(found, pages):
        try:
            claimed += registered.claim(document, timeout) > 0
        except Exception as error:
            raise _Failed(f"{registered.name} on {page}: {error}") from None
    return None, f"every claim a number from 0 to 1 within {timeout:g} s ({claimed} > 0)"


def _parses(
    found: list[RegisteredExtractor], pages: dict[str, str], timeout: float
) -> tuple[None, str]:
    for registered, page, document in _each(found, pages):
        try:
            registered.parse(document, timeout)
        except Exception as error:
            raise _Failed(f"{registered.name} on {page}: {error}") from None
    return None, f"every parse valid within {timeout:g} s"


def _isolation(
    plugins: Plugins, found: list[RegisteredExtractor], pages: dict[str, str], timeout: float
) -> tuple[None, str]:
    """An isolated plugin is never imported by the service and answers again after its
    workers are killed."""
    if not plugins.pools:
        return None, "bundled: runs in the service's process"
    imported = [name for name in sys.modules if name.split(".")[0] in _modules(found)]
    if imported:
        raise _Failed(f"the service imported {', '.join(imported)}")
    for pool in plugins.pools.values():
        pool.restart()
    registered, _, document = next(_each(found, pages))
    started = time.monotonic()
    try:
        registered.claim(document, timeout)
    except PluginFailure as error:
        raise _Failed(f"no answer after its workers were killed: {error}") from None
    return None, f"answers again {time.monotonic() - started:.1f} s after its workers were killed"


def _modules(found: list[RegisteredExtractor]) -> set[str]:
    values = {pool.entry.value for r in found if (pool := r.pool) is not None}
    return {value.split(":")[0].split(".")[0] for value in values}


def _score(
    gold: Path,
    docs: Path | None,
    plugins: Plugins,
    found: list[RegisteredExtractor],
    timeout: float,
) -> tuple[None, str]:
    expected = evaluation.load_gold(gold)
    folder = docs or _gold_docs(gold)
    predictions = {}
    failures: list[str] = []
    for document in expected.documents:
        text = (folder / document.file).read_text(encoding="utf-8")
        extracted = extract(RawDocument(text=text), plugins, timeout=timeout)
        failures += [f"{document.file}: {f.error}" for f in extracted.failures]
        predictions[document.file] = {"file": document.file, **msgspec.to_builtins(extracted)}
    if failures:
        raise _Failed("; ".join(failures))
    return None, evaluation.summary_line(evaluation.score(expected, predictions))


def _each(
    found: list[RegisteredExtractor], pages: dict[str, str]
) -> Iterator[tuple[RegisteredExtractor, str, RawDocument]]:
    for registered in found:
        for page, text in pages.items():
            yield registered, page, RawDocument(text=text)
