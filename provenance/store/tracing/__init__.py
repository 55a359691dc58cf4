"""Provenance tracing in the store: quote clusters, denials and relay edges.

Written at ingest (:func:`index_statements`, called in the write path's transaction) and
read by traces. Every query is indexed and bounded: nothing reads all statements. The
method is described in ``docs/tracing.md``.
"""

from provenance.store.tracing.ingest import forget_statements, index_statements

__all__ = ["forget_statements", "index_statements"]
