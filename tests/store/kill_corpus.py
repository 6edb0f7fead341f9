"""A small real corpus for the kill test: ~30 tiny dated articles (the seed's `date ...` form)."""
from __future__ import annotations

from pathlib import Path

PEOPLE = ["Jen Psaki", "Sergey Lavrov", "Antony Blinken", "Jens Stoltenberg", "Olaf Scholz",
          "Emmanuel Macron"]
TOPICS = ["the talks in Geneva", "the troops near the border", "the gas pipeline",
          "the new sanctions", "the security guarantees"]


def write_corpus(folder: Path, n: int = 30) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        who = PEOPLE[i % len(PEOPLE)]
        other = PEOPLE[(i + 2) % len(PEOPLE)]
        topic = TOPICS[i % len(TOPICS)]
        day = f"2022-{1 + i % 3:02d}-{1 + i % 27:02d}"
        text = (f"date {day} {who} spoke on {topic} on article day {i}. "
                f"\"We will defend our interests and we expect answers soon,\" {who} said. "
                f"{other} told reporters that the two sides would meet again next week. "
                f"Officials said they discussed {topic} for {i + 2} hours.\n")
        p = folder / f"{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    # an exact duplicate, a lightly edited copy and an empty record
    (folder / "900-dup.txt").write_text(paths[3].read_text().replace(" spoke", "  spoke"))
    (folder / "901-edit.txt").write_text(paths[4].read_text().replace("hours.", "hours in all."))
    (folder / "902-empty.txt").write_text("")
    return sorted(folder.iterdir())
