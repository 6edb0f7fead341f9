from __future__ import annotations

from pathlib import Path

import pytest

from tests.read.helpers import SEED


@pytest.fixture
def shared_seed() -> Path:
    if not SEED.exists():
        pytest.skip(f"shared data is absent: the seed is expected at {SEED} (../shared beside the repository root)")
    return SEED
