"""The `chronicle` command: a thin Typer layer over the library.

Each area registers its own commands (``register(app)`` in its ``commands`` module), so
this file only assembles them. Heavy imports happen inside command bodies: `--help` is fast.
"""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="chronicle",
    help=(
        "Who said what, who did what to whom, and when — from dated news articles.\n\n"
        "Start with `chronicle analyze ARTICLE.txt` (JSON to stdout), or `chronicle ingest FOLDER` "
        "to build a database and then ask it `chronicle quotes --speaker NAME`."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
)
eval_app = typer.Typer(help="Score Chronicle against annotated evaluation data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

# Each module defines register(app, eval_app) and owns the commands it adds.
COMMAND_MODULES = (
    "chronicle.commands",           # analyze, demo
    "chronicle.evaluate.commands",  # eval quotes
    "chronicle.evaluate.time",      # eval time
    "chronicle.evaluate.events",    # eval events
    "chronicle.store.commands",     # ingest, rejects, quotes, actors, timeline, events, stats, export, load
    "chronicle.web.commands",       # serve
    "chronicle.spark.commands",     # spark
)

for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # an area not built yet
        if not exc.name or not _name.startswith(exc.name):
            raise
        continue
    _module.register(app, eval_app)


def main() -> None:
    from chronicle.analyze.pipeline import ModelNotFound
    from chronicle.store.db import StoreError

    try:
        app()
    except (ModelNotFound, StoreError) as exc:  # what was asked for cannot be had: say so, no traceback
        typer.echo(f"error: {exc}", err=True)
        raise SystemExit(2)


if __name__ == "__main__":
    main()
