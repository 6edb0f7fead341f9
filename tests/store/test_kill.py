"""A run killed with SIGKILL at any point, run again, yields the same database as an
uninterrupted run — tested by killing a real `chronicle ingest` process, on both engines."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from chronicle.store import queries
from chronicle.store.db import connect, normalize_url
from chronicle.store.ingest import ingest
from chronicle.store.schema import articles, runs

from .kill_corpus import write_corpus

ROOT = Path(__file__).resolve().parents[2]
KILL_AFTER = (4, 15)  # stored articles at which a run is killed (then run again)


def _start(folder: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "chronicle.cli", "ingest", str(folder), "--db", url,
         "--batch-size", "1", "--no-progress"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _stored(engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar()
    except Exception:  # the schema is not created yet
        return 0


def _kill_when_stored(url: str, folder: Path, n: int) -> int:
    watcher = create_engine(normalize_url(url))  # one connection, polled cheaply
    proc = _start(folder, url)
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            if _stored(watcher) >= n:
                break
            if proc.poll() is not None:
                pytest.fail(f"ingest ended (code {proc.returncode}) before {n} articles were "
                            f"stored: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        return _stored(watcher)
    finally:
        if proc.poll() is None:
            proc.kill()
        watcher.dispose()


@pytest.fixture(scope="module")
def killed_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill") / "corpus"
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def reference(killed_corpus, tmp_path_factory):
    """The uninterrupted run's canonical dump (one in-process run on SQLite)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ref') / 'ref.db'}"
    engine = connect(url)
    s = ingest([str(killed_corpus)], engine=engine, batch_size=1, progress=False)
    assert s.stored == 30 and s.duplicates == 1 and s.copies == 1 and s.rejected == 1
    dump = queries.canonical_dump(engine)
    dump.pop("quotes_fts")
    assert dump["quotes"], "the real pipeline found quotes in the kill corpus"
    return dump


@pytest.mark.slow
@pytest.mark.parametrize("engine_name", ["sqlite", "postgresql"])
def test_killed_and_rerun_equals_uninterrupted(engine_name, killed_corpus, reference, request):
    url = request.getfixturevalue("sqlite_url" if engine_name == "sqlite" else "pg_url")
    total = 31  # 30 articles and the near copy have rows in `articles`
    for n in KILL_AFTER:
        got = _kill_when_stored(url, killed_corpus, n)
        assert n <= got < total, f"killed after {got} of {total} articles"
    engine = connect(url)  # the last run in-process (the spaCy pipeline is already loaded)
    s = ingest([str(killed_corpus)], engine=engine, progress=False)
    assert s.stored + s.copies + s.duplicates + s.rejected == 33
    dump = queries.canonical_dump(engine)
    dump.pop("quotes_fts", None)
    assert dump == reference
    with engine.connect() as conn:
        statuses = sorted(conn.execute(select(runs.c.status)).scalars())
    assert statuses == ["done", "running", "running"]  # the killed runs stay marked as such
