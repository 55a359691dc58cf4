"""Provenance: who said what, where, when, and via whom, in news articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("provenance")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
