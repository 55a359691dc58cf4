"""Attribution: quotations and reported speech with speakers, channels, chains and dates.

(Placeholder interface; the full engine arrives with the extraction engine.)
"""

import re

from msgspec import Struct, field

from provenance.domain import ExtractedSpeaker, ExtractedStatement, Mention, ParsedDocument
from provenance.domain.extraction import ExtractedSource

_QUOTE = re.compile(
    r"[“\"]([^”\"]{3,2000})[”\"],?\s+(?:said|added|stated)\s+([A-Z]\w+(?: [A-Z]\w+)*)"
)


class Attribution(Struct, kw_only=True):
    statements: list[ExtractedStatement]
    speakers: list[ExtractedSpeaker] = field(default_factory=list)
    sources: list[ExtractedSource] = field(default_factory=list)


def attribute(parsed: ParsedDocument) -> Attribution:
    statements = []
    for match in _QUOTE.finditer(parsed.body):
        statements.append(
            ExtractedStatement(
                text=match.group(1),
                kind="direct",
                cue="said",
                channel=None,
                said_on=None,
                start=match.start(1),
                end=match.end(1),
                speaker=Mention(match.group(2), "person"),
            )
        )
    return Attribution(statements=statements)
