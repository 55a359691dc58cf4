"""Token buckets: a burst up to the limit, then the steady rate; headers say so."""

import pytest

from provenance.security import ratelimit
from provenance.security.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(ratelimit.time, "monotonic", clock)
    return clock


def test_a_burst_up_to_the_limit_then_refused(clock: Clock):
    limiter = RateLimiter(per_minute=3)
    assert [limiter.take("a").allowed for _ in range(4)] == [True, True, True, False]
    refused = limiter.take("a")
    assert refused.remaining == 0
    assert refused.retry_after == 20  # one request every 60/3 s
    assert limiter.take("b").allowed  # another client has its own bucket


def test_tokens_come_back_at_the_steady_rate(clock: Clock):
    limiter = RateLimiter(per_minute=60)
    for _ in range(60):
        limiter.take("a")
    assert not limiter.take("a").allowed
    clock.now += 1.0
    assert limiter.take("a").allowed
    assert not limiter.take("a").allowed
    clock.now += 120.0
    assert limiter.peek("a").remaining == 60


def test_headers_describe_the_quota(clock: Clock):
    quota = RateLimiter(per_minute=10).take("a")
    headers = dict(quota.headers())
    assert headers[b"ratelimit-limit"] == b"10"
    assert headers[b"ratelimit-remaining"] == b"9"
    assert headers[b"ratelimit-reset"] == b"6"
    assert headers[b"ratelimit-policy"] == b"10;w=60"


def test_memory_stays_bounded(clock: Clock, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ratelimit, "MAX_BUCKETS", 100)
    limiter = RateLimiter(per_minute=5)
    for n in range(1000):
        limiter.take(f"client-{n}")
    assert len(limiter.buckets) <= 100


def test_zero_means_off():
    assert not RateLimiter(per_minute=0).enabled
