"""Small value types and vocabularies used across the domain."""

from typing import Literal

StatementKind = Literal["direct", "indirect"]
SpeakerKind = Literal["person", "organization", "group"]
SourceKind = Literal["outlet", "agency", "platform", "person", "group"]
DatePrecision = Literal["day", "month", "year", "unknown"]

#: How a speaker originally said something (the gold format's vocabulary).
CHANNELS: tuple[str, ...] = (
    "statement",
    "press briefing",
    "news conference",
    "interview",
    "media talk",
    "tweet",
    "telephone conversation",
    "speech",
    "letter",
    "report",
    "resolution",
)


def precision_of(date: str | None) -> DatePrecision:
    """The precision of an ISO date string cut to year, month or day."""
    if not date:
        return "unknown"
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "unknown")  # type: ignore[return-value]
