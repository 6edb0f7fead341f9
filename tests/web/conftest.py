"""A small real record for the web tests: the seed (when present) and a few tiny articles,
ingested once per session through chronicle.store.ingest (one spaCy load)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_dfc7f4e74b275605.txt"
SCRIPT_TEXT = "<script>alert(1)</script>"

TINY = [
    ("xss-test", dt.date(2022, 2, 1), "Hostile <markup> & a <script>alert(1)</script> title",
     'The spokesman said "the page shows <script>alert(1)</script> as plain text, and nothing runs," '
     "on Monday. Russia accused Ukraine of provocations on Tuesday."),
    ("lavrov-feb", dt.date(2022, 2, 10), "Lavrov on NATO",
     'Russian Foreign Minister Sergey Lavrov said on Wednesday that "NATO must stop its expansion to the east." '
     "Lavrov met German Foreign Minister Annalena Baerbock in Moscow on Thursday. "
     "Russia threatened Ukraine with retaliation."),
    ("psaki-jan", dt.date(2022, 1, 24), "Press briefing on sanctions",
     'Press Secretary Jen Psaki said, "We are ready to impose severe sanctions on Russia." '
     "The United States sent aid to Ukraine last week."),
]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """URL of a SQLite record holding the seed and the tiny articles above."""
    from chronicle.model import Article
    from chronicle.read import read_paths
    from chronicle.store.db import connect
    from chronicle.store.ingest import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    records = []
    if SEED.exists():
        records += list(read_paths([str(SEED)]))
    records += [Article(id=i, text=t, date=d, title=title, source="test", origin=f"tests/web:{i}")
                for i, d, title, t in TINY]
    ingest(records=records, engine=connect(url), progress=False)
    return url


@pytest.fixture(scope="session")
def web_app(web_db):
    from chronicle.web.app import create_app

    return create_app(web_db, allow_analyze=True, analyze_max_chars=2000)


@pytest.fixture(scope="session")
def client(web_app):
    from fastapi.testclient import TestClient

    with TestClient(web_app) as c:
        yield c


@pytest.fixture(scope="session")
def keys(client) -> dict[str, str]:
    """Article id -> key, from the API."""
    items = client.get("/api/articles", params={"limit": 200}).json()["items"]
    return {a["id"]: a["key"] for a in items}


def seed_present() -> bool:
    return SEED.exists() and os.access(SEED, os.R_OK)
