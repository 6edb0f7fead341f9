"""Build ``chronicle/data/given_names.tsv.gz``: given names whose bearers are nearly all of one
gender, for coreference ("Joe ... she" is not Joe).

    make given-names        # installs nomquamgender==0.1.4 (MIT) and runs this script

The source is the name data of the PyPI package ``nomquamgender`` 0.1.4 (Ian Van Buskirk, MIT
licence; 721,739 names with p(female) from 36 sources). Its module loads pandas and the whole
22 MB file on import, so this script reads the file itself, once, at build time; Chronicle reads
only the small table this writes. A name is kept when at least ``MIN_SOURCES`` sources counted
at least ``MIN_COUNT`` bearers and p(female) is at most ``1 - P_MIN`` (male) or at least
``P_MIN`` (female); below ``P_STRONG`` it is marked as weaker ("m?", "f?": "Bernie", "Lindsey").
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from chronicle.analyze.given_names import TABLE  # noqa: E402

MIN_SOURCES, MIN_COUNT, P_MIN, P_STRONG = 3, 100, 0.8, 0.95
_WORD = re.compile(r"[a-z][a-z'-]+")  # plain folded words ("mary-kate"), no markup or initials


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(TABLE))
    args = ap.parse_args()
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("nomquamgender is not installed: pip install --no-deps nomquamgender==0.1.4 (make given-names)")
    path = os.path.join(list(spec.submodule_search_locations)[0], "name_data.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rows = []
    for name, rec in data.items():
        sources, count, p_female = rec[0], rec[1], rec[2]
        if sources < MIN_SOURCES or count < MIN_COUNT or not _WORD.fullmatch(name):
            continue
        # "f" / "m" where at least P_STRONG of bearers share it; "f?" / "m?" from P_MIN
        if p_female >= P_MIN:
            rows.append((name, "f" if p_female >= P_STRONG else "f?"))
        elif p_female <= 1 - P_MIN:
            rows.append((name, "m" if p_female <= 1 - P_STRONG else "m?"))
    rows.sort()
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as f:  # mtime 0: a rebuild is byte for byte
        f.write("# given name\tgender (m/f: p>=" f"{P_STRONG}, m?/f?: p>={P_MIN}); from nomquamgender 0.1.4 "
                f"name_data.json (MIT), sources>={MIN_SOURCES}, count>={MIN_COUNT}\n")
        for name, g in rows:
            f.write(f"{name}\t{g}\n")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
