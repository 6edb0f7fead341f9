"""`make bench` runs and reports a throughput ratio, per-stage shares and worker scaling.

A smoke test on three tiny texts: it checks the report's shape, never timings."""
from __future__ import annotations

import contextlib
import io
import json

import pytest
from rich.console import Console

from chronicle import bench

TEXTS = [
    ("2022-01-27", "Russian Foreign Minister Sergey Lavrov said on Thursday that Moscow would "
                   "study the U.S. response. \"We will read it carefully,\" he told reporters."),
    ("2023-05-02", "The President met Prime Minister Kishida in Washington yesterday. The two "
                   "leaders agreed to expand cooperation, a White House official said."),
    ("2024-10-10", "\"This is a good day for working families,\" Vice President Harris said "
                   "at a campaign event on Friday, promising new aid next month."),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """`python -m chronicle.bench --json` over a three-document White House-shaped corpus."""
    shared = tmp_path_factory.mktemp("shared")
    folder = shared / "corpora" / "whitehouse" / "statements"
    folder.mkdir(parents=True)
    for i, (date, text) in enumerate(TEXTS):
        (folder / f"{date}-doc-{i}.md").write_text(
            f"---\ndate: {date}\ntitle: Doc {i}\n---\n{text}\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert bench.main(["--shared", str(shared), "--docs", "3", "--workers", "1",
                           "--repeat", "1", "--memory-docs", "0", "--json"]) == 0
    return json.loads(out.getvalue())


def test_documents_are_chosen_deterministically_and_spread():
    paths = [f"p{i:03d}" for i in range(100)]
    assert bench.spread(paths, 4) == ["p000", "p025", "p050", "p075"]
    assert bench.spread(paths, 4) == bench.spread(list(paths), 4)
    assert bench.spread(paths, 0) == []


def test_the_memory_check_streams_three_times_the_documents_with_the_same_largest():
    paths = [f"p{i:03d}" for i in range(100)]
    size = {p: (5000 if p == "p050" else 9000 if p == "p051" else i) for i, p in enumerate(paths)}.get
    small, big = bench.memory_sets(paths, 4, size=size)
    assert small == bench.spread(paths, 4) and set(small) <= set(big) and len(big) == 12
    assert max(map(size, big)) == max(map(size, small)) == 5000  # p051 is never taken


def test_bench_reports_the_ratio_to_a_bare_spacy_pass(report):
    assert report["docs"] == 3 and report["words"] > 0
    assert report["throughput"]["ratio"] > 0
    assert report["throughput"]["bare"]["docs_per_s"] > 0
    assert report["throughput"]["chronicle"]["words_per_s"] > 0


def test_bench_reports_each_stage_as_a_share_of_spacy(report):
    stages = report["per_stage"]["stages"]
    assert list(stages) == list(bench.STAGES)
    assert all(s["pct_of_spacy"] >= 0 for s in stages.values())
    assert report["per_stage"]["stages_timed"] is True


def test_bench_reports_workers_and_skips_memory_when_asked(report):
    assert report["workers"]["1"]["speedup"] == 1.0
    assert report["workers"]["1"]["same_output_as_workers_1"] is True
    assert report["memory"] is None


def test_bench_prints_tables_for_people(report):
    console = Console(width=120, record=True)
    bench.print_report(report, console)
    text = console.export_text()
    assert "ratio chronicle/bare" in text and "time.extract_timexes" in text and "speed-up" in text
