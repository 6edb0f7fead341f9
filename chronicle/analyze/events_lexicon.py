"""The event lexicon, loaded once per process.

Built by scripts/build_event_lexicon.py into chronicle/data/events/ (see the NOTICE there):
verbs and event nouns -> PLOVER (type, mode, context), CAMEO verb + object patterns, and agent
nouns -> CAMEO sector ("police" -> COP). Names (countries, capitals, IGOs, people) are not here:
events look them up in the actors knowledge base (``actors_kb.lookup_code``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "events"

Entry = tuple  # (type, mode, context, cameo_code or None)


@dataclass(frozen=True)
class Lexicon:
    core_verbs: dict[str, Entry]
    core_nouns: dict[str, Entry]
    light_verbs: frozenset[str]
    prep_light_verbs: frozenset[str]  # "went on strike", "returned for talks"
    aspectual_verbs: frozenset[str]
    stop_verbs: frozenset[str]
    cameo_verbs: dict[str, Entry]
    cameo_block_verbs: dict[str, Entry]  # a synonym's block code: the last resort
    cameo_patterns: dict[str, dict[str, Entry | None]]
    agents: dict[str, str]  # lower-case agent noun -> sector (GOV, MIL, REB, ...)

    def _intent_verb(self, lemma: str, core) -> bool:
        own = core or self.cameo_verbs.get(lemma)
        return bool(own) and own[0] == "AGREE"

    def verb_entry(self, lemma: str, objects: list[tuple[str, str]]) -> Entry | None:
        """PLOVER entry for a verb with its (prep, noun) objects; None when not an event verb.

        A CAMEO verb + object pattern wins (it may also say "not an event"); then the core
        verbs written from the PLOVER definitions; then the CAMEO verb default.
        """
        core = self.core_verbs.get(lemma)
        pats = self.cameo_patterns.get(lemma)
        if pats:
            for prep, noun in objects:
                key = f"{prep}|{noun}"
                if key in pats:
                    e = pats[key]
                    # CAMEO 03x is "express intent to ...": in PLOVER intent is the modality
                    # (future -> AGREE), so it does not override what the verb itself does.
                    if e and str(e[3]).startswith("03") and not self._intent_verb(lemma, core):
                        break
                    return e or None
        if core:
            return (core[0], core[1], None, None)
        # (CAMEO synonym-block codes are not used: a verb inherits its block's code by being
        # listed with it — "mean", "ensure", "train" under AGREE, "take" under COERCE — which on
        # real news produced mostly false events; measured in docs/events.md.)
        return self.cameo_verbs.get(lemma)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    return Lexicon(
        core_verbs={k: tuple(v) for k, v in lex["core_verbs"].items()},
        core_nouns={k: tuple(v) for k, v in lex["core_nouns"].items()},
        light_verbs=frozenset(lex["light_verbs"]),
        prep_light_verbs=frozenset(lex.get("prep_light_verbs", ())),
        aspectual_verbs=frozenset(lex.get("aspectual_verbs", ())),
        stop_verbs=frozenset(lex.get("stop_verbs", ())),
        cameo_verbs={k: tuple(v) for k, v in lex["cameo_verbs"].items()},
        cameo_block_verbs={k: tuple(v) for k, v in lex.get("cameo_block_verbs", {}).items()},
        cameo_patterns={v: {k: (tuple(e) if e else None) for k, e in d.items()}
                        for v, d in lex["cameo_patterns"].items()},
        agents=lex["agents"],
    )
