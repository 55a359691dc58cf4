"""In-process rate limits: one token bucket per key or per client address.

A bucket holds up to ``per_minute`` tokens and refills continuously at ``per_minute``/60
a second, so a client may burst up to a minute's allowance and then goes at the steady
rate. Buckets live in the worker's memory: with several workers each has its own.
"""

import math
import time
from dataclasses import dataclass

WINDOW_SECONDS = 60.0
MAX_BUCKETS = 100_000
"""Past this many clients, full (idle) buckets are forgotten; if all are busy, all are."""


@dataclass(slots=True)
class Quota:
    """What a client has left, as the ``RateLimit-*`` headers say it."""

    limit: int
    remaining: int
    reset_seconds: int
    """Seconds until the bucket is full again."""
    retry_after: int
    """Seconds until one more request is allowed (0 when one is allowed now)."""

    @property
    def allowed(self) -> bool:
        return self.retry_after == 0

    def headers(self) -> list[tuple[bytes, bytes]]:
        return [
            (b"ratelimit-limit", b"%d" % self.limit),
            (b"ratelimit-remaining", b"%d" % self.remaining),
            (b"ratelimit-reset", b"%d" % self.reset_seconds),
            (b"ratelimit-policy", b"%d;w=%d" % (self.limit, WINDOW_SECONDS)),
        ]


class RateLimiter:
    """Token buckets by client; ``per_minute`` 0 turns the limit off."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.rate = per_minute / WINDOW_SECONDS
        self.buckets: dict[str, tuple[float, float]] = {}
        """client -> (tokens, when they were counted)."""

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def take(self, client: str, cost: float = 1.0) -> Quota:
        """Spend ``cost`` tokens of ``client``'s bucket if it has them; say what is left."""
        now = time.monotonic()
        tokens = self._tokens(client, now)
        if tokens < cost:
            return self._quota(tokens, short=cost - tokens)
        self._store(client, tokens - cost, now)
        return self._quota(tokens - cost, short=0.0)

    def peek(self, client: str, cost: float = 1.0) -> Quota:
        """What ``client`` has left, spending nothing."""
        tokens = self._tokens(client, time.monotonic())
        return self._quota(tokens, short=max(0.0, cost - tokens))

    def _tokens(self, client: str, now: float) -> float:
        tokens, counted = self.buckets.get(client, (self.per_minute, now))
        return min(self.per_minute, tokens + (now - counted) * self.rate)

    def _store(self, client: str, tokens: float, now: float) -> None:
        if len(self.buckets) >= MAX_BUCKETS and client not in self.buckets:
            self._forget_full(now)
        self.buckets[client] = (tokens, now)

    def _forget_full(self, now: float) -> None:
        self.buckets = {
            client: (tokens, counted)
            for client, (tokens, counted) in self.buckets.items()
            if tokens + (now - counted) * self.rate < self.per_minute
        }
        if len(self.buckets) >= MAX_BUCKETS:  # memory stays bounded, at the cost of a reset
            self.buckets.clear()

    def _quota(self, tokens: float, short: float) -> Quota:
        return Quota(
            limit=self.per_minute,
            remaining=int(tokens),
            reset_seconds=math.ceil((self.per_minute - tokens) / self.rate),
            retry_after=math.ceil(short / self.rate),
        )
