"""The seed article end to end: every statement by Sergey Lavrov, found with its cue and date.

Read from ../shared (skipped when absent) through the readers, analyzed by ``chronicle.analyze``
and by the ``chronicle analyze`` command.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.api import analyze  # `chronicle.analyze` itself: see test_quotes.py
from chronicle.read import read_paths

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_dfc7f4e74b275605.txt"
DIRECT_CUES = ["said", "added", "noted", "said", "concluded"]
REPORTED_CUES = ["underlined", "said", "announced", "noted", "believes", "stressed", "according to"]

needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"shared data is absent: the seed is expected at {SEED}")
pytestmark = needs_seed


@pytest.fixture(scope="module")
def article():
    records = list(read_paths([str(SEED)]))
    assert len(records) == 1 and not hasattr(records[0], "reason"), records
    return records[0]


@pytest.fixture(scope="module")
def analysis(article, pipeline):
    return analyze(article.text, article.date, id=article.id)


def cues(quotes):
    return [q.cue.text.lower() if q.cue else None for q in quotes]


def test_the_seed_is_read_with_its_date(article):
    assert article.date.isoformat() == "2022-01-27"
    assert article.text.startswith("On Thursday, Russian Foreign Minister Sergey Lavrov")


def test_five_direct_quotes_with_their_cues(analysis):
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert cues(direct) == DIRECT_CUES
    assert direct[0].content.text.startswith('"There is no positive reaction')
    assert direct[-1].content.text.startswith('"After an interdepartmental consultation')
    assert all(q.speaker is not None and q.speaker.name == "Sergey Lavrov" for q in direct)


def test_seven_reported_statements_with_their_cues(analysis):
    reported = [q for q in analysis.quotes if q.kind in ("indirect", "mixed")]
    assert cues(reported) == REPORTED_CUES
    first = reported[0]
    assert "does not include the answer to the main question" in first.content.text


def test_the_reported_statements_found_are_lavrovs(analysis):
    reported = [q for q in analysis.quotes if q.kind in ("indirect", "mixed") and q.cue
                and q.cue.text.lower() in REPORTED_CUES]
    assert len(reported) >= 6
    assert all(q.speaker is not None and q.speaker.name == "Sergey Lavrov" for q in reported)


def test_nothing_else_is_attributed(analysis):
    assert len(analysis.quotes) == len(DIRECT_CUES) + len(REPORTED_CUES)
    assert {q.speaker.name if q.speaker else None for q in analysis.quotes} == {"Sergey Lavrov"}


def test_on_thursday_is_the_publication_day(analysis):
    thursday = [t for t in analysis.timexes if "Thursday" in t.text]
    assert thursday and thursday[0].value == "2022-01-27" and thursday[0].type == "DATE"


def test_lavrov_is_named_in_many_ways(analysis):
    mentions = {q.speaker.text.lower() for q in analysis.quotes if q.speaker}
    assert {"the russian fm", "the diplomat", "the minister", "he"} <= mentions
    lavrov = [a for a in analysis.actors if a.name == "Sergey Lavrov"]
    assert len(lavrov) == 1


def test_the_command_line_gives_the_same(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "chronicle.cli", "analyze", str(SEED)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    record = lines[0]
    assert record["date"] == "2022-01-27"
    direct = [q for q in record["quotes"] if q["kind"] == "direct"]
    assert [q["cue"]["text"].lower() for q in direct] == DIRECT_CUES
    assert all(q["speaker"]["name"] == "Sergey Lavrov" for q in direct)
    assert any(t["value"] == "2022-01-27" and "Thursday" in t["text"] for t in record["timexes"])
