"""`chronicle analyze` and `chronicle demo`."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from chronicle.api import DEFAULT_MODEL

ModelOpt = Annotated[str, typer.Option("--model", "-m", help="Any installed spaCy pipeline, by name or path.")]


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--date")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @app.command()
    def analyze(
        paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for standard input.")],
        out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write JSONL here instead of stdout.")] = None,
        date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
        with_text: Annotated[bool, typer.Option("--with-text", help="Add each article's text as \"text\".")] = False,
        workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
        model: ModelOpt = DEFAULT_MODEL,
        actors: Annotated[Optional[Path], typer.Option(help="YAML file extending or correcting the actor knowledge.")] = None,
        progress: Annotated[Optional[bool], typer.Option(help="Progress bar on stderr (default: when stderr is a terminal).")] = None,
    ) -> None:
        """Analyze articles and print one JSON object per article (quotes, timexes, actors, events).

        Offsets are Python string indices into the article text (see docs/output-format.md).
        Exit status 3 when some input was rejected (each named on stderr), 2 for a usage error.

        Examples:

            chronicle analyze ../shared/seeds/000_dfc7f4e74b275605.txt

            chronicle analyze corpus/ --workers 2 --out findings.jsonl

            cat story.txt | chronicle analyze - --date 2022-01-27
        """
        from chronicle.run import analyze_paths

        rejected = analyze_paths(paths, out=out, date=_parse_date(date), with_text=with_text,
                                 workers=workers, model=model, actors_file=actors, progress=progress)
        if rejected:
            raise typer.Exit(code=3)

    @app.command()
    def demo(
        shared: Annotated[Path, typer.Option(help="The shared data folder (the seed is read from it when present).")] = Path("../shared"),
        db: Annotated[str, typer.Option(help="Database URL.")] = "sqlite:///chronicle.db",
        model: ModelOpt = DEFAULT_MODEL,
    ) -> None:
        """Analyze the bundled sample (and the seed when ../shared is there) and show who said what, when.

        The findings go into a record (--db) that the other commands and `chronicle serve` then read.

        Examples:

            chronicle demo

            chronicle demo --db sqlite:///demo.db --shared /data/shared

            chronicle demo && chronicle quotes --speaker Psaki && chronicle serve
        """
        from chronicle.demo import run_demo

        run_demo(shared=shared, db=db, model=model)
