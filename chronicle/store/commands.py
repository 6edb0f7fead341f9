"""The record's commands: ingest, rejects, quotes, actors, timeline, events, stats, export, load.

Thin: each command parses options, calls chronicle.store (ingest / queries / export) and prints a
rich table for people or JSON (``--json``) for machines. Heavy imports stay inside the bodies.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

DbOpt = Annotated[str, typer.Option(
    "--db", envvar="CHRONICLE_DB",
    help="Database URL: sqlite:///FILE (default, one file, no server) or postgresql://USER@HOST/DB.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON for machines instead of a table.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many rows (0: all).")]
SinceOpt = Annotated[Optional[str], typer.Option(help="From this date on (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[str], typer.Option(help="Up to and including this date (YYYY-MM-DD).")]
DEFAULT_DB = "sqlite:///chronicle.db"


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=name)


def _dates(since: Optional[str], until: Optional[str]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """--since and --until as dates; a range that ends before it starts is a usage error (exit 2),
    as it is a 400 for the web API, not an empty answer."""
    lo, hi = _date(since, "--since"), _date(until, "--until")
    if lo and hi and lo > hi:
        typer.echo(f"error: --since {lo} is after --until {hi}", err=True)
        raise typer.Exit(code=2)
    return lo, hi


def count(n: int, noun: str, plural: Optional[str] = None) -> str:
    """"1 quote", "2 quotes", "0 rows"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _need_words(value: Optional[str], hint: str) -> None:
    """A name or search text with no word characters ("", "%", "^") names nothing: a usage error,
    rather than an empty table (or, for timeline, whichever actor came first)."""
    from chronicle.store.queries import terms_of

    if value is not None and not terms_of(value):
        raise typer.BadParameter(f"{value!r} has no words to look for", param_hint=hint)


def _engine(db: str, existing: bool = False):
    """The record at ``db``; ``existing``: a command that only reads, which must not leave an
    empty database behind a mistyped name."""
    from chronicle.store.db import StoreError, connect, require_existing

    try:
        if existing:
            require_existing(db)
        return connect(db)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    sys.stdout.write("\n")


def _table(title: str, columns: list, rows: list[list], caption: str | None = None,
           empty: str | None = None) -> None:
    """A rich table; ``empty``: the plain sentence printed instead of a table with no rows.
    A column is a name (long values fold onto more lines) or a dict of rich Column options."""
    from rich.console import Console
    from rich.table import Table

    if not rows and empty:
        typer.echo(empty)
        return
    t = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for c in columns:
        if isinstance(c, dict):
            t.add_column(**c)
        else:
            t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r])
    Console().print(t)


WIDE = 150  # columns a terminal needs for every column of the actors table


def _actors_table(rows: list[dict]) -> None:
    """Every column on a wide terminal; on a narrow one (80 columns, as when piped) the id
    whole (what timeline and --speaker take), the name cut with an ellipsis, the type and the
    counts, each on one line: ten folded columns had cut ids and words into 5-letter pieces."""
    from rich.console import Console

    title = count(len(rows), "actor")
    if not rows:
        return _table(title, [], [], empty="no actors match")
    if Console().width >= WIDE:
        return _table(title, ["id", "name", "type", "roles", "aliases", "articles", "mentions", "quotes", "events", "seen"],
                      [[r["id"], r["name"], r["type"], _short("; ".join(r["roles"][:2]), 40),
                        _short(", ".join(r["aliases"][:4]), 50), r["articles"], r["mentions"], r["quotes"],
                        r["events"], f"{r['first_seen'] or ''} – {r['last_seen'] or ''}"] for r in rows])

    def fixed(name: str, key: str, **kw) -> dict:
        width = max(len(name), *(len(str(r[key])) for r in rows))
        return dict(header=name, no_wrap=True, min_width=width, **kw)

    _table(title, [fixed("id", "id"),
                   dict(header="name", no_wrap=True, overflow="ellipsis", ratio=1, min_width=8),
                   fixed("type", "type"), fixed("quotes", "quotes", justify="right"),
                   fixed("articles", "articles", justify="right")],
           [[r["id"], r["name"], r["type"], r["quotes"], r["articles"]] for r in rows],
           caption=f"every column: --json, or {WIDE} columns wide")


def _short(s: Optional[str], n: int = 160) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    from chronicle.api import DEFAULT_MODEL

    @app.command()
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for standard input.")],
        db: DbOpt = DEFAULT_DB,
        workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Analysis processes.")] = 1,
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")] = 16,
        date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
        model: Annotated[str, typer.Option("--model", "-m", help="Any installed spaCy pipeline.")] = DEFAULT_MODEL,
        actors: Annotated[Optional[Path], typer.Option(help="YAML file extending or correcting the actor knowledge (docs/actors.md).")] = None,
        progress: Annotated[Optional[bool], typer.Option(help="Progress bar (default: when stderr is a terminal).")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Add articles to the record: analyzed once, copies recognized, rejects kept with reasons.

        Safe to repeat: an article is keyed by a hash of its normalized text, so ingesting the
        same inputs again adds nothing, and a run that was interrupted (even killed) picks up
        where it stopped. Republished and lightly edited copies are linked to the first copy
        and their quotes are not counted twice. Rejected records are kept with their reason
        (`chronicle rejects`) and do not fail the run: exit status 0, or 2 when the database
        or the spaCy pipeline cannot be had.

        Examples:

            chronicle ingest ../shared/corpora/whitehouse --workers 2

            chronicle ingest today/ --db postgresql://postgres@127.0.0.1/test

            chronicle ingest story.txt --date 2022-01-27

            chronicle ingest today/ --actors my-actors.yaml
        """
        from rich.console import Console
        from rich.markup import escape

        from chronicle.read import Skipped, read_paths
        from chronicle.run import report_skipped
        from chronicle.store.ingest import ingest as run_ingest

        err = Console(stderr=True)
        engine = _engine(db)
        # ingest loads the default pipeline itself; one with the user's actors is handed to it
        # (loaded now, so a bad file is named before the run starts)
        pipeline = None
        if actors:
            from chronicle.api import load_pipeline

            pipeline = load_pipeline(model, actors)

        def report(kind, rec):
            err.print(f"[yellow]rejected[/] {escape(f'{rec.origin} record {rec.record}: {rec.reason}')}",
                      highlight=False, soft_wrap=True)

        try:
            day = _date(date, "--date")
            skipped = Skipped()  # files of unknown kinds in folders, said after the run
            records = read_paths(paths, date=day, skipped=skipped)
            s = run_ingest(paths, records=records, engine=engine, date=day, workers=workers,
                           batch_size=batch_size, model=model, pipeline=pipeline, progress=progress,
                           report=report)
        except KeyboardInterrupt:
            err.print("interrupted: what was stored stays; run the same command again to go on",
                      highlight=False)
            raise typer.Exit(code=130)
        report_skipped(skipped)
        if as_json:
            _print_json(s.to_dict())
            return
        rate = s.read / s.seconds if s.seconds else 0.0
        err.print(f"[bold]{s.read}[/] {'record' if s.read == 1 else 'records'} in {s.seconds:.1f} s ({rate:.1f}/s): "
                  f"[green]{s.stored} stored[/], {count(s.copies, 'near copy', 'near copies')} linked, "
                  f"{count(s.duplicates, 'duplicate')} ({s.already_stored} already in the record), "
                  f"[yellow]{s.rejected} rejected[/]", highlight=False)
        for reason, n in s.reasons.most_common():
            err.print(f"  rejected {n} × {escape(reason)}  (details: chronicle rejects)", highlight=False)

    @app.command()
    def rejects(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False, limit: LimitOpt = 0) -> None:
        """Input records that could not be stored, with the reason (file, record, reason).

        Examples:

            chronicle rejects

            chronicle rejects --json | jq -r .[].reason | sort | uniq -c
        """
        from chronicle.store.queries import list_rejects

        rows = list_rejects(_engine(db, existing=True), limit=limit or None)
        if as_json:
            return _print_json(rows)
        _table(count(len(rows), "rejected record"), ["file", "record", "reason", "run"],
               [[r["origin"], r["record"], r["reason"], r["run_id"]] for r in rows],
               empty="no rejected records")

    @app.command("quotes")
    def quotes_cmd(
        speaker: Annotated[Optional[str], typer.Option(help="Who said it: words of a name, alias or actor id, each matched from its start (Psaki, 'jen psa').")] = None,
        about: Annotated[Optional[str], typer.Option(help="Words the quote contains (full-text, stemmed, all words).")] = None,
        since: SinceOpt = None, until: UntilOpt = None,
        kind: Annotated[Optional[str], typer.Option(help="direct | indirect | mixed")] = None,
        db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False, limit: LimitOpt = 50,
    ) -> None:
        """Who said what, when: quotes by speaker, topic, date and kind, oldest first.

        Examples:

            chronicle quotes --speaker Psaki --about Russia

            chronicle quotes --speaker "person:sergey-lavrov" --since 2022-01-01 --until 2022-03-01

            chronicle quotes --about "sanctions" --kind direct --json
        """
        from chronicle.model import QUOTE_KINDS
        from chronicle.store.queries import search_quotes

        if kind and kind not in QUOTE_KINDS:
            raise typer.BadParameter(f"{kind!r}: use one of {', '.join(QUOTE_KINDS)}", param_hint="--kind")
        for hint, value in (("--speaker", speaker), ("--about", about)):
            _need_words(value, hint)
        lo, hi = _dates(since, until)
        rows = search_quotes(_engine(db, existing=True), speaker=speaker, about=about, since=lo,
                             until=hi, kind=kind, limit=limit or None)
        if as_json:
            return _print_json(rows)
        more = "; --limit 0 for all" if limit and len(rows) == limit else ""  # there may be more
        _table(count(len(rows), "quote"), ["date", "speaker", "kind", "quote", "article"],
               [[r["date"], r["speaker"], r["kind"], _short(r["content"]), r["article"]] for r in rows],
               caption="--json for everything" + more, empty="no quotes match")

    @app.command("actors")
    def actors_cmd(
        name: Annotated[Optional[str], typer.Argument(help="Words of a name, alias or id, each matched from its start (default: all).")] = None,
        type: Annotated[Optional[str], typer.Option(help="PERSON | ORG | COUNTRY | IGO | GROUP")] = None,
        db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False, limit: LimitOpt = 50,
        source: Annotated[Optional[list[str]], typer.Option("--from", help=(
            "Instead of the database: articles (any input form) to analyze, or `chronicle analyze` "
            "JSONL output to read."))] = None,
    ) -> None:
        """The people, organisations and countries in the record, most quoted first.

        Examples:

            chronicle actors

            chronicle actors lavrov --json

            chronicle actors --type COUNTRY --limit 0

            chronicle actors --from findings.jsonl      (output of chronicle analyze)

            chronicle actors --from ../shared/seeds/000_dfc7f4e74b275605.txt
        """
        _need_words(name, "NAME")
        if source:
            from chronicle.run import actors_from_paths

            rows = actors_from_paths(source, name=name, type=type, limit=limit or None)
        else:
            from chronicle.store.queries import list_actors

            rows = list_actors(_engine(db, existing=True), name=name, type=type, limit=limit or None)
        if as_json:
            return _print_json(rows)
        _actors_table(rows)

    @app.command("timeline")
    def timeline_cmd(
        actor: Annotated[str, typer.Argument(help="An actor id, name or alias (see `chronicle actors`).")],
        since: SinceOpt = None, until: UntilOpt = None,
        db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False, limit: LimitOpt = 100,
    ) -> None:
        """An actor's statements and events by date, with a month-by-month chart.

        Examples:

            chronicle timeline Psaki

            chronicle timeline person:sergey-lavrov --since 2022-01-01 --json
        """
        from rich.console import Console
        from rich.markup import escape

        from chronicle.store.queries import monthly_counts, resolve_actor, timeline

        _need_words(actor, "ACTOR")
        lo, hi = _dates(since, until)
        engine = _engine(db, existing=True)
        found = resolve_actor(engine, actor)
        if not found:
            typer.echo(f"error: no actor matches {actor!r} (try `chronicle actors {actor}`)", err=True)
            raise typer.Exit(code=1)
        chosen = found[0]
        rows = timeline(engine, chosen["id"], since=lo, until=hi)
        shown = rows[-limit:] if limit else rows  # the latest; the chart counts them all
        if as_json:
            return _print_json({"actor": chosen, "others": found[1:], "items": shown,
                                "months": [{"month": m, "statements": s, "events": e}
                                           for m, s, e in monthly_counts(rows)]})
        console = Console()
        if len(found) > 1:
            console.print(f"[dim]{actor!r} also matches: {', '.join(f['id'] for f in found[1:6])}[/]")
        said = sum(r["what"] == "said" for r in rows)
        console.print(f"[bold]{escape(chosen['name'])}[/] ({escape(chosen['id'])}): "
                      f"{count(said, 'statement')}, {count(len(rows) - said, 'event')}", highlight=False)
        months = monthly_counts(rows)
        if months:
            peak = max(s + e for _, s, e in months) or 1
            width = 40
            for m, s, e in months[-36:]:
                ns = round(width * s / peak)
                ne = round(width * e / peak)
                console.print(f"{m} [cyan]{'█' * ns}[/][magenta]{'█' * ne}[/] {s} said, {count(e, 'event')}",
                              highlight=False)
            console.print("[cyan]█[/] statements  [magenta]█[/] events")
        _table("", ["date", "what", "type", "other", "text", "article"],
               [[r["date"], r["what"], r["type"], r["other"], _short(r["text"], 120), r["article"]] for r in shown],
               empty="no statements or events")

    @app.command("events")
    def events_cmd(
        actor: Annotated[Optional[str], typer.Option(help="Who acted: name, alias, id or code (RUS, NATO).")] = None,
        recipient: Annotated[Optional[str], typer.Option(help="Who it was done to: name, alias, id or code.")] = None,
        type: Annotated[Optional[str], typer.Option(help="A PLOVER type: ACCUSE, CONSULT, SANCTION, ...")] = None,
        since: SinceOpt = None, until: UntilOpt = None,
        dyads: Annotated[bool, typer.Option("--dyads", help="Counts of A -> B by type and month instead of the events.")] = False,
        db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False, limit: LimitOpt = 50,
    ) -> None:
        """Who did what to whom: PLOVER events, or a --dyads summary (A -> B by type and month).

        Examples:

            chronicle events --actor Russia --type THREATEN

            chronicle events --recipient Ukraine --since 2022-02-01

            chronicle events --dyads --json
        """
        from chronicle.model import PLOVER_TYPES
        from chronicle.store import queries

        if type and type.upper() not in PLOVER_TYPES:
            raise typer.BadParameter(f"{type!r}: use one of {', '.join(PLOVER_TYPES)}", param_hint="--type")
        _need_words(actor, "--actor")
        _need_words(recipient, "--recipient")
        lo, hi = _dates(since, until)
        engine = _engine(db, existing=True)
        kw = dict(actor=actor, recipient=recipient, type=type, since=lo, until=hi)
        if dyads:
            rows = queries.dyads(engine, **kw)
            if limit:
                rows = rows[:limit]
            if as_json:
                return _print_json(rows)
            return _table(count(len(rows), "dyad"), ["month", "actor", "", "recipient", "type", "events"],
                          [[r["month"], r["actor"], "→", r["recipient"], r["type"], r["events"]] for r in rows],
                          empty="no dyads match")
        rows = queries.search_events(engine, limit=limit or None, **kw)
        if as_json:
            return _print_json(rows)
        _table(count(len(rows), "event"), ["date", "actor", "type", "recipient", "evidence", "article"],
               [[r["date"], r["actor"] or r["actor_code"], r["type"] + ("" if r["modality"] == "asserted" else f" ({r['modality']})"),
                 r["recipient"] or r["recipient_code"], _short(r["evidence"], 120), r["article"]] for r in rows],
               empty="no events match")

    @app.command()
    def stats(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
        """What the record holds: articles, copies, quotes, actors, events, rejects, runs, dates.

        Examples:

            chronicle stats

            chronicle stats --db postgresql://postgres@127.0.0.1/test --json
        """
        from chronicle.store.queries import stats as get_stats

        s = get_stats(_engine(db, existing=True))
        if as_json:
            return _print_json(s)
        rows = [[k, v] for k, v in s.items() if not isinstance(v, dict)]
        rows += [[f"quotes: {k}", v] for k, v in s["quotes_by_kind"].items()]
        rows += [[f"events: {k}", v] for k, v in s["events_by_type"].items()]
        _table("the record", ["", ""], rows)

    @app.command()
    def export(
        out: Annotated[Path, typer.Argument(help="Folder to write one file per table into.")],
        format: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet")] = "parquet",
        table: Annotated[Optional[list[str]], typer.Option("--table", "-t", help="Only these tables (repeat).")] = None,
        no_text: Annotated[bool, typer.Option("--no-text", help="Leave article texts out.")] = False,
        db: DbOpt = DEFAULT_DB,
    ) -> None:
        """Write the record's tables as JSONL, CSV or Parquet (pyarrow), one file per table.

        Examples:

            chronicle export dump/ --format parquet

            chronicle export quotes/ --format csv --table quotes --table actors
        """
        from chronicle.store.export import export as run_export

        try:
            if out.exists() and not out.is_dir():
                typer.echo(f"error: {out} is a file; export writes a folder of tables (give a folder name)", err=True)
                raise typer.Exit(code=2)
            counts = run_export(_engine(db, existing=True), out, format, tables=table, with_text=not no_text)
        except ValueError as exc:
            raise typer.BadParameter(str(exc))
        for name, n in counts.items():
            typer.echo(f"{out / (name + '.' + format)}: {count(n, 'row')}", err=True)

    @app.command()
    def load(
        folder: Annotated[Path, typer.Argument(help="A folder written by `chronicle export --format parquet` or `chronicle spark`.")],
        db: DbOpt = DEFAULT_DB,
    ) -> None:
        """Add Parquet tables to a record (rows already there are kept; safe to repeat).

        Examples (copy a SQLite record into a shared PostgreSQL one; load a Spark run):

            chronicle export dump/ --format parquet

            chronicle load dump/ --db postgresql://postgres@127.0.0.1/test

            chronicle load spark-out/ --db sqlite:///chronicle.db
        """
        from chronicle.spark.load import load_parquet
        from chronicle.store.db import StoreError

        try:
            counts = load_parquet(folder, db)
        except (FileNotFoundError, StoreError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2)
        for name, n in counts.items():
            typer.echo(f"{name}: {count(n, 'row')} added", err=True)
