"""Scoring quotations against attribution gold in brat standoff (PolNeAR).

The definitions are those of ``../shared/tools/score_quotes.py`` (its numbers are reproduced
exactly, see tests/evaluate/test_eval_quotes.py):

* a predicted quote matches a gold attribution when it covers at least THRESHOLD of the gold
  content's characters (0.3 loose, 0.8 tight), one-to-one, best overlap first; ``exact`` when
  both spans are equal once whitespace, quotation marks and punctuation are trimmed;
* on matched pairs, the speaker is right when the predicted speaker span overlaps the gold
  source, the cue when the predicted cue overlaps the gold cue;
* who-said-what counts a match with a right speaker; its recall is over gold with a source.

Added here: recall by the gold source's type (name, pronoun, description, none — from the
source span's tokens in the spaCy parse) and an error analysis (misses, false hits, speaker
errors, grouped so that the most frequent kinds of mistakes come first).

Predictions are plain dicts in the JSON shape of ``Quote.to_dict()`` so that any system
(Chronicle, textacy) can be scored the same way.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

QUOTE_MARKS = "\"“”„«»‘’'"
_TRIM = set(QUOTE_MARKS + " \t\r\n.,;:!?—–-…")
THRESHOLDS: tuple[float | str, ...] = (0.3, 0.8, "exact")
SOURCE_TYPES = ("name", "pronoun", "description", "none")
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}

Spans = tuple[int, int]


# --- spans ------------------------------------------------------------------------------------
def as_span(value: Any) -> Spans | None:
    """(start, end) from a span dict ``{"start", "end"}`` or a two-item list; else None."""
    if isinstance(value, dict):
        value = (value.get("start"), value.get("end")) if "start" in value else value.get("span")
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(x, int) for x in value):
        return (value[0], value[1])
    return None


def overlap(a: Spans | None, b: Spans | None) -> int:
    """Characters shared by two spans (0 when either is missing)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def trim(text: str, span: Spans) -> Spans:
    """The span without surrounding whitespace, quotation marks and punctuation."""
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end)


def prf(hits_p: int, n_pred: int, hits_r: int, n_gold: int) -> dict[str, float]:
    p = hits_p / n_pred if n_pred else 0.0
    r = hits_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


# --- gold source types ------------------------------------------------------------------------
def source_type(doc, span: Spans | None) -> str:
    """name | pronoun | description | none for a gold source span, from its tokens in ``doc``:
    a pronoun head -> pronoun; a PERSON/ORG/GPE/NORP entity or a proper noun -> name."""
    if span is None:
        return "none"
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    toks = [t for t in chars if not (t.is_punct or t.is_space)] if chars is not None else []
    if not toks:
        return "description"
    if chars.root.pos_ == "PRON" or (len(toks) == 1 and toks[0].pos_ == "PRON"):
        return "pronoun"
    if any(t.ent_type_ in _NAME_ENTS or t.pos_ == "PROPN" for t in toks):
        return "name"
    return "description"


# --- matching ---------------------------------------------------------------------------------
def match(text: str, gold: list[dict], pred: list[dict], threshold: float | str) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best overlap first (ties: later
    gold and later prediction first, as the shared scorer sorts them)."""
    candidates = []
    for i, g in enumerate(gold):
        gspan = g["content"]
        glen = max(1, gspan[1] - gspan[0])
        gtrim = trim(text, gspan) if threshold == "exact" else None
        for j, q in enumerate(pred):
            c = as_span(q.get("content"))
            if threshold == "exact":
                if trim(text, c) == gtrim:
                    candidates.append((1.0, i, j))
            else:
                value = overlap(c, gspan) / glen
                if value >= threshold:
                    candidates.append((value, i, j))
    candidates.sort(reverse=True)
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _key(threshold: float | str) -> str:
    return "exact" if threshold == "exact" else f"overlap{threshold}"


def score(gold_docs: Mapping[str, tuple[str, list[dict]]], preds: Mapping[str, list[dict]],
          source_types: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    """Scores at each threshold. ``gold_docs``: doc id -> (text, gold) as from ``load_gold``;
    ``preds``: doc id -> quote dicts; ``source_types``: doc id -> the type of each gold's
    source (adds recall and speaker accuracy by source type)."""
    out: dict[str, Any] = {}
    for thr in THRESHOLDS:
        n_pred = n_gold = n_gold_src = hits = spk_ok = spk_n = cue_ok = cue_n = 0
        kind_hits: Counter = Counter()
        kind_all: Counter = Counter()
        type_hits: Counter = Counter()
        type_all: Counter = Counter()
        type_spk: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for doc_id, (text, gold) in gold_docs.items():
            pred = [q for q in preds.get(doc_id, []) if as_span(q.get("content"))]
            types = source_types.get(doc_id) if source_types else None
            n_pred += len(pred)
            n_gold += len(gold)
            n_gold_src += sum(1 for g in gold if g["source"])
            for i, g in enumerate(gold):
                kind_all[g["kind"]] += 1
                if types:
                    type_all[types[i]] += 1
            for i, j in match(text, gold, pred, thr):
                g, q = gold[i], pred[j]
                hits += 1
                kind_hits[g["kind"]] += 1
                if types:
                    type_hits[types[i]] += 1
                if g["source"]:
                    spk_n += 1
                    right = overlap(as_span(q.get("speaker")), g["source"]) > 0
                    spk_ok += right
                    if types:
                        type_spk[types[i]][0] += right
                        type_spk[types[i]][1] += 1
                if g["cue"]:
                    cue_n += 1
                    cue_ok += overlap(as_span(q.get("cue")), g["cue"]) > 0
        result = {
            "content": prf(hits, n_pred, hits, n_gold),
            "who_said_what": prf(spk_ok, n_pred, spk_ok, n_gold_src),
            "speaker_acc_on_matched": _ratio(spk_ok, spk_n),
            "cue_acc_on_matched": _ratio(cue_ok, cue_n),
            "recall_by_kind": {k: _ratio(kind_hits[k], kind_all[k]) for k in sorted(kind_all)},
            "n_pred": n_pred,
            "n_gold": n_gold,
        }
        if source_types is not None:
            result["recall_by_source_type"] = {t: _ratio(type_hits[t], type_all[t]) for t in SOURCE_TYPES if type_all[t]}
            result["speaker_acc_by_source_type"] = {t: _ratio(*type_spk[t]) for t in SOURCE_TYPES if type_spk[t][1]}
            result["gold_by_source_type"] = {t: type_all[t] for t in SOURCE_TYPES if type_all[t]}
        out[_key(thr)] = result
    out["articles"] = len(gold_docs)
    out["articles_without_prediction"] = sum(1 for d in gold_docs if d not in preds)
    return out


# --- error analysis ---------------------------------------------------------------------------
def _clip(text: str, span: Spans | None, width: int = 90) -> str:
    if span is None:
        return ""
    s = " ".join(text[span[0]:span[1]].split())
    return s if len(s) <= width else s[: width - 25] + " … " + s[-22:]


def _cue_word(text: str, span: Spans | None) -> str:
    return " ".join(text[span[0]:span[1]].lower().split()) if span else "(no cue)"


def errors(gold_docs: Mapping[str, tuple[str, list[dict]]], preds: Mapping[str, list[dict]],
           source_types: Mapping[str, list[str]] | None = None, threshold: float = 0.3,
           examples: int = 3) -> dict[str, list[dict]]:
    """Misses (by gold cue word and kind), false hits (by predicted cue and kind) and speaker
    errors on matched quotes (by gold source type), most frequent group first."""
    groups: dict[str, dict[tuple, list[dict]]] = {"misses": defaultdict(list),
                                                   "false_hits": defaultdict(list),
                                                   "speaker_errors": defaultdict(list)}
    for doc_id, (text, gold) in gold_docs.items():
        pred = [q for q in preds.get(doc_id, []) if as_span(q.get("content"))]
        types = source_types.get(doc_id) if source_types else None
        pairs = match(text, gold, pred, threshold)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_g:
                groups["misses"][(_cue_word(text, g["cue"]), g["kind"])].append({
                    "doc": doc_id, "content": _clip(text, g["content"]),
                    "cue": _cue_word(text, g["cue"]), "source": _clip(text, g["source"], 40)})
        for j, q in enumerate(pred):
            if j not in matched_p:
                cue = as_span(q.get("cue"))
                groups["false_hits"][(_cue_word(text, cue), q.get("kind") or "?")].append({
                    "doc": doc_id, "content": _clip(text, as_span(q.get("content"))),
                    "speaker": _clip(text, as_span(q.get("speaker")), 40)})
        for i, j in pairs:
            g, q = gold[i], pred[j]
            if g["source"] and overlap(as_span(q.get("speaker")), g["source"]) == 0:
                stype = types[i] if types else "?"
                groups["speaker_errors"][(stype,)].append({
                    "doc": doc_id, "content": _clip(text, g["content"], 60),
                    "gold_source": _clip(text, g["source"], 40),
                    "predicted": _clip(text, as_span(q.get("speaker")), 40) or "(none)"})
    fields = {"misses": ("cue", "kind"), "false_hits": ("cue", "kind"), "speaker_errors": ("gold_source_type",)}
    out: dict[str, list[dict]] = {}
    for name, by_key in groups.items():
        rows = []
        for key, items in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            row = dict(zip(fields[name], key))
            row["count"] = len(items)
            row["examples"] = items[:examples]
            rows.append(row)
        out[name] = rows
    return out


def format_errors(errs: Mapping[str, list[dict]], system: str = "chronicle", top: int = 25) -> str:
    """A readable report of ``errors()``: what to fix next, most frequent first."""
    lines = [f"# Error analysis: {system} (matching at 0.3 overlap)", ""]
    titles = {
        "misses": "Misses: gold quotations not found, by gold cue word and kind",
        "false_hits": "False hits: predicted quotations matching no gold, by predicted cue and kind",
        "speaker_errors": "Speaker errors on found quotations, by gold source type",
    }
    for name, title in titles.items():
        rows = errs.get(name, [])
        lines.append(f"## {title} ({sum(r['count'] for r in rows)} in all)")
        lines.append("")
        for row in rows[:top]:
            label = " / ".join(str(row[k]) for k in row if k not in ("count", "examples"))
            lines.append(f"- {label}: {row['count']}")
            for ex in row["examples"]:
                if name == "misses":
                    lines.append(f"    [{ex['doc']}] {ex['source'] or '(no source)'} | {ex['cue']} | {ex['content']}")
                elif name == "false_hits":
                    lines.append(f"    [{ex['doc']}] {ex['speaker'] or '(no speaker)'} | {ex['content']}")
                else:
                    lines.append(f"    [{ex['doc']}] gold {ex['gold_source']!r}, predicted {ex['predicted']!r} | {ex['content']}")
        if len(rows) > top:
            lines.append(f"- … {len(rows) - top} smaller groups")
        lines.append("")
    return "\n".join(lines)


# --- systems ----------------------------------------------------------------------------------
def textacy_quotes(doc, direct_quotations) -> list[dict]:
    """textacy's (speaker, cue, content) triples as quote dicts (direct quotes only)."""
    out = []
    for triple in direct_quotations(doc):
        content = triple.content
        cue = list(triple.cue)
        speaker = list(triple.speaker)
        out.append({
            "kind": "direct",
            "content": {"start": content.start_char, "end": content.end_char},
            "cue": {"start": min(t.idx for t in cue), "end": max(t.idx + len(t) for t in cue)} if cue else None,
            "speaker": ({"start": min(t.idx for t in speaker), "end": max(t.idx + len(t) for t in speaker)}
                        if speaker else None),
        })
    return out


def load_textacy():
    """textacy's ``direct_quotations``, or an ImportError saying how to install it."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        raise ImportError(
            "textacy is not installed (it is an optional extra): "
            "`.venv/bin/pip install textacy==0.13.0` or `pip install -e '.[compare]'` "
            f"to compare with it ({exc})") from exc
    return direct_quotations


def evaluate(gold_docs: Mapping[str, tuple[str, list[dict]]], pipeline, compare: Iterable[str] = (),
             progress=None) -> dict[str, Any]:
    """Run Chronicle (and the ``compare`` systems) over the gold texts in one spaCy pass.

    Returns {"scores": {system: score()}, "errors": {system: errors()},
    "predictions": {system: {doc id: quotes}}, "failures": {system: [doc ids]}}.
    """
    from chronicle.model import Article

    compare = list(compare)
    runners = {}
    for name in compare:
        if name != "textacy":
            raise ValueError(f"unknown system to compare with: {name!r} (known: textacy)")
        runners[name] = load_textacy()
    preds: dict[str, dict[str, list[dict]]] = {"chronicle": {}, **{n: {} for n in compare}}
    failures: dict[str, list[str]] = {n: [] for n in preds}
    types: dict[str, list[str]] = {}
    ids = list(gold_docs)
    texts = ((gold_docs[i][0], i) for i in ids)
    for doc, doc_id in pipeline.nlp.pipe(texts, as_tuples=True, batch_size=8):
        text, gold = gold_docs[doc_id]
        types[doc_id] = [source_type(doc, g["source"]) for g in gold]
        # the other systems first: they see the parse exactly as spaCy left it
        for name, fn in runners.items():
            try:
                preds[name][doc_id] = textacy_quotes(doc, fn)
            except Exception as exc:  # textacy bails out on unbalanced quotation marks
                failures[name].append(f"{doc_id}: {type(exc).__name__}: {str(exc)[:120]}")
                preds[name][doc_id] = []
        try:
            analysis = pipeline.analyze_doc(Article(id=doc_id, text=text), doc)
            preds["chronicle"][doc_id] = [q.to_dict() for q in analysis.quotes]
        except Exception as exc:  # counted and reported, never hidden
            failures["chronicle"].append(f"{doc_id}: {type(exc).__name__}: {exc}")
            preds["chronicle"][doc_id] = []
        if progress is not None:
            progress()
    return {
        "scores": {n: score(gold_docs, p, types) for n, p in preds.items()},
        "errors": {n: errors(gold_docs, p, types) for n, p in preds.items()},
        "predictions": preds,
        "failures": failures,
    }
