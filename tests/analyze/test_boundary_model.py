"""The learned boundary layer: alternatives near the parsed content boundaries, scored, the best kept.

Texts are invented for the test; the weights are either the shipped ones or written here.
"""
from __future__ import annotations

import pytest

from chronicle.analyze import boundary_model as bm
from chronicle.analyze import quotes


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def _content(doc, text: str):
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    return span.start, span.end - 1


def test_alternatives_hold_the_parsed_boundaries_and_never_the_cue(nlp):
    doc = nlp("The senator said on Monday that the bill, which passed in March, would cost billions.")
    cue = (doc.text.index("said"), doc.text.index("said") + 4)
    s0, e0 = _content(doc, "that the bill, which passed in March, would cost billions")
    starts = bm.start_candidates(doc, s0, e0, cue)
    ends = bm.end_candidates(doc, s0, e0, cue)
    assert s0 in starts and e0 in ends
    assert all(not (cue[0] <= doc[i].idx < cue[1]) for i in starts + ends)
    assert all(doc[i].idx >= cue[1] for i in starts)  # the cue comes first: content starts after it
    assert all(not doc[i].is_punct for i in starts if i != s0)
    sent = doc[s0].sent
    assert all(sent.start <= i < sent.end for i in starts + ends)


def test_without_a_preference_the_parsed_boundaries_stand(nlp):
    doc = nlp("Officials said the plan would cost billions over ten years.")
    start = doc.text.index("the plan")
    end = doc.text.index(" over") + len(" over ten years")
    cue = (doc.text.index("said"), doc.text.index("said") + 4)
    assert bm.refine(doc, start, end, cue, "indirect", {}) == (start, end)


def test_a_preference_moves_the_end_before_a_trailing_clause(nlp):
    text = "The mayor said the plan would cost the city several billion dollars over ten years, he thinks."
    doc = nlp(text)
    cue = (text.index("said"), text.index("said") + 4)
    start, end = text.index("the plan"), text.index(".")
    # weights that like an end just before a comma: the layer follows them
    w = {"E:nw=,": 3.0}
    s, e = bm.refine(doc, start, end, cue, "indirect", w)
    assert text[s:e] == "the plan would cost the city several billion dollars over ten years"


def test_the_layer_never_leaves_out_most_of_the_parsed_content(nlp):
    text = "The mayor said the plan would cost billions, even though nobody in the council had read it."
    doc = nlp(text)
    cue = (text.index("said"), text.index("said") + 4)
    start, end = text.index("the plan"), text.index(".")
    w = {"E:nw=,": 3.0}  # would cut at "billions": less than SHRINK of the parsed content
    assert bm.refine(doc, start, end, cue, "indirect", w) == (start, end)


def test_a_boundary_next_to_a_quotation_mark_keeps_the_mark(nlp):
    text = 'The agency issued a long and costly “pause on existing foreign aid grants” last week.'
    doc = nlp(text)
    cue = (text.index("issued"), text.index("issued") + 6)
    start, end = text.index("a long"), text.index(".")
    w = {"E:nw=”": 5.0}  # an end right before the closing mark
    s, e = bm.refine(doc, start, end, cue, "mixed", w)
    assert text[s:e] == "a long and costly “pause on existing foreign aid grants”"


def test_the_shipped_weights_score_starts_and_ends_apart():
    w = bm.weights()
    assert w, "chronicle/data/boundary_model.json.gz is missing: run `make model`"
    assert {f.split(":", 1)[0] for f in w} == {"S", "E"}


def test_quotes_switch_the_layer_off_when_no_weights_ship(nlp, monkeypatch):
    text = ("The governor said the state would raise the minimum wage next year to help workers, "
            "according to a statement released on Friday.")
    doc = nlp(text)
    with_layer = [(q.kind, q.content.start, q.content.end) for q in quotes.extract_quotes(doc)]
    monkeypatch.setattr(bm, "weights", lambda: None)
    without = [(q.kind, q.content.start, q.content.end) for q in quotes.extract_quotes(doc)]
    assert len(with_layer) == len(without)
    for (_, s, e) in with_layer + without:
        assert 0 <= s < e <= len(text)
