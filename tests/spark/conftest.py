"""One local[2] SparkSession and one job run for all Spark tests (Spark start-up is slow)."""
from __future__ import annotations

import os
import shutil
import sys

import pytest

from tests.spark import corpus as corpus_mod


def _why_no_spark() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ModuleNotFoundError:
        return "PySpark is not installed (pip install -e '.[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return "Java is not installed (Spark needs a Java 17 runtime)"
    return None


@pytest.fixture(scope="session")
def spark():
    reason = _why_no_spark()
    if reason:
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("chronicle-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "4")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return corpus_mod.build(tmp_path_factory.mktemp("spark-corpus"))


@pytest.fixture(scope="session")
def spark_run(spark, corpus, tmp_path_factory):
    """The job on the corpus: (summary, output folder)."""
    from chronicle.spark.job import run

    out = tmp_path_factory.mktemp("spark-out") / "tables"
    summary = run(spark, [str(corpus)], str(out), partitions=3, batch_size=4)
    return summary, out


@pytest.fixture(scope="session")
def ingest_run(corpus, tmp_path_factory):
    """The single-machine path on the same corpus: (engine, export folder)."""
    from chronicle.store.db import connect
    from chronicle.store.export import export
    from chronicle.store.ingest import ingest

    folder = tmp_path_factory.mktemp("ingest")
    engine = connect(f"sqlite:///{folder / 'record.db'}")
    ingest([str(corpus)], engine=engine, workers=1, progress=False)
    export(engine, folder / "export", "parquet")
    return engine, folder / "export"
