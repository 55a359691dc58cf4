"""Small generated articles for bulk-load tests and benchmarks: each one distinct, each with
a direct quotation and a reported-speech clause. The quoted words are drawn at random (seeded
by the article's number) so that quotes do not all cluster together, as real ones would not."""

import random
from pathlib import Path

TOWNS = ["Riverton", "Hartsmere", "Calloway", "Arequipa", "Nairobi", "Lagos", "Lisbon"]
WORDS = [
    "budget",
    "harbour",
    "schools",
    "water",
    "roads",
    "housing",
    "police",
    "trains",
    "parks",
    "taxes",
    "jobs",
    "clinics",
    "bridges",
    "libraries",
    "markets",
    "farms",
    "buses",
    "power",
    "rents",
    "wages",
    "courts",
    "ferries",
    "airports",
    "teachers",
    "nurses",
    "doctors",
    "drivers",
    "builders",
    "miners",
    "fishers",
    "traders",
    "students",
    "voters",
    "quickly",
    "slowly",
    "fairly",
    "openly",
    "firmly",
    "soon",
    "later",
    "never",
    "always",
    "together",
    "alone",
    "again",
    "must",
    "will",
    "should",
    "can",
    "cannot",
    "could",
    "might",
    "need",
    "want",
    "refuse",
    "promise",
    "expect",
    "fear",
    "hope",
]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def article(number: int) -> str:
    town = TOWNS[number % len(TOWNS)]
    rng = random.Random(number)
    return (
        f"{town} council backs plan number {number}\n\n"
        f"By Reporter {number % 97}\n"
        "June 12, 2024\n\n"
        f'"The {_words(rng, 8)} plan {number}," said Mayor Ana Ruiz{number} on Tuesday.\n\n'
        f"Councillor Ben Okoro{number} said that the {_words(rng, 6)} vote on item {number} "
        "should wait until the autumn."
    )


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:06d}.txt").write_text(article(number), encoding="utf-8")
    return folder
