"""PLOVER events from statements and narration, each traceable to its sentence.

Contract: ``extract_events(doc, analysis, pub_date) -> list[Event]``.

How (docs/events.md has the whole story):

* A **trigger** is a verb whose lemma (with its object noun, via the CAMEO verb patterns mapped
  to PLOVER) is in the event lexicon, or a light verb ("send", "issue", "launch") whose object
  is an event noun ("request", "ultimatum", "attack"). Only verbs are looked at: one dict
  lookup per verb, no per-token work beyond that.
* **Actor, type and recipient come from one clause**: the actor is the clause's subject (or the
  agent of a passive, or the speaker for first-person statements), the recipient its object, an
  object's owner/nationality ("a US offer") or a prepositional object (to/against/with ...).
* **Statements**: what a speaker does by speaking. "X said (that) Y must ..." is X REQUEST Y;
  "X believes Y avoids/ignores/violates ..." is X ACCUSE Y; negated assent ("we cannot accept")
  is REJECT. Triggers inside a quotation point to it (``Event.quote``).
* A verb governed by another trigger (threatened *to impose*, agreed *to set up*) is covered by
  the governing one; triggers in background clauses (relative clauses, "after/since ..." clauses)
  are not events of the article.
* **Modality**: negated, future (will/shall, reported would, plan/intend to), conditional
  (if/unless, could/might/may), else asserted.
* **Codes** come from the pipeline's actors, else from the actors knowledge base through
  ``actors_kb.lookup_code`` (the one name table: countries, capitals, IGOs, groups, people with
  dated roles); people are coded where they live ("ethnic Albanians" in Serbia -> SRB); an actor or
  recipient the sentence leaves unnamed takes the sentence's (other) country, as PLOVER codes
  domestic parties by country of residence.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from chronicle.analyze.actors import load_knowledge
from chronicle.analyze.actors_kb import country_of_code, fold, lookup_code
from chronicle.analyze.doctext import sentence_bounds, text_of, use_text
from chronicle.analyze.events_lexicon import Lexicon, lexicon
from chronicle.model import Event, Span

# --- small closed word classes (grammar, not domain knowledge) --------------------------------
SPEECH_VERBS = frozenset(
    "say tell declare announce state insist stress underline emphasize emphasise note add "
    "conclude reiterate repeat claim assert believe think consider argue write remind "
    "maintain affirm explain report confirm indicate signal".split())
STATEMENT_NOUNS = frozenset("statement statements declaration communique communiqué letter "
                            "note message remarks speech".split())
PRONOUNS_SELF = frozenset("i we me us our my".split())
PRONOUNS_OTHER = frozenset("it they he she them him her its their his".split())
# A clause saying someone else behaves badly, inside a statement, is an accusation (CAMEO 112;
# PLOVER ACCUSE: "criticize, defame, denigrate responsible parties").
CHARACTERIZATION = frozenset(
    "avoid evade ignore violate breach neglect undermine sabotage provoke lie distort mislead "
    "manipulate interfere meddle blackmail escalate disregard flout".split())
# Assent whose negation is a refusal (CAMEO 12x: "decline/refuse to ..." = REJECT).
ASSENT_TYPES = frozenset("AGREE SUPPORT CONCEDE COOPERATE CONSULT RETREAT AID".split())
REQUEST_MODALS = frozenset("must should".split())
FUTURE_AUX = frozenset("will shall 'll wo".split())
CONDITIONAL_AUX = frozenset("could might may".split())
INTENT_VERBS = frozenset("plan intend prepare aim expect decide want".split())
# "Thank you", "God bless you": courtesy formulas of speeches, not praise of anyone's act
COURTESY_VERBS = frozenset("thank bless".split())
# "is willing / ready / prepared to ...": PLOVER AGREE is to "offer, promise, or otherwise
# indicate willingness or commitment to cooperate" (CAMEO 03x, "express intent to ...").
WILLING_WORDS = frozenset("willing ready prepared eager keen".split())
NEGATING_VERBS = frozenset("fail".split())  # "failed to reach agreement" ~ not reach
BACKGROUND_MARKS = frozenset("after since before following when while as once until".split())
RECIPIENT_PREPS = ("to", "against", "with", "on", "at", "from", "into", "toward", "towards",
                   "for", "in", "between")
CROWD_WORDS = frozenset("thousand thousands hundred hundreds crowd crowds demonstrator protester "
                        "protestor student worker people resident villager farmer".split())
NP_PREPS = frozenset("of in from for by".split())
# A named body the knowledge base does not know and whose name places it in no country ("the
# Third World Water Forum", "the Ceasefire Violations Committee") is a non-state organisation.
BODY_WORDS = frozenset("committee commission council association organization organisation "
                       "federation forum agency fund programme program foundation institute "
                       "society tribunal conference".split())
# "a human rights group", "two American aid groups": non-governmental organisations by what
# they do, named or not.
NGO_HEADS = frozenset("group groups organization organizations organisation organisations "
                      "watchdog agency agencies".split())
NGO_MARKS = frozenset("rights aid relief humanitarian advocacy charity environmental".split())
# Instruments and meetings a city names by where they were made or held: "the Minsk agreements",
# "the Geneva Conventions", "the Istanbul declarations". The city is their venue, not a party
# (a country in that place still is: "the Iran deal" is about Iran). Not "proposal", "plan",
# "initiative", "offer": a seat of government there is its government's ("the Moscow proposal").
VENUE_NOUNS = frozenset("""declaration agreement accord protocol format process talk talks summit
conference convention treaty memorandum communique communiqué charter framework pact deal
negotiation negotiations meeting round consensus principle ceasefire truce armistice document
formula platform""".split())
VENUE_KINDS = frozenset(("city", "seat"))
# PLOVER: cooperative actions reported in the future tense are intentions, coded AGREE; a
# statement that one will do something hostile is a threat (THREATEN).
FUTURE_AS_AGREE = frozenset("CONSULT SUPPORT COOPERATE AID".split())
# Verbal conflict stated as the purpose of an act ("summoned the ambassador to complain") is
# what the act is: PLOVER codes such a summons ACCUSE, not CONSULT.
PURPOSE_TYPES = frozenset("ACCUSE REJECT REQUEST THREATEN".split())
# Verbs of growth ("boost defence spending", "increase trade"): CAMEO codes some of them with
# their object as aid or cooperation (BOOST * SPENDING is 071, economic aid; "boost" alone 060),
# which is an interaction only with a beneficiary or partner named ("boost spending on aid to
# Ukraine") or when what grows is itself between parties ("boost aid", "expand cooperation":
# the sentence's other country is the partner); a country raising its own spending acts on nobody.
GROWTH_VERBS = frozenset("""boost increase expand double triple strengthen bolster enhance
augment ramp step""".split())
RELATION_NOUNS = frozenset("""cooperation collaboration coordination ties relations relationship
trade aid assistance help support contacts exchanges dialogue partnership engagement links
investment investments""".split())
FUTURE_AS_THREAT = frozenset("SANCTION COERCE ASSAULT MOBILIZE PROTEST".split())
NP_SKIP_DEPS = frozenset("conj cc relcl acl advcl ccomp xcomp punct prep case".split())
GOVERNING_DEPS = frozenset("xcomp ccomp advcl conj acomp pcomp".split())


_NAME_STARTS: dict[int, frozenset[str]] = {}
_CODE_CACHE: dict[tuple, tuple[str, int] | None] = {}  # (kb, day, name, demonym) -> code
_LONGEST_MENTION = 300  # characters; mentions and quotation parts are searched by start
_LONGEST_QUOTE = 20_000


@dataclass
class _Party:
    """An actor or recipient as found in the text."""

    code: str | None  # ISO3 country code or short IGO code
    igo: bool
    start: int  # char span of the noun phrase
    end: int
    actor_id: str | None = None
    sector: str | None = None


class _Extractor:
    def __init__(self, doc, analysis, pub_date, lex: Lexicon, knowledge=None):
        self.doc = doc
        self.text = _doc_text(doc, analysis)
        self.analysis = analysis
        self.pub_date = pub_date
        self.lex = lex
        self.quotes = list(getattr(analysis, "quotes", None) or [])
        self.actors = list(getattr(analysis, "actors", None) or [])
        self.timexes = list(getattr(analysis, "timexes", None) or [])
        self._mention_index = sorted(
            ((m.start, m.end, n, a) for n, a in enumerate(self.actors) for m in a.mentions),
            key=lambda x: (x[0], x[1], x[2]))
        self._mention_starts = [x[0] for x in self._mention_index]
        self._quote_spans = sorted((sp.start, sp.end, i) for i, q in enumerate(self.quotes)
                                   for sp in (q.parts or [q.content]))
        self._quote_starts = [x[0] for x in self._quote_spans]
        self._first_propn: dict[int, int] | None = None
        self._verb_idx, self._cap_idx = _token_classes(doc, self.text)
        self._date_for_span = _date_function()
        self.kb = knowledge if knowledge is not None else load_knowledge()
        self.day = pub_date.isoformat()[:10] if isinstance(pub_date, dt.date) else None
        self._codes: dict[tuple[str, bool], tuple[str, int] | None] = {}
        self._weak: set[int] = set()  # tokens triggering only by a CAMEO synonym block's code

    # --- names -----------------------------------------------------------------------------
    def _np_tokens(self, head) -> list:
        out, stack = [], [head]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if c.dep_ in NP_SKIP_DEPS:
                    if c.dep_ == "prep" and c.lemma_.lower() in NP_PREPS:
                        stack.extend(c.children)
                    continue
                stack.append(c)
        out.sort(key=lambda t: t.i)
        return out

    def _lookup(self, toks) -> tuple[str | None, bool]:
        """(code, is an organisation) of the names in a list of tokens, looked up in the actors
        knowledge base (longest match first). An international organisation anywhere in the
        list wins ("U.N. Secretary-General Kofi Annan", "Red Cross officials"); then a country
        named ("King Hassan of Morocco": the text says which country, not a namesake in the
        knowledge base); then a person's or group's country; a regional or unplaced group's
        own code last ("the Palestinian Islamic Jihad movement" -> PSE)."""
        n = len(toks)
        text = self.text
        best: tuple[int, str] | None = None
        for i in range(n):
            if not toks[i].text[:1].isupper() or toks[i].pos_ == "PRON":
                continue
            for k in range(min(6, n - i), 0, -1):
                last = toks[i + k - 1]
                if last.i - toks[i].i != k - 1:
                    continue  # not contiguous
                got = self._span_code(toks[i], last)
                if got is None:
                    continue
                code, rank = got
                if rank == 1 and self._venue(toks[i], last):
                    break  # "the Minsk agreements": where they were made, not a party
                if rank == 0:
                    return code, True
                if best is None or rank < best[0]:
                    best = (rank, code)
                break
        if best is None:
            return None, False
        return best[1], best[0] == 3

    def _span_code(self, first, last) -> tuple[str, int] | None:
        """``_code`` of the tokens first..last. A lone word that only starts a longer name
        the knowledge base does not know ("United" of "United Bus Company", "Anti" of
        "Anti-Corruption Commission") is not looked up alone."""
        if first.i == last.i:
            if first.dep_ == "compound" and first.pos_ == "PROPN" and \
                    first.lower_ in self._name_starts() and first.ent_type_ != "NORP" and \
                    not first.text.isupper():
                return None
            return self._code(first.text, demonym=first.ent_type_ == "NORP")
        return self._code(self.text[first.idx:last.idx + len(last.text)])

    def _venue(self, first, last) -> bool:
        """Is the name first..last a city or seat of government naming where an instrument or
        meeting was made or held ("the Minsk agreements", "the Paris Agreement", "the Normandy
        format talks", "neither the Istanbul nor the Astana declarations")?"""
        t = last
        for _ in range(4):
            if t.dep_ in ("compound", "nmod") or (t.dep_ == "conj" and t.head.dep_ in ("compound", "nmod")):
                t = t.head  # "Minsk [peace] agreements", "the Minsk and Normandy formats"
                if _venue_noun(t):
                    break
                continue
            # elliptical coordination: "the Istanbul nor the Astana declarations"
            if t.i == last.i:
                t = next((c for c in t.conjuncts if _venue_noun(c)
                          and any(x.dep_ in ("compound", "nmod") for x in c.children)), None)
            break
        if t is None or t.i == last.i or not _venue_noun(t):
            return False
        name = first.text if first.i == last.i else self.text[first.idx:last.idx + len(last.text)]
        key = fold(name)
        place = self.kb.place(name, key)
        # a seat that is also an organisation is a government building, not a town: "the White
        # House Conference on Hunger" is the US government's
        return place is not None and place.kind in VENUE_KINDS and not self.kb.lookup(name, key=key)

    def _name_starts(self) -> frozenset[str]:
        """First words of the knowledge base's multi-word place names ("united", "new")."""
        got = _NAME_STARTS.get(id(self.kb))
        if got is None:
            got = _NAME_STARTS[id(self.kb)] = frozenset(
                k.split(" ", 1)[0] for k in self.kb.places if " " in k)
        return got

    def _code(self, name: str, demonym: bool = False) -> tuple[str, int] | None:
        """(code, rank) for a name via the actors stage's lookup; rank 0 an IGO/NGO, 1 a
        place (country, adjective, capital, city), 2 a person or group of a country, 3 a
        group or organisation with a regional or other non-country code."""
        key = (name, demonym)
        got = self._codes.get(key, False)
        if got is False:
            got = _CODE_CACHE.get((id(self.kb), self.day, name, demonym), False)
            if got is not False:
                self._codes[key] = got
        if got is False:
            hit = lookup_code(name, self.day, self.kb, demonym=demonym)
            if hit is None:
                got = None
            elif country_of_code(hit[0]):
                key = fold(name)
                place = self.kb.place(name, key) is not None or not self.kb.lookup(name, key=key)
                got = (hit[0], 1 if place else 2)
            else:
                org = hit[1] in ("igo", "ngo") or hit[0][:3] in ("IGO", "NGO", "IMG")
                got = (hit[0], 0 if org else 3)
            self._codes[key] = got
            if len(_CODE_CACHE) > 200_000:
                _CODE_CACHE.clear()
            _CODE_CACHE[(id(self.kb), self.day, name, demonym)] = got
        return got

    def party(self, head, quote_idx: int | None = None) -> _Party | None:
        """The actor a noun phrase denotes, with its code; pronouns resolved simply."""
        if head is None:
            return None
        low = head.text.lower()
        if head.pos_ == "PRON":
            if low in PRONOUNS_SELF and quote_idx is not None:
                return self._speaker_party(quote_idx)
            if low in PRONOUNS_OTHER or low in PRONOUNS_SELF:
                return self._antecedent(head)
            return None
        toks = self._np_tokens(head)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        actor = self._actor_at(head.idx, head.idx + len(head.text))
        code, igo = self._lookup(toks)
        if actor is not None and _actor_code(actor):
            code, igo = _actor_code(actor), actor.type == "IGO"
        if code is not None and not igo:
            home = self._residence(head, toks, code)
            if home is not None:
                code, actor = home, None
        sector = None
        if not igo:
            sector = self.lex.agents.get(head.lemma_.lower()) or self.lex.agents.get(low)
        if code is None and actor is None and head.pos_ == "PROPN":
            code, igo = self._earlier_mention(head)
        if code is None and (actor is None or not _actor_code(actor)) and any(
                t.pos_ == "PROPN" and t.lower_ in BODY_WORDS for t in toks):
            code, igo, actor = "NGO", True, None  # a named body nobody places: non-state
        if code is None and actor is None and head.lower_ in NGO_HEADS and any(
                t.lower_ in NGO_MARKS for t in toks if t.i < head.i):
            code, igo = "NGO", True
        if code is None and actor is None:
            return _Party(None, False, start, end, None, sector)
        return _Party(code, igo, start, end, actor.id if actor else _default_id(code, igo), sector)

    def _residence(self, head, toks, code: str) -> str | None:
        """CAMEO/PLOVER code people by the country they live in: "the Albanians of southern
        Serbia" are SRB, and "ethnic Albanians" (in Macedonia, in Serbia) are of the country
        the sentence places them in, not of Albania."""
        own = self._span_code(head, head) if head.text[:1].isupper() else None
        if own is not None and own[0] == code:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            name = [*(x for x in p.lefts if x.dep_ == "compound"), p]
                            there = self._lookup(name)[0]
                            if there and there != code and country_of_code(there):
                                return there
        if any(c.lower_ == "ethnic" for c in head.children):
            ctx = self._context_codes(head.sent)
            return next((c for c in ctx if c != code and country_of_code(c)), None)
        return None

    def _complement_type(self, verb) -> str | None:
        """The type a verb's to-complement or purpose clause would have on its own."""
        for c in verb.children:
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and \
                    any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                got = self.trigger_entry(c)
                if got is not None:
                    return got[0][0]
        return None

    def _condition_subject(self, verb):
        """The subject of an if/unless clause hanging from the verb or its to-complements."""
        stack = [verb]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in c.children):
                    subj = self._child(c, "nsubj")
                    if subj is not None:
                        return subj
                if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB":
                    stack.append(c)
        return None

    def _crowd(self, verb) -> bool:
        """A crowd as subject ("thousands of ...", "demonstrators"): a material protest."""
        subj, _ = self.subject(verb)
        return subj is not None and (subj.lemma_.lower() in CROWD_WORDS or subj.pos_ == "NUM"
                                     or subj.like_num)

    def _agentive(self, tok) -> bool:
        """Could this subject be someone acting (a name, an agent noun, a pronoun)?"""
        if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        low = tok.lemma_.lower()
        return low in self.lex.agents or tok.lower_ in self.lex.agents

    def _earlier_mention(self, head) -> tuple[str | None, bool]:
        """A bare name ("Lavrov") coded by its first, fuller mention ("Russian FM ... Lavrov").

        A stop-gap until the actors stage gives every person an identity and a country.
        """
        if self._first_propn is None:  # orth -> first PROPN token with it, once per Doc
            from spacy.attrs import ORTH, POS
            from spacy.symbols import PROPN
            first: dict[int, int] = {}
            for i, (o, p) in enumerate(self.doc.to_array([ORTH, POS]).tolist()):
                if p == PROPN and o not in first:
                    first[o] = i
            self._first_propn = first
        j = self._first_propn.get(head.orth)
        if j is not None and j < head.i:
            h = self.doc[j]
            while h.dep_ in ("compound", "flat") and h.head.i != h.i:
                h = h.head
            code, igo = self._lookup(self._np_tokens(h))
            if code:
                return code, igo
        return None, False

    def _actor_at(self, start: int, end: int):
        """The first actor (in the actors' order) with a mention overlapping [start, end)."""
        idx = self._mention_index
        k = bisect.bisect_left(self._mention_starts, end)
        best = None
        while k > 0:
            k -= 1
            s, e, order, a = idx[k]
            if s < start - _LONGEST_MENTION:
                break
            if start < e and (best is None or order < best[0]):
                best = (order, a)
        return best[1] if best else None

    def _speaker_party(self, quote_idx: int) -> _Party | None:
        q = self.quotes[quote_idx]
        sp = q.speaker
        if sp is None:
            return None
        actor = next((a for a in self.actors if a.id == sp.actor_id), None) if sp.actor_id else None
        code, igo = None, False
        if actor is not None:
            code, igo = _actor_code(actor), actor.type == "IGO"
        if code is None:
            span = self.doc.char_span(sp.start, sp.end, alignment_mode="expand")
            if span is not None:
                code, igo = self._lookup(list(span))
            if code is None and sp.affiliation:
                got = self._code(sp.affiliation)
                code, igo = (got[0], got[1] in (0, 3)) if got else (None, False)
        return _Party(code, igo, sp.start, sp.end, sp.actor_id or _default_id(code, igo))

    def _antecedent(self, pron) -> _Party | None:
        """A third-person pronoun: the subject of the nearest governing clause that has one."""
        t = pron.head
        seen = 0
        while seen < 8:
            seen += 1
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != pron.i and c.pos_ != "PRON":
                    p = self.party(c)
                    if p is not None and p.code:
                        return p
            if t.head.i == t.i:
                break
            t = t.head
        return None

    # --- clause structure ------------------------------------------------------------------
    @staticmethod
    def _child(tok, *deps):
        for c in tok.children:
            if c.dep_ in deps:
                return c
        return None

    def subject(self, verb):
        """(subject token, passive?) of a verb, inherited from governing verbs when missing."""
        t = verb
        for _ in range(6):
            s = self._child(t, "nsubj", "csubj")
            if s is not None:
                return s, False
            s = self._child(t, "nsubjpass")
            if s is not None:
                agent = self._child(t, "agent")
                pobj = self._child(agent, "pobj") if agent is not None else None
                return pobj, True
            if t.dep_ in ("xcomp", "conj", "advcl", "acomp") and t.head.i != t.i:
                t = t.head
                continue
            if _statement_acl(t):  # "X issued a statement demanding ...": X demands
                t = t.head.head
                continue
            if t.dep_ == "acomp" or (t.head.i != t.i and t.head.dep_ == "acomp"):
                t = t.head
                continue
            break
        return None, False

    def objects(self, verb) -> list[tuple[str, str, object]]:
        """(prep, noun lemma, token) for the verb's direct and prepositional objects."""
        out = []
        for c in verb.children:
            if c.dep_ in ("dobj", "attr", "oprd"):
                out.append(("", c.lemma_.lower(), c))
                out.append(("", c.text.lower(), c))
                comp = [x for x in c.children if x.dep_ in ("compound", "amod")]
                if comp:
                    out.append(("", f"{comp[-1].text.lower()} {c.lemma_.lower()}", c))
            elif c.dep_ in ("prep", "dative"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.append((c.lemma_.lower(), p.lemma_.lower(), p))
                        out.append((c.lemma_.lower(), p.text.lower(), p))
            elif c.dep_ == "nsubjpass":
                out.append(("", c.lemma_.lower(), c))
        return out

    def _negated(self, verb) -> bool:
        t = verb
        for _ in range(4):
            if any(c.dep_ == "neg" for c in t.children):
                return True
            if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children if c.dep_ == "det"):
                return True
            if t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
                t = t.head
                if t.lemma_.lower() in NEGATING_VERBS:
                    return True
                continue
            break
        return False

    def modality(self, verb) -> str:
        t = verb
        for _ in range(4):
            auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
            low = {a.lower_ for a in auxes}
            if low & FUTURE_AUX:
                return "future"
            if "would" in low and self._under_speech(t):
                return "future"
            if low & CONDITIONAL_AUX:
                return "conditional"
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
                return "conditional"
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                          for c in t.children):
                return "conditional"
            if t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
                t = t.head
                if (t.lemma_.lower() in INTENT_VERBS or t.lower_ in WILLING_WORDS
                        or (t.lower_ == "going" and verb.dep_ == "xcomp")):
                    return "future"
                continue
            break
        return "asserted"

    @staticmethod
    def _willing(verb) -> bool:
        """"is willing / ready / prepared to <verb>": an offer, not an announcement."""
        t = verb
        for _ in range(3):
            if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
                return False
            t = t.head
            if t.lower_ in WILLING_WORDS:
                return True
        return False

    @staticmethod
    def _under_speech(tok) -> bool:
        t = tok
        for _ in range(4):
            if t.head.i == t.i:
                return False
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH_VERBS:
                return True
            t = t.head
        return False

    def _speech_head(self, verb):
        """The speech/cognition verb whose complement this clause is, if any."""
        t = verb
        for _ in range(3):
            if t.head.i == t.i:
                return None
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH_VERBS:
                return t.head
            if t.dep_ in ("conj", "xcomp", "acomp") or t.head.dep_ == "acomp":
                t = t.head
                continue
            return None
        return None

    @staticmethod
    def _background(verb) -> bool:
        """Clauses that only recall an event: relative clauses, after/since/... clauses."""
        t = verb
        for _ in range(4):
            if t.dep_ in ("relcl", "acl", "amod") and not _statement_acl(t):
                return True
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                         for c in t.children):
                return True
            if t.dep_ == "pcomp" and t.head.lower_ in BACKGROUND_MARKS:
                return True
            if t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
                t = t.head
                continue
            return False
        return False

    # --- triggers --------------------------------------------------------------------------
    def trigger_entry(self, verb):
        """(entry, trigger token, event-noun token or None) for a verb, or None."""
        lex = self.lex
        lemma = _known_lemma(verb, lex)
        if lemma in COURTESY_VERBS and any(c.dep_ == "dobj" and c.lower_ in ("you", "me", "us")
                                           for c in verb.children):
            return None
        prt = self._child(verb, "prt")
        # "called Chancellor Scholz on Monday" is no "call on": a date is when, not an object
        objs = [o for o in self.objects(verb) if not (o[0] and o[2].ent_type_ in ("DATE", "TIME"))]
        pairs = [(p, n) for p, n, _ in objs]
        if prt is not None:
            phrasal = f"{lemma} {prt.lower_}"
            e = lex.verb_entry(phrasal, pairs)
            if e:
                return e, verb, None
        for p, _n, _t in objs:
            if p and f"{lemma} {p}" in lex.core_verbs:
                t, m = lex.core_verbs[f"{lemma} {p}"]
                return (t, m, None, None), verb, None
        if lemma in lex.aspectual_verbs:
            subj = self._child(verb, "nsubj")
            if subj is not None and subj.lemma_.lower() in lex.core_nouns:
                t, m = lex.core_nouns[subj.lemma_.lower()]
                return (t, m, None, None), subj, subj
        stop = f"{lemma} {prt.lower_}" if prt is not None else lemma
        if stop in lex.stop_verbs:
            for p, n, tok in objs:
                if p == "":
                    for word in (n, *[x.lower_ for x in tok.children if x.dep_ == "compound"]):
                        kind = lex.core_nouns.get(word)
                        if kind and kind[0] in ("CONSULT", "AID", "SUPPORT", "COOPERATE"):
                            return ("SANCTION", None, None, None), verb, None
        light = lemma in lex.light_verbs
        if light and any(p == "" and n in STATEMENT_NOUNS for p, n, _ in objs):
            return None  # "issued a declaration demanding ...": a statement; its content acts
        if light or lemma in lex.prep_light_verbs:
            preps = ("", "in", "on", "for", "into", "under") if lemma in lex.prep_light_verbs \
                else ("", "in")
            for p, n, tok in objs:
                if p not in preps:
                    continue
                # "tons of aid", "days of war games", "a state of siege": a measure or
                # state noun carries the event noun it is "of"
                for cand in (tok, *[o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                    for o in c.children if o.dep_ == "pobj"]):
                    low = cand.lemma_.lower() if cand is not tok else n
                    mods = [x.lower_ for x in cand.children if x.dep_ in ("compound", "amod")]
                    if low == "strike" and _military_strike(cand, mods):
                        return ("ASSAULT", None, None, None), cand, cand
                    for word in (*[f"{m} {low}" for m in mods], low, cand.lower_, *mods):
                        if word in lex.core_nouns:
                            t, m = lex.core_nouns[word]
                            return (t, m, None, None), cand, cand
        if lemma in SPEECH_VERBS and lemma not in lex.core_verbs:
            return None  # saying/thinking is how statements are made, not an event itself
        e = lex.verb_entry(lemma, pairs)
        if e:
            if e is lex.cameo_block_verbs.get(lemma):
                self._weak.add(verb.i)  # a synonym's block code: the last resort
            return e, verb, None
        return None

    def recipients(self, verb, noun, actor: _Party | None, quote_idx) -> list[_Party]:
        """Recipients of the clause: objects, owners/nationalities of objects, prep objects."""
        heads = []
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON":
                heads.append(c)
        holders = [noun] if noun is not None else []
        holders.append(verb)
        holders.extend(c for c in verb.children if c.dep_ == "dobj" and (noun is None or c.i != noun.i))
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS:
                    heads.extend(p for p in c.children if p.dep_ == "pobj")
        out: list[_Party] = []
        for h in heads:
            for conj in [h, *[c for c in h.conjuncts if c.i > h.i]]:
                p = self.party(conj, quote_idx)
                if p is not None and p.code and not any(p.code == o.code for o in out):
                    out.append(p)
            if out:
                break
        if not out:  # "offered to hand over to Britain": the complement's recipient
            for c in verb.children:
                if c.dep_ == "xcomp" and c.pos_ == "VERB":
                    return self.recipients(c, None, actor, quote_idx)
        return out

    # --- events ------------------------------------------------------------------------------
    def quote_of(self, char: int) -> int | None:
        """The first quotation (by index) whose content holds the character offset."""
        spans = self._quote_spans
        k = bisect.bisect_right(self._quote_starts, char)
        best = None
        while k > 0:
            k -= 1
            s, e, i = spans[k]
            if s < char - _LONGEST_QUOTE:
                break
            if char < e and (best is None or i < best):
                best = i
        return best

    def date(self, sent, quote_idx) -> str | None:
        if quote_idx is not None and self.quotes[quote_idx].said_on:
            return self.quotes[quote_idx].said_on
        if self._date_for_span is not None:
            try:
                d = self._date_for_span(self.doc, sent.start_char, sent.end_char, self.timexes,
                                        self.pub_date)
                if d:
                    return d if isinstance(d, str) else d.isoformat()
            except Exception:  # the time stage is optional for events; fall back to pub date
                pass
        return self.pub_date.isoformat() if isinstance(self.pub_date, dt.date) else None

    def make(self, typ, mode, context, trigger_tok, sent, actor, recipient, modality,
             quote_idx) -> Event:
        end = trigger_tok.idx + len(trigger_tok.text)
        return Event(
            type=typ, mode=mode or None, context=context or None,
            evidence=Span(sent.start_char, sent.end_char, sent.text),
            actor=actor.actor_id if actor else None,
            recipient=recipient.actor_id if recipient else None,
            actor_code=actor.code if actor else None,
            recipient_code=recipient.code if recipient else None,
            date=self.date(sent, quote_idx), modality=modality, quote=quote_idx,
            trigger=Span(trigger_tok.idx, end, trigger_tok.text),
        )

    def sentence_events(self, sent) -> list[tuple[int, Event]]:
        """(depth of trigger, event) pairs for one sentence."""
        found: list[tuple[int, Event]] = []
        covered: set[int] = set()
        # ("according to", "following", "including" are prepositions, not verbs of the news)
        vi = self._verb_idx
        doc = self.doc
        verbs = [doc[i] for i in vi[bisect.bisect_left(vi, sent.start):
                                    bisect.bisect_left(vi, sent.end)]]
        # outermost verbs first, so that a governing trigger covers its complements
        verbs.sort(key=_depth)
        for v in verbs:
            if v.i in covered:
                continue
            qi = self.quote_of(v.idx)
            got = self._statement_event(v, sent, qi) or self._verb_event(v, sent, qi)
            if not got:
                continue
            weak = v.i in self._weak
            for ev in got:
                found.append((_depth(v) + (100 if weak else 0), ev))
            if weak:
                continue  # a last-resort trigger does not hide the events of its complements
            # the complements of a trigger are part of its event
            for d in v.subtree:
                if d.i != v.i and d.pos_ == "VERB" and _governed_by(d, v):
                    covered.add(d.i)
        return found

    def _statement_event(self, v, sent, qi):
        """Speech acts: "X said Y must ..." -> REQUEST; "X believes Y avoids ..." -> ACCUSE."""
        speech = self._speech_head(v)
        if speech is None:
            return None
        subj, _ = self.subject(v)
        if subj is None:
            return None
        spk_tok, _ = self.subject(speech)
        speaker = self.party(spk_tok, qi) if spk_tok is not None else None
        if speaker is None and qi is not None:
            speaker = self._speaker_party(qi)
        target = self.party(subj, qi)
        if target is None or not target.code or (speaker and speaker.code == target.code):
            return None
        modals = {c.lower_ for c in v.children if c.dep_ == "aux"}
        if modals & REQUEST_MODALS:
            typ, mode, trig = "REQUEST", None, next(c for c in v.children
                                                     if c.dep_ == "aux" and c.lower_ in REQUEST_MODALS)
        elif v.lemma_.lower() in CHARACTERIZATION:
            typ, mode, trig = "ACCUSE", "allege", v
        else:
            return None
        recips = [target, *[p for c in subj.conjuncts if c.i > subj.i
                            if (p := self.party(c, qi)) is not None and p.code]]
        return [self.make(typ, mode, None, trig, sent, speaker, r, "asserted", qi) for r in recips]

    def _verb_event(self, v, sent, qi):
        got = self.trigger_entry(v)
        if got is None or self._background(v):
            return None
        (typ, mode, context, _code), trig, noun = got
        if _figurative(v, typ):
            return None
        material = typ in ("AID", "COOPERATE")  # before modality turns it into intent (AGREE)
        modality = self.modality(v)
        if self._negated(v):
            if typ in ASSENT_TYPES:
                typ, mode, context = "REJECT", None, context
            else:
                modality = "negated"
        if modality == "future" and typ in ("RETREAT", "CONCEDE") and self._willing(v):
            typ, mode = "AGREE", None  # willingness to yield is an offer (CAMEO 035 -> AGREE)
        elif modality == "future" and typ in FUTURE_AS_AGREE:
            typ, mode = "AGREE", None
        elif modality == "future" and typ == "RETREAT":
            typ, mode = "CONCEDE", None  # PLOVER: "announcements of future retreats" are CONCEDE
        elif (typ in FUTURE_AS_THREAT and modality in ("future", "conditional")
              and (qi is not None or self._speech_head(v) is not None)
              and (modality == "future" or self._condition_subject(v) is not None)):
            typ, mode = "THREATEN", None  # harm stated as intended, or as conditional ("if ...")
        inner = self._complement_type(v)
        if inner is not None:
            if typ == "AGREE" and inner in FUTURE_AS_THREAT | {"THREATEN"}:
                typ, mode = "THREATEN", None  # "vowed to fight": a promise of harm is a threat
            elif typ == "CONSULT" and inner in PURPOSE_TYPES:
                typ, mode = inner, None
        if v.lemma_.lower() == "protest" and (v.dep_ == "advcl" or self._crowd(v)):
            typ, mode = "PROTEST", "demo"  # "stopped work to protest": a material protest
        subj, passive = self.subject(v)
        actor = self.party(subj, qi) if subj is not None else None
        if noun is not None and subj is not None and noun.i == subj.i:
            recips = self.recipients(noun, None, actor, qi)
            return [self.make(typ, mode, context, trig, sent, actor, r, modality, qi)
                    for r in (recips or [None])]
        if actor is None and qi is not None and subj is None and not passive:
            actor = self._speaker_party(qi)
        if actor is None and passive:
            sp = self._child(v, "nsubjpass")
            if sp is not None and not self._agentive(sp) and not self._lookup(self._np_tokens(sp))[0]:
                return None  # "the content would be released": nobody acts on anybody
        if passive and actor is None and noun is not None and noun.dep_ == "pobj":
            # "forces were engaged in ethnic cleansing", "were involved in talks": a state
            # passive whose subject does the event the noun names
            sp = self._child(v, "nsubjpass")
            actor = self.party(sp, qi) if sp is not None else None
            passive = False
        recips = self.recipients(v, noun, actor, qi)
        if not recips and material and noun is None and _known_lemma(v, self.lex) in GROWTH_VERBS \
                and not self._relational_object(v):
            return None  # "Germany to boost defence spending": nobody is aided or cooperated with
        if passive:
            sp = self._child(v, "nsubjpass")
            p = self.party(sp, qi) if sp is not None else None
            if p is not None and p.code:
                if actor is None and typ in ("AGREE", "REJECT"):
                    actor = p  # "Vietnam is committed to ...", "Israel is opposed to ...": a stance
                else:
                    recips = [p]
        if typ == "THREATEN" and not recips:  # "... unless Baghdad accepts": the one threatened
            cond = self._condition_subject(v)
            p = self.party(cond, qi) if cond is not None else None
            if p is not None and p.code:
                recips = [p]
        if typ == "REQUEST" and not recips:  # "demanded that Y ...", "its demand that Y ..." -> Y
            comp = self._child(v, "ccomp")
            if comp is None:
                for c in v.children:
                    for n in ([c] if c.dep_ in ("dobj", "nsubjpass") else
                              [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" else []):
                        comp = comp or self._child(n, "acl", "ccomp", "relcl")
            if comp is not None:
                cs, _ = self.subject(comp)
                p = self.party(cs, qi) if cs is not None else None
                if p is not None and p.code:
                    recips = [p]
        return [self.make(typ, mode, context, trig, sent, actor, r, modality, qi)
                for r in (recips or [None])]

    def _relational_object(self, verb) -> bool:
        """Is what the verb acts on a relation or a transfer between parties ("aid", "ties",
        "trade"), not the actor's own quantity ("spending", "budget")?"""
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                low = c.lemma_.lower()
                if low in RELATION_NOUNS or c.lower_ in RELATION_NOUNS or low in self.lex.core_nouns:
                    return True
        return False

    def _context_codes(self, sent) -> list[str]:
        """Codes of the names a sentence mentions, in order, leaving out who reports it ("...,
        Thai police said", "according to the US government")."""
        doc = self.doc
        caps = self._cap_idx
        lo, hi = bisect.bisect_left(caps, sent.start), bisect.bisect_left(caps, sent.end)
        capset = set(caps[lo:hi])
        out: list[str] = []
        done = sent.start
        for i in caps[lo:hi]:
            if i < done:
                continue
            t = doc[i]
            if t.pos_ == "PRON":
                continue
            for j in range(min(i + 5, sent.end - 1), i - 1, -1):
                if j not in capset:
                    continue  # a name ends with a capitalised word
                got = self._span_code(t, doc[j])
                if got is not None:
                    done = j + 1
                    if got[1] == 1 and self._venue(t, doc[j]):
                        break  # "the Istanbul declarations": a venue, not who the sentence is about
                    if got[1] < 3 and got[0] not in out and not self._attribution(t) and \
                            not any(c.lower_ == "ethnic" for c in t.children):
                        out.append(got[0])
                    break
        return out

    @staticmethod
    def _attribution(tok) -> bool:
        t = tok
        for _ in range(12):
            if t.dep_ == "prep" and t.lower_ == "according":
                return True
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_VERBS and \
                    any(c.dep_ in ("ccomp", "conj") or (c.dep_ == "punct" and c.i < t.i)
                        for c in t.head.children if c.i != t.i):
                return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False

    def _fill_defaults(self, ev: Event, sent, ctx: list[str] | None) -> list[str]:
        """An unnamed party is of the country the sentence is about (PLOVER/CAMEO code actors
        and targets by country; domestic ones by the country of residence): a missing recipient
        is the sentence's other country, else the actor's own; a missing actor likewise."""
        if ev.actor_code and ev.recipient_code:
            return ctx
        if ctx is None:
            ctx = self._context_codes(sent)
        if not ev.recipient_code and ev.actor_code:
            other = next((c for c in ctx if c != ev.actor_code), None)
            ev.recipient_code = other or ev.actor_code
        elif not ev.actor_code and ev.recipient_code:
            other = next((c for c in ctx if c != ev.recipient_code), None)
            ev.actor_code = other or ev.recipient_code
        elif not ev.actor_code and ctx:
            ev.actor_code = ctx[0]
            ev.recipient_code = ctx[1] if len(ctx) > 1 else ctx[0]
        # the ids say who: a party only coded by the other's country (PLOVER's domestic coding,
        # "Russia is to blame" -> RUS -> RUS) is not named, and no id claims it ("USA -> USA")
        if ev.actor is None and ev.actor_code and not (ev.recipient and ev.actor_code == ev.recipient_code):
            ev.actor = _default_id(ev.actor_code, country_of_code(ev.actor_code) is None)
        if ev.recipient is None and ev.recipient_code and not (ev.actor and ev.recipient_code == ev.actor_code):
            ev.recipient = _default_id(ev.recipient_code, country_of_code(ev.recipient_code) is None)
        return ctx

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in _sentences(self.doc):
            if _is_question(sent):
                continue  # a question asks whether something happened; it asserts no event
            found = self.sentence_events(sent)
            ctx = None
            for _, ev in found:
                ctx = self._fill_defaults(ev, sent, ctx)
            # who did what to whom: an event with no party anyone can name ("It can take some
            # time", "They still need assistance") is not event data
            found = [(d, ev) for d, ev in found if ev.actor_code or ev.recipient_code]
            seen = set()
            for _, ev in sorted(found, key=lambda x: (x[0], x[1].trigger.start)):
                key = (ev.type, ev.actor_code, ev.recipient_code, ev.trigger.start)
                if key not in seen:
                    seen.add(key)
                    events.append(ev)
        return events


# Objects no political actor is: fighting or beating them is no assault, visiting a web site
# no consultation ("beat COVID-19", "fight cancer", "visit Vaccines.gov").
_THING_TARGETS = frozenset("""
covid covid-19 coronavirus virus pandemic epidemic disease cancer inflation poverty hunger crime
climate wildfire wildfires flood floods drought odds clock cost costs prices
""".split())


def _venue_noun(tok) -> bool:
    """An instrument or meeting noun, also when a proper noun keeps its plural ("Accords")."""
    low = tok.lower_
    return (tok.lemma_.lower() in VENUE_NOUNS or low in VENUE_NOUNS
            or (low.endswith("s") and low[:-1] in VENUE_NOUNS))


def _figurative(verb, typ: str) -> bool:
    """A trigger used in a sense that is no event between actors: "called the invasion
    barbaric" (a judgement, not a phone call), "was sworn in", "beat COVID-19", "visit
    Vaccines.gov"."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma == "call" and typ == "CONSULT" and any(c.dep_ in ("oprd", "xcomp", "acomp") for c in kids):
        return True
    if lemma == "swear" and any(c.dep_ == "prt" and c.lower_ == "in" for c in kids):
        return True
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if typ in ("ASSAULT", "COERCE", "THREATEN") and obj.lower_ in _THING_TARGETS:
        return True
    return typ == "CONSULT" and lemma == "visit" and "." in obj.text.strip(".")


# What makes "strikes" an attack, not a walkout: "missile strikes", "strikes on Kyiv".
_WEAPON_WORDS = frozenset("""missile air drone rocket artillery military nuclear cruise precision
retaliatory preemptive pre-emptive bombing naval aerial""".split())


def _military_strike(noun, mods: list[str]) -> bool:
    """"launched missile strikes", "carried out strikes on Kyiv / against targets": an attack;
    "staged a strike", "a general strike" stay a protest."""
    if any(m in _WEAPON_WORDS for m in mods):
        return True
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or obj.lemma_.lower() in (
                        "target", "position", "base", "facility", "site", "city", "town", "village")):
                    return True
    return False


def _statement_acl(tok) -> bool:
    """A clause describing a statement its verb issues: "issued a declaration demanding ..."."""
    head = tok.head
    return (tok.dep_ == "acl" and tok.pos_ == "VERB" and head.lower_ in STATEMENT_NOUNS
            and head.dep_ == "dobj" and head.head.i != head.i)


def _is_question(sent) -> bool:
    last = sent[-1]
    while last.i > sent.start and (last.is_space or last.text in ("\"", "”", "’", "'", ")")):
        last = last.doc[last.i - 1]
    return last.text == "?"


def _sentences(doc):
    """The Doc's sentences as spans, from the per-Doc sentence table (``doc.sents`` makes a
    Token object for every word to find them)."""
    starts, ends = sentence_bounds(doc)
    return [doc[i:ends[i]] for i, s in enumerate(starts) if s == i]


def _doc_text(doc, analysis) -> str:
    """The Doc's text: the article's own when it is what was parsed (``doctext.use_text``; the
    pipeline has given it already, and ``doc.text`` joins every token's text anew)."""
    text = getattr(getattr(analysis, "article", None), "text", None)
    if isinstance(text, str):
        use_text(doc, text)
    return text_of(doc)


def _token_classes(doc, text: str) -> tuple[list[int], list[int]]:
    """Indices of the Doc's candidate trigger verbs and of its capitalised tokens, read from
    the Doc's arrays (no Token objects for the other words)."""
    from spacy.attrs import DEP, IDX, POS
    from spacy.symbols import AUX, VERB

    if len(doc) == 0:
        return [], []
    prep, root = doc.vocab.strings.add("prep"), doc.vocab.strings.add("ROOT")
    ccomp = doc.vocab.strings.add("ccomp")
    arr = doc.to_array([POS, DEP, IDX]).tolist()
    # a copula heading a reported clause can carry its speaker's demand ("said the US must be
    # ready to ...")
    verbs = [i for i, (p, d, _) in enumerate(arr)
             if (p == VERB and d != prep) or (p == AUX and d in (root, ccomp))]
    caps = [i for i, (_, _, c) in enumerate(arr) if text[c].isupper()]
    return verbs, caps


def _known_lemma(verb, lex) -> str:
    """The verb's lemma; when the lemmatizer slips ("staged" -> "stag"), a regular stem the
    lexicon knows."""
    lemma = verb.lemma_.lower()
    if lemma in lex.core_verbs or lemma in lex.cameo_verbs or lemma in lex.light_verbs:
        return lemma
    low = verb.lower_
    stems: list[str] = []
    if low.endswith("ed"):
        stems += [low[:-1], low[:-2]]  # staged -> stage, attacked -> attack
    elif low.endswith("es"):
        stems += [low[:-1], low[:-2]]
    elif low.endswith("s"):
        stems.append(low[:-1])
    elif low.endswith("ing"):
        stems += [low[:-3], low[:-3] + "e"]
    for stem in stems:
        if stem in lex.core_verbs or stem in lex.light_verbs:
            return stem
    # "reimpose", "re-impose", "redeploy": a repeated act is the act
    base = lemma[3:] if lemma.startswith("re-") else lemma[2:] if lemma.startswith("re") else None
    if base and len(base) > 3 and (base in lex.core_verbs or base in lex.cameo_verbs
                                   or base in lex.light_verbs):
        return base
    return lemma


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _governed_by(dep, gov) -> bool:
    """True when ``dep`` hangs from ``gov`` through complement/adverbial clause links only."""
    t = dep
    for _ in range(6):
        if t.dep_ not in GOVERNING_DEPS and t.dep_ not in ("dobj", "pobj", "prep", "acl"):
            return False
        t = t.head
        if t.i == gov.i:
            return True
    return False


def _default_id(code: str | None, igo: bool) -> str | None:
    if not code:
        return None
    return f"igo:{code}" if igo else f"country:{code}"


def _actor_code(actor) -> str | None:
    """Country code for people, organisations and countries; the IGO's own code for IGOs."""
    if actor.type == "IGO":
        return actor.code or actor.country
    return actor.country or (actor.code[:3] if actor.code else None)


def _date_function():
    try:
        from chronicle.analyze import time as time_stage
    except ImportError:  # pragma: no cover
        return None
    return getattr(time_stage, "date_for_span", None)


def extract_events(doc, analysis, pub_date, knowledge=None) -> list[Event]:
    """PLOVER events of one parsed article (``analysis`` gives quotes, actors, timexes).

    ``knowledge``: the actors knowledge base names are looked up in (the pipeline's, with the
    user's ``--actors`` file); default the shipped one."""
    return _Extractor(doc, analysis, pub_date, lexicon(), knowledge).run()


def primary_event(events: list[Event]) -> Event | None:
    """The event a one-sentence record is about: the first one (outermost trigger)."""
    return events[0] if events else None


def dyad_summary(events) -> list[dict]:
    """A -> B counts by type and month over a stream of events (or of analyses).

    ``events`` yields :class:`Event` (with ``date``) or :class:`Analysis` objects; events without
    both actor and recipient codes are left out. Rows are sorted by actor, recipient, month, type:
    ``{"actor": "RUS", "recipient": "USA", "month": "2022-01", "type": "REQUEST", "count": 1}``.
    """
    from collections import Counter

    counts: Counter = Counter()
    for item in events:
        evs = getattr(item, "events", None)
        for ev in (evs if evs is not None else [item]):
            a = ev.actor_code or ev.actor
            r = ev.recipient_code or ev.recipient
            if not a or not r:
                continue
            month = ev.date[:7] if ev.date else None
            counts[(a, r, month or "", ev.type)] += 1
    return [
        {"actor": a, "recipient": r, "month": m or None, "type": t, "count": n}
        for (a, r, m, t), n in sorted(counts.items())
    ]


def filter_events(events, actor: str | None = None, recipient: str | None = None,
                  type: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[Event]:
    """Events matching an actor / recipient (code or id), a PLOVER type and a date range."""
    def hit(want, code, ident):
        return want is None or want.upper() == (code or "").upper() or want == ident

    out = []
    for ev in events:
        if not hit(actor, ev.actor_code, ev.actor) or not hit(recipient, ev.recipient_code, ev.recipient):
            continue
        if type is not None and ev.type != type.upper():
            continue
        if since and (not ev.date or ev.date < since):
            continue
        if until and (not ev.date or ev.date > until):
            continue
        out.append(ev)
    return out
