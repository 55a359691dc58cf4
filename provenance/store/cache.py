"""Reads derived from many rows, kept until the next write to a table they come from.

Migration 0009's triggers raise ``read_version.version`` in every transaction that writes
a read table. A :class:`VersionedCache` keeps items loaded at one version and drops them
all when a reader finds another: an answer from it is the answer a fresh load would give
in the reader's snapshot, at the cost of reading one row.
"""

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from sqlalchemy import select

from provenance.store.plain import Db
from provenance.store.tables import read_version

_VERSION = select(read_version.c.version).where(read_version.c.id == 1)


def current_version(db: Db) -> int:
    return db.execute(_VERSION).scalar_one()


class VersionedCache:
    """Items by key, as loaded at one read version (at most ``size``, then started again)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._state: tuple[int | None, dict] = (None, {})

    def many(
        self,
        db: Db,
        keys: Sequence[Hashable],
        load: Callable[[Db, list], list],
        key_of: Callable[[Any], Hashable],
    ) -> list:
        """The items of ``keys`` (those that exist, in that order), ``load(db, missing)``
        loading those not kept at ``db``'s version."""
        items = self._at(current_version(db))
        missing = [key for key in keys if key not in items]
        if missing:
            if len(items) + len(missing) > self.size:
                items = self._at(current_version(db), again=True)
            for item in load(db, missing):
                items[key_of(item)] = item
        return [items[key] for key in keys if key in items]

    def one(self, db: Db, key: Hashable, load: Callable[[], Any]) -> Any:
        """The item of ``key``, ``load()`` called when it is not kept at ``db``'s version."""
        items = self._at(current_version(db))
        if key not in items:
            if len(items) >= self.size:
                items = self._at(current_version(db), again=True)
            items[key] = load()
        return items[key]

    def _at(self, version: int, again: bool = False) -> dict:
        """The items kept at ``version``; a new, empty set when it is not the one kept (a
        new dict, never the old one cleared: a reader at the old version may still add)."""
        kept, items = self._state
        if again or kept != version:
            items = {}
            self._state = (version, items)
        return items
