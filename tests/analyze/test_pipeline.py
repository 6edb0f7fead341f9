"""The pipeline's batching: what spaCy holds at once is bounded by text, not by article count."""
from __future__ import annotations

from chronicle.analyze.pipeline import MAX_CHUNK, _batches
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
