"""The Python API: chronicle.analyze and chronicle.analyze_many."""
from __future__ import annotations

import datetime as dt

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
