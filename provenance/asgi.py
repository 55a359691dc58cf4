"""ASGI entry point for servers with several workers: ``uvicorn provenance.asgi:app``."""

from provenance.app import create_app
from provenance.settings import Settings

app = create_app(Settings.from_env())
