"""Hostile bodies of any size: the shapes that once made extraction superlinear.

Each generator takes a size in characters and a seed phrase, so that hypothesis can vary
the words while the shape stays the one that hurts. ``bench/extraction.py`` measures the
same shapes.
"""

from collections.abc import Callable

HEADLINE = "Rain keeps falling on the valley for a third day\n\n"
"""Each body goes under a headline and ends a sentence, so that it is read as a story's
body (a bare line without a sentence end is page furniture) and attributed."""

CONTENT = "the rain will keep falling on the whole valley"
"""What the hostile statements say, unless a test says otherwise."""

_SYLLABLES = ("ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "ni", "pe", "bru", "zan")


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _name(n: int) -> str:
    """A distinct capitalised surname for each ``n``."""
    parts = []
    while True:
        n, digit = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
        if n == 0:
            break
    return "".join(parts).capitalize() + "son"


def relay_chain(size: int, content: str = CONTENT) -> str:
    """One endless sentence of relays: ``A said that B told Reuters that A said ...``."""
    return _repeat("Jo Roe said that Ann Lee told Reuters that ", size - len(content)) + content


def relay_sentences(size: int, content: str = CONTENT) -> str:
    """The relay pattern as many short sentences in one paragraph."""
    return _repeat(f"Jo Roe said that Ann Lee told Reuters that {content}. ", size)


def unterminated_quote(size: int, content: str = CONTENT) -> str:
    """A quotation that opens and never closes, in one paragraph."""
    return '"' + _repeat(f"{content}, and it was fine, ", size - 1)


def unbalanced_quotes(size: int, content: str = CONTENT) -> str:
    """Quotation marks that open again and again and never close."""
    return _repeat(f'He said "{content} and ', size)


def quote_paragraph(size: int, content: str = CONTENT) -> str:
    """One paragraph of nothing but short cued quotations."""
    return _repeat(f'"{content}," Jo Roe said. ', size)


def cue_storm(size: int, content: str = CONTENT) -> str:
    """Reporting verbs and phrases back to back, with little else."""
    storm = "Jo Roe said told added according to Ann Lee claimed that"
    return _repeat(f"{storm} {content} stated ", size)


def single_line(size: int, content: str = CONTENT) -> str:
    """One line without a sentence end or a line break."""
    return _repeat(f"{content} ", size)


def long_paragraph(size: int, content: str = CONTENT) -> str:
    """Ordinary attributed sentences, never broken into paragraphs."""
    return _repeat(f"Mayor Jo Roe said on Monday that {content}, the Courier reported. ", size)


def many_speakers(size: int, content: str = CONTENT) -> str:
    """A new named speaker in every sentence."""
    out: list[str] = []
    total = 0
    n = 0
    while total < size:
        sentence = f"Minister Ann {_name(n)} said {content}. "
        out.append(sentence)
        total += len(sentence)
        n += 1
    return "".join(out)[:size]


SHAPES: dict[str, Callable[[int, str], str]] = {
    "relay chain": relay_chain,
    "relay sentences": relay_sentences,
    "unterminated quote": unterminated_quote,
    "unbalanced quotes": unbalanced_quotes,
    "quote paragraph": quote_paragraph,
    "cue storm": cue_storm,
    "single line": single_line,
    "long paragraph": long_paragraph,
    "many speakers": many_speakers,
}


def hostile_document(shape: str, size: int, content: str = CONTENT) -> str:
    """A whole raw document: the headline, then ``size`` characters of ``shape``."""
    return HEADLINE + SHAPES[shape](size, content) + "."
