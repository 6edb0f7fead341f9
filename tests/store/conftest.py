"""Fixtures for the record: hand-built analyses, SQLite in tmp dirs, PostgreSQL in a fresh schema."""
from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest

from chronicle.model import Actor, Analysis, Article, Event, Quote, Span, Speaker

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

_SAID = re.compile(r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?) said \"(?P<content>[^\"]+)\"")
_EVENT = re.compile(r"(?P<actor>[A-Z][a-z]+) (?P<verb>accused|sanctioned|met) (?P<rec>[A-Z][a-z]+)")
_VERBS = {"accused": "ACCUSE", "sanctioned": "SANCTION", "met": "CONSULT"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class RuleAnalyzer:
    """A stand-in for the spaCy pipeline: `NAME said "..."` quotes, `A accused B` events.

    The store is tested against the data model, whatever the analysis finds on a given day.
    """

    def analyze(self, a: Article) -> Analysis:
        an = Analysis(article=a)
        people: dict[str, Actor] = {}
        for m in _SAID.finditer(a.text):
            name = m.group("name")
            aid = "person:" + slug(name.split()[-1])
            actor = people.setdefault(aid, Actor(aid, name, "PERSON", country="USA",
                                                 role="Press Secretary" if "Psaki" in name else None,
                                                 aliases=[name.split()[-1]]))
            actor.mentions.append(Span.of(a.text, m.start("name"), m.end("name")))
            if name not in actor.aliases:
                actor.aliases.append(name)
            said_on = None
            if "yesterday" in m.group(0) and a.date:
                said_on = (a.date - dt.timedelta(days=1)).isoformat()
            an.quotes.append(Quote(
                "direct", Span.of(a.text, m.start("content"), m.end("content")),
                cue=Span.of(a.text, m.start("name") + len(name) + 1, m.start("name") + len(name) + 5),
                speaker=Speaker(m.start("name"), m.end("name"), name, name=name, actor_id=aid,
                                role=actor.role, mention_type="name"),
                said_on=said_on or (a.date.isoformat() if a.date else None)))
        for m in _EVENT.finditer(a.text):
            an.events.append(Event(_VERBS[m.group("verb")], Span.of(a.text, m.start(), m.end()),
                                   actor="country:" + m.group("actor")[:3].upper(),
                                   recipient="country:" + m.group("rec")[:3].upper(),
                                   actor_code=m.group("actor")[:3].upper(),
                                   recipient_code=m.group("rec")[:3].upper(),
                                   date=a.date.isoformat() if a.date else None))
        an.actors = list(people.values())
        return an

    def stream(self, articles, batch_size=16, workers=1):
        for a in articles:
            yield self.analyze(a)


@pytest.fixture
def analyzer():
    return RuleAnalyzer()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'record.db'}"


def _pg_admin():
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # no server here: skip, saying why
        engine.dispose()
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 (database test) does not answer: "
                    f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}")
    return engine


@pytest.fixture
def pg_url():
    """A fresh schema in database `test`, dropped afterwards; its URL pins the search_path."""
    from sqlalchemy import text

    admin = _pg_admin()
    schema = f"chronicle_test_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    """Each test using it runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


def corpus() -> list[Article]:
    """Small articles with quotes, events, an exact duplicate and a lightly edited copy."""
    filler = ("The statement followed a week of talks between officials from both sides in "
              "several capitals, where diplomats discussed security guarantees, troop movements "
              "near the border, energy supplies for the winter and the future of arms control "
              "agreements that have lapsed in recent years.")
    arts = [
        Article("a1", f'Jen Psaki said "Russia must pull back its forces now." {filler} '
                      "America accused Russia of massing troops.", dt.date(2022, 1, 24),
                title="Briefing one", origin="wh/a1.md"),
        Article("a2", f'Psaki said "We are ready for diplomacy with Russia." {filler} '
                      "America met Ukraine in Kyiv.", dt.date(2022, 2, 3), origin="wh/a2.md"),
        Article("a3", f'Sergey Lavrov said "NATO ignored our concerns yesterday." '
                      "Russia accused America of escalation.", dt.date(2022, 1, 27),
                origin="news/a3.txt"),
        Article("a4", f'Joe Biden said "Sanctions on Russia will be severe." {filler} '
                      "America sanctioned Russia.", dt.date(2022, 2, 24), origin="wh/a4.md"),
    ]
    # a wire copy of a1 with different spacing and curly quotes: the same key
    arts.append(Article("a1-wire", arts[0].text.replace(" ", "  ").replace('"', "\u201c", 1),
                        dt.date(2022, 1, 24), origin="wire/a1.txt"))
    # a lightly edited copy of a4 (one word changed): a near copy
    arts.append(Article("a4-edit", arts[3].text.replace("sanctioned Russia.", "sanctioned Russia again."),
                        dt.date(2022, 2, 25),
                        origin="wire/a4.txt"))
    return arts
