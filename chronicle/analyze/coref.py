"""People within one article: names, titles, descriptions and pronouns joined per person.

A sieve, most precise step first:
1. full names (spaCy PERSON entities of two or more words, titles stripped) start people;
2. a partial name ("Lavrov", "Mr. Lavrov", "Hillary") joins the most recently mentioned person
   with that surname or first name, else the person named in full later in the article;
3. a definite description speaker ("the Russian FM", "the minister", "the diplomat") joins the
   most recent person whose role shares its head word (FM = foreign minister), else the most
   recent speaker when the description names a person's role;
4. a third-person pronoun speaker ("he", "she") joins the most recent person speaker or subject
   not known to be of the other gender (known from an honorific or gendered title, else from the
   knowledge base's one person of that name: "President Trump" is no "she"); a speaker described
   but never named ("May's spokesman") is an ANON cluster a pronoun can join.
Each person keeps the role and affiliation the text gives ("Russian Foreign Minister Sergey
Lavrov", "Lavrov, Russia's foreign minister").
"""
from __future__ import annotations

from chronicle.analyze.actors_kb import lookup_code
from chronicle.analyze.doctext import children, sentence_of, text_of
from chronicle.analyze.given_names import gender_of_given_name

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

# Words that can stand before a name but are not part of it.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "gov", "sen", "rep", "gen",
    "lt", "col", "maj", "capt", "adm", "sgt", "rev", "prof", "pres", "amb", "hon", "st",
    "drs", "messrs", "doctors",  # plurals: "Drs. Walensky and Fauci", "Doctors Walensky, Fauci"
}
ABBREVIATIONS = {"fm": "foreign minister", "pm": "prime minister", "sg": "secretary general",
                 "potus": "president", "ceo": "chief executive", "vp": "vice president"}
# Heads of descriptions that denote a person in a role (enough to take the last speaker). Not
# "source": an unnamed source is by definition not the person last named, and "the source of
# our strength" is no person at all.
PERSON_NOUNS = set("""
minister diplomat president official spokesman spokeswoman spokesperson secretary senator
congressman congresswoman governor chancellor premier leader chief envoy ambassador general
candidate nominee lawmaker director adviser advisor aide mayor king queen prince head chairman
chairwoman chair commissioner representative negotiator politician economist analyst expert
professor author founder executive prosecutor judge lawyer attorney officer commander
billionaire businessman activist pollster strategist manager tycoon host anchor
taoiseach tanaiste emir sultan
""".split()) | set(ABBREVIATIONS)
_THIRD_PERSON = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@dataclass
class PersonCluster:
    name: str  # fullest name the article gives ("Sergey Lavrov")
    role: str | None = None  # "Foreign Minister"
    affiliation: str | None = None  # "Russian" / "Russia"
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans, sorted
    kind: str = "PERSON"  # PERSON; ANON for a speaker described but never named
    gender: str | None = None
    first: int = 0  # position of the first mention
    described: object = None  # ANON: the speaker mention that describes them ("her spokesman")
    honorifics: set = field(default_factory=set)  # before the full name in the text ("dr")

    @property
    def surname(self) -> str:
        parts = self.name.split()
        return parts[-1].lower() if parts else ""

    @property
    def given(self) -> str:
        parts = self.name.split()
        return parts[0].lower() if parts else ""

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            bisect.insort(self.mentions, (start, end))


def _name_tokens(span) -> list:
    toks = [t for t in span if not (t.is_punct or t.is_space) and t.lower_ not in ("'s", "’s")]
    while toks and toks[0].lower_.rstrip(".") in HONORIFICS and not lady_is_given_name(toks):
        toks = toks[1:]
    while len(toks) > 1 and toks[0].lower_ in _MILITARY_RANKS:
        toks = toks[1:]  # "Ensign Okafor", "Admiral Okafor": one surname, maybe two people
    return toks


def lady_is_given_name(toks) -> bool:
    """Whether a name's first word "Lady" is the person's given name, not a title: before a given
    name and a surname ("Lady Bird Johnson", who was ``person:bird-johnson``) it is; before one
    name ("Lady Ashton", a peer's courtesy title) or after another title ("First Lady Jill
    Biden") it is not. A title before a full name the knowledge base knows ("Lady Catherine
    Ashton") is found at lookup (``actors_kb.name_variants``)."""
    if len(toks) < 3 or toks[0].text != "Lady" or not all(t.text[:1].isupper() for t in toks[1:]):
        return False
    doc, i = toks[0].doc, toks[0].i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i < 0 or doc[i].lower_.rstrip(".") not in TITLE_WORDS


# Lower-case words a person's name may hold ("Charles de Gaulle", "Ursula von der Leyen").
_PARTICLES = {"de", "da", "do", "dos", "das", "du", "des", "di", "del", "della", "van", "von",
              "der", "den", "ter", "bin", "ibn", "al", "el", "la", "le", "y", "ben", "bint", "abu"}
# Last words that make a capitalized run a thing or a place, not a person ("Roosevelt Room",
# "Bronze Star", "the John Lewis Voting Rights Advancement Act", "Tribal Nations").
THING_HEADS = {  # not surnames too ("Park", "Hall", "Lake", "Law", "Cross", "Grove" are)
    "act", "bill", "treaty", "agreement", "accord", "plan", "program", "programme", "initiative",
    "fund", "award", "medal", "prize", "star", "room", "building", "center", "centre", "office",
    "avenue", "road", "square", "bridge", "river", "creek", "valley", "island", "islands",
    "county", "school", "university", "college", "hospital", "clinic", "department", "agency",
    "committee", "council", "government", "administration", "week", "month", "workers",
    "nations", "tribes", "people", "journalists", "families", "forces", "airlines", "company",
    "corporation", "inc", "group", "team", "teams", "party", "campaign", "foundation", "bible",
    "cabinet",
    # places and institutions named for a person ("The Perkins Homestead", "the Lincoln Memorial")
    "homestead", "monument", "memorial", "museum", "library", "institute", "association", "society",
    "commission", "stadium", "arena", "airport", "cathedral", "mosque", "synagogue", "ranch",
    "plantation", "cemetery", "highway", "parkway", "boulevard",
    # a government's documents ("This Executive Order", "the President's Order" tagged PERSON)
    "order", "proclamation", "memorandum", "directive", "strategy", "framework", "budget",
    "amendment", "regulation", "regulations",
}
# Last words that make a name a business, an organisation: "Azana Salon", "Acme Holdings".
BUSINESS_HEADS = frozenset({
    "salon", "restaurant", "cafe", "café", "bakery", "grill", "shop", "store", "boutique", "studio",
    "brewery", "winery", "distillery", "hotel", "spa", "pharmacy", "diner", "pizzeria", "motors",
    "industries", "holdings", "llc", "ltd", "corp", "enterprises", "technologies", "solutions",
    "services", "farms", "apparel", "academy", "barbershop", "bistro", "cafeteria", "supermarket",
    "inc", "company", "corporation", "group", "foundation"})
THING_HEADS |= BUSINESS_HEADS


# A transcript's time stamps and sign-off, which the model tags as names ("P.M. CST", "END").
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
                "gmt", "utc", "end"}


def person_like(toks) -> bool:
    """Whether the words spaCy tagged PERSON look like a person's name: no digits ("COVID-19"),
    no lower-case word but a name's particles ("the British government"), not ending in a word
    that names a thing or a place ("Roosevelt Room")."""
    if not toks:
        return False
    if len(toks) == 1 and (toks[0].pos_ in ("PRON", "DET", "VERB") or toks[0].lower_.rstrip(".") in _NOT_NAMES):
        return False  # "This" opening a sentence, "Defending" opening a list, a statute's "Sec. 2."
    for t in toks:
        if any(ch.isdigit() for ch in t.text) or t.lower_ in CLOCK_WORDS:
            return False
        if t.text[:1].islower() and t.lower_ not in _PARTICLES:
            return False
    return toks[-1].lower_ not in THING_HEADS


# One-word "names" the model tags that are abbreviations of a document's parts.
_NOT_NAMES = {"sec", "subsec", "subsection", "section", "art", "para"}


def _couple_given_name(ent, toks, surnames: set[str]):
    """The given name before "and" in "Bill and Hillary Clinton": a capitalized word the
    given-name table knows, tagged as a one-word name or as nothing, and no surname of a person
    the article names in full ("Trump and Hillary Clinton" are two surnames); else None."""
    doc = ent.doc
    i = toks[0].i
    if len(toks) != 2 or i < 2 or doc[i - 1].lower_ not in ("and", "&"):
        return None
    word = doc[i - 2]
    if (not word.is_title or word.pos_ != "PROPN" or word.lower_ in surnames
            or gender_of_given_name(word.text) is None):
        return None
    if i > 2 and (doc[i - 3].pos_ == "PROPN" or doc[i - 3].text.lstrip("-–—").istitle() and not doc[i - 3].is_sent_start):
        return None  # "-Todd Rogers and Adan Acevedo": the word is a surname itself
    if word.ent_type_ == "PERSON":  # a one-word name of its own, not the end of a longer one
        return word if word.ent_iob_ == "B" and doc[i - 1].ent_iob_ != "I" else None
    return word if not word.ent_type_ else None


def _name_key(toks) -> str:
    """A full name as one person: "Ronald S. Moultrie" and "Ronald Moultrie" alike."""
    words = [t.lower_.rstrip(".") for t in toks]
    middle = [w for w in words[1:-1] if len(w) > 1]
    return " ".join([words[0], *middle, words[-1]])


def _clean_name(toks) -> str:
    return " ".join(t.text for t in toks)


def _name_case(name: str) -> str:
    """A name as prose writes it: a transcript's label in capitals, read as a name by the
    parser ("NAUSĖDA", "FERNÁNDEZ HERNÁNDEZ"), in title case (only a label's: a name in
    capitals elsewhere may be an acronym the model took for one, "GGRF")."""
    return name.title() if name.isupper() and len(name) > 3 else name


def cluster_people(doc, quotes, title: str | None = None, in_office=None,
                   gender_of=None, honorifics_of=None, country_of=None) -> list[PersonCluster]:
    """The article's people, each a cluster of its mentions; sets every speaker's name.

    ``in_office(name, word)``, when given, says whether the knowledge base has the person of
    that name in an office named by ``word`` on the article's date ("the President" in a 2023
    briefing that also names President Zelenskyy and President Trump). ``gender_of(name,
    role)``, when given, is the gender the knowledge base knows for the one person of that name
    ("President Trump", "Vice President Harris"), for a person the text gives none: "she" is
    then not President Trump. ``honorifics_of(name)``, when given, is the honorifics the
    knowledge base gives the one person of that full name ("Dr. Jill Biden": {"dr"}), so that
    "Dr. Biden" is she even where the article names her "First Lady Jill Biden". ``country_of(name)``,
    when given, is the country code of the one person of that full name the knowledge base knows
    ("Boris Johnson": "GBR"), for a description with a nationality ("the Turkish Prime Minister")
    to join only a person of that country."""
    people: list[PersonCluster] = []
    # position -> cluster, for "most recent" look-ups
    timeline: list[tuple[int, PersonCluster]] = []
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    full_names: dict[str, PersonCluster] = {}

    # 1. full names
    persons = [(e, toks) for e in persons if person_like(toks := _name_tokens(e))]  # their name words, once
    surnames = {toks[-1].lower_ for _, toks in persons if len(toks) >= 2}
    for ent, toks in persons:
        if len(toks) >= 2:
            key = _name_key(toks)
            cluster = full_names.get(key)
            if cluster is None:
                cluster = PersonCluster(_clean_name(toks), first=ent.start_char)
                full_names[key] = cluster
                people.append(cluster)
            cluster.add(toks[0].idx, toks[-1].idx + len(toks[-1]))
            cluster.honorifics |= _honorifics_before(toks[0])
            _take_role(cluster, *_role_words(ent))
            _take_gender(cluster, ent)
        # "Bill and Hillary Clinton", "Joe and Jill Biden": the given name before "and" is the
        # first of two people of that surname ("Mr. Clinton" is then Bill, not Hillary)
        first = _couple_given_name(ent, toks, surnames)
        if first is not None:
            key = f"{first.lower_} {toks[-1].lower_.rstrip('.')}"
            partner = full_names.get(key)
            if partner is None:
                partner = PersonCluster(f"{first.text} {toks[-1].text}", first=first.idx)
                full_names[key] = partner
                people.append(partner)
            partner.add(first.idx, first.idx + len(first))
    if honorifics_of is not None:
        for p in people:
            p.honorifics |= honorifics_of(p.name)
    # 2. partial names
    for ent, toks in persons:
        if len(toks) != 1 or not toks[0].text.strip():
            continue
        word = toks[0].lower_
        if word in STAGE_WORDS:
            continue  # "(Laughter.)", "(Applause.)": a transcript's stage direction, not a name
        role, affiliation = _role_words(ent)
        cluster = _by_partial(people, word, ent.start_char, role, _honorifics_before(toks[0]))
        if cluster is None and _placed(toks[0]):
            continue  # "an assault near Avdiivka": a place the model tagged as a name
        if cluster is None:
            cluster = PersonCluster(toks[0].text, first=ent.start_char)
            people.append(cluster)
        cluster.add(toks[0].idx, toks[0].idx + len(toks[0]))
        _take_role(cluster, role, affiliation)
        _take_gender(cluster, ent)
    asked: set[int] = set()

    def known_gender(p: PersonCluster) -> None:
        """The knowledge base's gender for a named person the text gives none (asked once)."""
        if gender_of is not None and p.gender is None and p.kind == "PERSON" and id(p) not in asked:
            asked.add(id(p))
            p.gender = gender_of(p.name, p.role)

    for p in people:
        known_gender(p)
        for s, _ in p.mentions:
            timeline.append((s, p))
    timeline.sort(key=lambda x: x[0])

    # 3-4. speakers: names, descriptions, pronouns, in text order
    last_speaker: list[tuple[int, PersonCluster]] = []
    named = _Mentions(people)
    unnamed: set[str] = set()
    anonymous: list[PersonCluster] = []  # speakers described, never named, in text order
    signed = _UNREAD  # the signatory's name words, read at the first "I" no title explains
    for q in sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.speaker.start):
        sp = q.speaker
        span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        low = " ".join(sp.text.lower().split())
        first_person = low in _FIRST_PERSON
        if sp.mention_type == "turn":
            cluster = None if _organisation_label(span, sp.text) else \
                _turn_person(sp.text, sp.start, people, title, text_of(doc))
            if cluster is not None:
                cluster.name = _name_case(cluster.name)
        elif not first_person and title and COLLECTIVE.match(low) and (said := _title_speaker(low, title)):
            # "The leaders discussed ..." in "Readout of President Biden's Call with Prime
            # Minister Ishiba of Japan": the two sides together (the actors stage makes the group)
            sp.name, sp.role = said
            continue
        elif first_person:
            # "I" in a statement or remarks is its author: "Statement from President Joe Biden
            # on ...", "Remarks by President Biden at ..."; in a letter, its signatory. So is
            # "we" there: the one voicing it ("We will continue to support ...")
            cluster = _author(title, people, sp.start) if title else None
            if cluster is None:
                if signed is _UNREAD:  # the signature is read once per article
                    signed = _signature(text_of(doc))
                cluster = _named_person(signed, people, sp.start) if signed else None
            if cluster is None and title and (said := _title_speaker(low, title)):
                sp.name, sp.role = said  # a joint text's parties, a Presidential Message's office
                continue
        else:
            cluster = _resolve(doc, span, people, timeline, last_speaker, named, unnamed,
                               in_office, country_of) if span is not None else None
        if cluster is None and span is not None and sp.mention_type != "turn":
            cluster = _unnamed_speaker(span, sp, anonymous, unnamed)
        if cluster is None:
            continue
        known_gender(cluster)  # a person a transcript label or a title named first
        cluster.add(sp.start, sp.end)
        if cluster.kind == "ANON":
            # someone described, never named ("May's spokesman said ... he said"): the pronoun
            # after them is them, not the person named before; no name to give
            last_speaker.append((sp.start, cluster))
            continue
        named.add(sp.start, sp.end, cluster)
        sp.name = cluster.name
        sp.role = cluster.role
        sp.affiliation = cluster.affiliation
        if not first_person:
            last_speaker.append((sp.start, cluster))  # "he" is never the one saying "I"
    people.extend(anonymous)
    # keep every speaker's name filled for quotes that inherited a speaker mention
    by_span = {m: p for p in people if p.kind != "ANON" for m in p.mentions}
    for q in quotes:
        if q.speaker is not None and q.speaker.name is None:
            p = by_span.get((q.speaker.start, q.speaker.end))
            if p is not None:
                q.speaker.name, q.speaker.role, q.speaker.affiliation = p.name, p.role, p.affiliation
    return people


# Words of transcripts' stage directions the model tags as names.
STAGE_WORDS = {"laughter", "laughs", "applause", "inaudible", "crosstalk", "cross-talk", "gesundheit",
               "pause", "sighs", "cheers", "booing", "boos"}


# Capitalized words that are titles, not names, in "Press Secretary Jen Psaki".
ROLE_WORDS = PERSON_NOUNS | {
    "press", "deputy", "principal", "vice", "national", "security", "homeland", "first", "second",
    "attorney", "state", "defense", "treasury", "foreign", "prime", "general", "senior", "special",
    "assistant", "coordinator", "communications", "council", "house", "white", "economic", "federal",
    "administrator", "surgeon", "lady", "gentleman", "acting", "chief", "staff", "of", "the", "for",
    "rear", "marshal",
}
# Military ranks, written out in transcripts' labels and titles ("Vice Admiral Peter Gautier",
# "Lieutenant General Daniel Hokanson") and taken into a name by the model ("Ensign Shultz" one
# PERSON): a rank is no part of the name ("Major", "Captain" are left out: surnames and given
# names too)
_MILITARY_RANKS = {"admiral", "lieutenant", "brigadier", "colonel", "commander", "sergeant", "ensign",
                   "corporal", "midshipman", "general"}
ROLE_WORDS |= _MILITARY_RANKS


TITLE_WORDS = ROLE_WORDS | HONORIFICS  # what stands before a name in "Agency Director Dr. Jane Doe"


# Transcript labels that name nobody by design ("SENIOR ADMINISTRATION OFFICIAL" on a background
# call, "MODERATOR"): never looked up, so a title's next words ("... Officials On ...") are no name.
ANONYMOUS_LABELS = {"official", "officials", "aide", "aides", "moderator", "operator", "participant",
                    "member", "staff", "staffer", "questioner", "audience", "reporter", "reporters"}


def label_words(label: str) -> list[str]:
    """A transcript label's words without honorifics and "the" ("MS. PSAKI" -> ["PSAKI"]);
    none for "Q" and for labels that name nobody."""
    words = [w for w in label.split() if w.rstrip(".").lower() not in HONORIFICS and w.lower() != "the"]
    if words == ["Q"] or words and words[-1].lower() in ANONYMOUS_LABELS:
        return []
    return words


def _organisation_label(span, label: str) -> bool:
    """A headline's source in title case that the model tags as an organisation or a place
    ("Denver Post: First lady touts ...", "Reuters: ..."): no person. A transcript's label in
    capitals ("MS. PSAKI") the small model often tags ORG, so it is never judged by that."""
    return (span is not None and not label.isupper() and len(span) > 0
            and all(t.ent_type_ in ("ORG", "GPE", "NORP", "FAC") for t in span if not t.is_punct))


def _turn_person(label: str, pos: int, people: list[PersonCluster], title: str | None,
                 text: str) -> PersonCluster | None:
    """A transcript label ("MS. PSAKI", "THE PRESIDENT") resolved to the person the document
    names in full, in its title or text ("Press Secretary Jen Psaki")."""
    words = label_words(label)
    if not words:
        return None
    key = words[-1].lower()
    found = _by_partial(people, key, pos)
    if found is not None and len(found.name.split()) > 1:
        return found
    # a label of a title and a surname ("PRESIDENT ARÉVALO") whose person the text names by
    # surname only takes the full name from the document's title ("... and President Bernardo
    # Arévalo of ..."), not from the text, where the surname may be a kinsman's ("Ensign Shultz"
    # beside "ADMIRAL SHULTZ")
    titled = found is not None and len(words) > 1
    # a label of a surname alone ("MR. SINGH") whose person the text names only so ("Mr.
    # Singh, can you ...") is the one the title names in full ("... and Deputy NEC Director
    # Daleep Singh"): that person takes the full name
    bare = found
    for source in ((title or "",) if titled else (title or "", text[:20000])):
        for m in re.finditer(r"\b" + re.escape(key.title()) + r"\b", source):
            seq = _title_run(source[max(0, m.start() - 120):m.end()])
            if not seq:
                continue
            name_words = []
            for w in reversed(seq):
                if w.lower().rstrip(".") in TITLE_WORDS:
                    break  # "Dr. Renee Wegrzyn": the name is "Renee Wegrzyn"
                name_words.insert(0, w)
            # "First Lady Dr. Jill Biden": honorifics are no name ("THE FIRST LADY" was "Lady Dr")
            name_words = _drop_honorifics(name_words)
            if len(name_words) > 2 and any(w.lower() in ("of", "for", "to") for w in seq):
                # what an office is of or for ends where the name begins: "Special Envoy for
                # Climate Amara Okafor" is Amara Okafor (a middle initial aside: "John F. Kirby")
                keep = 3 if re.fullmatch(r"[A-Z]\.", name_words[-2]) else 2
                name_words = name_words[-keep:]
            role_words = [w for w in seq[:len(seq) - len(name_words)] if w.lower().rstrip(".") not in HONORIFICS]
            surname = bool(name_words) and name_words[-1].lower() == key
            if {w.lower() for w in words} & ROLE_WORDS and not (surname and len(words) > 1) and \
                    {w.lower() for w in words} & _RANKS != {w.lower() for w in role_words} & _RANKS:
                continue  # "THE VICE PRESIDENT" is not "President Biden", nor the reverse
                # (a label of a name alone, "MR. SINGH", takes whatever role the name has; a
                # label of a title and the surname, "VICE ADMIRAL GAUTIER", is the one the title
                # names "Admiral Peter Gautier" whatever the rank)
            if not name_words:  # "THE PRESIDENT" -> "President Biden": the name follows the role
                after = re.match(r"\s+((?:[A-Z][\w'’.-]+\s?){1,4})", source[m.end():])
                if not after:
                    continue
                # a title capitalizes every word: "Vice President Harris Before Air Force Two";
                # an honorific before the name is none of it ("First Lady Dr. Jill Biden")
                words_after = _drop_honorifics(after.group(1).split())
                name_words = list(itertools.takewhile(lambda w: w.lower() not in _TITLE_CASE_STOPS,
                                                      (w.rstrip(".") for w in words_after[:3])))
                if not name_words:
                    continue
                role_words = seq
            name = " ".join(name_words)
            if bare is not None:
                if 1 < len(name_words) <= 3 and name_words[-1].lower() == key and \
                        all(len(w) == 2 or not w.endswith(".") for w in name_words[:-1]):
                    bare.name = name
                    bare.role = bare.role or " ".join(role_words) or None
                return bare
            same = [p for p in people if p.name == name]
            kin = [p for p in people if len(name_words) == 1 and p.surname == name.lower()]
            if same or len(kin) == 1:
                return (same or kin)[0]
            # several people of that surname ("Jill Biden", and "Obama Biden" of "Obama-Biden
            # staffers"): the label's name and title alone, for the actor stage to place
            cluster = PersonCluster(name, role=" ".join(role_words) or None, first=pos)
            people.append(cluster)
            return cluster
    return bare if bare is not None else _misspelt(key, people)


def _misspelt(key: str, people: list[PersonCluster]) -> PersonCluster | None:
    """The person named in full in the document whose surname a label's surname misspells
    (``MR. BUTTITGIEG`` of a briefing that names Pete Buttigieg): a transcript's typing slip.
    Conservative: a surname of five letters or more, the same first letter, a close spelling
    (rapidfuzz ratio of 88 or more: "Hanson" is no "Hansen") and one such person only."""
    if len(key) < 5:
        return None
    close = {id(p): p for p in people if p.kind == "PERSON" and len(p.name.split()) > 1
             and p.surname[:1] == key[:1] and fuzz.ratio(key, p.surname) >= 88}
    return next(iter(close.values())) if len(close) == 1 else None


# Words a title-case heading capitalizes that end the title before a name: "Remarks By The
# Deputy Press Secretary Amara Okafor" is the Deputy Press Secretary's, not "Remarks By The ...".
_RUN_GLUE = {"of", "for", "to", "the", "and", "by", "at", "on", "in", "with", "from", "as", "a", "&"}
# Offices an "of"/"for"/"to" phrase completes in a title ("Secretary Of The Treasury").
_RUN_OFFICES = {"secretary", "director", "administrator", "chair", "chairman", "chairwoman",
                "envoy", "ambassador", "coordinator", "adviser", "advisor", "counselor", "assistant",
                "commissioner", "chief", "minister", "president", "representative", "member",
                "surgeon", "attorney", "head", "speaker", "leader", "czar"}


def _title_run(run: str) -> list[str]:
    """The run of capitalized words of a title's line that ends at a label's key: a title and a
    name ("Deputy Press Secretary Amara Okafor"). It stops at a list's comma ("Harris, First Lady
    ...") and at function words ("Remarks By The ...", "Remarks by ..."), which carry on only as
    an office's of/for/to phrase, in capitals or not ("Deputy Secretary Of The Treasury Amara
    Okafor", "NSC Coordinator for Strategic Communications John Kirby")."""
    seq: list[str] = []
    pending: list[str] = []  # function words read, kept only if an office stands before them
    for w in reversed(re.split(r"\s+", run.split("\n")[-1].strip())):
        bare = w.strip(",;:")
        if bare.lower() in _RUN_GLUE and seq and not w.endswith((",", ";")):
            # "Coordinator for Strategic Communications John Kirby": lower-case or capitalized
            pending.insert(0, bare)
            if len(pending) > 2:
                break
            continue
        if not w or not w[0].isupper() or (seq and w.endswith((",", ";"))):
            break  # a list's previous item ends at its comma ("Harris, First Lady ...")
        if pending:
            if not (bare.lower() in _RUN_OFFICES and pending[0].lower() in ("of", "for", "to")
                    and all(p.lower() == "the" for p in pending[1:])):
                break
            seq[:0] = pending
            pending = []
        seq.insert(0, bare)
    return seq


def _drop_honorifics(words: list[str]) -> list[str]:
    """The words from the first that is no honorific on ("Dr. Jill Biden" -> "Jill Biden")."""
    return list(itertools.dropwhile(lambda w: w.lower().rstrip(".") in HONORIFICS, words))


# Words a title capitalizes that end a name standing after a role ("... Vice President Harris
# Before Air Force Two Departure", "... President Biden On the Economy").
_TITLE_CASE_STOPS = {
    "before", "aboard", "after", "at", "in", "on", "with", "to", "for", "and", "the", "of",
    "during", "from", "upon", "ahead", "following", "en", "via", "into", "over", "about",
    "regarding", "as", "by", "&", "departure", "arrival", "remarks", "press", "gaggle", "briefing",
    "call", "meeting", "event", "reception", "roundtable", "interview", "statement", "announces",
    "delivers", "hosts", "signs", "visits", "travels", "joins", "meets", "speaks",
}


# Titles of documents in one person's voice, and the word before their author.
_KINDS = r"(?:Statement|Remarks|Op-Ed|Letter|Message|Address|Testimony|Speech|Interview)s?"
_AUTHORED = (
    # "Statement from President Joe Biden on ...", "Remarks as Prepared for Delivery by ..."
    re.compile(r"\b" + _KINDS + r"(?:\s+as\s+Prepared\s+for\s+Delivery)?\s+(?:by|from)\s+(.+)", re.I),
    # "Vice President Kamala Harris Statement on the Passing of ..."
    re.compile(r"^(.+?)\s+" + _KINDS + r"\b"),
)


_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# A joint text of a group's leaders: "G7 Leaders' Statement on ...", "2023 APEC Leaders' Golden
# Gate Declaration", "Quad Leaders' Joint Statement"; the group is one word (a name or an acronym).
_JOINT = re.compile(r"^(?:\d{4}\s+)?(?P<group>[A-Z][\w-]*[A-Z0-9][\w-]*|[A-Z][a-z]+)\s+Leaders[’']?\s+"
                    r"(?:[A-Z][\w-]*\s+){0,3}(?:Statement|Declaration|Communiqu[ée])\b")


# Titles of texts in the voice of the President, who is not named in them.
_PRESIDENTIAL = re.compile(r"(?:Presidential\s+(?:Message|Proclamation|Statement)|(?:A\s+)?Message\s+from\s+"
                           r"the\s+President)\b")


# A joint text of named parties: "United States-Japan Joint Leaders' Statement", "U.S.-ROK
# Leaders' Joint Statement", "U.S.-Mexico Joint Declaration", "Joint Statement from the Leaders of
# the United States and the Republic of Indonesia".
_PARTY = r"(?:the\s+)?[A-Z][\w.]*(?:\s+(?:of\s+)?[A-Z][\w.]*){0,3}"
_JOINT_PARTIES = (
    re.compile(rf"^(?P<parties>{_PARTY}(?:\s*[-–]\s*{_PARTY}){{1,2}})\s+(?:Leaders[’']?\s+)?Joint\s+"
               r"(?:Leaders[’']?\s+)?(?:Statement|Declaration|Communiqu[ée])\b"),
    re.compile(rf"^Joint\s+(?:Statement|Declaration)\s+(?:from\s+the\s+Leaders\s+of|between|of|by)\s+"
               rf"(?P<parties>{_PARTY}(?:\s+and\s+{_PARTY}){{1,2}})\s*(?:$|[,:;]|\s+(?:on|to|in|at|for|regarding)\b)"),
    # (a third "and" may be a country's own: "the United States and Bosnia and Herzegovina",
    # joined again by the actors stage)
)


def _joint_parties(title: str) -> list[str] | None:
    """The two or three parties a joint text's title names ("United States-Japan ...": ["United
    States", "Japan"]); None for any other title."""
    t = title.strip()
    for rx in _JOINT_PARTIES:
        m = rx.match(t)
        if m:
            parts = _parties(re.split(r"\s*[-–]\s*|\s+and\s+", m.group("parties")))
            return parts if 2 <= len(parts) <= 3 else None
    return None


def _parties(names: list[str]) -> list[str]:
    return [re.sub(r"^the\s+", "", n.strip()) for n in names if n.strip()]


# Mentions of the parties of a joint text or a meeting together.
COLLECTIVE = re.compile(r"(?:we|us|they|(?:the|both)(?: two)? leaders)$")
# How a title's parties are joined in a speaker's name, for the actors stage to part them again.
PARTIES_JOINED = " and "
# A readout of a leader's call or meeting with another: "Readout of President Biden's Call with
# Prime Minister Ishiba of Japan", "... Meeting with Chancellor Olaf Scholz of Germany".
_READOUT = re.compile(r"^Readout\s+of\s+(?P<a>.+?)[’']s?\s+(?:(?:Phone|Video|Virtual|Bilateral)\s+)?"
                      r"(?i:call|meeting|conversation)\s+with\s+(?P<b>.+?)"
                      r"(?:\s+(?:on|to|regarding|about|at|in|during|ahead)\b.*)?$")


@dataclass(frozen=True)
class _TitleVoice:
    """Who a document's title says is speaking when no author is named: a group whose leaders
    speak (``group``), a joint text's parties (``joint``), a readout's two sides (``readout``),
    the President (``presidential``)."""
    group: str | None
    joint: tuple[str, ...] | None
    readout: tuple[str, ...] | None
    presidential: bool

    @property
    def sides(self) -> tuple[str, ...] | None:
        """A meeting's sides: a readout's two, else the joint parties."""
        return self.readout or self.joint


@lru_cache(maxsize=64)
def _title_voice(title: str) -> _TitleVoice:
    """Read once per title, however many mentions ask."""
    m = _READOUT.match(" ".join(title.split()))
    return _TitleVoice(group=(g.group("group") if (g := _JOINT.match(title.strip())) else None),
                       joint=tuple(parties) if (parties := _joint_parties(title)) else None,
                       readout=tuple(_parties([m.group("a"), m.group("b")])) if m else None,
                       presidential=bool(_PRESIDENTIAL.match(title.strip())))


def _title_speaker(low: str, title: str) -> tuple[str | None, str | None] | None:
    """(name, role) a title gives a first-person or collective mention ``low`` that no author or
    signatory explains: "we" of "G7 Leaders' Statement" is ("G7", None); of "United
    States-Japan Joint Leaders' Statement" ("United States and Japan", None); "the leaders" of a
    readout the call's two sides; "I" or "we" of an unsigned "Presidential Message" (None,
    "President"), whoever held the office that day; "they" of a readout its two sides. None when
    the title says nothing."""
    voice = _title_voice(title)
    if low == "they":
        # "They discussed ..." in a readout of a call or meeting: its two sides (elsewhere
        # "they" may be anyone)
        return (PARTIES_JOINED.join(voice.readout), None) if voice.readout else None
    if low in ("we", "us") and voice.group:
        return voice.group, None
    parties = voice.joint if low in _FIRST_PERSON else voice.sides
    if low not in ("i", "me") and parties:
        return PARTIES_JOINED.join(parties), None
    if low in _FIRST_PERSON and voice.presidential:
        return None, "President"
    return None


def _author(title: str, people: list[PersonCluster], pos: int) -> PersonCluster | None:
    """The one person a document's title says is speaking ("Statement from President Joe Biden
    on the Passing of ..."), as a cluster; None for a joint or unnamed author."""
    if re.match(r"\s*Joint\b", title):
        return None  # "Joint Statement from the Leaders of ...": several authors
    m = _AUTHORED[0].search(title)
    before = m is None  # the second form: the author before the kind of text
    m = m or _AUTHORED[1].search(title)
    if not m:
        return None
    words = m.group(1).split()
    while words and (words[0].lower().rstrip(".,") in TITLE_WORDS or words[0].isupper() and len(words) > 1
                     and words[1].lower().rstrip(".,") in TITLE_WORDS):
        words = words[1:]  # "President", "Press Secretary", "Dr.", "NSC Spokesperson"
    if before and (len(words) == len(m.group(1).split()) or len(words) < 2):
        return None  # "Presidential Message on ...": a title and a full name, or no author
    name = list(itertools.takewhile(lambda w: w[:1].isupper() and w.lower().rstrip(",") not in _TITLE_CASE_STOPS,
                                    words))
    rest = words[len(name):]
    if not name or len(name) > 4 or (rest and rest[0].lower() in ("and", "&")):
        return None  # no name, or two authors: "Remarks by President Biden and Prime Minister ..."
    role = " ".join(w for w in m.group(1).split()[:len(m.group(1).split()) - len(words)]) or None
    return _named_person([w.rstrip(",") for w in name], people, pos, role)


# A signed text's signature: the name under a letter's close ("Sincerely,\n\n   JOSEPH R. BIDEN
# JR."), or a name in capitals alone on the last line of a proclamation, order, memorandum or
# message ("... forty-sixth.\n\nJOSEPH R. BIDEN JR.", before "THE WHITE HOUSE,\nMay 6, 2021."
# in messages to Congress). Web copies indent both with non-breaking spaces.
_H = r"[^\S\n]"  # horizontal white space
_SIGNATURES = (
    re.compile(r"(?:^|\n)" + _H + r"*(?i:Sincerely(?:" + _H + r"+yours)?|Respectfully(?:" + _H +
               r"+yours)?|Yours" + _H + r"+(?:sincerely|truly|faithfully)|Very" + _H + r"+truly" + _H +
               r"+yours|(?:With" + _H + r"+)?(?:warm|best|kind)?" + _H + r"*regards)," + _H +
               r"*\n\s*(?P<name>[A-Z][\w.'’-]*(?:" + _H + r"+[A-Z][\w.'’-]*){1,4})" + _H + r"*(?:\n|$)"),
    re.compile(r"\n\s*(?P<name>[A-Z][A-Z.'’-]*(?:" + _H + r"+[A-Z][A-Z.'’-]*){1,4})" + _H +
               r"*(?:\n\s*THE" + _H + r"+WHITE" + _H + r"+HOUSE,?\s*\n[^\n]{0,40})?\s*$"),
)
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# capitals closing a transcript or a speech, not a signature
_NOT_SIGNATURES = {"the", "end", "god", "bless", "thank", "you", "applause", "laughter", "america",
                   "and", "of", "all", "may", "us"}
_SIGNATURE_TAIL = 1500  # characters: a signature closes the text


_UNREAD = object()


def _signature(text: str) -> list[str] | None:
    """The name words of the person who signed a letter or a proclamation ("Sincerely, JOSEPH R.
    BIDEN JR."; "JOSEPH R. BIDEN JR." alone at the end): ["Joseph", "R.", "Biden"]; None where
    the text is not signed."""
    tail = max(0, len(text) - _SIGNATURE_TAIL)
    m = None
    for pattern in _SIGNATURES:
        for m in pattern.finditer(text, tail):
            pass  # the last close is the letter's
        if m is not None:
            break
    if m is None:
        return None
    words = m.group("name").split()
    if all(w.isupper() or not w[:1].isalpha() for w in words):
        words = [w.title() if len(w.rstrip(".")) > 1 else w for w in words]  # "JOSEPH R. BIDEN JR."
    while words and words[-1].lower().rstrip(".,") in _NAME_SUFFIXES:
        words = words[:-1]
    if len(words) < 2 or any(w.lower().rstrip(".,") in TITLE_WORDS or
                             w.lower().rstrip(".,!") in _NOT_SIGNATURES for w in words):
        return None  # "Best regards,\nThe Office of ...", "GOD BLESS AMERICA": no one's name
    return words


def _named_person(name: list[str], people: list[PersonCluster], pos: int,
                  role: str | None = None) -> PersonCluster:
    """The article's person of that name (the same full name, given name and surname, or a lone
    surname), else a new person first met at ``pos``."""
    full = " ".join(name)
    for p in people:
        if p.name == full or (len(name) == 1 and p.surname == full.lower()) or \
                (len(name) >= 2 and p.surname == name[-1].lower() and p.given == name[0].lower()):
            return p
    cluster = PersonCluster(full, role=role, first=pos)
    cluster.gender = next((g for w in (role or "").lower().split() if (g := _GENDERED.get(w.rstrip(".")))), None)
    people.append(cluster)
    return cluster


def _honorifics_before(tok) -> set[str]:
    """The honorifics right before a name's first word ("First Lady Dr. Jill Biden": dr, lady)."""
    doc, i, out = tok.doc, tok.i - 1, set()
    while i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
        out.add(doc[i].lower_.rstrip("."))
        i -= 1
    return out


def _by_partial(people: list[PersonCluster], word: str, pos: int, title: str | None = None,
                honorifics: set[str] = frozenset()) -> PersonCluster | None:
    """The person a one-word name ("Lavrov", "President Biden") belongs to. A titled surname
    joins a full name only where the title fits: another role, or a full name first given
    later without one, may be a relative ("President Biden" in a briefing whose only full name
    is "Hunter Biden"). An honorific the article gives one of several namesakes in full is
    theirs: "Dr. Biden" after "First Lady Dr. Jill Biden" and "President Joe Biden" is Jill
    Biden, not the one named last."""
    def fits(p: PersonCluster, earlier: bool) -> bool:
        if title is None:
            return True
        if p.role is None:
            return earlier
        return bool(set(title.lower().split()) & set(p.role.lower().split()) - _ROLE_GLUE)

    # a title goes with a surname: "President Trump" is no "Trump Foster" (given name "Trump")
    titled = title is not None and bool(set(title.lower().split()) & ROLE_WORDS - _ROLE_GLUE)
    named = [p for p in people if (word == p.surname or not titled and word == p.given)
             and len(p.name.split()) > 1]
    # "Mrs. Clinton" is not the article's Bill Clinton: a gendered honorific or title joins only
    # a full name of that gender (the text's, else the given name's), when there is one
    sex = next((g for w in (*honorifics, *(title or "").lower().split()) if (g := _GENDERED.get(w.rstrip(".")))), None)
    if sex is not None:
        named = [p for p in named if (p.gender or gender_of_given_name(p.given, strong_only=True)) in (None, sex)]
    carriers = [p for p in named if p.honorifics & honorifics]
    if carriers:
        named = carriers
    before = [p for p in named if p.first <= pos and fits(p, True)]
    if before:
        return max(before, key=lambda p: max(s for s, _ in p.mentions if s <= pos) if any(s <= pos for s, _ in p.mentions) else p.first)
    after = [p for p in named if fits(p, False)]
    if len(after) == 1:
        return after[0]
    # a bare name joins the same bare name unless their titles share no word ("First Lady Dr.
    # Biden" is not the "President Biden" of the same article)
    same = [p for p in people if p.name.lower() == word and fits(p, True)]
    return same[0] if same else None


# Words of a title that say nothing of which office it is.
_ROLE_GLUE = {"of", "the", "for", "and", "former", "acting", "deputy", "vice"}


# What the words before a name say of the person's gender (for "he"/"she" to agree with).
_GENDERED = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
             "congressman": "m", "spokesman": "m", "chairman": "m", "businessman": "m",
             "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f",
             "princess": "f", "congresswoman": "f", "spokeswoman": "f", "chairwoman": "f",
             "businesswoman": "f", "sister": "f", "mother": "f"}


# Prepositions of place: a lone capitalized word after one is where, not who.
_WHERE = {"near", "in", "into", "inside", "outside", "across", "around", "toward", "towards",
          "throughout", "within", "beyond", "nearby"}


def _placed(tok) -> bool:
    """A one-word name the text puts somewhere ("near Avdiivka", "in Kherson"), no title before it."""
    return (tok.dep_ == "pobj" and tok.head.lower_ in _WHERE and tok.head.head.i != tok.i
            and not any(c.dep_ in ("compound", "amod", "poss") for c in children(tok)))


def _take_gender(cluster: PersonCluster, ent) -> None:
    """Gender from an honorific or a gendered title right before the name ("Mr. Berger",
    "Congresswoman Jane Doe"); a name alone says nothing."""
    if cluster.gender is not None:
        return
    doc = ent.doc
    for i in (ent.start, ent.start - 1, ent.start - 2):
        if 0 <= i < len(doc):
            g = _GENDERED.get(doc[i].lower_.rstrip("."))
            if g is not None:
                cluster.gender = g
                return
            if i < ent.start and doc[i].pos_ not in ("PROPN", "NOUN", "PUNCT"):
                return


def _take_role(cluster: PersonCluster, role: str | None, aff: str | None) -> None:
    """The role and affiliation a mention gives (``_role_words``), where the person has none yet."""
    if role and cluster.role is None:
        cluster.role = " ".join(role.split())  # "Admiral\n Kirby" across a line break
    if aff and cluster.affiliation is None:
        cluster.affiliation = aff


def _role_words(ent) -> tuple[str | None, str | None]:
    """The role and the affiliation the words before a name (or an apposition after it) give."""
    doc = ent.doc
    root = ent.root
    pre = []
    inside = set(range(ent.start, ent.end))
    i = ent.start - 1
    if root.dep_ == "appos" and root.head.i == i and (
            doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() or doc[i].lemma_.lower() in PERSON_NOUNS):
        # "Senate Majority Leader Chuck Schumer on Wednesday said": the name hangs on the title
        pre.append(doc[i])
        inside.add(i)
        i -= 1
    while i >= 0 and doc[i].head.i in inside:
        if doc[i].pos_ in ("DET", "PUNCT", "ADP", "VERB", "AUX") or doc[i].dep_ in ("poss", "case"):
            break
        pre.append(doc[i])
        inside.add(i)
        i -= 1
    pre.reverse()
    # a title that is also an honorific stays in the role after another title word, inside the
    # entity or before it: "First Lady Melania Trump" (tagged "Lady Melania Trump") is "the First Lady"
    j = ent.start
    while j < ent.end - 1 and doc[j].lower_.rstrip(".") in HONORIFICS and not (
            j == ent.start and lady_is_given_name([t for t in ent if not t.is_space])):
        pre.append(doc[j])
        j += 1
    of_title = _of_title_start(doc, ent.start)
    if of_title is not None and (not pre or of_title < pre[0].i):
        # "Secretary of State Antony Blinken", "Chair of the Federal Reserve Jerome Powell": the
        # office and what it is of are one role, kept whole (the parse stops at "of")
        pre = [t for t in doc[of_title:ent.start]] + [t for t in pre if t.i >= ent.start]
    words = [t for t in pre if not t.is_space and (t.lower_.rstrip(".") not in HONORIFICS or (
        t.lower_ in ROLE_WORDS and t.i > 0 and doc[t.i - 1].lower_ in ROLE_WORDS))]  # not "Lady Gaga"
    appos = next((c for c in children(root) if c.dep_ == "appos" and c.i > root.i), None)
    if appos is not None and root.text.isupper() and any(t.text == ":" for t in doc[root.i + 1:appos.left_edge.i]):
        appos = None  # "MR. KIRBY:  Thanks, Karine.": a transcript turn's first words, no role
    if not words and appos is not None and appos.pos_ in ("NOUN", "PROPN"):
        words = [t for t in appos.subtree if t.i <= appos.i and t.pos_ not in ("DET", "PUNCT", "PART")]
    if not words:
        return None, None
    if of_title is not None and words and words[0].i >= of_title:
        # the country before the office is the affiliation ("U.S. Secretary of State"), what
        # follows "of" part of the role
        office = next(t for t in words if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of")
        aff = [t for t in words if t.i < office.i and t.ent_type_ in ("NORP", "GPE")]
    else:
        aff = [t for t in words if t.ent_type_ in ("NORP", "GPE", "ORG") or t.dep_ == "poss"]
    role = _role_tokens([t for t in words if t not in aff], ent)
    return (" ".join(t.text for t in role) or None), (" ".join(t.text for t in aff) or None)


# What a role neither starts nor ends with ("And", "specifically", "[", "$ 1B investment")
_ROLE_EDGE_SKIP = {"CCONJ", "SCONJ", "ADV", "INTJ", "PRON", "DET", "NUM", "SYM", "PUNCT", "SPACE", "X", "PART"}


def _ends_at(doc, i: int, start: int) -> bool:
    """Whether the entity holding token ``i`` ends right before token ``start``."""
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i + 1 == start


def _role_tokens(toks: list, ent) -> list:
    """The words of a role, or none: no space tokens, no conjunction, adverb or number at
    either end, no other person's name ("Member Jorge Ramirez" of a list), a noun in it, and
    not "vice" (a nomination's "vice Jennifer D. Nordquist" is "replacing her") nor a stage
    direction ("Laughter")."""
    toks = [t for t in toks if not t.is_space]
    if toks and toks[0].lower_ == "vice" and (len(toks) == 1 or toks[1].ent_type_ == "PERSON"):
        return []
    doc = ent.doc
    # another full name, not "Ranking" of "Ranking Member" nor "Pro Tempore" right before the
    # name ("President Pro Tempore Toni Atkins", tagged as two names)
    other = next((k for k, t in enumerate(toks) if t.ent_type_ == "PERSON"
                  and not ent.start <= t.i < ent.end and (
                      t.ent_iob_ == "I" or t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")
                  and not _ends_at(doc, t.i, ent.start)), None)
    if other is not None:
        toks = toks[:other]
    while toks and toks[0].pos_ in _ROLE_EDGE_SKIP:
        toks = toks[1:]
    while toks and toks[-1].pos_ in _ROLE_EDGE_SKIP:
        toks = toks[:-1]
    if not any(t.pos_ in ("NOUN", "PROPN") and t.lower_ not in STAGE_WORDS for t in toks):
        return []
    return toks


# Offices an "of"-phrase completes: "Secretary of State", "Chair of the Federal Reserve".
_OF_OFFICES = PERSON_NOUNS | {"administrator", "commissioner", "chair", "speaker", "attorney", "member",
                              "surgeon", "coroner", "sheriff", "administrator", "justice", "dean"}


def _of_title_start(doc, start: int) -> int | None:
    """Where a title with an "of"-phrase ending right before the name at ``start`` begins
    ("U.S. Secretary of Homeland Security Alejandro Mayorkas" -> "U.S."), else None: capitalized
    words (and "the") after "of", a capitalized office word before it, and title words or a
    country before that."""
    j, n = start - 1, 0
    while j >= 0 and n < 6 and (doc[j].lower_ == "the" and n > 0 or (
            doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "NOUN", "ADJ"))):
        j, n = j - 1, n + 1
    if n == 0 or j < 1 or doc[j].lower_ != "of" or doc[j + 1].lower_ == "the" and n == 1:
        return None
    office = doc[j - 1]
    if office.lower_ not in _OF_OFFICES or not office.text[:1].isupper():
        return None
    k = i = j - 1
    while i > 0:  # line breaks aside: "Under\nSecretary of Education James Kvaal"
        i -= 1
        if doc[i].is_space:
            continue
        if not doc[i].text[:1].isupper() or not (
                doc[i].lower_.rstrip(".") in ROLE_WORDS | _RANKS or doc[i].ent_type_ in ("GPE", "NORP")):
            break
        k = i
    return k


def _unnamed_speaker(span, sp, anonymous: list[PersonCluster], unnamed: set[str]) -> PersonCluster | None:
    """A speaker described but never named, as an ANON cluster a later pronoun can join: a
    singular description of a person ("A spokeswoman for the company", "May's spokesman", "a
    Japanese official"); "the spokeswoman" after "a spokeswoman" is that one again."""
    head = span.root
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in PERSON_NOUNS:
        return None
    lemma = head.lemma_.lower()
    if _introduces_someone(span):
        unnamed.add(lemma)
    elif lemma in unnamed and any(t.dep_ == "det" and t.lower_ == "the" for t in children(head)):
        again = next((p for p in reversed(anonymous) if p.described.head == lemma), None)
        if again is not None:
            return again
    cluster = PersonCluster(sp.text, kind="ANON", first=sp.start, gender=_GENDERED.get(lemma),
                            described=_Described(sp, lemma))
    anonymous.append(cluster)
    return cluster


class _Described:
    """The speaker mention an ANON cluster starts from, and its head word."""

    def __init__(self, sp, head: str) -> None:
        self.speaker, self.head = sp, head


def _introduces_someone(span) -> bool:
    """"A spokeswoman for the department": an indefinite description of one person."""
    head = span.root
    return (head.tag_ == "NN" and head.lemma_.lower() in PERSON_NOUNS
            and any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in children(head)))


def _formal_title(toks, head) -> bool:
    """A bare capitalized title, "the President" / "The Secretary": a determiner and the title
    alone, capitalized as formal writing does (not a heading's capitals)."""
    return (len(toks) == 2 and toks[0].lower_ == "the" and toks[1].i == head.i
            and head.text[:1].isupper() and not head.text.isupper())


def _most_recent(timeline, pos: int, pred) -> PersonCluster | None:
    i = bisect.bisect_left(timeline, pos, key=lambda x: x[0])
    for j in range(i - 1, -1, -1):
        if pred(timeline[j][1]):
            return timeline[j][1]
    return None


_SUBJECTS = ("nsubj", "nsubjpass")


def _name_head(doc, start: int):
    """The last token of the name that starts at char ``start`` ("Biden" of "President Biden's")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _most_recent_salient(doc, timeline, pos: int, pred) -> PersonCluster | None:
    """The most recent person a pronoun can be, passing over a possessor inside a clause whose
    subject is another such person: "Mr. Sullivan reiterated President Biden's concerns. He
    ..." is Sullivan, the subject, not the possessor Biden."""
    i = bisect.bisect_left(timeline, pos, key=lambda x: x[0])
    for j in range(i - 1, -1, -1):
        s, p = timeline[j]
        if not pred(p):
            continue
        tok = _name_head(doc, s)
        if tok is not None and tok.dep_ == "poss" and tok.head.dep_ not in _SUBJECTS:
            sent = sentence_of(tok)
            verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            for k in range(j - 1, -1, -1):
                s2, p2 = timeline[k]
                if s2 < sent.start_char:
                    break
                t2 = _name_head(doc, s2)
                if p2 is not p and pred(p2) and t2 is not None and t2.dep_ in _SUBJECTS \
                        and verb is not None and t2.head.i == verb.i:
                    return p2  # the subject of the verb whose object the possessor is in
        return p
    return None


def _last_before(person: PersonCluster, pos: int) -> int:
    """Where the person's last mention before ``pos`` starts (-1 for none); mentions are sorted."""
    i = bisect.bisect_left(person.mentions, (pos, -1)) - 1
    return person.mentions[i][0] if i >= 0 else -1


class _Mentions:
    """The people's mentions by position, for "which person has a mention overlapping this
    span" asked for every speaker, by bisection."""

    def __init__(self, people: list[PersonCluster]) -> None:
        self.people = people
        self.order = {id(p): i for i, p in enumerate(people)}
        rows = sorted((s, e, self.order[id(p)], p) for p in people for s, e in p.mentions)
        self.starts = [r[0] for r in rows]
        self.rows = [(r[1], r[2], r[3]) for r in rows]
        self.longest = max((e - s for s, e, *_ in rows), default=0)

    def add(self, start: int, end: int, person: PersonCluster) -> None:
        if id(person) not in self.order:  # a person the transcript labels added
            self.order = {id(p): i for i, p in enumerate(self.people)}
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.rows.insert(i, (end, self.order[id(person)], person))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> PersonCluster | None:
        """The person named last in [start, end) — the head of the phrase: "Biden's economic
        agenda Treasury Secretary Janet Yellen" is Yellen — the first in ``people`` order on
        a tie."""
        best = None
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.starts[i] >= start - self.longest:
            e, rank, person = self.rows[i]
            if e > start and (best is None or (min(e, end), -rank) > best[0]):
                best = ((min(e, end), -rank), person)
            i -= 1
        return best[1] if best else None


# Someone of someone's ("Lavrov's spokesman", "Biden's son", "her friend").
_RELATED_PEOPLE = PERSON_NOUNS | set("""
wife husband son daughter brother sister mother father child children family friend partner
colleague deputy assistant nephew niece cousin uncle aunt grandson granddaughter widow
""".split())


def possessor_only(span) -> bool:
    """The mention's head is a person noun and every name in it belongs to its possessor:
    "Lavrov's spokesman", "Putin's press secretary" (someone else, not named); not "President
    Biden's plan", which is his."""
    root = span.root
    poss = next((c for c in children(root) if c.dep_ == "poss"), None)
    if root.pos_ != "NOUN" or poss is None or root.lemma_.lower() not in _RELATED_PEOPLE:
        return False
    owned = {t.i for t in poss.subtree}
    return all(t.i in owned for t in span if t.ent_type_ == "PERSON")


def _resolve(doc, span, people, timeline, last_speaker, named: _Mentions,
             unnamed: set[str], in_office=None, country_of=None) -> PersonCluster | None:
    """The person a speaker mention is; ``unnamed``: heads of descriptions before it that
    introduced someone not named ("a spokeswoman")."""
    pos = span.start_char
    # a name inside the mention, unless only as the possessor of its head ("Lavrov's spokesman")
    p = named.overlapping(span.start_char, span.end_char)
    if p is not None and not possessor_only(span):
        return p
    toks = [t for t in span if not t.is_punct]
    if not toks:
        return None
    head = span.root
    appos = next((c for c in children(head) if c.dep_ == "appos" and c.i > head.i), None)
    if appos is None and head.pos_ == "NOUN":
        # "Chinese ambassador to South Korea, Xing Haiming, said", "the lawyer for Mr. Smith,
        # Joe Tacopina, said": the name closing the subject in commas is its appositive, where
        # the parse hangs it on the prepositional phrase's noun
        appos = next((t for t in head.subtree if t.i > head.i and t.dep_ == "appos"
                      and t.ent_type_ == "PERSON" and t.head.dep_ == "pobj"
                      and doc[t.left_edge.i - 1].text == ","
                      and t.right_edge.i + 1 < len(doc) and doc[t.right_edge.i + 1].text == ","), None)
    if appos is not None and head.pos_ == "NOUN":  # "His Turkish counterpart, Mevlut Cavusoglu, said"
        p = named.overlapping(doc[appos.left_edge.i].idx, appos.idx + len(appos))
        if p is not None:
            return p
    low = head.lower_
    if len(toks) == 1 and low in ("who", "which", "that") and head.head.dep_ == "relcl":
        # "Lavrov, who said ..." -> the noun the relative clause hangs on
        ante = head.head.head
        ante_span = doc[ante.left_edge.i:ante.i + 1]
        if ante_span.start_char != span.start_char:
            return _resolve(doc, ante_span, people, timeline, last_speaker, named, unnamed, in_office,
                            country_of)
        return None
    if len(toks) == 1 and low in _THIRD_PERSON:
        g = _THIRD_PERSON[low]
        sp = _most_recent(last_speaker, pos, lambda p: p.kind in ("PERSON", "ANON") and p.gender in (None, g))
        men = _most_recent_salient(doc, timeline, pos, lambda p: p.gender in (None, g))
        # the latest of the last speaker and the last person named
        cands = [c for c in (sp, men) if c is not None]
        if not cands:
            return None
        return max(cands, key=lambda c: _last_before(c, pos))
    if head.pos_ == "PRON":
        return None
    # a proper name spaCy did not tag as PERSON: match by surname
    if head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "GPE", "NORP", "LOC") and low not in ABBREVIATIONS:
        p = _by_partial(people, low, pos)
        if p is not None:
            return p
    # definite descriptions: "the Russian FM", "the minister", "Russian FM"
    det = next((t for t in span if t.dep_ == "det"), None)
    if det is not None and det.lower_ not in ("the", "this", "that"):
        return None  # "a senior official" is someone else
    if head.tag_ in ("NNS", "NNPS"):
        return None
    if any(c.dep_ == "poss" for c in children(head)):
        return None  # "her spokesman", "Putin's aide": someone else's, and not named
    lemma = head.lemma_.lower()
    if lemma in unnamed:
        return None  # "A spokeswoman said ... the spokeswoman said": that one, still unnamed
    title = _Title(head, ABBREVIATIONS.get(lemma, lemma), country_of)

    # an office or a person's role, not a word of its "of"-phrase ("the House" is no "Speaker of
    # the House") nor a qualifier of it ("White House Chief of Staff")
    office = lemma in _OF_OFFICES or lemma in ABBREVIATIONS or lemma in ("lady", "pope", "whip")

    # "the vice president of the state's restaurant association": a description naming its own
    # organisation is someone of that organisation, not whoever spoke last
    own = next((g for c in children(head) if c.dep_ == "prep" and c.i > head.i and c.lower_ in ("of", "for", "at")
                for g in children(c) if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
                and g.ent_type_ not in ("GPE", "NORP")), None)
    own = own.lemma_.lower() if own is not None else None

    # "the spokeswoman" is no man the text or the knowledge base knows, "the chairman" no woman
    sex = _GENDERED.get(lemma)

    def of_own(p: PersonCluster) -> bool:
        return ((own is None or own in f"{p.role or ''} {p.affiliation or ''}".lower().split())
                and (sex is None or p.gender in (None, sex)))

    def has_role(p: PersonCluster) -> bool:
        return office and p.role is not None and title.fits(p) and of_own(p)

    if _formal_title(toks, head):
        # "The President underscored ...": formal writing capitalizes a bare title for the
        # office holder it is written about, the one it introduced first ("President Biden
        # spoke today with President Duque ... The President"), not the one named last.
        cands = sorted((p for p in people if p.first < pos and has_role(p)), key=lambda p: p.first)
        if in_office is not None and len(cands) > 1:
            # the one holding the office on the day, one of the country's own (no affiliation
            # given) first: not "President Trump" of the last administration, not "Ukraine's
            # President Zelenskyy" in a White House briefing
            holding = [p for p in cands if in_office(p.name, title.head)]
            cands = sorted(holding, key=lambda p: p.affiliation is not None) or cands
        if cands:
            return cands[0]
    match = _most_recent(timeline, pos, has_role)
    if match is not None:
        return match
    if lemma in _OFFICES and head.text[:1].isupper() and head.i != head.sent.start:
        return None  # "the Attorney General" in formal writing is that office, whoever spoke last
    if lemma in PERSON_NOUNS:
        return (_most_recent(last_speaker, pos, lambda p: p.kind == "PERSON" and title.may_be(p) and of_own(p))
                or _most_recent(timeline, pos, lambda p: title.may_be(p) and of_own(p)))
    return None


# Words that make a title another office: the Vice President is not the President.
_RANKS = {"vice", "deputy", "assistant", "under", "associate"}
# Heads naming an office, which a person known by another office does not hold: "the president"
# is not Chancellor Merkel (a "diplomat" or "leader" may be anyone with a role).
_OFFICES = {"president", "chancellor", "minister", "secretary", "senator", "governor", "mayor",
            "king", "queen", "premier", "ambassador", "spokesman", "spokeswoman", "spokesperson",
            "congressman", "congresswoman", "commissioner", "chairman", "chairwoman", "judge",
            "prosecutor", "attorney", "general", "director", "administrator", "envoy", "pope"}


# Words that make a title another job, not a kind of the office: a press secretary is no
# Secretary, an attorney general no General.
_OTHER_JOB = {"press", "attorney", "surgeon", "solicitor", "inspector"}


class _Title:
    """What a description ("the Turkish foreign minister", "the President") says of the office:
    its head word, the words that narrow it, and the country it names."""

    def __init__(self, head, expansion: str, country_of=None) -> None:
        self.country_of = country_of
        words = expansion.split()
        self.head = words[-1]
        mods = [c for c in children(head) if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
        self.country = " ".join(c.text for c in mods if c.ent_type_ in ("NORP", "GPE")) or None
        self.words = {c.lower_ for c in mods if c.ent_type_ not in ("NORP", "GPE")} | set(words)

    def fits(self, p: PersonCluster) -> bool:
        """The person's known role is this office (``p.role`` set)."""
        role = set(p.role.lower().split())
        if self.head not in p.role.lower().split(" of ")[0].split():
            return False  # "the House" is not the "Speaker of the House": the office is before "of"
        if (role & _RANKS) ^ (self.words & _RANKS):
            return False  # "the President" / "Vice President Harris"
        narrow = (self.words - {self.head}) & ROLE_WORDS
        theirs = (role - {self.head} - _ROLE_GLUE) & ROLE_WORDS
        if narrow and theirs and not narrow & theirs:
            return False  # "the foreign minister" / "Prime Minister X"
        if ((role | set((p.affiliation or "").lower().split())) & _OTHER_JOB) - self.words:
            return False  # "the Secretary" is not Press Secretary Psaki, "the General" no Attorney General
        return self.same_country(p)

    def may_be(self, p: PersonCluster) -> bool:
        """Nothing known of the person rules this description out."""
        if p.role is not None and self.head in _OFFICES:
            role = set(p.role.lower().split())
            if role & _OFFICES and not self.fits(p):
                return False  # "the president said" after "Chancellor Angela Merkel said"
        return self.same_country(p)

    def same_country(self, p: PersonCluster) -> bool:
        if self.country is None:
            return True
        if p.affiliation is not None:
            return _country(self.country) == _country(p.affiliation)
        # a nationality that is a country ("Turkish", not "Republican") joins only a person the
        # knowledge base knows to be of it: "the Turkish Prime Minister" is not Prime Minister
        # Boris Johnson, named without a country; a person of no known country stays apart
        code = lookup_code(self.country, demonym=True)
        if code is None:
            return True
        return (self.country_of(p.name) if self.country_of is not None and p.kind == "PERSON" else None) == code[0]


def _country(words: str) -> str:
    """A country code for "Turkish" / "Turkey" (the words themselves when unknown)."""
    found = lookup_code(words, demonym=True)
    if not found and " " in words:
        # "Russian Defense" (a NORP and the ministry the model tagged ORG): the country word in it
        found = next((f for w in words.split() if w[:1].isupper() and (f := lookup_code(w, demonym=True))), None)
    return found[0] if found else words.lower()
