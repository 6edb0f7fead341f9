"""`chronicle demo` / `make demo`: ingest the bundled sample (and the seed) and show who said what."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console


def _sample_paths() -> list[str]:
    try:
        from chronicle.read import sample_paths
    except ImportError:  # readers without the sample helper: the bundled folder itself
        return [str(Path(__file__).with_name("data") / "sample")]
    return list(sample_paths())


def run_demo(shared: Path | str = Path("../shared"), db: str = "sqlite:///chronicle.db",
             model: str | None = None) -> None:
    from chronicle.store.commands import _short, count
    from chronicle.store.db import connect
    from chronicle.store.ingest import ingest
    from chronicle.store.queries import list_actors, search_quotes, stats

    console = Console()
    paths = _sample_paths()
    seeds = Path(shared) / "seeds"
    if seeds.is_dir():
        paths += sorted(str(p) for p in seeds.glob("*.txt"))
    console.print(f"[bold]Chronicle demo[/]: ingesting {', '.join(paths)} into {db}")
    engine = connect(db)
    s = ingest(paths, engine=engine, model=model,
               report=lambda _k, r: console.print(f"[yellow]rejected[/] {r}", highlight=False))
    console.print(f"{count(s.read, 'record')}: {s.stored} stored, {count(s.copies, 'near copy', 'near copies')}, "
                  f"{count(s.duplicates, 'duplicate')} (already in the record: {s.already_stored}), "
                  f"{s.rejected} rejected", highlight=False)
    st = stats(engine)
    console.print(f"The record holds {st['articles']} articles ({st['first_date']} – {st['last_date']}), "
                  f"{st['quotes']} quotes, {st['actors']} actors, {st['events']} events.\n",
                  highlight=False)
    speakers = [a for a in list_actors(engine, limit=8) if a["quotes"]][:6]
    if speakers:
        console.print("[bold]Who said what[/] (most quoted first):")
    for a in speakers:
        q = search_quotes(engine, speaker=a["id"], limit=1)
        said = f"“{_short(q[0]['content'], 110)}” ({q[0]['date']})" if q else ""
        console.print(f"  [cyan]{a['name']}[/] — {count(a['quotes'], 'quote')}. {said}", highlight=False)
    if not speakers:
        console.print("No attributed quotes yet (the analysis found none in this sample).")
    who = speakers[0]["name"] if speakers else "NAME"
    dbopt = "" if db == "sqlite:///chronicle.db" else f" --db {db}"
    console.print("\n[bold]Explore further[/]:")
    for cmd in (f"chronicle quotes --speaker \"{who}\"", "chronicle quotes --about Russia",
                "chronicle actors", f"chronicle timeline \"{who}\"", "chronicle events --dyads",
                "chronicle stats", "chronicle export out/ --format parquet"):
        console.print(f"  {cmd}{dbopt}", highlight=False)
