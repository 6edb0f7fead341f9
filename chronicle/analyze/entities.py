"""Repairs of the model's entity spans before the stages read them.

The small pipeline often takes an office and its holder for one organisation: "Secretary of
Homeland Security Alejandro N. Mayorkas", "U.S. Agency for International Development
Administrator Samantha Power" come out as ORG, so the person is lost to speakers, coreference and
actors alike. Such an ORG ending in a person's name is split: the name becomes a PERSON entity and
what names the organisation before the title stays ORG ("Homeland Security").

The name is the span's last two to four words when the knowledge base knows them as a person, or,
for someone it does not know, the capitalized words right after an office word ("Administrator
Jane Doe"). Only the entity's own tokens are read; nothing else of the Doc changes.
"""
from __future__ import annotations

from spacy.tokens import Span

from chronicle.analyze.actors_kb import Knowledge, fold, name_variants
from chronicle.analyze.coref import PERSON_NOUNS, ROLE_WORDS, THING_HEADS

# Office words after which capitalized words are a holder's name ("Administrator Samantha Power").
_OFFICE_WORDS = PERSON_NOUNS | {"administrator", "secretary", "director", "commissioner", "chair",
                                "ambassador", "envoy", "coordinator", "advisor", "adviser"}


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
    # someone the knowledge base does not know: capitalized words after an office word
    for j in range(len(toks) - 3, 0, -1):
        if toks[j].lower_ in _OFFICE_WORDS:
            tail = toks[j + 1:]
            if 2 <= len(tail) <= 4 and not _names_no_one(tail) and all(
                    t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in tail):
                return tail[0].i
            return None
    return None
