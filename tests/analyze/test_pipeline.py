"""The pipeline's batching (what spaCy holds at once is bounded by text, not by article count)
and its garbage-collector setting while it streams."""
from __future__ import annotations

import datetime as dt
import gc

from chronicle.analyze.pipeline import MAX_CHUNK, _batches, frozen_heap
from chronicle.model import Article


def _articles(*lengths):
    return [Article(id=str(i), text="x" * n) for i, n in enumerate(lengths)]


def test_a_batch_holds_at_most_the_article_count_and_the_text_budget_in_input_order():
    arts = _articles(40, 40, 40, 10, 90, 5, 5, 5, 5)
    batches = list(_batches(iter(arts), size=3, max_chars=100))
    assert [[a.id for a in b] for b in batches] == [["0", "1"], ["2", "3"], ["4", "5", "6"], ["7", "8"]]
    assert all(sum(len(a.text) for a in b) <= 100 and len(b) <= 3 for b in batches)


def test_an_article_longer_than_the_budget_is_a_batch_of_its_own():
    arts = _articles(10, 500, 10)
    assert [[a.id for a in b] for b in _batches(arts, size=16, max_chars=100)] == [["0"], ["1"], ["2"]]


def test_articles_are_taken_from_the_stream_one_batch_at_a_time():
    taken = []

    def stream():
        for a in _articles(60, 60, 60, 60):
            taken.append(a.id)
            yield a

    first = next(_batches(stream(), size=16, max_chars=100))
    assert [a.id for a in first] == ["0"] and taken == ["0", "1"]


def test_a_text_beyond_the_chunk_limit_counts_as_one_chunk():
    # such a text is parsed paragraph-wise apart from the batch; it weighs what one chunk weighs
    arts = _articles(MAX_CHUNK * 3, 10)
    assert [len(b) for b in _batches(arts, size=16, max_chars=MAX_CHUNK + 10)] == [2]


def test_the_heap_is_frozen_while_a_stream_runs_and_handed_back_when_it_ends():
    assert gc.get_freeze_count() == 0
    with frozen_heap():
        assert gc.get_freeze_count() > 0
        assert gc.collect() >= 0  # collections still run, over the new objects
    assert gc.get_freeze_count() == 0


def test_a_heap_frozen_by_the_caller_stays_frozen():
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with frozen_heap():
            pass
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


def test_an_abandoned_stream_hands_the_heap_back_when_closed():
    def stream():
        with frozen_heap():
            yield 1
            yield 2

    it = stream()
    next(it)
    assert gc.get_freeze_count() > 0
    it.close()
    assert gc.get_freeze_count() == 0


def test_a_stream_runs_its_stages_over_a_frozen_heap_and_unfreezes_after(pipeline):
    seen = []
    for analysis in pipeline.stream([Article(id="a", text="The minister said the talks would go on.")]):
        seen.append((analysis.article.id, gc.get_freeze_count() > 0))
    assert seen == [("a", True)] and gc.get_freeze_count() == 0


def _interrupt_handling(chunk):
    import signal

    return [signal.getsignal(signal.SIGINT) is signal.SIG_IGN for _ in chunk]


def test_worker_processes_leave_ctrl_c_to_the_parent(monkeypatch):
    # each worker printed its own KeyboardInterrupt traceback when the user pressed Ctrl-C
    from chronicle.analyze import pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "_work", _interrupt_handling)
    stream = pipeline_module.Pipeline.__new__(pipeline_module.Pipeline)._stream(
        [Article(id=str(i), text="x") for i in range(3)], 1, 2)
    assert list(stream) == [True, True, True]


def test_no_break_spaces_inside_a_name_keep_it_one_name(pipeline):
    from chronicle.model import Article

    text = ("The\u00a0White\u00a0House Office of National Drug Control Policy said that overdose "
            "deaths fell.\n\nPresident\u00a0Biden said that the work goes on.")
    an = pipeline.analyze(Article(id="nb", text=text, date=dt.date(2022, 8, 26), url="https://www.whitehouse.gov/x"))
    who = {q.speaker.text.replace("\u00a0", " "): q.speaker.actor_id for q in an.quotes}
    assert who["The White House Office of National Drug Control Policy"] == \
        "org:white-house-office-of-national-drug-control-policy"  # was org:white
    assert who["President Biden"] == "person:joe-biden"
    # the tokenizer reads them as spaces, one character for one: every span is the article's
    # own words where the article has them
    for q in an.quotes:
        for span in (q.content, q.speaker, q.cue):
            assert text[span.start:span.end] == span.text
    for a in an.actors:
        assert all(text[m.start:m.end] == m.text for m in a.mentions)
