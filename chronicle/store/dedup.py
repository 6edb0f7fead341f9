"""Recognizing copies before any analysis is spent on them.

* exact copies: ``article_key`` is a 128-bit BLAKE2b digest of the normalized text (Unicode NFKC,
  case-folded, whitespace collapsed, typographic quotes and dashes unified), so a wire story
  re-published with different line breaks or curly quotes has the same key;
* near copies (light edits, a changed headline or paragraph): MinHash signatures of word
  5-shingles in a datasketch MinHashLSH index; a candidate counts as a copy when the estimated
  Jaccard similarity is at least ``THRESHOLD`` and the two publication dates (when both are
  known) are at most ``MAX_DAYS`` apart.

The index holds only originals (never copies: a family is linked to its first article). Each
original's signature is stored with it (``articles.minhash``, 4 bytes per permutation), so a
new run rebuilds the index from the database without re-reading any text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2.x: 32-bit hash values, stored as 4 bytes each
THRESHOLD = 0.85  # Jaccard of word 5-shingles; light edits of a long story stay above it
# A copy is published close to its original: yearly notices, visitor logs and disaster
# declarations reuse one template across years and states but are different documents.
MAX_DAYS = 14
SHINGLE = 5
MIN_SHINGLES = 20  # shorter texts are too small for a meaningful near-copy decision (exact only)

_SPACE = re.compile(r"\s+")
_TRANSLATE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()
    return _SPACE.sub(" ", text).strip()


def article_key(text: str) -> str:
    return hashlib.blake2b(normalize(text).encode("utf-8"), digest_size=16).hexdigest()


def minhash(text: str) -> MinHash | None:
    """The MinHash of the text's word 5-shingles, or None when the text is too short."""
    words = _WORD.findall(normalize(text))
    if len(words) - SHINGLE + 1 < MIN_SHINGLES:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
                for i in range(len(words) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles))
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype("<u4").tobytes()  # affine32: values are < 2**32


def from_bytes(b: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(b, dtype="<u4").copy())


class NearCopyIndex:
    """MinHash LSH over the originals seen so far (stored ones and this run's)."""

    def __init__(self, threshold: float = THRESHOLD, max_days: int = MAX_DAYS):
        self.threshold = threshold
        self.max_days = max_days
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, tuple[MinHash, dt.date | None]] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: str, m: MinHash, date: dt.date | None = None) -> None:
        if key not in self._sigs:
            self.lsh.insert(key, m)
            self._sigs[key] = (m, date)

    def first_copy_of(self, m: MinHash, date: dt.date | None = None) -> tuple[str, float] | None:
        """The most similar original at or above the threshold (ties: the smallest key)."""
        best: tuple[str, float] | None = None
        for key in self.lsh.query(m):
            sig, other = self._sigs[key]
            if date and other and abs((date - other).days) > self.max_days:
                continue
            sim = m.jaccard(sig)
            if sim < self.threshold:
                continue
            if best is None or sim > best[1] or (sim == best[1] and key < best[0]):
                best = (key, sim)
        return best
