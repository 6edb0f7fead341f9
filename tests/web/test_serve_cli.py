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
