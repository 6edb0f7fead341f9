"""Repairs of the model's entity spans before the stages read them (only ``doc.ents`` changes).

The small pipeline's entities fail people in ways every later stage inherits:

- an office and its holder taken for one organisation ("Secretary of Transportation Pete
  Buttigieg", "U.S. Agency for International Development Administrator Samantha Power" as ORG):
  the holder's name becomes a PERSON entity and what names the organisation before the title
  stays ORG. The name is the span's last two to four words when the knowledge base knows them as
  one person, or, for someone it does not know, the capitalized words after an office word;
- a person tagged ORG ("Olaf Scholz"), or a surname of someone named in full tagged otherwise or
  not at all ("Sanders agreed.", read as the plural of *sander*): PERSON;
- titles the model put at the start of a person's name ("Coroner Mike Ellis"): the name starts
  after them (they stay the person's role);
- a possessive inside a person's name ("Trump's MAGA" of "Trump's MAGA agenda"): the name ends
  before it, or starts after it when a full name follows ("Bloomberg's Lisa Abramowicz"); a
  thing named after someone ("Saint Patrick's Day") is no person;
- an O'/D' surname the model tagged without its given name ("D'Souza" of "Dinesh D'Souza"): the
  name takes the capitalized word before it;
- a business tagged PERSON ("Azana Salon", "Golden Crust Bakery"): ORG;
- a given name tagged ORG alone ("Neera said" after "Neera Tanden"): PERSON;
- a transcript's sign-off and time stamps ("END", "P.M. CST") taken for names: no entity.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH, POS
from spacy.symbols import NOUN as NOUN_ID, PROPN as PROPN_ID
from spacy.tokens import Span

from chronicle.analyze.actors_kb import Knowledge, day_of, fold, name_variants
from chronicle.analyze.coref import (_PARTICLES as NAME_PARTICLES, BUSINESS_HEADS, CLOCK_WORDS, PERSON_NOUNS,
                                     ROLE_WORDS, STAGE_WORDS,
                                     THING_HEADS, TITLE_WORDS, lady_is_given_name, person_like)

# Office words after which capitalized words are a holder's name ("Administrator Samantha Power").
_OFFICE_WORDS = PERSON_NOUNS | {"administrator", "secretary", "director", "commissioner", "chair",
                                "ambassador", "envoy", "coordinator", "advisor", "adviser"}


def repair(doc, kb: Knowledge, day=None) -> None:
    """Every repair, in order: office holders out of ORG spans, people's names the model tagged
    otherwise or not at all, sign-offs that are no one. ``day``: the article's date."""
    split_office_holders(doc, kb)
    end_at_possessives(doc)
    join_elided_surnames(doc)
    trim_titles(doc)
    businesses(doc, kb)
    trim_headline_names(doc, kb, day)
    mark_named_people(doc, kb, day)
    drop_sign_offs(doc)


# Office words a PERSON entity can begin with that are no part of the name ("Coroner Mike
# Ellis"): the office words, local ones the news names people by, and the title words.
_TITLE_STARTS = (_OFFICE_WORDS | ROLE_WORDS | {
    "coroner", "sheriff", "superintendent", "councilman", "councilwoman", "councilmember",
    "alderman", "assemblyman", "assemblywoman", "trooper", "detective", "sergeant", "treasurer",
    "comptroller", "auditor", "clerk", "pastor", "coach", "justice", "county", "city", "district",
    "state", "u.s.", "federal", "former", "acting", "interim", "then",
    # offices the model keeps in the name ("Taoiseach Micheál Martin" was
    # person:taoiseach-micheal-martin), legislatures' and clergy's titles too
    "tánaiste", "congressmember", "assemblymember", "councillor", "delegate", "speaker", "majority",
    "minority", "ranking", "whip", "crown", "princess", "cardinal", "archbishop", "bishop",
    "rabbi", "imam", "reverend", "agent", "deputy", "inspector", "patrolman", "firefighter",
    }) - {"the", "of", "for"}


def end_at_possessives(doc) -> None:
    """A PERSON entity with a possessive inside is one person's name, not all of it: the model
    tags "Trump's MAGA" (of "Trump's MAGA agenda") as one person, whose name is "Trump" (it made
    the full name "Trump MAGA"). A full name after the possessive is the person ("Bloomberg's
    Lisa Abramowicz"); a common noun or a plural after it names a thing after someone ("Saint
    Patrick's Day", "Mary's Dolls"), no person."""
    ents = list(doc.ents)
    out = []
    for e in ents:
        cut = next((t.i for t in e[1:-1] if t.lower_ in ("'s", "’s") and t.tag_ == "POS"), None) \
            if e.label_ == "PERSON" and len(e) >= 3 else None
        if cut is None:
            out.append(e)
            continue
        after = doc[cut + 1:e.end]
        # (a name holds no stop word: "President Obama's Doing Business in Africa" is Obama's)
        if len(after) >= 2 and person_like(list(after)) and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()
                and not doc.vocab[t.lower_].is_stop for t in after):
            out.append(Span(doc, cut + 1, e.end, label="PERSON"))
        elif after[-1].pos_ == "NOUN" or after[-1].tag_ == "NNPS":
            continue
        else:
            out.append(Span(doc, e.start, cut, label="PERSON"))
    if len(out) != len(ents) or any(a.end != b.end or a.start != b.start for a, b in zip(ents, out)):
        doc.set_ents(out, default="outside")


# A surname with an elided O' or D' ("O'Rourke", "D’Souza").
_ELIDED = re.compile(r"[OD]['’][A-Z]")


def join_elided_surnames(doc) -> None:
    """A PERSON entity that begins with an O'/D' surname takes the capitalized proper noun right
    before it: the model often leaves the given name out ("Dinesh D'Souza" tagged "D'Souza", which
    made "Dinesh" the person's role). Not a title word ("Officer O'Brien")."""
    ents = list(doc.ents)
    out = []
    for e in ents:
        i = e.start - 1
        if (e.label_ == "PERSON" and i >= 0 and _ELIDED.match(e[0].text) and doc[i].ent_iob_ == "O"
                and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and not doc[i].text.isupper()
                and doc[i].lower_.rstrip(".") not in _TITLE_STARTS | TITLE_WORDS):
            out.append(Span(doc, i, e.end, label="PERSON"))
        else:
            out.append(e)
    if any(a.start != b.start for a, b in zip(ents, out)):
        doc.set_ents(out, default="outside")


def trim_titles(doc) -> None:
    """A PERSON entity that starts with titles ("Coroner Mike Ellis", "County Sheriff Jane Doe")
    starts at the name: the titles are the person's role, not their name (which made
    ``person:coroner-mike-ellis``). Only where two capitalized words or more stay, so that a
    title and a surname ("Prince Harry", "King Charles") are left alone."""
    ents = list(doc.ents)
    out = []
    changed = False
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) >= 3 and ent[0].lower_ in _TITLE_STARTS \
                and not lady_is_given_name([t for t in ent if not t.is_space]):  # "Lady Bird Johnson"
            start = ent.start
            while start < ent.end and (doc[start].lower_ in _TITLE_STARTS or doc[start].is_space):
                start += 1
            rest = [t for t in doc[start:ent.end] if not t.is_space]
            # a name's particles aside ("Crown Prince Mohammed bin Salman")
            if len(rest) >= 2 and rest[0].text[:1].isupper() and all(
                    t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in rest):
                out.append(Span(doc, start, ent.end, label="PERSON"))
                changed = True
                continue
        out.append(ent)
    if changed:
        doc.set_ents(out, default="outside")


def businesses(doc, kb: Knowledge | None = None) -> None:
    """A PERSON entity ending in a business's word ("Azana Salon", "Golden Crust Bakery"), or a
    place's newspaper ("Denver Post", "Atlanta Voice"), is an organisation: ORG, so that it is no
    person a later "he" can join."""
    ents = list(doc.ents)
    out = [Span(doc, e.start, e.end, label="ORG") if e.label_ == "PERSON" and len(e) >= 2
           and (e[-1].lower_ in BUSINESS_HEADS or _newspaper(e, kb)) else e for e in ents]
    if any(a.label_ != b.label_ for a, b in zip(ents, out)):
        doc.set_ents(out, default="outside")


# The last word of a newspaper's name after its place ("Denver Post", "Brattleboro Reformer").
_NEWSPAPER_HEADS = frozenset("""post times voice reformer herald tribune journal gazette chronicle
courier register examiner inquirer observer dispatch bulletin news daily globe sentinel telegraph
press review democrat citizen leader ledger""".split())


def _newspaper(ent, kb: Knowledge | None) -> bool:
    return (kb is not None and ent[-1].lower_ in _NEWSPAPER_HEADS
            and kb.place(" ".join(t.text for t in ent[:-1])) is not None)


def trim_headline_names(doc, kb: Knowledge, day=None) -> None:
    """A PERSON entity that starts with the one-word name of someone in office on the article's
    date and runs on into words no name of theirs holds is that name alone: title-case headings
    ("President Biden Highlighting State and Local Leaders", "Biden Build Back Better") made the
    model tag "Biden Highlighting State" and "Biden Build" as people."""
    if day is None:
        return
    iso = day_of(day)
    ents = list(doc.ents)
    out = []
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 2 and e[0].text[:1].isupper() and not e[1].is_punct:
            key = fold(e[0].text)
            people = kb.lookup(key, ("PERSON",), key=key)
            if (len(people) == 1 and people[0].curated and people[0].role_on(iso) is not None
                    and kb.place(e[0].text, key) is None
                    and not kb.lookup(fold(e.text), ("PERSON", "ORG", "IGO", "GROUP"))):
                out.append(Span(doc, e.start, e.start + 1, label="PERSON"))
                continue
        out.append(e)
    if any(a.end != b.end for a, b in zip(ents, out)):
        doc.set_ents(out, default="outside")


def drop_sign_offs(doc) -> None:
    """A transcript's "END" or "(END)", its time stamps ("P.M. CST") and stage directions are no
    organisation or person."""
    ents = list(doc.ents)
    kept = [e for e in ents if not (e.label_ in ("ORG", "PERSON", "GPE") and (
        e.text.strip("()# ").lower() in _SIGN_OFFS or all(t.lower_ in CLOCK_WORDS for t in e)))]
    if len(kept) != len(ents):
        doc.set_ents(kept, default="outside")


_SIGN_OFFS = STAGE_WORDS | {"end", "###"}


def mark_named_people(doc, kb: Knowledge, day=None) -> None:
    """A person's name the model tagged ORG or GPE, or left untagged, becomes PERSON:

    - an ORG span of two to four capitalized words the knowledge base knows as exactly one
      person and as no organisation or place ("Olaf Scholz"); a single word too ("Lavrov said"),
      when that person holds an office on the article's date ``day``;
    - a capitalized word, tagged ORG/GPE or nothing, that is the surname of a person the text
      names in full ("Sanders agreed." after "Senator Bernie Sanders"), unless it is a place
      ("Washington" after "George Washington" stays the city).
    """
    ents = list(doc.ents)
    out: list[Span] = []
    changed = False
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                         for t in ent):
            key = fold(ent.text)
            people = kb.lookup(key, ("PERSON",), key=key)
            if (len(people) == 1 and kb.place(ent.text, key) is None
                    and not kb.lookup(key, ("ORG", "IGO", "GROUP"), key=key)
                    and (len(ent) >= 2 or day is not None and people[0].role_on(day_of(day)) is not None)):
                out.append(Span(doc, ent.start, ent.end, label="PERSON"))
                changed = True
                continue
        out.append(ent)
    # a given name the model tagged ORG/GPE alone ("Neera said", "Thank you, Jake") of a person
    # the text names in full ("Neera Tanden"): PERSON, which coreference joins to them
    # ... after the full name: a word used before it is no one's given name yet ("celebrating
    # Nowruz. Nowruz marks ..." before a closing "Nowruz Pirouz!", a greeting the model took for a name)
    given: dict[str, int] = {}
    for e in out:
        if e.label_ == "PERSON" and e[0].text not in given and _given_name_of(e):
            given[e[0].text] = e.start
    if given:
        for j, ent in enumerate(out):
            if (ent.label_ in ("ORG", "GPE") and len(ent) == 1 and ent.start > given.get(ent.text, len(doc))
                    and ent.root.dep_ not in ("compound", "amod", "nmod", "poss")  # "Tribal leaders"
                    and not (ent.start and doc[ent.start - 1].lower_ == "the")  # "the Quad"
                    and kb.place(ent.text) is None and not kb.lookup(fold(ent.text), ("ORG", "IGO", "GROUP"))):
                out[j] = Span(doc, ent.start, ent.end, label="PERSON")
                changed = True
    surnames = {e[-1].text for e in out if e.label_ == "PERSON" and len(e) >= 2 and e[-1].text[:1].isupper()}
    surnames = {w for w in surnames if len(w) > 2 and kb.place(w) is None}
    if surnames:
        hashes = numpy.array([doc.vocab.strings[w] for w in surnames], dtype="uint64")
        arr = doc.to_array([ORTH, POS])
        # a surname may be tagged a plural noun: "Sanders agreed." (sanders, NNS)
        hits = numpy.flatnonzero(numpy.isin(arr[:, 0], hashes)
                                 & ((arr[:, 1] == PROPN_ID) | (arr[:, 1] == NOUN_ID)))
        if len(hits):
            taken = {i for e in out for i in range(e.start, e.end)
                     if e.label_ not in ("ORG", "GPE") or len(e) > 1}
            for i in hits.tolist():
                tok = doc[i]
                if i in taken or _in_longer_name(doc, i):
                    continue  # inside a longer name or entity: "Sanders Center", "United\nStates"
                if tok.pos_ == "NOUN" and not tok.is_sent_start:
                    continue  # a noun mid-sentence is the word itself ("the Scouts")
                out = [e for e in out if not (e.start <= i < e.end)]
                out.append(Span(doc, i, i + 1, label="PERSON"))
                changed = True
    if changed:
        doc.set_ents(sorted(out, key=lambda e: e.start), default="outside")


def _given_name_of(e) -> bool:
    """A PERSON entity whose first word can be someone's given name alone ("Neera Tanden")."""
    return (2 <= len(e) <= 3 and person_like(list(e))
            and all(t.text[:1].isupper() for t in e)  # not "Trump’s Muslim"
            and not (e[-1].lower_.endswith("s") and e[-1].lemma_.lower() != e[-1].lower_)  # "Quad Fellows"
            and len(e[0].text) > 2 and e[0].text[:1].isupper()
            and not e[0].text.isupper() and e[0].lower_.rstrip(".") not in TITLE_WORDS)


def _in_longer_name(doc, i: int) -> bool:
    """The word at ``i`` has a capitalized proper noun right before or after it (line breaks
    aside)."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(doc) and doc[j].is_space:
            j += step
        if 0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            return True
    return False


def split_office_holders(doc, kb: Knowledge) -> None:
    """Give the person in "<office> <name>" ORG spans a PERSON entity of their own."""
    ents = list(doc.ents)
    changed = False
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "ORG" or len(ent) < 3:
            out.append(ent)
            continue
        start = _name_start(ent, kb)
        if start is None:
            out.append(ent)
            continue
        changed = True
        org = [t for t in ent[:start - ent.start]]
        # the organisation is what stands before the office words: "U.S. Agency for
        # International Development" of "... Development Administrator"; none in "Secretary of"
        while org and _edge(org[-1]):
            org.pop()
        while org and _edge(org[0]):
            org.pop(0)
        if any(t.pos_ in ("PROPN", "NOUN") for t in org):
            out.append(Span(doc, org[0].i, org[-1].i + 1, label="ORG"))
        out.append(Span(doc, start, ent.end, label="PERSON"))
    if changed:
        doc.set_ents(out, default="outside")  # every entity is in out; dropped words are none


def _edge(tok) -> bool:
    """A token an organisation's name does not begin or end with here: an office word, a
    function word, punctuation or a line break."""
    return (tok.is_space or tok.is_punct or tok.lower_.rstrip(".") in ROLE_WORDS
            or tok.lower_ in ("of", "the", "for", "and", "to"))


def _names_no_one(tail) -> bool:
    """"... Administration", "... Bible", "Chief Information Officer": a thing or an office."""
    last = tail[-1].lower_
    return last in THING_HEADS or last in _OFFICE_WORDS or last in ROLE_WORDS or last == "officer"


def known_person_at_end(span, kb: Knowledge):
    """``(first token index, Entity)`` of the longest ending (two to four capitalized words) of
    ``span`` that the knowledge base knows as exactly one person, else None."""
    toks = [t for t in span if not (t.is_punct and t.text not in (".",)) and not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    for n in (4, 3, 2):
        if len(toks) <= n:
            continue
        tail = toks[-n:]
        if not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in tail) or _names_no_one(tail):
            continue  # "the Obama Administration", "the King James Bible" name no one
        key = fold(" ".join(t.text for t in tail))
        for k in name_variants(key):
            found = kb.lookup(k, ("PERSON",), key=k)
            if len(found) == 1:
                return tail[0].i, found[0]
    return None


def _name_start(ent, kb: Knowledge) -> int | None:
    """Where the holder's name starts in an ORG span, or None when it ends in no name."""
    toks = list(ent)
    known = known_person_at_end(ent, kb)
    if known is not None:
        return known[0]
    # someone the knowledge base does not know: capitalized words after an office word, or the
    # surname alone of someone the article names in full ("FEMA Administrator Criswell" beside
    # "Deanne Criswell")
    for j in range(len(toks) - 2, 0, -1):
        if toks[j].lower_ in _OFFICE_WORDS:
            tail = toks[j + 1:]
            if not (1 <= len(tail) <= 4) or _names_no_one(tail) or not all(
                    t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in tail):
                return None
            if len(tail) == 1 and not _surname_of_named(ent.doc, tail[0].lower_):
                return None
            return tail[0].i
    return None


def _surname_of_named(doc, word: str) -> bool:
    """Whether a PERSON entity of two words or more in ``doc`` ends in ``word``."""
    return any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ == word for e in doc.ents)
