"""Pictures of chains: speaker -> intermediaries -> documents, drawn left to right as SVG.

Pure Python, no Graphviz: a column per hop, a box per speaker, source or document, an
arrow per link (labelled with the channel where the speaker's words left them, and with
how many appearances took that link when more than one did).
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from xml.sax.saxutils import escape

from provenance.domain import Appearance

BOX_WIDTH, BOX_HEIGHT = 190, 46
COLUMN_GAP, ROW_GAP, MARGIN, TITLE_HEIGHT = 130, 18, 20, 34
LABEL_CHARS = 28
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot carry at all, even escaped: most C0 controls, lone surrogates,
U+FFFE and U+FFFF. A title or quote holding one would make the picture unreadable."""
COLOURS = {"speaker": "#fde9c9", "source": "#dbe9f7", "document": "#e4f2df"}


@dataclass
class Node:
    key: tuple[str, str]
    kind: str
    title: str
    detail: str
    column: int = 0
    row: int = 0


def chain_svg(appearances: Sequence[Appearance], title: str) -> str:
    """An SVG picture of the chains of ``appearances`` (one statement's, or a cluster's)."""
    nodes: dict[tuple[str, str], Node] = {}
    edges: Counter = Counter()
    channels: dict[tuple, str] = {}
    for appearance in appearances:
        path = _path(appearance)
        for column, node in enumerate(path):
            known = nodes.setdefault(node.key, node)
            known.column = max(known.column, column)
        for a, b in pairwise(path):
            edges[(a.key, b.key)] += 1
            if a.kind == "speaker" and appearance.statement.channel:
                channels[(a.key, b.key)] = appearance.statement.channel
    _layout(nodes)
    return _render(title, nodes, edges, channels)


def _path(appearance: Appearance) -> list[Node]:
    statement, document = appearance.statement, appearance.document
    speaker = statement.speaker
    if speaker:
        named = statement.attributed_as or speaker.name
        detail = speaker.kind if named == speaker.name else f"as “{named}”"
        path = [Node(("speaker", str(speaker.id)), "speaker", speaker.name, detail)]
    else:
        path = [Node(("speaker", "?"), "speaker", "unattributed", "")]
    path += [
        Node(("source", str(source.id)), "source", source.name, source.kind)
        for source in statement.chain.via
    ]
    when = document.published or "undated"
    detail = f"{document.outlet} · {when}" if document.outlet else when
    path.append(Node(("document", document.id), "document", document.title or document.id, detail))
    return path


def _layout(nodes: dict[tuple[str, str], Node]) -> None:
    """Documents in the last column; each column's nodes stacked in order of first sight."""
    last = max((n.column for n in nodes.values() if n.kind != "document"), default=0) + 1
    rows: Counter = Counter()
    for node in nodes.values():
        if node.kind == "document":
            node.column = last
        node.row = rows[node.column]
        rows[node.column] += 1


def _position(node: Node) -> tuple[int, int]:
    x = MARGIN + node.column * (BOX_WIDTH + COLUMN_GAP)
    y = MARGIN + TITLE_HEIGHT + node.row * (BOX_HEIGHT + ROW_GAP)
    return x, y


def _render(title: str, nodes: dict, edges: Counter, channels: dict) -> str:
    columns = max((n.column for n in nodes.values()), default=0) + 1
    rows = max((n.row for n in nodes.values()), default=0) + 1
    width = 2 * MARGIN + columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP
    height = 2 * MARGIN + TITLE_HEIGHT + rows * (BOX_HEIGHT + ROW_GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
        "<defs><marker id='arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='8' "
        "markerHeight='8' orient='auto'><path d='M0,0 L10,5 L0,10 z' fill='#555'/></marker></defs>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{MARGIN}" y="{MARGIN + 14}" font-size="15" font-weight="bold">'
        f"{_xml(_cut(title, max(width // 9, 40)))}</text>",
    ]
    for (a, b), count in edges.items():
        parts.append(_edge(nodes[a], nodes[b], count, channels.get((a, b))))
    parts += [_box(node) for node in nodes.values()]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _edge(a: Node, b: Node, count: int, channel: str | None) -> str:
    ax, ay = _position(a)
    bx, by = _position(b)
    x1, y1, x2, y2 = ax + BOX_WIDTH, ay + BOX_HEIGHT // 2, bx, by + BOX_HEIGHT // 2
    label = " ".join(
        filter(None, [channel and _cut(channel, 22), f"×{count}" if count > 1 else None])
    )
    line = (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#555" '
        f'stroke-width="{min(1 + count // 2, 5)}" marker-end="url(#arrow)"/>'
    )
    if not label:
        return line
    return line + (
        f'<text x="{(x1 + x2) // 2}" y="{(y1 + y2) // 2 - 4}" font-size="10" '
        f'text-anchor="middle" fill="#333">{_xml(label)}</text>'
    )


def _box(node: Node) -> str:
    x, y = _position(node)
    return (
        f'<g><rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6" '
        f'fill="{COLOURS[node.kind]}" stroke="#777"/>'
        f'<text x="{x + 8}" y="{y + 19}" font-size="13">{_xml(_cut(node.title))}</text>'
        f'<text x="{x + 8}" y="{y + 36}" font-size="10" fill="#555">'
        f"{_xml(_cut(node.detail))}</text></g>"
    )


def _cut(text: str, size: int = LABEL_CHARS) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _xml(text: str) -> str:
    """``text`` as SVG character data: XML-illegal characters shown as U+FFFD, the rest escaped."""
    return escape(XML_ILLEGAL.sub("\ufffd", text))
