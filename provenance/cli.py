"""The ``provenance`` command line."""

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import msgspec
import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from provenance.domain import ExtractorInfo, RawDocument
from provenance.settings import Settings, SettingsError

app = typer.Typer(
    help="Provenance: who said what, where, when, and via whom, in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

TEXT_SUFFIXES = {".txt", ".text"}
Paths = Annotated[list[Path], typer.Argument(help="Files, or folders searched for *.txt files.")]


class CliError(Exception):
    """An error the user can fix: printed as one line, exit status 1."""


def main() -> None:
    try:
        app()
    except (CliError, SettingsError) as error:
        err.print(f"[red]error:[/red] {error}", highlight=False)
        sys.exit(1)


def _service(seed: bool = False):
    from provenance.service import ProvenanceService

    settings = Settings.from_env()
    if not seed:
        settings = msgspec.structs.replace(settings, seed_on_start=False)
    service = ProvenanceService(settings)
    service.start()
    return service


def _files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in TEXT_SUFFIXES)
        else:
            yield path


def _read(path: Path) -> str:
    """The file's text, or a CliError saying in one line why it cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a directory") from None
    except UnicodeDecodeError as error:
        raise CliError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise CliError(f"{path}: {error.strerror}") from None
    if not text.strip():
        raise CliError(f"{path}: empty file")
    return text


SERVER_OPTIONS = {"loop": "uvloop", "http": "httptools", "access_log": False}
"""How ``serve`` runs uvicorn (and the benchmarks run their references). uvloop sets
TCP_NODELAY on every connection; asyncio's loop does not on the socket uvicorn binds for
several workers, so Nagle and delayed ACKs added about 40 ms to every keep-alive request."""


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Serve the REST API (loads the seeds into an empty database first)."""
    import uvicorn

    settings = Settings.from_env()
    if workers > 1:
        # Migrate and seed once, here: workers starting together would race to do it.
        _service(seed=True).close()
        uvicorn.run("provenance.asgi:app", host=host, port=port, workers=workers, **SERVER_OPTIONS)
    else:
        from provenance.app import create_app

        uvicorn.run(create_app(settings), host=host, port=port, **SERVER_OPTIONS)


@app.command()
def seed(
    folder: Annotated[Path | None, typer.Argument(help="Folder of seed articles.")] = None,
) -> None:
    """Load the seed articles (idempotent: already stored ones are left as they are)."""
    service = _service()
    folder = folder or Path(service.settings.seeds_dir)
    if not folder.is_dir():
        raise CliError(f"{folder}: no such folder")
    _ingest_all(service, list(_files([folder])))


InputPaths = Annotated[
    list[Path],
    typer.Argument(help="Files, or folders of .txt, .html, feeds, WARC and ninjs files."),
]


@app.command()
def ingest(
    paths: InputPaths,
    workers: Annotated[
        int, typer.Option(help="Extraction processes [default: every core].", min=1)
    ] = os.cpu_count() or 1,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Extract on this Dask scheduler (tcp://host:8786) instead."),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(help="Resume record [default: var/ingest/<hash of database and paths>]."),
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per write.", min=1)] = 200,
    extractor: Annotated[str | None, typer.Option(help="Use this extractor.")] = None,
) -> None:
    """Ingest text, HTML, RSS/Atom, WARC and ninjs files and folders: extraction in worker
    processes (or on Dask), batched writes, a progress bar, and a summary. Interrupted or
    killed, the same command resumes where it stopped, storing nothing twice."""
    from provenance.ingestion.bulk import BulkLoader, Manifest, default_manifest

    missing = [path for path in paths if not path.exists()]
    if missing:
        raise CliError(f"{missing[0]}: no such file or folder")
    service = _service()
    record = Manifest(manifest or default_manifest(service.settings.database_url, paths))
    try:
        with _executor(workers, scheduler) as (executor, slots):
            loader = BulkLoader(service, executor, record, slots, extractor, batch_size)
            summary = _run_with_progress(loader, paths)
    except KeyboardInterrupt:
        record.close()
        err.print("interrupted: run the same command again to resume", highlight=False)
        raise typer.Exit(130) from None
    record.finish()
    _print_summary(summary)
    if summary.failures:
        raise typer.Exit(1)


@contextmanager
def _executor(workers: int, scheduler: str | None):
    """(executor, how many extract at once): Dask workers, local processes, or this one."""
    if scheduler:
        from provenance.ingestion.cluster import dask_executor
        from provenance.ingestion.items import InputError

        try:
            with dask_executor(scheduler) as found:
                yield found
        except InputError as error:
            raise CliError(str(error)) from None
        return
    if workers == 1:
        from provenance.ingestion.bulk import InProcessExecutor

        yield InProcessExecutor(), 1
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield pool, workers


def _run_with_progress(loader, paths: list[Path]):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from provenance.ingestion.bulk import Summary

    summary = Summary()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=0, rate="")

        def found(count: int) -> None:
            progress.update(task, total=progress.tasks[task].total + count)

        for outcome in loader.run(paths, found):
            summary.add(outcome)
            speed = progress.tasks[task].speed
            progress.update(task, advance=1, rate=f"{speed:.0f} docs/s" if speed else "")
    return summary


def _print_summary(summary) -> None:
    for failure in summary.failures:
        err.print(f"[red]failed:[/red] {failure.ref}: {failure.error}", highlight=False)
    labels = ("new", "duplicate", "failed")
    if len(summary.per_input) > 1:
        rows = [
            (name, *(str(counts[label]) for label in labels))
            for name, counts in summary.per_input.items()
        ]
        _print_rows(("input", *labels), rows)
    totals = summary.totals()
    out.print(", ".join(f"{totals[label]} {label}" for label in labels))


def _ingest_all(service, files: list[Path]) -> int:
    counts = {"new": 0, "duplicate": 0, "failed": 0}
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            try:
                created = _store(service, path)
                counts["new" if created else "duplicate"] += 1
            except CliError as error:
                counts["failed"] += 1
                progress.console.print(f"[red]failed:[/red] {error}", highlight=False)
            progress.advance(task)
    out.print(", ".join(f"{n} {label}" for label, n in counts.items()))
    return counts["failed"]


def _store(service, path: Path) -> bool:
    """Ingest one file: True when new; a CliError when it has nothing to store."""
    from provenance.service import EmptyDocument
    from provenance.store.database import WriteContention

    try:
        created, _ = service.ingest(RawDocument(text=_read(path)))
    except (EmptyDocument, WriteContention) as error:
        raise CliError(f"{path}: {error}") from None
    return created


@app.command()
def extract(
    paths: Paths,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines, one object per file.")
    ] = False,
    extractor: Annotated[str | None, typer.Option(help="Use this extractor.")] = None,
) -> None:
    """Extract statements from files and print them; nothing is stored."""
    from provenance.extraction.pipeline import UnknownExtractor, extract
    from provenance.plugins import plugins_from_env

    timeout = Settings.from_env().extract_timeout
    plugins = plugins_from_env()
    failed = 0
    for path in _files(paths):
        try:
            found = extract(RawDocument(text=_read(path)), plugins, extractor, timeout)
        except CliError as error:
            failed += 1
            err.print(f"[red]error:[/red] {error}", highlight=False)
            continue
        except UnknownExtractor as error:
            raise CliError(f"no extractor named {error.args[0]!r}") from None
        if as_json:
            record = {"file": str(path), **msgspec.to_builtins(found)}
            sys.stdout.write(msgspec.json.encode(record).decode() + "\n")
        else:
            _print_extraction(path, found)
    if failed:
        raise typer.Exit(1)


def _print_extraction(path: Path, found) -> None:
    out.print(f"[bold]{path}[/bold]: {found.title!r} ({len(found.statements)} statements)")
    for s in found.statements:
        who = s.speaker.name if s.speaker else "?"
        via = " via " + " -> ".join(h.name for h in s.via) if s.via else ""
        out.print(f"  {who} {s.cue or ''}{via}: {s.kind} “{s.text[:100]}”", highlight=False)


plugins_app = typer.Typer(
    help="Extractor plugins: list, write, install, uninstall.", invoke_without_command=True
)
app.add_typer(plugins_app, name="plugins")


@plugins_app.callback()
def plugins_default(context: typer.Context) -> None:
    """With no sub-command: list the installed plugins."""
    if context.invoked_subcommand is None:
        plugins_list()


@plugins_app.command("list")
def plugins_list() -> None:
    """Installed extractors: distribution, version, formats, hooks and status; plugins
    that failed to load are listed with their error, house-style warnings after it."""
    rows = [
        (
            info.name,
            info.distribution or "-",
            info.version or "-",
            ",".join(info.formats) or "-",
            ",".join(info.hooks) or "-",
            "; ".join(
                [info.status if info.error is None else f"{info.status}: {info.error}"]
                + [f"warning: {warning}" for warning in info.warnings]
            ),
        )
        for info in _installed_extractors()
    ]
    _print_rows(("extractor", "distribution", "version", "formats", "hooks", "status"), rows)


@plugins_app.command("test")
def plugins_test(
    package: Annotated[Path, typer.Argument(help="The plugin's package folder.")],
    gold: Annotated[
        Path | None, typer.Option(help="Gold file (provenance-gold/1) to score the plugin on.")
    ] = None,
    docs: Annotated[
        Path | None, typer.Option(help="Folder of sample pages [default: docs/ beside GOLD].")
    ] = None,
) -> None:
    """Check an installed plugin as the service would: discovery, claims, parses, time
    limits, isolation; with --gold, score it. Exit 1 if any check fails."""
    from provenance.conformance import run_checks

    checks = run_checks(package, gold, docs)
    for check in checks:
        (out if check.passed else err).print(check.line(), highlight=False, markup=False)
    if not all(check.passed for check in checks):
        raise typer.Exit(1)


@plugins_app.command("new")
def plugins_new(
    name: Annotated[str, typer.Argument(help="Format name, e.g. `guardian`.")],
    directory: Annotated[Path, typer.Option(help="Where to write the package.")] = Path("."),
) -> None:
    """Write a ready-to-edit plugin package (pyproject, extractor, a passing test)."""
    from provenance.plugin_template import TemplateError, write_plugin

    try:
        folder = write_plugin(name, directory)
    except TemplateError as error:
        raise CliError(str(error)) from None
    out.print(f"wrote {folder}; install it with: provenance plugins install -e {folder}")


@plugins_app.command(
    "install", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
def plugins_install(
    context: typer.Context,
    specs: Annotated[list[str], typer.Argument(help="pip requirement specs or paths.")],
) -> None:
    """Install plugins into the service's own environment (pip arguments pass through);
    then name every plugin that fails to load and every house-style warning."""
    _pip("install", *specs, *context.args)
    for info in _installed_extractors():
        if info.status == "failed":
            err.print(f"warning: plugin {info.name} failed to load: {info.error}", markup=False)
        for warning in info.warnings:
            err.print(f"warning: extractor {info.name}: {warning}", markup=False)


@plugins_app.command("uninstall")
def plugins_uninstall(
    names: Annotated[list[str], typer.Argument(help="Distribution names.")],
) -> None:
    """Uninstall plugins from the service's own environment."""
    _pip("uninstall", "--yes", *names)


def _print_rows(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A table on a terminal; tab-separated lines, never cut short, when piped."""
    if out.is_terminal:
        table = Table(*header)
        for row in rows:
            table.add_row(*row)
        out.print(table)
        return
    for row in (header, *rows):
        sys.stdout.write("\t".join(row) + "\n")


def _installed_extractors() -> list[ExtractorInfo]:
    """Every installed extractor and plugin as ``GET /extractors`` describes them."""
    from provenance.plugins import plugins_for

    settings = Settings.from_env()
    loaded = plugins_for(settings)
    try:
        # Isolated plugins get the start-up grace a server gives them to import.
        return loaded.describe(settings.extract_timeout)
    finally:
        loaded.close()


def _pip(*args: str) -> None:
    import subprocess

    result = subprocess.run([sys.executable, "-m", "pip", *args], check=False)
    if result.returncode:
        raise CliError(f"pip {args[0]} failed (exit {result.returncode})")


keys_app = typer.Typer(help="API keys: create, list, revoke.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


def _key_store():
    from sqlalchemy.exc import SQLAlchemyError

    from provenance.security import KeyStore
    from provenance.store.database import create_database_engine, migrate

    url = Settings.from_env().database_url
    try:
        engine = create_database_engine(url)
        migrate(engine)
    except (SQLAlchemyError, OSError) as error:
        raise CliError(f"cannot open the database: {str(error).splitlines()[0]}") from None
    return KeyStore(engine)


@keys_app.command("create")
def keys_create(
    scope: Annotated[
        str, typer.Option(help="read, write (includes read) or admin (includes write).")
    ],
    name: Annotated[str, typer.Option(help="Who or what the key is for.")] = "unnamed",
    save: Annotated[
        Path | None,
        typer.Option(
            help="Also write the key to this file (mode 600); if it already holds a working "
            "key, print that one instead of creating another."
        ),
    ] = None,
) -> None:
    """Create a key and print it, once: only its hash is stored."""
    from provenance.security import Scope

    if scope not in Scope.__members__:
        raise CliError(f"no scope {scope!r}: choose read, write or admin")
    store = _key_store()
    if save is not None and save.is_file() and store.is_active(save.read_text().strip()):
        err.print(f"the key in {save} still works; not creating another")
        sys.stdout.write(save.read_text().strip() + "\n")
        return
    key, info = store.create(Scope[scope], name)
    kept = "it is shown only this once"
    if save is not None:
        _save_secret(save, key)
        kept = f"kept in {save}"
    err.print(f"created key {info.id} ({info.prefix}, {info.scope}); {kept}:")
    sys.stdout.write(key + "\n")


def _save_secret(path: Path, key: str) -> None:
    import os

    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(key + "\n")


@keys_app.command("list")
def keys_list() -> None:
    """Every key: id, name, scope, prefix, when created and last used, whether revoked."""
    rows = [
        (
            str(key.id),
            key.name,
            key.scope,
            key.prefix,
            _when(key.created_at),
            _when(key.last_used_at),
            _when(key.revoked_at),
        )
        for key in _key_store().all()
    ]
    _print_rows(("id", "name", "scope", "prefix", "created", "last used", "revoked"), rows)


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


@keys_app.command("revoke")
def keys_revoke(
    key: Annotated[str, typer.Argument(help="The key's id or prefix (see `keys list`).")],
) -> None:
    """Revoke a key: requests with it are refused (within seconds on a running server)."""
    from provenance.security import UnknownKey

    try:
        info = _key_store().revoke(key)
    except UnknownKey as error:
        raise CliError(str(error)) from None
    out.print(f"revoked key {info.id} ({info.prefix}, {info.name})")


@app.command()
def trace(
    text: Annotated[str, typer.Argument(help="A quotation, or a fragment of one.")],
    limit: Annotated[int, typer.Option(help="Clusters to show, best match first.")] = 5,
) -> None:
    """Trace a quotation: who said it, where it first appeared, who relayed it."""
    from provenance.tracing.matching import QueryTooShort
    from provenance.tracing.tree import cluster_tree

    service = _service()
    try:
        found = service.trace(text, limit, 0)
    except QueryTooShort as error:
        raise CliError(str(error)) from None
    if not found.items:
        raise CliError("no stored statement carries these words")
    for cluster in found.items:
        out.print(cluster_tree(cluster))


@app.command()
def chain(
    statement_id: Annotated[int, typer.Argument(help="Statement id (cluster id with --cluster).")],
    output: Annotated[Path, typer.Option("--out", help="SVG file to write.")],
    cluster: Annotated[bool, typer.Option(help="Draw every appearance of a cluster.")] = False,
) -> None:
    """Draw the chain of a statement, or of a quote cluster, as an SVG picture."""
    service = _service()
    if cluster:
        picture = service.cluster_chain_svg(statement_id)
    else:
        picture = service.statement_chain_svg(statement_id)
    if picture is None:
        raise CliError(f"no {'cluster' if cluster else 'statement'} with id {statement_id}")
    output.write_text(picture, encoding="utf-8")
    out.print(f"wrote {output}")


@app.command()
def reextract(
    ids: Annotated[
        list[str] | None, typer.Argument(help="Document ids [default: every document].")
    ] = None,
    extractor: Annotated[str | None, typer.Option(help="Use this extractor.")] = None,
) -> None:
    """Extract stored documents again (after installing or upgrading a plugin), keeping
    the record of each earlier extraction."""
    from provenance.extraction.pipeline import UnknownExtractor
    from provenance.service import EmptyDocument
    from provenance.store.database import WriteContention

    service = _service()
    targets = ids or service.document_ids()
    counts = {"re-extracted": 0, "missing": 0}
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("re-extracting", total=len(targets))
        for doc_id in targets:
            try:
                found = service.reextract(doc_id, extractor)
            except UnknownExtractor as error:
                raise CliError(f"no extractor named {error.args[0]!r}") from None
            except (EmptyDocument, WriteContention) as error:
                raise CliError(f"{doc_id}: {error}; its stored extraction is kept") from None
            if found is None:
                counts["missing"] += 1
                progress.console.print(f"[red]no document[/red] {doc_id}", highlight=False)
            else:
                counts["re-extracted"] += 1
            progress.advance(task)
    out.print(", ".join(f"{n} {label}" for label, n in counts.items()))
    if counts["missing"]:
        raise typer.Exit(1)


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file (provenance-gold/1).")],
    docs: Annotated[
        Path | None, typer.Option(help="Folder of the documents [default: docs/ beside GOLD].")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The report as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every miss and error by pass.")
    ] = False,
) -> None:
    """Score extraction against a gold file: per document, errors per pass, overall."""
    from provenance import evaluation
    from provenance.extraction.pipeline import extract
    from provenance.plugins import plugins_from_env

    try:
        expected = evaluation.load_gold(gold)
    except evaluation.GoldError as error:
        raise CliError(str(error)) from None
    folder = docs or _docs_folder(gold)
    timeout = Settings.from_env().extract_timeout
    plugins = plugins_from_env()
    predictions = {}
    for document in expected.documents:
        found = extract(RawDocument(text=_read(folder / document.file)), plugins, timeout=timeout)
        predictions[document.file] = {"file": document.file, **msgspec.to_builtins(found)}
    report = evaluation.score(expected, predictions)
    if as_json:
        sys.stdout.write(json.dumps(evaluation.report_to_json(report), indent=2) + "\n")
        return
    sys.stdout.write(evaluation.format_table(report, blame=verbose) + "\n")


def _docs_folder(gold: Path) -> Path:
    """Where a gold file's documents are: ``docs/`` beside it, else ``../seeds/``."""
    for candidate in (gold.parent / "docs", gold.parent.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise CliError(f"no docs folder beside {gold}; name one with --docs")


@app.command()
def generate(
    root: Annotated[Path, typer.Option(help="Repository root.")] = Path("."),
    check: Annotated[bool, typer.Option(help="Only report stale files; exit 1 if any.")] = False,
) -> None:
    """Write openapi.json and schemas/ from the code (or check they are up to date)."""
    from provenance.artifacts import stale_artifacts, write_artifacts

    if check:
        stale = stale_artifacts(root)
        for path in stale:
            err.print(f"stale: {path}")
        if stale:
            raise CliError("generated files are stale; run `provenance generate`")
        return
    for path in write_artifacts(root):
        out.print(f"wrote {path}")
