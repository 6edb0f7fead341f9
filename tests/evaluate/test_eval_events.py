"""`chronicle eval events`: PLOVER gold records scored for type, actor and recipient."""
from __future__ import annotations

import json

import pytest

from chronicle.evaluate.events import LABEL_MAP, gold_type, read_gold, score
from chronicle.model import PLOVER_TYPES, Event, Span


def _record(num, event, text, source, target):
    return {
        "id": f"PLOVER-GSR01-{event}-{num:04d}", "date": "2000-01-01", "event": event, "text": text,
        "source": [{"actorText": s, "code": c} for s, c in source],
        "target": [{"actorText": s, "code": c} for s, c in target] if target else "",
    }


@pytest.fixture
def gold_file(tmp_path):
    records = [
        {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "about this file"},
        _record(1, "DEMAND", "Norway demanded that Sweden return the ship.",
                [("Norway", "NOR")], [("Sweden", "SWE")]),
        _record(2, "FIGHT", "Chilean troops shelled Peruvian positions.",
                [("Chilean troops", "CHL")], [("Peruvian positions", "PER")]),
        _record(3, "DISAPPROVE", "The United Nations condemned Iran.",
                [("United Nations", "IGO")], [("Iran", "IRN")]),
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_old_labels_map_to_the_sixteen_types():
    assert gold_type("DEMAND") == "REQUEST" and gold_type("FIGHT") == "ASSAULT"
    assert gold_type("DISAPPROVE") == "ACCUSE" and gold_type("INVESTIGATE") == "ACCUSE"
    assert set(LABEL_MAP.values()) <= set(PLOVER_TYPES)


def test_document_records_are_not_scored(gold_file):
    assert [r["event"] for r in read_gold(gold_file)] == ["DEMAND", "FIGHT", "DISAPPROVE"]


def test_primary_event_is_compared_for_type_actor_and_recipient(gold_file):
    gold = read_gold(gold_file)

    def ev(t, a, r):
        return Event(type=t, evidence=Span(0, 1, "x"), actor_code=a, recipient_code=r)

    preds = {
        gold[0]["id"]: [ev("REQUEST", "NOR", "SWE")],
        gold[1]["id"]: [ev("MOBILIZE", "CHL", None), ev("ASSAULT", "CHL", "PER")],
        gold[2]["id"]: [ev("ACCUSE", "UN", "IRN")],  # any IGO code matches the gold's "IGO"
    }
    result = score(gold, preds)
    assert result["all"]["type_accuracy"] == round(2 / 3, 3)
    assert result["all"]["any_event_type_recall"] == 1.0
    assert result["all"]["actor_match"] == 1.0
    assert result["all"]["recipient_match"] == round(2 / 3, 3)
    assert result["odd"]["records"] == 2 and result["even"]["records"] == 1
    assert [e["id"] for e in result["errors"]] == [gold[1]["id"]]


def test_command_scores_a_gold_file(gold_file):
    pytest.importorskip("spacy")
    from typer.testing import CliRunner

    from chronicle.cli import app

    res = CliRunner().invoke(app, ["eval", "events", str(gold_file), "--json", "--errors", "5"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["all"]["records"] == 3
    assert out["label_map"]["DEMAND"] == "REQUEST"
    assert 0.0 <= out["all"]["type_accuracy"] <= 1.0


def test_missing_gold_file_is_a_clear_error(tmp_path):
    from typer.testing import CliRunner

    from chronicle.cli import app

    res = CliRunner().invoke(app, ["eval", "events", str(tmp_path / "nope.json")],
                             env={"COLUMNS": "300", "TERMINAL_WIDTH": "300"})
    assert res.exit_code != 0
    assert "no such file" in res.output


@pytest.mark.slow
def test_plover_gold_reaches_the_bar(shared_dir):
    """Issue 6's bar on all 322 PLOVER gold records: type, actor and recipient >= 0.80."""
    pytest.importorskip("spacy")
    from chronicle.evaluate.events import evaluate

    result = evaluate(shared_dir / "data/plover/PLOVER_GSR_CAMEO.txt")["all"]
    assert result["records"] == 322
    assert result["type_accuracy"] >= 0.80
    assert result["actor_match"] >= 0.80
    assert result["recipient_match"] >= 0.80
