"""People within one article: names, titles, descriptions and pronouns joined per person.

Contract:
  cluster_people(doc, quotes) -> list[PersonCluster]
  Also fills each quote.speaker.name / role / affiliation from its cluster.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PersonCluster:
    name: str  # fullest name the article gives ("Sergey Lavrov")
    role: str | None = None  # "Foreign Minister"
    affiliation: str | None = None  # "Russian" / "Russia"
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans, sorted
    kind: str = "PERSON"  # PERSON, or ORG when a speaker is an organisation


def cluster_people(doc, quotes) -> list[PersonCluster]:
    return []
