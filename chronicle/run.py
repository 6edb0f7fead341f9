"""Running the analysis over inputs: reading, analyzing, writing JSONL, reporting rejects."""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from chronicle.model import Article, Reject

err = Console(stderr=True)


def split_rejects(records: Iterable[Article | Reject], rejects: list[Reject],
                  report: bool = True) -> Iterator[Article]:
    """Pass articles through; report each reject at once (file, record, reason) and keep it."""
    for rec in records:
        if isinstance(rec, Reject):
            rejects.append(rec)
            if report:
                err.print(f"[yellow]rejected[/] {escape(f'{rec.origin} record {rec.record}: {rec.reason}')}",
                          highlight=False, soft_wrap=True)
        else:
            yield rec


def report_skipped(skipped) -> None:
    """One line on stderr per folder that held files no reader knows (a `read.Skipped`)."""
    for line in skipped.messages():
        err.print(f"[yellow]{escape(line)}[/]", highlight=False, soft_wrap=True)


def progress_bar(enabled: bool | None) -> Progress | nullcontext:
    if enabled is None:
        enabled = err.is_terminal
    if not enabled:
        return nullcontext()
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                    console=err, transient=False)


def analyze_paths(paths: list[str], out: Path | None = None, date: dt.date | None = None,
                  with_text: bool = False, workers: int = 1, model: str | None = None,
                  actors_file: Path | None = None, progress: bool | None = None) -> int:
    """Analyze every article under ``paths`` to JSONL; return how many records were rejected."""
    from chronicle.analyze.pipeline import Pipeline
    from chronicle.api import DEFAULT_MODEL
    from chronicle.read import Skipped, read_paths
    import time

    sink = open(out, "w", encoding="utf-8") if out else sys.stdout  # first: a bad --out fails at once
    try:
        pipeline = Pipeline(model or DEFAULT_MODEL, actors_file=str(actors_file) if actors_file else None)
    except BaseException:
        if out:
            sink.close()
        raise
    rejects: list[Reject] = []
    skipped = Skipped()
    articles = split_rejects(read_paths(paths, date=date, skipped=skipped), rejects)
    n = 0
    t0 = time.perf_counter()
    try:
        with progress_bar(progress) as bar:
            task = bar.add_task("analyzing", total=None, rate="") if bar else None
            for analysis in pipeline.stream(articles, workers=workers):
                if isinstance(analysis, Reject):
                    rejects.append(analysis)
                    err.print(f"[yellow]rejected[/] {analysis}", highlight=False, soft_wrap=True)
                    continue
                sink.write(json.dumps(analysis.to_dict(with_text=with_text), ensure_ascii=False))
                sink.write("\n")
                n += 1
                if bar:
                    bar.update(task, advance=1, rate=f"{n / (time.perf_counter() - t0):.1f} art/s")
    finally:
        if out:
            sink.close()
        else:
            sink.flush()
    report_skipped(skipped)
    if rejects:
        err.print(f"{n} analyzed, [yellow]{len(rejects)} rejected[/] (reasons above)")
    return len(rejects)


def _analysis_rows(paths: list[str]):
    """Analyses as dicts: read from `chronicle analyze` JSONL output, or made from inputs."""
    from chronicle.read import read_paths

    for path in paths:
        if path.endswith(".jsonl") and _is_analysis_jsonl(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)
            continue
        from chronicle.api import load_pipeline

        rejects: list[Reject] = []
        for analysis in load_pipeline().stream(split_rejects(read_paths([path]), rejects)):
            if not isinstance(analysis, Reject):
                yield analysis.to_dict()


def _is_analysis_jsonl(path: str) -> bool:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    obj = json.loads(line)
                except ValueError:
                    return False
                return isinstance(obj, dict) and "quotes" in obj and "actors" in obj
    return False


def actors_from_paths(paths: list[str], name: str | None = None, type: str | None = None,
                      limit: int | None = None) -> list[dict]:
    """`chronicle actors --from PATH`: the same listing as from a database, over files."""
    from chronicle.analyze.actors import summarize_actors

    rows = []
    for r in summarize_actors(_analysis_rows(paths)):
        if type and r["type"] != type.upper():
            continue
        if name and name.lower() not in (r["id"] + " " + (r["name"] or "") + " " + " ".join(r["aliases"])).lower():
            continue
        rows.append({**r, "roles": list(r["roles"]), "aliases": list(r["aliases"]),
                     "events": 0, "first_seen": r.get("first"), "last_seen": r.get("last")})
    return rows[:limit] if limit else rows
