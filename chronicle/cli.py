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
eval_app = typer.Typer(help=(
    "Score Chronicle against annotated evaluation data.\n\n"
    "Examples:\n\n"
    "`chronicle eval quotes ../shared/data/polnear/dev`\n\n"
    "`chronicle eval time ../shared/data/timebank`\n\n"
    "`chronicle eval events`"), no_args_is_help=True)
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


def user_error(exc: BaseException) -> str | None:
    """What to tell the user when ``exc`` is their mistake or their machine's state (a path, a
    file, a database they named), not Chronicle's bug; None for anything else, which keeps its
    traceback. Library modules are looked up in sys.modules: an error of a library not
    imported cannot have been raised."""
    import sys

    from chronicle.analyze.pipeline import ModelNotFound
    from chronicle.store.db import StoreError

    if isinstance(exc, (ModelNotFound, StoreError)):  # what was asked for cannot be had
        return str(exc)
    if isinstance(exc, (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError)):
        # a path given on the command line (--out, --actors, export's folder, ...)
        return f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc)
    yaml = sys.modules.get("yaml")
    if yaml and isinstance(exc.__cause__, yaml.YAMLError):  # a user's YAML (--actors) re-raised with its name
        return str(exc)
    pyarrow = sys.modules.get("pyarrow")
    if pyarrow and isinstance(exc, pyarrow.ArrowInvalid):  # `load` of a folder holding a non-Parquet file
        return f"cannot read the Parquet tables: {exc}"
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc and isinstance(exc, sqlalchemy_exc.DBAPIError) \
            and getattr(exc.orig, "sqlstate", None) == "3F000":  # invalid_schema_name
        return ("the database has no schema to use: the URL's search_path names none that exists "
                f"(create it, or fix options=-csearch_path=... in the URL): {str(exc.orig).splitlines()[0]}")
    return None


def main() -> None:
    try:
        app()
    except Exception as exc:
        message = user_error(exc)
        if message is None:
            raise
        typer.echo(f"error: {message}", err=True)  # no traceback for a user's mistake
        raise SystemExit(2)


if __name__ == "__main__":
    main()
