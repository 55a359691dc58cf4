"""The generated artefacts: ``openapi.json`` and ``schemas/`` (JSON Schemas of the public types)."""

import json
from pathlib import Path

import msgspec

from provenance import domain
from provenance.settings import Settings

PUBLIC_TYPES: tuple[type, ...] = tuple(
    getattr(domain, name)
    for name in (
        "Appearance",
        "Cluster",
        "Disagreement",
        "Document",
        "DocumentIn",
        "DocumentSummary",
        "ExtractedDocument",
        "ExtractionRecord",
        "ExtractorInfo",
        "Health",
        "IngestResult",
        "Problem",
        "ReextractIn",
        "RelayEdge",
        "Source",
        "Speaker",
        "Statement",
    )
)


def openapi_document() -> dict:
    """The OpenAPI document exactly as the app serves it at ``/schema/openapi.json``."""
    from provenance.api.openapi import refine
    from provenance.app import create_app

    app = create_app(Settings(database_url="sqlite://", seed_on_start=False))
    return refine(app.openapi_schema.to_schema(), app.state.service.plugins.extractors)


def json_schemas() -> dict[str, dict]:
    """A JSON Schema (2020-12) per public Struct, each with the definitions it uses."""
    schemas = {}
    for kind in PUBLIC_TYPES:
        _, components = msgspec.json.schema_components([kind], ref_template="#/$defs/{name}")
        schemas[kind.__name__] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": kind.__name__,
            **components[kind.__name__],
            "$defs": {k: v for k, v in components.items() if k != kind.__name__},
        }
    return schemas


def expected_files(root: Path) -> dict[Path, str]:
    """Every generated file under ``root`` with the text it should have."""
    files = {root / "openapi.json": _dump(openapi_document())}
    for name, schema in json_schemas().items():
        files[root / "schemas" / f"{name}.json"] = _dump(schema)
    return files


def write_artifacts(root: Path) -> list[Path]:
    """(Re)write the generated files; returns the ones that changed."""
    changed = []
    expected = expected_files(root)
    for path, text in expected.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for stray in sorted(set((root / "schemas").glob("*.json")) - set(expected)):
        stray.unlink()
        changed.append(stray)
    return changed


def stale_artifacts(root: Path) -> list[Path]:
    """Generated files that differ from what the code produces now (or are missing/stray)."""
    expected = expected_files(root)
    stale = [p for p, text in expected.items() if not p.exists() or p.read_text("utf-8") != text]
    stale += sorted(set((root / "schemas").glob("*.json")) - set(expected))
    return stale


def _dump(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
