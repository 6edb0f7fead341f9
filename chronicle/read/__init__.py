"""Readers: every input form becomes one stream of Article (or Reject for a bad record).

Contract: read_paths(paths, date=None, skipped=None) -> Iterator[Article | Reject]
  paths: files, folders (recursive, sorted) or "-" for standard input.
  date: publication date for records that carry none (plain .txt, JSONL/CSV rows without one).
  skipped: a Skipped that counts the files of unknown kinds folders held (for the command to say).

Forms, one module each: dated_text (seed ``date YYYY-MM-DD`` text and plain .txt), jsonl,
csvfile, markdown (YAML front matter), html (trafilatura + htmldate), warc (warcio);
dispatch picks the reader. sample_paths() gives the bundled demo sample.
"""
from __future__ import annotations

from chronicle.read.dispatch import READERS, Skipped, read_paths, read_stdin
from chronicle.read.sample import sample_paths

__all__ = ["READERS", "Skipped", "read_paths", "read_stdin", "sample_paths"]
