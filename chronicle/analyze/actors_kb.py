"""The actor knowledge base: canonical identities, aliases and dated roles.

Built from the shipped ``chronicle/data/actors/actors.json.gz`` (derived from the Phoenix
dictionaries plus ``updates.yaml`` by ``scripts/build_actors.py``) and, optionally, a user's
YAML file (``--actors FILE``, format in docs/actors.md) that adds or corrects entries.

Everything is keyed by :func:`fold`, a spelling-insensitive form of a name, so that lookups at
analysis time are dict lookups.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"
KB_FILE = DATA / "actors.json.gz"

# CAMEO role codes (the 3 letters after a country code) -> Chronicle's sector words.
SECTORS = {
    "GOV": "government", "MIL": "military", "OPP": "opposition", "BUS": "business",
    "MED": "media", "REB": "rebels", "LEG": "legislature", "JUD": "judiciary", "ELI": "elite",
    "SPY": "intelligence", "COP": "police", "CVL": "civilians", "EDU": "education",
    "HLH": "health", "HRI": "human rights", "LAB": "labor", "NGO": "ngo", "PTY": "party",
    "REF": "refugees", "CRM": "criminal", "AGR": "agriculture", "DEV": "development",
    "ENV": "environment", "MNC": "business", "RAD": "radicals", "INS": "insurgents",
    "UAF": "armed forces", "REL": "religion", "IGO": "igo", "SET": "settlers", "IMG": "rebels",
}

_PUNCT = re.compile(r"[^\w\s]")
# An Irish O' or a D' that begins a surname is one word with it: "O'Rourke" -> "orourke", not
# "o rourke" (whose lone "o" a full name's variants drop as a middle initial: "Beto O'Rourke"
# was person:beto-rourke); "D'Souza" -> "dsouza".
_ELISION = re.compile(r"\b([OoDd])['’](?=[A-Za-z])")
# The shipped index's keys written with the particle apart ("brendan o connor", from Phoenix's
# "O CONNOR" and from folds before the rule above): found under the joined form too.
_SPACED_ELISION = re.compile(r"\b([od]) (?=[a-z]{3})")
_SPACE = re.compile(r"\s+")


def _join_elisions(index: dict[str, str], surnames: dict[str, str]) -> None:
    """File the index's keys written with the particle apart ("brendan o connor", from Phoenix's
    "O CONNOR") under the joined form too, in both indexes, when the shipped file is built."""
    for k in [k for k in index if _SPACED_ELISION.search(k)]:
        joined = _SPACED_ELISION.sub(r"\1", k)
        index.setdefault(joined, index[k])
        last = joined.split()[-1]
        if last != k.split()[-1]:  # the surname index too ("oconnor": Gordon and Brendan)
            ids = (surnames.get(last) or "").split()
            ids += [i for i in index[k].split() if i not in ids]
            surnames[last] = " ".join(ids)
_END_Y = re.compile(r"(?<=\w\w)(?:iy|yy|ii|yi|ij)$")  # Zelenskiy/Zelenskyy/Zelenskii -> zelensky
_END_EI = re.compile(r"(?<=\w\w)ei$")  # Sergei -> sergey
_TITLES = frozenset("""mr mrs ms miss dr sir lord dame madam president vice prime minister
secretary general gen chancellor premier ambassador senator sen rep representative governor gov
king queen prince crown sheikh ayatollah pope foreign defense defence state the former acting
deputy spokesman spokeswoman spokesperson chairman chair director leader mayor""".split())


def _strip_accents(s: str) -> str:
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Spelling-insensitive key: accents, case, punctuation and transliteration endings folded.

    ``"Sergei V. Lavrov"`` and ``"SERGEY V LAVROV"`` -> ``"sergey v lavrov"``;
    ``"Zelenskyy"`` -> ``"zelensky"``; ``"U.S."`` -> ``"us"``.
    """
    s = _ELISION.sub(r"\1", _strip_accents(text)).lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = s.replace("-", " ").replace(".", "")
    s = _SPACE.sub(" ", _PUNCT.sub(" ", s)).strip()
    if not s:
        return s
    out = []
    for w in s.split(" "):
        if len(w) > 4:
            w = _END_EI.sub("ey", _END_Y.sub("y", w))
        out.append(w)
    return " ".join(out)


def name_variants(key: str, courtesy: bool = True) -> list[str]:
    """Lookup variants of a folded name: as is, without titles, without middle initials; then
    (``courtesy``) without a first "Lady". Without ``courtesy`` the last is the name an
    unknown person's id is made of."""
    words = key.split()
    out = [key]
    while words and words[0] in _TITLES and len(words) > 1:
        words = words[1:]
    k = " ".join(words)
    if k not in out:
        out.append(k)
    if len(words) > 2:
        mid = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
        k2 = " ".join(mid)
        if k2 not in out:
            out.append(k2)
    if courtesy and len(words) > 2 and words[0] == "lady":
        # "Lady Catherine Ashton": a peer's title when the rest is a name the knowledge base
        # knows; a name of its own otherwise ("Lady Bird Johnson", coref.lady_is_given_name)
        out += [k for k in name_variants(" ".join(words[1:])) if k not in out]
    return out


# Ids hold a slug; the store keeps ids of up to 200 characters.
_MAX_SLUG = 120


# Latin letters that Unicode does not decompose into a base letter and an accent: "Støre" is
# "store" in an id, not "st-re"
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L",
                               "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th",
                               "ð": "d", "Ð": "D"})


def slug(name: str) -> str:
    """``name`` as lower-case words joined by hyphens; a long one is cut and keeps a short hash
    of the whole, so that two long names stay two ids."""
    s = re.sub(r"[^a-z0-9]+", "-", _strip_accents(name).translate(_UNDECOMPOSED).lower()).strip("-")
    if len(s) > _MAX_SLUG:
        digest = hashlib.blake2b(s.encode(), digest_size=4).hexdigest()
        s = s[:_MAX_SLUG - 9].rstrip("-") + "-" + digest
    return s


def sector_of(code: str | None) -> str | None:
    if not code:
        return None
    if code.startswith("IGO") or code in IGO_CODES_SEEN:
        return "igo"
    rest = code[3:] if country_of_code(code) else code
    for i in range(0, len(rest), 3):
        s = SECTORS.get(rest[i:i + 3])
        if s:
            return s
    return None


@lru_cache(maxsize=4096)
def country_of_code(code: str | None) -> str | None:
    if not code or len(code) < 3:
        return None
    c = code[:3]
    return c if pycountry.countries.get(alpha_3=c) else None


IGO_CODES_SEEN: set[str] = set()


def day_of(v) -> str | None:
    """"YYYY-MM-DD" of a date, datetime or ISO string; None for none."""
    if v is None or v == "":
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return str(v)[:10]


@dataclass(slots=True)
class Role:
    role: str | None
    code: str | None
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, exclusive
    sector: str | None = None
    org: str | None = None  # actor id of the IGO the office belongs to

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON | ORG | COUNTRY | IGO | GROUP
    country: str | None = None
    code: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    curated: bool = False  # from updates.yaml or the user's file: wins ties over Phoenix
    gender: str | None = None  # "m" | "f" for a curated person whose gender is public; else unknown

    def role_on(self, day: str | None) -> Role | None:
        """The role valid on ``day`` (the most recently started one), else None.

        Without a date, the current (open-ended) role."""
        best = None
        for r in self.roles:
            if r.valid_on(day) and (best is None or (r.start or "") > (best.start or "")):
                best = r
        return best

    def last_role_before(self, day: str | None) -> Role | None:
        best = None
        for r in self.roles:
            if day is None or r.start is None or r.start <= day:
                if best is None or (r.start or "") > (best.start or ""):
                    best = r
        return best


@dataclass(slots=True)
class Place:
    """What a place name denotes: a country (always an actor) or a city/seat (only when acting)."""

    target: str | tuple[str, ...]  # actor id(s): "country:RUS", or ("igo:EU", "igo:NATO")
    kind: str  # "country" | "seat" (capital, seat of government) | "city"


TITLE_GLUE = frozenset({"of", "the", "for", "white", "house"})


# Phoenix spells its names in capitals, and the build title-cased them: "Cnn", "Icrc", "Bp".
# A word of an organisation's name of two to five letters without a vowel is an acronym;
# abbreviations stay as they are (people keep theirs: "Ng").
_NO_VOWEL_WORD = re.compile(r"\b[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tv-xz]{1,4}\b")
_ABBREVIATED = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Ltd", "Bros", "Mt", "Ft", "Hwy"})


def _acronyms_upper(name: str) -> str:
    return _NO_VOWEL_WORD.sub(lambda m: m.group(0) if m.group(0) in _ABBREVIATED else m.group(0).upper(), name)


# Four-letter stems of country names that are English nouns, whose plurals are no nationality:
# "ports" (Portugal), "costs" (Costa Rica), "units" (United ...), "chins" (China), "cents" (Central
# African Republic).
_STEM_WORDS = frozenset("port cost unit malt tong chin stat sing pale cent moro mont bela colo".split())


class Knowledge:
    """Canonical identities and the indexes to find them by name.

    Entities stay as compact records until first asked for (``get``), so that loading the
    shipped file is one ``json.loads`` and no per-entity work."""

    def __init__(self) -> None:
        self._raw: dict[str, list] = {}  # id -> compact record (see _pack)
        self._cache: dict[str, Entity] = {}
        self.index: dict[str, list[str]] = {}  # folded alias -> entity ids
        self.places: dict[str, list] = {}  # folded place name -> [target, kind] (see Place)
        self.surnames: dict[str, list[str]] = {}  # folded surname -> PERSON ids (fuzzy step)
        self.sources: list[str] = []
        self.demonym_stems: dict[str, str] = {}  # 4-letter stem -> country id ("ukra")
        self._titled: list[str] | None = None  # ids of people with office titles (office_holders)

    # --- building ------------------------------------------------------------------------
    def add(self, e: Entity) -> None:
        if e.id in self._raw or e.id in self._cache:
            self.remove(e.id)
        self._cache[e.id] = e
        self._raw[e.id] = None  # materialized
        self._index(e)
        self._titled = None

    def remove(self, eid: str) -> None:
        e = self.get(eid)
        if e is not None:
            self._unindex(e)
        self._cache.pop(eid, None)
        self._raw.pop(eid, None)
        self._titled = None

    def _keys(self, e: Entity) -> set[str]:
        keys = set()
        for a in (e.name, *e.aliases):
            k = fold(a)
            if k:
                keys.update(name_variants(k, courtesy=False) if e.type == "PERSON" else (k, k.removeprefix("the ")))
        return keys

    def _surname_keys(self, e: Entity) -> set[str]:
        if e.type != "PERSON":
            return set()
        return {w[-1] for w in (fold(a).split() for a in (e.name, *e.aliases)) if len(w) >= 2}

    @staticmethod
    def _ids(d: dict, k: str, create: bool = False) -> list[str]:
        """The id list under ``k``; the shipped file stores "id1 id2" strings (fast to load)."""
        v = d.get(k)
        if isinstance(v, str):
            v = d[k] = v.split(" ")
        elif v is None:
            if not create:
                return []
            v = d[k] = []
        return v

    def _index(self, e: Entity) -> None:
        for d, keys in ((self.index, self._keys(e)), (self.surnames, self._surname_keys(e))):
            for k in keys:
                ids = self._ids(d, k, create=True)
                if e.id not in ids:
                    ids.append(e.id)

    def _unindex(self, e: Entity) -> None:
        for d, keys in ((self.index, self._keys(e)), (self.surnames, self._surname_keys(e))):
            for k in keys:
                ids = self._ids(d, k)
                if e.id in ids:
                    ids.remove(e.id)

    def set_place(self, name: str, target, kind: str, overwrite: bool = True) -> None:
        k = fold(name).removeprefix("the ")
        if k and (overwrite or k not in self.places):
            self.places[k] = [list(target) if isinstance(target, tuple) else target, kind]

    # --- serialization (scripts/build_actors.py writes, load() reads) -----------------------
    @staticmethod
    def _pack(e: Entity) -> list | str:
        if not e.curated and e.type != "COUNTRY" and all(r.role is None and r.org is None
                                                         for r in e.roles):
            # Phoenix records as one tab-separated string: much faster to load than lists
            roles = ";".join(f"{r.code},{r.start or ''},{r.end or ''}" for r in e.roles)
            return "\t".join((e.name, e.type, e.country or "", e.code or "", e.sector or "", roles))
        # Phoenix's own aliases live in the index only (they are many, and spelled in capitals)
        aliases = e.aliases if e.curated or e.type == "COUNTRY" else []
        rec = [e.name, e.type, e.country, e.code, e.sector, aliases,
               [[r.role, r.code, r.start, r.end, r.sector, r.org] for r in e.roles], int(e.curated)]
        if e.gender:
            rec.append(e.gender)  # a person's gender, when known: a 9th field
        return rec

    @staticmethod
    def _unpack(eid: str, rec: list | str) -> Entity:
        if isinstance(rec, str):
            name, etype, country, code, sector, roles_s = rec.split("\t")
            roles = []
            for r in filter(None, roles_s.split(";")):
                rc, st, en = r.split(",")
                roles.append(Role(None, rc, st or None, en or None, sector_of(rc)))
            if etype != "PERSON":
                name = _acronyms_upper(name)
            return Entity(eid, name, etype, country or None, code or None,
                          sector or None, [], roles)
        name, etype, country, code, sector, aliases, roles, curated, *gender = rec
        return Entity(eid, name, etype, country, code, sector, aliases,
                      [Role(*r) for r in roles], bool(curated), gender[0] if gender else None)

    def to_json(self) -> dict:
        index = {k: " ".join(v) for k, v in sorted(self.index.items()) if v}
        surnames = {k: " ".join(v) for k, v in sorted(self.surnames.items()) if v}
        _join_elisions(index, surnames)
        return {"entities": {eid: self._pack(self.get(eid)) for eid in sorted(self._raw)},
                "index": dict(sorted(index.items())),
                "surnames": dict(sorted(surnames.items())),
                "places": dict(sorted(self.places.items())),
                "demonym_stems": dict(sorted(self.demonym_stems.items())),
                "sources": self.sources}

    @classmethod
    def from_json(cls, data: dict) -> "Knowledge":
        kb = cls()
        kb._raw = dict(data["entities"])
        kb.index = data["index"]
        kb.surnames = data["surnames"]
        kb.places = dict(data["places"])
        kb.sources = list(data.get("sources", []))
        kb.demonym_stems = dict(data.get("demonym_stems", {}))
        return kb

    # --- lookups ---------------------------------------------------------------------------
    def get(self, eid: str) -> Entity | None:
        e = self._cache.get(eid)
        if e is None:
            rec = self._raw.get(eid)
            if rec is None:
                return None
            e = self._cache[eid] = self._unpack(eid, rec)
        return e

    def __contains__(self, eid: str) -> bool:
        return eid in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def ids(self):
        return self._raw.keys()

    def people_named(self, surname: str) -> list[Entity]:
        """The people whose name or an alias ends in the folded ``surname``."""
        return [e for e in map(self.get, self._ids(self.surnames, surname)) if e is not None]

    def office_holders(self, country: str, words: frozenset[str], day: str) -> list[Entity]:
        """The curated people who hold, on ``day``, an office of ``country`` whose title is
        exactly ``words`` (folded, without "of"/"the"/"for", "White House" or the country's
        name: "Prime Minister of Portugal" is {"prime", "minister"}): {"vice", "president"} is
        not the President. Only curated records carry office titles (Phoenix's give codes alone)."""
        if self._titled is None:
            self._titled = [eid for eid, rec in self._raw.items()
                            if rec is None and self._cache[eid].type == "PERSON"
                            and any(r.role for r in self._cache[eid].roles)
                            or isinstance(rec, list) and rec[1] == "PERSON" and any(r[0] for r in rec[6])]
        out = []
        own = TITLE_GLUE | set(fold(self.country_name(country)).split())
        for e in map(self.get, self._titled):
            r = e.role_on(day) if e is not None else None
            if (r is not None and r.role and r.org is None
                    and (country_of_code(r.code) or e.country) == country
                    and frozenset(fold(r.role).split()) - own == words):
                out.append(e)
        return out

    def lookup(self, text: str, types: tuple[str, ...] | None = None,
               key: str | None = None) -> list[Entity]:
        out: list[Entity] = []
        k = key if key is not None else fold(text)
        for kk in (k, k.removeprefix("the ")):
            for eid in self._ids(self.index, kk):
                e = self.get(eid)
                if e is not None and (types is None or e.type in types) and e not in out:
                    out.append(e)
            if out:
                break
        return out

    def stem_country(self, key: str, demonym: bool = False) -> str | None:
        """The country id whose name's unique 4-letter stem begins ``key`` (folded, one word),
        for nationality words Phoenix lacks ("ukrainian"). A stem alone says nothing of an
        ordinary word ("month" is not Montenegro, "children" not Chile), so only a word shaped
        like a nationality is read this way; ``demonym``: spaCy tagged it one (NORP), which
        lets a 4-letter word ("serb") through too; "serbs" is a plural of one."""
        if " " in key or len(key) < 4:
            return None
        shaped = ((key.endswith(_DEMONYM_ENDS) and len(key) >= 5)
                  # "serbs", "thais"; not an English plural ("ports" is no Portuguese)
                  or (len(key) == 5 and key.endswith("s") and key[:4] not in _STEM_WORDS)
                  or (demonym and len(key) == 4))
        if not shaped:
            return None
        return self.demonym_stems.get(key[:4])

    def place(self, text: str, key: str | None = None) -> Place | None:
        k = (key if key is not None else fold(text)).removeprefix("the ")
        p = self.places.get(k)
        if p is None:
            return None
        t = p[0]
        return Place(tuple(t) if isinstance(t, list) else t, p[1])

    def seat_words(self) -> tuple[dict[int, list[tuple[str, ...]]], "object"]:
        """Capitals and seats by the hash of their first word, lower-cased (spaCy's LOWER):
        small models miss some ("Kyiv asked ..."), and ``numpy.isin`` over a Doc's LOWER
        column finds them for far less than a token loop or a big regex."""
        cached = getattr(self, "_seat_words", None)
        if cached is None:
            import numpy as np
            from spacy.strings import hash_string

            by_first: dict[int, list[tuple[str, ...]]] = {}
            for k, v in self.places.items():
                if v[1] == "seat":
                    words = tuple(k.split())
                    by_first.setdefault(hash_string(words[0]), []).append(words)
            for v in by_first.values():
                v.sort(key=len, reverse=True)
            cached = self._seat_words = (by_first, np.array(sorted(by_first), dtype="uint64"))
        return cached

    def country_name(self, iso: str) -> str:
        e = self.get("country:" + iso)
        return e.name if e else iso


# --- loading -------------------------------------------------------------------------------

def _entity_id(kind: str, name: str, taken: dict[str, Entity], country: str | None) -> str:
    base = f"{kind}:{slug(name)}"
    if base not in taken:
        return base
    if country:
        alt = f"{base}-{country.lower()}"
        if alt not in taken:
            return alt
    i = 2
    while f"{base}-{i}" in taken:
        i += 1
    return f"{base}-{i}"


_COUNTRY_SHORT = {  # common short names that are neither pycountry names nor their prefixes
    "USA": ["US", "U.S.", "USA", "U.S.A.", "United States", "America", "the States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "England"],
    "NLD": ["Holland", "the Netherlands"],
    "CZE": ["Czech Republic", "Czechia"],
    "PRK": ["North Korea", "DPRK"],
    "KOR": ["South Korea"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of Congo"],
    "PSE": ["Palestine", "Palestinian Territories"],
    "TWN": ["Taiwan"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "MMR": ["Myanmar", "Burma"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
}


def build_from_phoenix(data: dict) -> Knowledge:
    """The knowledge from parsed Phoenix records (scripts/build_actors.py; slow, build time)."""
    kb = Knowledge()
    taken: dict[str, Entity] = {}
    # countries
    for iso, rec in sorted(data["countries"].items()):
        e = Entity(id="country:" + iso, name=rec["name"], type="COUNTRY", country=iso, code=iso,
                   aliases=[n.title() for n in rec["names"]])
        kb.add(e)
        taken[e.id] = e
        names = {fold(n) for n in rec["names"]} | {fold(n) for n in _COUNTRY_SHORT.get(iso, ())}
        stems = [n[:5] for n in names if len(n) >= 5]
        for a in rec["aliases"]:
            k = fold(a).removeprefix("the ")
            if not k:
                continue
            is_name = k in names or (not k.endswith(" city") and any(k.startswith(s) for s in stems))
            kb.set_place(k, e.id, "country" if is_name else "city", overwrite=is_name)
        for k in names:
            kb.set_place(k, e.id, "country")
    for iso, names in _COUNTRY_SHORT.items():
        for n in names:
            kb.set_place(n, "country:" + iso, "country")
    # demonyms not in Phoenix ("Ukrainian"): a unique 4-letter stem of a country's name
    stems: dict[str, set[str]] = {}
    for k, (target, kind) in list(kb.places.items()):
        if kind == "country" and isinstance(target, str) and len(k) >= 4 and " " not in k:
            stems.setdefault(k[:4], set()).add(target)
    kb.demonym_stems = {k: next(iter(v)) for k, v in stems.items() if len(v) == 1}
    # Phoenix entities
    for rec in data["entities"]:
        codes = rec["codes"]
        roles = [Role(None, c["code"], c.get("start"), c.get("end")) for c in codes]
        dated = [r for r in roles if r.start or r.end]
        main = (max(dated, key=lambda r: r.start or "") if dated else roles[0])
        country = country_of_code(main.code)
        for r in dated:
            r.sector = sector_of(r.code)
        kind = {"PERSON": "person", "IGO": "igo", "GROUP": "group"}.get(rec["type"], "org")
        eid = _entity_id(kind, rec["name"], taken, country)
        e = Entity(id=eid, name=rec["name"], type=rec["type"], country=country, code=main.code,
                   sector=sector_of(main.code), aliases=list(rec["aliases"]),
                   roles=dated if rec["type"] == "PERSON" else [])
        taken[eid] = e
        kb.add(e)
    kb.sources.append("Phoenix dictionaries (Open Event Data Alliance, MIT) + updates.yaml")
    apply_yaml(kb, data.get("updates") or {}, "updates.yaml")
    return kb


def apply_yaml(kb: Knowledge, data: dict, source: str) -> None:
    """Add or correct entries from the update/override format (docs/actors.md)."""
    if not data:
        return
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping with 'actors', 'igos', 'metonyms', 'places' or 'remove'")
    for eid in data.get("remove") or []:
        kb.remove(eid)
    for i, rec in enumerate(data.get("igos") or []):
        code = rec["code"]
        IGO_CODES_SEEN.add(code)
        eid = rec.get("id") or "igo:" + code
        e = Entity(id=eid, name=rec.get("name") or code, type="IGO", code=code, sector="igo",
                   aliases=list(rec.get("aliases") or []), curated=True)
        # absorb Phoenix IGO entries with the same name/aliases
        for alias in (e.name, *e.aliases):
            for old in kb.lookup(alias, ("IGO", "ORG")):
                if not old.curated and old.id != eid:
                    e.aliases.extend(a for a in old.aliases if a not in e.aliases)
                    kb.remove(old.id)
        kb.add(e)
        kb.set_place(e.name, eid, "country", overwrite=False)
    for name, target in (data.get("metonyms") or {}).items():
        if isinstance(target, list):
            tgt: str | tuple[str, ...] = tuple(t if ":" in t else "country:" + t for t in target)
        else:
            tgt = target if ":" in str(target) else "country:" + str(target)
        kb.set_place(name, tgt, "seat")
        kb.__dict__.pop("_seat_words", None)
    for name, iso in (data.get("places") or {}).items():
        # a territory, region or city of a country (Phoenix codes some as organisations,
        # GAZA_ [PSEGZA]): a place, whose speaker is its own government like a state's
        kb.set_place(name, "country:" + str(iso).upper(), "city")
    for i, rec in enumerate(data.get("actors") or []):
        _apply_actor(kb, rec, f"{source}: actors[{i}]")


_GENDERS = {"m": "m", "male": "m", "man": "m", "f": "f", "female": "f", "woman": "f"}


def _gender(value, where: str) -> str | None:
    """A YAML ``gender`` field as "m" / "f" (also "male" / "female"); empty is unknown."""
    if value is None or value == "":
        return None
    g = _GENDERS.get(str(value).strip().lower())
    if g is None:
        raise ValueError(f"{where}: gender must be m or f, not {value!r}")
    return g


def _apply_actor(kb: Knowledge, rec: dict, where: str) -> None:
    if not isinstance(rec, dict) or not (rec.get("name") or rec.get("id")):
        raise ValueError(f"{where}: an entry needs at least 'name' or 'id'")
    gender = _gender(rec.get("gender"), where)
    etype = str(rec.get("type") or "PERSON").upper()
    kind = {"PERSON": "person", "IGO": "igo", "GROUP": "group", "COUNTRY": "country"}.get(etype, "org")
    eid = rec.get("id") or f"{kind}:{slug(rec['name'])}"
    old = kb.get(eid)
    roles = None
    if rec.get("roles") is not None:
        roles = []
        for r in rec["roles"]:
            code = r.get("code")
            roles.append(Role(r.get("role"), code, day_of(r.get("start")), day_of(r.get("end")),
                              r.get("sector") or sector_of(code), r.get("org")))
    if old is not None and not rec.get("replace"):
        e = old  # correction of an existing entry: only the fields given change
        kb._unindex(e)
        e.name = rec.get("name") or e.name
        e.type = etype if rec.get("type") else e.type
        e.country = rec.get("country", e.country)
        e.sector = rec.get("sector", e.sector)
        e.code = rec.get("code", e.code)
        drop = {fold(a) for a in rec.get("remove_aliases") or ()}
        e.aliases = [a for a in e.aliases if fold(a) not in drop]
        e.aliases += [a for a in rec.get("aliases") or () if a not in e.aliases]
        if roles is not None:
            e.roles = roles
        if "gender" in rec:
            e.gender = gender
        e.curated = True
        kb._index(e)
        return
    country = rec.get("country")
    e = Entity(id=eid, name=rec.get("name") or eid, type=etype, country=country,
               code=rec.get("code") or (roles[-1].code if roles else country),
               sector=rec.get("sector") or sector_of(rec.get("code")), aliases=list(rec.get("aliases") or []),
               roles=roles or [], curated=True, gender=gender)
    if etype == "PERSON":
        # the same person in Phoenix (same full name, same country): absorb its aliases
        full = [a for a in (e.name, *e.aliases) if len(fold(a).split()) >= 2]
        for alias in full:
            for o in kb.lookup(alias, ("PERSON",)):
                if o.id != eid and not o.curated and (o.country == country or country is None):
                    e.aliases.extend(a for a in o.aliases if a not in e.aliases)
                    if not e.roles:
                        e.roles = o.roles
                    kb.remove(o.id)
    kb.add(e)


def _read_yaml(path: str | Path) -> dict:
    import yaml

    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"actors file {p}: no such file")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"actors file {p}: not valid YAML: {exc}") from exc
    return data or {}


@lru_cache(maxsize=1)
def _base_text() -> bytes:
    with gzip.open(KB_FILE, "rb") as f:
        return f.read()


def load(path: str | Path | None = None) -> Knowledge:
    """The shipped knowledge, plus the user's YAML file if given (~0.2 s)."""
    data = json.loads(_base_text())
    kb = Knowledge.from_json(data)
    if path:
        apply_yaml(kb, _read_yaml(path), str(path))
        kb.sources.append(str(path))
    return kb


# --- one lookup for other stages (events) ----------------------------------------------------

_DEFAULT_KB: list[Knowledge] = []
# Regular adjective endings back to a name: Kampuchean -> Kampuchea, Ukrainian -> Ukraine,
# Iraqis -> Iraq, Serbs -> Serb (tried only when the word itself is unknown).
# How nationality words end ("Ukrainian", "Congolese", "Kuwaiti", "Kazakh"s aside): what a word
# read by its country's stem must look like.
_DEMONYM_ENDS = ("an", "ans", "ese", "ish", "i", "is")
_ADJ_ENDINGS = (("s", ""), ("ians", "e"), ("ian", "e"), ("ians", ""), ("ian", ""), ("ans", ""),
                ("an", ""), ("ns", ""), ("n", ""), ("is", ""), ("i", ""))


def _code_of_entity(e: Entity, day: str | None) -> str | None:
    """A person's code on ``day`` (the role then valid, else the last one before it); an
    organisation's or group's own code."""
    if e.type == "PERSON" and e.roles:
        r = e.role_on(day) or e.last_role_before(day)
        if r is not None and r.code:
            return r.code
    return e.code or e.country


def _short(code: str | None) -> str | None:
    """ISO3 when the code starts with a country (RUSGOV -> RUS), else the organisation code."""
    if not code:
        return None
    return country_of_code(code) or code


def lookup_code(text: str, date=None, kb: Knowledge | None = None,
                demonym: bool = False) -> tuple[str, str | None] | None:
    """(code, sector) for a name as written: a country name or adjective, a capital or city (its
    country; a seat of government -> sector "government"), an IGO/organisation/group, or a person
    with the code of the role held on ``date`` ("President Bush" -> ("USA", "government")).

    ``code`` is ISO 3166 alpha-3 for anything national and the organisation's own code otherwise
    (NATO, UN, IAEA, IGOAFROAU, ...). A name several entries share is coded only when they agree
    on it. None when the knowledge base does not know the name. ``kb`` defaults to the shipped
    knowledge (pass the pipeline's own when it has a user's file). ``demonym``: the word is known
    to be a nationality (spaCy NORP), so a 4-letter one ("Serb") may be read by its stem too.
    """
    if kb is None:
        if not _DEFAULT_KB:
            _DEFAULT_KB.append(load())
        kb = _DEFAULT_KB[0]
    key = fold(text)
    if not key:
        return None
    day = day_of(date)
    p = kb.place(text, key)
    if p is not None:
        t = p.target[0] if isinstance(p.target, tuple) else p.target
        kind, _, code = t.partition(":")
        if kind == "country":
            return code, ("government" if p.kind == "seat" else None)
        e = kb.get(t)
        return (_short(e.code) if e else code), "igo"
    cands: list[Entity] = []
    for k in name_variants(key):
        cands = kb.lookup(k, key=k)
        if cands:
            break
    if cands:
        curated = [e for e in cands if e.curated]
        codes = {c for e in (curated or cands) if (c := _code_of_entity(e, day))}
        shorts = {_short(c) for c in codes}
        if len(shorts) == 1:
            code = codes.pop() if len(codes) == 1 else None
            igo = all(e.type == "IGO" for e in (curated or cands))
            return shorts.pop(), ("igo" if igo else sector_of(code) if code else None)
        return None
    if " " not in key and len(key) >= 4 and text[:1].isupper():
        for end, add in _ADJ_ENDINGS:
            if key.endswith(end) and len(key) - len(end) >= 3:
                p = kb.place(key[: len(key) - len(end)] + add)
                if p is not None and isinstance(p.target, str) and p.target.startswith("country:"):
                    return p.target.split(":", 1)[1], None
        cid = kb.stem_country(key, demonym)
        if cid:
            return cid.split(":", 1)[1], None
    return None
