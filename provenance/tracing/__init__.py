"""Provenance tracing: quote matching, PROV export and chain pictures (no database here)."""
