"""Given names whose bearers are nearly all of one gender ("Joe" m, "Frances" f), for
coreference to keep "she" off Joe when the knowledge base does not know the person.

The table (``chronicle/data/given_names.tsv.gz``, built by ``make given-names`` from the MIT-
licensed name data of the PyPI package nomquamgender 0.1.4) holds only names the data gives one
gender with p >= 0.8, those below 0.95 marked weaker; ambiguous names ("Jean", "Taylor", "Kim")
are not in it and say nothing.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "data" / "given_names.tsv.gz"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    if not TABLE.exists():
        return {}
    out: dict[str, str] = {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                name, _, g = line.rstrip("\n").partition("\t")
                out[name] = g
    return out


def gender_of_given_name(word: str, strong_only: bool = False) -> str | None:
    """"m" / "f" for a given name (any case, accents folded by the caller), else None. A name
    between 80 and 95% of whose bearers share a gender ("Bernie" m, "Lindsey" f) counts unless
    ``strong_only``: for a person the knowledge base knows, whose being the exception (Senator
    Lindsey Graham) a wrong guess would make visible in every article about them."""
    g = _table().get(word.lower())
    if g is None or g.endswith("?") and strong_only:
        return None
    return g.rstrip("?")
