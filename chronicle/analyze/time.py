"""Time expressions: find them, normalize them to TIMEX3 values against the publication date.

Candidates come from compiled regular expressions over ``doc.text`` (the English temporal
grammar in ``timex_grammar.py``: dates, weekdays, months, "last week", "two weeks ago", "the
past two days", quarters, seasons, decades, clock times, "soon", "currently", ...). Overlaps are
resolved longest-first. Each candidate is then normalized by deterministic rules to a TimeML TIMEX3
type and value, anchored to the publication date (never to the machine's clock); where the
anchor is needed but unknown, the unknown parts of the value are ``X`` (e.g. ``XXXX-WXX-5``).

Weekdays and months without a year are resolved by the tense of the clause that governs them
(spaCy's parse: ``Tense=Past`` on the verb, "will"/"would"/"going to" auxiliaries, "next"/"last"
modifiers): "said Friday" is the Friday before, "will meet Friday" the Friday after.

Contract used by the pipeline:
  extract_timexes(doc, pub_date) -> list[TimeExpr]   (sorted by start, non-overlapping)
  date_quotes(doc, quotes, timexes, pub_date) -> None (sets each Quote.said_on)
  date_for_span(doc, start, end, timexes, pub_date) -> str | None
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter as _easter

from chronicle.analyze.timex_grammar import (
    MOD_WORDS, MONTH_FULL, MONTHS, ORDINALS, PARTS_OF_DAY, SEASONS, SMALL, TENS, UNIT_CODE,
    WEEKDAY, WEEKDAYS, YEAR, Candidate, candidates,
)
from chronicle.analyze.doctext import sentence_of, text_of
from chronicle.model import Quote, TimeExpr

# --- arithmetic on dates -----------------------------------------------------------------
def _num(s: str | None) -> float | None:
    """A number written in digits or English words; None when fuzzy ("several")."""
    if s is None:
        return 1
    s = s.lower().strip().replace("-", " ")
    s = re.sub(r"\s+", " ", s)
    if s in ("few", "a few", "several", "many", "some", "numerous", "a number of", "multiple",
             "dozens of", "couple of"):
        return 2 if s == "couple of" else None
    if s in SMALL:
        return SMALL[s]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", s.replace(",", ""))
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v
    half = 0.0
    if s.endswith(" and a half"):
        half, s = 0.5, s[:-len(" and a half")]
    total = 0
    words = s.split()
    for i, w in enumerate(words):
        if w in ("a", "one") and i + 1 < len(words) and words[i + 1] in ("hundred", "thousand"):
            continue
        if w in SMALL:
            total += SMALL[w]
        elif w in TENS:
            total += TENS[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        elif w == "thousand":
            total = max(total, 1) * 1000
        else:
            return None
    if total == 0 and "hundred" in words:
        total = 100
    return total + half if total else None


def _duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P2D, PT5H, P2Y6M, PXW, P10Y for a decade."""
    unit = unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    if unit.endswith("ie"):
        unit = unit[:-2] + "y"
    code = UNIT_CODE.get(unit, "D")
    if n is None:
        return {"DE": "PXE", "CE": "PXC", "Q": "PXQ",
                "WE": "PXWE"}.get(code, ("PTX" if code in "HS" or unit == "minute" else "PX")
                                    + ("M" if unit == "minute" else code))
    if code == "Y" and n >= 1000 and n % 1000 == 0:
        return f"P{_fmt(n / 1000)}L"  # "two thousand years": millennia (TIMEX3 "L")
    if code == "DE":
        n, code = n * 10, "Y"
    elif code == "CE":
        n, code = n * 100, "Y"
    elif code == "WE":
        return f"P{_fmt(n)}WE"
    elif code == "Q":
        n, code = n * 3, "M"  # "the next three quarters": P9M
    if n != int(n):
        whole, frac = int(n), n - int(n)
        sub = {"Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "W": (7, "D"), "H": (60, "M"),
               "Q": (3, "M")}.get(code)
        if unit == "minute":
            sub = (60, "S")
        if sub:
            first = f"{whole}{'M' if unit == 'minute' else code}" if whole else ""
            rest = f"{_fmt(frac * sub[0])}{sub[1]}"
            if unit in ("hour", "minute", "second"):
                return f"PT{first}{rest}"
            if sub[1] == "H":
                return f"P{first}T{rest}"
            return f"P{first}{rest}"
    if unit in ("hour", "minute", "second"):
        return f"PT{_fmt(n)}{'M' if unit == 'minute' else code}"
    return f"P{_fmt(n)}{code}"


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return dt.date(y, m + 1, 1)


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta((weekday - d.weekday()) % 7)
        return d + dt.timedelta(7 * (n - 1))
    d = _add_months(dt.date(year, month, 1), 1) - dt.timedelta(1)
    return d - dt.timedelta((d.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new years day": lambda y: dt.date(y, 1, 1),
    "new year's": lambda y: dt.date(y, 1, 1),
    "new year": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new years eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    # the US shopping days after Thanksgiving
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(4),
    "easter": _easter,
    "easter sunday": _easter,
    # the movable feasts of the (Western) church year, counted from Easter
    "easter monday": lambda y: _easter(y) + dt.timedelta(1),
    "good friday": lambda y: _easter(y) - dt.timedelta(2),
    "holy saturday": lambda y: _easter(y) - dt.timedelta(1),
    "maundy thursday": lambda y: _easter(y) - dt.timedelta(3),
    "holy thursday": lambda y: _easter(y) - dt.timedelta(3),
    "palm sunday": lambda y: _easter(y) - dt.timedelta(7),
    "ash wednesday": lambda y: _easter(y) - dt.timedelta(46),
    "pentecost": lambda y: _easter(y) + dt.timedelta(49),
    "pentecost sunday": lambda y: _easter(y) + dt.timedelta(49),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "valentines day": lambda y: dt.date(y, 2, 14),
    "independence day": lambda y: dt.date(y, 7, 4),
    "july fourth": lambda y: dt.date(y, 7, 4),
    "fourth of july": lambda y: dt.date(y, 7, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "veterans day": lambda y: dt.date(y, 11, 11),
    # US federal holidays and observances fixed to a weekday of a month, or to a date
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "martin luther king jr. day": lambda y: _nth_weekday(y, 1, 0, 3),
    "mlk day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "president's day": lambda y: _nth_weekday(y, 2, 0, 3),
    "washington's birthday": lambda y: _nth_weekday(y, 2, 0, 3),
    "juneteenth": lambda y: dt.date(y, 6, 19),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
    "indigenous peoples day": lambda y: _nth_weekday(y, 10, 0, 2),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    # US general elections: the Tuesday after the first Monday of November
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(1),
}



def _holiday_key(name: str) -> str:
    """One spelling for a holiday's name: lower case, single spaces, no apostrophes, commas or
    periods ("Presidents' Day", "President's Day", "Martin Luther King, Jr. Day")."""
    return re.sub(r"[',.’]", "", re.sub(r"\s+", " ", name.lower()))


_HOLIDAY_KEYS = {_holiday_key(k): fn for k, fn in HOLIDAYS.items()}

# A holiday's name followed by one of these names something else, named after the day: an
# agreement signed, a rising begun on it ("the Good Friday Agreement", "the Good Friday accords",
# "the Easter Rising", "the Christmas truce"); "Black Friday sales" are still on the day.
_NAMES_AFTER_A_DAY = re.compile(
    r"\s+(?:peace\s+)?(?:agreements?|accords?|pacts?|treat(?:y|ies)|declarations?|truce|rising"
    r"|uprising|offensive)\b|\s+peace\s+(?:deal|process|talks)\b", re.IGNORECASE)


# --- tense of the governing clause ---------------------------------------------------------
PAST, PRESENT, FUTURE = -1, 0, 1
SCHEDULED = 2  # simple present of an action verb: "the ministers meet Monday" (news: a plan)
_STATIVE = {"be", "have", "say", "tell", "add", "note", "state", "report", "announce", "claim",
            "insist", "argue", "write", "think", "believe", "know", "seem", "remain", "want",
            "need", "hope", "expect", "show", "include", "continue", "mean", "appear"}


def _tense(doc, start: int, end: int) -> int:
    """Past, present (or unknown) or future for the clause that governs [start, end).

    The timex's head is followed up through prepositions to the verb it modifies ("said
    Friday", "met on Friday"); a timex that modifies a noun ("the March accession", "a
    meeting on Friday") says nothing about tense and gets PRESENT (unknown).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return PRESENT
    tok = span.root
    prep = None
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return PRESENT
        if prep == "since" or head.lower_ == "since":
            return PAST  # "open since January", "since October 7th": a start already passed
        if head.pos_ == "ADJ" and head.lower_ == "due":
            # "is due on Friday" (a plan) / "was due on Monday" (a plan seen from the past)
            cop = next((c for c in head.children if c.dep_ == "cop"), None)
            if cop is None and head.dep_ == "acomp" and head.head.lemma_ == "be":
                cop = head.head  # the parser makes the copula the head: "was" <- "due"
            past = cop is not None and (cop.tag_ == "VBD" or _pluperfect(cop))
            return PAST if past else FUTURE
        if head.pos_ in ("VERB", "AUX"):
            head = _reattach(tok, head)
            tense = _verb_tense(head)
            if prep in ("until", "till"):
                # a deadline: "postponed until Tuesday"; but "until Thursday, they had not
                # called him a suspect" looks back from a past perfect
                had = any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in head.children)
                tense = PAST if had else FUTURE
            elif prep in ("through", "by", "before"):
                # "extended the loans through January", "will double by August"
                tense = PRESENT if tense == PAST else FUTURE
            return tense
        if head.pos_ == "ADP" or head.i in range(span.start, span.end) or (
                head.pos_ == "ADV" and head.dep_ == "advmod"):
            # through the preposition, and an adverb before it ("sworn in back on January 20th")
            if head.pos_ == "ADP":
                prep = head.lower_
            tok = head
            continue
        if prep is None and _names_past_event(tok, head):
            return PAST  # "the Jan. 6 attack", "the January 6th committee": a past event's name
        if (prep in _DEADLINE_PREPS or (prep == "on" and head.dep_ == "dobj")) and head.pos_ in (
                "NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "attr", "pobj"):
            # a deadline on the verb's object: "will double its flights by August" (the
            # parser hangs "by August" on "flights"); the clause's verb still sets the tense
            tok = head
            continue
        return PRESENT
    return PRESENT


_DEADLINE_PREPS = ("by", "until", "till")

# Nouns of events that a date before them names ("the Jan. 6 attack", "the Oct. 19 crash"):
# such a name is of something that has happened. A committee or commission named by a date is
# named by the event it looks into ("the January 6th committee", "the 9/11 Commission").
_PAST_EVENTS = {"attack", "insurrection", "riot", "massacre", "bombing", "shooting", "explosion",
                "blast", "crash", "plunge", "earthquake", "quake", "coup", "invasion", "raid",
                "assault", "siege", "uprising", "killing", "slaying", "murder", "tragedy",
                "disaster", "atrocity", "ambush", "hijacking", "committee", "commission"}


def _names_past_event(tok, head) -> bool:
    """``tok`` (a date's head word) modifies ``head``, a noun of a past event after it, as
    part of its name: "the Jan. 6 attack", "the January 6th insurrection" (not "the Jan. 15
    committee meeting": that names a meeting)."""
    return (tok.dep_ in ("compound", "nmod", "amod", "npadvmod") and head.i > tok.i
            and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in _PAST_EVENTS)


def _past_event_date(ctx, c) -> bool:
    """The candidate is a date naming a past event ("the Jan. 6 attack")."""
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _names_past_event(span.root, span.root.head)


def _reattach(tok, verb):
    """The verb a phrase ``tok`` (hung on ``verb``) really modifies. The parser hangs a phrase
    standing right after a reporting verb, before its complement clause's subject, on the
    clause's verb ("said on Monday they would announce": "on Monday" on "announce"); words
    before the clause's subject belong to the verb before them."""
    if verb.dep_ == "ccomp" and tok.i < verb.i and verb.head.i < tok.i:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None and tok.i < subj.i:
            return verb.head
    return verb


_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_MODALS = {"would", "might", "may", "should", "must", "can", "ca", "'d"}
_PLAN_VERBS = {"plan", "schedule", "expect", "due", "slate", "set"}
_FUTURE_HEADS = {"expect", "plan", "schedule", "intend", "hope", "want", "aim", "set", "due",
                 "prepare", "promise", "agree", "decide", "vow", "threaten", "seek", "try"}


def _pluperfect(tok) -> bool:
    """The clause of ``tok`` (a verb, or an adjective like "due" and its copula) is in the
    past perfect: "had been due to expire", "had planned to meet"."""
    # a verb's own auxiliaries; an adjective's ("due") through its copula
    for t in (tok,) if tok.pos_ in ("VERB", "AUX") else (tok, tok.head):
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD"
               for c in t.children):
            return True
    return False


def _verb_tense(verb, depth: int = 0) -> int:
    if verb.lower_ == "let" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ in ("us", "'s", "’s"):
        # "let us observe this week", "let's meet this Sunday": a proposal, not a past tense
        # (the tagger may read "let" as VBD, and its past is spelled like its present)
        return FUTURE
    if verb.lemma_ in _PLAN_VERBS and (verb.tag_ in ("VBZ", "VBP") or any(
            c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve"))
            for c in verb.children)):
        # "is scheduled for Thursday", "has scheduled a news conference Thursday": a plan
        if _pluperfect(verb):
            return PAST  # "had been scheduled for Friday": a plan that has passed
        return FUTURE  # "was planned for March", "is scheduled for Thursday"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = [a.lower_ for a in aux]
    if any(w in _FUTURE_AUX for w in words):
        return FUTURE
    if "to" in words and "have" in words and verb.tag_ == "VBN":
        # a perfect infinitive looks back: "is estimated to have cost 62,000 jobs in October",
        # "is believed to have died on Friday"
        return PAST
    if "going" in words or "to" in words:
        # infinitive: "is expected to meet Friday", "plans to vote in March"
        # (or the infinitive subject of a past clause: "the first to accede on Friday were":
        # the parser labels it csubj or nsubj)
        if depth < 3 and verb.head.i != verb.i and verb.dep_ in ("xcomp", "ccomp", "advcl",
                                                                  "acl", "relcl", "conj",
                                                                  "csubj", "nsubj"):
            if verb.head.lemma_ in _FUTURE_HEADS:
                # "had been due to expire Friday": a plan seen from the past, now passed
                return PAST if _pluperfect(verb.head) else FUTURE
            if verb.dep_ in ("acl", "relcl") or _verb_tense(verb.head, depth + 1) == PAST:
                return PRESENT
        return FUTURE
    if any(w in _MODALS for w in words):
        return FUTURE
    if aux:
        first = aux[0]
        if first.lower_ in ("has", "have", "'ve", "'s") and verb.tag_ == "VBN":
            return PAST
        if "Past" in first.morph.get("Tense") or first.tag_ == "VBD":
            return PAST
        return PRESENT
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN":
        if verb.dep_ not in ("amod", "acl"):
            return PAST
        # a past participle modifying a noun names a thing done: "the agreement signed in
        # March", "the injunction issued Thursday" (one still to come is "to be held"), unless
        # it names a plan, dated by the clause it is in: "will dominate a summit set for April",
        # but "a service planned for Saturday was canceled"
        noun = verb.head
        if verb.lemma_ in _PLAN_VERBS and depth < 3 and noun.dep_ in ("nsubj", "nsubjpass", "dobj") \
                and noun.head.pos_ in ("VERB", "AUX"):
            return PAST if _verb_tense(noun.head, depth + 1) == PAST else FUTURE
        return PAST
    if verb.tag_ in ("VB", "VBG") and depth < 3 and verb.head.i != verb.i and verb.dep_ in (
            "ccomp", "advcl", "conj", "xcomp"):
        return _verb_tense(verb.head, depth + 1)
    if verb.tag_ == "VBP" and verb.lower_ in _SAME_PAST and any(
            c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children):
        # "weakness ... hurt the composite on Friday": a present tense would be "hurts"
        # with a singular subject, so this is the past of a verb whose past looks the same
        return PAST
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _STATIVE:
        return SCHEDULED
    return PRESENT


# verbs whose simple past is spelled like the base form
_SAME_PAST = {"hurt", "cut", "put", "set", "hit", "let", "cost", "shut", "spread", "split",
              "quit", "bid", "cast", "burst", "thrust", "upset", "broadcast", "forecast", "beat",
              "read", "bet", "slit", "shed"}


# --- normalization -----------------------------------------------------------------------
class _Context:
    """What normalization needs: the doc, the anchor date and the reference time so far."""

    def __init__(self, doc, pub: dt.date | None, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.pub = pub
        self.ref_day: dt.date | None = pub  # last full date mentioned (for "the next day")
        self.ref_quarter: str | None = None  # quarter reported on (for "a year earlier")
        self.last_quarter: str | None = None  # the last quarter named (for "that quarter")
        # the last quarter named by its number, and where (for "a year earlier" in its sentence)
        self.named_quarter: tuple[str, int] | None = None
        self.ref_year: int | None = pub.year if pub else None  # for "that year"
        self.ref_month: tuple[int, int] | None = (pub.year, pub.month) if pub else None
        self.year_named: tuple[int, int] | None = None  # (year, end) of the last year-only date
        self._proclaimed: dict[str, str] | None = None

    def proclaimed(self) -> dict[str, str]:
        """The week and month a proclamation proclaims ({"week": "2021-W16"}), found once."""
        if self._proclaimed is None:
            self._proclaimed = _proclaimed_period(self.text, self.pub)
        return self._proclaimed

    def tense(self, c: Candidate) -> int:
        return _tense(self.doc, c.start, c.end)


# A proclamation's own performative ("do hereby proclaim May 16 through May 22, 2021, as World
# Trade Week"; "the week starting June 13, 2021"; "May 2021 as ... Month"): its "this week" and
# "this month" are the ones proclaimed, though it is often published days before them.
_PROCLAIM = re.compile(r"\bhereby\s+proclaim\b[^.]{0,300}", re.IGNORECASE)
_PROCLAIMED_RANGE = re.compile(
    rf"\b(?P<m1>{MONTH_FULL})\s+(?P<d1>\d{{1,2}}),?(?:\s*(?P<y1>\d{{4}}),?)?\s+"
    rf"(?:through|to|until|-|\u2013)\s+(?:(?P<m2>{MONTH_FULL})\s+)?(?P<d2>\d{{1,2}})\b(?:,\s*(?P<y2>\d{{4}}))?"
    rf"|\bthe\s+week\s+(?:starting|beginning|of)\s+(?P<m3>{MONTH_FULL})\s+(?P<d3>\d{{1,2}}),\s*"
    rf"(?P<y3>\d{{4}})", re.IGNORECASE)
_PROCLAIMED_MONTH = re.compile(rf"(?:[^.;]*?\s)?(?P<m>{MONTH_FULL})\s+(?P<y>\d{{4}}),?\s+(?:as|to\s+be)\b",
                               re.IGNORECASE)


def _proclaimed_period(text: str, pub: dt.date | None) -> dict[str, str]:
    """The week (a range of 5 to 10 days: the ISO week of its middle day) and the month that
    the text's proclamation clause proclaims, if any (a range without a year is in the year
    of publication: "September 17 through September 23 as Constitution Week")."""
    found: dict[str, str] = {}
    for p in _PROCLAIM.finditer(text):
        clause = p.group(0)
        for r in _PROCLAIMED_RANGE.finditer(clause):
            try:
                if r.group("m3"):
                    first = dt.date(int(r.group("y3")), _month(r.group("m3")), int(r.group("d3")))
                    last = first + dt.timedelta(6)
                else:
                    if not r.group("y2") and pub is None:
                        continue
                    y2 = int(r.group("y2")) if r.group("y2") else pub.year
                    m2 = _month(r.group("m2") or r.group("m1"))
                    last = dt.date(y2, m2, int(r.group("d2")))
                    m1 = _month(r.group("m1"))
                    y1 = int(r.group("y1")) if r.group("y1") else y2 - (m1 > m2)
                    first = dt.date(y1, m1, int(r.group("d1")))
            except (KeyError, ValueError):
                continue
            if 4 <= (last - first).days <= 9:
                found.setdefault("week", _week(first + (last - first) / 2))
        m = _PROCLAIMED_MONTH.match(clause, len("hereby"))
        if m and m.group("m").lower().rstrip(".") in MONTHS:
            found.setdefault("month", _iso(int(m.group("y")), _month(m.group("m"))))
    return found


def _year_of(y: str) -> int:
    y = y.strip("'")
    if len(y) == 2:
        return 1900 + int(y) if int(y) > 30 else 2000 + int(y)
    return int(y)


_ORD_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}


def _day_ordinal(s: str) -> int:
    """15 for "fifteenth", "15th"; 21 for "twenty-first"; 30 for "thirtieth"."""
    s = re.sub(r"[\s-]+", " ", s.lower().strip())
    if s[0].isdigit():
        return int(re.match(r"\d+", s).group(0))
    if s == "thirtieth":
        return 30
    parts = s.split()
    if len(parts) == 2:
        return TENS[parts[0]] + _ORD_WORDS[parts[1]]
    return _ORD_WORDS[parts[0]]


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
    ys = f"{y:04d}" if y is not None else "XXXX"
    if m is None:
        return ys
    ms = f"{m:02d}"
    if d is None:
        return f"{ys}-{ms}"
    return f"{ys}-{ms}-{d:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _resolve_month_day(ctx: _Context, c: Candidate, m: int, d: int | None) -> str | None:
    """Year for a month (and day) without one: the occurrence the clause's tense points to.

    Past: the latest one not after publication; future: the first one not before it;
    no tense signal: the nearest one.
    """
    pub = ctx.pub
    year = _range_year(ctx, c, m) or _narrative_year(ctx, c)
    if year is not None and (d is None or _valid(year, m, d)):
        return _iso(year, m, d)
    if pub is None:
        return _iso(None, m, d)
    tense = ctx.tense(c)
    if tense == SCHEDULED:
        tense = PRESENT
    day = d or 1
    if d is None:
        pub_key = dt.date(pub.year, pub.month, 1)
    else:
        pub_key = pub
    options = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(dt.date(y, m, day))
        except ValueError:
            continue
    if not options:
        return None
    # a full date close to publication is that one whatever the verb's tense ("extended
    # the offer to Nov. 16" in an October article); otherwise the tense decides
    near = [o for o in options if d is not None and -31 <= (o - pub_key).days <= 62]
    if near and not (tense == PAST and _past_event_date(ctx, c)):
        pick = near[0]
    elif tense == PAST:
        past = [o for o in options if o <= pub_key]
        pick = past[-1] if past else options[0]
    elif tense == FUTURE:
        fut = [o for o in options if o >= pub_key]
        pick = fut[0] if fut else options[-1]
    else:
        # the nearest, news being mostly about the past (a future one must be clearly nearer);
        # months count whole ("April" in October is last April, not next)
        def distance(o: dt.date) -> float:
            gap = ((o.year - pub_key.year) * 12 + o.month - pub_key.month if d is None
                   else (o - pub_key).days)
            return gap * 1.5 if gap > 0 else -gap
        pick = min(options, key=lambda o: (distance(o), o > pub_key))
    return _iso(pick.year, m, d)


# The first end of a range shares the year written after the second: "from March to June 2021",
# "January through April 2020", "between January and November 2025", "March 3-June 5, 2021"
_RANGE_END = re.compile(
    rf"\s*(?:(?P<and>and)|to|through|thru|until|till|-|\u2013|\u2014)\s*(?P<m>{MONTH_FULL})"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?P<y>{YEAR})\b", re.IGNORECASE)


# ... or a range of days in the month: "February 18 – 22, 1971", "April 14-15, 1972"
_DAYS_RANGE_END = re.compile(
    rf"\s*(?:and|to|through|-|\u2013|\u2014)\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})\b", re.IGNORECASE)


_YEAR_AFTER = re.compile(rf",?\s+(?P<y>{YEAR})\b")


def _range_year(ctx: _Context, c: Candidate, m: int) -> int | None:
    text = ctx.text
    days = _DAYS_RANGE_END.match(text, c.end, min(len(text), c.end + 20))
    if days and text[c.end - 1].isdigit():
        return int(days.group("y"))
    r = _RANGE_END.match(text, c.end, min(len(text), c.end + 40))
    if not r:
        return None
    if r.group("and") and not re.search(r"\bbetween\s+$", text[max(0, c.start - 10):c.start], re.I):
        return None  # "in March and June 2021" may be two years; "between" makes it a range
    try:
        y, m2 = _year_of(r.group("y")), _month(r.group("m"))
    except (KeyError, ValueError):
        return None
    return y if m <= m2 else y - 1  # "from November to March 2021" began in 2020


# What ties a month and day to the year just named: "In 2014, on March 18", "Ten years ago, on
# March 3"; and "March 18 of that year".
_THEN_ON = re.compile(r"[\s,]*(?:on|in|by|of)?[\s,]*")
_OF_THAT_YEAR = re.compile(r"[\s,]*(?:of|in)\s+(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _narrative_year(ctx: _Context, c: Candidate) -> int | None:
    """The year a month (and day) without one belongs to when the text ties it to a year it has
    just named, rather than to the publication date: right after that year ("In 2014, on March
    18"; "Ten years ago, on March 3"), or followed by "of that year"."""
    named = ctx.year_named
    if named is not None and _THEN_ON.fullmatch(ctx.text, named[1], c.start):
        return named[0]
    if _OF_THAT_YEAR.match(ctx.text, c.end) and ctx.ref_year is not None and ctx.ref_year != (
            ctx.pub.year if ctx.pub else None):
        return ctx.ref_year
    return None


def _resolve_weekday(ctx: _Context, c: Candidate, wd: int, rel: str | None) -> str:
    pub = ctx.pub
    if pub is None:
        return f"XXXX-WXX-{wd + 1}"
    rel = " ".join((rel or "").lower().split())
    if rel in ("the previous", "the following") and ctx.ref_day is not None:
        # "down 4.5% from the previous Friday": the one before the day being talked about
        ref = ctx.ref_day
        if rel == "the following":
            return (ref + dt.timedelta((wd - ref.weekday()) % 7 or 7)).isoformat()
        return (ref - dt.timedelta((ref.weekday() - wd) % 7 or 7)).isoformat()
    diff = wd - pub.weekday()
    if rel in ("next", "this coming", "coming", "the following", "the next"):
        delta = diff % 7 or 7
    elif rel in ("last", "this past", "the previous"):
        delta = -((-diff) % 7 or 7)
    elif rel == "this":
        # "this Friday" is the coming one, on or after publication ("The vote is this Monday"
        # said on a Wednesday is five days on, not two back), unless its clause looks back:
        # "the storm hit this Monday", "This Monday's storm killed three"
        delta = -((-diff) % 7) if _clause_looks_back(ctx, c) else diff % 7
    else:
        tense = ctx.tense(c)
        if tense in (FUTURE, SCHEDULED):
            delta = diff % 7
        elif tense == PAST:
            delta = -((-diff) % 7)
        else:
            # no tense signal: the nearest one, looking back first (news reports the past)
            back, fwd = (-diff) % 7, diff % 7
            delta = -back if back <= fwd + 1 else fwd
    return (pub + dt.timedelta(delta)).isoformat()


def _clause_looks_back(ctx: _Context, c: Candidate) -> bool:
    """The clause of the expression is in the past: its tense, or (when the expression hangs
    on a noun, which has none) that of the verb above it; or that verb is also dated by
    `yesterday` or `last ...` ("Yesterday and this Monday, the index fell")."""
    if ctx.tense(c) == PAST:
        return True
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root

    def looks_back(t) -> bool:  # "yesterday", "last week", "last night"
        return t.lower_ == "yesterday" or any(x.lower_ == "last" for x in t.children)

    if root.dep_ == "conj" and looks_back(root.head):
        return True  # "closed yesterday and this Monday"
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if _verb_tense(verb) == PAST:
        return True
    # a temporal noun phrase on the same verb: "yesterday", "last week", "last night"
    return any(looks_back(ch) for ch in verb.children
               if ch.dep_ in ("npadvmod", "advmod", "tmod") and ch.i != root.i)


def _normalize(ctx: _Context, c: Candidate) -> tuple[str, str, str | None] | None:
    """(type, value, mod) for one candidate, or None to drop it."""
    g = c.match.groupdict()
    low = c.match.group(0).lower()
    pub = ctx.pub
    rule = c.rule
    mod = None
    if rule != "holiday":
        raw = ctx.text[c.start:c.end]
        if _TITLE_UNIT.search(raw) and not raw.isupper():
            return None  # a title: CBS's "60 Minutes", "This Week With David Brinkley"

    if rule in ("month_day_year", "day_month_year"):
        y, m, d = _year_of(g["y"]), _month(g["m"]), _day(g["d"])
        return ("DATE", _iso(y, m, d), None) if _valid(y, m, d) else None
    if rule == "iso_date":
        y, m, d = int(g["y"]), int(g["mo"]), int(g["d"])
        return ("DATE", _iso(y, m, d), None) if _valid(y, m, d) else None
    if rule == "slash_date":
        y, m, d = _year_of(g["y"]), int(g["mo"]), int(g["d"])
        return ("DATE", _iso(y, m, d), None) if _valid(y, m, d) else None
    if rule == "month_year":
        mod = _mod_word(g.get("mod"))
        return "DATE", _iso(_year_of(g["y"]), _month(g["m"])), mod
    if rule == "month_this_year":  # "March last year", "February 20th of last year"
        y = _rel_year(pub, g["rel"])
        return "DATE", _iso(y, _month(g["m"]), _day(g["d"]) if g.get("d") else None), None
    if rule in ("month_day", "day_month"):
        m, d = _month(g["m"]), _day(g["d"])
        if g["m"].lower().rstrip(".") in ("may", "mar") and rule == "day_month":
            return None
        if g["m"].lower() == "may" and not re.match(r"\d", g["d"]):
            return None
        value = _resolve_month_day(ctx, c, m, d)
        return ("DATE", value, None) if value else None
    if rule in ("clock", "clock24", "noon"):
        return _clock(ctx, c, g)
    if rule in ("weekday", "weekday_short"):
        return _weekday(ctx, c, g)
    if rule == "two_back":
        if g.get("w"):
            if (g["ba"] == "before") != (g["w"] == "yesterday"):
                return None  # "the day after yesterday" is today: no such phrase
            step = -2 if g["w"] == "yesterday" else 2
            return "DATE", (pub + dt.timedelta(step)).isoformat() if pub else "XXXX-XX-XX", None
        if (g["ba2"] == "before") != (g["w2"] == "last"):
            return None
        u, step = g["u"], -2 if g["w2"] == "last" else 2
        if pub is None:
            return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[u], None
        if u == "week":
            return "DATE", _week(pub + dt.timedelta(weeks=step)), None
        if u == "month":
            return "DATE", _add_months(pub, step).isoformat()[:7], None
        return "DATE", str(pub.year + step), None
    if rule == "deictic_day":
        if not g.get("part") and not g.get("mod") and _an_era(ctx, c, g["w"].lower()):
            return None  # "today's world", "the people of tomorrow": an era, not a day
        return _deictic_day(ctx, g)
    if rule == "part_of_day":
        return _part_of_day(ctx, c, g)
    if rule == "part_deictic":
        # "mid-afternoon yesterday", "by mid afternoon" (of the day being talked about)
        if not g.get("w") and not g.get("mod"):
            return None
        part = PARTS_OF_DAY[g["part"]]
        if g.get("w"):
            k = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["w"]]
            base = (pub + dt.timedelta(k)).isoformat() if pub else "XXXX-XX-XX"
        else:
            base = ctx.ref_day.isoformat() if ctx.ref_day else "XXXX-XX-XX"
        return "TIME", f"{base}T{part}", _mod_word(g.get("mod"))
    if rule == "overnight":
        # the night before the day being talked about ("overnight losses in New York" in a
        # report on Friday's trading: Thursday night)
        day = ctx.ref_day or pub
        base = (day - dt.timedelta(1)).isoformat() if day else "XXXX-XX-XX"
        return "TIME", f"{base}TNI", None
    if rule == "holiday":
        fn = _HOLIDAY_KEYS.get(_holiday_key(g["h"]))
        if fn is None:
            return None
        h_start, h_end = c.match.span("h")
        if (re.search(rf"{WEEKDAY}$", g["h"].lower()) and not g["h"].lower().startswith("easter")
                and not ctx.text[h_start].isupper()):
            return None  # "a good Friday for stocks", "black Friday for the markets": no feast
        if _NAMES_AFTER_A_DAY.match(ctx.text, h_end):
            return None  # "the Good Friday Agreement", "the Easter Rising": named after the day
        if _holiday_key(g["h"]) == "independence day" and not g.get("rel") and re.search(
                r"\b(?!(?:American|U\.S\.|US|Our|This|The|On|Happy|Since|Until|Before|After)\b)"
                r"[A-Z][a-z]+(?:n|an|ese|ish|ian|i|ic|ch)\s+$", ctx.text[max(0, c.start - 25):c.start]):
            return None  # another nation's: "Cuban Independence Day" is not July 4
        # "Easter week", "Christmas week": the (ISO) week the holiday falls in
        as_value = _week if g.get("wk") else dt.date.isoformat
        if g.get("y"):
            return "DATE", as_value(fn(int(g["y"]))), None
        if pub is None:
            if g.get("wk") or fn(2001).isoformat()[4:] != fn(2002).isoformat()[4:]:
                # a movable feast's month and day depend on the year: nothing is guessed
                return "DATE", "XXXX-WXX" if g.get("wk") else "XXXX-XX-XX", None
            return "DATE", "XXXX" + fn(2001).isoformat()[4:], None
        rel = (g.get("rel") or "").lower()
        tense = PAST if rel == "last" else FUTURE if rel == "next" else ctx.tense(c)
        this = fn(pub.year)
        begins = this - dt.timedelta(this.weekday()) if g.get("wk") else this
        if tense == PAST and begins > pub:
            this = fn(pub.year - 1)
        elif tense == FUTURE and this < pub:
            this = fn(pub.year + 1)
        return "DATE", as_value(this), None
    if rule in ("decade", "decade_short", "decade_word"):
        mod = _mod_word(g.get("mod"))
        if rule == "decade":
            return "DATE", f"{g['c']}{g['dd']}", mod
        if rule == "decade_short":
            return "DATE", f"19{g['dd']}", mod
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties"]
        digit = words.index(g["w"].lower()) + 2
        if not low.startswith("the") and not g.get("mod"):
            return None  # "in his forties" is an age, not a decade
        return "DATE", f"19{digit}", mod
    if rule == "century":
        return "DATE", f"{int(g['n']) - 1:02d}", _mod_word(g.get("mod"))
    if rule == "this_century":
        rel = g["rel"].lower()
        if rel in ("the past", "the last"):
            return "DURATION", "P100Y", None
        if pub is None:
            return "DATE", "XX", None
        c_ = pub.year // 100 + {"this": 0, "last": -1, "next": 1}[rel]
        return "DATE", f"{c_:02d}", None
    if rule == "quarter":
        return _quarter_expr(ctx, c, g)
    if rule == "first_months":
        n = _num(g["n"])
        return "DURATION", _duration(n, "month"), None
    if rule == "the_n_months":
        return "DURATION", _duration(_num(g["n"]), "month"), None
    if rule == "fy_year":
        return "DATE", str(_year_of(g["y"])), None
    if rule == "nine_eleven":
        return "DATE", "2001-09-11", None
    if rule == "fiscal_year":
        if g.get("y"):
            return "DATE", str(_year_of(g["y"])), None
        if "year" not in low:
            return None
        if re.search(r"\ban?\s+$", ctx.text[max(0, c.start - 3):c.start]):
            return None  # "changed from a fiscal year to a calendar year": a kind, not a time
        rel = (g.get("rel") or "").split()[-1:] or [""]
        rel = rel[0]
        if rel == "the":
            return "DURATION", "P1Y", None  # "the fiscal year (ended June 30)"
        if pub is None:
            return "DATE", "XXXX", None
        if rel in ("last", "previous", "latest"):
            return "DATE", str(pub.year - 1), None  # the latest one completed
        if rel == "next":
            return "DATE", str(pub.year + 1), None
        if rel == "the":
            return "DURATION", "P1Y", None
        return "DATE", str(pub.year), None
    if rule in ("season", "year_season"):
        return _season(ctx, c, g)
    if rule == "edge_of":
        return _edge_of(ctx, c, g)
    if rule == "week_of":
        # "the week of March 6": a week, the ISO week that day falls in (TIMEX3 weeks are
        # written 2000-W10)
        m, d = _month(g["m"]), _day(g["d"])
        if g.get("y"):
            y = int(g["y"])
            if not _valid(y, m, d):
                return None
            return "DATE", _week(dt.date(y, m, d)), None
        day = _resolve_month_day(ctx, c, m, d)
        if day is None or not day[:4].isdigit():
            return "DATE", "XXXX-WXX", None
        return "DATE", _week(dt.date.fromisoformat(day)), None
    if rule == "year_end":
        rel = g.get("rel")
        if not rel and re.search(r"\bsince\s+$", ctx.text[max(0, c.start - 7):c.start]):
            rel = "last"  # "the change is since year-end": the last one passed
        y = _rel_year(pub, rel or "this")
        return "DATE", (f"{y}-12-31" if y else "XXXX-12-31"), None
    if rule == "edge_rel":
        return _edge_rel(ctx, c, g)
    if rule == "rel_unit":
        return _rel_unit(ctx, c, g)
    if rule == "rel_month":
        if not ctx.text[c.match.start("m")].isupper():
            return None  # "this march" (a demonstration), "next may"
        m = _month(g["m"])
        rel = g["rel"].lower()
        if pub is None:
            return "DATE", _iso(None, m), None
        y = pub.year
        if rel in ("last", "this past"):
            y = pub.year if m < pub.month else pub.year - 1
        elif rel in ("next", "this coming"):
            y = pub.year if m > pub.month else pub.year + 1
        return "DATE", _iso(y, m), None
    if rule == "ago":
        return _ago(ctx, c, g)
    if rule == "year_ago_adj":
        return _year_ago(ctx, g["w"].lower(), c.start)
    if rule == "anaphoric_day":
        return _anaphoric(ctx, c, g)
    if rule == "duration":
        return _duration_expr(ctx, c, g)
    if rule == "duration_adj":
        u = g["u"].lower()
        if u.startswith("quarter"):
            return None  # "three-quarters of its food"
        if g.get("old") == "old":
            return None  # ages ("6-year-old") are not time expressions in TimeML practice
        nw = g["n"].lower()
        n = 0.5 if nw == "half" else None if nw in ("several", "multi") else _num(nw)
        if n is None and nw not in ("several", "multi"):
            return None
        if u == "night":
            u = "day"
        return "DURATION", _duration(n, u), None
    if rule == "fuzzy_units":
        return _fuzzy_units(ctx, c, g)
    if rule == "unit_long":
        # "a day-long meeting", "a yearlong inquiry": one unit
        return "DURATION", _duration(1, g["u"].lower()), None
    if rule == "second_day":
        # "on April 24 and 25": the second day, in the first one's month (and year: "and 25, 2020")
        year = _YEAR_AFTER.match(ctx.text, c.end)
        m, d = _month(g["m"]), _day(g["d"])
        if year and _valid(int(year.group("y")), m, d):
            return "DATE", _iso(int(year.group("y")), m, d), None
        value = _resolve_month_day(ctx, c, m, d)
        return ("DATE", value, None) if value else None
    if rule == "decades_long":
        if c.match.group(0).endswith("old"):
            return None
        return "DURATION", _duration(None, g["u"]), None
    if rule == "set_adverb":
        w = g["w"].lower()
        tok = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
        if tok is not None and len(tok) == 1 and tok[0].pos_ in ("ADJ", "NOUN", "PROPN") and (
                w == "quarterly"
                or re.search(r"\baverage\s*$", ctx.text[max(0, c.start - 9):c.start])):
            # "daily life", "his weekly radio address" are sets (TimeML); "a quarterly
            # dividend" and "average daily volume" are not marked in TimeBank
            return None
        if w in ("annually", "yearly") and re.search(
                r"(?:\d%?|percent|million|billion|units|[a-z]+s)\s*$",
                ctx.text[max(0, c.start - 12):c.start]):
            return None  # "rise 8.5% annually", "10,000 units annually": a rate
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                 "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D",
                 "biweekly": "P2W", "semiannually": "P6M", "bimonthly": "P2M"}[w]
        return "SET", value, None
    if rule == "set_every":
        return _set_every(ctx, c, g)
    if rule == "present_ref":
        if low == "now" and _THEREFORE.match(ctx.text, c.end):
            return None  # "NOW, THEREFORE, I, ...": a proclamation's formula, not a time
        return "DATE", "PRESENT_REF", None
    if rule == "past_ref":
        return "DATE", "PAST_REF", None
    if rule == "future_ref":
        if low in ("soon", "shortly") and ctx.tense(c) == PAST:
            return None  # "he was soon released": soon after a past event, not after publication
        return "DATE", "FUTURE_REF", None
    if rule == "year_mod":
        return "DATE", g["y"], _mod_word(g["mod"])
    if rule == "year":
        if _not_a_year(ctx.text, c.match.start("y"), c.match.end("y")):
            return None
        y = int(g["y"])
        return "DATE", str(y), None
    if rule == "month":
        raw = ctx.text[c.match.start("m"):c.match.end("m")]
        if not raw[:1].isupper():
            return None  # "march", "may" as words
        if g["m"] == "may" and not re.search(r"\b(?:in|since|until|till|by|through|of|early|late|mid|last|next|this|from|to|and|during|before|after)[\s-]*$",
                                            c.match.string[max(0, c.start - 12):c.match.start("m")]):
            return None
        if _A_MARCH.match(ctx.text, c.match.end("m")) and re.search(
                r"\bthe\s+$", ctx.text[max(0, c.start - 5):c.start], re.I):
            return None  # a march, not a month: "the March for Life", "the March on Washington"
        m = _month(g["m"])
        value = _resolve_month_day(ctx, c, m, None)
        return "DATE", value, _mod_word(g.get("mod"))
    if rule in ("formal_day", "lord_year"):
        y = None
        if g.get("yc"):
            yy = _num(g["yy"])
            if yy is None or yy >= 100:
                return None
            y = 1900 + int(yy)
        elif g.get("y2") or re.search(r"thousand\b", c.match.group(0)):
            yy = _num(g["y2"]) if g.get("y2") else 0
            if yy is None or yy >= 100:
                return None
            y = 2000 + int(yy)
        if rule == "lord_year":
            return ("DATE", str(y), None) if y else None
        d = _day_ordinal(g["dord"])
        m = _month(g["m"])
        if y is not None:
            return ("DATE", _iso(y, m, d), None) if _valid(y, m, d) else None
        return "DATE", _resolve_month_day(ctx, c, m, d), None
    if rule == "year_words":
        if g.get("c"):
            tail = g["yy"].replace("oh", "").strip(" -")
            yy = _num(tail)
            if yy is None or yy >= 100 or (g["c"] == "twenty" and yy < 10 and "oh" not in g["yy"]):
                return None  # "twenty six" is a number, "twenty oh six" a year
            y = (19 if g["c"] == "nineteen" else 20) * 100 + int(yy)
        else:
            y = 2000 + (int(_num(g["y2"])) if g.get("y2") else 0)
        return "DATE", str(y), None
    if rule == "the_year":
        adj = (g.get("adj") or "")
        after = c.match.string[c.end:c.end + 10]
        if re.match(r"\s+(?:ended|ending|to)\b", after):
            return "DURATION", "P1Y", None
        before = c.match.string[max(0, c.start - 20):c.start]
        if not re.search(r"\b(?:for|of|in|during|through|over|this)\s*$", before) and adj not in ("full", "current"):
            return None
        if pub is None:
            return "DATE", "XXXX", None
        return "DATE", str(pub.year), None
    if rule == "anaphoric":
        return _anaphoric_unit(ctx, c, g)
    if rule == "the_weekend":
        if pub is None:
            return "DATE", "XXXX-WXX-WE", None
        tense = ctx.tense(c)
        if tense == PRESENT:
            tense = PAST if pub.weekday() <= 2 else FUTURE
        return "DATE", _rel_value(ctx, "last" if tense == PAST else "this", "weekend"), None
    if rule == "term_ref":
        return "DATE", "FUTURE_REF" if g["w"] in ("near", "short", "medium") else "FUTURE_REF", None
    return None


def _an_era(ctx: _Context, c: Candidate, w: str) -> bool:
    """"today's world", "today's youth", "the people of tomorrow": the present or the future
    as an era (TimeBank leaves these unmarked), not the day before or after publication."""
    if _GENERIC_AFTER.match(ctx.text, c.start + len(w)):
        return True
    return w in ("today", "tomorrow") and bool(
        re.search(r"\bof\s+$", ctx.text[max(0, c.start - 4):c.start])
        and re.match(r"\s*[,.;:!?\"']", ctx.text[c.end:c.end + 2]))


_GENERIC_AFTER = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|generation|children|young|kids|teenagers|"
    r"economy|standards|technology|computers|consumers|families|women|men|students|workers)\b")
_TITLE_UNIT = re.compile(
    r"(?<=[\s-])(?:Seconds?|Minutes?|Hours?|Days?|Nights?|Weeks?|Months?|Years?|Decades?)\b")


def _mod_word(w: str | None) -> str | None:
    if not w:
        return None
    w = w.lower().strip()
    if w.startswith("the "):
        w = w.split()[1]
    return MOD_WORDS.get(w)


def _rel_year(pub: dt.date | None, rel: str) -> int | None:
    if pub is None:
        return None
    return pub.year + {"this": 0, "last": -1, "next": 1}.get(rel.lower(), 0)


def _clock(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    if c.rule == "noon":
        n = g["n"].lower()
        h, mi = (24, None) if n == "midnight" else (12, 0)
        if n == "midday" and not g.get("wd"):
            base = _base_day(ctx, c, g)
            return "TIME", f"{base}T12:00", None
    else:
        h = int(g["h"])
        mi = int(g["mi"]) if g.get("mi") else (0 if c.rule == "clock" else 0)
        ap = (g.get("ap") or "").lower()
        if ap.startswith("p") and h < 12:
            h += 12
        if ap.startswith("a") and h == 12:
            h = 0
        if c.rule == "clock" and not ap:
            return None
    base = _base_day(ctx, c, g)
    hm = f"{h:02d}" if mi is None else f"{h:02d}:{mi:02d}"
    mod = None
    if g.get("mod"):
        mod = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
               "before": "BEFORE", "after": "AFTER", "by": "ON_OR_BEFORE",
               "until": "ON_OR_BEFORE"}.get(g["mod"].lower().split()[-1])
    return "TIME", f"{base}T{hm}", mod


def _base_day(ctx: _Context, c: Candidate, g: dict) -> str:
    """The day a clock time falls on: its own weekday/date, else the reference day."""
    pub = ctx.pub
    if g.get("m") and g.get("d"):
        v = _resolve_month_day(ctx, c, _month(g["m"]), _day(g["d"]))
        if v:
            return v
    wd = (g.get("wd") or "").lower()
    if wd in WEEKDAYS:
        return _resolve_weekday(ctx, c, WEEKDAYS[wd], None)
    if wd in ("today", "yesterday", "tomorrow"):
        if pub is None:
            return "XXXX-XX-XX"
        return (pub + dt.timedelta({"today": 0, "yesterday": -1, "tomorrow": 1}[wd])).isoformat()
    # a later weekday/date in the same sentence ("at 10 a.m. (0735 GMT) Friday")
    sent_end = _sentence_end(ctx, c.end)
    m = re.search(rf"\b({WEEKDAY}|today|yesterday|tomorrow)\b", ctx.text[c.end:min(sent_end, c.end + 40)], re.I)
    if m:
        w = m.group(1).lower()
        if w in WEEKDAYS:
            return _resolve_weekday(ctx, c, WEEKDAYS[w], None)
        if pub is not None:
            return (pub + dt.timedelta({"today": 0, "yesterday": -1, "tomorrow": 1}[w])).isoformat()
    if ctx.ref_day is not None and not _own_line(ctx.text, c.start, c.end):
        return ctx.ref_day.isoformat()
    if pub is not None:
        return pub.isoformat()
    return "XXXX-XX-XX"


_TAGS = re.compile(r"</?[a-zA-Z][^<>\n]*>")  # HTML tags left in a transcript's layout


def _own_line(text: str, start: int, end: int) -> bool:
    """True for a clock time alone on its line ("END 1:39 P.M. EST", "3:42 P.M. EDT"): a
    transcript's time stamp, the document's own time, not the last day its words mentioned."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = _TAGS.sub("", text[line_start:start]).strip(" \t\u00a0")
    after = _TAGS.sub("", text[end:len(text) if line_end < 0 else line_end]).strip(" \t\u00a0.")
    return before in ("", "END") and (after == "" or after.isupper() and len(after) <= 4)


def _sentence_at(ctx: _Context, i: int) -> tuple[int, int] | None:
    """(start, end) characters of the spaCy sentence holding character ``i``, if known."""
    span = ctx.doc.char_span(i, i + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    try:
        sent = span[0].sent
    except ValueError:  # a pipeline without sentence boundaries
        return None
    return sent.start_char, sent.end_char


def _same_sentence(ctx: _Context, a: int, b: int) -> bool:
    """The characters at ``a`` and ``b`` are in the same sentence (spaCy's)."""
    sent = _sentence_at(ctx, a)
    return sent is not None and sent == _sentence_at(ctx, b)


def _sentence_end(ctx: _Context, pos: int) -> int:
    sent = _sentence_at(ctx, pos - 1) if pos > 0 else None
    return sent[1] if sent is not None else len(ctx.text)


def _weekday(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    wd_name = g["wd"].lower()
    wd = WEEKDAYS.get(wd_name)
    if wd is None:
        return None
    rel = g.get("rel")
    if rel and rel.lower() in ("early", "late"):
        mod = "START" if rel.lower() == "early" else "END"
        rel = None
    else:
        mod = None
    if g.get("pl"):
        if rel:
            return None
        return "SET", f"XXXX-WXX-{wd + 1}", None
    if _in_a_name(ctx, c) or _in_a_programme(ctx, c) or (
            _NAMED_DAY.search(ctx.text, max(0, c.start - 12), c.match.end("wd"))):
        return None
    value = _resolve_weekday(ctx, c, wd, rel)
    part = (g.get("part") or "").lower()
    if part in ("evening", "afternoon"):
        # TimeML gives "Friday evening" its part of day (TimeBank: 3 of 3); for "Friday
        # morning"/"Friday night" TimeBank mostly marks the day alone (15 of 28), kept here
        return "TIME", f"{value}T{PARTS_OF_DAY[part]}", mod
    return "DATE", value, mod


# A capitalized word that makes the weekday after it a named day: a feast ("Good Friday", "Palm
# Sunday": the holiday rule dates it, and where that declines, as in "the Good Friday accords",
# no weekday is left either), a shopping day, or an event ("Bloody Sunday", "Super Tuesday",
# "Black Monday"): none of them is the nearest such weekday. Named pairs only ("Good Monday
# morning, everyone" is a greeting on a Monday), in title case ("a good Friday for stocks").
_NAMED_DAY = re.compile(
    r"\b(?:Good\s+Fri|Black\s+(?:Mon|Tues|Wednes|Thurs|Fri)|Bloody\s+(?:Sun|Fri)|Super\s+Tues"
    r"|Cyber\s+Mon|Giving\s+Tues|Palm\s+Sun|Holy\s+(?:Thurs|Satur)|Maundy\s+Thurs|Ash\s+Wednes"
    r"|Spy\s+Wednes|Easter\s+(?:Sun|Mon)|Fat\s+Tues|Shrove\s+Tues|Whit\s+(?:Sun|Mon)"
    r"|(?:Trinity|Mothering|Remembrance)\s+Sun)day$")

# Capitalized words that may follow a weekday in a date, not a name ("Friday Morning", "Friday, Oct. 13").
_DAY_FOLLOWERS = set(MONTHS) | set(WEEKDAYS) | set(PARTS_OF_DAY) | {"night", "noon", "midnight", "next", "last"}


_THEREFORE = re.compile(r",?\s*therefore\b", re.IGNORECASE)

# Four digits that number something else: a section of the Code or a bill ("50 U.S.C. 1622(d)",
# "sections 1671, 1673", "H.R. 1865", "S. 1790"), a house on a street ("1600 Pennsylvania
# Avenue", "1801 Town and Country Drive"). Presidential documents cite them by the dozen.
_NUMBERED_BEFORE = re.compile(
    r"(?:\bU\.?\s?S\.?\s?C\.?|\bC\.?F\.?R\.?|§§?|\b[Ss]ec(?:tions?|s?\.)|\bNos?\.|\bStat\.|\bH\.\s?R\.|"
    r"(?<![\w.])S\.|\bH\.\s?(?:J|Con)\.\s?Res\.|\b[Rr]oute|\b[Ss]uite|\b[Rr]oom)"
    r"[\s\u00a0]*(?:\d[\w()-]*,?[\s\u00a0]+(?:and[\s\u00a0]+|through[\s\u00a0]+)?)*$")
_NUMBERED_AFTER = re.compile(r"\([a-z\d]{1,4}\)|[\s\u00a0]+et[\s\u00a0]+seq\b")
_STREET_AFTER = re.compile(
    r"[\s\u00a0]+(?:(?:[A-Z][\w.'’]*|and|of|de|la)[\s\u00a0]+){1,4}"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Boulevard|Blvd\.|Lane|Way|Place|Court|Parkway|Highway|Pike)(?!\w)")
# ... but "in 1929 Wall Street crashed": after a preposition of time it is the year
_TIME_PREP_BEFORE = re.compile(r"\b(?:in|since|by|of|until|till|from|during|before|after|through|to|and|or)[\s\u00a0]*$",
                               re.IGNORECASE)


def _not_a_year(text: str, start: int, end: int) -> bool:
    """Four digits read as a year that number a statute's section, a bill or a house."""
    before = text[max(0, start - 60):start]
    return bool(_NUMBERED_BEFORE.search(before) or _NUMBERED_AFTER.match(text, end)
                or (_STREET_AFTER.match(text, end) and not _TIME_PREP_BEFORE.search(before)))


_A_MARCH = re.compile(r"\s+(?:for|on|of|against|to)\s+(?:Our\s+|the\s+)?[A-Z][a-z]")


def _in_a_name(ctx: _Context, c: Candidate) -> bool:
    """True for a weekday that is a word of a title-case name: "the Good Friday Agreement",
    "Sunday Morning Futures" (capitalized words before or inside it, and a capitalized noun
    after). Not "his Sunday Mass", and not in text set in capitals."""
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.text.isupper():
        return False
    doc = ctx.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if (nxt is None or nxt.idx != span.end_char + 1 or not nxt.text[:1].isupper() or nxt.is_upper
            or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_.rstrip(".") in _DAY_FOLLOWERS):
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    titled_before = (prev is not None and prev.text[:1].isupper() and not prev.is_sent_start
                     and prev.idx + len(prev) + 1 == span.start_char)
    return titled_before or (len(span) > 1 and all(t.text[:1].isupper() for t in span))


# Broadcast programmes whose title ends in a weekday (with its part of day). Nothing in the
# words or the parse tells "on Fox News Sunday" (the programme) from "told CBS News Sunday" (a
# day): this is knowledge of the names, as the holidays are; written in title case only.
_PROGRAMMES = re.compile(
    r"\b(?:Fox News Sunday|CBS Sunday Morning|Saturday Night Live|Friday Night Lights"
    r"|(?:Monday|Thursday|Sunday) Night (?:Football|Baseball))\b")


def _in_a_programme(ctx: _Context, c: Candidate) -> bool:
    """True for the weekday of a programme's title ("Secretary Rubio on Fox News Sunday")."""
    lo = max(0, c.start - 20)
    return any(m.start() <= c.start and c.end <= m.end()
               for m in _PROGRAMMES.finditer(ctx.text, lo, min(len(ctx.text), c.end + 20)))


def _deictic_day(ctx: _Context, g: dict) -> tuple[str, str, str | None]:
    pub = ctx.pub
    w = g["w"].lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    value = (pub + dt.timedelta(offset)).isoformat() if pub else "XXXX-XX-XX"
    mod = _mod_word(g.get("mod"))
    part = g.get("part")
    if part:
        return "TIME", value + "T" + PARTS_OF_DAY[part.lower()], mod
    if w == "tonight":
        return "TIME", value + "TNI", mod
    return "DATE", value, mod


def _part_of_day(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    pub = ctx.pub
    rel = g["rel"].lower()
    part = PARTS_OF_DAY[g["part"].lower()]
    mod = _mod_word(g.get("mod"))
    if rel in ("the", "that"):
        day = ctx.ref_day
        if rel == "the" and not g.get("mod"):
            return None  # "the night of Oct. 23", "in the morning": generic or a part of a date
    else:
        if pub is None:
            return "TIME", f"XXXX-XX-XXT{part}", mod
        day = pub + dt.timedelta({"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel])
    base = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{base}T{part}", mod


def _quarter_expr(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    pub = ctx.pub
    kind = g["q"].lower()
    ordw = (g.get("ord") or "").lower()
    yr = (g.get("yr") or "").lower()
    the = (g.get("the") or "").lower()
    low = c.match.group(0).lower()
    if kind == "period":
        # "the year-ago period", "the latest period", "the 1988 period"
        if not (yr or ordw in ("latest", "year-ago", "year-earlier", "same", "comparable",
                               "corresponding", "recent", "current")):
            return None
    if kind == "half" and not ordw:
        return None
    if not ordw and not yr and not the and kind == "quarter":
        return None
    if the == "a" and not ordw:
        return None
    # the year the quarter belongs to
    year = pub.year if pub else None
    shift = 0
    if g.get("y"):
        year = int(g["y"])
    elif g.get("fy"):
        year = int(re.search(r"\d{4}", g["fy"]).group(0))
    elif g.get("yrel"):
        year = _rel_year(pub, g["yrel"])
    elif re.fullmatch(r"\d{4}", yr):
        year = int(yr)
    elif yr.startswith("last year") or "ago" in yr or "earlier" in yr or "before" in yr or \
            ordw in ("year-ago", "year-earlier"):
        shift = -1
    elif yr.startswith("next"):
        shift = 1
    elif g.get("back"):
        # "the quarter a year ago", "the corresponding period last year", "the third quarter
        # the year before": the quarter talked about (or named), a year back
        shift = -1
    n = ORDINALS.get(ordw)
    if ordw in ("june", "september", "december", "march"):
        n = {"march": 1, "june": 2, "september": 3, "december": 4}[ordw]
    if g.get("cent"):
        # "the first half of the 20th century": that century (TIMEX3 "19"), its start or end
        if kind != "half" or n not in (1, 2, -1) or not 1 <= int(g["cent"]) <= 30:
            return None
        return "DATE", f"{int(g['cent']) - 1:02d}", "END" if n in (2, -1) else "START"
    if g.get("dec"):
        # "the last half of the '80s", "the first half of the 1990s": that decade, its
        # start or end (TIMEX3 mod)
        if kind != "half" or n not in (1, 2, -1):
            return None
        dec = g["dec"].strip("'s")
        decade = ("19" + dec[0]) if len(dec) == 2 else dec[:3]
        return "DATE", decade, "END" if n in (2, -1) else "START"
    if kind == "half":
        if n not in (1, 2, -1):
            return None
        h = 2 if n in (2, -1) else 1
        if year is None:
            return "DATE", f"XXXX-H{h}", None
        if (pub is not None and shift == 0 and year == pub.year and not g.get("y")
                and not g.get("fy") and not g.get("yrel") and not yr):
            tense = ctx.tense(c)
            current = 1 if pub.month <= 6 else 2
            if h > current and tense != FUTURE:
                shift = -1  # a half that has not begun at publication is last year's
        return "DATE", f"{year + shift}-H{h}", None
    if n is not None and n > 0 and n <= 4:
        if year is None:
            value = f"XXXX-Q{n}"
        else:
            if (pub is not None and year == pub.year and shift == 0 and not g.get("y")
                    and not g.get("fy") and not g.get("yrel") and not yr):
                # a quarter that has not begun at publication, unless spoken of as
                # future, is last year's ("the fourth quarter" reported in January); the
                # current one may be a fiscal quarter just reported, so it stays
                if n > _quarter(pub)[1] and ctx.tense(c) != FUTURE:
                    shift = -1
            value = f"{year + shift}-Q{n}"
            if shift == 0:
                ctx.named_quarter = (value, c.start)
        if not (g.get("y") or g.get("fy") or g.get("yrel") or yr or g.get("back")) \
                and ctx.ref_quarter is None:
            ctx.ref_quarter = value  # the quarter being reported on: the first one named
        return "DATE", value, None
    ended = re.match(rf"\s+(?:ended|ending)\s+(?:on\s+)?({MONTH_FULL})", c.match.string[c.end:c.end + 30])
    if ended and kind in ("quarter", "period") and not ordw and not yr and pub is not None:
        # "the quarter ended Sept. 30": the calendar quarter of that month
        m = _month(ended.group(1))
        y = pub.year if m <= pub.month else pub.year - 1
        value = f"{y}-Q{(m - 1) // 3 + 1}"
        if ctx.ref_quarter is None:
            ctx.ref_quarter = value
        return "DATE", value, None
    # "the quarter", "last quarter", "the year-ago quarter": the last quarter talked about;
    # "the latest quarter" and no quarter talked about: the last one completed before publication
    if the == "that" and not ordw and not yr and ctx.last_quarter:
        # "that quarter": the one just named, whichever it was
        return "DATE", ctx.last_quarter, None
    if ctx.ref_quarter and ctx.ref_quarter[:4].isdigit() and ordw not in ("latest", "recent"):
        y, q = int(ctx.ref_quarter[:4]), int(ctx.ref_quarter[-1])
    elif pub is not None:
        y, q = _quarter(pub)
        q -= 1
        if q == 0:
            y, q = y - 1, 4
    else:
        return "DATE", "XXXX-QX", None
    if the == "next" or ordw == "next":
        q += 1
        if q == 5:
            y, q = y + 1, 1
    if re.fullmatch(r"\d{4}", yr):
        y = int(yr)
    elif g.get("yrel") and pub is not None:
        y = _rel_year(pub, g["yrel"])  # "the same quarter of last year"
    if (ordw == "current" or the == "this" and ordw == "current") and pub is not None:
        y, q = _quarter(pub)
    if ordw == "previous" or (the == "last" and not ordw and "year" not in low):
        if not (ctx.ref_quarter is None):
            q -= 1
            if q == 0:
                y, q = y - 1, 4
    y += shift
    value = f"{y}-Q{q}"
    if kind == "period":
        return "DATE", value, None
    if shift == 0:
        ctx.ref_quarter = ctx.ref_quarter or value
    return "DATE", value, None


def _season(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    pub = ctx.pub
    s = SEASONS[g["s"].lower()]
    rel = (g.get("rel") or "").lower()
    mod = _mod_word(g.get("mod")) or (_mod_word(rel) if rel in ("early", "late", "mid") else None)
    if g.get("pl"):
        if rel in ("the", "this", "last", "next") or not rel:
            return None
        return "SET", f"XXXX-{s}", None
    if g.get("y"):
        return "DATE", f"{g['y']}-{s}", mod
    if g.get("yw"):  # "the winter of nineteen ninety-four"
        yy = _num(g["yw"].split(None, 1)[1])
        if yy is not None and yy < 100:
            return "DATE", f"{1900 + int(yy)}-{s}", mod
    if c.rule == "season" and not rel and not g.get("mod"):
        return None  # bare "spring", "fall" are too often other words
    if rel == "the" and g["s"].lower() in ("fall", "spring") and not g.get("mod") and not _season_of_the_year(ctx, c):
        return None  # "the fall of Kabul", "the spring in his step"
    if pub is None:
        return "DATE", f"XXXX-{s}", mod
    order = ["WI", "SP", "SU", "FA"]
    now_idx = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0][pub.month - 1]
    idx = order.index(s)
    y = pub.year
    if rel.startswith("last") or rel in ("this past", "past"):
        if idx >= now_idx:
            y -= 1
    elif rel.startswith("next") or rel in ("this coming", "coming"):
        if idx <= now_idx:
            y += 1
    elif rel in ("the", "early", "late", "mid", ""):
        tense = ctx.tense(c)
        if tense == PAST and idx > now_idx:
            y -= 1
        elif tense == FUTURE and idx < now_idx:
            y += 1
    return "DATE", f"{y}-{s}", mod


def _season_of_the_year(ctx: _Context, c: Candidate) -> bool:
    """ "in the spring", "until the fall": a preposition of time before it, no "of" after."""
    before = ctx.text[max(0, c.start - 12):c.start].lower().split()
    after = ctx.text[c.end:c.end + 4].lower()
    return bool(before) and before[-1] in ("in", "during", "until", "till", "by", "through", "since") \
        and not re.match(r"\s+of\b", after)


def _edge_of(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    pub = ctx.pub
    edge = g["edge"].lower().split()[-1]
    mod = {"end": "END", "close": "END", "beginning": "START", "start": "START",
           "middle": "MID", "turn": "START"}[edge]
    what = g["what"].lower().strip()
    ym = re.fullmatch(YEAR, what)
    if ym:
        return "DATE", what, mod
    mm = re.fullmatch(rf"(?:the\s+)?({MONTH_FULL})(?:\s+({YEAR}))?", what, re.I)
    if mm:
        m = _month(mm.group(1))
        if mm.group(2):
            return "DATE", _iso(int(mm.group(2)), m), mod
        return "DATE", _resolve_month_day(ctx, c, m, None) or _iso(None, m), mod
    parts = what.split()
    rel = parts[0] if len(parts) == 2 else "this"
    unit = parts[-1]
    if rel == "the":
        rel = "this"
    value = _rel_value(ctx, rel, unit)
    if value is None:
        return None
    return "DATE", value, mod


def _rel_value(ctx: _Context, rel: str, unit: str) -> str | None:
    """Value of "this/last/next UNIT" against the publication date."""
    pub = ctx.pub
    k = {"this": 0, "last": -1, "next": 1, "past": -1, "previous": -1, "coming": 1,
         "current": 0, "latest": 0}.get(rel, 0)
    if pub is None:
        return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX",
                "quarter": "XXXX-QX", "decade": "XXX", "century": "XX",
                "weekend": "XXXX-WXX-WE"}.get(unit)
    if unit == "year":
        return str(pub.year + k)
    if unit == "month":
        return _add_months(pub, k).strftime("%Y-%m")
    if unit == "week":
        return _week(pub + dt.timedelta(7 * k))
    if unit == "weekend":
        # this weekend: the coming Saturday; last weekend: the one before publication
        sat = pub + dt.timedelta((5 - pub.weekday()) % 7)
        if k < 0 or (k == 0 and pub.weekday() == 0):
            sat = pub - dt.timedelta((pub.weekday() - 5) % 7 or 7)
        elif k > 0 and pub.weekday() >= 5:
            sat += dt.timedelta(7)
        return _week(sat) + "-WE"
    if unit == "day":
        return (pub + dt.timedelta(k)).isoformat()
    if unit == "quarter":
        y, q = _quarter(pub)
        q += k
        if q == 0:
            y, q = y - 1, 4
        elif q == 5:
            y, q = y + 1, 1
        return f"{y}-Q{q}"
    if unit == "decade":
        return str(pub.year // 10 + k)
    if unit == "century":
        return f"{pub.year // 100 + k:02d}"
    return None


def _edge_rel(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    mod = _mod_word(g["mod"])
    rel = g["rel"].lower()
    u = g["u"].lower()
    pub = ctx.pub
    if u.rstrip(".") in MONTHS:
        m = _month(u)
        if pub is None:
            return "DATE", _iso(None, m), mod
        y = pub.year + {"this": 0, "last": -1, "next": 1}[rel]
        return "DATE", _iso(y, m), mod
    if u in SEASONS:
        if pub is None:
            return "DATE", f"XXXX-{SEASONS[u]}", mod
        return "DATE", f"{pub.year + {'this': 0, 'last': -1, 'next': 1}[rel]}-{SEASONS[u]}", mod
    value = _rel_value(ctx, rel, u)
    return ("DATE", value, mod) if value else None


def _rel_unit(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    rel = g["rel"].lower()
    u = g["u"].lower()
    pub = ctx.pub
    if rel in ("that", "the same", "the following", "the next", "the previous") and u in ("day",):
        return None  # handled as anaphora
    if u == "second" or u == "minute" or u == "hour":
        if rel in ("the past", "past", "the last", "the next", "the coming"):
            return "DURATION", _duration(1, u), None
        return None
    if rel in ("the past", "past", "the last") :
        if u in ("year", "month", "week", "decade", "century", "day", "quarter"):
            # "the past year": TimeBank reads it as the year before publication
            if u in ("decade", "century", "day"):
                return "DURATION", _duration(1, u), None
            value = _rel_value(ctx, "last", u)
            return ("DATE", value, None) if value else None
    if rel == "the next" and u in ("year", "month", "week") and _opens_clause(ctx, c):
        return None  # "The next year, he won ...": a date of the narrative (anaphora)
    if rel in ("the next", "the coming"):
        return "DURATION", _duration(1, u), None
    if rel in ("the previous",):
        rel = "last"
    if rel in ("that", "the same", "the following"):
        return None
    if rel in ("the current", "current", "the latest"):
        rel = "this"
    if rel == "last" and u == "year" and re.search(
            r"\b(?:compared with|compared to|from|versus|vs\.|against)\b[^.;]{0,60}$",
            ctx.text[max(0, c.start - 70):c.start].lower()):
        quarter = _quarter_compared(ctx, c.start)
        if quarter is not None:
            # "net rose to $5 million from $3 million last year": the same quarter, a year back
            return _a_year_before(quarter)
    if u == "quarter":
        return None  # the quarter rule handles it
    if rel == "this" and u in ("week", "month") and u in ctx.proclaimed() and ctx.tense(c) != PAST:
        # "I call upon all Americans to observe this week": the week proclaimed (but "this
        # week, I signed an Executive Order" is the week of publication)
        return "DATE", ctx.proclaimed()[u], None
    value = _rel_value(ctx, rel, u)
    if value is None:
        return None
    return "DATE", value, None


def _quarter_compared(ctx: _Context, pos: int) -> str | None:
    """In results talk, the quarter "a year earlier" at ``pos`` compares with: the one named
    earlier in its sentence, else the quarter reported on when a quarter was named shortly
    before ("... in the third quarter, up from $2 million a year earlier"); None otherwise."""
    quarter = _quarter_in_sentence(ctx, pos)
    if quarter is None and ctx.ref_quarter and ctx.ref_quarter[:4].isdigit() and re.search(
            r"quarter", ctx.text[max(0, pos - _QUARTER_REACH):pos], re.I):
        quarter = ctx.ref_quarter
    return quarter


def _a_year_before(quarter: str) -> tuple[str, str, None]:
    return "DATE", f"{int(quarter[:4]) - 1}{quarter[4:]}", None


def _quarter_in_sentence(ctx: _Context, pos: int) -> str | None:
    """The quarter named by its number earlier in the sentence of ``pos``, if any: it is the
    one compared ("America West reported third-quarter profit of $5.8 million, up from $4
    million a year earlier"), whichever quarter the article reports on."""
    if ctx.named_quarter and ctx.named_quarter[1] < pos and _same_sentence(
            ctx, ctx.named_quarter[1], pos):
        return ctx.named_quarter[0]
    return None


_QUARTER_REACH = 500  # about a paragraph: results talk names its quarter nearby


def _year_ago(ctx: _Context, unit: str, pos: int = 0) -> tuple[str, str, str | None] | None:
    """"year-earlier", "a year ago": a year back; in results talk the quarter, a year back."""
    pub = ctx.pub
    quarter = _quarter_compared(ctx, pos) if unit == "year" else None
    if quarter is not None:
        return _a_year_before(quarter)
    if pub is None:
        return "DATE", "XXXX", None
    if unit == "year":
        return "DATE", str(pub.year - 1), None
    if unit == "month":
        return "DATE", _add_months(pub, -1).strftime("%Y-%m"), None
    if unit == "week":
        return "DATE", _week(pub - dt.timedelta(7)), None
    if unit == "quarter":
        return "DATE", _rel_value(ctx, "last", "quarter"), None
    return None


def _ago(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    pub = ctx.pub
    n = _num(g.get("n")) if g.get("n") else (1 if not g["u"].lower().endswith("s") else None)
    unit = g["u"].lower()
    sing = unit[:-3] + "y" if unit.endswith("ies") else unit.rstrip("s")
    direction = g["dir"].lower()
    back = direction in ("ago", "earlier", "before")
    low = c.match.group(0).lower()
    mod = None
    for w, m in MOD_WORDS.items():
        if low.startswith(w + " "):
            mod = m if m in ("APPROX",) else None
            break
    if direction in ("before", "after", "later", "earlier") and not low.startswith(("a ", "an ", "one ")) and n is not None:
        # "three days later", "two weeks before the vote": relative to another event, a duration
        if direction in ("before", "after"):
            return "DURATION", _duration(n, sing), None
    if sing == "year" and n == 1 and direction in ("ago", "earlier"):
        quarter = _quarter_compared(ctx, c.start)
        if quarter is not None:
            return _a_year_before(quarter)
    anchor = pub if direction == "ago" else (ctx.ref_day or pub)
    if anchor is None or n is None:
        if n is None:
            # "years ago", "a few days ago"
            return "DATE", "PAST_REF" if back else "FUTURE_REF", None
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(sing, "XXXX-XX-XX"), mod
    sign = -1 if back else 1
    n_int = int(n)
    if sing in ("day", "night"):
        return "DATE", (anchor + dt.timedelta(sign * n_int)).isoformat(), mod
    if sing == "week":
        return "DATE", _week(anchor + dt.timedelta(7 * sign * n_int)), mod
    if sing == "month":
        return "DATE", _add_months(anchor, sign * n_int).strftime("%Y-%m"), mod
    if sing == "year":
        return "DATE", str(anchor.year + sign * n_int), mod
    if sing == "decade":
        return "DATE", str(anchor.year + sign * 10 * n_int), mod
    if sing == "century":
        return "DATE", f"{(anchor.year + sign * 100 * n_int) // 100:02d}", mod
    if sing == "quarter":
        y, q = _quarter(anchor)
        idx = y * 4 + q - 1 + sign * n_int
        return "DATE", f"{idx // 4}-Q{idx % 4 + 1}", mod
    if sing in ("hour", "minute", "second"):
        return "TIME", f"PT{n_int}{'M' if sing == 'minute' else sing[0].upper()}", mod
    return None


def _anaphoric(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    rel = (g.get("rel") or "").lower()
    u = (g.get("u") or "day").lower()
    ref = ctx.ref_day
    if ref is None:
        return "DATE", "XXXX-XX-XX", None
    if g.get("dir"):
        return None  # "the day before (the vote)": a relation to an event, not a date
    else:
        k = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1}.get(rel, 0)
    day = ref + dt.timedelta(k)
    if u != "day":
        return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[u]}", None
    return "DATE", day.isoformat(), None


def _anaphoric_unit(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    """"that year", "the following month", "earlier that day": against the last date named."""
    rel = g["rel"]
    u = g["u"]
    mod = _mod_word(g.get("mod"))
    k = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}.get(rel, 0)
    if u == "day":
        ref = ctx.ref_day
        return "DATE", (ref + dt.timedelta(k)).isoformat() if ref else "XXXX-XX-XX", mod
    if u == "week":
        ref = ctx.ref_day
        if rel in ("the next", "the following") and not g.get("mod"):
            return None
        return "DATE", _week(ref + dt.timedelta(7 * k)) if ref else "XXXX-WXX", mod
    if u == "month":
        ym = ctx.ref_month
        if ym is None:
            return "DATE", "XXXX-XX", mod
        d = _add_months(dt.date(ym[0], ym[1], 1), k)
        return "DATE", d.strftime("%Y-%m"), mod
    y = ctx.ref_year
    if rel == "the next" and not g.get("mod") and not _opens_clause(ctx, c):
        return None  # "over the next year" is a duration (the duration rule takes it)
    return "DATE", str(y + k) if y else "XXXX", mod


def _opens_clause(ctx: _Context, c: Candidate) -> bool:
    """The expression opens its sentence and a comma closes it: "The next year, he won ..." (a
    date of the narrative, not "over the next year", a stretch of time)."""
    before = ctx.text[max(0, c.start - 3):c.start]
    return (c.start == 0 or not before.strip() or before.rstrip()[-1:] in ".!?\"”") and \
        ctx.text.startswith(",", c.end)


def _duration_expr(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    low = c.match.group(0).lower()
    n = _num(g["n"])
    unit = g["u"].lower()
    lead = (g.get("lead") or "").lower()
    nword = g["n"].lower()
    if nword in ("a", "an", "single", "some") and not lead and not low.startswith(tuple(MOD_WORDS)):
        # "a year" alone is often "$5 a year" (a rate) or "a week of talks"; keep only plain uses
        prev = ctx.text[max(0, c.start - 12):c.start].lower()
        if re.search(r"\b(?:times|once|twice)\s*$", prev):
            return "SET", _duration(1, unit), None  # "twice a week"
    if nword in ("many", "some", "multiple", "numerous") and not lead:
        return None
    if nword in ("a", "an") and (g.get("more") or "").lower() == "calendar" and not lead:
        return None  # "a calendar year" is a kind of year, not a time
    if re.match(r"\s+old\b", ctx.text[c.end:c.end + 5]):
        return None  # ages ("52 years old") are not time expressions in TimeML practice
    if nword in ("a", "an", "one") and not lead and not g.get("more") and \
            not low.startswith(tuple(MOD_WORDS)):
        prev = ctx.text[max(0, c.start - 20):c.start].lower()
        if nword != "one" and re.search(r"(?:\d|million|billion|[a-z]{3,}s|\bper)\s*$", prev):
            return None  # "$1.76 a year", "four flights a week": a rate, not a duration
        if unit == "second" or (nword == "one" and unit == "day" and not re.search(
                r"\b(?:for|in|within|after|than|about|only|just|of|by|over)\s*$", prev)):
            return None  # "a second group", "he will one day": not durations
    if unit.startswith("quarter") and (nword in ("a", "an", "one") or
                                       re.match(r"\s+of\b", ctx.text[c.end:c.end + 4])):
        return None  # "a quarter of the shares", "three quarters of its food"
    if g.get("n2"):
        n = None
    if g.get("or_so") and g["or_so"].lower() == "and a half" and n is not None:
        n += 0.5
    mod = None
    for w, m in MOD_WORDS.items():
        if low.startswith(w + " "):
            mod = m
            break
    if g.get("or_so") and g["or_so"].lower() == "or so":
        mod = "APPROX"
    if nword.startswith(("a couple", "couple")):
        mod = mod or "APPROX"
    # bare numbers followed by "years" in ages ("58 years old") stay durations in TimeML
    return "DURATION", _duration(n, unit), mod


def _fuzzy_units(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    lead = (g.get("lead") or "").lower()
    adj = (g.get("adj") or "").lower()
    u = g["u"].lower()
    if g.get("dir"):
        return "DATE", "PAST_REF", None
    if adj in ("recent", "coming", "next", "past") or lead in (
            "recent", "the recent", "the past", "past", "coming", "the coming", "the next"):
        # "in recent weeks", "in coming months": a stretch of unspecified length (TimeML)
        return "DURATION", _duration(None, u), None
    if adj in ("few", "many", "several", "numerous"):
        return "DURATION", _duration(None, u), None
    if lead == "the" and not adj and re.match(r"\s+ahead\b", ctx.text[c.end:c.end + 7]):
        return "DURATION", _duration(None, u), None  # "in the weeks ahead"
    if not lead and not adj and re.search(r"\b(?:for|in|within)\s+$",
                                          ctx.text[max(0, c.start - 8):c.start]):
        return "DURATION", _duration(None, u), None  # "for weeks", "for the first time in years"
    if lead in ("the", "in") or not lead:
        return None  # "the days (before the slaying)": anchored to an event, left out
    return "DURATION", _duration(None, u), None


def _set_every(ctx: _Context, c: Candidate, g: dict) -> tuple[str, str, str | None] | None:
    q = g["q"].lower()
    u = g["u"].lower()
    nraw = (g.get("n") or "").lower()
    prev = ctx.text[max(0, c.start - 14):c.start].lower()
    if q == "a" and nraw:
        return None
    if q in ("a", "per") and not re.search(r"\b(?:times|once|twice)\s*$", prev):
        return None  # "$1.76 a year", "15 million per second": rates are not marked
    if u in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[u] + 1}", None
    if u in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[u]}", None
    if u in SEASONS:
        return "SET", f"XXXX-{SEASONS[u]}", None
    if u in MONTHS:
        # "each July", "every March": the month of every year (TimeML SET XXXX-07); not
        # "each may" (the modal) nor "every other May"
        if q not in ("every", "each") or nraw or not ctx.text[c.match.start("u")].isupper():
            return None
        return "SET", f"XXXX-{MONTHS[u]:02d}", None
    n = 2 if nraw == "other" else (_num(nraw) if nraw else 1)
    if u == "quarter" and n == 1:
        return "SET", "P1Q", None  # "every quarter"
    return "SET", _duration(n, u), None


# --- the public functions ------------------------------------------------------------------
# a transcript's dateline: a full date alone on its line (often in parentheses) near the top,
# "(January 20, 2025)" above "11:27 P.M. EST": the day the words were spoken
_DATELINE = re.compile(
    rf"^[ \t\u00a0]*(?:<[^<>\n]*>[ \t\u00a0]*)*\(?[ \t\u00a0]*({MONTH_FULL})[ \t\u00a0]+(\d{{1,2}}),"
    rf"[ \t\u00a0]*(\d{{4}})[ \t\u00a0]*\)?[ \t\u00a0]*(?:<[^<>\n]*>[ \t\u00a0]*)*"
    rf"(?:$|(?=\d{{1,2}}:\d\d\s*[ap]\.?m))", re.M | re.I)


def spoken_on(text: str, pub_date: dt.date | None) -> dt.date | None:
    """The day a transcript records, when its head carries a dateline on its own line a
    little before the publication date (remarks are often posted a day or more later);
    deictic words ("today", "tonight", the time stamps) are anchored to it. Else ``pub_date``."""
    if pub_date is None:
        return None
    m = _DATELINE.search(text, 0, min(len(text), 1000))
    if not m:
        return pub_date
    try:
        d = dt.date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    except (ValueError, KeyError):
        return pub_date
    return d if dt.timedelta(0) <= pub_date - d <= dt.timedelta(days=60) else pub_date


def extract_timexes(doc, pub_date: dt.date | None) -> list[TimeExpr]:
    """Time expressions in ``doc.text`` with TIMEX3 type/value anchored to ``pub_date``.

    Sorted by start, non-overlapping. Deterministic: never reads the machine's clock; with
    ``pub_date`` None, relative expressions keep their type and X out what is unknown.
    A transcript's dateline (``spoken_on``) replaces ``pub_date`` as the anchor.
    """
    text = text_of(doc)
    pub_date = spoken_on(text, pub_date)
    probe = _Context(doc, pub_date, text)

    def viable(c: Candidate) -> bool:
        try:
            return _normalize(probe, c) is not None
        except (ValueError, KeyError, OverflowError):
            return False

    ctx = _Context(doc, pub_date, text)
    out: list[TimeExpr] = []
    for c in candidates(text, viable):
        try:
            norm = _normalize(ctx, c)
        except (ValueError, KeyError, OverflowError):
            norm = None
        if norm is None:
            continue
        typ, value, mod = norm
        if value is None:
            continue
        start, end = c.start, c.end
        # a trailing possessive or period is not part of the expression
        while end > start and text[end - 1] in ".'’" and not _keeps_period(text, start, end):
            end -= 1
        if text[start:end].lower().endswith(("'s", "’s")):
            end -= 2
        if end <= start:
            continue
        out.append(TimeExpr(start, end, text[start:end], typ, value, mod))
        if typ == "DATE" and re.fullmatch(r"\d{4}-Q[1-4]", value):
            ctx.last_quarter = value
        if typ in ("DATE", "TIME"):
            m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?!\d)", value)
            if m:
                ctx.ref_year = int(m.group(1))
                if len(value) == 4:
                    ctx.year_named = (ctx.ref_year, end)
                if m.group(2):
                    ctx.ref_month = (ctx.ref_year, int(m.group(2)))
                if m.group(3):
                    ctx.ref_day = dt.date.fromisoformat(value[:10])
    return out


def _keeps_period(text: str, start: int, end: int) -> bool:
    """Abbreviations keep their period ("Sept.", "a.m.")."""
    frag = text[start:end].lower()
    return bool(re.search(r"(?:\b[a-z]{3,4}\.|\bsept\.|[ap]\.m\.)$", frag))


def date_for_span(doc, start: int, end: int, timexes: list[TimeExpr],
                  pub_date: dt.date | None) -> str | None:
    """YYYY-MM-DD for what is said or done at [start, end): the governing day-valued timex.

    A DATE/TIME timex with a full day in the same sentence, attached to the verb governing
    the span (or the nearest such verb), wins; otherwise the publication date.
    """
    pub_date = spoken_on(text_of(doc), pub_date)
    fallback = pub_date.isoformat() if pub_date else None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not timexes:
        return fallback
    try:
        sent = span[0].sent
    except ValueError:  # a pipeline without sentence boundaries: the whole text
        sent = doc[:]
    best = _governing(doc, span, sent, start, end, timexes, _FULL_DAY, verb_only=False)
    return best or fallback


_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_PERIOD = re.compile(r"(?:\d{4}(?:-\d\d)?|\d{3}X)$")  # a year, a month, a decade


def _governing(doc, span, sent, start: int, end: int, timexes: list[TimeExpr], pattern,
               verb_only: bool) -> str | None:
    """The value of the DATE/TIME timex of ``sent`` matching ``pattern`` that governs
    [start, end): one attached to the span's verb first, then the nearest; ``verb_only``: only
    one attached to that verb."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # the clause the verb reports or intends ("stating that it is to continue beyond April 3",
    # "promised to visit on Friday"): its dates are what is said, not when
    reported = [(c.left_edge.i, c.right_edge.i) for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    best = None
    for t in timexes:
        if t.start < sent.start_char or t.end > sent.end_char:
            continue
        if t.type not in ("DATE", "TIME") or not pattern.match(t.value):
            continue
        tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
        if tspan is None:
            continue
        # the verb the timex hangs from
        head, below = tspan.root, tspan.root
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            below, head = head, head.head
        if head.pos_ in ("VERB", "AUX") and below is not head:
            head = _reattach(below, head)
        if head != verb and head.dep_ in ("relcl", "acl") and not (
                head.left_edge.i <= span.start and span.end - 1 <= head.right_edge.i):
            continue  # a relative clause's date ("Biden, who took office on Jan. 20, said")
        if any(lo <= tspan.root.i <= hi and tspan.start > lo + 1 for lo, hi in reported):
            continue  # (not a phrase opening the clause: "said on Monday they would ...", which
            # the parser may hang on the reported verb, is the saying's)
        score = 0 if head == verb else 1
        if verb_only and score:
            continue
        dist = min(abs(t.start - start), abs(t.end - end))
        if best is None or (score, dist) < best[0]:
            best = ((score, dist), t.value[:10])
    return best[1] if best is not None else None


def period_bounds(value: str) -> tuple[str, str] | None:
    """First and last day (YYYY-MM-DD) of a year ("1862"), month ("2019-03") or decade
    ("199X") value, else None."""
    if not _PERIOD.match(value or ""):
        return None
    if value.endswith("X"):
        return f"{value[:3]}0-01-01", f"{value[:3]}9-12-31"
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    y, m = int(value[:4]), int(value[5:7])
    if not 1 <= m <= 12:
        return None
    last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
    return f"{value}-01", last


def _leads_reported_clause(text: str, q: Quote, t: TimeExpr) -> bool:
    """A time phrase that opens reported speech right after its cue dates the saying: "said on
    Monday they would announce ..." (the content's span may start at "on Monday")."""
    if q.kind == "direct" or q.cue is None or not q.cue.end <= q.content.start <= t.start:
        return False
    return bool(re.fullmatch(r"[\s,]*(?:on|late|early)?\s*", text[q.cue.end:t.start])) \
        and bool(re.match(r"[\s,]*(?:that\s+)?[A-Za-z]", text[t.end:q.content.end]))


def date_quotes(doc, quotes: list[Quote], timexes: list[TimeExpr],
                pub_date: dt.date | None) -> None:
    """Set each quote's ``said_on``: the day a timex governing its cue's clause names, else
    the publication date (a transcript's dateline, ``spoken_on``, if it has one). Timexes
    inside the quoted content date what is said, not the saying.
    """
    text = text_of(doc)  # (Doc.text joins every token: read once, not per time expression)
    pub_date = spoken_on(text, pub_date)
    fallback = pub_date.isoformat() if pub_date else None
    timexes = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in timexes]
    for q in quotes:
        anchor = q.cue or q.content
        # only the anchor's sentence can date it (date_for_span): look at its timexes alone,
        # not every timex of the article for every quote
        span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            q.said_on = fallback
            continue
        sent = sentence_of(span[0])
        near = timexes[bisect.bisect_left(starts, sent.start_char):bisect.bisect_right(starts, sent.end_char)]
        outside = [t for t in near
                   if _leads_reported_clause(text, q, t)
                   or not (q.content.start <= t.start and t.end <= q.content.end)
                   and not any(p.start <= t.start and t.end <= p.end for p in q.parts)]
        if not outside:
            q.said_on = fallback
            continue
        day = _governing(doc, span, sent, anchor.start, anchor.end, outside, _FULL_DAY, False)
        q.said_on = day or fallback
        if day is None:
            # a year or month alone does not date the saying (said_on stays the publication
            # date), but it is the period the statement is set in: "In 1862, the President
            # said" is 1862's President (actors.title_holder), when it is not the publication's
            period = _governing(doc, span, sent, anchor.start, anchor.end, outside, _PERIOD, True)
            bounds = period_bounds(period) if period else None
            if bounds and not (fallback and bounds[0] <= fallback <= bounds[1]):
                q.period = period
