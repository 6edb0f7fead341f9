"""Helpers for the reader tests: where the shared data is, and how to split a stream."""
from __future__ import annotations

from pathlib import Path

from chronicle.model import Article, Reject

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"  # ../shared beside the repository root
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED / "seeds" / "000_dfc7f4e74b275605.txt"


def articles(records) -> list[Article]:
    records = list(records)
    assert all(isinstance(r, (Article, Reject)) for r in records)
    return [r for r in records if isinstance(r, Article)]


def rejects(records) -> list[Reject]:
    return [r for r in records if isinstance(r, Reject)]
