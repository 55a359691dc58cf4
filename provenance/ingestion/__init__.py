"""Input readers: HTML pages, RSS/Atom feeds, WARC archives and IPTC ninjs turned into the
same :class:`provenance.domain.RawDocument` that plain text becomes, and the bulk loaders
(worker processes on one machine, Dask distributed beyond it) that feed them to the store."""
