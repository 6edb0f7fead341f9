"""`chronicle serve`: its help teaches, a missing record is a clear error, it binds to loopback."""
from __future__ import annotations

from typer.testing import CliRunner

from chronicle.cli import app


def test_serve_help_names_the_options():
    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0
    for opt in ("--db", "--host", "--port", "--allow-analyze", "127.0.0.1"):
        assert opt in r.output


def test_serve_refuses_a_missing_database(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'nothing.db'}"])
    assert r.exit_code == 2
    assert "chronicle ingest" in r.output
    assert not (tmp_path / "nothing.db").exists()  # read-only: nothing created


ACTORS_YAML = """actors:
  - name: Ada Quillfeather
    country: GBR
    aliases: [Quillfeather]
    roles:
      - {role: Minister for Lighthouses, code: GBRGOV, start: 2021-01-01}
"""
TEXT = ('Ada Quillfeather said on Monday that "every lamp on the coast will stay lit this winter." '
        'Quillfeather said the budget was secure.')


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_analyzes_a_posted_text_with_the_actors_file_under_uvicorn(web_db, tmp_path):
    """`chronicle serve --allow-analyze --actors FILE` on a real port: POST /api/analyze answers
    JSON, and the speaker is the actor the file describes (the file had been ignored)."""
    import json
    import os
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    actors = tmp_path / "actors.yaml"
    actors.write_text(ACTORS_YAML, encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "chronicle.cli", "serve", "--db", web_db, "--port", str(port),
         "--allow-analyze", "--actors", str(actors)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"})
    url = f"http://127.0.0.1:{port}/api/analyze"
    try:
        deadline = time.monotonic() + 120
        while True:  # up when it answers (the pipeline is loaded before it listens)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        body = json.dumps({"text": TEXT, "date": "2022-03-07"}).encode()
        req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            assert r.headers["content-type"].startswith("application/json")
            got = json.loads(r.read())
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    ada = next(a for a in got["actors"] if a["id"] == "person:ada-quillfeather")
    assert ada["country"] == "GBR" and ada["role"] == "Minister for Lighthouses"
    assert {q["speaker"]["actor_id"] for q in got["quotes"] if q["speaker"]} == {"person:ada-quillfeather"}


def test_serve_actors_needs_allow_analyze(web_db, tmp_path):
    actors = tmp_path / "actors.yaml"
    actors.write_text(ACTORS_YAML, encoding="utf-8")
    r = CliRunner().invoke(app, ["serve", "--db", web_db, "--actors", str(actors)])
    assert r.exit_code == 2 and "--allow-analyze" in r.output
