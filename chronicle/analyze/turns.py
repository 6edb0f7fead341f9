"""Speaker turns in transcripts: ``MS. PSAKI:  Good evening.`` / ``Q  Thank you.`` / ``PENCE: Well, ...``.

Each turn is speech by its labelled speaker, from after the label to the next turn; the label
("MS. PSAKI", "THE PRESIDENT", "Q") is the speaker mention and the colon the cue. Labels are
upper-case words at a paragraph's start (after an optional quotation mark), so ordinary
prose ("Note: ...") does not open a turn.
"""
from __future__ import annotations

from chronicle.analyze.doctext import text_of

import re
from dataclasses import dataclass

from chronicle.analyze.quotemarks import paragraphs

# Upper-case letters of the Latin alphabets names are printed in ("PRESIDENT NAUSĖDA",
# "MR. FERNÁNDEZ HERNÁNDEZ"); the standard library's re has no \p{Lu}.
_UP = "A-Z" + "".join(chr(i) for i in range(0xC0, 0x250) if chr(i).isupper())

# An all-caps label of one to five words (titles, initials, hyphens, apostrophes) and a colon,
# or the questioner's bare "Q" followed by two spaces or a colon/period (and a capital, a quotation
# mark, or the dash, parenthesis or ellipsis of a question taken up again: "Q    — on the ...",
# "Q    (Inaudible.)").
_LABEL = re.compile(
    r"""(?P<open>["“]?)(?P<label>(?:(?:MR|MRS|MS|DR|GEN|SEN|REP|GOV|AMB|SECRETARY|PRESIDENT|ADMIRAL|GENERAL)\.?\s+)?
        [{_UP}][{_UP}'’\-\.]*(?:\s+[{_UP}][{_UP}'’\-\.]*){0,4})(?P<cue>:)[ \t\u00a0]+(?=\S)
      | (?P<open2>["“]?)(?P<q>Q)(?P<qcue>[:.]?)[ \t\u00a0]{1,8}(?=[A-Z\"“(—–…]|-|\.\.\.)""".replace("{_UP}", _UP),
    re.VERBOSE,
)
# Labels that are headings or prose, not speakers.
NOT_SPEAKERS = {"NOTE", "UPDATE", "EDITOR'S NOTE", "WATCH", "READ", "PHOTO", "VIDEO", "AP", "RELATED",
                 "EST", "EDT", "PST", "A.M", "P.M", "END", "CLOSE", "BACKGROUND", "SUBJECT", "RE", "TO",
                 "FROM", "CC", "DATE", "TIME", "LOCATION", "WHAT", "WHEN", "WHERE", "WHO", "WHY",
                 # a news database's record fields and a wire's running-story title
                 "BYLINE", "BY", "SECTION", "DATELINE", "LENGTH", "HIGHLIGHT", "THE LATEST",
                 # a fact-check's or a "mythbuster"'s paragraph labels
                 "FACT", "FACTS", "THE FACTS", "MYTH", "REALITY", "CLAIM", "TRUTH", "THE TRUTH",
                 "FALSE", "TRUE", "BOTTOM LINE", "HOAX", "MYTHBUSTER", "FACT SHEET", "FACT CHECK",
                 # a story's kind before its headline
                 "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL",
                 "LIVE", "UPDATED", "READOUT"}


# A memo's header fields (a news agency's "AP:" before a headline is a source, and stays one).
_MEMO_FIELDS = {"SUBJECT", "FROM", "TO", "CC", "RE", "DATE", "TIME", "LOCATION", "MEMORANDUM FOR"}


# The line that closes a transcript: "END 1:39 P.M. EST", "3:42 P.M. EDT", "2:36 PM", "###".
_TRAILER = re.compile(r"\n[ \t\u00a0]*(?:(?:END[ \t\u00a0]+)?\d{1,2}:\d{2}[ \t\u00a0]*[AP]\.?[ \t\u00a0]?M\.?"
                      r"(?:[ \t\u00a0]+[A-Z]{2,4})?|END|\\?\#\#\#)[ \t\u00a0]*\s*\Z")


@dataclass(slots=True)
class Turn:
    start: int  # the paragraph start (an opening quotation mark may stand before the label)
    label: tuple[int, int]  # the speaker label ("MS. PSAKI")
    cue: tuple[int, int]  # the colon (or the Q itself when it has none)
    content: tuple[int, int]  # what was said, to the turn's end


def _monologue(text: str, row: tuple) -> bool:
    """One label only: a transcript of one speaker ("THE PRESIDENT:  My fellow Americans, ..."
    and a whole address after it) when the label opens with a title and the words after it run
    on (a third of the corpus's remarks are such monologues)."""
    label = text[row[1]:row[2]]
    words = label.replace(".", ". ").split()
    # a title, not any words in capitals: "FIX IS IN: ...", "STAT OF THE WEEK: ..." head prose
    return words[0].rstrip(".") in _MONOLOGUE_TITLES and len(text) - row[5] >= 300


# The words a one-speaker transcript's label opens with.
_MONOLOGUE_TITLES = {"THE", "MR", "MRS", "MS", "DR", "SECRETARY", "PRESIDENT", "SENATOR", "GOVERNOR",
                     "AMBASSADOR", "ADMIRAL", "GENERAL", "GEN", "SEN", "GOV", "REP", "AMB"}


def _heading(label: str) -> bool:
    """A fact sheet's section heading in capitals, not a speaker: one opening with a gerund
    ("UNLEASHING ECONOMIC PROSPERITY:", "SECURING AMERICA’S FUTURE:") or holding a possessive."""
    words = label.split()
    first = words[0].rstrip(".")
    # three words at least, and not "ACTING ADMINISTRATOR SLAVITT": "MR. FLEMING" is a name
    return (len(words) >= 3 and first.endswith("ING") and first != "ACTING") or \
        any(w.endswith(("’S", "'S")) for w in words)


def find_turns(text: str) -> list[Turn]:
    """Every labelled speaker turn; empty for ordinary prose (no label, or a single one that
    does not open a monologue)."""
    labelled: list[tuple[int, int, int, int, int]] = []  # para start, label s/e, cue s/e
    questions: list[tuple[int, int, int, int, int]] = []  # "Q:" rows, kept beside named labels only
    paras = paragraphs(text)
    for ps, pe in paras:
        m = _LABEL.match(text, ps, pe)
        if not m:
            continue
        if m.group("label"):
            label = m.group("label").strip()
            if label == "Q":
                # the questioner's "Q:" opens a turn in a transcript of named speakers; in an
                # interview printed as "Q: ... / A: ..." the answers have no speaker label, and
                # the whole is read as prose (as PolNeAR's annotators read it)
                questions.append((ps, m.start("label"), m.start("label") + 1, m.start("cue"), m.end("cue"), m.end()))
                continue
            if label.rstrip(".") in NOT_SPEAKERS or len(label) < 2 or _heading(label):
                continue
            labelled.append((ps, m.start("label"), m.start("label") + len(label), m.start("cue"), m.end("cue"), m.end()))
        else:
            cue_s = m.start("qcue") if m.group("qcue") else m.start("q")
            cue_e = m.end("qcue") if m.group("qcue") else m.end("q")
            labelled.append((ps, m.start("q"), m.end("q"), cue_s, cue_e, m.end()))
    if questions and any(text[row[1]:row[2]] != "Q" for row in labelled):
        labelled = sorted(labelled + questions)
    if not labelled or len(labelled) == 1 and not _monologue(text, labelled[0]):
        return []
    turns = []
    starts = [row[0] for row in labelled]
    for k, (ps, ls, le, cs, ce, body) in enumerate(labelled):
        limit = starts[k + 1] if k + 1 < len(starts) else len(text)
        # a turn runs over the following paragraphs until the next label
        end = limit
        while end > body and text[end - 1].isspace():
            end -= 1
        trailer = _TRAILER.search(text, body, end)
        if trailer is not None:
            end = trailer.start()  # the transcript's closing time stamp is no one's words
            while end > body and text[end - 1].isspace():
                end -= 1
        if end > body:
            turns.append(Turn(ps, (ls, le), (cs, ce), (body, end)))
    return turns


# A headline's source before a colon: one to six capitalized words ("Poll", "Clinton camp",
# "McCain Challenger Kelli Ward"), no sentence punctuation.
_HEADLINE_LABEL = re.compile(r"(?P<label>(?!(?:Dear|My\s+dear)\b)[A-Z][\w.'’&-]*(?:[ \t]+[\w.'’&-]+){0,5}):[ \t]+(?=\S)")
# ("Dear Madam Speaker:  I write ..." opens a letter: the one greeted is no source)


def find_colon_attributions(doc) -> list[Turn]:
    """Headline-style attributions: a paragraph that opens with a named speaker and a colon
    ("Pat Caddell: Democrat voters worried ..."), or a title that opens with a source and a
    colon ("Poll: Sanders takes the lead.", as PolNeAR's annotators mark titles)."""
    text = text_of(doc)
    out = []
    ent_at = {e.start_char: e for e in doc.ents if e.label_ in ("PERSON", "ORG")}
    for k, (ps, pe) in enumerate(paragraphs(text)):
        ent = ent_at.get(ps)
        if ent is None or ent.end_char >= pe or text[ent.end_char] != ":":
            m = _HEADLINE_LABEL.match(text, ps, pe) if k == 0 and pe - ps < 250 else None
            if m is None or m.group("label").rstrip(".").upper() in NOT_SPEAKERS or len(m.group("label")) < 2:
                continue  # (an interview's "Q:" is no source)
            ls, le = m.span("label")
            label = doc.char_span(ls, le, alignment_mode="expand")
            if label is None or any(t.pos_ in ("VERB", "AUX") for t in label):
                continue  # "Peter Brown said: ..." introduces a quote; the label is no source
        else:
            ls, le = ent.start_char, ent.end_char
            if ent.text.rstrip(".").upper() in _MEMO_FIELDS:
                continue  # a memo's "SUBJECT:", "FROM:": a field, not a source
        body = le + 1
        while body < pe and text[body].isspace():
            body += 1
        if pe - body > 3 and any(ch.isalpha() for ch in text[body:pe]):  # "Clinton: 2,316." is a tally
            out.append(Turn(ps, (ls, le), (le, le + 1), (body, pe)))
    return out
