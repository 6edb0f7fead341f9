#!/usr/bin/env python
"""Derive Chronicle's shipped actor knowledge from the Phoenix (TABARI) dictionaries.

    .venv/bin/python scripts/build_actors.py [--phoenix ../shared/data/actors/phoenix]

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and
``Phoenix.MilNonState.actors.txt`` (MIT, Open Event Data Alliance), merges the hand-written
post-2014 update file ``chronicle/data/actors/updates.yaml`` (people in the news since, their
offices with dates; IGOs with stable codes; capitals and seats of government used as metonyms),
and writes the compact ``chronicle/data/actors/actors.json.gz`` that ``load_knowledge`` reads at
run time (parsing the TABARI files at run time would be too slow).

The derived file keeps only what Chronicle uses: names, aliases, CAMEO-style codes and their
date ranges. Its licence notice is ``chronicle/data/actors/NOTICE``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "chronicle" / "data" / "actors"

CODE_RE = re.compile(r"\[([^\]]*)\]")
ORG_WORDS = re.compile(
    r"\b(MINISTRY|MINISTER|PARTY|COUNCIL|ASSEMBLY|FORCES?|ARMY|NAVY|COURT|BANK|COMMITTEE|"
    r"AGENCY|DEPARTMENT|OFFICE|SERVICE|FRONT|MOVEMENT|UNION|GOVERNMENT|POLICE|PARLIAMENT|"
    r"CONGRESS|SENATE|HOUSE|COMMISSION|AUTHORITY|INSTITUTE|UNIVERSITY|ASSOCIATION|"
    r"FEDERATION|ORGANI[SZ]ATION|CORPS|GUARD|BRIGADES?|LEAGUE|ALLIANCE|COMPANY|GROUP|"
    r"NATIONAL|REPUBLIC|KINGDOM|STATE|STATES|ADMINISTRATION|CABINET|PRESIDENCY|REGIME|"
    r"OFFICIALS?|SPOKES(MAN|WOMAN|PERSON)|TROOPS|SOLDIERS|REBELS|MILITANTS|KREMLIN|PALACE)\b")


def alias_text(raw: str) -> str:
    """TABARI phrase -> plain text: ``SERGEY_V._LAVROV_`` -> ``SERGEY V. LAVROV``."""
    raw = raw.split("#", 1)[0].strip().lstrip("+").strip()
    raw = CODE_RE.sub("", raw).strip()
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip().upper()


def parse_date(s: str, end: bool = False) -> str | None:
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 6:  # TABARI YYMMDD; 00-29 -> 20xx
        yy = int(s[:2])
        s = ("20" if yy < 30 else "19") + s
    if len(s) != 8:
        return None
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8])).isoformat()
    except ValueError:
        return None


def parse_code(body: str) -> dict | None:
    """``RUSGOV >20040309`` -> {"code": "RUSGOV", "start": "2004-03-09"}."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0].strip().upper()
    if not re.fullmatch(r"[A-Z~]{3,15}", code):
        return None
    out: dict = {"code": code}
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            out["start"] = parse_date(rng[1:])
        elif rng.startswith("<"):
            out["end"] = parse_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            out["start"], out["end"] = parse_date(a), parse_date(b)
        if "start" in out and out["start"] is None and "end" in out and out["end"] is None:
            return None
    return {k: v for k, v in out.items() if v is not None}


def read_tabari(path: Path) -> list[dict]:
    """Entries: {"name", "aliases", "codes", "comment"} in file order."""
    entries: list[dict] = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        comment = line.split("#", 1)[1].strip() if "#" in line else ""
        codes = [c for c in (parse_code(b) for b in CODE_RE.findall(line.split("#", 1)[0])) if c]
        if line[0] in " \t":  # code line for the current entry
            if cur is not None:
                cur["codes"].extend(codes)
                if comment and not cur["comment"]:
                    cur["comment"] = comment
            continue
        text = alias_text(line)
        if line.startswith("+"):
            if cur is not None and text:
                cur["aliases"].append(text)
                cur["codes"].extend(codes)
            continue
        if not text:
            continue
        cur = {"name": text, "aliases": [], "codes": codes, "comment": comment}
        entries.append(cur)
    return entries


def title_case(name: str) -> str:
    words = []
    for w in name.split():
        if re.fullmatch(r"[A-Z]\.?", w) or re.fullmatch(r"(?:[A-Z]\.){2,}", w):
            words.append(w)
        elif w in {"OF", "THE", "AND", "FOR", "DE", "AL", "BIN", "VON", "VAN", "DA", "DEL", "LA"}:
            words.append(w.lower())
        else:
            words.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def country_iso(code: str) -> str | None:
    c = code[:3]
    return c if pycountry.countries.get(alpha_3=c) else None


def build(phoenix: Path) -> dict:
    countries: dict[str, dict] = {}
    entities: list[dict] = []

    for e in read_tabari(phoenix / "Phoenix.Countries.actors.txt"):
        codes = e["codes"]
        # a country's block: a bare ISO code valid today ("[RUS]", "[UKR >911221]")
        bare = [c["code"] for c in codes
                if len(c["code"]) == 3 and "end" not in c and country_iso(c["code"])]
        if bare:
            iso = bare[-1]
            rec = countries.setdefault(iso, {"aliases": []})
            rec["aliases"].extend([e["name"], *e["aliases"]])
            continue
        if not codes:
            continue
        is_person = "CountryInfo" in e["comment"] or (
            not ORG_WORDS.search(e["name"]) and any("start" in c or "end" in c for c in codes)
            and 2 <= len(e["name"].split()) <= 5)
        entities.append({
            "name": title_case(e["name"]), "type": "PERSON" if is_person else "ORG",
            "aliases": sorted({e["name"], *e["aliases"]}),
            "codes": codes,
        })

    for fname, default_type in (("Phoenix.International.actors.txt", None),
                                ("Phoenix.MilNonState.actors.txt", "GROUP")):
        for e in read_tabari(phoenix / fname):
            codes = e["codes"]
            if not codes:
                continue
            dated = any("start" in c or "end" in c for c in codes)
            if dated and not ORG_WORDS.search(e["name"]) and len(e["name"].split()) <= 5:
                etype = "PERSON"
            elif default_type:
                etype = default_type
            elif codes[0]["code"].startswith("IGO"):
                etype = "IGO"
            else:
                etype = "ORG"
            entities.append({"name": title_case(e["name"]), "type": etype,
                             "aliases": sorted({e["name"], *e["aliases"]}), "codes": codes})

    for iso, rec in countries.items():
        c = pycountry.countries.get(alpha_3=iso)
        names = {c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)}
        rec["name"] = getattr(c, "common_name", None) or c.name
        rec["names"] = sorted(n.upper() for n in names if n)
        rec["aliases"] = sorted(set(rec["aliases"]))

    # yaml reads ISO dates as datetime.date; the derived file keeps them as strings
    updates = json.loads(json.dumps(
        yaml.safe_load((DATA / "updates.yaml").read_text(encoding="utf-8")), default=str))
    return {
        "version": 1,
        "built": dt.date.today().isoformat(),
        "countries": countries,
        "entities": entities,
        "updates": updates,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phoenix", type=Path, default=ROOT.parent / "shared" / "data" / "actors" / "phoenix")
    ap.add_argument("--out", type=Path, default=DATA / "actors.json.gz")
    args = ap.parse_args(argv)
    if not (args.phoenix / "Phoenix.Countries.actors.txt").exists():
        print(f"error: no Phoenix dictionaries in {args.phoenix}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from chronicle.analyze.actors_kb import build_from_phoenix

    kb = build_from_phoenix(build(args.phoenix))
    data = kb.to_json()
    data["version"] = 1
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    with gzip.GzipFile(args.out, "wb", mtime=0) as f:  # mtime=0: reproducible bytes
        f.write(raw)
    kinds = [e.split("\t")[1] if isinstance(e, str) else e[1] for e in data["entities"].values()]
    n_people = kinds.count("PERSON")
    n_countries = kinds.count("COUNTRY")
    print(f"{args.out}: {n_countries} countries, {len(data['entities'])} entities "
          f"({n_people} people), {len(raw) / 1e6:.1f} MB json, {args.out.stat().st_size / 1e6:.2f} MB gz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
