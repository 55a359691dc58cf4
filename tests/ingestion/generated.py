"""Small generated articles for bulk-load tests and benchmarks: each one distinct, each with
a direct quotation and a reported-speech clause."""

from pathlib import Path

TOWNS = ["Riverton", "Hartsmere", "Calloway", "Arequipa", "Nairobi", "Lagos", "Lisbon"]


def article(number: int) -> str:
    town = TOWNS[number % len(TOWNS)]
    return (
        f"{town} council backs plan number {number}\n\n"
        f"By Reporter {number % 97}\n"
        "June 12, 2024\n\n"
        f'"Plan {number} is the right step for {town}," said Mayor Ana Ruiz{number} on '
        "Tuesday.\n\n"
        f"Councillor Ben Okoro{number} said that the vote on item {number} should wait "
        "until the autumn."
    )


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:06d}.txt").write_text(article(number), encoding="utf-8")
    return folder
