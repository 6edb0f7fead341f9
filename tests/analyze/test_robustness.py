"""Any text is analyzed without an exception, in bounded time, and every span points into it.

Time bounds are generous: the suite runs on a shared 2-core machine.
"""
from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.model import Article


def spans_of(analysis):
    """Every (label, span-like) the analysis points into its text with."""
    for i, q in enumerate(analysis.quotes):
        yield f"quote {i} content", q.content
        if q.cue is not None:
            yield f"quote {i} cue", q.cue
        if q.speaker is not None:
            yield f"quote {i} speaker", q.speaker
        if q.sentence is not None:
            yield f"quote {i} sentence", q.sentence
        for j, p in enumerate(q.parts):
            yield f"quote {i} part {j}", p
    for t in analysis.timexes:
        yield "timex", t
    for a in analysis.actors:
        for m in a.mentions:
            yield f"actor {a.id} mention", m
    for e in analysis.events:
        yield f"event {e.type} evidence", e.evidence
        if e.trigger is not None:
            yield f"event {e.type} trigger", e.trigger


def assert_spans_inside(analysis):
    text = analysis.article.text
    for label, s in spans_of(analysis):
        assert 0 <= s.start <= s.end <= len(text), (label, s.start, s.end, len(text))
        assert s.text == text[s.start:s.end], (label, s.start, s.end, s.text[:60], text[s.start:s.end][:60])


def run(pipeline, text, bound_s):
    t0 = time.perf_counter()
    analysis = pipeline.analyze(Article(id="robustness", text=text))
    elapsed = time.perf_counter() - t0
    assert elapsed < bound_s, f"{len(text):,} characters took {elapsed:.1f} s (bound {bound_s} s)"
    assert_spans_inside(analysis)
    return analysis


def _binary_looking(n: int) -> str:
    rng = random.Random(1)
    return bytes(rng.randrange(256) for _ in range(n)).decode("latin-1")


def _five_megabytes() -> str:
    # 5 MB in 50 paragraphs: a few statements each, padded with runs of whitespace, so that the
    # size (chunking, character-level passes) is tested without a million tokens to parse.
    para = 'The minister said it would rain. "Yes, it will rain all week," he added.\n'
    pad = " " * (100_000 - len(para) - 2) + "\n\n"
    return (para + pad) * 50


CASES = {
    "empty": ("", 10),
    "whitespace only": (" \n\t\n\n  \u00a0 ", 10),
    "5 MB": (_five_megabytes(), 240),
    "binary-looking bytes as latin-1": (_binary_looking(20_000), 90),
    "only straight quotation marks": ('"' * 1_500, 60),
    "only quotation marks, spaced": ('" ' * 1_500 + "\n“ ” ‘ ’ « » „ " * 100, 60),
    "only mixed quotation marks": ("“”‘’\"'«»„" * 150, 60),
    "no sentence breaks": (("and he said that they said " * 200).strip(), 60),
    # longer than one spaCy chunk (100,000 characters) and without a newline to cut at
    "very long single line": ("internationalization " * 5_200 + "x" * 2_000, 120),
}


@pytest.mark.parametrize("name", list(CASES))
def test_any_text_is_analyzed_in_bounded_time(pipeline, name):
    text, bound = CASES[name]
    analysis = run(pipeline, text, bound)
    if not text.strip():
        assert analysis.quotes == [] and analysis.events == []


def test_long_text_without_sentence_breaks_in_linear_time(pipeline):
    run(pipeline, ("and he said that they said " * 1_500).strip(), 60)


# --- a property: spans stay inside the text, whatever it is ----------------------------------
WORDS = ["He", "she", "said", "says", "Lavrov", "Sergey", "the", "minister", "According", "to",
         "Biden", "that", "it", "will", "rain", "on", "Monday", "Russia", "accused", "NATO",
         "MS. PSAKI:", "Q", "believes", "added", "2022", "yesterday", "Mr."]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(['"', "“", "”", "‘", "’", "'", "«", "»", "``", "''"]),
    st.sampled_from([".", ",", ":", ";", "?", "!", "—", "-", "(", ")", "…"]),
    st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "\u00a0"]),
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXTS)
def test_every_span_stays_inside_the_text(pipeline, text):
    analysis = pipeline.analyze(Article(id="generated", text=text))
    assert_spans_inside(analysis)


# --- the look-ups that keep long articles linear answer as a pass over everything would -------
SPANS = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 60)).map(lambda t: (t[0], t[0] + t[1])),
                 max_size=40)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(spans=SPANS, inner=st.tuples(st.integers(0, 300), st.integers(0, 40)), pick=st.integers(0, 39))
def test_span_holders_answer_as_a_scan_does(spans, inner, pick):
    from chronicle.analyze.quotes import _Holders

    a, b = inner[0], inner[0] + inner[1]
    but = spans[pick % len(spans)] if spans else None
    scan = any(s <= a and b <= e and (s, e) != but for s, e in spans)
    assert _Holders(spans).hold((a, b), but=but) == scan


@settings(max_examples=200, deadline=None, derandomize=True)
@given(spans=SPANS, query=st.tuples(st.integers(0, 300), st.integers(1, 40)))
def test_overlap_look_ups_answer_as_a_scan_does(spans, query):
    from chronicle.analyze.actors import _overlaps
    from chronicle.analyze.coref import PersonCluster, _Mentions
    from chronicle.analyze.spanindex import SpanIndex

    start, end = query[0], query[0] + query[1]
    assert _overlaps(SpanIndex(spans, lambda sp: sp).reaching(start, end), start, end) == _overlaps(spans, start, end)
    people = [PersonCluster(f"P{i}") for i in range(4)]
    for i, (s, e) in enumerate(spans):
        people[i % 4].add(s, e)
    # the scan: of the people with a mention overlapping the query, the one whose mention ends
    # last inside it (the head of the phrase), the first in order on a tie
    found = [(min(e, end), -i, p) for i, p in enumerate(people) for s, e in p.mentions if s < end and start < e]
    best = max(found, key=lambda x: x[:2])[2] if found else None
    assert _Mentions(people).overlapping(start, end) is best
