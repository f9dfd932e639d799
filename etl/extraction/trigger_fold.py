"""How the triggers read in one sentence fold into each other: the longer of two readings
of the same words wins, bombardments joined by 'and' are one attack, combatants' deaths are
a battle's (unless a weapon the sentence names killed them), and weaker types fold into
stronger ones ('killed' into the air strike that killed).

Pure functions over the triggers etl.extraction.triggers found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from etl.extraction import attack_targets
from etl.extraction.alternation import words_by_first_letter
from etl.extraction.figure_words import WORDS as FIGURE_WORDS
from etl.extraction.rules import alternation, read_lists, read_rules
from etl.extraction.word_gate import finditer as gated_finditer

#: The word lists of data/rules/trigger_words.csv (its header says what each holds).
LISTS = (
    "armed_also", "armed_unit", "died_passive", "died_participle", "tally_verb",
    "count_before_of", "weapon", "attackers", "attack_verb", "one_sided", "sniper",
    "civilian_victim", "armed_near", "hit_by", "passive_after", "generic_people",
    "civilian_dead", "killing_after", "executed", "execution_stem", "casualty_noun",
    "told_verb", "speech_end", "casualty_trigger", "killing_manner", "toll_trigger",
    "attacker_noun", "leaving_verb", "kill_verb_before", "whole_noun",
    "cause_airstrike", "cause_shelling", "cause_explosion", "not_now", "side_kill",
    "killed_verb", "died_bare", "gunfire", "doer_adverb",
    "died_bare_after", "clause_opener", "restates_toll", "parts_follow", "raider",
    "raid_charge", "raid_target", "cause_label", "after_airstrike", "after_shelling",
    "after_explosion",
)  # fmt: skip
WORDS = read_lists("trigger_words", LISTS)
_W = {name: alternation(words) for name, words in WORDS.items()}


def _folds(folder: Path | None = None) -> tuple[dict[str, set[str]], frozenset[str]]:
    """data/rules/trigger_folds.csv: the types each weaker reading folds into, in file order,
    and the weapon types told after the casualties they caused."""
    subsumed: dict[str, set[str]] = {}
    weapons: set[str] = set()
    for row in read_rules("trigger_folds", ["relation", "event_type"], folder=folder):
        if row["relation"] == "subsumed_by" and row["other"]:
            subsumed.setdefault(row["event_type"], set()).update(row["other"].split())
        elif row["relation"] == "weapon_cause":
            weapons.add(row["event_type"])
        else:
            raise ValueError(
                f"{row.where()}: relation must be subsumed_by (with other) or weapon_cause, "
                f"not {row['relation']!r}"
            )
    return subsumed, frozenset(weapons)


#: When these types are in a sentence, the keys' weaker readings are folded into them.
#: WEAPON_CAUSE: weapons told after the casualties they caused (triggers.py).
SUBSUMED_BY, WEAPON_CAUSE = _folds()
VIOLENT = frozenset({"airstrike", "shelling", "explosion", "clash"})

_FIGHTERS = (
    r"(?:" + words_by_first_letter(attack_targets.ARMED_MEN) + "|" + _W["armed_also"] + "|"
    r"(?-i:[A-Z]{2,6})\s+(?:" + _W["armed_unit"] + "))"  # 'an SDF member': one of an armed force
)
_CIVILIANS = r"(?:" + words_by_first_letter(attack_targets.UNARMED_PEOPLE) + ")"
#: 'N fighters were killed', 'a rebel fighter died': a battle's toll, whatever else the
#: sentence reports.
_COMBATANTS_DIED = re.compile(
    # a closing quote after the noun: "Six 'terrorists' were killed" (a side's word, quoted)
    rf"\b{_FIGHTERS}['’\"”]?(?:\s+[\w-]+){{0,3}},?\s+(?:(?:were|was|have been|had been)\s+"
    rf"(?:{_W['died_passive']})|died)\b"
    # a count of armed men and the participle alone, no object after it: '23 militants killed
    # in raids', '2 policemen were martyred and 14 terrorists killed so far'
    rf"|\b\d[\d,.]*\s+(?:[\w-]+\s+)?{_FIGHTERS}\s+(?:{_W['died_participle']})\b"
    rf"(?!\s+(?:\d|an?|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
    # one armed man and a telegraphic passive, no object after it (C16): 'SDF local commander
    # shot dead by gunmen', 'Camp guard shot dead at the gate'
    rf"|\b{_FIGHTERS}\s+(?:{_W['died_bare']})"
    rf"(?=\s*(?:$|[,;:/|•—]|\s(?:{_W['died_bare_after']})\b))",
    re.I,
)
#: 'X killed N soldiers': a battle unless X is a strike or shell the sentence already reports
#: ('killed by the militants', 'killed when gunmen attacked' name the killers, not the dead).
_COMBATANTS_KILLED = re.compile(
    rf"\b(?:{_W['killed_verb']}) (?!(?:by|when|as|after|while|in|during)\b)"
    # 'killed 1.000 fighters'; not past civilians ('killing 21 tourists and a police officer'
    # is a killing)
    # 'killed a former rebel commander' is no battle: he is no longer armed (`not_now`);
    # 'shepherds were shot dead on Tuesday by gunmen': the armed men after 'by' are the killers
    rf"(?:\d{{1,3}}(?:[.,]\d{{3}})+ |(?!{_CIVILIANS}\b|(?:{_W['not_now']}|by)\b)[\w-]+ ){{0,4}}"
    rf"{_FIGHTERS}\b",
    re.I,
)


#: the attackers themselves: their death in an attack the sentence tells by its weapon ('a
#: suicide bomber blew himself up ... as a second attacker was shot dead by guards') is that
#: attack's toll, not a battle of its own
_ATTACKERS = re.compile(_W["attackers"], re.I)


def _fighters_died(found: dict[str, Trigger], text: str, start: int, end: int) -> bool:
    """Armed men's deaths told in the sentence ('At least 13 militants, five soldiers and a
    police officer were killed', 'A soldier was shot dead'), other than the attackers' own in
    an attack by a weapon, and not people named by whose they were ('relatives of soldiers')."""
    weapon = (VIOLENT - {"clash"}) & found.keys()
    for died in gated_finditer(_COMBATANTS_DIED, text, start, end):  # most hold no death
        if _OF_BEFORE.search(text, max(start, died.start() - 30), died.start()):
            continue  # 'four members of an indigenous guard were shot dead': the members died
        if not (_ATTACKERS.match(died.group()) and weapon):
            return True
    return _tally_of_fighters(text, start, end)


def _tally_of_fighters(text: str, start: int, end: int) -> bool:
    """A running count of armed men killed (_NUMBER_OF_FIGHTERS, _TALLY_AT_FIGHTERS), each
    tried only where its plain words stand (most sentences hold neither)."""
    low = text[start:end].lower()
    if "number" in low and _NUMBER_OF_FIGHTERS.search(text, start, end):
        return True
    return any(w in low for w in _TALLY_WORDS) and bool(_TALLY_AT_FIGHTERS.search(text, start, end))


#: A running count of armed men killed: 'the number of fighters of the factions killed since
#: Tuesday climbed to 16', 'the number of people killed in the attack ... now stands at 37
#: soldiers and 28 jihadists'.
_NUMBER_OF_FIGHTERS = re.compile(
    rf"\bnumber\s+of\s+{_FIGHTERS}(?:\s+[\w'’-]+){{0,5}}?\s+"
    rf"(?:who\s+(?:were|have\s+been|had\s+been)\s+)?killed\b",
    re.I,
)
_TALLY_WORDS = WORDS["tally_verb"]  # (plain words: each found as it is first)
_TALLY_AT_FIGHTERS = re.compile(
    rf"\bkilled\b[^.;]{{0,120}}?\b(?:{_W['tally_verb']})\s+(?:at|to)\s+"
    rf"\d[\d,.]*\s+(?:[\w-]+\s+)?{_FIGHTERS}\b",
    re.I,
)


#: the armed noun is the object of 'of': it names whose the dead were, not the dead ('members of
#: a village guard'), unless a count or quantity comes before 'of' ('one of the attackers')
_OF_BEFORE = re.compile(
    r"\b(?!(?:"
    + _W["count_before_of"]
    + r"|\d+)\s)[\w-]+\s+of\s+(?:(?:an?|the|their|its|his|her)\s+)?"
    r"(?:[\w-]+\s+)?\Z",
    re.I,
)


_BY_WEAPON = re.compile(
    r"\b(?:killed|died)\s+(?:by|in)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}(?:"
    + _W["weapon"]
    + r")\b",
    re.I,
)


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int
    end: int
    text: str


def _overlapping(found: dict[str, Trigger], order: list[str]) -> None:
    """Two types read in overlapping words: the longer reading keeps them ('attacked a camp'
    is a killing, not also the battle 'attacked' says); of two alike ('jets carried out
    raids': air strike, not also a raid on the ground) the type listed first in the table."""
    if len(found) < 2:
        return
    ranked = sorted(found.values(), key=lambda t: (t.start - t.end, order.index(t.event_type)))
    for i, strong in enumerate(ranked):
        for weak in ranked[i + 1 :]:
            alive = weak.event_type in found and found.get(strong.event_type) is strong
            if alive and weak.start < strong.end and strong.start < weak.end:
                del found[weak.event_type]


_BOMBARDMENT = frozenset({"airstrike", "shelling"})
#: Only a conjunction (and an adjective) between two weapons: 'heavy shelling and airstrikes'.
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or|as well as|&)\s+(?:[\w-]+\s+)?", re.I)


def _coordinated(found: dict[str, Trigger], text: str) -> None:
    """'Heavy shelling and airstrikes on X killed 14': bombardments joined by 'and' are one
    attack, typed by the first named ('airstrikes and clashes' stay two: fire from afar
    and fighting on the ground are different happenings)."""
    violent = sorted(
        (t for t in found.values() if t.event_type in _BOMBARDMENT), key=lambda t: t.start
    )
    for first, second in zip(violent, violent[1:]):
        if first.end <= second.start and _COORDINATED.fullmatch(text, first.end, second.start):
            found.pop(second.event_type, None)


def _means_of_battle(found: dict[str, Trigger], named: frozenset[str] | set[str]) -> None:
    """'Troops pushed into the district, meeting car bombs and sniper fire', 'overran the
    headquarters after a wave of suicide car bombs': bombs only named (a nominal reading)
    after a battle the sentence tells with a verb are the battle's means, not an event of
    their own ('A car bomb killed 42 at a rebel post' names the bomb first: both stay)."""
    clash, bomb = found.get("clash"), found.get("explosion")
    if clash and bomb and "explosion" in named and "clash" not in named and bomb.start > clash.end:
        del found["explosion"]


#: What a clause names before its participle ', killing N': the weapon whose toll it is.
_CAUSES = tuple(
    (kind, re.compile(r"\b(?:" + _W[f"cause_{kind}"] + r")\b", re.I))
    for kind in ("airstrike", "shelling", "explosion")
)
_PARTICIPLE = re.compile(r",\s*\Z")


def _participle_cause(found: dict[str, Trigger], text: str, start: int) -> None:
    """'Russian and Syrian jets kept up their raids on the countryside, killing six', 'a bomb
    attached to a motorcycle went off near a restaurant, killing one': when no row read the
    clause's happening and its participle ', killing N' is the only violence the sentence
    tells, the participle gives that happening its toll; the clause's first weapon word (jets,
    shells, a bomb) tells its type. A killing read by its own verb ('opened fire on a bus,
    killing five') is earlier and stays."""
    killing = found.get("killing")
    if (
        killing is None
        or VIOLENT & found.keys()
        or killing.text[:8].lower() != "killing "
        or not _PARTICIPLE.search(text, max(start, killing.start - 3), killing.start)
    ):
        return
    clause = max(start, text.rfind(";", start, killing.start) + 1)
    cause: tuple[str, re.Match[str]] | None = None
    for kind, pattern in _CAUSES:
        match = pattern.search(text, clause, killing.start)
        if match and (cause is None or match.start() < cause[1].start()):
            cause = kind, match
    if cause:
        kind, match = cause
        del found["killing"]
        found[kind] = Trigger(kind, match.start(), match.end(), match.group())


#: A killing's or a death's cause named right after its verb (session 36): 'three civilians
#: were killed by rockets', 'two civilians were killed when a strike engaged an ISIS vehicle',
#: 'his cousin died on Tuesday when a rocket came through the roof'.
_CAUSE_AFTER = re.compile(
    r"[^.;:,]{0,40}?\b(?:by|when|as|after)\s+(?:an?\s+|the\s+|their\s+|its\s+|his\s+|her\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:"
    + "|".join(
        f"(?P<{kind}>\\b(?:{_W[f'after_{kind}']})\\b)"
        for kind in ("airstrike", "shelling", "explosion")
    )
    + ")",
    re.I,
)


def _cause_after(found: dict[str, Trigger], text: str, end: int) -> None:
    """When no row read a weapon's happening, a killing or a death whose verb is followed in
    its clause by 'by', 'when', 'as' or 'after' and a weapon (a strike, rockets, a bomb) is that
    weapon's event: 'three civilians were killed by rockets' is shelling, not a killing. 'killed
    by gunmen', 'killed when gunmen stormed' name no weapon and stay."""
    if VIOLENT & found.keys():
        return
    for casualty in ("killing", "deaths"):
        dead = found.get(casualty)
        if dead is None or not (cause := _CAUSE_AFTER.match(text, dead.end, end)):
            continue
        kind = cause.lastgroup or ""
        del found[casualty]
        found[kind] = Trigger(kind, cause.start(kind), cause.end(kind), cause.group(kind))
        return


def fold(
    found: dict[str, Trigger],
    text: str,
    start: int,
    end: int,
    order: list[str],
    named: frozenset[str] | set[str] = frozenset(),
) -> list[Trigger]:
    """Combatant killings become battles; weaker readings fold into stronger types.
    `named`: the types read from a nominal row ('car bombs', 'the offensive')."""
    _overlapping(found, order)
    _coordinated(found, text)
    _means_of_battle(found, named)
    _participle_cause(found, text, start)
    _cause_after(found, text, end)
    # 'two soldiers were killed by a roadside bomb': the bomb's toll, not a battle
    weapon = (VIOLENT - {"clash"}) & found.keys() and _BY_WEAPON.search(text, start, end)
    battle_dead = False  # armed men's deaths made a battle of the sentence
    for casualty in ("killing", "deaths"):
        if (
            casualty in found
            and not weapon
            and (
                _fighters_died(found, text, start, end)
                or (not VIOLENT & found.keys() and _COMBATANTS_KILLED.search(text, start, end))
            )
        ):
            dead = found.pop(casualty)
            battle_dead = True
            found.setdefault("clash", Trigger("clash", dead.start, dead.end, dead.text))
            # '... 100 soldiers had been killed and that the militants executed 17 people':
            # an execution told after the battle's dead is a killing of its own
            if casualty == "killing" and (shot := _EXECUTED.search(text, dead.end, end)):
                found["killing"] = Trigger("killing", shot.start(), shot.end(), shot.group())
    if not battle_dead:
        battle_dead = _raid_battle(found, text, start, end)
    killing = found.get("killing")
    if killing and killing.text.lower().startswith("attacked") and "clash" in found:
        del found["clash"]  # 'attacked a camp for displaced people': an attack on civilians
    if killing and "clash" in found and _on_civilians(found["clash"], killing, text, end):
        del found["clash"]  # 'gang members attacked the town, killing 10 residents'
    if "clash" in found and not battle_dead and not (VIOLENT - {"clash"}) & found.keys():
        clash = found["clash"]
        if _one_sided(clash, text, start, end) == attack_targets.UNARMED:
            # 'gunmen attacked quarry workers asleep in tents', 'sniper fire killed a boy'
            del found["clash"]
            found.setdefault("killing", Trigger("killing", clash.start, clash.end, clash.text))
    if not battle_dead:
        _bomb_opens_shooting(found, text, start, end)
    for weak, strong in SUBSUMED_BY.items():
        if weak in found and strong & found.keys() and not _fold_apart(found, weak, text, named):
            del found[weak]
    return sorted(found.values(), key=lambda t: t.start)


#: raids spread over a country or a province are a tally, no one event ('said they had killed
#: dozens of "terrorists" in raids across the country overnight')
_NOT_SPREAD = r"(?!\s+(?:across|throughout|around|all\s+over)\b)"
#: A ground raid by a state's or a force's men (trigger_words.csv `raider`): they stand before
#: 'raid(ed)' in its clause ('SDF forces raided the camp', 'coalition and SDF partner forces
#: conducted a raid') or after 'a raid by' ('a raid by the Anbar Operations Command'); no air raid.
_FORCE_RAID = re.compile(
    rf"\b(?:{_W['raider']})\b(?:(?!\bair\b)[^.;:]){{0,60}}?\b(?<!air )raid(?:ed|s|ing)?\b"
    + _NOT_SPREAD
    + rf"|\b(?<!air )raids?\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{_W['raider']})\b",
    re.I,
)
#: 'arrested four men suspected of killing a goldsmith': the killing is the crime charged
_CHARGED = re.compile(rf"\b(?:{_W['raid_charge']})\s+\Z", re.I)
VICTIM_REACH = 40  # characters either side of a killing's trigger, within its clause
_PASSIVE_KILLING = re.compile(r"(?:was|were|been)\b", re.I)
#: where a killing's object ends: a mark, or 'and' before another verb ('and detained two')
_VICTIMS_END = re.compile(r"[,;:]|\s+and\s+(?:then\s+)?[\w-]+(?:ed|ing)\b", re.I)


def _raid_battle(found: dict[str, Trigger], text: str, start: int, end: int) -> bool:
    """Convention C21 (session 32): a raid that kills is a battle, a killing only by its
    victims. A killing told in a sentence of a force's ground raid (`_FORCE_RAID`: 'SDF forces
    raided the al-Arisha camp ...; two men who resisted were shot dead', 'a raid ... during
    which a fourth suspect was shot dead', 'conducted a raid ... that killed an IS
    facilitator') whose dead, in its clause, are no named civilians ('shot dead a woman', 'a
    farmer') and which is no crime charged ('suspected of killing a goldsmith') nor an
    execution becomes the clash. True when it did."""
    killing = found.get("killing")
    if killing is None or VIOLENT & found.keys() or _EXECUTION.match(killing.text):
        return False
    if not _FORCE_RAID.search(text, start, end):
        return False
    if _CHARGED.search(text, max(start, killing.start - 20), killing.start):
        return False
    if _PASSIVE_KILLING.match(killing.text) or _PASSIVE_BEFORE.search(
        text, max(start, killing.start - 12), killing.start
    ):  # 'two men who resisted were shot dead': the dead before the verb, in its clause
        lo = max(start, killing.start - VICTIM_REACH)
        lo = max(lo, text.rfind(",", lo, killing.start) + 1, text.rfind(";", lo, killing.start) + 1)
        hi = killing.start
    else:  # 'killed a man they said was an IS financier and arrested his brother': its object
        lo, hi = killing.end, min(end, killing.end + VICTIM_REACH)
        if cut := _VICTIMS_END.search(text, lo, hi):
            hi = cut.start()
    if _CIVILIAN_NAMED.search(text, lo, hi):
        return False
    if not _PEOPLE_NAMED.search(text, lo, hi) and _CIVILIAN_NAMED.search(text, start, end):
        return False  # '25+ killed ..., villagers detained': the dead unnamed, civilians told
    del found["killing"]
    found["clash"] = Trigger("clash", killing.start, killing.end, killing.text)
    return True


#: Gunfire told beside a bomb: the attackers' own shooting ('gunmen and a suicide bomber
#: stormed a hotel ..., shooting diners', 'detonated a bomb and then opened fire on worshippers')
#: (trigger_words.csv, gunfire).
_GUNFIRE = re.compile(r"\b(?:" + _W["gunfire"] + r")\b", re.I)


def _bomb_opens_shooting(found: dict[str, Trigger], text: str, start: int, end: int) -> None:
    """Convention C5 for an attack on civilians: a bomb that opens or is part of an assault
    whose attackers then shoot people ('Militants detonated a bomb and then opened fire on
    worshippers at a mosque, killing 235', 'Gunmen and a suicide bomber stormed a hotel ...,
    shooting diners') is the assault's means; the assault, read as a killing by its own
    attack verb (not a bare 'killed'), is the one event. Bombers alone (C8: 'two suicide
    bombers attacked a market', 'the second was shot before detonating') stay the
    explosion: no gunfire of theirs is told. Only a bomb told before the attack opens it."""
    killing, bomb = found.get("killing"), found.get("explosion")
    if killing is None or bomb is None or (VIOLENT - {"explosion"}) & found.keys():
        return
    if bomb.start > killing.start:
        return  # 'opened fire on worshippers ... after a bomb went off': told as before
    first = (killing.text.lower().split() or [""])[0]
    if first in WORDS["casualty_trigger"] or first in ("were", "was"):
        return  # 'killed', 'were shot': the dead told, not the attack
    if _GUNFIRE.search(text, start, end):
        del found["explosion"]


#: An attack told by its verb alone (no fight of two sides: 'clashed', 'fighting').
_ATTACK_VERB = re.compile(r"(?:" + _W["attack_verb"] + r")\b", re.I)
#: Whom a killing's own words say it killed, right after its number: people who bear no arms.
_CIVILIAN_VICTIMS = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:" + _W["civilian_victim"] + r")\b",
    re.I,
)
#: ... and no armed men among the targets or the dead.
_ARMED = re.compile(
    r"\b(?:" + _W["armed_near"] + r")\b",
    re.I,
)


#: A battle's trigger that tells one side's attack only: its target says whom it struck.
_ONE_SIDED = re.compile(
    r"(?:" + _W["one_sided"] + r")\Z",
    re.I,
)
#: A weapon's victims told before it: 'a woman was killed by sniper fire'.
_BY_BEFORE = re.compile(r"\b(?:" + _W["hit_by"] + r")\s+by\s+(?:the\s+)?\Z", re.I)
_CLAUSE_START = re.compile(r".*[,;:.()]", re.S)
#: No object after the verb: a passive or headline participle ('Police commander ambushed
#: outside his home'), whose target is named before it.
_PASSIVE_AFTER = re.compile(
    r"\s*(?:[,;:.]|\Z|(?:" + _W["passive_after"] + r")\b)",
    re.I,
)
_NOMINAL = re.compile(_W["sniper"], re.I)
#: The attack's killing told after it: its victims are read too.
_CIVILIAN_NAMES = (
    r"(?:"
    + words_by_first_letter(
        w for w in attack_targets.UNARMED_PEOPLE if w not in WORDS["generic_people"]
    )
    + ")"
)
#: A civilian named by its own noun (a raid's victims, _raid_battle)
_CIVILIAN_NAMED = re.compile(
    r"\b(?:"
    + words_by_first_letter(
        w
        for w in attack_targets.UNARMED_PEOPLE
        if w not in WORDS["generic_people"] and w not in WORDS["raid_target"]
    )
    + r")\b",
    re.I,
)
#: Any people named by their own noun (figure_nouns.csv's heads, 'men', 'people'): a raid's
#: dead unnamed ('25+ killed') are read by the civilians its sentence names (_raid_battle)
_PEOPLE_NAMED = re.compile(
    r"\b(?:"
    + words_by_first_letter(set(WORDS["generic_people"]) | set(FIGURE_WORDS.head_class))
    + r")\b",
    re.I,
)
#: Civilians counted dead: '31 villagers killed', 'killed at least 130 civilians'.
_CIVILIAN_DEAD = re.compile(
    rf"\b\d[\d,.]*\s+(?:[\w-]+\s+)?{_CIVILIAN_NAMES}\s+(?:(?:were|was|have been|had been)\s+)?"
    rf"(?:{_W['civilian_dead']})\b"
    rf"|\bkill(?:ed|ing)\s+(?:at least\s+|more than\s+|some\s+|about\s+|nearly\s+)?"
    rf"\d[\d,.]*\s+(?:[\w-]+\s+)?{_CIVILIAN_NAMES}\b",
    re.I,
)
_KILLING_AFTER = re.compile(r"\b(?:" + _W["killing_after"] + r")\b", re.I)


def _one_sided(clash: Trigger, text: str, start: int, end: int) -> str | None:
    """The side an attack told by its verb alone struck ('attacked quarry workers', 'stormed
    a restaurant', 'a woman was killed by sniper fire'), read in its clause (before it for a
    passive: 'Police commander ambushed outside his home'); None when the trigger tells a
    fight ('clashed', 'fighting') or the clause names no target. An unarmed target's killing
    told after it is read too: armed dead ('attacked a village, killing 3 soldiers') make it
    a battle."""
    if not _ONE_SIDED.match(clash.text):
        return None
    passive = _PASSIVE_AFTER.match(text, clash.end, end) and not _NOMINAL.match(clash.text)
    if passive or _BY_BEFORE.search(text, max(start, clash.start - 30), clash.start):
        head = _CLAUSE_START.match(text, start, clash.start)
        target = attack_targets.side(text, head.end() if head else start, clash.start)
        return target or _dead_side(text, clash.end, end)
    target = attack_targets.side(text, clash.end, attack_targets.clause_end(text, clash.end, end))
    killed = _KILLING_AFTER.search(text, clash.end, end)
    if killed and target == attack_targets.UNARMED:  # '..., killing 3 soldiers'
        dead_end = attack_targets.clause_end(text, killed.end(), end)
        return attack_targets.side(text, killed.end(), dead_end) or target
    return target or _dead_side(text, clash.end, end)


def _dead_side(text: str, start: int, end: int) -> str | None:
    """UNARMED when the dead told after an attack that names no target are counted as
    civilians by their own noun ('Ogossagou attacked at night ...; 31 villagers killed',
    '... reprisals killed at least 130 civilians'), not as 'people', which the sets read
    either way."""
    return attack_targets.UNARMED if _CIVILIAN_DEAD.search(text, start, end) else None


def _on_civilians(clash: Trigger, killing: Trigger, text: str, end: int) -> bool:
    """'Gang members attacked the town of X, killing at least 10 residents': an attack told by
    its verb whose killing names unarmed victims (and no armed ones) is a killing of civilians,
    not a battle."""
    if not _ATTACK_VERB.match(clash.text) or killing.start < clash.end:
        return False
    if _CIVILIAN_VICTIMS.match(text, killing.end, end) is None:
        return False
    return _ARMED.search(text, clash.end, min(end, killing.end + 80)) is None


def _fold_apart(
    found: dict[str, Trigger], weak: str, text: str, named: frozenset[str] | set[str]
) -> bool:
    """A weaker reading that stays beside the stronger type of its sentence: a killing apart
    from its battle (_killing_apart); people leaving beside an evacuation only named ('a
    convoy of 1.200 families had left the town': it does not say these people were carried),
    or told by their own verb before the evacuation ('20,000 people had left through the
    corridor ... until Wednesday, when a large group was evacuated': two departures) or after
    it as a group of their own, counted ('the UN evacuated 40 staff as 20,000 civilians fled')."""
    if weak == "displacement":
        left, carried = found["displacement"], found["evacuation"]
        own_verb = "displacement" not in named
        own_verb_first = own_verb and left.start < carried.start
        own_group_after = (
            own_verb
            and carried.end <= left.start
            and _OTHER_GROUP.search(text, carried.end, left.start) is not None
        )
        return "evacuation" in named or own_verb_first or own_group_after
    return _killing_apart(found, weak, text)


#: Another group told between an evacuation and people leaving: a clause of its own opened by
#: a conjunction, its subject counted ('..., while thousands of residents fled'; not 'and',
#: which joins the carried: 'buses carrying 900 gunmen and 300 relatives left').
_OTHER_GROUP = re.compile(
    r"\b(?:while|whereas|(?<!well )as)\s+(?:some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+|"
    r"at\s+least\s+|another\s+)?(?:\d[\d,.]*|thousands|hundreds|dozens|tens\s+of\s+thousands)\b",
    re.I,
)


#: An execution told by its verb (the trigger rows read a sentence's first killing only).
_EXECUTED = re.compile(r"\b(?:" + _W["executed"] + r")\b", re.I)
#: A killing of people already held: no battle it is told beside subsumes it.
_EXECUTION = re.compile(_W["execution_stem"], re.I)
#: The trigger opens a relative clause's predicate ('militants who overran Mosul').
_RELATIVE = re.compile(r"\b(?:who|which|that)\s+(?:had\s+|have\s+|has\s+)?\Z", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|is|are)\s+\Z", re.I)
#: The trigger opens a temporal clause after the killing, which only dates it or counts from
#: it ('shot 67 men ..., bringing to 200 the number killed since the militants overran its
#: stronghold', 'shot them, the day the militants overran the city').
_TEMPORAL = re.compile(
    r"\b(?:since|the\s+(?:day|night|week|month)(?:\s+(?:that|when))?)\s+"
    r"(?:(?:the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,3}?(?:had\s+|have\s+|has\s+)?\Z",
    re.I,
)


def _killing_apart(found: dict[str, Trigger], weak: str, text: str) -> bool:
    """A killing that stays beside the battle of its sentence: an execution ('photographs
    showed the execution of hundreds of cadets captured after ...'), or a killing told after
    a battle that only describes who did it, in a relative clause ('militants who overran
    Mosul took hundreds of inmates and shot them'), or told after it in a temporal clause
    that only dates it ('shot them, the day the militants overran the city')."""
    killing, clash = found.get(weak), found.get("clash")
    if weak != "killing" or killing is None or clash is None:
        return False
    if found.keys() & (VIOLENT - {"clash"}):
        return False  # a strike or a bomb that killed: its toll
    if _EXECUTION.match(killing.text):
        return True
    before = text[max(0, clash.start - 20) : clash.start]
    if clash.end <= killing.start:
        return _RELATIVE.search(before) is not None
    # (an active killing with its victims: '100 soldiers had been killed since the Taliban
    # stormed the city' counts a battle's dead)
    return (
        killing.end <= clash.start
        and _PASSIVE_BEFORE.search(text[max(0, killing.start - 12) : killing.start]) is None
        and _TEMPORAL.search(text[max(0, clash.start - 50) : clash.start]) is not None
    )
