"""Key hashing and revocation, usage counters (SQLite and PostgreSQL), rate limiter, conversation store."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from chat.store.db import open_database
from chat.web.api.conversations import ConversationStore
from chat.web.api.keys import ApiKeyError, ApiKeyService, split_key
from chat.web.api.rate_limit import RateLimiter
from chat.web.api.schema import api_keys
from chat.web.api.usage import ApiUsageCounter


@pytest.fixture
def engine(database_url):
    engine = open_database(database_url)
    yield engine
    engine.dispose()


def test_key_is_stored_only_as_hash_and_verifies(engine):
    service = ApiKeyService(engine, known_models=["extern", "intern"])
    new = service.create("Fallakte", ["extern"], ["none", "pseudonymised"], 30)
    assert new.secret.startswith(f"sgpt_{new.key.key_id}_") and len(new.secret) > 50
    assert new.secret not in repr(new)
    with engine.connect() as conn:
        row = conn.execute(select(api_keys)).one()
    assert row.secret_hash == hashlib.sha256(new.secret.encode()).hexdigest()
    assert new.secret not in str(tuple(row))
    key = service.verify(new.secret)
    assert key is not None and key.system == "Fallakte" and key.models == ("extern",) and key.rate_per_minute == 30


@pytest.mark.parametrize("mangle", [
    lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"),  # wrong secret, right key id
    lambda s: "sgpt_000000000000_" + s.split("_", 2)[2],  # unknown key id
    lambda s: s.replace("sgpt_", "sk-"), lambda s: "", lambda s: "x" * 5000, lambda s: s + " ",
])
def test_wrong_keys_are_refused(engine, mangle):
    service = ApiKeyService(engine)
    new = service.create("Fallakte", ["extern"])
    presented = mangle(new.secret)
    assert (service.verify(presented) is None) or presented.strip() == new.secret


def test_revoked_key_is_refused_and_listed_as_revoked(engine):
    service = ApiKeyService(engine)
    keep = service.create("A", ["extern"])
    gone = service.create("B", ["extern"])
    revoked = service.revoke(gone.key.key_id)
    assert revoked.revoked and service.verify(gone.secret) is None
    assert service.verify(keep.secret) is not None
    assert {k.key_id: k.revoked for k in service.list()} == {keep.key.key_id: False, gone.key.key_id: True}
    with pytest.raises(ApiKeyError, match="bereits gesperrt"):
        service.revoke(gone.key.key_id)
    with pytest.raises(ApiKeyError, match="gibt es nicht"):
        service.revoke("000000000000")


@pytest.mark.parametrize("kwargs, message", [
    ({"system": "", "models": ["extern"]}, "Systemname"),
    ({"system": "X", "models": []}, "mindestens ein Modell"),
    ({"system": "X", "models": ["gpt-4o"]}, "Unbekannte Modelle"),
    ({"system": "X", "models": ["extern"], "data_classes": ["geheim"]}, "Unbekannte Datenklassen"),
    ({"system": "X", "models": ["extern"], "rate_per_minute": 0}, "Ratenlimit"),
])
def test_invalid_keys_are_not_created(tmp_path, kwargs, message):
    engine = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with pytest.raises(ApiKeyError, match=message):
        ApiKeyService(engine, known_models=["extern"]).create(**kwargs)


def test_split_key():
    assert split_key("sgpt_0123456789ab_secret_with_underscores") == "0123456789ab"
    assert split_key("sgpt_0123456789AB_x") is None and split_key("sgpt_0123_x") is None
    assert split_key("Bearer sgpt") is None


def test_usage_counts_per_day_system_model_outcome(engine):
    usage = ApiUsageCounter(engine, ["extern", "intern"])
    usage.record("Fallakte", "extern", "ok", 100, 20)
    usage.record("Fallakte", "extern", "ok", 50, 10)
    usage.record("Fallakte", "extern", "refused_policy")
    usage.record("Pflegedoku", "intern", "ok", 7, 3)
    rows = {(r.system, r.model, r.outcome): r for r in usage.rows()}
    assert (rows[("Fallakte", "extern", "ok")].requests, rows[("Fallakte", "extern", "ok")].prompt_tokens,
            rows[("Fallakte", "extern", "ok")].completion_tokens) == (2, 150, 30)
    assert rows[("Fallakte", "extern", "refused_policy")].requests == 1
    assert rows[("Pflegedoku", "intern", "ok")].requests == 1


def test_usage_counts_a_model_name_it_does_not_serve_as_other(engine):
    """The model field is free text: whatever a caller writes there (a client's name) is never stored."""
    from chat.web.api.usage import OTHER_MODEL

    usage = ApiUsageCounter(engine, ["extern"])
    usage.record("Fallakte", "Frau Aylin Demir", "model_not_found")
    usage.record("Fallakte", "EXTERN", "model_not_found")
    usage.record("Fallakte", "extern", "ok", 5, 1)
    rows = {(r.system, r.model, r.outcome): r.requests for r in usage.rows()}
    assert rows == {("Fallakte", OTHER_MODEL, "model_not_found"): 2, ("Fallakte", "extern", "ok"): 1}


def test_rate_limiter_bursts_to_the_limit_then_refills(tmp_path):
    from chat.store.db import open_database

    now = [1000.0]
    limiter = RateLimiter(open_database(f"sqlite:///{tmp_path / 'db.sqlite'}"), clock=lambda: now[0])
    assert [limiter.acquire("k", 3) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.acquire("k", 3)
    assert wait == pytest.approx(20.0)  # one request per 20 s at 3/min
    assert limiter.acquire("other", 3) == 0.0  # keys are independent
    now[0] += 10
    assert limiter.acquire("k", 3) == pytest.approx(10.0)
    now[0] += 10
    assert limiter.acquire("k", 3) == 0.0
    assert limiter.acquire("k", 3) > 0


def test_rate_limit_is_one_limit_for_all_processes(tmp_path):
    """Two limiters on one database (two server processes), concurrent requests: the limit holds once in total."""
    import threading

    from chat.store.db import open_database

    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    limiters = [RateLimiter(open_database(url)), RateLimiter(open_database(url))]
    admitted, start = [], threading.Barrier(8)

    def burst(limiter):
        start.wait()
        for _ in range(5):
            admitted.append(limiter.acquire("nachtlauf", 10) == 0.0)

    threads = [threading.Thread(target=burst, args=(limiters[i % 2],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(admitted) == 10 and len(admitted) == 40


def test_conversation_store_expires_and_bounds():
    now = [0.0]
    made = []

    def create():
        made.append(object())
        return made[-1]

    store = ConversationStore(ttl_seconds=60, max_size=2, clock=lambda: now[0])
    a = store.get_or_create(("key", "a"), create)
    assert store.get_or_create(("key", "a"), create) is a
    assert store.get_or_create(("other-key", "a"), create) is not a  # per key
    store.get_or_create(("key", "b"), create)  # third entry: the least recently used goes
    assert len(store) == 2
    now[0] += 61
    assert len(store) == 0
    assert store.get_or_create(("key", "a"), create) is not a
