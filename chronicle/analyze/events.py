"""PLOVER events from statements and narration.

STUB — owned by the events work (issue 6). Contract:
  extract_events(doc, analysis, pub_date) -> list[Event]
"""
from __future__ import annotations

from chronicle.model import Event


def extract_events(doc, analysis, pub_date) -> list[Event]:
    return []
