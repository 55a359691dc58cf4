"""Extraction throughput on one core, and how its cost grows on hostile inputs.

Throughput is documents per CPU second over the corpora this repository holds (and
``../shared/corpus`` when it is there). The reference is a single linear
regular-expression pass over the same text (finding every word and every quotation
mark), measured in the same run: the ratio says how many such passes the whole pipeline
costs, whatever the machine.

Scaling runs each hostile shape of ``tests/extraction/adversarial.py`` at 10 kB, 100 kB
and 1 MB with no time budget and prints CPU seconds per megabyte: flat means linear.
"""

import re
import time
from collections.abc import Callable
from pathlib import Path

from provenance.domain import RawDocument
from provenance.extraction.attribution import attribute
from provenance.extraction.pipeline import extract
from provenance.extractor import Extractor
from provenance.plugins import Plugins, load_plugins
from tests.extraction.adversarial import SHAPES, hostile_document

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds and tests/corpus": (ROOT / "seeds", ROOT / "tests" / "corpus" / "docs"),
    "../shared/corpus": (ROOT.parent / "shared" / "corpus" / "docs",),
}
SIZES = (10_000, 100_000, 1_000_000)
_NO_BUDGET = 3600.0
_TOKENS = re.compile(r"\w+|[\"“”‘’']")


def documents(folders: tuple[Path, ...]) -> list[str]:
    return [p.read_text("utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """The least CPU time of ``repeats`` runs of ``work()``, in seconds."""
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        work()
        timings.append(time.process_time() - start)
    return min(timings)


def reference(texts: list[str]) -> None:
    for text in texts:
        sum(1 for _ in _TOKENS.finditer(text))


def throughput(texts: list[str], plugins: Plugins) -> None:
    for text in texts:
        extract(RawDocument(text=text), plugins)


def corpus_speed(label: str, texts: list[str], plugins: Plugins) -> None:
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ours = best_of(5, lambda: throughput(texts, plugins))
    floor = best_of(5, lambda: reference(texts))
    print(f"{label}: {len(texts)} documents, {size_mb:.3f} MB")
    rate = f"{len(texts) / ours:,.1f} documents per CPU second, {size_mb / ours:.3f} MB/s"
    print(f"  extraction: {rate}")
    print(f"  reference (one regex pass): {size_mb / floor:.1f} MB/s")
    print(f"  ratio: extraction costs {ours / floor:,.0f}x the reference pass")
    print(f"  of which: {stages(texts, ours)}")


def stages(texts: list[str], whole: float) -> str:
    """The shares of ``whole`` (the CPU seconds of extracting ``texts``) spent on the
    core's layout, on attribution, and on the rest: choosing and checking an extractor
    plugin, the threads it runs in, assembling the result."""
    documents = [RawDocument(text=text) for text in texts]
    parsed = [Extractor().parse(document) for document in documents]
    layout = best_of(5, lambda: [Extractor().parse(document) for document in documents])
    reading = best_of(5, lambda: [attribute(page) for page in parsed])
    shares = {"layout": layout, "attribution": reading, "the rest": whole - layout - reading}
    return ", ".join(f"{name} {seconds / whole:.0%}" for name, seconds in shares.items())


def scaling(plugins: Plugins) -> None:
    """CPU seconds per megabyte of each hostile shape at each size: flat means linear."""
    worst = 0.0
    for shape in SHAPES:
        per_mb = []
        for size in SIZES:
            text = hostile_document(shape, size)
            document = RawDocument(text=text)
            seconds = best_of(1, lambda d=document: extract(d, plugins, timeout=_NO_BUDGET))
            per_mb.append(seconds / (size / 1e6))
        pairs = zip(SIZES, per_mb, strict=True)
        cells = "  ".join(f"{size // 1000:5d} kB {cost:6.2f} s/MB" for size, cost in pairs)
        print(f"scaling: {shape:20} {cells}")
        worst = max(worst, per_mb[-1] / per_mb[0])
    print(f"scaling: worst growth of s/MB from 10 kB to 1 MB: {worst:.2f}x (1.0 = linear)")


def main() -> None:
    plugins = load_plugins()
    for label, folders in CORPORA.items():
        texts = documents(folders)
        if texts:
            extract(RawDocument(text=texts[0]), plugins)  # warm caches and compiled patterns
            corpus_speed(label, texts, plugins)
    scaling(plugins)


if __name__ == "__main__":
    main()
