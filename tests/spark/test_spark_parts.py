"""The Spark job's parts that need no Spark: reading bytes, settling near copies."""
from __future__ import annotations

import random

from chronicle.read import read_paths
from chronicle.spark.dedup import jaccard, lsh_bands, settle
from chronicle.spark.io import InputFile, read_file_records, read_local_records
from chronicle.store import dedup


def test_records_from_bytes_are_those_chronicle_read_gives_for_the_files(tmp_path):
    from tests.spark.corpus import build

    corpus = build(tmp_path)
    from chronicle.read.dispatch import walk

    from chronicle.read.dispatch import Skipped

    got, passed_over = [], []
    for i, path in enumerate(walk(str(corpus))):
        f = InputFile(i, "file://" + path, path, str(corpus))
        with open(path, "rb") as fh:
            for r in read_file_records(f, fh.read(), None):
                (passed_over.append(r[2:]) if r[1] == "skipped" else got.append(r[2]))
    skipped = Skipped()
    assert got == list(read_paths([str(corpus)], skipped=skipped))
    assert sum(1 for r in got if getattr(r, "url", None)) == 2  # both WARC pages
    # the WARC's 404 (and only it: requests and warcinfo are no responses), counted as ingest does
    assert passed_over == [(a, why, n) for a, whys in skipped.responses.items() for why, n in whys.items()]
    assert [why for _a, why, _n in passed_over] == ["HTTP 404"]


def test_a_file_that_breaks_its_reader_is_one_reject_not_a_failed_task():
    f = InputFile(3, "file:///x/a.md", "/x/a.md", None)
    out = list(read_file_records(f, None, None))  # no bytes at all: decoding raises
    assert len(out) == 1 and out[0][1] == "reject" and "could not be read" in out[0][2].reason
    assert out[0][0] >> 32 == 3


def test_local_files_are_read_by_the_worker_and_one_gone_since_listing_is_a_reject(tmp_path):
    from tests.spark.corpus import build

    corpus = build(tmp_path)
    from chronicle.read.dispatch import walk

    files = [InputFile(i, "file://" + p, p, str(corpus)) for i, p in enumerate(walk(str(corpus)))]
    got = [r[2] for f in files for r in read_local_records(f, None) if r[1] != "skipped"]
    assert got == list(read_paths([str(corpus)]))
    gone = InputFile(7, "file://" + str(tmp_path / "gone.md"), str(tmp_path / "gone.md"), None)
    (out,) = read_local_records(gone, None)
    assert out[0] == 7 << 32 and out[1] == "reject"
    assert out[2].record == "gone.md" and out[2].reason.startswith("cannot be read: ")


def _sig(words: list[str]) -> bytes:
    return dedup.to_bytes(dedup.minhash(" ".join(words)))


def test_jaccard_on_stored_signatures_is_datasketchs():
    rng = random.Random(7)
    words = [f"w{rng.randrange(400)}" for _ in range(300)]
    edited = words[:250] + [f"x{i}" for i in range(50)]
    a, b = dedup.minhash(" ".join(words)), dedup.minhash(" ".join(edited))
    assert jaccard(dedup.to_bytes(a), dedup.to_bytes(b)) == a.jaccard(b)


def test_bands_are_datasketchs_for_the_store_threshold():
    bands = lsh_bands()
    assert bands[0][0] == 0 and all(e - s == bands[0][1] for s, e in bands)
    assert bands[-1][1] <= dedup.NUM_PERM


def test_near_copies_settle_in_input_order_like_ingests_sequential_index():
    # 1 ~ 0, 2 ~ 1 only (1 is a copy, never an original), 3 ~ 0 and 2 equally: smallest key wins.
    pairs = [(0, "k0", 1, 0.9), (1, "k1", 2, 0.95), (0, "k0", 3, 0.85), (2, "k2", 3, 0.85),
             (0, "k0", 4, 0.5)]
    assert settle(pairs) == {1: ("k0", 0.9), 3: ("k0", 0.85)}


def test_a_file_with_no_records_is_the_same_reject_as_chronicle_read_gives(tmp_path):
    for name, content in [("empty.jsonl", b""), ("none.json", b"[]"), ("header.csv", b"text\n")]:
        path = tmp_path / name
        path.write_bytes(content)
        f = InputFile(0, "file://" + str(path), str(path), None)
        got = [r[2] for r in read_file_records(f, content, None)]
        assert got == list(read_paths([str(path)])) and len(got) == 1


def test_text_holding_nul_characters_is_the_same_reject_as_chronicle_read_gives(tmp_path):
    for name, content in [("u16.txt", "Some text.".encode("utf-16-le")),
                          ("nul.md", b"Body\x00.\n"), ("nul.jsonl", b'{"text": "a\\u0000b"}\n')]:
        path = tmp_path / name
        path.write_bytes(content)
        f = InputFile(0, "file://" + str(path), str(path), None)
        got = [r[2] for r in read_file_records(f, content, None)]
        assert got == list(read_paths([str(path)])) and "NUL" in got[0].reason
