"""Reads derived from many rows, kept until the next write to a table they come from.

Migration 0009's triggers raise ``read_version.version`` in every transaction that writes
a read table. A :class:`VersionedCache` keeps items loaded at one version and drops them
all when a reader finds another: an answer from it is the answer a fresh load would give
in the reader's snapshot, at the cost of reading one row.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from sqlalchemy import select

from provenance.store.plain import Db
from provenance.store.tables import read_version

_VERSION = select(read_version.c.version).where(read_version.c.id == 1)


def current_version(db: Db) -> int:
    return db.execute(_VERSION).scalar_one()


class VersionedCache:
    """Items by key as loaded at one read version, the most recently used up to ``size``:
    a count of items, or their total ``weigh(item)`` (bytes, say) when given."""

    def __init__(self, size: int, weigh: Callable[[Any], int] | None = None) -> None:
        self.size = size
        self._weigh = weigh or (lambda _item: 1)
        self._lock = threading.Lock()
        self._version: int | None = None
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._weight = 0

    def many(
        self,
        db: Db,
        keys: Sequence[Hashable],
        load: Callable[[Db, list], list],
        key_of: Callable[[Any], Hashable],
    ) -> list:
        """The items of ``keys`` (those that exist, in that order), ``load(db, missing)``
        loading those not kept at ``db``'s version."""
        version = current_version(db)
        found = self._kept(version, keys)
        missing = [key for key in keys if key not in found]
        if missing:
            loaded = {key_of(item): item for item in load(db, missing)}
            self._keep(version, loaded)
            found |= loaded
        return [found[key] for key in keys if key in found]

    def one(
        self,
        db: Db,
        key: Hashable,
        load: Callable[[], Any],
        worth_keeping: Callable[[Any], bool] = lambda _item: True,
    ) -> Any:
        """The item of ``key``, ``load()`` called when it is not kept at ``db``'s version
        (and what it loaded kept if ``worth_keeping``)."""
        version = current_version(db)
        found = self._kept(version, [key])
        if key in found:
            return found[key]
        item = load()
        if worth_keeping(item):
            self._keep(version, {key: item})
        return item

    def _kept(self, version: int, keys: Sequence[Hashable]) -> dict:
        with self._lock:
            if version != self._version:
                return {}
            found = {key: self._items[key] for key in keys if key in self._items}
            for key in found:
                self._items.move_to_end(key)
            return found

    def _keep(self, version: int, items: dict) -> None:
        """Keep ``items``, loaded at ``version``: a newer version than the one kept starts
        again; an older one (a reader that began before a write) keeps nothing."""
        with self._lock:
            if self._version is None or version > self._version:
                self._version, self._items, self._weight = version, OrderedDict(), 0
            elif version < self._version:
                return
            for key, item in items.items():
                if key in self._items:
                    self._weight -= self._weigh(self._items.pop(key))
                self._items[key] = item
                self._weight += self._weigh(item)
            while self._weight > self.size:
                self._weight -= self._weigh(self._items.popitem(last=False)[1])
