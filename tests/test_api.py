"""The Python API: chronicle.analyze and chronicle.analyze_many."""
from __future__ import annotations

import datetime as dt

import pytest

import chronicle

LAVROV = '"We will not accept this," Russian Foreign Minister Sergey Lavrov said on Monday.\n'
ACTORS_YAML = """\
actors:
  - id: person:sergey-lavrov
    roles:
      - {role: Chief Lighthouse Keeper, code: RUSGOV, start: 2004-03-09}
"""


def _role(analysis, actor_id):
    return next(a.role for a in analysis.actors if a.id == actor_id)


def test_an_actors_file_corrects_identities_in_analyze_and_analyze_many(tmp_path):
    actors = tmp_path / "my-actors.yaml"
    actors.write_text(ACTORS_YAML, encoding="utf-8")
    assert _role(chronicle.analyze(LAVROV, "2022-01-27"), "person:sergey-lavrov") == "Foreign Minister"
    assert _role(chronicle.analyze(LAVROV, "2022-01-27", actors_file=actors),
                 "person:sergey-lavrov") == "Chief Lighthouse Keeper"
    article = chronicle.Article(id="a", text=LAVROV, date=dt.date(2022, 1, 27))
    [found] = chronicle.analyze_many([article], actors_file=str(actors))
    assert _role(found, "person:sergey-lavrov") == "Chief Lighthouse Keeper"


def test_a_pipeline_is_loaded_once_per_model_and_actors_file(tmp_path):
    actors = tmp_path / "my-actors.yaml"
    actors.write_text(ACTORS_YAML, encoding="utf-8")
    assert chronicle.load_pipeline() is chronicle.load_pipeline()
    with_file = chronicle.load_pipeline(actors_file=actors)
    assert with_file is chronicle.load_pipeline(actors_file=str(actors))  # Path or str: one key
    assert with_file is not chronicle.load_pipeline()


def test_an_article_s_date_may_be_an_iso_string_or_a_datetime():
    assert chronicle.Article(id="a", text="x", date="2022-01-27").date == dt.date(2022, 1, 27)
    assert chronicle.Article(id="a", text="x", date="2022-01-27T23:30:00-05:00").date == dt.date(2022, 1, 27)
    assert chronicle.Article(id="a", text="x", date=dt.datetime(2022, 1, 27, 10)).date == dt.date(2022, 1, 27)
    assert chronicle.Article(id="a", text="x", date="").date is None


def test_an_article_s_date_that_is_no_date_is_refused_naming_the_article():
    with pytest.raises(ValueError, match=r"article 'a': date '27/01/2022' is not a date"):
        chronicle.Article(id="a", text="x", date="27/01/2022")


def test_analyze_many_takes_articles_dated_by_iso_strings():
    [found] = chronicle.analyze_many([chronicle.Article(id="a", text=LAVROV, date="2022-01-27")])
    assert isinstance(found, chronicle.Analysis), found
    assert found.to_dict()["date"] == "2022-01-27"
    assert found.quotes[0].said_on == "2022-01-24"  # the Monday before


def test_a_datetime_date_gives_the_day_in_the_output():
    found = chronicle.analyze(LAVROV, date=dt.datetime(2022, 1, 27, 10))
    assert found.to_dict()["date"] == "2022-01-27"
