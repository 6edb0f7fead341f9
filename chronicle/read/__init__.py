"""Readers: every input form becomes one stream of Article (or Reject for a bad record).

Contract: read_paths(paths, date=None) -> Iterator[Article | Reject]
  paths: files, folders (recursive) or "-" for standard input.
  date: publication date for forms that carry none (plain .txt).
"""
from __future__ import annotations

from chronicle.read.dispatch import read_paths

__all__ = ["read_paths"]
