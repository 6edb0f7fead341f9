"""Session-wide fixtures: the Chronicle pipeline (spaCy) is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"  # ../shared beside the repository root


@pytest.fixture(scope="session")
def pipeline():
    """The default Chronicle pipeline (the same object chronicle.analyze uses)."""
    from chronicle.api import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data is absent: expected {SHARED} (../shared beside the repository root)")
    return SHARED
