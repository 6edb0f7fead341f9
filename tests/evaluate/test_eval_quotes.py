"""`chronicle eval quotes`: the scorer reproduces the shared scorer's numbers; the command reports."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.evaluate import quotes as scoring
from chronicle.evaluate.brat import load_gold

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "data" / "polnear" / "dev"
SHARED_SCORER = SHARED / "tools" / "score_quotes.py"

needs_dev = pytest.mark.skipif(not (DEV.is_dir() and SHARED_SCORER.exists()),
                               reason=f"shared data is absent: PolNeAR dev expected at {DEV}")


def test_spans_overlap_and_trim():
    text = ' "Yes, we will." '
    assert scoring.trim(text, (0, len(text))) == (2, 14)
    assert scoring.overlap((0, 5), (3, 10)) == 2 and scoring.overlap(None, (0, 1)) == 0
    assert scoring.as_span({"start": 1, "end": 4, "text": "abc"}) == (1, 4)
    assert scoring.as_span([2, 3]) == (2, 3) and scoring.as_span(None) is None


def test_matching_is_one_to_one_best_overlap_first():
    text = "x" * 100
    gold = [{"content": (0, 50)}, {"content": (40, 60)}]
    pred = [{"content": {"start": 0, "end": 60}}]
    assert scoring.match(text, gold, pred, 0.3) == [(1, 0)]  # 100% of the second, 100% of the first: later gold wins ties


@pytest.fixture(scope="module")
def five_docs(tmp_path_factory):
    """A gold folder of 5 dev articles (symbolic links: no corpus text is copied)."""
    root = tmp_path_factory.mktemp("gold5")
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    ids = sorted(p.stem for p in (DEV / "text").glob("*.txt"))[:5]
    for doc_id in ids:
        (root / "text" / f"{doc_id}.txt").symlink_to(DEV / "text" / f"{doc_id}.txt")
        for ann in (DEV / "attributions").glob(f"{doc_id}_*.ann"):
            (root / "attributions" / ann.name).symlink_to(ann)
    return root


@needs_dev
def test_same_numbers_as_the_shared_scorer(five_docs, pipeline, tmp_path):
    gold = load_gold(str(five_docs))
    assert len(gold) == 5
    preds = {}
    texts = ((text, doc_id) for doc_id, (text, _) in gold.items())
    from chronicle.model import Article
    for doc, doc_id in pipeline.nlp.pipe(texts, as_tuples=True):
        preds[doc_id] = [q.to_dict() for q in pipeline.analyze_doc(Article(id=doc_id, text=doc.text), doc).quotes]
    jsonl = tmp_path / "pred.jsonl"
    jsonl.write_text("".join(json.dumps({"id": d, "quotes": q}) + "\n" for d, q in preds.items()), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SHARED_SCORER), str(five_docs), str(jsonl), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    theirs = json.loads(proc.stdout)
    ours = scoring.score(gold, preds)
    assert sum(len(q) for q in preds.values()) > 0
    for key in ("overlap0.3", "overlap0.8", "exact"):
        assert {k: ours[key][k] for k in theirs[key]} == theirs[key], key
    assert ours["articles"] == theirs["articles"]
    assert ours["articles_without_prediction"] == theirs["articles_without_prediction"]


@needs_dev
def test_the_command_scores_and_writes_an_error_analysis(five_docs, tmp_path):
    report = tmp_path / "errors.md"
    proc = subprocess.run([sys.executable, "-m", "chronicle.cli", "eval", "quotes", str(five_docs),
                           "--json", "--errors", str(report)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    chron = out["scores"]["chronicle"]
    assert set(chron) >= {"overlap0.3", "overlap0.8", "exact"}
    assert set(chron["overlap0.3"]["recall_by_source_type"]) <= set(scoring.SOURCE_TYPES)
    assert set(out["errors"]["chronicle"]) == {"misses", "false_hits", "speaker_errors"}
    text = report.read_text(encoding="utf-8")
    assert "Misses" in text and "False hits" in text and "Speaker errors" in text


def test_compare_textacy_fails_clearly_when_it_is_missing(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_textacy(name, *args, **kwargs):
        if name.startswith("textacy"):
            raise ImportError("No module named 'textacy'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_textacy)
    with pytest.raises(ImportError, match="textacy==0.13.0"):
        scoring.load_textacy()


@needs_dev
def test_train_cues_heldout_scores_both_halves_and_restores_the_model(five_docs, pipeline, capsys):
    """`scripts/train_cues.py --heldout`: fit on one half, score end to end on the other, both
    ways; the shipped weights and threshold are left as they were."""
    import importlib.util

    from chronicle.analyze import cue_model

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_cues.py"
    spec = importlib.util.spec_from_file_location("train_cues", path)
    train_cues = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_cues)
    gold = load_gold(str(five_docs))
    ids = sorted(gold)
    docs = list(pipeline.nlp.pipe(gold[i][0] for i in ids))
    shipped, threshold = cue_model.weights(), cue_model.THRESHOLD
    train_cues.heldout(gold, ids, docs, epochs=1, threshold=0.5)
    lines = [l for l in capsys.readouterr().out.splitlines() if l.startswith("fit ")]
    assert [l.split(":")[0] for l in lines] == ["fit A -> score B", "fit B -> score A"]
    assert all("F1@0.3" in l and "who-said-what" in l for l in lines)
    assert cue_model.weights() is shipped and cue_model.THRESHOLD == threshold
