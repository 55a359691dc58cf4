"""Keys are stored hashed, listed without their secret, revoked for good."""

import pytest
from sqlalchemy import MetaData, select

from provenance.security import KeyRing, KeyStore, Scope, UnknownKey
from provenance.security import keys as keys_module
from provenance.security.keys import prefix_of


def every_stored_value(store: KeyStore) -> str:
    """Every value of every row of every table, as one text."""
    metadata = MetaData()
    metadata.reflect(store.engine)
    with store.engine.connect() as conn:
        return repr([conn.execute(select(table)).all() for table in metadata.sorted_tables])


def test_the_database_holds_no_key_material(store: KeyStore):
    key, info = store.create(Scope.write, "newsroom tool")
    secret = key.split("_", 2)[2]
    ring = KeyRing(store)
    ring.reload()
    assert ring.authenticate(key) is not None
    ring.reload()  # the last-used time is written too
    stored = every_stored_value(store)
    assert info.prefix in stored  # the public part, to find and list it
    assert key not in stored
    assert secret not in stored
    assert secret[:16] not in stored


def test_keys_are_random_and_carry_their_prefix(store: KeyStore):
    first, info = store.create(Scope.read, "a")
    second, _ = store.create(Scope.read, "b")
    assert first != second
    assert prefix_of(first) == info.prefix
    assert len(first.split("_", 2)[2]) >= 43  # 256 bits, URL-safe base64


def test_a_taken_prefix_is_drawn_again(store: KeyStore, monkeypatch: pytest.MonkeyPatch):
    prefixes = iter(["0badcafe", "0badcafe", "0badcafe", "5eed5eed"])
    monkeypatch.setattr(keys_module.secrets, "token_hex", lambda _n: next(prefixes))
    _, first = store.create(Scope.read, "first")
    _, second = store.create(Scope.read, "second")
    assert (first.prefix, second.prefix) == ("0badcafe", "5eed5eed")


def test_list_shows_name_scope_prefix_and_revocation(store: KeyStore):
    _, kept = store.create(Scope.admin, "ops")
    _, dropped = store.create(Scope.read, "dashboard")
    store.revoke(dropped.prefix)
    listed = {key.name: key for key in store.all()}
    assert listed["ops"].scope == "admin" and listed["ops"].revoked_at is None
    assert listed["dashboard"].prefix == dropped.prefix
    assert listed["dashboard"].revoked_at is not None
    assert kept.created_at is not None


def test_revoke_by_id_or_prefix_and_unknown_names(store: KeyStore):
    _, info = store.create(Scope.write, "x")
    assert store.revoke(str(info.id)).revoked_at is not None
    first = store.revoke(info.prefix).revoked_at
    assert store.revoke(info.prefix).revoked_at == first  # revoking again changes nothing
    with pytest.raises(UnknownKey):
        store.revoke("ffffffff")
    with pytest.raises(UnknownKey):
        store.revoke("99999999999999999999")


def test_the_ring_accepts_active_keys_only(store: KeyStore):
    key, info = store.create(Scope.write, "w")
    ring = KeyRing(store, bootstrap=("bootstrap-key",))
    ring.reload()
    identity = ring.authenticate(key)
    assert identity is not None and identity.scope is Scope.write and identity.key_id == info.id
    assert ring.authenticate(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert ring.authenticate("prov_00000000_" + key.split("_", 2)[2]) is None
    assert ring.authenticate("") is None
    assert ring.authenticate("bootstrap-key").scope is Scope.write
    store.revoke(info.prefix)
    ring.reload()
    assert ring.authenticate(key) is None


def test_last_use_is_recorded(store: KeyStore):
    key, info = store.create(Scope.read, "r")
    ring = KeyRing(store)
    ring.reload()
    ring.authenticate(key)
    ring.reload()
    assert store.find(info.prefix).last_used_at is not None


def test_scopes_are_ordered():
    assert Scope.read < Scope.write < Scope.admin
