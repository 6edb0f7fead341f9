"""Input for the Spark job: which files, in which order, and bytes -> Article | Reject.

Files are listed on the driver in the order ``chronicle ingest`` reads them (folders walked by
chronicle.read.dispatch.walk for local paths; for other file systems — hdfs://, s3a://, ... —
through Hadoop's FileSystem API, with the same rules: sorted by path components, hidden names
and unknown extensions skipped). Executors read local files themselves and get other file
systems' bytes from ``binaryFiles``, and hand them to the readers' own per-record parse
functions (chronicle/read), so an article read by Spark has the same id, origin, date and text
as one read by ``chronicle ingest``.

Each record gets an ``ord``: ``file index << 32 | record number within the file`` — the
single-machine input order, which decides first-seen questions (which of two copies is the
original, an actor's name and first non-empty country).
"""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

from chronicle.model import Article, Reject
from chronicle.read.common import BadRecord, decode_utf8, doc_id, full_suffix, reject

RECORD_BITS = 32  # records per file < 2**32
SKIPPED = "skipped"  # the kind of read_file_records' tuples that count skipped WARC responses


@dataclass(frozen=True)
class InputFile:
    index: int
    uri: str  # what Spark reads, e.g. file:/abs/path.md or hdfs://nn/corpus/x.md
    path: str  # as chronicle ingest names it (origin), e.g. /abs/path.md or corpus/x.md
    base: str | None  # the folder it was found in (for ids of one-article files)


def is_local(path: str) -> bool:
    scheme = urlparse(path).scheme
    return scheme in ("", "file") or (len(scheme) == 1 and os.name == "nt")


def _local(path: str) -> str:
    return path[len("file:"):] if path.startswith("file:") else path


def _file_uri(path: str) -> str:
    return "file://" + os.path.abspath(path)


def list_inputs(spark, inputs: list[str], skipped=None) -> tuple[list[InputFile], list[Reject]]:
    """The files to read, in ingest order, and a Reject for each input that does not exist;
    ``skipped`` (a ``read.Skipped``), if given, counts the files of unknown kinds in folders,
    as ``chronicle ingest`` does."""
    from chronicle.read.dispatch import walk

    files: list[InputFile] = []
    missing: list[Reject] = []
    for given in inputs:
        if is_local(given):
            path = _local(given)
            if os.path.isdir(path):
                found = [(f, path) for f in walk(path, skipped)]
            elif os.path.exists(path):
                found = [(path, None)]
            else:
                missing.append(reject(path, os.path.basename(path) or path,
                                      "does not exist (no such file or folder)"))
                continue
            files += [InputFile(len(files) + i, _file_uri(f), f, b) for i, (f, b) in enumerate(found)]
        else:
            found = _hadoop_list(spark, given, skipped)
            if found is None:
                missing.append(reject(given, given.rstrip("/").rsplit("/", 1)[-1] or given,
                                      "does not exist (no such file or folder)"))
                continue
            files += [InputFile(len(files) + i, f, f, b) for i, (f, b) in enumerate(found)]
    return files, missing


def _hadoop_list(spark, root: str, skipped=None) -> list[tuple[str, str | None]] | None:
    """Files under a Hadoop-FS path, sorted by path components, as dispatch.walk would (files
    of unknown kinds counted in ``skipped`` under ``root``)."""
    from chronicle.read.dispatch import READERS

    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    jpath = jvm.org.apache.hadoop.fs.Path(root)
    fs = jpath.getFileSystem(conf)
    if not fs.exists(jpath):
        return None
    status = fs.getFileStatus(jpath)
    if not status.isDirectory():
        return [(status.getPath().toString(), None)]
    top = status.getPath().toString().rstrip("/")
    found, unknown = [], []
    it = fs.listFiles(jpath, True)
    while it.hasNext():
        p = it.next().getPath().toString()
        rel = p[len(top) + 1:] if p.startswith(top + "/") else p.rsplit("/", 1)[-1]
        parts = rel.split("/")
        if any(part.startswith(".") for part in parts):
            continue
        (found if full_suffix(parts[-1]) in READERS else unknown).append((parts, p))
    found.sort(key=lambda x: x[0])
    if skipped is not None and unknown:
        unknown.sort(key=lambda x: x[0])
        skipped.folders[root] = (len(unknown), "/".join(unknown[0][0]))
    return [(p, top) for _parts, p in found]


def escape_hadoop_path(uri: str) -> str:
    """A path for a comma-separated Hadoop input list: commas and glob characters escaped."""
    out = []
    for ch in uri:
        if ch in "\\,{}[]*?":
            out.append("\\")
        out.append(ch)
    return "".join(out)


# --- bytes -> records (runs on executors) --------------------------------------------------------

def parse_file(f: InputFile, data: bytes, date: dt.date | None,
               skipped=None) -> Iterator[Article | Reject]:
    """The records of one file, exactly as chronicle.read's reader for its form yields them
    (one Reject for a file that yields none); a WARC's responses that are no HTML page are
    counted in ``skipped`` (a ``read.Skipped``) under the file's path."""
    from chronicle.read.common import at_least_one

    yield from at_least_one(_parse_file(f, data, date, skipped), f.path, blank=lambda: not data.strip())


def _parse_file(f: InputFile, data: bytes, date: dt.date | None,
                skipped=None) -> Iterator[Article | Reject]:
    from chronicle.read.csvfile import read_csv_lines
    from chronicle.read.dated_text import article_from_text
    from chronicle.read.html import article_from_html
    from chronicle.read.jsonfile import read_json_data
    from chronicle.read.jsonl import read_jsonl_lines
    from chronicle.read.markdown import article_from_markdown

    path, name = f.path, os.path.basename(f.path.rstrip("/")) or f.path
    suffix = full_suffix(name)
    if suffix in (".jsonl", ".ndjson", ".csv", ".tsv"):
        stem = os.path.splitext(name)[0]
        lines = io.BytesIO(data)  # iterates by line, like the open file the reader is given
        if suffix == ".tsv":
            yield from read_csv_lines(lines, origin=path, stem=stem, date=date, delimiter="\t")
            return
        parse = read_jsonl_lines if suffix != ".csv" else read_csv_lines
        yield from parse(lines, origin=path, stem=stem, date=date)
        return
    if suffix == ".json":
        yield from read_json_data(data, origin=path, date=date)
        return
    if suffix in (".warc", ".warc.gz"):
        yield from _parse_warc(path, data, date, skipped)
        return
    article_id = doc_id(path, f.base)
    try:
        if suffix in (".md", ".markdown"):
            yield article_from_markdown(decode_utf8(data), article_id=article_id, origin=path, date=date)
        elif suffix in (".html", ".htm"):
            yield article_from_html(data, article_id=article_id, origin=path, date=date)
        else:  # .txt and any explicitly named file of another kind: text, as dispatch does
            yield article_from_text(decode_utf8(data), article_id=article_id, origin=path, date=date)
    except BadRecord as e:
        yield reject(path, name, str(e))


def _parse_warc(path: str, data: bytes, date: dt.date | None, skipped=None) -> Iterator[Article | Reject]:
    """chronicle.read.warc reads a path (it checks the file's size to report truncation), so the
    bytes go to a local temporary file of the same name and the origins (and the archive the
    skipped responses are counted under) are mapped back."""
    from chronicle.read.dispatch import Skipped
    from chronicle.read.warc import read_warc_file

    folder = tempfile.mkdtemp(prefix="chronicle-warc-")
    mine = Skipped() if skipped is not None else None
    try:
        tmp = os.path.join(folder, os.path.basename(path.rstrip("/")) or "archive.warc")
        with open(tmp, "wb") as out:
            out.write(data)
        for rec in read_warc_file(tmp, date, None, skipped=mine):
            rec.origin = _remap(rec.origin, tmp, path)  # Reject and Article alike
            yield rec
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for whys in (mine.responses.values() if mine else ()):
            skipped.responses.setdefault(path, Counter()).update(whys)


def _remap(origin: str | None, tmp: str, path: str) -> str | None:
    if origin and origin.startswith(tmp):
        return path + origin[len(tmp):]
    return origin


def read_file_records(f: InputFile, data: bytes, date: dt.date | None) -> Iterator[tuple]:
    """``(ord, "article", Article, key, minhash bytes | None)`` or ``(ord, "reject", Reject)``
    for every record of one file; a parse failure of any kind is a Reject, never a failed task.
    Last, ``(ord, "skipped", archive, why, n)`` for the responses of a WARC that are no HTML
    page (no record: the driver counts them, as ``chronicle ingest`` says them)."""
    from chronicle.read.dispatch import Skipped
    from chronicle.store import dedup

    number = 0
    base = f.index << RECORD_BITS
    skipped = Skipped()
    try:
        for rec in parse_file(f, data, date, skipped):
            ord_ = base | number
            number += 1
            if isinstance(rec, Reject):
                yield (ord_, "reject", rec)
            elif not rec.text or not rec.text.strip():  # as ingest's decider does
                yield (ord_, "reject", Reject(rec.origin or rec.id, rec.id, "empty text"))
            else:
                m = dedup.minhash(rec.text)
                yield (ord_, "article", rec, dedup.article_key(rec.text),
                       dedup.to_bytes(m) if m is not None else None)
    except Exception as e:  # a reader bug must not fail the job: the file is set aside, named
        yield (base | number, "reject",
               reject(f.path, os.path.basename(f.path), f"could not be read ({type(e).__name__}: {e})"))
    for archive, whys in skipped.responses.items():
        for why, n in whys.items():
            yield (base | number, SKIPPED, archive, why, n)


def read_local_records(f: InputFile, date: dt.date | None) -> Iterator[tuple]:
    """``read_file_records`` of a local file, its bytes read here; an unreadable file is a Reject
    naming it and the reason, as ``chronicle ingest`` sets it aside."""
    try:
        with open(os.path.normpath(_local(f.uri)), "rb") as fh:
            data = fh.read()
    except OSError as e:
        yield (f.index << RECORD_BITS, "reject",
               reject(f.path, os.path.basename(f.path), f"cannot be read: {e.strerror or e}"))
        return
    yield from read_file_records(f, data, date)
