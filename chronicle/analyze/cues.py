"""The cue lexicon: which words introduce a quotation, and through which dependency.

One place for every cue word. A cue is a (lemma, relation) pair: the relation is the
dependency from the cue to its content ("ccomp": *said that ...*, "xcomp": *vowed to ...*,
"dobj": *announced his candidacy*, "parataxis": *..., he said*). The hand-written base below
is extended by pairs mined from PolNeAR's train split (``make cues`` writes
``chronicle/data/cues.tsv``: lemma, relation, how often the pair was a gold cue, how often it
occurred); a mined pair is used when it was a cue in at least ``MIN_PRECISION`` of its uses.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

MIN_PRECISION = 0.35
MIN_COUNT = 3

# Verbs of saying: they take their content as a clause or stand beside a direct quote.
SPEECH = """
say tell add note state announce declare explain claim argue insist stress underline underscore
emphasize emphasise conclude continue reply respond answer ask write tweet post report warn
suggest acknowledge admit confirm deny predict promise vow pledge recall remark observe mention
comment complain contend assert maintain reiterate repeat quip joke boast concede caution urge
testify allege speculate estimate indicate signal hint reveal disclose counter retort shout cry
whisper scream recount describe lament charge accuse blast slam criticize praise thank
proclaim announce affirm agree disagree object protest demand propose recommend advise
insist inform notify assure reassure promise guarantee threaten
chant sing yell type label title dub nickname term headline tout brand
""".split()

SPEECH_SET = frozenset(SPEECH)
ANY_VERB = "*"

# Verbs of thinking and wanting: they attribute a belief or intention to their subject.
COGNITION = """
believe think feel hope fear expect know doubt worry consider assume suspect wonder
understand realize realise reckon figure guess imagine anticipate predict
""".split()

# Verbs whose content is an infinitive clause ("vowed to fight").
INTENTION = """
want wish plan intend decide promise vow pledge refuse decline threaten hope expect aim seek
urge ask call encourage demand
""".split()


def _base() -> dict[tuple[str, str], float]:
    lex: dict[tuple[str, str], float] = {}
    for lemma in SPEECH:
        lex[(lemma, "ccomp")] = 1.0
        lex[(lemma, "parataxis")] = 1.0
        lex[(lemma, "head:parataxis")] = 0.9  # "..., he said, ..." inside the content
    for lemma in COGNITION:
        lex[(lemma, "ccomp")] = 0.9
    for lemma in INTENTION:
        lex[(lemma, "xcomp")] = 0.6
    return lex


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], float]:
    """(lemma, relation) -> confidence that the pair is a quotation cue."""
    lex = _base()
    for row in _mined():
        cue, total = int(row["cue"]), int(row["total"])
        if total < MIN_COUNT:
            continue
        p = cue / total
        key = (row["lemma"], row["rel"])
        if p >= MIN_PRECISION:
            lex[key] = max(lex.get(key, 0.0), p)
        elif key in lex and total >= 10 and p < 0.15:
            del lex[key]  # the data says this base pair is rarely a cue in news prose
    return lex


@lru_cache(maxsize=1)
def candidates() -> dict[tuple[str, str], float]:
    """Every pair seen as a cue in the training data or listed by hand, with its confidence:
    the candidates that the learned layer (``cue_model``) decides on."""
    lex = _base()
    for row in _mined():
        key = (row["lemma"], row["rel"])
        lex[key] = max(lex.get(key, 0.0), int(row["cue"]) / int(row["total"]))
    # any other verb taking a clause is a candidate too; the learned layer decides
    lex[(ANY_VERB, "ccomp")] = 0.1
    return lex


@lru_cache(maxsize=1)
def candidate_lemmas() -> frozenset[str]:
    return frozenset(l for l, _ in candidates())


def _mined() -> list[dict[str, str]]:
    try:
        mined = resources.files("chronicle.data").joinpath("cues.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return []
    return list(csv.DictReader(mined.splitlines(), delimiter="\t"))


@lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    """Lemmas that can stand beside a direct quote as its cue (``"...," she said``)."""
    return frozenset(SPEECH) | {l for (l, r), p in lexicon().items() if r == "parataxis" and p >= 0.5}


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    return frozenset(l for l, _ in lexicon())
