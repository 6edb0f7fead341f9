"""Actors: canonical identities for people, organisations and countries.

Contract (the pipeline calls these):
  load_knowledge(path_or_None) -> Knowledge          (once per process; path = --actors YAML)
  build_actors(doc, people, quotes, pub_date, knowledge, home=None) -> list[Actor]
     people: list[coref.PersonCluster]; sets quote.speaker.actor_id for every speaker (a
     quote's said_on, set before, dates a bare title's office holder);
     home: the publisher's country (ISO alpha-3, ``publisher.publisher_country``), whose
     officials formal writing names by title alone ("THE VICE PRESIDENT:").
  summarize_actors(analyses) -> list[dict]           (``chronicle actors PATH``)

How an identity is decided (docs/actors.md has the long form):
* a person cluster's name is looked up in the knowledge base (Phoenix + updates.yaml + the
  user's file) by a spelling-folded key (Sergei = Sergey, Zelenskiy = Zelenskyy), then with
  titles and middle initials dropped, then by surname with a close first name (rapidfuzz);
  candidates are weighed by a role valid on the article's date and by the country the article
  gives the person; a tie between different people resolves to no one;
* a bare surname first joins the article's own full name with that surname; only if the
  article has none does the knowledge base decide (and only if it lists that surname alone as
  an alias of one person); otherwise it stays a "name:<surname>" actor local in meaning;
* ids: the KB's id ("person:sergey-lavrov", "country:RUS", "igo:NATO", "org:<slug>") or, for a
  full name the KB lacks, "person:<slug of the folded name>" — the same in every article;
* countries come from spaCy GPE/NORP/LOC ents; capitals and seats of government ("Moscow",
  "the Kremlin", "Washington") count as the country's government only when they act
  (subject, possessor, agent, object of a verb or of "with/by/against").
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from typing import Any, Iterable

import numpy as np
from rapidfuzz import fuzz

from chronicle.analyze.actors_kb import (
    TITLE_GLUE, Entity, Knowledge, Place, country_of_code, day_of, fold, load, name_variants, slug,
)
from chronicle.analyze.given_names import gender_of_given_name
from chronicle.analyze.quotes import _DATELINE, _DATELINE_WITHIN
from chronicle.analyze.time import period_bounds
from chronicle.analyze.coref import (COLLECTIVE, HONORIFICS, PARTIES_JOINED, PERSON_NOUNS, ROLE_WORDS, STAGE_WORDS, THING_HEADS, label_words,
                                     possessor_only)
from chronicle.analyze.doctext import given_text, sentence_bounds, text_of
from chronicle.analyze.spanindex import SpanIndex
from chronicle.model import Actor, Span

__all__ = ["Knowledge", "load_knowledge", "build_actors", "summarize_actors"]

_KB_CACHE: dict[str | None, Knowledge] = {}

# dependency relations in which a place name acts (is metonymic for its government)
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "dative", "csubj"})
_AGENT_PREPS = frozenset({"by", "with", "against", "between", "from"})
_GOV_NOUNS = frozenset({"government", "authorities", "administration", "leadership", "side",
                        "regime", "cabinet", "officials", "diplomats", "ministry", "delegation"})
_NAME_RE = re.compile(r"^[A-Z](?:[^\W\d_]|['’.-])*(?:\s+[A-Z](?:[^\W\d_]|['’.-])*)*$")  # capitalised words, no digits
# What formal writing calls its own government ("The Administration announced ...").
_OWN_GOVERNMENT = frozenset({"Administration", "ADMINISTRATION", "Government", "GOVERNMENT"})


# A legislature's offices, as a title before a surname ("Speaker Pelosi", "Majority Whip
# Clyburn"); not among coreference's role words, where "speaker" would be anyone speaking.
_LEGISLATURE_OFFICES = frozenset({"speaker", "majority", "minority", "whip"})


# Countries named like a US state: after a city and a comma, the state is meant.
_STATE_NAMED_COUNTRIES = frozenset({"country:GEO"})
_ADDRESS_CITY = re.compile(r"([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,2}),\s*$")


def _own_government(text: str) -> bool:
    """"The Administration", "the\nGovernment" (a line break inside is a space), "my
    Administration" (a President's own words)."""
    words = text.split()
    if words and words[0].lower() in ("the", "my", "our", "this"):
        words = words[1:]
    return len(words) == 1 and words[0] in _OWN_GOVERNMENT


def _administration_of(text: str) -> list[str] | None:
    """The names an administration is named by: "the Biden-Harris Administration" -> ["Biden",
    "Harris"], "the Obama White House" -> ["Obama"]; None for anything else."""
    words = text.replace("\u2060", "").split()  # a word joiner inside "Biden-⁠Harris"
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) == 3 and [w.lower() for w in words[1:]] == ["white", "house"]:
        words = words[:1] + ["administration"]
    if len(words) != 2 or words[1].lower() != "administration":
        return None
    names = [w for w in re.split(r"[-–]", words[0]) if w]
    return names if names and all(_NAME_RE.match(w) for w in names) else None


_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "it", "i", "we", "you",
                       "who", "which", "that", "this", "these", "those", "what", "whom"})


def office_check(kb: Knowledge, pub_date):
    """``in_office(name, word)`` for coreference: whether the one person the knowledge base
    knows by ``name`` holds, on ``pub_date``, an office whose title has ``word`` ("president");
    None without a date."""
    if not pub_date:
        return None
    day = day_of(pub_date)

    def in_office(name: str, word: str) -> bool:
        key = fold(name)
        people = []
        for k in name_variants(key):
            people = kb.lookup(k, ("PERSON",), key=k)
            if people:
                break
        if len(people) != 1:
            return False
        role = people[0].role_on(day)
        return role is not None and bool(role.role) and word in fold(role.role).split()
    return in_office


_GENDER_CACHE_SIZE = 65536


def gender_check(kb: Knowledge, pub_date=None):
    """``gender_of(name, role)`` for coreference: the gender ("m" / "f") of the one person the
    knowledge base knows by ``name`` ("Kamala Harris", "Harris", "Sergei Lavrov"), else None:
    a name nobody or several people have, or a person whose gender it does not hold (Phoenix's
    people), says nothing. A bare surname that several people have is the one of them holding,
    on ``pub_date``, an office ``role`` names ("Vice President" Harris). Answers are kept per
    knowledge base (names recur across a corpus)."""
    day = day_of(pub_date)
    cache: dict = kb.__dict__.setdefault("_gender_cache", {})

    def gender_of(name: str, role: str | None = None) -> str | None:
        key = fold(name)
        words = key.split()
        ck = (key, role, day) if len(words) == 1 else key  # a title and a date matter to a surname
        if ck in cache:
            return cache[ck]
        people: list[Entity] = []
        for k in name_variants(key):
            people = kb.lookup(k, ("PERSON",), key=k)
            if people:
                break
        if len(people) != 1 and len(words) == 1 and role and day:
            offices = set(fold(role).split()) & ROLE_WORDS - TITLE_GLUE
            held = [e for e in kb.people_named(words[0]) if offices and (r := e.role_on(day)) is not None
                    and r.role and offices <= set(fold(r.role).split())]
            people = [e for e in held if e.curated] if len(held) > 1 else held
        g = people[0].gender if len(people) == 1 else None
        if g is None and words and len(words[0]) > 1 and (len(words) > 1 or not kb.people_named(words[0])):
            # nobody the knowledge base knows the gender of: the given name's, when nearly all
            # its bearers share one ("Joe", "Frances"; for a person it knows, 95% of them: not
            # "Lindsey" Graham); a lone word that is someone's surname ("Harris") says nothing
            g = gender_of_given_name(words[0], strong_only=bool(people))
        if len(cache) >= _GENDER_CACHE_SIZE:
            cache.clear()
        cache[ck] = g
        return g
    return gender_of


def honorific_check(kb: Knowledge):
    """``honorifics_of(name)`` for coreference: the honorifics the aliases of the one person the
    knowledge base knows by that full name begin with ("Dr. Jill Biden" -> {"dr"}), else none.
    Kept per knowledge base, like ``gender_check``."""
    cache: dict = kb.__dict__.setdefault("_honorific_cache", {})

    def honorifics_of(name: str) -> frozenset[str]:
        key = fold(name)
        if key not in cache:
            people = kb.lookup(key, ("PERSON",), key=key) if " " in key else []
            found = _alias_honorifics(people[0]) if len(people) == 1 else frozenset()
            if len(cache) >= _GENDER_CACHE_SIZE:
                cache.clear()
            cache[key] = found
        return cache[key]
    return honorifics_of


def country_check(kb: Knowledge):
    """``country_of(name)`` for coreference: the country code of the one person the knowledge
    base knows by that full name ("Boris Johnson" -> "GBR"), else None (a bare surname, a name
    nobody or several people have). Kept per knowledge base, like ``gender_check``."""
    cache: dict = kb.__dict__.setdefault("_country_cache", {})

    def country_of(name: str) -> str | None:
        key = fold(name)
        if key not in cache:
            people = kb.lookup(key, ("PERSON",), key=key) if " " in key else []
            if len(cache) >= _GENDER_CACHE_SIZE:
                cache.clear()
            cache[key] = people[0].country if len(people) == 1 else None
        return cache[key]
    return country_of


def _alias_honorifics(e: Entity) -> frozenset[str]:
    """The honorifics the entity's aliases begin with ("Dr. Jill Biden" -> {"dr"})."""
    return frozenset(w for a in e.aliases if (w := (fold(a).split() or [""])[0]) in HONORIFICS)


def load_knowledge(path: str | None = None) -> Knowledge:
    """The actor knowledge base; ``path`` is a user's YAML file extending or correcting it."""
    key = str(path) if path else None
    kb = _KB_CACHE.get(key)
    if kb is None:
        kb = _KB_CACHE[key] = load(path)
    return kb


# --- one article ---------------------------------------------------------------------------

class _Article:
    """Actors of one article under construction."""

    def __init__(self, doc, text: str, kb: Knowledge, pub_date, home: str | None = None) -> None:
        self.doc = doc
        self.home = home  # the publisher's country
        self.text = text
        self.kb = kb
        self.day = day_of(pub_date)
        self.actors: dict[str, Actor] = {}
        self.spans: dict[tuple[int, int], str] = {}
        self._sorted: list | None = None  # spans.items() sorted, for overlap search
        self._by_text: dict[str, set[str]] | None = None  # mention words -> actor ids (named)
        self.gov: set[str] = set()  # ids of countries mentioned as a government
        self._law_initials: set[str] | None = None  # "IRA" of "the Inflation Reduction Act"
        self.local = hashlib.blake2b(self.text.encode("utf-8", "replace"),
                                     digest_size=4).hexdigest()  # article-local ids

    # --- adding --------------------------------------------------------------------------
    def actor(self, aid: str, make) -> Actor:
        a = self.actors.get(aid)
        if a is None:
            a = self.actors[aid] = make()
        return a

    def mention(self, a: Actor, start: int, end: int) -> None:
        if (start, end) in self.spans:
            return
        self.spans[(start, end)] = a.id
        if self._sorted is not None:  # kept sorted as it grows: a speaker a mention, not a sort
            bisect.insort(self._sorted, ((start, end), a.id))
        if self._by_text is not None:  # and the words index too
            self._by_text.setdefault(self.text[start:end], set()).add(a.id)
        a.mentions.append(Span.of(self.text, start, end))

    def merge(self, old_id: str, a: Actor) -> None:
        """Move every mention of ``old_id`` to ``a``: the two are one person."""
        old = self.actors.pop(old_id)
        for m in old.mentions:
            self.spans[(m.start, m.end)] = a.id
            a.mentions.append(m)
        if a.role is None:
            a.role = old.role
        self._sorted = self._by_text = None

    def release(self, start: int, end: int) -> None:
        """Take a span back from the actor it was given to."""
        aid = self.spans.pop((start, end), None)
        if aid is not None:
            old = self.actors[aid]
            old.mentions = [m for m in old.mentions if (m.start, m.end) != (start, end)]
            self._sorted = self._by_text = None

    # --- entities of the knowledge base -------------------------------------------------------
    def from_entity(self, e: Entity, role_text: str | None = None) -> Actor:
        def make() -> Actor:
            role = e.role_on(self.day) if e.roles else None
            if e.type == "PERSON":
                code = role.code if role else (e.code if not e.roles else e.country)
                return Actor(id=e.id, name=e.name, type="PERSON", country=_entity_country(e, self.day),
                             role=(role.role if role and role.role else role_text),
                             sector=role.sector if role else None, code=code)
            return Actor(id=e.id, name=e.name, type=e.type, country=e.country, role=None,
                         sector=e.sector, code=e.code)
        a = self.actor(e.id, make)
        if a.role is None and role_text:
            a.role = role_text
        return a

    def country(self, cid: str) -> Actor:
        e = self.kb.get(cid)
        if e is not None:
            return self.from_entity(e)
        return self.actor(cid, lambda: Actor(id=cid, name=cid.split(":", 1)[1], type="COUNTRY"))

    # --- people ----------------------------------------------------------------------------
    def person(self, name: str, role: str | None, affiliation: str | None,
               full_names: dict[str, list[str]], strict: bool = False) -> Actor | None:
        """The actor for a person's name; ``strict``: None rather than an unresolved name."""
        key = fold(name)
        words = key.split()
        hint = self.country_hint(affiliation) or self.country_hint(role)
        if len(words) == 1:
            offices = set(fold(role or "").split()) & ROLE_WORDS - TITLE_GLUE
            fulls = full_names.get(words[0]) or full_names.get("^" + words[0]) or []
            if offices and self.titled_other(words[0], offices, fulls):
                # "President Trump" is the Trump the knowledge base knows in that office, not the
                # article's "First Lady Melania Trump": a titled surname then joins a full name
                # whose known role shares an office word, or none known, and a title goes with
                # a surname, not a given name ("Trump Foster"). Without such a namesake the
                # article's own full name decides as ever ("Ambassador Rice" is the article's
                # "Domestic Policy Advisor Susan Rice", "Second Gentleman Doug" Doug Emhoff)
                fulls = [f for f in full_names.get(words[0]) or [] if not full_names.get("@" + fold(f))
                         or any(offices & set(fold(r).split()) for r in full_names["@" + fold(f)])]
            holder = self.office_holder(words[0], role)
            if holder is not None:
                # "President Biden" is whoever held that office on the article's date, not
                # "Hunter Biden", the only Biden the briefing names in full, and of the
                # article's "Joe Biden" and "Jill Biden" the one in that office
                return self.from_entity(holder, role)
            if len(set(fold(f) for f in fulls)) == 1:  # the article's own full name decides
                return self.person(fulls[0], role, affiliation, {})
            if len(fulls) > 1:  # several people of that name here: not ours to choose
                return None if strict else self.unresolved(name, role)
        e = self.kb_person(key, hint)
        if e is not None and len(words) == 1 and not _title_fits(e, role):
            e = None  # "First Lady Dr. Biden" is not Joe Biden
        if e is not None:
            return self.from_entity(e, role)
        if len(words) == 1:
            return None if strict else self.unresolved(name, role)
        aid = "person:" + slug(name_variants(key, courtesy=False)[-1])  # without titles and middle initials
        country = hint
        return self.actor(aid, lambda: Actor(id=aid, name=name, type="PERSON", country=country,
                                             role=role, sector=_sector_from_role(role)))

    def titled_other(self, surname: str, offices: set[str], fulls: list[str]) -> bool:
        """Whether the knowledge base knows a person of that surname in an office with one of
        the title's words ("President Trump") who is none of the article's full names."""
        known = [e for e in self.kb.people_named(surname)
                 if any(r.role and offices & set(fold(r.role).split()) for r in e.roles)]
        if not known:
            return False
        mine = {e.id for e in (self.kb_person(fold(f), None) for f in fulls) if e is not None}
        return any(e.id not in mine for e in known)

    def official(self, label: str) -> Actor | None:
        """The person a transcript label names by title and surname alone ("SECRETARY MAYORKAS",
        "DR. WALENSKY") when the document gives no full name: the one person of that surname
        the knowledge base has in an office on the article's date, else None."""
        words = [w for w in label_words(label) if fold(w) not in ROLE_WORDS]
        if len(words) != 1 or not self.day:
            return None  # a title and a surname only: "MR. MAIA SILVA" is not any Silva
        surname = fold(words[0]).split()[-1]  # folded as the index is ("jean-pierre" -> "jean pierre")
        holders = [e for e in self.kb.people_named(surname) if e.role_on(self.day) is not None]
        if len(holders) > 1:  # the hand-kept updates over Phoenix's open-ended offices
            holders = [e for e in holders if e.curated]
        if len(holders) > 1:
            # the label's own title or honorific tells the President's from the First Lady's
            # ("PRESIDENT BIDEN", "DR. BIDEN"), both of whom hold an office on the date
            title = set(fold(label).split()) - {surname}
            offices = title & ROLE_WORDS - TITLE_GLUE
            holders = [e for e in holders if offices <= set(fold(e.role_on(self.day).role or "").split())
                       and (title & HONORIFICS) - offices <= _alias_honorifics(e)]
        return self.from_entity(holders[0]) if len(holders) == 1 else None

    def document_named(self, text: str) -> bool:
        """Whether the words, "the" aside, name a law or a document rather than an organisation:
        one document's word ("Budget", "Plan"; not "Bill" nor "Law", which are names too), the
        initials the article gives a law it names ("the Inflation Reduction Act (IRA)"; not
        "EPA" because the article names an "Energy Policy Act"), or a longer name whose head is
        a law's or a document's word ("the American Rescue Plan", "the Treaty of Versailles")
        and which the knowledge base knows as no organisation ("World Food Programme" it does)."""
        words = text.split()
        if words and words[0].lower() in _DETERMINERS:  # "The Budget", "His Budget"
            words = words[1:]
        if len(words) > 1:
            return _document_name(words) and not self.kb.lookup(
                " ".join(words), ("IGO", "ORG", "GROUP", "PERSON"))
        if len(words) != 1:
            return False
        word = words[0].removesuffix("'s").removesuffix("’s")
        if fold(word) in _DOCUMENT_WORDS:
            return True
        if self._law_initials is None:
            self._law_initials = _law_initials(self.doc)
        return word in self._law_initials

    def named(self, text: str) -> Actor | None:
        """The actor another mention of the article with exactly these words was given, when
        only one was (the same capitalized words name the same actor in one article)."""
        if self._by_text is None:
            self._by_text = {}
            for (s, e), aid in self.spans.items():
                self._by_text.setdefault(self.text[s:e], set()).add(aid)
        ids = self._by_text.get(text)
        if not ids or len(ids) != 1:
            return None
        a = self.actors[next(iter(ids))]
        return None if a.id.startswith("unknown:") else a

    def title_holder(self, text: str, day: str | None = None,
                     period: str | None = None) -> Actor | None:
        """A bare formal title nobody in the article is named by ("THE VICE PRESIDENT", "the
        President", "the Russian Foreign Minister"): the one person the knowledge base has in
        that office on the article's date, in the country the title names, else the
        publisher's. ``day``: the day the quote was said when the text dates it ("On March 15,
        1995, ... the President declared" is that day's President, whom the knowledge base may
        not hold), else the article's. ``period``: the year or month the saying is set in
        (``Quote.period``: "In 1862, the President said"), which wants the one holder of the
        whole period. None when the title is lower-case ("the president" of a company), when no
        country is known, or when the office is not one person's."""
        day = day or self.day
        if not day:
            return None
        words = text.replace("’", "'").split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words or not words[0][:1].isupper():
            return None
        country, title = None, set()
        for w in words:
            c = self.place_country(w.removesuffix("'s")) if country is None else None
            if c:
                country = c
            else:
                title.add(fold(w))
        title -= TITLE_GLUE
        country = country or self.home
        if not title or not (title <= ROLE_WORDS or _department_head(title)) or country is None:
            return None
        if period is not None:
            bounds = period_bounds(period)
            if bounds is None:
                return None
            # a year or month the saying is set in ("In 1862, the President said"): the one
            # person who held the office from its first day to its last, else nobody (not
            # today's holder)
            first = self.kb.office_holders(country, frozenset(title), bounds[0])
            last = self.kb.office_holders(country, frozenset(title), bounds[1])
            if len(first) == 1 and len(last) == 1 and first[0].id == last[0].id \
                    and _held_throughout(first[0], bounds):
                return self.from_entity(first[0])
            return None
        holders = self.kb.office_holders(country, frozenset(title), day)
        return self.from_entity(holders[0]) if len(holders) == 1 else None

    def department_of(self, text: str) -> Actor | None:
        """"The Secretary of Labor" of a federal document when the knowledge base has nobody in
        the office that day (a vacancy, an acting secretary): the department, not the model's
        ORG "Labor" (an id of its own, ``org:labor``). Only where the publisher is American: a
        British "Secretary of State" heads no US department."""
        if self.home != "USA":
            return None
        m = _SECRETARY_OF.fullmatch(" ".join(text.split()))
        if m is None:
            return None
        ents = [e for e in self.kb.lookup("Department of " + m.group(1), ("ORG",)) if e.curated]
        return self.from_entity(ents[0]) if ents else None

    def office_holder(self, surname: str, title: str | None) -> Entity | None:
        """The one person of that surname the knowledge base has in an office named by
        ``title`` ("President", "Secretary") on the article's date, else None."""
        if not title or not self.day:
            return None
        words = {w for w in fold(title).split() if w in ROLE_WORDS or w in _LEGISLATURE_OFFICES} - \
            {"of", "the", "for"}
        if not words:
            return None
        holders = []
        for e in self.kb.people_named(surname):
            r = e.role_on(self.day)
            if r is not None and r.role and words <= set(fold(r.role).split()):
                holders.append(e)
        if len(holders) > 1:
            holders = [e for e in holders if e.curated]
        return holders[0] if len(holders) == 1 else None

    def unresolved(self, name: str, role: str | None) -> Actor:
        aid = "name:" + slug(fold(name))
        return self.actor(aid, lambda: Actor(id=aid, name=name, type="PERSON", role=role))

    def kb_person(self, key: str, hint: str | None) -> Entity | None:
        kb = self.kb
        cands: list[Entity] = []
        for k in name_variants(key):
            cands = kb.lookup(k, ("PERSON",), key=k)
            if cands:
                break
        words = key.split()
        if not cands and len(words) >= 2:
            # a spelling variant of a known full name (same surname, close given name), or the
            # name without its middle names ("William Ruto" is "William Samoei Ruto") where the
            # knowledge base has one person of that surname or the article gives the country (a
            # "Muhammad Ali" is not any of 34 Alis, "Muhammad Naahmad Ali" among them)
            named = kb.people_named(words[-1])
            cands = [e for e in named if fuzz.ratio(fold(e.name), key) >= 85
                     or (len(named) == 1 or hint and e.country == hint)
                     and _without_middle(fold(e.name).split(), words)]
        return self.choose(cands, hint, single=len(words) == 1)

    def choose(self, cands: list[Entity], hint: str | None, single: bool) -> Entity | None:
        if not cands:
            return None
        scored = []
        for e in cands:
            valid = e.role_on(self.day) is not None if self.day else True
            if hint and e.country and e.country != hint and not any(
                    r.org for r in e.roles):
                continue  # the article says another country
            if not e.curated and not valid:
                continue  # Phoenix people only while in office (the file stops in 2014)
            if single and not e.curated and len(cands) > 1:
                continue  # a bare surname shared in Phoenix: too weak
            scored.append((2 * valid + e.curated + (2 if hint and e.country == hint else 0), e))
        if not scored:
            return None
        scored.sort(key=lambda t: -t[0])
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None  # two people fit equally: no identity rather than a wrong one
        return scored[0][1]

    def country_hint(self, text: str | None) -> str | None:
        if not text:
            return None
        for w in text.replace("’", "'").split():
            c = self.place_country(w.removesuffix("'s"))
            if c:
                return c
        return None

    def place_country(self, text: str) -> str | None:
        p = self.kb.place(text)
        if p is not None and p.kind in ("country", "seat") and isinstance(p.target, str) \
                and p.target.startswith("country:"):
            return p.target.split(":", 1)[1]
        cid = self.kb.stem_country(fold(text)) if text[:1].isupper() else None
        return cid.split(":", 1)[1] if cid else None

    # --- named entities (countries, IGOs, organisations) ---------------------------------------
    def entity_mention(self, ent) -> None:
        label = ent.label_
        text = ent.text
        start, end = ent.start_char, ent.end_char
        if text.endswith(("'s", "’s")):
            text, end = text[:-2], end - 2
        key = fold(text)
        if not key:
            return
        place = self.kb.place(text, key)
        if place is None and label == "NORP":
            cid = self.kb.stem_country(key, demonym=True)
            if cid:
                place = Place(cid, "country")
        if place is not None and place.kind == "country" and self._state_of_address(place, start):
            return  # "Macon, Georgia": the US state of an address, not the country
        if place is not None:
            kind = place.kind
            if kind == "city" or (kind == "seat" and not _acting(ent)):
                # a city is a place, not an actor; a capital or seat acts only as the subject,
                # possessor or object ("Moscow said", "Moscow's proposals"), not "talks in Moscow"
                return
            target = place.target
            if isinstance(target, tuple):  # Brussels: NATO when the sentence speaks of it
                sent = ent.sent.text.lower()
                target = next((t for t in target if t.split(":", 1)[1].lower() in sent
                               or (t == "igo:NATO" and "alliance" in sent)), target[0])
            start, end, gov = self.extend_government(ent, start, end)
            a = self.country(target) if target.startswith("country:") else self.kb_actor(target)
            if a is None:
                return
            if (gov or kind == "seat") and a.type == "COUNTRY":
                self.gov.add(a.id)
            self.mention(a, start, end)
            return
        if label == "ORG" and (a := self.administration(text)) is not None:
            self.mention(a, start, end)  # "the Biden-Harris Administration": the US government
            return
        if label == "ORG" and key.removeprefix("the ") in _ORG_DESCRIPTIONS:
            return  # "the Department": which one is for the speaker stage (org_described)
        if label == "ORG" and re.sub(r"^(?:the|my|our) ", "", key) in ("administration", "government"):
            # "the Administration" names no organisation of its own: in formal writing the
            # publisher's government, else no identity to merge across a corpus
            if self.home and _own_government(text):
                a = self.country("country:" + self.home)
                self.gov.add(a.id)
                self.mention(a, start, end)
            return
        if label in ("ORG", "FAC", "GPE", "NORP", "LOC"):
            ents = self.kb.lookup(text, ("IGO", "ORG", "GROUP"), key=key)
            if ents:
                e = next((x for x in ents if x.curated), ents[0])
                c = _country_of(e.code)
                if e.type == "ORG" and c and e.code == c + "GOV" and not e.curated:
                    # "the Kremlin", "White House" as Phoenix codes them: the government (a
                    # department the hand-kept file names, "the Justice Department", is itself)
                    if label == "ORG" or _acting(ent):
                        a = self.country("country:" + c)
                        self.gov.add(a.id)
                        self.mention(a, start, end)
                    return
                self.mention(self.from_entity(e), start, end)
                return
            if label == "ORG":
                aid = "org:" + slug(key.removeprefix("the "))
                if aid == "org:" or self.document_named(text):
                    return  # "IRA" of "the Inflation Reduction Act (IRA)", "The Budget": no actor
                country = None
                for w in ent:
                    country = self.place_country(w.text)
                    if country:
                        break
                name = text[4:] if text.lower().startswith("the ") else text
                sector = "government" if any(t.lower_ in ("ministry", "government", "department")
                                             for t in ent) else None
                a = self.actor(aid, lambda: Actor(id=aid, name=name, type="ORG",
                                                  country=country, sector=sector))
                self.mention(a, start, end)

    def _state_of_address(self, place: Place, start: int) -> bool:
        """Whether a country's name ("Georgia") ends a "City, State" address whose city is not
        one of that country's places ("Macon, Georgia", not "Tbilisi, Georgia")."""
        if place.target not in _STATE_NAMED_COUNTRIES:
            return False
        m = _ADDRESS_CITY.search(self.text, max(0, start - 40), start)
        if m is None:
            return False
        city = self.kb.place(m.group(1))
        return city is None or city.target != place.target

    def subnational(self, name: str, country: str) -> Actor:
        """A state, province, region or city that speaks or acts ("Texas said", "Hawaii
        announced"): its own government, ``place:<slug>`` (type ORG, sector government, the
        country it is in), never the country itself."""
        aid = "place:" + slug(name)
        return self.actor(aid, lambda: Actor(id=aid, name=name, type="ORG", country=country.split(":", 1)[1],
                                             sector="government"))

    def org_described(self, sp) -> Actor | None:
        """A definite "the company" / "the firm" / "the ministry" / "the agency" / "the group"
        speaker: the organisation of a fitting kind the article mentioned last before it, else
        None. Never a person, a country or an organisation named only later."""
        words = sp.text.split()
        if len(words) != 2 or words[0] not in ("the", "The") or sp.start < 0:
            return None
        fits = _ORG_DESCRIPTIONS.get(words[1].lower())
        if fits is None:
            return None
        if self._sorted is None or len(self._sorted) != len(self.spans):
            self._sorted = sorted(self.spans.items())
        i = bisect.bisect_left(self._sorted, ((sp.start, -1), ""))
        # an organisation the speaker's own sentence names again after it is someone it acts
        # on, not itself ("The group discussed their call for Hamas to release the hostages")
        span = self.doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if span is not None and len(span):
            _starts, ends = sentence_bounds(self.doc)
            end = ends[span[-1].i]
            sent_end = self.doc[end - 1].idx + len(self.doc[end - 1]) if end else sp.end
        else:
            sent_end = sp.end
        j = bisect.bisect_left(self._sorted, ((sent_end, -1), ""))
        again = {aid for (s, e), aid in self._sorted[i:j] if s >= sp.end}
        for (s, e), aid in reversed(self._sorted[max(0, i - 400):i]):
            if e > sp.start or aid in again:
                continue
            a = self.actors.get(aid)
            if a is not None and a.type in ("ORG", "IGO", "GROUP") and _organisation(a) and fits(a):
                # "each agency shall ... the agency": the common noun is nearer, and it is meant
                between = self.text[e:sp.start]
                noun = words[1].lower()
                plural = noun[:-1] + "(?:y|ies)" if noun.endswith("y") else noun + "s?"
                return None if re.search(rf"\b{plural}\b", between) else a
        return None

    def joint(self, parties: list[str]) -> Actor | None:
        """One GROUP actor for countries or international organisations speaking together
        ("United States", "Japan" -> ``group:JPN+USA``, "Japan and United States"), a leader
        standing for the country the knowledge base gives them ("President Biden", "Prime
        Minister Trudeau" -> ``group:CAN+USA``); None when a party is none of these. The id is
        the members' codes in order, the same in every article."""
        members: dict[str, Actor] = {}
        for party in self._rejoined(parties):
            target = self._place_target(party)
            if target is None or not target.startswith("country:"):
                igos = self.kb.lookup(party, ("IGO",))
                target = igos[0].id if igos else None
            if target is None and " of " in party:
                # "Prime Minister Ishiba of Japan": the country the title gives
                target = self._place_target(party.rsplit(" of ", 1)[1])
                target = target if target and target.startswith("country:") else None
            if target is None and (code := self._leader_country(party)):
                target = "country:" + code
            member = (self.country(target) if target and target.startswith("country:")
                      else self.kb_actor(target) if target else None)
            if member is None:
                return None
            members[member.id] = member  # "President Biden and Vice President Harris": one side
        if len(members) < 2:
            return None
        ordered = sorted(members.values(), key=lambda a: a.id.split(":", 1)[1])
        gid = "group:" + "+".join(a.id.split(":", 1)[1] for a in ordered)
        names = [a.name for a in ordered]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        return self.actor(gid, lambda: Actor(id=gid, name=name, type="GROUP", aliases=names))

    def _rejoined(self, parties: list[str]) -> list[str]:
        """Parties split at "and" joined again where together they name one country
        ("Bosnia", "Herzegovina" -> "Bosnia and Herzegovina"); a side that lists several
        ("President Macron of France, Chancellor Scholz of Germany, ...") is each of them."""
        out: list[str] = []
        for party in (p for side in parties for p in re.split(r",\s*(?:and\s+)?", side) if p.strip()):
            both = f"{out[-1]} and {party}" if out else None
            if both is not None and (self._place_target(both) or "").startswith("country:"):
                out[-1] = both
            else:
                out.append(party)
        return out

    def _place_target(self, text: str) -> str | None:
        place = self.kb.place(text)
        return place.target if place is not None and isinstance(place.target, str) else None

    def _leader_country(self, text: str) -> str | None:
        """The country of the person a title and a name are ("Prime Minister Trudeau"), as the
        knowledge base knows them on the article's date; None without a title or for a name it
        does not know. Only looked up: no actor is made of them."""
        words = text.split()
        title = []
        while words and fold(words[0]) in ROLE_WORDS:
            title.append(words.pop(0))
        if not title or not words:
            return None
        key = fold(" ".join(words))
        e = self.office_holder(key, " ".join(title)) if len(words) == 1 else self.kb_person(key, None)
        return _entity_country(e, self.day) if e is not None else None

    def kb_actor(self, aid: str) -> Actor | None:
        e = self.kb.get(aid)
        return self.from_entity(e) if e is not None else None

    def extend_government(self, ent, start: int, end: int) -> tuple[int, int, bool]:
        """"Russian" + "government" -> the mention "the Russian government", a government one."""
        doc = self.doc
        nxt = doc[ent.end] if ent.end < len(doc) else None
        gov = False
        if nxt is not None and nxt.lower_ in _GOV_NOUNS and nxt.head.i != ent.root.i:
            end, gov = nxt.idx + len(nxt), True
            if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
                start = doc[ent.start - 1].idx
        elif ent.root.dep_ == "poss" and ent.root.head.lower_ in _GOV_NOUNS:
            gov = True
        return start, end, gov

    # --- speakers ----------------------------------------------------------------------------
    def administration(self, text: str) -> Actor | None:
        """The government of an administration named by its leaders ("the Biden-Harris
        Administration", "the Maduro administration"): the country all of them governed, as the
        knowledge base has them; None when it names no such leaders."""
        names = _administration_of(text)
        if names is None:
            return None
        countries = set()
        for name in names:
            found = {c for e in self.kb.lookup(name, ("PERSON",))
                     if e.code and (c := _country_of(e.code)) and e.code == c + "GOV"}
            if len(found) != 1:
                return None  # not a leader, or leaders of several countries by that name
            countries |= found
        if len(countries) != 1:
            return None
        a = self.country("country:" + countries.pop())
        self.gov.add(a.id)
        return a

    def speaker(self, sp, full_names, day: str | None = None, period: str | None = None) -> Actor:
        """The actor of a speaker mention; ``day``: the day its quote was said (``said_on``);
        ``period``: the year or month it is set in when no day dates it (``Quote.period``)."""
        span = (sp.start, sp.end)
        if sp.mention_type == "turn" and (self.home or not sp.name):
            # a transcript labels the publisher's own officials by title ("THE VICE PRESIDENT:"):
            # the holder on the date, whoever else of that name the text mentions
            holder = self.title_holder(sp.text, day, period)
            if holder is not None:
                return holder
        if _label_without_full_name(sp):
            official = self.official(sp.name or sp.text)
            if official is not None:
                return official
        if sp.mention_type != "turn" and sp.name and COLLECTIVE.match(fold(sp.text)) and " and " in sp.name:
            # "we" of a joint statement whose title names the parties, "the leaders" of a readout
            # of a call (coref): the parties together, or nobody known when one of them is no
            # country, organisation or leader known
            group = self.joint(sp.name.split(PARTIES_JOINED))
            sp.name = group.name if group is not None else None
            if group is not None:
                return group
            uid = f"unknown:{self.local}:{slug(fold(sp.text))}"
            return self.actor(uid, lambda: Actor(id=uid, name=sp.text, type="UNKNOWN"))
        if sp.mention_type == "turn" and not sp.name:
            own = self.spans.get(span)
            if own is not None and self.actors[own].type in ("ORG", "IGO", "GROUP", "COUNTRY"):
                return self.actors[own]  # a headline's source: "Denver Post: ..."
            # a transcript label the document does not name ("Q", "SENIOR ADMINISTRATION
            # OFFICIAL"): someone, but not an identity to merge across articles
            key = fold(sp.text)
            uid = f"unknown:{self.local}:{slug(key) or 'speaker'}"
            return self.actor(uid, lambda: Actor(id=uid, name=sp.text, type="UNKNOWN"))
        if not sp.name and sp.mention_type != "turn":
            # "The President signed ...", "the Russian President said" with nobody named: the
            # office holder (not the country the title names); "I" in a "Presidential Message"
            # carries the office as its role (coref)
            holder = self.title_holder(sp.role or sp.text, day, period)
            if holder is not None:
                return holder
            department = self.department_of(sp.text)
            if department is not None:
                return department
        administration = self.administration(sp.text) if sp.mention_type != "turn" else None
        if administration is not None:
            # "the Biden administration" (not Biden himself), "the Biden-Harris\nAdministration"
            return administration
        aid = self.spans.get(span)
        if aid:
            return self.actors[aid]
        if not sp.name and sp.mention_type != "turn":
            # a name the model missed at the end of the mention, which the knowledge base knows:
            # "said Secretary of Homeland Security Alejandro N. Mayorkas"
            known = _person_at_end(self, sp)
            if known is not None:
                return known
        # a mention that overlaps the speaker span ("Russian Foreign Minister Sergey Lavrov")
        if self._sorted is None or len(self._sorted) != len(self.spans):
            self._sorted = sorted(self.spans.items())
        best, best_end = None, -1
        lo = bisect.bisect_left(self._sorted, ((sp.start - 200, 0), ""))
        for (s, e), i in self._sorted[lo:]:
            if s >= sp.end:
                break
            if sp.start < e:
                a = self.actors[i]
                if a.type == "PERSON" and e < sp.end and self.text.startswith(("'s", "’s"), e) and \
                        possessor_only(self.doc.char_span(sp.start, sp.end, alignment_mode="expand")):
                    continue  # "Lavrov's spokesman" is someone else, not named
                # a person over anything else; among people the one named last, the head of
                # the phrase ("Biden's adviser Janet Yellen" is Yellen)
                if best is None or (a.type == "PERSON" and (best.type != "PERSON" or e > best_end)):
                    best, best_end = a, e
        if best is not None:
            return best
        name = sp.name or sp.text
        key = fold(name)
        if key in ("which", "who", "that"):
            # "The World Health Organization, which said ...": the noun the clause hangs on
            ante = _relative_antecedent(self.doc, sp)
            if ante is not None:
                return self.speaker(ante, full_names, day, period)
        # "according to the Kremlin": a name after "the" is still a name
        bare = name[4:] if name[:4].lower() == "the " else name
        if self.home and _own_government(name):
            # "The Administration announced ...": formal writing's own government
            a = self.country("country:" + self.home)
            self.gov.add(a.id)
            return a
        if not sp.name and self.document_named(name):
            # "The IRA will lower costs", "The Budget invests ...": a law or a document is no
            # actor to find by its words (the model's ORG for another "IRA" or "Budget" gave one)
            uid = f"unknown:{self.local}:{slug(key) or 'speaker'}"
            return self.actor(uid, lambda: Actor(id=uid, name=sp.text, type="UNKNOWN"))
        same = self.named(name) if _NAME_RE.match(bare) and _proper(self.doc, sp) else None
        if same is not None:
            return same  # "HHS issued ..." where the model tagged another "HHS" of the article
        if key and key not in _PRONOUNS and bare[:1].isupper():
            place = self.kb.place(name)
            if place is not None and place.kind == "city" and isinstance(place.target, str) \
                    and place.target.startswith("country:") and not bare.isupper() \
                    and self.kb.stem_country(fold(bare)) is None:
                # a place in a country, not one of the country's other names: not an
                # abbreviation ("UAE") nor a nationality ("the British")
                return self.subnational(bare, place.target)  # "Texas said": the state, not the USA
            if place is not None and isinstance(place.target, str):
                a = self.country(place.target) if place.target.startswith("country:") \
                    else self.kb_actor(place.target)
                if a is not None:
                    if a.type == "COUNTRY":
                        self.gov.add(a.id)
                    return a
            ents = self.kb.lookup(name, ("IGO", "ORG", "GROUP"))
            if ents:
                e = next((x for x in ents if x.curated), ents[0])
                c = _country_of(e.code)
                if e.type == "ORG" and c and e.code == c + "GOV" and not e.curated:
                    a = self.country("country:" + c)
                    self.gov.add(a.id)
                    return a
                return self.from_entity(e)
            if sp.name or (sp.mention_type not in ("description", "pronoun") and _NAME_RE.match(name)
                           and name.split()[-1].lower() not in THING_HEADS):
                return self.person(name, sp.role, sp.affiliation, full_names)
            # "COVID-19 Response said": words the model took for a name, which no name is
            # an unresolved description capitalized only by its place in the sentence ("The
            # source said", "A senior official added") is nobody's name: local, like the rest
        org = self.org_described(sp)
        if org is not None:
            return org  # "Apple Inc said ... the company said"
        # nobody known: an id local to this article (never merged across a corpus)
        uid = f"unknown:{self.local}:{slug(key) or 'speaker'}"
        return self.actor(uid, lambda: Actor(id=uid, name=sp.text, type="UNKNOWN"))


def _proper(doc, sp) -> bool:
    """The speaker's words are a name, not a common noun capitalized at a sentence's start
    ("Participants", "Families") nor a title ("The National Coordinator"): a proper noun or an
    abbreviation is in them and the last word is no person's title. The same capitalized words
    name the same actor only then (the model's ORG for another "Participants" is no name)."""
    if sp.start < 0:
        return True
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    words = [t for t in span if not t.is_space and t.lower_ != "the"] if span is not None else []
    return bool(words) and words[-1].lower_ not in ROLE_WORDS and any(
        t.pos_ == "PROPN" or t.text.isupper() and len(t.text) > 1 for t in words)


def _dateline_home(text: str, kb: Knowledge, home: str) -> str | None:
    """Whose officials a bare title names, given the publisher's country ``home`` and the
    article's dateline: a wire story filed from another country ("KYIV (AFP) - The President
    said ...") names that country's (Zelenskyy); the publisher's own story filed abroad
    ("KYIV — The President said ...", no agency) could be either country's, so nobody's; a
    dateline at home ("WASHINGTON –", "THE WHITE HOUSE") changes nothing."""
    pos = 0
    while pos <= _DATELINE_WITHIN:
        m = _DATELINE.match(text, pos)
        if m is not None and (m.group("agency") or m.group("place").isupper()):
            place = kb.place(m.group("place"))
            if place is not None and isinstance(place.target, str) \
                    and place.target.startswith("country:") \
                    and (place.kind in ("seat", "city") or m.group("agency")):
                there = place.target.split(":", 1)[1]
                if there == home:
                    return home
                return there if m.group("agency") else None
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return home


def _held_throughout(e: Entity, bounds: tuple[str, str]) -> bool:
    """``e`` held roles without a gap from the first day of ``bounds`` past its last (a
    President who left and came back within a decade did not)."""
    day = bounds[0]
    while True:
        ends = [r.end for r in e.roles if r.valid_on(day)]
        if not ends:
            return False
        if None in ends or max(ends) > bounds[1]:
            return True
        day = max(ends)


def _title_fits(e: Entity, title: str | None) -> bool:
    """A one-word name under a spouse's courtesy title ("First Lady Dr. Biden", "Second
    Gentleman Emhoff") is the knowledge base's person of that name only when the knowledge base
    gives them that title: the First Lady is not the President. Other titles are left alone, as
    the knowledge base's roles are incomplete ("General Milley" is its Chairman of the Joint
    Chiefs, "Ambassador Tai" its Trade Representative)."""
    courtesy = set(fold(title or "").split()) & _COURTESY
    return not courtesy or any(courtesy & set(fold(r.role).split()) for r in e.roles if r.role)


# The words of a spouse's courtesy title ("First Lady", "Second Gentleman").
_COURTESY = frozenset({"lady", "gentleman"})


# Last words of names the model tags ORG that name a law, a plan or a whole government, which
# "the agency" / "the company" is not ("the Federal Acquisition Streamlining Act").
_NO_ORG_HEADS = frozenset({"act", "acts", "bill", "law", "treaty", "agreement", "accord", "plan",
                           "program", "programme", "initiative", "strategy", "framework", "order",
                           "rule", "regulation", "amendment", "budget", "government"})


# A law's or a document's head word ("Act", "Budget"): what such a name is, not who.
_LAW_HEADS = _NO_ORG_HEADS - {"government"}
# ... and those that alone, "the" aside, name no one ("The Budget"; "Bill", "Law" are names)
_DOCUMENT_WORDS = frozenset({"act", "budget", "plan", "treaty", "agreement", "accord", "amendment",
                             "strategy", "framework", "initiative", "program", "programme", "regulation"})


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "my", "his", "her", "its", "our", "their", "your"})


# A longer name's head words that make it a law or a document ("the Bipartisan Infrastructure
# Law", "the Paris Agreement", "the National Security Strategy"). Not "Initiative", "Program"
# of the United Nations, "Partnership", "Pact", "Convention" nor "Order": often organisations
# ("Clinton Global Initiative", "Warsaw Pact", "Southern Baptist Convention", "Fraternal Order
# of Police"); "Bill", "Law" only after a word that is no title ("Farm Bill", not "Mr. Law").
_DOCUMENT_HEADS = frozenset({
    "act", "acts", "law", "laws", "bill", "bills", "plan", "agenda", "agreement", "agreements", "accord",
    "accords", "treaty", "amendment", "budget", "package", "strategy", "framework", "doctrine",
    "memorandum", "protocol", "protocols", "charter", "regulation", "program", "programme"})
# Kinship words before a given name ("Uncle Bill").
_KIN = frozenset({"uncle", "aunt", "brother", "sister", "father", "mother", "cousin", "grandpa"})
# Words after which a name's head is done: "the Treaty of Versailles", "the Office of
# Management and Budget" (an office), "the Indo-Pacific Economic Framework for Prosperity".
_HEAD_ENDS = frozenset({"of", "for", "on", "to", "in", "against", "with", "between", "from", "at", "by"})


_SECRETARY_OF = re.compile(r"(?:[Tt]he\s+)?Secretary\s+of\s+((?:the\s+)?[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3})")


def _department_head(title: set[str]) -> bool:
    """A secretary's title with the department's words ("Secretary of Transportation", "the
    Secretary of Health and Human Services"): an office the knowledge base may hold by exactly
    those words, though they are no title words themselves."""
    return "secretary" in title and 1 <= len(title - ROLE_WORDS - {"and"}) <= 3


def _without_middle(full: list[str], short: list[str]) -> bool:
    """Whether ``short`` (folded words) is ``full`` without some of its middle names: the same
    given name and surname, the rest of ``short`` in ``full`` in order."""
    if len(short) < 2 or len(full) <= len(short) or full[0] != short[0] or full[-1] != short[-1]:
        return False
    rest = iter(full[1:-1])
    return all(w in rest for w in short[1:-1])


def _document_name(words: list[str]) -> bool:
    """Whether a name of several words has a law's or a document's word at its head."""
    cut = next((i for i, w in enumerate(words) if w.lower() in _HEAD_ENDS), len(words))
    head = [w.removesuffix("'s").removesuffix("’s") for w in words[:cut]]
    while head and re.fullmatch(r"[\d,.-]+", head[-1]):  # "Executive Order 14008", "Act 2022"
        head.pop()
    if not head:
        return False
    last, before = fold(head[-1]), fold(head[-2]) if len(head) > 1 else ""
    if last == "order" and before == "executive":
        return True  # an "Executive Order"; not the "Fraternal Order of Police"
    if last not in _DOCUMENT_HEADS:
        return False
    if last in ("bill", "law") and (len(head) < 2 and cut == len(words) or before in HONORIFICS
                                    or before in PERSON_NOUNS or before in _KIN):
        return False  # "Mr. Law", "Uncle Bill": a person ("the Bill of Rights" is a bill)
    if last in ("program", "programme") and re.search(r"\b(?:un|united nations)\b", fold(" ".join(words))):
        return False  # "the United Nations Development Programme": an agency of the UN
    return not (last == "plan" and before == "health")  # "Kaiser Foundation Health Plan"


def _law_initials(doc) -> set[str]:
    """The initials the article gives in parentheses after a law or a document it names ("the
    Inflation Reduction Act (IRA)", "the Bipartisan Infrastructure Law (BIL)"): an entity the
    model tags LAW, or another ending in a law's head word."""
    out = set()
    text = text_of(doc)
    for ent in doc.ents:
        words = [t.text for t in ent if t.text[:1].isupper() and t.lower_ != "the"]
        if len(words) >= 2 and (ent.label_ == "LAW" or ent[-1].lower_ in _LAW_HEADS):
            m = re.match(r"\s*\(\s*([A-Z][A-Za-z]{1,9})\s*\)", text[ent.end_char:ent.end_char + 20])
            if m and m.group(1)[0] == words[0][0]:
                out.add(m.group(1))
    return out


def _organisation(a: Actor) -> bool:
    words = fold(a.name).split()
    return bool(words) and words[-1] not in _NO_ORG_HEADS


def _public(a: Actor) -> bool:
    """An organisation of a government or of several governments: a ministry, an agency."""
    words = set(fold(a.name).split())
    return a.type == "IGO" or a.sector in ("government", "igo", "military") or bool(words & _PUBLIC_WORDS)


_PUBLIC_WORDS = frozenset({"ministry", "department", "agency", "administration", "bureau", "commission",
                           "service", "office", "government", "authority", "council", "federal",
                           "national", "embassy", "police", "army", "navy", "court", "treasury",
                           "pentagon", "corps"})


# Words naming an organisation that is no company ("the company" is not Congress or a union).
_NOT_COMPANY_WORDS = frozenset({
    "congress", "senate", "house", "parliament", "assembly", "legislature", "party", "committee",
    "caucus", "association", "foundation", "institute", "union", "coalition", "alliance", "league",
    "center", "centre", "university", "college", "school", "hospital", "church", "club", "team",
    "campaign", "society", "federation", "network", "board", "fund"})


def _company(a: Actor) -> bool:
    return a.type == "ORG" and not _public(a) and not set(fold(a.name).split()) & _NOT_COMPANY_WORDS


def _named(word: str):
    return lambda a: word in fold(a.name).split()


# "the <noun>" an organisation speaker is described by, and which organisations it can be: a
# company is no ministry, a ministry one whose name says so, an agency a public body.
_ORG_DESCRIPTIONS = {
    "company": _company,
    "firm": _company,
    "corporation": _company,
    # a group of people is often "the group" ("The group discussed ..." after a meeting): only
    # an armed group or one whose name says it is a group
    "group": lambda a: a.type == "GROUP" or a.type == "ORG" and bool(set(fold(a.name).split()) & {
        "group", "coalition", "alliance", "association", "movement", "front"}),
    "ministry": _named("ministry"),
    "department": _named("department"),
    "agency": lambda a: a.type in ("ORG", "IGO") and _public(a),
    "organization": lambda a: True,
    "organisation": lambda a: True,
}


class _Mention:
    """A speaker-like stand-in for a phrase of the text (a relative pronoun's antecedent)."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.name = self.role = self.affiliation = None
        self.mention_type = "name"


def _relative_antecedent(doc, sp):
    """The phrase a relative pronoun speaker stands for ("the WHO, which said" -> "the WHO"), as
    a speaker-like stand-in, or None."""
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or span.root.head.dep_ != "relcl":
        return None
    noun = span.root.head.head
    if noun.pos_ not in ("PROPN", "NOUN"):
        return None
    first = noun.left_edge
    start, end = first.idx, noun.idx + len(noun)
    if start >= sp.start:
        return None
    return _Mention(start, end, text_of(doc)[start:end])


def _person_at_end(art, sp) -> Actor | None:
    from chronicle.analyze.entities import known_person_at_end

    span = art.doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    found = known_person_at_end(span, art.kb)
    if found is None:
        return None
    i, e = found
    a = art.from_entity(e)
    last = next(t for t in reversed(span) if not (t.is_punct or t.is_space))
    art.mention(a, art.doc[i].idx, last.idx + len(last))  # the name, besides the whole mention
    return a


def _label_without_full_name(sp) -> bool:
    """A transcript label the document names by one word at most ("MR. ZIENTS", "Walensky")."""
    return sp.mention_type == "turn" and len((sp.name or "").split()) < 2


def build_actors(doc, people, quotes, pub_date, knowledge, home: str | None = None) -> list[Actor]:
    """The article's actors, each with its mentions; sets ``speaker.actor_id`` on every quote."""
    kb = knowledge if knowledge is not None else load_knowledge(None)
    text = given_text(doc)  # the article's words as written (no-break spaces and all)
    arr, joined = _arrays(doc, join_text=text is None)
    text = text if text is not None else joined
    if home is not None:
        home = _dateline_home(text, kb, home)
    art = _Article(doc, text, kb, pub_date, home)

    # the article's own full names by surname (a bare surname joins them first)
    full_names: dict[str, list[str]] = {}
    for p in people:
        if getattr(p, "kind", "PERSON") == "PERSON":
            w = fold(p.name).split()
            if len(w) >= 2:
                full_names.setdefault(w[-1], []).append(p.name)
                full_names.setdefault("^" + w[0], []).append(p.name)  # given name ("Jen")
                if p.role:
                    full_names.setdefault("@" + fold(p.name), []).append(p.role)

    covered: list[tuple[int, int]] = []
    anonymous = [p for p in people if getattr(p, "kind", "PERSON") == "ANON"]
    people = [p for p in people if p not in anonymous]
    for p in people:
        if getattr(p, "kind", "PERSON") != "PERSON":
            a = art.speaker(_NameOnly(p.name, p.role, p.affiliation), full_names)
        else:
            a = art.person(p.name, p.role, p.affiliation, full_names)
        for s, e in p.mentions:
            art.mention(a, s, e)
            covered.append((s, e))
    covered.sort()

    ents, seat_hits = _scan(doc, arr, kb)
    ent_spans = []
    for ent in ents:
        ent_spans.append((ent.start_char, ent.end_char))
        if ent.label_ == "PERSON":
            if _inside(covered, ent.start_char, ent.end_char):
                continue
            place = kb.place(ent.text)
            if place is not None and place.kind != "city" and not kb.lookup(ent.text, ("PERSON",)):
                art.entity_mention(ent)  # "Kyiv" or "Kremlin" taken for a person by the model
                continue
            # a PERSON entity coref did not take: kept when it looks like a name and, if a
            # single word, when the article or the KB says who it is ("Q", "Laughter" are not)
            name = ent.text.removesuffix("'s").removesuffix("’s")
            if not _NAME_RE.match(name) or name.lower() in STAGE_WORDS \
                    or name.split()[-1].lower() in THING_HEADS:
                continue
            a = art.person(name, None, None, full_names, strict=True)
            if a is not None:
                art.mention(a, ent.start_char, ent.start_char + len(name))
        elif ent.label_ in ("GPE", "NORP", "ORG", "LOC", "FAC"):
            art.entity_mention(ent)

    # capitals and seats the model did not tag ("Kyiv asked ...")
    taken = SpanIndex(ent_spans + covered, lambda sp: sp)
    for span in seat_hits:
        s, e = span.start_char, span.end_char
        if text[s].isupper() and not _overlaps(taken.reaching(s, e), s, e):
            art.entity_mention(span)

    # a speaker described, never named, and the pronouns coref joined to them: whoever the
    # description is (an id local to the article, or the department it names)
    for p in anonymous:
        a = art.speaker(p.described.speaker, full_names)
        for s, e in p.mentions:
            art.mention(a, s, e)

    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        a = art.speaker(sp, full_names, q.said_on, q.period)
        taken = art.spans.get((sp.start, sp.end))
        if taken and taken != a.id and taken.startswith("name:") and a.type == "PERSON":
            # coref made the label and a bare surname one person ("MR. KIRBY" / "Kirby"), which
            # the label's office lookup names (John Kirby): all of them are that person
            art.merge(taken, a)
        elif taken and taken != a.id:
            art.release(sp.start, sp.end)  # the speaker decision is the last word on its span
        art.mention(a, sp.start, sp.end)
        sp.actor_id = a.id
        if a.type == "PERSON" and _label_without_full_name(sp):
            sp.name = a.name  # "DR. WALENSKY" is Rochelle Walensky: the label's name, in full
        elif sp.mention_type == "turn" and a.type == "PERSON" and a.id.startswith("person:") \
                and sp.name and fold(sp.name) != fold(a.name):
            # a title label the office holder is ("THE PRESIDENT" where coreference took
            # another Biden, "Jill Biden"): the name is the holder's too
            sp.name, sp.role, sp.affiliation = a.name, a.role, None
        if a.type == "PERSON" and a.role and sp.role and sp.role.isupper() and \
                set(fold(sp.role).split()) <= set(fold(a.role).split()):
            sp.role = a.role  # "SECRETARY BLINKEN": the Secretary of State the office holder is

    out = []
    for a in art.actors.values():
        if not a.mentions:
            continue
        a.mentions.sort(key=lambda m: (m.start, m.end))
        if a.id in art.gov and a.type == "COUNTRY":
            a.sector = "government"
        seen = {a.name.lower()}
        aliases = []
        for m in a.mentions:
            t = " ".join(m.text.split())
            if t.lower() not in seen and t.lower() not in _PRONOUNS:
                seen.add(t.lower())
                aliases.append(t)
        a.aliases = aliases
        out.append(a)
    out.sort(key=lambda a: (a.mentions[0].start, a.id))
    return out


class _NameOnly:
    """A speaker-like stand-in for an organisation cluster from coref."""

    def __init__(self, name, role, affiliation):
        self.start = self.end = -1
        self.text = self.name = name
        self.role = role
        self.affiliation = affiliation


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in spans:
        if s > end:
            break
        if s <= start and end <= e or (start <= s and e <= end):
            return True
    return False


def _arrays(doc, join_text: bool = True):
    """The Doc's LOWER, ENT_IOB, ENT_TYPE, ORTH, SPACY columns and, with ``join_text``, its text
    rebuilt from the string table (None without): ``doc.text`` and ``doc.ents`` iterate Python
    Token objects and cost more than all of the actor work together."""
    from spacy.attrs import ENT_IOB, ENT_TYPE, LOWER, ORTH, SPACY

    arr = doc.to_array([LOWER, ENT_IOB, ENT_TYPE, ORTH, SPACY])
    if not join_text:
        return arr, None
    strings = doc.vocab.strings
    text = "".join([strings[o] + " " if sp else strings[o] for o, sp in arr[:, 3:5].tolist()])
    return arr, text


def _scan(doc, arr, kb: Knowledge):
    """Named entities and untagged capital/seat names, found with numpy over the arrays."""
    from spacy.tokens import Span as SpacySpan

    n = len(doc)
    if n == 0:
        return [], []
    iob = arr[:, 1]
    starts = np.flatnonzero(iob == 3)
    ents = []
    if len(starts):
        not_inside = np.append(np.flatnonzero(iob != 1), n)  # an entity ends at the next of these
        ends = not_inside[np.searchsorted(not_inside, starts, side="right")]
        strings = doc.vocab.strings
        for s, e in zip(starts.tolist(), ends.tolist()):
            ents.append(SpacySpan(doc, s, e, label=strings[int(arr[s, 2])]))
    by_first, hashes = kb.seat_words()
    hits = []
    for i in np.flatnonzero(np.isin(arr[:, 0], hashes)).tolist():
        for words in by_first.get(int(arr[i, 0]), ()):
            j = i + len(words)
            if j <= n and (len(words) == 1 or tuple(t.lower_ for t in doc[i:j]) == words):
                hits.append(doc[i:j])
                break
    return ents, hits


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _acting(ent) -> bool:
    """Does the place name act (subject, possessor, object) rather than locate?"""
    tok = ent.root
    for _ in range(3):
        dep = tok.dep_
        if dep in _AGENT_DEPS:
            return True
        if dep == "pobj" and tok.head.lower_ in _AGENT_PREPS:
            return True
        if dep == "compound" and tok.head.lower_ in _GOV_NOUNS:
            return True
        if dep in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False


def _country_of(code: str | None) -> str | None:
    return country_of_code(code)


def _entity_country(e: Entity, day: str | None) -> str | None:
    """A person's country on ``day``: their office's, unless it is an international one, else
    their own."""
    role = e.role_on(day) if e.roles else None
    if role and not role.org:
        return _country_of(role.code) or e.country
    return e.country


_ROLE_SECTORS = (
    ("minister", "government"), ("president", "government"), ("secretary", "government"),
    ("spokes", "government"), ("ambassador", "government"), ("diplomat", "government"),
    ("senator", "legislature"), ("lawmaker", "legislature"), ("congress", "legislature"),
    ("general", "military"), ("commander", "military"), ("colonel", "military"),
    ("opposition", "opposition"), ("ceo", "business"), ("executive", "business"),
    ("journalist", "media"), ("editor", "media"), ("reporter", "media"),
)


def _sector_from_role(role: str | None) -> str | None:
    if not role:
        return None
    r = role.lower()
    return next((s for w, s in _ROLE_SECTORS if w in r), None)


# --- corpus listing ---------------------------------------------------------------------------

def summarize_actors(analyses: Iterable[Any], include_unknown: bool = False) -> list[dict]:
    """One row per actor id over many analyses (``Analysis`` objects or their JSON dicts):
    id, name, type, country, code, sector, roles, aliases, articles, mentions, quotes, first, last.
    Sorted by mentions, most first. Streams: only the per-actor totals are kept. Speakers nobody
    could identify (type UNKNOWN, article-local ids) are left out unless ``include_unknown``."""
    rows: dict[str, dict] = {}
    for an in analyses:
        d = an if isinstance(an, dict) else an.to_dict()
        date = d.get("date")
        quoted = Counter((q.get("speaker") or {}).get("actor_id") for q in d.get("quotes") or ())
        for a in d.get("actors") or ():
            if a.get("type") == "UNKNOWN" and not include_unknown:
                continue
            r = rows.get(a["id"])
            if r is None:
                r = rows[a["id"]] = {
                    "id": a["id"], "name": a.get("name"), "type": a.get("type"),
                    "country": a.get("country"), "code": a.get("code"), "sector": a.get("sector"),
                    "roles": Counter(), "aliases": Counter(), "articles": 0, "mentions": 0,
                    "quotes": 0, "first": date, "last": date}
            r["articles"] += 1
            r["mentions"] += len(a.get("mentions") or ())
            r["quotes"] += quoted.get(a["id"], 0)
            if a.get("role"):
                r["roles"][a["role"]] += 1
            for al in a.get("aliases") or ():
                r["aliases"][al] += 1
            for k in ("country", "code", "sector"):
                r[k] = r[k] or a.get(k)
            if date:
                r["first"] = min(filter(None, (r["first"], date)))
                r["last"] = max(filter(None, (r["last"], date)))
    out = []
    for r in rows.values():
        r["roles"] = [k for k, _ in r["roles"].most_common()]
        r["aliases"] = [k for k, _ in r["aliases"].most_common(10)]
        out.append(r)
    out.sort(key=lambda r: (-r["mentions"], -r["quotes"], r["id"]))
    return out
