"""Quotations: direct, indirect and mixed, each with its cue and the speaker mention.

1. Direct quotes come from pairing quotation marks over the raw text (``quotemarks``).
2. Cues come from the dependency parse: a token whose (lemma, relation-to-content) pair is in
   the cue lexicon (``cues``), plus "according to X" phrases and "X:" headline/transcript cues.
3. Each direct quote is attached to the cue whose content holds it, else to a speech verb in
   its frame (the text between it and the neighbouring quotes in its paragraph); split quotes
   (``"...," he said, "..."``) become one quote with two parts.
4. Cues whose content holds no direct quote give indirect quotes, or mixed ones when the
   content holds a quoted fragment; where each such content starts and ends is then chosen
   among alternatives near the parsed boundaries by the learned ``boundary_model``.
The speaker is the cue's subject (or the object of "according to"); who that is gets resolved
later by ``coref``.

Content boundaries follow the conventions of the annotated corpus (PolNeAR train, measured by
comparing predicted and gold spans of matched attributions): the complementizer belongs to the
content; a secondary predicate keeps what it is said of ("regards Jerusalem as its capital");
an adjective cue gives its complement ("optimistic that ..."); two coordinated reports are two
attributions ("pledged X and said that Y").
"""
from __future__ import annotations

from chronicle.analyze.doctext import cached, children, sentence_of, text_of

import bisect
import re
from dataclasses import dataclass

import numpy

from chronicle.analyze import boundary_model, cue_model
from chronicle.analyze import cues as cue_lexicon
from chronicle.analyze.quotemarks import QuoteRegion, find_quote_regions, paragraphs
from chronicle.analyze.spanindex import SpanIndex
from chronicle.analyze.turns import NOT_SPEAKERS, Turn, find_colon_attributions, find_turns
from chronicle.model import Quote, Span, Speaker

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "that"}
# Minimum words for a quoted stretch with no cue to count as speech rather than a scare quote.
_MIN_FREE_WORDS = 6
# A quote signed after a dash: '"...," ― Carlos Raúl' (epigraphs, reader comments, letters).
_DASH_BYLINE = re.compile(r"[ \t\u00a0]*(?P<dash>[―—–]|--)[ \t\u00a0]*(?P<name>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t\u00a0,.]*(?:$|(?=[“\"\n]))")


@dataclass(slots=True)
class _Cue:
    token: object  # spaCy Token (the cue's head word)
    span: tuple[int, int]  # the cue's characters ("said", "according to")
    content: tuple[int, int] | None  # content characters from the parse
    speaker: object | None  # spaCy Span of the speaker mention
    used: bool = False


def extract_quotes(doc) -> list[Quote]:
    text = text_of(doc)
    if not text.strip():
        return []
    turns = find_turns(text)
    headlines = not turns
    if headlines:
        turns = find_colon_attributions(doc)
    regions = find_quote_regions(text)
    found = _find_cues(doc, regions)
    quotes: list[Quote] = [_turn_quote(text, t, headlines) for t in turns]
    turns = sorted(turns, key=lambda t: t.start)
    turn_spans = [(t.start, t.content[1]) for t in turns]
    turn_starts = [s for s, _ in turn_spans]
    if headlines and turns:
        # words after a headline's "X:" are X's; quotes they hold are nested, not new
        regions = [r for r in regions if not _within(r.start, turn_spans)]
        found = [c for c in found if not _within(c.span[0], turn_spans)]
    elif turns:
        # inside transcript turns only verbs of reporting can give quotes (below): the rest,
        # and the quotation marks of turns without one, need no attribution work
        found = [c for c in found if _turn_of(c.span[0], turn_spans, turn_starts) < 0
                 or c.token.lemma_.lower() in _TALK_REPORTS]
        # (outside the turns, a preface's quotations keep their own chance: an epigraph
        # signed after a dash needs no cue word)
        reporting = {-1} | {_turn_of(c.span[0], turn_spans, turn_starts) for c in found}
        regions = [r for r in regions if _turn_of(r.start, turn_spans, turn_starts) in reporting]
    # a cue word inside quotation marks is the quoted speaker's own (nested): never ours
    spans = sorted((r.start, r.end) for r in regions)
    starts = [s for s, _ in spans]
    found = [c for c in found if not _in_sorted(c.span[0], spans, starts)]
    inner = list(_direct_quotes(doc, regions, found)) + list(_reported_quotes(doc, regions, found))
    if turns and not headlines:
        # inside a transcript turn, what the speaker reports of a third party is a quote of its
        # own ("The President said yesterday that ...", "he said, and I quote, '...'"); the
        # speaker's own "I think" and the rest are the turn's words, not new quotes
        inner = [q for q in inner if (i := _turn_of(q.content.start, turn_spans, turn_starts)) < 0
                 or _reports_someone_else(doc, q, turns[i].content)]
    quotes.extend(q for q in inner if not _said_by_no_one(doc, q))
    quotes.sort(key=lambda q: q.content.start)
    return quotes


def _said_by_no_one(doc, q: Quote) -> bool:
    """A reported "quote" no one says, opening its sentence: a fact sheet's heading ("Supporting
    Students with Disabilities") or a signing statement's "Thank you to Representative ...". A
    speaker found anywhere keeps it."""
    if q.kind != "indirect" or q.speaker is not None or q.cue is None:
        return False
    cue = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    if cue is None:
        return False
    tok = cue[0]
    return bool(tok.is_sent_start) and (tok.tag_ == "VBG" or tok.lower_ == "thank")


# Speakers that are no third party: the one talking, the one talked to, and words that point
# at no one ("it seems", "which says").
_NOT_REPORTED = {"i", "we", "me", "us", "you", "myself", "ourselves", "yourself", "one", "it",
                 "that", "this", "which", "what", "who", "any", "anyone", "anybody", "everyone",
                 "everybody", "someone", "somebody", "nobody", "q"}


def _reports_someone_else(doc, q: Quote, content: tuple[int, int]) -> bool:
    """A quote inside a transcript turn that reports a third party: a verb of saying, and a
    speaker named inside the turn's words who is not one of the people in the room ("The
    President said yesterday that ...", "he said, and I quote, '...'"). Other cues ("I think",
    "we want", "thank you") are the turn's own words, and so are its quotation marks without a
    cue (titles, scare quotes)."""
    if q.cue is None or q.speaker is None or not content[0] <= q.speaker.start < content[1]:
        return False
    if q.speaker.text.strip().lower() in _NOT_REPORTED:
        return False
    who = doc.char_span(q.speaker.start, q.speaker.end, alignment_mode="expand")
    if who is None or not (who.root.pos_ == "PROPN" or any(t.ent_type_ for t in who)
                           or (who.root.pos_ == "NOUN" and who.root.text[:1].isupper())):
        # a name, or a title ("the President", "Russia's Defense Ministry"): someone a reader
        # can tell; "he", "they", "some states", "the call" in talk are too loose to quote
        return False
    cue = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    if cue is None or cue.root.lemma_.lower() not in _TALK_REPORTS:
        return False
    # the speaker is the cue's own subject or agent, not a nearby phrase ("My fellow Americans,
    # ... I was told that ...")
    head = who.root.head  # (a passive cue's subject is who was told, not who told)
    return (head.i == cue.root.i and who.root.dep_ == "nsubj") or (
        head.dep_ == "agent" and head.head.i == cue.root.i)


# Verbs by which a speaker in a transcript reports what another said (not "ask", "thank",
# "continue", "explain": the talk's own business).
_TALK_REPORTS = {"say", "tell", "announce", "add", "note", "state", "declare", "write", "warn",
                 "report", "accuse", "claim", "insist", "reiterate", "repeat", "confirm", "deny",
                 "promise", "vow", "pledge", "argue", "threaten", "urge", "call", "predict",
                 "acknowledge", "admit", "assert", "allege", "tweet", "post", "reveal"}


def _turn_of(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> int:
    """The index of the sorted span holding ``pos``, -1 for none."""
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and spans[i][0] <= pos < spans[i][1] else -1


def _in_sorted(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    return _turn_of(pos, spans, starts) >= 0


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _turn_quote(text: str, turn: Turn, headline: bool = False) -> Quote:
    content = Span.of(text, *turn.content)
    speaker = Speaker(turn.label[0], turn.label[1], text[turn.label[0]:turn.label[1]], mention_type="turn")
    # a transcript turn is the speaker's own words; a headline's "X: claim" is reported unless quoted
    kind = "direct" if not headline or content.text[:1] in "\"“‘'«" else "indirect"
    return Quote(kind, content, Span.of(text, *turn.cue), speaker, parts=[content])


# --- cues from the parse ------------------------------------------------------------------
def _find_cues(doc, regions: list[QuoteRegion] = ()) -> list[_Cue]:
    model = cue_model.weights()
    pairs = cue_lexicon.candidates() if model is not None else cue_lexicon.lexicon()
    lemmas = cue_lexicon.candidate_lemmas() if model is not None else cue_lexicon.cue_lemmas()
    found: list[_Cue] = []
    quoted = [(r.start, r.end) for r in regions]
    quoted_starts = [r[0] for r in quoted]
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma == "accord" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cue = _according_to(doc, tok)
            if cue:
                found.append(cue)
            continue
        if tok.pos_ not in ("VERB", "AUX", "NOUN") or (lemma not in lemmas and (
                model is None or tok.pos_ != "VERB")):
            continue
        if tok.is_upper and len(tok.text) > 1:
            continue  # a heading's capitals ("RECOGNIZING THE IMPORTANCE OF ...") report no one
        best = None
        for cand in cue_candidates(doc, tok, pairs):
            score = cand[0]
            if model is not None:
                score = cue_model.probability(cue_model.features(tok, cand[1], cand[2]), model)
                if score < cue_model.THRESHOLD and not _plain_report(tok, lemma, cand[1]):
                    continue
            elif score < cue_lexicon.MIN_PRECISION:
                continue
            # among several complements prefer a direct quote ('"...," wrote X, tweeting a
            # link'), then the one after the cue ("A believes X; B stressed Y"), then the likelier
            rank = (_is_quoted(cand[3], quoted, quoted_starts), cand[2].i > tok.i, score)
            if best is None or rank > best[0]:
                best = (rank, cand)
        if best is None:
            continue
        _, rel, ctok, (cstart, cend) = best[1]
        around = _parenthetical(doc, tok, lemma)
        if around is not None:
            cstart, cend = around
        cue_span = _cue_span(doc, tok)
        if rel == "prep" and ctok.i > tok.i and ctok.idx - cue_span[1] < 20 and cstart > ctok.idx:
            cue_span = (cue_span[0], ctok.idx + len(ctok))  # "called for", "spoke about"
        speaker = _speaker_of(doc, tok)
        if speaker is None and tok.pos_ in ("VERB", "AUX"):
            speaker = _left_mention(doc, tok, cstart)
        found.append(_Cue(tok, cue_span, (cstart, cend), speaker))
    return found


def _is_quoted(span: tuple[int, int], quoted: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when most of ``span`` lies inside one direct quote."""
    i = bisect.bisect_right(starts, span[1]) - 1
    if i < 0:
        return False
    s, e = quoted[i]
    return min(e, span[1]) - max(s, span[0]) > 0.5 * (span[1] - span[0])


def _content_end(head) -> int:
    """End of ``head``'s subtree, leaving out a trailing non-restrictive relative clause
    (", which ...", ", who ...") that only describes the last noun."""
    right = head.right_edge
    end = right.idx + len(right)
    doc = head.doc
    for child in children(head):
        # ", arguing that ...", ", although ...": a trailing clause that comments on the content
        if child.dep_ == "advcl" and child.i > head.i and child.right_edge.i == right.i:
            first = child.left_edge
            before = doc[first.i - 1] if first.i > 0 else None
            if before is not None and before.text == "," and (
                    first.tag_ == "VBG" or first.lower_ in ("although", "though", "while", "whereas")):
                return before.idx
    t = right
    while t.i != head.i and t.head.i != t.i:  # up the path from the last word to the head
        if t.dep_ == "relcl" and t.right_edge.i == right.i and t.left_edge.i > head.i:
            before = doc[t.left_edge.i - 1]
            if before.text == "," and t.left_edge.lower_ in ("which", "who", "whose", "whom"):
                return before.idx
        t = t.head
    return end


def _parenthetical(doc, tok, lemma: str) -> tuple[int, int] | None:
    """ "The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom
    fifth ...": a speech verb set off by commas inside its sentence attributes the whole
    sentence around it (annotators mark both sides as one content)."""
    if lemma not in cue_lexicon.SPEECH_SET:
        return None
    subj = next((c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > tok.i:
        start = tok.i
    else:
        start = subj.left_edge.i
    sent = sentence_of(tok)
    if start - 1 <= sent.start or doc[start - 1].text != ",":
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:start - 1]):
        return None  # "During an event today, Harris announced, alongside X, that ...": no clause before
    stext = sent.text
    if any(ch in stext for ch in "\"“”«»") or "''" in stext or "``" in stext:
        return None  # quotation marks: the direct-quote rules decide
    for j in range(tok.i + 1, min(tok.i + 9, sent.end - 1)):
        if doc[j].text == ",":
            if j + 1 < sent.end - 1:
                return _trim(text_of(doc), sent.start_char, min(sent.end_char, _content_end(sent.root)))
            return None
        if doc[j].is_punct or doc[j].dep_ in ("ccomp", "mark"):
            return None
    return None


def _plain_report(tok, lemma: str, rel: str) -> bool:
    """A verb of saying with a clause for content and a subject of its own ("X underlined
    [that] ...") reports speech whatever the learned layer thinks of the rare verb."""
    return (rel == "ccomp" and lemma in cue_lexicon.SPEECH_SET
            and any(c.dep_ == "nsubj" for c in children(tok)))


def cue_candidates(doc, tok, pairs):
    """(lexicon confidence, relation, content head, content span) for each way ``tok`` may
    cue a quotation. Shared by the analysis and by the training of the learned layer."""
    text = text_of(doc)
    lemma = tok.lemma_.lower()
    is_verb = tok.pos_ == "VERB"
    out = []
    cue_span = None
    for rel, ctok in _relations(tok):
        conf = pairs.get((lemma, rel)) or (is_verb and pairs.get((cue_lexicon.ANY_VERB, rel)))
        if not conf or (rel == "dobj" and ctok.pos_ == "PRON"):
            continue
        if rel == "conj" and any(c.dep_ == "cc" and c.lower_ in _CONTRAST and tok.i < c.i < ctok.i
                                 for c in children(tok)):
            continue  # 'she said, but Kevin was drifting off': what follows "but" is not what was said
        if cue_span is None:
            cue_span = _cue_span(doc, tok)
        if rel.startswith("head:"):
            # a parenthetical cue: "To prevent problems, he said, officials should ..."
            cstart, cend = ctok.left_edge.idx, ctok.right_edge.idx + len(ctok.right_edge)
            sub_s, sub_e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            left, right = tok.left_edge.i - 1, tok.right_edge.i + 1
            if (left >= 0 and right < len(doc) and doc[left].text == "," and doc[right].text == ","
                    and sentence_of(doc[left]).start == sentence_of(doc[right]).start):
                # set off by commas mid-sentence: the words around it are one content
                sent = sentence_of(doc[left])
                cstart, cend = sent.start_char, sent.end_char
            elif sub_s <= cstart:
                cstart = sub_e
            elif sub_e >= cend:
                cend = sub_s
            if rel == "head:relcl":
                around = _relative_content(tok, ctok)
                if around is not None:
                    cstart, cend = around
        else:
            if rel == "dobj":
                repaired = _unmarked_clause(tok, lemma, pairs)
                if repaired is not None:
                    cstart, cend, verb = repaired
                    out.append((pairs.get((lemma, "ccomp"), conf), "ccomp", verb, _trim(text, cstart, cend)))
                    continue
            if rel == "prep":
                stranded = _stranded_complement(ctok) if (lemma, "ccomp") in pairs else None
                if stranded is not None:
                    out.append((pairs[(lemma, "ccomp")], "ccomp", stranded,
                                _trim(text, stranded.left_edge.idx, _content_end(stranded))))
                    continue
                # "called for X", "spoke about X": the preposition belongs to the cue
                pobj = next((c for c in children(ctok) if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is None:
                    continue
                ctok_content = pobj
            elif rel == "acomp":
                # "optimistic that ...", "tired of X": annotators take the adjective with the
                # cue and its complement as the content
                ctok_content = _adjective_complement(ctok) or ctok
            else:
                ctok_content = ctok
            # the complementizer ("that") belongs to the content, as annotators mark it
            cstart, cend = ctok_content.left_edge.idx, _content_end(ctok_content)
            first = ctok_content.left_edge
            if (rel == "advcl" and first.dep_ == "mark" and first.head.i == ctok_content.i
                    and first.lower_ != "that" and first.i + 1 < len(doc)):
                # "called for [Trump to drop out]", "cheered as [she was announced the winner]":
                # the subordinator goes with the cue
                cstart = doc[first.i + 1].idx
            if rel in _OBJECT_TAIL:
                cend = _object_end(tok, ctok, cend, _OBJECT_TAIL[rel])
            if cue_span[0] < cend and cstart < cue_span[1]:
                continue
            if rel in _SECONDARY and ctok.i > tok.i:
                cstart = _secondary_start(tok, lemma, ctok, cstart)
        cstart, cend = _trim(text, cstart, cend)
        if cend - cstart >= 2:
            out.append((conf, rel, ctok, (cstart, cend)))
    if not out:
        repaired = _unmarked_clause(tok, lemma, pairs)
        if repaired is not None:
            cstart, cend, verb = repaired
            out.append((pairs.get((lemma, "ccomp"), 0.0), "ccomp", verb, _trim(text, cstart, cend)))
    return out


# Coordinators after which a conjunct is no report of the verb before: "said, but ...".
_CONTRAST = {"but", "yet", "while", "whereas"}
# Relations whose content is a secondary predicate: "regards Jerusalem as its capital",
# "called Christmas a sham", "accused him of lying", "is expected to win".
_SECONDARY = {"prep", "xcomp", "oprd"}
# Verbs that raise their content's subject: "the race appears to be tightening".
_RAISING = {"appear", "seem"}


# What the cue attaches after its object or clause that annotators keep in the content.
_OBJECT_TAIL = {"dobj": {"prep", "xcomp", "oprd"}, "ccomp": {"ccomp"}}


def _object_end(tok, obj, end: int, tail) -> int:
    """A direct object's content runs on through what the cue says of it: prepositional
    phrases, an infinitive or a predicate right after it ("opposed [a similar effort in
    2007]", "urged [the judge to give me a fair sentence]", "called [him a liar]"); a reported
    clause through a second one the parser hung on the cue ("said [X, Y]"). So PolNeAR's
    annotators mark them (first half of train: prepositional phrases 225 of 278, infinitives
    and predicates 75 of 75, second clauses 21 of 28); a participle, conjunct or other clause
    after it stays out (dobj + advcl 13 of 52, + cc 9 of 44)."""
    last = obj.right_edge.i
    for child in children(tok):
        if child.i <= last:
            continue
        if child.left_edge.i > last + 1 or child.dep_ not in tail:
            break
        last = child.right_edge.i
        end = max(end, _content_end(child) if child.dep_ == "xcomp" else child.right_edge.idx + len(child.right_edge))
    return end


def _secondary_start(tok, lemma: str, ctok, cstart: int) -> int:
    """Where the content of a secondary predicate starts. Annotators (PolNeAR train) take the
    object it is said of ("all of Jerusalem as its capital"), and for a passive or raising cue
    the subject too ("Trump is expected to win"), over the bare predicate."""
    for child in children(tok):
        if child.dep_ == "dobj" and tok.i < child.i < ctok.i:
            return min(cstart, child.left_edge.idx)
        if child.i < tok.i and (child.dep_ == "nsubjpass" or child.dep_ == "nsubj" and lemma in _RAISING):
            return min(cstart, child.left_edge.idx)
    return cstart


def _adjective_complement(adj):
    for child in children(adj):
        if child.i < adj.i:
            continue
        if child.dep_ == "prep":
            return next((c for c in children(child) if c.dep_ in ("pobj", "pcomp")), None)
        if child.dep_ == "ccomp":
            return child
        if child.dep_ == "xcomp":  # "likely to say that X": what is said
            return next((c for c in children(child) if c.dep_ == "ccomp" and c.i > child.i), child)
    return None


def _relations(tok):
    """(relation, content head) pairs through which ``tok`` may cue (see scripts/mine_cues.py)."""
    rels = [(c.dep_, c) for c in children(tok)]
    if tok.dep_ in ("parataxis", "advcl", "ccomp", "conj", "relcl") and tok.head.i != tok.i:
        rels.append(("head:" + tok.dep_, tok.head))
    return rels


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:—–-":
        end -= 1
    return start, end


_RELATIVIZERS = {"which", "that", "who", "whom", "whose", "what", "where"}


def _relative_content(tok, noun) -> tuple[int, int] | None:
    """A cue inside a relative clause with a subject of its own says the clause of the noun:
    "rules, which he argued help students" -> "which he argued help students"; "the unease
    many women feel about Trump" -> the whole noun phrase (PolNeAR train's convention)."""
    subj = next((c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    if subj is None or subj.lower_ in _RELATIVIZERS:
        return None
    end = tok.right_edge.idx + len(tok.right_edge)
    first = tok.left_edge
    if first.lower_ in _RELATIVIZERS or first.tag_ in ("WDT", "WP", "WP$", "WRB"):
        return first.idx, end
    return noun.left_edge.idx, end


def _stranded_complement(prep):
    """Repair a misparse of a complement after a phrase of place or time: "X said in a statement
    on Friday that he would run", "announced, alongside Y, that ..." parsed with the "that"
    clause as a relative clause of the phrase's noun. A relative clause has no "that"
    complementizer (its "that" is a subject or object), so such a clause is the cue's own. A
    "that" clause parsed as the noun's own (``acl``) is left alone: "spoke about the claim that
    ..." is one, and taking the others ("told reporters during a visit that ...") for the cue's
    moved held-out train little either way and lost dev figures after the refit."""
    for i in cached(prep.doc, "that_relcl", _that_relative_clauses):  # few per Doc, most none
        if prep.left_edge.i <= i <= prep.right_edge.i:
            return prep.doc[i]
    return None


def _that_relative_clauses(doc) -> list[int]:
    """The relative clauses with a "that" complementizer in ``doc``, once per Doc (from its
    arrays: no Python loop over the tokens)."""
    from spacy.attrs import DEP, HEAD, LOWER

    if not len(doc):
        return []
    arr = doc.to_array([DEP, LOWER, HEAD])  # uint64: hashes compare as such, heads are offsets
    strings = doc.vocab.strings
    marks = ((arr[:, 0] == numpy.uint64(strings["mark"]))
             & (arr[:, 1] == numpy.uint64(strings["that"]))).nonzero()[0]
    heads = marks + arr[marks, 2].astype("int64")
    return [int(h) for m, h in zip(marks.tolist(), heads.tolist()) if h > m and doc[h].dep_ == "relcl"]


def _unmarked_clause(tok, lemma, lex):
    """Repair a common misparse of a "that"-less complement: "X underlined the US, in its
    response, does not include ..." parsed as dobj "US" + conj "include" (no subject)."""
    if (lemma, "ccomp") not in lex:
        return None
    obj = next((c for c in children(tok) if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return None
    for c in children(tok):
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > obj.i and not any(
                g.dep_ in _SUBJ for g in children(c)):
            return obj.left_edge.idx, c.right_edge.idx + len(c.right_edge), c
    return None


def _cue_span(doc, tok) -> tuple[int, int]:
    start, end = tok.idx, tok.idx + len(tok)
    for child in children(tok):  # phrasal particles: "point out", "call for"
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child)
    return start, end


def _according_to(doc, tok) -> _Cue | None:
    to = doc[tok.i + 1]
    pobj = next((c for c in children(to) if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = doc[pobj.left_edge.i:pobj.right_edge.i + 1]
    sent = sentence_of(tok)
    # content: the rest of the sentence around the phrase
    phrase_start, phrase_end = tok.idx, src.end_char
    before = text_of(doc)[sent.start_char:phrase_start].strip(" ,")
    after_start = phrase_end
    while after_start < sent.end_char and text_of(doc)[after_start] in " ,":
        after_start += 1
    if len(text_of(doc)[after_start:sent.end_char].strip()) > len(before):
        content = (after_start, sent.end_char)
    else:
        content = (sent.start_char, sent.start_char + len(text_of(doc)[sent.start_char:phrase_start].rstrip(" ,")))
    if content[1] <= content[0]:
        return None
    source = pobj
    if pobj.pos_ == "NOUN" and not pobj.ent_type_:
        source = _by_whom(pobj) or pobj  # "according to calculations by Amy Glasmeier"
    return _Cue(tok, (tok.idx, to.idx + len(to)), content, _head_mention(doc, source))


def _by_whom(noun):
    """The object of a "by"/"from" phrase on a noun ("calculations by Amy Glasmeier")."""
    for child in children(noun):
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            pobj = next((c for c in children(child) if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _speaker_of(doc, tok):
    """The mention that governs the cue: its subject, or the subject it inherits."""
    if tok.pos_ in ("NOUN", "PROPN"):
        # a noun cue: "Trump's claim that ...", "his announcement of ..."
        poss = next((c for c in children(tok) if c.dep_ == "poss"), None)
        if poss is not None:
            return _head_mention(doc, _own_subject(tok, poss) or poss)
        by = _by_whom(tok)
        if by is not None:  # "a decision by the committee", "a warning from the FBI"
            return _head_mention(doc, by)
        if tok.dep_ in ("dobj", "pobj", "attr") and tok.head.pos_ in ("VERB", "ADP"):
            tok = tok.head if tok.head.pos_ == "VERB" else tok.head.head
    seen = 0
    cur = tok
    while cur is not None and seen < 5:
        seen += 1
        for child in children(cur):
            if child.dep_ == "agent":  # "criticized by his rivals": the agent, not the subject
                pobj = next((c for c in children(child) if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _head_mention(doc, pobj)
        if cur is tok and any(c.dep_ == "auxpass" for c in children(cur)):
            by = _passive_by(cur)
            if by is not None:  # "was declared the winner ... by news organizations"
                return _head_mention(doc, by)
        subjects = [c for c in children(cur) if c.dep_ in _SUBJ and c.dep_ != "csubj"]
        if len(subjects) > 1:
            # "the withdrawal, which they say left a vacuum": the parser gives "say" both the
            # relative pronoun and its own subject; who says it is "they"
            subjects = [c for c in subjects if c.lower_ not in ("which", "that")] or subjects
        if subjects:
            # a relative pronoun ("..., who said") is the mention; coref finds its antecedent
            return _head_mention(doc, subjects[0])
        if (cur.dep_ == "relcl" and cur.head.dep_ in ("dobj", "attr")
                and cur.head.head.pos_ in ("VERB", "AUX") and _infinitive(cur)):
            # "Clinton found ways to cast herself as ...", "X had reason to know": whoever has
            # the ways or the reason, the subject of the verb the noun is the object of
            cur = cur.head.head
            continue
        if cur.dep_ == "relcl":
            return _head_mention(doc, cur.head)
        if cur.dep_ == "xcomp" and cur.head.i != cur.i:
            obj = next((c for c in children(cur.head) if c.dep_ == "dobj" and c.i < cur.i), None)
            if (obj is not None and cur.head.lemma_.lower() in _OBJECT_CONTROL
                    and (obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or obj.lower_ in _PEOPLE_PRONOUNS)):
                # "the results will force Sanders to acknowledge ...": the object does it
                return _head_mention(doc, obj)
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i < cur.i:
            noun = cur.head
            if (noun.lemma_.lower() in _MEDIA and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX")
                    and noun.head.head.i != noun.head.i):
                # "Forbes shot back in an article stating ...", "during a speech attacking X":
                # whoever speaks through the article or speech
                cur = noun.head.head
                continue
            if (noun.lemma_.lower() in _SENT and noun.dep_ == "dobj"
                    and noun.head.pos_ in ("VERB", "AUX")):
                # "Rubio's campaign sent out a press release saying ...": who sent it
                cur = noun.head
                continue
            # "the super PAC supporting Jeb Bush", "voters hoping to ...": the noun it describes
            return _head_mention(doc, noun)
        if (cur.dep_ in ("conj", "advcl") and cur.head.dep_ == "ccomp" and cur.lemma_.lower() in cue_lexicon.SPEECH_SET
                and cur.head.head.lemma_.lower() in cue_lexicon.SPEECH_SET and cur.head.head.i < cur.head.i):
            # "X noted that troop strength lags and asked whether ...", "X said that Y had a
            # crazy policy, adding ...": the parser hung the second report on the reported
            # clause; it is X's, coordinated with "noted"
            cur = cur.head.head
            continue
        if cur.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acl", "prep", "acomp") and cur.head.i != cur.i:
            cur = cur.head  # "..., adding that", "went on to say" take the main subject
            continue
        break
    # a subject misattached to the clause the cue introduces: "Smith, an adviser, said at ..."
    # parsed with "Smith" as the subject of the reported verb before the cue
    for child in children(tok):
        if child.dep_ in ("ccomp", "conj") and child.i > tok.i:
            subj = next((g for g in children(child) if g.dep_ in ("nsubj", "nsubjpass") and g.i < tok.i), None)
            if subj is not None:
                return _head_mention(doc, subj)
    if tok.dep_ == "parataxis" and tok.i > 0:
        # "That attitude, many argue, could ...": a parenthetical cue whose subject the parser
        # hung on it as a modifier
        left = doc[tok.i - 1]
        if (left.head.i == tok.i and left.dep_ in ("amod", "det", "nummod", "compound", "npadvmod", "advmod")
                and left.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM")):
            return _head_mention(doc, left)
    return None


# Verbs whose object does what their infinitive says ("force Sanders to acknowledge", "urged
# Sessions to tell"): object control, in English grammar's terms.
_OBJECT_CONTROL = {"force", "urge", "ask", "tell", "persuade", "pressure", "push", "encourage",
                   "allow", "lead", "prompt", "convince", "invite", "challenge", "expect", "get",
                   "cause", "inspire", "press", "implore", "beg", "order", "require", "compel",
                   "oblige", "advise", "instruct", "remind", "warn", "call", "enable", "permit",
                   "drive", "motivate", "dare", "want", "need"}
_PEOPLE_PRONOUNS = {"him", "her", "them", "us", "me", "you"}


# A possessive pronoun and the subject pronoun of the same person.
_POSSESSIVE_OF = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}


def _own_subject(noun, poss):
    """The subject of the clause a noun cue is the object of, when the cue's possessive pronoun
    is plainly that subject's ("he stepped up his attacks on Rubio", "Both parents stiffened
    their denunciation of"): the annotators name the clause's subject. A name as subject is
    not taken for "his"/"her" ("Clinton attacked his plan" is someone else's plan)."""
    pronoun = _POSSESSIVE_OF.get(poss.lower_)
    if pronoun is None or noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in children(verb) if c.dep_ == "nsubj" and c.i < noun.i), None)
    if subj is None:
        return None
    if subj.lower_ == pronoun or pronoun == "they" and subj.tag_ in ("NNS", "NNPS"):
        return subj
    return None


def _passive_by(verb):
    """The object of a "by" phrase the parser hung below a passive verb's complement or object
    ("was pushed to these positions by Sanders", "was declared the winner ... by news
    organizations"), not inside a clause of its own."""
    stack = [c for c in children(verb) if c.i > verb.i and c.dep_ in ("prep", "oprd", "dobj", "pobj", "attr")]
    while stack:
        t = stack.pop()
        if t.dep_ == "prep" and t.lower_ == "by":
            pobj = next((c for c in children(t) if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        stack.extend(c for c in children(t) if c.dep_ in ("prep", "pobj", "oprd", "dobj", "attr"))
    return None


def _infinitive(tok) -> bool:
    """A to-infinitive without a subject of its own ("ways to cast", not "a chance for him to")."""
    kids = children(tok)
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and not any(c.dep_ in _SUBJ or c.dep_ == "mark" for c in kids))


# What people speak through: "in an article stating", "during a speech attacking".
_MEDIA = {"speech", "statement", "interview", "article", "letter", "email", "e-mail", "tweet", "post",
          "ad", "advertisement", "video", "memo", "remark", "address", "appearance", "column",
          "essay", "message", "op-ed", "editorial", "broadcast", "sermon", "testimony", "filing"}


# What someone sends out, issues or runs, speaking through it: "sent out a press release saying".
_SENT = _MEDIA | {"response", "release", "report", "reply", "note", "commercial", "spot", "notice"}


_FIRST_PERSON = {"i", "we"}
_LEFT_STOP = {'"', "“", "”", "''", "``", "«", "»"}


def _left_mention(doc, tok, content_start: int):
    """A subject the parse lost ("Patrick F. Kennedy, the undersecretary, wrote ..." with the
    name left unattached): the nearest noun phrase before the cue in its sentence, not inside
    the content or past a quotation mark."""
    sent_start = sentence_of(tok).start
    for j in range(tok.i - 1, max(sent_start, tok.i - 15) - 1, -1):
        t = doc[j]
        if t.text in _LEFT_STOP or content_start < tok.idx and t.idx >= content_start:
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ not in ("compound", "poss", "pobj", "dobj", "npadvmod", "nmod", "amod"):
            head = t.head if t.dep_ == "appos" else t
            return _head_mention(doc, head)
    return None


def _title_before_name(head, child, end: int) -> bool:
    """A person's name the parser hung as an apposition on the title right before it, with no
    comma between ("Senate Majority Leader Chuck Schumer on Wednesday called ...": a time
    adverbial before the verb makes the title the subject): the name is part of the mention."""
    return (child.dep_ == "appos" and child.left_edge.i == end and child.ent_type_ == "PERSON"
            and child.pos_ == "PROPN" and head.pos_ in ("PROPN", "NOUN") and head.ent_type_ != "PERSON"
            and all(t.ent_type_ == "PERSON" or t.dep_ in ("compound", "flat") for t in child.doc[end:child.i]))


def _head_mention(doc, head):
    """The noun phrase headed by ``head``, without relative clauses and appositions after it."""
    me = next((c for c in children(head) if c.dep_ == "conj" and c.lower_ in _FIRST_PERSON), None)
    if me is not None:
        # "President Putin and I agreed that ...": the one talking is the speaker (a joint
        # statement is reported by its speaker, and "I" resolves to who is speaking)
        return doc[me.i:me.i + 1]
    start = head.left_edge.i
    end = head.i + 1
    for child in (c for c in children(head) if c.i > head.i):
        if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "prep" and child.lower_ == "of"):
            end = child.right_edge.i + 1
        elif _title_before_name(head, child, end):
            end = child.i + 1  # "Senate Majority Leader Chuck Schumer on Wednesday called ..."
    if head.pos_ == "PRON":
        start = head.i
    return doc[start:end]


# --- direct quotes ------------------------------------------------------------------------
def _direct_quotes(doc, regions: list[QuoteRegion], found: list[_Cue]) -> list[Quote]:
    text = text_of(doc)
    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]
    out: list[Quote] = []
    prev: Quote | None = None
    prev_para = -1
    quoted = ([(r.start, r.end) for r in regions], [r.start for r in regions])
    persons: list | None = None  # PERSON entities, when a quote without cue needs them
    person_starts: list[int] = []
    nearby, reports, by_token = _cue_indexes(found)
    indexed = len(found)
    for idx, reg in enumerate(regions):
        pi = max(0, bisect.bisect_right(para_starts, reg.start) - 1)
        ps, pe = paras[pi] if paras else (0, len(text))
        if reg.end > pe:  # a quote running over paragraphs: its cue follows in the last one
            pi = max(0, bisect.bisect_right(para_starts, reg.end - 1) - 1)
            pe = paras[pi][1]
        lo = regions[idx - 1].end if idx > 0 and regions[idx - 1].end > ps else ps
        hi = regions[idx + 1].start if idx + 1 < len(regions) and regions[idx + 1].start < pe else pe
        cue = _cue_for_region(doc, reg, found, (lo, hi), quoted, near=nearby(reg), reports=reports,
                              by_token=by_token)
        if cue is None:
            cue = _cue_across_paragraphs(doc, reg, paras, para_starts, found)
        if len(found) != indexed:  # a quoted fragment made its clause a cue (mixed): index it too
            nearby, reports, by_token = _cue_indexes(found)
            indexed = len(found)
        content = Span.of(text, reg.start, reg.end)
        words = len(text[reg.start:reg.end].split())
        if cue is None:
            # a quote continuing the previous speaker's words: "...," he said. "..."
            if (prev is not None and prev_para == pi and prev.cue is not None and _only_frame_between(doc, prev, reg)
                    and not reports.inside(reg, text) and not _runs_on(text, reg)):
                verb = _own_predicate_between(doc, prev, reg, by_token)
                if verb is None:
                    _add_part(text, prev, content)
                    continue
                known = by_token.get(verb.i)
                if known is not None and _fragment_of(known.content, reg):
                    continue  # a fragment of what that verb reports: its mixed quote
                q = _second_utterance(doc, verb, prev, content, by_token)
                out.append(q)
                prev, prev_para = q, pi
                continue
            if words < _MIN_FREE_WORDS or reports.inside(reg, text) or not _sentence_like(text, reg, ps):
                continue  # scare quote or title; a reported clause may hold it (mixed)
            if (prev is not None and prev.cue is not None and pi == prev_para + 1 and prev.kind == "direct"
                    and _whole_paragraph(text, reg, paras[pi]) and _ends_paragraph(doc, prev, paras[prev_para])):
                # a paragraph that is only a quote, after a paragraph ending with a cued quote
                # and its frame: the same speaker goes on (one attribution, as annotators mark it)
                _add_part(text, prev, content)
                prev_para = pi
                continue
            q = Quote("direct", content, None, None, parts=[content])
            q.speaker = _inherit_speaker(prev, pi, prev_para)
            if q.speaker is None:
                if persons is None:
                    persons = [e for e in doc.ents if e.label_ == "PERSON"]
                    person_starts = [e.start_char for e in persons]
                since = paras[max(0, pi - 1)][0] if paras else 0
                q.speaker = _speaker(text, _recent_person(persons, person_starts, reg, since))
        else:
            if (prev is not None and prev.cue is not None and prev.cue.start == cue.span[0]
                    and _inside_reported(reg, [c for c in found if c is not cue], text)):
                continue  # a quoted fragment of another cue's clause after the cue: mixed
            if (cue.token is not None and not _coordinated_speech(cue.token, reg)
                    and _nested_in_report(reg, cue, reports.around(reg))):
                continue  # 'he had seen "..."' inside what another cue reports: that report's (mixed)
            if _manner_of_prev_cue(prev, cue) and prev_para == pi and _only_frame_between(doc, prev, reg):
                # '"I think," Lavrov said, pausing, "that ..."': how he said it, not a new cue
                _add_part(text, prev, content)
                continue
            cue.used = True
            mention = cue.speaker
            if mention is None or reg.start <= mention.start_char and mention.end_char <= reg.end:
                # no parsed subject ('"...," added another New Hampshire Democrat.'), or the parse
                # took a word of the quote for it ('"That, unfortunately," he said'): look beside it
                mention = _mention_beside(doc, cue.token, reg) if cue.token is not None else None
            q = Quote("direct", content, Span.of(text, *cue.span), _speaker(text, mention),
                      parts=[content])
            if (prev is not None and prev.cue is not None and prev.cue.start == cue.span[0]):
                verb = _own_predicate_between(doc, prev, reg, by_token)
                if verb is not None:
                    # '"...," Blige sings before asking her, "..."': a second utterance, its own cue
                    q = _second_utterance(doc, verb, prev, content, by_token)
                    out.append(q)
                    prev, prev_para = q, pi
                    continue
                # the second half of a split quote: one quote, two parts
                _add_part(text, prev, content)
                continue
        out.append(q)
        prev, prev_para = q, pi
    return out


def _fragment_of(content: tuple[int, int] | None, reg: QuoteRegion) -> bool:
    """True when quotation ``reg`` is a fragment of a longer reported clause ``content``."""
    return bool(content and content[0] <= reg.start and reg.end <= content[1] + 1
                and (content[1] - content[0]) > 1.3 * (reg.end - reg.start))


def _add_part(text: str, q: Quote, part: Span) -> None:
    """Make ``part`` the next part of quote ``q``, its content running to the part's end."""
    q.parts.append(part)
    q.content = Span.of(text, q.content.start, part.end)


def _cue_indexes(found: list[_Cue]):
    """The look-ups ``_direct_quotes`` makes for every quotation, built once per list of cues."""
    by_token: dict[int, _Cue] = {}
    for c in found:
        if c.token is not None:
            by_token.setdefault(c.token.i, c)
    return _nearby_cues(found), _Reports(found), by_token


# How far (characters) from a quotation its cue may stand.
_CUE_REACH = 300


def _nearby_cues(found: list[_Cue]):
    """``near(reg)``: the cues whose word stands within reach of quotation ``reg``, in the order
    of ``found``."""
    cues = SpanIndex(found, lambda c: c.span)
    return lambda reg: cues.starting_in(reg.start - _CUE_REACH - cues.longest, reg.end + _CUE_REACH)


def _cue_for_region(doc, reg: QuoteRegion, found: list[_Cue], frame: tuple[int, int],
                    quoted: tuple[list, list], *, near: list[_Cue], reports: _Reports,
                    by_token: dict[int, _Cue]) -> _Cue | None:
    """The cue of quotation ``reg``: ``found`` are the article's cues, ``near`` those within
    reach of it, ``reports`` and ``by_token`` look-ups over ``found`` (``_cue_indexes``)."""
    # 0. a signature after a dash: '"..." ― Carlos Raúl'
    dash = _DASH_BYLINE.match(text_of(doc), reg.end, frame[1])
    if dash:
        name = _signed_name(doc, dash)
        if name is not None:
            return _Cue(None, (dash.start("dash"), dash.end("dash")), None, name)
    # 0b. a label and a colon alone before it in its paragraph: "Toledo, Ohio: “...”", a list
    # of what outlets or people said, each item its source's words
    label = _LIST_LABEL.fullmatch(text_of(doc), frame[0], reg.start)
    if label and (frame[0] == 0 or text_of(doc)[frame[0] - 1] == "\n") and \
            label.group("label").upper() not in NOT_SPEAKERS:
        name = doc.char_span(label.start("label"), label.end("label"), alignment_mode="expand")
        if name is not None:
            return _Cue(None, (label.start("colon"), label.end("colon")), None, name)
    # 1. a cue whose parsed content lies inside this quote ("...," said X -> said ccomp)
    best = None
    for cue in near:
        if cue.content is None:
            continue
        if reg.start <= cue.span[0] < reg.end:
            continue  # a cue word inside the quote is the quoted speaker's, not ours
        ov = min(cue.content[1], reg.end) - max(cue.content[0], reg.start)
        if ov > 0 and (ov < 0.5 * (cue.content[1] - cue.content[0]) or _words_before(doc, cue, reg)):
            continue  # a quoted fragment ending a longer reported clause: a mixed quote
        if ov > 0.5 * (reg.end - reg.start) or (ov > 0 and frame[0] <= cue.span[0] < frame[1]):
            d = abs(cue.span[0] - reg.end) if cue.span[0] >= reg.end else abs(reg.start - cue.span[1])
            if best is None or d < best[0]:
                best = (d, cue)
    if best is not None and best[0] < _CUE_REACH:
        return best[1]
    if reports.inside(reg, text_of(doc)) and not _coordinated_intro(doc, reg, frame):
        return None
    # 2. a speech verb in the frame around the quote: ', he added.' / 'He said:'
    speech = cue_lexicon.speech_lemmas()
    text = text_of(doc)
    after = doc.char_span(reg.end, frame[1], alignment_mode="expand") if frame[1] > reg.end else None
    before = doc.char_span(frame[0], reg.start, alignment_mode="expand") if reg.start > frame[0] else None
    for span, near_end in ((after, False), (before, True)):
        if span is None:
            continue
        toks = list(span)
        if near_end:
            toks.reverse()
        # a verb of any kind as cue: in a short clause after the quote ('he wondered.'), or
        # heading the clause that introduces a quote ending its sentence ('As Vulture put it, "...')
        short = _intro_clause(text, span, reg) if near_end else _short_tail(toks, reg)
        if not near_end and not short and _inner(text, reg).endswith("."):
            continue  # the quote ends its sentence: the next one's verb is not its cue
        for tok in toks[:12]:
            if tok.idx >= reg.start and tok.idx < reg.end:
                continue
            # (the parser may hang the introducing clause on the quote's verb; right after a quote
            # ending with a comma or '!', the verb the quote hangs on: '"...," Trump barked and ...')
            heads = (short and (tok.dep_ == "ROOT" or near_end and _heads_intro(tok, reg))
                     or not near_end and _inverted_tail(doc, tok, reg))
            if (tok.lemma_.lower() in speech or heads) and tok.pos_ in ("VERB", "AUX"):
                known = by_token.get(tok.i)
                gap = _tokens_between(doc, tok, reg)
                if gap > (6 if not near_end else 8 if short else 3):
                    # far from the cue: a quoted fragment inside the cue's clause -> mixed
                    if known is None:
                        _mixed_from_fragment(doc, tok, reg, found)
                    return None
                if known is not None:
                    c = known.content
                    if _fragment_of(c, reg):
                        return None  # the quote is a fragment of the cue's clause: a mixed quote
                    if (c and reg.end <= known.span[0] and c[0] >= known.span[1] and not _is_quoted(c, *quoted)
                            and len(text[c[0]:c[1]].split()) >= 3
                            and len(text[reg.start:reg.end].split()) < _MIN_FREE_WORDS):
                        # a quoted title next to a cue that has a clause of its own:
                        # 'on "Morning Joe," Scarborough suggested that ...'
                        return None
                    return known
                return _Cue(tok, _cue_span(doc, tok), None, _speaker_of(doc, tok) or _nearby_name(doc, tok, reg))
            if tok.text in (".", "!", "?") and not near_end and tok.i > span.start + 0 and tok.idx > reg.end + 1:
                break
        if near_end and before is not None and text[before.start_char:reg.start].rstrip().endswith(":"):
            colon_tok = next((t for t in reversed(list(before)) if t.text == ":"), None)
            if colon_tok is not None and colon_tok.i > 0:
                subj = doc[max(before.start, colon_tok.i - 4):colon_tok.i]
                ents = [e for e in doc.ents if e.start >= subj.start and e.end <= subj.end and e.label_ in ("PERSON", "ORG")]
                if ents:
                    return _Cue(colon_tok, (colon_tok.idx, colon_tok.idx + 1), None, ents[-1])
    return None


def _words_before(doc, cue: _Cue, reg: QuoteRegion) -> bool:
    """True when the cue's parsed content has words of its own before the quote. Not when the
    cue follows the quote and what comes before is a clause ending in the colon that introduces
    it ('X scolded him: "...," she said': the parse ran said's clause back over the colon; the
    quote is all that "said" says)."""
    lead = text_of(doc)[cue.content[0]:reg.start]
    if cue.span[0] >= reg.end and lead.rstrip().endswith(":"):
        return False
    return bool(lead.strip(" \n\t,:(["))


# A paragraph that only signs the quote before it: "- Sanders."
_BYLINE_PARA = re.compile(r"[ \t\u00a0]*(?:[―—–-]|--)[ \t\u00a0]*(?P<name>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})[ \t\u00a0.]*$")


def _cue_across_paragraphs(doc, reg: QuoteRegion, paras, para_starts: list[int], found: list[_Cue]) -> _Cue | None:
    """A quote standing as a paragraph of its own, introduced by the paragraph before it
    ('Trump issued the following statement:') or signed by the one after it ('- Sanders.')."""
    text = text_of(doc)
    first = bisect.bisect_right(para_starts, reg.start) - 1
    last = bisect.bisect_right(para_starts, max(reg.start, reg.end - 1)) - 1
    if first < 0:
        return None
    if first > 0 and not text[paras[first][0]:reg.start].strip():
        a, b = paras[first - 1]
        intro = text[a:b].rstrip()
        if intro.endswith(":"):
            colon = doc.char_span(a + len(intro) - 1, a + len(intro), alignment_mode="expand")
            if colon is not None:
                root = sentence_of(colon[0]).root
                if root.pos_ in ("VERB", "AUX") and root.idx >= a:
                    known = next((c for c in found if c.token is not None and c.token.i == root.i), None)
                    if known is not None and known.speaker is not None:
                        return known  # its own content ("the following statement") is the quote
                    speaker = _speaker_of(doc, root)
                    if speaker is not None:
                        return _Cue(root, _cue_span(doc, root), None, speaker)
    if last + 1 < len(paras) and not text[reg.end:paras[last][1]].strip():
        a, b = paras[last + 1]
        m = _BYLINE_PARA.match(text, a, b)
        if m:
            name = _signed_name(doc, m)
            if name is not None:
                return _Cue(None, (a, m.start("name")), None, name)
    return None


# A list item's source before a colon, alone ahead of a quotation: capitalized words (a few
# function words between), commas allowed ("Columbia, South Carolina", "The Arizona Republic").
_LIST_LABEL = re.compile(
    r"[^\S\n]*(?:[-*•][^\S\n]+)?(?P<label>[A-Z][\w.'’&-]*(?:,?\s+(?:(?:of|the|and|for|de)\s+)?"
    r"[A-Z][\w.'’&-]*){0,7})(?P<colon>:)\s*")


def _signed_name(doc, match):
    """The tokens of a signature's ``name`` group, its closing full stop left out ("― Ana Lastra.")."""
    start = match.start("name")
    return doc.char_span(start, start + len(match.group("name").rstrip(".")), alignment_mode="expand")


def _inner(text: str, reg: QuoteRegion) -> str:
    """The quote's words up to its last punctuation, closing marks left out."""
    return text[reg.start:reg.end].rstrip("\"”'’» ")


def _intro_clause(text: str, before, reg: QuoteRegion) -> bool:
    """True when a comma or colon introduces the quote and the quote ends its sentence."""
    lead = text[before.start_char:reg.start].rstrip()
    return lead.endswith((",", ":")) and _inner(text, reg).endswith((".", "!", "?"))


def _heads_intro(tok, reg: QuoteRegion) -> bool:
    """The verb heading a clause that introduces a quote, however the parser hung it on the
    quote's own verb ('As Vulture put it, "..."': advcl; 'X called over her shoulder, "..."':
    ccomp), or a verb coordinated with such a head. A conditional or temporal clause ('Unless
    rivals quit the race, "..."') introduces nothing."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "ROOT" and t is not tok:
        return True
    if t.dep_ not in ("advcl", "ccomp", "parataxis", "dep") or not reg.start <= t.head.idx < reg.end:
        return False
    return not any(c.dep_ == "mark" and c.lower_ not in ("as", "like") for c in children(t))


def _inverted_tail(doc, tok, reg: QuoteRegion) -> bool:
    """'"Go back to Univision," Trump barked and ...' / '"This is fantastic!" beamed X, who
    ...': a quote ending with a comma, '!' or '?' inside its marks, then at most two words and
    the verb the parser hangs the quote on: that verb is the cue whatever it is, however long
    its sentence runs on."""
    text = text_of(doc)
    if tok.dep_ != "ROOT" or not _inner(text, reg).endswith((",", "!", "?")):
        return False
    if _tokens_between(doc, tok, reg) > 2 or "\n" in text[reg.end:tok.idx]:
        return False
    return any(t.head.i == tok.i for t in doc.char_span(reg.start, reg.end, alignment_mode="expand") or ())


def _short_tail(toks, reg: QuoteRegion) -> bool:
    """'"...?" he wondered.' / '"..." reacted Trump.': right after the quote, a clause of at
    most four words that ends the sentence; its verb is the cue whatever the verb."""
    if not toks or toks[0].idx - reg.end > 2:
        return False
    words = 0
    for tok in toks:
        if tok.text in (".", "!", "?") or tok.is_space and "\n" in tok.text:
            return 0 < words <= 4
        if not tok.is_punct:
            words += 1
            if words > 4:
                return False
    last = next((t for t in reversed(toks) if not t.is_space), None)
    if last is not None and last.text in (",", ":") and _inner(text_of(last.doc), reg).endswith("."):
        # '"... kidding." To which she said, "...": a clause leading into the next quote
        return False
    return 0 < words <= 4


def _tokens_between(doc, tok, reg: QuoteRegion) -> int:
    """Words between a cue and a quote, not counting punctuation."""
    if tok.idx >= reg.end:
        span = doc.char_span(reg.end, tok.idx, alignment_mode="expand")
    else:
        span = doc.char_span(tok.idx + len(tok), reg.start, alignment_mode="expand")
    return sum(1 for t in span if not t.is_punct and not t.is_space) if span is not None else 0


def _mixed_from_fragment(doc, tok, reg: QuoteRegion, found: list[_Cue]) -> None:
    """A speech verb whose complement holds a quoted fragment: the complement is a mixed quote."""
    for child in children(tok):
        if child.dep_ in ("ccomp", "xcomp", "dobj", "parataxis"):
            s, e = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            if s <= reg.start and reg.end <= e + 1:
                found.append(_Cue(tok, _cue_span(doc, tok), _trim(text_of(doc), s, e), _speaker_of(doc, tok)))
                return


def _recent_person(persons: list, starts: list[int], reg: QuoteRegion, since: int):
    """The person named last before a quote that has no cue, within its paragraph and the one
    before: who the article is quoting at that point."""
    i = bisect.bisect_left(starts, reg.start) - 1
    return persons[i] if i >= 0 and starts[i] >= since else None


def _runs_on(text: str, reg: QuoteRegion) -> bool:
    """A quotation the writer's own sentence goes on after, in lower case (' "You squeezed
    employees to the breaking point" to drive up the stock price'): a fragment quoted in the
    writer's words, not the next part of the quote before."""
    inner = text[reg.start:reg.end].rstrip("\"”'’ ")
    after = text[reg.end:reg.end + 40].lstrip(" ")
    return bool(inner) and inner[-1] not in ".!?,;:…-—" and after[:1].islower()


def _sentence_like(text: str, reg: QuoteRegion, para_start: int) -> bool:
    """A quote that stands as a sentence of its own: it opens its paragraph or follows a sentence
    end, and ends with the sentence inside it."""
    before = text[para_start:reg.start].rstrip()
    opens = not before or before[-1] in ".!?:\"”…"
    inner = text[reg.start:reg.end].rstrip("\"”'’ ")
    return opens and (not inner or inner[-1] in ".!?,…-—" or not reg.balanced)


def _nearby_name(doc, tok, reg):
    """An inverted cue without parsed subject: '... said Caddell' -> the noun after the verb."""
    for t in doc[tok.i + 1: tok.i + 6]:
        if t.ent_type_ in ("DATE", "TIME"):
            continue  # 'X said Monday': when, not who
        if t.pos_ == "ADP":
            break  # 'said in an interview': the speaker is not inside a prepositional phrase
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not (reg.start <= t.idx < reg.end):
            head = t
            while head.dep_ in ("compound", "amod", "nummod") and tok.i < head.head.i <= tok.i + 8:
                head = head.head  # "another New Hampshire Democrat": the whole noun phrase
            return _head_mention(doc, head)
        if t.is_punct:
            break
    return None


def _mention_beside(doc, tok, reg: QuoteRegion):
    """The speaker of a cue next to a quote, outside the quote: the noun phrase right after the
    cue ('" ...," said Kilfoyle'), else the nearest one before it in its clause ('Kilfoyle said')."""
    after = _nearby_name(doc, tok, reg)
    if after is not None and not (reg.start <= after.start_char < reg.end):
        return after
    for j in range(tok.i - 1, max(sentence_of(tok).start, tok.i - 6) - 1, -1):
        t = doc[j]
        if t.text in _LEFT_STOP or reg.start <= t.idx < reg.end:
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return _head_mention(doc, t.head if t.dep_ in ("compound", "flat") else t)
    return None


def _manner_of_prev_cue(prev: Quote | None, cue: _Cue) -> bool:
    """True when ``cue`` is a participle saying how the previous quote's cue was spoken
    ("said, pausing,", "said, smiling,"): a verb hanging on that cue that is no verb of saying."""
    if prev is None or prev.cue is None or cue.token is None:
        return False
    tok = cue.token
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp") or \
            tok.lemma_.lower() in cue_lexicon.SPEECH_SET:
        return False
    head = tok.head
    return prev.cue.start <= head.idx < prev.cue.end


def _own_predicate_between(doc, prev: Quote, reg: QuoteRegion, by_token: dict[int, _Cue]):
    """The verb between the previous quote's cue and ``reg`` that says something of its own,
    when ``reg`` opens a new utterance (a capital after its quotation mark): '..., Blige sings
    to Clinton before [asking] her, "I just ..."', '... Sanders said, [going] on to contrast X
    with Y. "So I ..."', or in a sentence of its own ('... Obama said. He [called] Burma a "good
    news story ..."'). None for a quote split mid-sentence ('"Every time," Tester said,
    referring to X, "you give ..."'), a bare manner participle ('said, pausing,') or any verb
    deeper in the frame ('said Smith, who leads ...', 'said after Pagliano failed to show up'):
    those stay one quote with the previous one."""
    if prev.cue is None:
        return None
    lemmas = cue_lexicon.cue_lemmas()
    text = text_of(doc)
    capital = text[reg.start:reg.end].lstrip("\"“'‘«`( ")[:1].isupper()
    between = doc.char_span(prev.cue.end, reg.start, alignment_mode="contract")
    if between is None:
        return None
    cue_sentence = sentence_of(doc[between.start - 1]).start if between.start > 0 else 0
    for tok in between:
        if not capital and sentence_of(tok).start == cue_sentence:
            continue  # the quote goes on mid-sentence: one quote in two parts
        if tok.pos_ != "VERB":
            continue
        own_sentence = tok.dep_ == "ROOT" and sentence_of(tok).start != cue_sentence
        # a second predicate of the cue's: 'before [asking] her', '[going] on to contrast' (not
        # a participle elaborating the cue, 'said, referring to X,', which annotators leave in
        # the frame of one quote, nor a clause of time, 'said after Pagliano failed to show up')
        second = (tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.i == between.start - 1
                  or tok.dep_ == "advcl" and tok.head.i == between.start - 1
                  and any(c.dep_ == "xcomp" for c in children(tok))
                  and not any(c.dep_ == "mark" for c in children(tok)))
        if not (own_sentence or second):
            continue
        known = by_token.get(tok.i)
        if known is not None and known.content is not None and known.content[1] <= reg.start:
            continue  # it reports something before this quote
        if tok.lemma_.lower() in lemmas or any(
                c.dep_ == "xcomp" and c.lemma_.lower() in lemmas for c in children(tok)):
            return tok  # a verb that reports ('asking her'), or leads to one ('going on to contrast')
    return None


def _second_utterance(doc, verb, prev: Quote, content: Span, by_token: dict[int, _Cue]) -> Quote:
    """A direct quote cued by ``verb``, spoken by its own subject, else by the previous
    quote's speaker (the subject the two verbs share). The verb's own report, if it made one,
    is this quote ('He called Burma a "good news story ..."'), not another."""
    known = by_token.get(verb.i)
    if known is not None:
        known.used = True
    text = text_of(doc)
    subject = _speaker_of(doc, verb)
    speaker = _speaker(text, subject) if subject is not None else prev.speaker
    return Quote("direct", content, Span.of(text, *_cue_span(doc, verb)), speaker, parts=[content])


def _only_frame_between(doc, prev: Quote, reg: QuoteRegion) -> bool:
    """True when only the previous quote's cue and speaker stand between it and ``reg``."""
    gap = text_of(doc)[prev.content.end:reg.start]
    return (len(gap) < 300 and "\n" not in gap and prev.cue is not None
            and prev.cue.start >= prev.content.end - 1)


class _Reports:
    """``_inside_reported`` over one list of cues, asked for quotation after quotation: only the
    cues whose clause starts where it could hold the quotation are looked at."""

    def __init__(self, found: list[_Cue]) -> None:
        self.clauses = SpanIndex([c for c in found if c.content], lambda c: c.content)

    def around(self, reg: QuoteRegion) -> list[_Cue]:
        """The cues whose clause starts where it could hold ``reg``."""
        return self.clauses.starting_in(reg.start - self.clauses.longest - 1, reg.start)

    def inside(self, reg: QuoteRegion, text: str | None = None) -> bool:
        return _inside_reported(reg, self.around(reg), text)


def _nested_in_report(reg: QuoteRegion, cue: _Cue, found: list[_Cue]) -> bool:
    """True when quotation ``reg`` and its cue both lie inside the clause another (unused) cue of
    ``found`` reports: 'Smith said he had seen "a demobilization"' is one mixed quote of "said",
    not also a direct quote of "seen" (the same words counted twice)."""
    text = text_of(cue.token.doc)
    for c in found:
        if c is cue or c.token is None or c.content is None or c.used:
            continue
        s, e = c.content
        if s <= cue.span[0] and s < reg.start and not (reg.start <= c.span[0] < reg.end) and (
                reg.end <= e + 1 or reg.start < e and not text[e:reg.end].strip(_CLOSERS)):
            return True
    return False


def _coordinated_speech(tok, reg: QuoteRegion) -> bool:
    """True for a verb of speech with a subject of its own, coordinated with the clause before it,
    opening a quoted sentence: 'She said fathers are not eligible, and when pressed, the mother
    of three replied, "It's meant ..."'. The parser may hang it inside the first report; it
    reports a quote of its own."""
    text = text_of(tok.doc)
    return (tok.dep_ == "conj" and tok.lemma_.lower() in cue_lexicon.SPEECH_SET and tok.idx < reg.start
            and any(c.dep_ == "nsubj" for c in children(tok))
            and text[reg.start:reg.end].lstrip("\"“'‘« ")[:1].isupper())


def _coordinated_intro(doc, reg: QuoteRegion, frame: tuple[int, int]) -> bool:
    """``_coordinated_speech`` for the verb right before quotation ``reg`` (at most three tokens
    between)."""
    before = doc.char_span(frame[0], reg.start, alignment_mode="contract") if reg.start > frame[0] else None
    if before is None:
        return False
    for tok in list(before)[::-1][:4]:
        if tok.pos_ == "VERB":
            return _coordinated_speech(tok, reg)
    return False


def _inside_reported(reg: QuoteRegion, found: list[_Cue], text: str | None = None) -> bool:
    """True when ``reg`` lies inside a cue's reported clause (its closing mark and the sentence's
    last punctuation may stand after the clause's trimmed end)."""
    for c in found:
        if c.content and c.content[0] <= reg.start:
            if reg.end <= c.content[1] + 1:
                return True
            if text is not None and reg.start < c.content[1] and not text[c.content[1]:reg.end].strip(_CLOSERS):
                return True
    return False


_CLOSERS = " .,;:!?'\"”’»"



def _whole_paragraph(text: str, reg: QuoteRegion, para: tuple[int, int]) -> bool:
    """True when quotation ``reg`` is all its paragraph holds."""
    return not text[para[0]:reg.start].strip() and not text[reg.end:para[1]].strip()


def _ends_paragraph(doc, q: Quote, para: tuple[int, int]) -> bool:
    """True when direct quote ``q`` ends its paragraph, or only its cue's frame follows it, to
    one sentence's end ('... ," said Alan Krueger, a professor at Princeton.'; not '... ," Trump
    added. He then had a question for the crowd.')."""
    text = text_of(doc)
    tail = text[q.content.end:para[1]].strip()
    if not tail:
        return q.content.end <= para[1]
    if q.content.end > para[1] or q.cue.start < q.content.end - 1 or any(m in tail for m in '"“”'):
        return False
    frame = doc.char_span(q.content.end, para[1], alignment_mode="contract")
    return frame is not None and len(frame) > 0 and sentence_of(frame[0]).start == sentence_of(frame[-1]).start


def _inherit_speaker(prev: Quote | None, pi: int, prev_para: int) -> Speaker | None:
    # a quote standing alone right after another speaker's quote continues that speaker
    if prev is not None and prev.speaker is not None and pi - prev_para <= 1:
        s = prev.speaker
        return Speaker(s.start, s.end, s.text, s.name, s.actor_id, s.role, s.affiliation, s.mention_type)
    return None


# A wire dateline opening a line: "WASHINGTON (AP) — ", "CLEVELAND, July 19 (UPI) — ",
# "New York (AFP) – ". The place is in capitals or followed by an agency in parentheses.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'’]*(?:[ \t]+[A-Z][\w.'’]*){0,3})"
    r"(?:,[ \t]*[A-Z][a-z]{2,}\.?(?:[ \t]+\d{1,2})?)?[ \t]*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"[ \t]*(?:—|–|--|-)[ \t]*")


def _past_dateline(text: str, mention):
    """A dateline's place the parse took for the subject ("WASHINGTON (AP) — Donald Trump said")
    gives way to the noun phrase the sentence opens with after it."""
    start = mention.start_char
    if start > 0 and text[start - 1] != "\n":
        return mention
    m = _DATELINE.match(text, start)
    if m is None or not (m.group("agency") or m.group("place").isupper()):
        return mention
    doc = mention.doc
    if mention.end_char > m.end():
        # the mention runs on past the dash: "LONDON (Reuters) - Former Attorney General X"
        rest = doc.char_span(m.end(), mention.end_char, alignment_mode="expand")
        return rest if rest is not None and len(rest) else mention
    if m.end("place") < mention.end_char:
        return mention
    after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if after is None or len(after) == 0:
        return mention
    first = after[0]
    top = first
    while top.head.i != top.i and top.head.left_edge.i == first.i:
        top = top.head
    if top.pos_ not in ("PROPN", "NOUN", "PRON"):
        return mention
    return _head_mention(doc, top)


def _content_past_dateline(text: str, start: int, end: int) -> int:
    """A content opening an article's first line ("WASHINGTON — Mike Pompeo canceled a trip
    ..., an official said") starts after the dateline: the place and agency are not what was said."""
    if (start > 0 and text[start - 1] != "\n") or start > _DATELINE_WITHIN:
        return start
    m = _DATELINE.match(text, start)
    if m is None or not (m.group("agency") or m.group("place").isupper()) or m.end() >= end:
        return start
    dash = text[m.start():m.end()].strip().split()[-1]
    if dash in text[m.end():end]:
        return start  # "NATO — the alliance — will meet": a dash pair around an aside
    return m.end()


_DATELINE_WITHIN = 400  # characters: a dateline opens the article, after at most a headline


# A list's enumerator the parser took for a subject: "(i) inform ...", "(ii) impose ..."
# (lower-case "i" reads as the pronoun I).
_ENUMERATOR = re.compile(r"\(?(?:[ivxlc]{1,5}|[a-zA-Z]|\d{1,3})")


def _speaker(text: str, mention) -> Speaker | None:
    if mention is None:
        return None
    if (_ENUMERATOR.fullmatch(mention.text) and text[mention.end_char:mention.end_char + 1] == ")"
            and (mention.text[0] == "(" or text[mention.start_char - 1:mention.start_char] == "(")):
        return None
    mention = _past_dateline(text, mention)
    if len(mention) > 3 and mention[0].text == "(" and mention[2].text == ")" and _ENUMERATOR.fullmatch(mention[1].text):
        mention = mention[3:]  # "(7)  The Commissioner of CBP shall ...": the list's number is no part
    while len(mention) > 1 and mention[0].is_space:  # " \nPresident Biden": the line break is no part
        mention = mention[1:]
    while len(mention) > 1 and mention[-1].is_space:
        mention = mention[:-1]
    return Speaker(mention.start_char, mention.end_char, text[mention.start_char:mention.end_char],
                   mention_type=_mention_type(mention))


_NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC")


def _mention_type(mention) -> str:
    """"pronoun", "name" when the mention's head word is (part of) a name ("Sergey Lavrov", "the
    Kremlin") or has one in apposition ("Russia's foreign minister, Sergey Lavrov"), else
    "description": "the Russian President", "Lavrov's spokesman" and "a State Department
    official" name an office or a relation, not the person."""
    if len(mention) == 1 and mention[0].pos_ == "PRON":
        return "pronoun"
    root = mention.root
    inside = [c for c in children(root) if mention.start <= c.i < mention.end]
    # (by the entity, not the part of speech: a capitalized title, "The Executive Order", "The
    # Leaders", is PROPN to the tagger and no name; a person's name anywhere in it but as a
    # possessor is the mention's name; "State Department" of "a State Department official" is not)
    if root.ent_type_ in _NAMED or any(c.dep_ == "appos" and c.ent_type_ in _NAMED for c in inside):
        return "name"
    for t in mention:  # a person's name in it, not as a possessor ("Lavrov's spokesman")
        if t.ent_type_ == "PERSON" and not any(
                a.dep_ == "poss" for a in (t, *t.ancestors) if mention.start <= a.i < mention.end):
            return "name"
    return "description"


# --- indirect and mixed quotes ------------------------------------------------------------
# Shortest reported content kept without a speaker (characters). A short content no one is said to
# hold is mostly a noun phrase the annotators did not mark (PolNeAR train, held out: 0.30 of these
# match an attribution on either half, against 0.5 and more for the other speakerless ones).
MIN_UNSPOKEN = 20


def _adverbial_report(cue: _Cue) -> bool:
    """A speech verb heading an adverbial clause is an attribution of its own even inside
    another's content ("..., claiming that he is responsible", "when he claimed Obama was ...",
    "while Sanders suggests ..."): PolNeAR's annotators mark half of these (each half of train
    alike), and fewer than a third of the other cues nested in a content. Not under a modal: in
    "authorities will send a request, asking why ..." nothing has been said yet."""
    tok = cue.token
    return (tok is not None and tok.dep_ == "advcl" and tok.lemma_.lower() in cue_lexicon.SPEECH_SET
            and not any(c.tag_ == "MD" for c in children(tok.head)))


def _split_coordinated(doc, found: list[_Cue]) -> set[int]:
    """A report coordinated with another inside its parsed content ("X pledged a revolution and
    said that ..."): annotators (PolNeAR train) mark two attributions, so the first content ends
    before the second cue, which keeps its own. Returns the ids of the cues so kept."""
    keep: set[int] = set()
    inners = [c for c in found if c.content is not None and c.token is not None and c.token.dep_ == "conj"
              and c.token.lemma_.lower() in cue_lexicon.SPEECH_SET]
    if not inners:
        return keep
    text = text_of(doc)
    by_token = {c.token.i: c for c in found if c.content is not None and c.token is not None}
    for inner in inners:
        tok = inner.token
        up = tok.head
        for _ in range(3):  # the cue it is coordinated with, or the head of that cue's object
            outer = by_token.get(up.i)
            if (outer is not None and outer is not inner
                    and outer.content[0] <= inner.span[0] and inner.span[1] <= outer.content[1]):
                keep.add(id(inner))
                s, e = _trim(text, outer.content[0], tok.left_edge.idx)
                words = text[s:e].rsplit(None, 1)
                if len(words) == 2 and words[1].lower() in ("and", "but"):
                    e = s + len(words[0])
                if e - s >= 3:
                    outer.content = (s, e)
                break
            if up.head.i == up.i:
                break
            up = up.head
    return keep


def _strip_tail(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces and punctuation."""
    while end > start and text[end - 1] in " \n\t.,;:":
        end -= 1
    return end


class _Holders:
    """Whether some span other than a given one holds [a, b): spans sorted by start, with the
    largest end so far and the largest end of a span other than that one (a bisection per
    question, not a pass over every span of the article)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.best, self.second = [], []  # (end, span) of the largest end; the largest other end
        best_end, best, second = -1, None, -1
        for span in spans:
            if span[1] > best_end:
                if best is not None:
                    second = max(second, best_end)
                best_end, best = span[1], span
            elif span != best:
                second = max(second, span[1])
            self.best.append((best_end, best))
            self.second.append(second)

    def hold(self, inner: tuple[int, int], but: tuple[int, int] | None = None) -> bool:
        i = bisect.bisect_right(self.starts, inner[0]) - 1
        if i < 0:
            return False
        best_end, best = self.best[i]
        return best_end >= inner[1] and (best != but or self.second[i] >= inner[1])


def _reported_quotes(doc, regions: list[QuoteRegion], found: list[_Cue]) -> list[Quote]:
    text = text_of(doc)
    out: list[Quote] = []
    keep = _split_coordinated(doc, found)
    bounds = boundary_model.weights()
    outer = [c.content for c in found if c.content is not None]
    outer += [(r.start, r.end) for r in regions]
    holders = _Holders(outer)
    for cue in found:
        if cue.used or cue.content is None:
            continue
        nested = holders.hold(cue.span, but=cue.content)
        if nested and id(cue) not in keep and not _adverbial_report(cue):
            continue  # an attribution inside another's content belongs to that content
        cs, ce = cue.content[0], _strip_tail(text, *cue.content)
        if ce - cs < 3:
            continue
        inside = [r for r in regions if r.start < ce and cs < r.end]
        if any(r.start <= cs + 1 and r.end >= ce - 1 for r in inside):
            continue  # the content is a direct quote that another cue already owns
        if bounds is not None:
            cs, ce = boundary_model.refine(doc, cs, ce, cue.span, "mixed" if inside else "indirect", bounds,
                                           cue.token.i)
            cs, ce = _trim(text, cs, ce)
            ce = _strip_tail(text, cs, ce)
            if ce - cs < 3:
                continue
            inside = [r for r in regions if r.start < ce and cs < r.end]
        cs = _content_past_dateline(text, cs, ce)
        kind = "mixed" if inside else "indirect"
        for r in inside:
            if cs <= r.start < ce < r.end and not text[ce:r.end].strip(_CLOSERS):
                ce = r.end  # the quotation the content ends in ends with its mark: 'would "not stay silent."'
        speaker = _speaker(text, cue.speaker)
        if speaker is None and kind == "indirect" and ce - cs < MIN_UNSPOKEN:
            continue  # "opposition to [the tax]", "support for [victims]": no one says it
        sent = sentence_of(cue.token)
        out.append(Quote(kind, Span.of(text, cs, ce), Span.of(text, *cue.span),
                         speaker, parts=[Span.of(text, cs, ce)],
                         sentence=Span.of(text, sent.start_char, sent.end_char)))
    return out
