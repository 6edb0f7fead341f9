"""Build Chronicle's event lexicon (chronicle/data/events/) from the shared Phoenix/PLOVER data.

    .venv/bin/python scripts/build_event_lexicon.py [--shared ../shared]

Writes
  lexicon.json  verb lemma -> (PLOVER type, mode, context, CAMEO code) and verb + object patterns,
                derived from the CAMEO verb patterns (Phoenix CAMEO.2.0.txt, MIT) mapped to PLOVER
                with CAMEO2PLOVER-2021.txt (labels only, CC BY-SA 4.0), plus a small core of verbs and
                event nouns written from the PLOVER category definitions (see CORE_* below).
                It also holds agent nouns -> CAMEO sector ("police" -> COP, "rebels" -> REB) from the
                Phoenix agent dictionary (MIT). Names (countries, capitals, IGOs, people) are not
                here: events look them up in the actors knowledge base
                (chronicle.analyze.actors_kb.lookup_code), the one name table of Chronicle.
  NOTICE        the licences of the sources.

No text of the sources is copied: only lower-cased words and codes.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "chronicle" / "data" / "events"

# CAMEO cue categories PLOVER drops (01 public statement) are not events. CAMEO 02 APPEAL is
# dropped by the PLOVER translation table, but PLOVER's REQUEST is defined as "all requests,
# demands, and orders", so explicit appeals/requests (CAMEO 02x) are coded REQUEST here.
APPEAL_AS_REQUEST = True

# Core verbs, written from the PLOVER definitions (manual sections per category). They take
# precedence over CAMEO verb defaults (which are sparse and noisy) but not over CAMEO verb+object
# patterns. Values: (type, mode or None).
CORE_VERBS: dict[str, tuple[str, str | None]] = {}
for _type, _mode, _words in [
    ("AGREE", None, "agree promise pledge vow swear offer accept commit undertake volunteer "
                    "consent"),
    ("CONSULT", None, "meet consult discuss negotiate confer telephone phone mediate talk "
                      "engage_with"),
    ("CONSULT", "visit", "visit"),
    ("CONSULT", "host", "host receive"),
    # (CAMEO 055 "apologize" is SUPPORT in CAMEO2PLOVER; PLOVER's CONCEDE takes pardons)
    ("CONCEDE", None, "pardon accede relent yield back_down give_in"),
    ("SUPPORT", None, "praise support back commend hail applaud welcome recognize recognise "
                      "apologize apologise forgive defend approve endorse ratify upgrade normalize normalise"),
    ("COOPERATE", None, "cooperate collaborate extradite share"),
    ("AID", None, "evacuate donate deliver supply rescue airlift"),  # AID: hostage rescues
    ("RETREAT", None, "repatriate"),
    ("CONCEDE", None, "ease relax concede lift"),
    ("RETREAT", None, "withdraw retreat release free surrender resign disarm demobilize "
                      "pull_out pull_back"),
    ("REQUEST", None, "demand urge request appeal press order insist petition seek pressure"),
    ("REQUEST", None, "call_on call_for ask_for appeal_for press_for push_for"),
    ("CONCEDE", None, "call_off"),
    ("ACCUSE", "disapprove", "criticize criticise condemn denounce decry deplore blame protest "
                             "complain slam chastise rebuke censure"),
    ("ACCUSE", "allege", "accuse allege charge sue indict prosecute"),
    ("ACCUSE", "investigate", "investigate probe inspect"),
    ("REJECT", None, "reject refuse decline deny veto rebuff spurn oppose dismiss renege defy"),
    ("PROTEST", "boycott", "boycott"),  # PLOVER PROTEST mode "boycott"
    ("THREATEN", None, "threaten warn"),
    ("PROTEST", "demo", "demonstrate rally march picket"),
    ("PROTEST", "riot", "riot"),
    ("PROTEST", "obstruct", "block"),
    ("SANCTION", None, "suspend sever expel halt cut break_off downgrade recall"),
    ("MOBILIZE", None, "mobilize mobilise deploy reinforce amass mass station"),
    ("COERCE", "arrest", "arrest detain imprison jail"),
    ("COERCE", None, "crack_down repress blockade"),
    ("COERCE", "deport", "deport"),
    ("COERCE", "ban", "ban outlaw"),
    ("COERCE", "seize", "seize confiscate occupy annex raid"),  # COERCE seize: "... raid"
    ("COERCE", "censor", "censor"),
    ("COERCE", "restrict", "restrict disperse"),
    ("COERCE", "cyber", "hack deface"),
    ("ASSAULT", None, "attack kill shell bomb assassinate abduct kidnap torture massacre invade "
                      "shoot ambush raid wound fire strike fight clash bombard"),
]:
    for _w in _words.split():
        CORE_VERBS.setdefault(_w.replace("_", " "), (_type, _mode))

# Event nouns that carry the event when they are the object of a light verb ("send a request",
# "issue an ultimatum", "launch an attack", "open an investigation") or the subject of a
# happening ("talks were held"). From the PLOVER definitions.
CORE_NOUNS: dict[str, tuple[str, str | None]] = {}
for _type, _mode, _words in [
    ("AGREE", None, "promise pledge offer commitment"),
    ("CONCEDE", None, "amnesty pardon concession concessions"),
    ("CONSULT", None, "talk talks meeting negotiation negotiations consultation consultations summit "
                      "visit call mediation"),
    ("SUPPORT", None, "agreement accord treaty pact apology recognition"),
    ("RETREAT", None, "withdrawal pullout pull-out demobilization demobilisation disarmament"),
    ("AID", None, "aid assistance relief asylum grant loan credit arms weapons medicine "
                  "medicines supplies"),  # AID: "military ... assistance including arms"
    ("REQUEST", None, "request demand appeal call plea"),
    ("ACCUSE", "disapprove", "protest complaint criticism condemnation"),
    ("ACCUSE", "allege", "accusation allegation charge lawsuit"),
    ("ACCUSE", "investigate", "investigation inquiry probe hearing"),
    ("THREATEN", None, "threat warning ultimatum"),
    ("MOBILIZE", None, "alert buildup build-up deployment mobilization mobilisation readiness "
                       "reinforcements"),
    ("COOPERATE", None, "exercise exercises maneuvers manoeuvres games drills"),
    ("COERCE", None, "curfew siege emergency crackdown blockade restrictions"),
    ("COERCE", "martial-law", "martial_law"),
    ("COERCE", "arrest", "arrest arrests detention custody"),
    ("PROTEST", "demo", "demonstration rally march"),
    ("PROTEST", "riot", "riot riots"),
    ("PROTEST", "strike", "strike walkout"),
    ("PROTEST", "boycott", "boycott"),
    ("PROTEST", "demo", "sit-in"),
    ("SANCTION", None, "sanctions embargo suspension severance expulsion"),
    ("RETREAT", "ceasefire", "ceasefire cease-fire truce"),
    ("ASSAULT", None, "attack attacks assault offensive raid bombing invasion airstrike fire shelling "
                      "cleansing massacre killing killings fighting clashes"),
]:
    for _w in _words.split():
        CORE_NOUNS.setdefault(_w.replace("_", " "), (_type, _mode))

# Verbs that only carry the event of their object noun.
LIGHT_VERBS = ("send issue make submit deliver file lodge voice express launch stage hold open "
               "mount carry conduct begin start sign reach conclude impose announce declare "
               "present give put extend renew repeat reiterate level engage continue resume "
               "intensify escalate step provide grant order complete undertake organize organise "
               "hand speed accelerate").split()
# Verbs of motion or state that carry the event noun of their prepositional object: "went on
# strike", "remained on alert", "returned for talks", "held in detention".
PREP_LIGHT_VERBS = "remain stay keep put place go return come gather converge arrive travel head hold".split()
# Verb + object patterns written from the PLOVER definitions, used like CAMEO's (a CAMEO pattern
# for the same verb and noun wins): (verbs, object nouns, (type, mode)).
CORE_PATTERNS = [
    # MOBILIZE: "all military or police moves that fall short of the actual use of force"
    ("strengthen boost bolster increase reinforce build_up beef_up mass move",
     "forces troops presence patrols units soldiers", ("MOBILIZE", "troops")),
    # COERCE: repression of protest ("police prevented/broke up the demonstration")
    ("prevent break_up disperse ban forbid prohibit block stop crush suppress",
     "demonstration demonstrations protest protests rally rallies march marches strike "
     "sit-in gathering", ("COERCE", "restrict")),
    # CONCEDE: "... suspending protests"
    ("suspend call_off end cancel abandon halt", "protest protests strike strikes boycott "
     "demonstration demonstrations hunger_strike", ("CONCEDE", None)),
    # CONCEDE: "easing of administrative or legal restrictions ..., removing curfews"
    ("lift ease relax shorten reduce end scrap loosen", "curfew curfews restriction restrictions "
     "ban emergency", ("CONCEDE", None)),
    # COERCE: a blockade or siege made harder is still the blockade
    ("tighten impose enforce", "blockade siege", ("COERCE", None)),
    # RETREAT: "allowing the entry of observers, peacekeepers, or humanitarian workers"
    ("receive admit allow accept", "observers inspectors monitors peacekeepers",
     ("RETREAT", "access")),
    ("engage", "troops forces soldiers rebels army militants fighters enemy insurgents",
     ("ASSAULT", None)),
    # REJECT: defying a norm or an order (CAMEO 128, "defy norms, law")
    ("violate defy flout breach", "ban law laws norms rules order orders curfew embargo",
     ("REJECT", None)),
]
# CAMEO verb defaults that modern usage contradicts: "engage" alone is ASSAULT in CAMEO (190), but
# in today's diplomatic news it mostly means talking ("prepared to engage", "engage with
# partners"); it is ASSAULT only with a fighting force as its object (CORE_PATTERNS).
# "want" (CAMEO 030, AGREE) is a wish, not an act: an intention it expresses is the modality of
# the act wanted ("want to meet" -> future CONSULT -> AGREE).
DROPPED_VERB_DEFAULTS = ("engage", "want")
# Stopping a cooperative relation is SANCTION (PLOVER: "halt negotiations", "stop aid").
STOP_VERBS = "end halt suspend stop freeze cancel abandon cut break_off".split()
# Verbs of happening whose subject noun is the event ("riots continued", "fighting erupted").
ASPECTUAL_VERBS = "continue erupt begin start resume intensify escalate spread rage break".split()


def _plover_table(path: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """CAMEO code -> (PLOVER type, mode, context) from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str | None, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not m:
            continue
        code, typ, mode, ctx = m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip()
        table[code] = (typ, mode or None, ctx or None)
    # Where the mapping contradicts the manual, the manual wins: its CONCEDE covers "easing of
    # administrative or legal restrictions ..., removing curfews" (section CONCEDE), while the
    # 2021 mapping files easing a curfew or a state of emergency (0813, 0814) under RETREAT.
    for code in ("0813", "0814"):
        if code in table:
            table[code] = ("CONCEDE", None, table[code][2])
    return table


def _plover_for(code: str, table) -> tuple[str, str | None, str | None] | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    if code.startswith("01"):
        return None  # public statements: dropped by PLOVER
    if code.startswith("02"):
        return ("REQUEST", None, None) if APPEAL_AS_REQUEST else None
    for c in (code, code[:3], code[:2] + "0"):
        if c in table:
            return table[c]
    return None


MAX_SYNSET = 40


def _word(w: str) -> str:
    return w.strip("+_&").replace("_", " ").lower()


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    cur = None
    for line in lines:
        line = line.split("#")[0].rstrip()
        if line.startswith("&"):
            cur = line.strip().rstrip("_")
            sets[cur] = []
        elif cur and line.startswith("+"):
            sets[cur].append(_word(line.strip()))
        elif not line.strip():
            continue
        else:
            cur = None
    return sets


def build_verbs(cameo: Path, table) -> dict:
    lines = cameo.read_text(encoding="latin-1").splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    synsets = _synsets(lines[:start])
    verbs: dict[str, list] = {}
    patterns: dict[str, dict[str, list]] = {}
    block_verbs: list[str] = []
    block: dict[str, list] = {}  # verb -> the code its block gives every synonym (last resort)
    block_code, block_name = "---", ""
    kinds: dict[tuple[str, str], set] = {}  # (verb, key) -> every PLOVER type its patterns give

    def add_pattern(verb_list, body: str, code: str) -> None:
        plover = _plover_for(code, table)
        if "*" not in body:
            return
        after = body.split("*", 1)[1]
        if not after.strip() or body.split("*", 1)[0].strip():
            return  # only "verb object" patterns; subject-side patterns need more than a lemma
        prep = None
        m = re.match(r"\s*\(\s*([A-Z]+)\s+(.*)", after)
        if m:  # (PREP X ...)
            prep, after = m.group(1).lower(), m.group(2)
        group = re.match(r"\s*(\{[^}]*\}|[&A-Z][A-Z_\-&']*)", after)
        if not group:
            return
        words = group.group(1).strip("{}").split()
        if not words:
            return
        if after[group.end():].strip().startswith("("):
            return  # "IMPOSE * BLOCKADE (ON GOODS)": a qualifier a verb|noun key cannot hold
        head = words[-1]
        if head.startswith("&"):
            heads = synsets.get(head.rstrip("_"), [])
            if len(heads) > MAX_SYNSET:
                return  # long lists (currencies, weapon models) bloat the table for little gain
        else:
            heads = [_word(head)]
        for v in verb_list:
            for h in heads:
                if not h:
                    continue
                key = f"{prep or ''}|{h}"
                entry = [plover[0], plover[1], plover[2], code] if plover else None
                cur = patterns.setdefault(v, {}).get(key)
                kinds.setdefault((v, key), set()).add(entry[0] if entry else None)
                # the most general pattern (fewest words) wins for a key
                if cur is None or cur[1] > len(words):
                    patterns[v][key] = (entry, len(words))

    for raw in lines[start + 1:]:
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block_verbs, block_code, block_name = [], m.group(2), _word(m.group(1))
            continue
        if line.startswith("-"):
            pm = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", line)
            if pm:
                add_pattern(block_verbs, pm.group(1), pm.group(2))
            continue
        vm = re.match(r"^(\+?[A-Z][A-Z_\-']*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line.strip())
        if not vm:
            continue
        verb = _word(vm.group(1))
        # A verb's own code, or the block's code for the verb the block is named after. Codes
        # inherited by every synonym of a block ("COMPETE" under VERBAL_CONFLICT) are too loose.
        code = vm.group(4) or (block_code if verb == block_name else "---")
        block_verbs.append(verb)
        plover = _plover_for(code, table) if code != "---" else None
        if plover and verb not in verbs:
            verbs[verb] = [plover[0], plover[1], plover[2], code]
        elif vm.group(4) is None and block_code != "---" and verb not in block:
            inherited = _plover_for(block_code, table)
            if inherited:
                block[verb] = [inherited[0], inherited[1], inherited[2], block_code]
    # The dictionary sometimes gives one verb + noun several codes ("DEPLOY * &MILITARY" is
    # 062, 072 and 154): such a pattern decides nothing, and the verb's own entry applies.
    pats = {v: {k: e for k, (e, _) in d.items() if len(kinds[(v, k)]) == 1}
            for v, d in patterns.items()}
    return {"verbs": verbs, "patterns": pats,
            "block_verbs": {v: e for v, e in block.items() if v not in verbs}}


def build_agents(phoenix: Path) -> dict[str, str]:
    """Agent nouns -> CAMEO sector code from Phoenix.agents.txt ("POLICE_ [~COP]" -> COP)."""
    agents: dict[str, str] = {}
    for raw in (phoenix / "Phoenix.agents.txt").read_text(encoding="latin-1").splitlines():
        m = re.match(r"^([A-Z][A-Z_\-!]*?)_?\s*(\{[^}]*\})?\s*\[~([A-Z]{3})", raw)
        if m:
            name = m.group(1).replace("!MINIST!", "MINISTER")
            if "!" not in name:
                agents.setdefault(_word(name), m.group(3))
    return agents


NOTICE = """Chronicle event data (chronicle/data/events/) — provenance and licences

lexicon.json is derived (lower-cased words and codes only; no source text) by
scripts/build_event_lexicon.py from:

* the Phoenix CAMEO verb pattern dictionary (CAMEO.2.0.txt) and the Phoenix country, international
  and agent dictionaries — Copyright (c) 2014, 2015 Open Event Data Alliance, MIT License:

  Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
  associated documentation files (the "Software"), to deal in the Software without restriction,
  including without limitation the rights to use, copy, modify, merge, publish, distribute,
  sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
  furnished to do so, subject to the following conditions:

  The above copyright notice and this permission notice shall be included in all copies or
  substantial portions of the Software.

  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
  NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
  NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
  DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
  OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

* the PLOVER event ontology (category, mode and context labels; CAMEO2PLOVER-2021.txt mapping of
  CAMEO codes to those labels) — Open Event Data Alliance, Creative Commons Attribution-ShareAlike
  4.0 International (https://creativecommons.org/licenses/by-sa/4.0/). Only labels and the code
  mapping are used; the PLOVER definitions informed the hand-written core verb and noun lists.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    table = _plover_table(shared / "data/plover/CAMEO2PLOVER-2021.txt")
    cameo = build_verbs(shared / "data/actors/phoenix/CAMEO.2.0.txt", table)
    for verb in DROPPED_VERB_DEFAULTS:
        cameo["verbs"].pop(verb, None)
        cameo["block_verbs"].pop(verb, None)
    for verbs, nouns, (typ, mode) in CORE_PATTERNS:
        for v in verbs.split():
            pats = cameo["patterns"].setdefault(v.replace("_", " "), {})
            for n in nouns.split():
                pats.setdefault("|" + n.replace("_", " "), [typ, mode, None, None])
    lexicon = {
        "core_verbs": CORE_VERBS,
        "core_nouns": CORE_NOUNS,
        "light_verbs": LIGHT_VERBS,
        "prep_light_verbs": PREP_LIGHT_VERBS,
        "aspectual_verbs": ASPECTUAL_VERBS,
        "stop_verbs": [w.replace("_", " ") for w in STOP_VERBS],
        "cameo_verbs": cameo["verbs"],
        "cameo_patterns": cameo["patterns"],
        "cameo_block_verbs": cameo["block_verbs"],
        "agents": build_agents(shared / "data/actors/phoenix"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "lexicon.json").write_text(json.dumps(lexicon, sort_keys=True), encoding="utf-8")
    (OUT / "NOTICE").write_text(NOTICE, encoding="utf-8")
    print(f"{len(CORE_VERBS)} core verbs, {len(cameo['verbs'])} CAMEO verbs, "
          f"{sum(len(p) for p in cameo['patterns'].values())} verb+object patterns, "
          f"{len(lexicon['agents'])} agent nouns -> {OUT}")


if __name__ == "__main__":
    main()
