"""Extraction throughput on one core: documents and megabytes per second.

The reference is a single linear regular-expression pass over the same text (finding
every word and every quotation mark), measured in the same run: the ratio says how many
such passes the whole pipeline costs, whatever the machine.
"""

import re
import time
from collections.abc import Callable
from pathlib import Path

from provenance.domain import RawDocument
from provenance.extraction.pipeline import extract
from provenance.plugins import load_plugins

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "seeds", ROOT / "tests" / "corpus" / "docs")
_TOKENS = re.compile(r"\w+|[\"“”‘’']")


def documents() -> list[str]:
    return [p.read_text("utf-8") for folder in CORPORA for p in sorted(folder.glob("*.txt"))]


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeats`` timings of ``work()``, in seconds."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return min(timings)


def reference(texts: list[str]) -> None:
    for text in texts:
        sum(1 for _ in _TOKENS.finditer(text))


def throughput(texts: list[str], plugins) -> None:
    for text in texts:
        extract(RawDocument(text=text), plugins)


_HEADLINE = "Rain keeps falling on the valley for a third day\n\n"
"""Each hostile body goes under a headline and ends a sentence, so that it is read as a
story's body (a bare line without a sentence end is page furniture) and attributed."""


def scaling(plugins) -> list[tuple[str, int, float]]:
    """Seconds per megabyte on hostile inputs of growing size: flat means linear."""
    shapes = {
        "no punctuation": lambda n: ("word " * (n // 5))[:n],
        "unbalanced quotes": lambda n: ('He said "yes and ' * (n // 17))[:n],
        "quotes and cues": lambda n: ('"Fine," she said. ' * (n // 18))[:n],
        "one long sentence": lambda n: ("He said it was fine and " * (n // 24 + 1))[:n],
        "inverted cues": lambda n: ("it was fine, said Jo Roe and " * (n // 29 + 1))[:n],
        "according to": lambda n: ("according to Jo Roe, rain fell and " * (n // 35 + 1))[:n],
        "told that": lambda n: ("Jo Roe told Ann Lee that rain fell and " * (n // 38 + 1))[:n],
    }
    rows = []
    for label, make in shapes.items():
        for size in (100_000, 400_000):
            text = _HEADLINE + make(size) + "."
            seconds = best_of(1, lambda t=text: extract(RawDocument(text=t), plugins))
            rows.append((label, size, seconds / (size / 1e6)))
    return rows


def main() -> None:
    plugins = load_plugins()
    texts = documents()
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract(RawDocument(text=texts[0]), plugins)  # warm caches and compiled patterns
    ours = best_of(5, lambda: throughput(texts, plugins))
    floor = best_of(5, lambda: reference(texts))
    print(f"corpus: {len(texts)} documents, {size_mb:.3f} MB")
    print(f"extraction: {len(texts) / ours:,.1f} documents/s, {size_mb / ours:.3f} MB/s (one core)")
    print(f"reference (one regex pass): {size_mb / floor:.1f} MB/s")
    print(f"ratio: extraction costs {ours / floor:,.0f}x the reference pass")
    rows = scaling(plugins)
    for label, size, per_mb in rows:
        print(f"scaling: {label:18} {size / 1e3:6.0f} kB  {per_mb:7.2f} s/MB")
    by_shape: dict[str, list[float]] = {}
    for label, _size, per_mb in rows:
        by_shape.setdefault(label, []).append(per_mb)
    worst = max(values[-1] / values[0] for values in by_shape.values())
    print(f"scaling: worst growth of s/MB from 100 kB to 400 kB: {worst:.2f}x (1.0 = linear)")


if __name__ == "__main__":
    main()
