"""Actors: canonical identities for people, organisations and countries.

STUB — owned by the actors work (issue 4). Contract:
  load_knowledge(path_or_None) -> Knowledge          (once per process)
  build_actors(doc, people, quotes, pub_date, knowledge) -> list[Actor]
     people: list[coref.PersonCluster]; sets quote.speaker.actor_id for every speaker.
"""
from __future__ import annotations

import re

from chronicle.model import Actor, Span


def load_knowledge(path=None):
    return None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def build_actors(doc, people, quotes, pub_date, knowledge) -> list[Actor]:
    actors = []
    by_span = {}
    for p in people:
        a = Actor(id="person:" + _slug(p.name), name=p.name, type="PERSON", role=p.role,
                  country=None, mentions=[Span.of(doc.text, s, e) for s, e in p.mentions])
        actors.append(a)
        for s, e in p.mentions:
            by_span[(s, e)] = a
    for q in quotes:
        if q.speaker is not None:
            a = by_span.get((q.speaker.start, q.speaker.end))
            if a is not None:
                q.speaker.actor_id = a.id
    return actors
