"""What a sentence says happened: event-type triggers, kept only when the event is real.

A trigger is a phrase that reports a happening of one type ("coalition airstrikes", "trucks
were seen leaving", "killed four civilians"). Verbal triggers ("shelled", "fled") stand on
their own; nominal ones ("the offensive", "an evacuation") count only when the sentence
says the thing took place (a date, a number, or a verb of occurrence such as "hit",
"began" or "there were"). A trigger is dropped when the sentence only expects, threatens,
denies or imagines it ("will attack", "denied any negotiations", "would mark an end"), or
when it is a generic tally ("a war that has killed 360,000 people").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import ahocorasick

_AIR = r"(?:war)?planes?|jets?|aircraft|helicopters?|drones?|warplanes"
#: (event type, verbal pattern, nominal pattern)
TRIGGERS: tuple[tuple[str, str, str], ...] = (
    (
        "airstrike",
        rf"(?:{_AIR})(?: [\w'’]+){{0,8}} (?:struck|bombed|hit|pounded|targeted|attacked|raided)|bombed from the air|"
        r"(?:guided |glide |cluster )?bombs (?:\w+ ){0,2}(?:struck|hit|fell on|landed)|flown (?:\w+ ){0,2}sorties|"
        r"carried out (?:\w+ ){0,3}(?:air ?strikes|strikes|raids|sorties)|ramp(?:ed|s)? up (?:air|air and ground(?:-based)?) strikes",
        r"air ?strikes?|air raids?|air assault|air (?:and|&) ground(?:-based)? strikes|drone strikes?|"
        r"aerial (?:bombardment|attacks?|strikes?)|strikes? by (?:the )?(?:US-led |U\.S\.-led )?coalition",
    ),
    (
        "shelling",
        r"shelled|rockets? (?:hit|struck|slammed|landed)|artillery (?:\w+ ){0,2}(?:pounded|hit|struck|shelled)|fired (?:\w+ ){0,2}(?:rockets|missiles|shells)|"
        r"(?:missile|shell|rocket|mortar)s?(?: \w+){0,4} (?:struck|hit|landed|slammed)|bombarded",
        r"shelling|rocket (?:fire|attacks?)|artillery (?:fire|strikes?|barrage)|mortar (?:fire|rounds|attacks?)|"
        r"missile (?:strikes?|attacks?)|barrel bombs?|bombardment",
    ),
    (
        "explosion",
        r"exploded|detonated|blew up|blew himself up|blew themselves up",
        r"explosions?|blasts?|car[- ]bombs?|truck bombs?|suicide (?:bomb(?:ing|er)s?|attacks?)|bombings?|"
        r"IEDs?|roadside bombs?|landmines?",
    ),
    (
        "clash",
        r"clashed|fought|stormed|ambushed|overran|attacked|counter-?attacked|advanced (?:on|into)|"
        r"swept into|crossed the border into|driven (?:\w+ ){0,3}out of|drove (?:\w+ ){0,3}out of|"
        r"(?:began|launched|started) (?:its|their|the|an) (?:\w+ )?advance|"
        r"push(?:ed)? (?:\w+ ){0,4}(?:out of|back|into)|(?:took|taken|seized|regained|retook) (?:full )?control|"
        r"(?:captured|seized|recaptured|retook|retaken|entered) (?!by )(?:[\w-]+ ){0,3}"
        r"(?:town|city|village|villages|district|base|airport|positions?|compound|headquarters|"
        r"(?-i:[A-Z])\w+)|raised the (?:national )?flag|"
        r"broke through|resume[ds]? (?:\w+ ){0,2}(?:military )?(?:operations|offensive|attacks?)|restarted|"
        r"(?:staged|claimed|carried out|launched) (?:\w+ ){0,2}(?:attacks|assaults?|offensive|raids?)|"
        r"(?:an? |the )?(?:special forces|commando|military) (?:operation|raid)|operation by (?:\w+ ){0,2}forces",
        r"clash(?:es)?|fighting|battles?|offensive|assault|ground advance|gunfights?|firefights?|"
        r"military operations?|ambush|counter-?offensive|snipers",
    ),
    (
        "surrender",
        r"surrendered|surrender (?:from|to)|handed themselves (?:over|in)|gave themselves up|"
        r"(?:agreed to )?hand(?:ed)? over (?:their )?(?:heavy |light )?weapons|"
        r"laid down (?:their )?arms|turned themselves in",
        r"surrender(?:s|ing)?",
    ),
    (
        "killing",
        r"killed|executed|massacred|murdered|beheaded|shot dead|slaughtered|gunned down|opened fire on|"
        r"fired on|(?:came|come|coming) under fire|shot at|"
        r"attacked (?:a|the) (?:\w+ ){0,2}(?:camp|village|market|church|mosque|school|hospital|civilians)",
        r"massacre|killings",
    ),
    # 'the death toll from that incident' counts another event's dead: a figure, not an event
    ("deaths", r"died|drowned|starved to death|froze to death", r"deaths"),
    (
        "siege",
        r"besieged|encircled|surrounded|trapped|holed up|blockaded|cut off|"
        r"closed (?:the |a |its )?(?:\w+ )?(?:passage|corridor|crossing|road|exits?)|"
        r"prevent(?:ed|ing)? (?:\w+ ){0,4}from (?:leaving|fleeing)|(?:held|holding) (?:\w+ ){0,3}hostage",
        r"under siege|siege|blockade|human shields?",
    ),
    (
        "evacuation",
        r"evacuated|evacuates|(?:trucks?|buses|vehicles)(?: \w+){0,4} (?:left|leaving|emerged|carrying|drove|driving)|"
        r"emerged from|(?:left|quit|exited|evacuate) (?:the|their) (?:last )?(?:[\w-]+ ){0,2}(?:enclave|pocket|holdout|foothold)|"
        r"flown out|airlifted",
        r"evacuations?|(?<!supply )(?<!aid )(?<!military )(?<!army )convoys?|exodus|safe passage",
    ),
    (
        "displacement",
        r"fled|have left|had left|streamed out|uprooted|forced (?:[\w,.-]+ ){0,5}from their homes|"
        r"were displaced|escaped from|(?:began|started) (?:leaving|fleeing)|(?:have|has|had) arrived (?:at|in)|"
        r"(?:ferried|taken|moved|transferred|whisked|bused|trucked) (?:\w+ ){0,4}to (?:\w+ ){0,3}camps?",
        r"displacement|refugees",
    ),
    (
        "detention",
        r"detained|arrested|taken prisoner|rounded up|screened|held in (?:makeshift )?camps|"
        r"moved to detention",
        r"detention|arrests",
    ),
    (
        "statement",
        r"called for|announced|pledged|declared|will keep|will remain|ordered|voted|took effect|signed|"
        r"warned|issued an ultimatum|agreed to (?:a |the )?(?:truce|ceasefire|deal)|mend(?:ed)? ties|restored (?:diplomatic )?(?:ties|relations)|"
        r"carrying out (?:[\w'’]+ ){0,4}(?:withdrawal )?order",
        r"negotiations?|ceasefire|truce|agreement|deal|ultimatum|withdrawal (?:order|plan)|rapprochement",
    ),
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


_PATTERNS = [(t, _compile(v), _compile(n)) for t, v, n in TRIGGERS]

#: When these types are in a sentence, the keys' weaker readings are folded into them.
SUBSUMED_BY = {
    "killing": {"airstrike", "shelling", "explosion", "clash"},
    "deaths": {"airstrike", "shelling", "explosion", "clash", "killing"},
}

_NOT_REAL_LEFT = re.compile(
    r"\b(?:will|would|could|might|may|shall|plans? to|planning to|expected to|expects? to|"
    r"threaten(?:ed|s|ing)?(?: to)?|vow(?:ed|s)? to|set to|about to|ready to|prepared to|intends? to|"
    r"aims? to|seeks? to|trying to|tried to|hopes? to|wants? to|if|unless|ahead of|before launching|"
    r"not|no|never|denied|denies|deny|rejected|refus(?:ed|ing|es) to|without|failed to|unable to|"
    r"instead of|rather than|fears? of|risk of|calls? for an end to|negotiations? (?:for|over|on)(?: the)?|"
    r"witness the|preparing to|prepares? to|options?|either)\b[^.;]{0,45}$",
    re.I,
)
_NOT_REAL_RIGHT = re.compile(
    r"^[^,;.:]{0,60}?\b(?:would|could|will|might|is expected to|are expected to|was expected to|"
    r"to be a success)\b|^ age\b",
    re.I,
)
_GENERIC = re.compile(
    r"\b(?:war|conflict|fighting|violence|uprising|campaign)(?:\s+in\s+\w+)?,?\s+(?:(?:that|which)\s+)?"
    r"(?:has|have|had)\s+(?:\w+\s+)?$",
    re.I,
)
#: A nominal trigger that only dates something else ('since the offensive began', 'under a deal').
_REFERENCE_ONLY = re.compile(
    r"\b(?:since|after|following|before|under|during)\s+(?:the|a|an|this|that)\s+(?:\w+\s+)?$", re.I
)
_ATTRIBUTION_END = re.compile(r"^[^,;]{0,3}\.?[”\"']?$")
_WORDS = re.compile(r"[a-z]+")
_OCCURRED_WORDS = frozenset(
    "began begun resumed restarted launched continued hit struck killed injured wounded left "
    "emerged entered targeted was were came happened erupted rocked remain remained remains "
    "still ongoing reached intensified monday tuesday wednesday thursday friday saturday "
    "sunday yesterday overnight earlier since today tonight".split()
)
_OCCURRED_PHRASES = (
    "there were",
    "there was",
    "there have been",
    "there has been",
    "took place",
    "carried out",
    "broke out",
    "have been",
    "has been",
    "had been",
    "ramp up",
    "ramped up",
    "ramps up",
)


_FIGHTERS = r"(?:fighters|militants|soldiers|troops|jihadists|gunmen|insurgents|rebels|servicemen)"
#: 'N fighters were killed': a battle of its own, whatever else the sentence reports.
_COMBATANTS_DIED = re.compile(
    rf"\b{_FIGHTERS}\b(?:\s+\w+){{0,3}}\s+(?:were|was|have been|had been)\s+killed", re.I
)
#: 'X killed N soldiers': a battle unless X is a strike or shell the sentence already reports.
_COMBATANTS_KILLED = re.compile(rf"\bkilled (?:\w+ ){{0,4}}{_FIGHTERS}\b", re.I)


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int
    end: int
    text: str


def _is_real(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> bool:
    """False when the words around the trigger make it expected, denied, imagined or generic."""
    left = text[max(sentence_start, start - 80) : start]
    clause = re.split(r"[,;:—]|\bbut\b|\band\b", left)[-1]
    right = text[end : min(sentence_end, end + 70)]
    return not (_NOT_REAL_LEFT.search(clause) or _NOT_REAL_RIGHT.search(right) or _generic(left))


def _generic(left: str) -> bool:
    """'a war that has killed ...': only worth the pattern when a has/have/had is there."""
    return (" ha" in left) and bool(_GENERIC.search(left))


def _took_place(text: str, start: int, end: int) -> bool:
    """A nominal trigger needs the sentence to say that it happened (a verb of occurrence,
    a day, or a number). Word-set lookups: this runs on many sentences."""
    lower = text[start:end].lower()
    if any(c.isdigit() for c in lower) or any(p in lower for p in _OCCURRED_PHRASES):
        return True
    return not _OCCURRED_WORDS.isdisjoint(_WORDS.findall(lower))


#: Cheap test before the regular expressions: a type's patterns can only match a sentence
#: that contains one of these lower-case stems.
_STEMS: dict[str, tuple[str, ...]] = {
    "airstrike": (
        "strike",
        "raid",
        "bomb",
        "air ",
        "aerial",
        "plane",
        "jet",
        "aircraft",
        "helicopter",
        "drone",
        "sortie",
    ),
    "shelling": ("shell", "rocket", "missile", "artillery", "mortar", "bombard", "barrel"),
    "explosion": ("explo", "detonat", "blast", "bomb", "blew", " ied", "landmine"),
    "clash": (
        "clash",
        "fought",
        "fighting",  # not 'fight': 'fighters' is in most sentences and never a trigger
        "gunfight",
        "firefight",
        "storm",
        "ambush",
        "overran",
        "attack",
        "advance",
        "push",
        "control",
        "captur",
        "seiz",
        "retook",
        "retaken",
        "entered",
        "flag",
        "broke through",
        "resum",
        "restart",
        "assault",
        "offensive",
        "battle",
        "operation",
        "raid",
        "sniper",
        "gunfight",
        "firefight",
        "killed",
        "swept",
        "crossed the border",
        "driven",
        "drove",
    ),
    "surrender": (
        "surrender",
        "handed themselves",
        "gave themselves",
        "laid down",
        "turned themselves",
        "hand over",
        "handed over",
    ),
    "killing": (
        "kill",
        "execut",
        "massacr",
        "murder",
        "behead",
        "shot",
        "slaughter",
        "gunned",
        "fire",
        "attacked",
    ),
    "deaths": ("died", "death", "drowned"),
    "siege": (
        "siege",
        "besieg",
        "encircl",
        "surround",
        "trapped",
        "holed up",
        "blockad",
        "cut off",
        "prevent",
        "hostage",
        "shield",
        "closed",
    ),
    "evacuation": (
        "evacuat",
        "truck",
        "bus",
        "vehicle",
        "emerged",
        "left",
        "quit",
        "exited",
        "flown",
        "airlift",
        "convoy",
        "exodus",
        "passage",
    ),
    "displacement": (
        "fled",
        "left",
        "streamed",
        "uproot",
        "forced",
        "displace",
        "refugee",
        "leaving",
        "fleeing",
        "arrived",
        "camp",
        "escaped",
    ),
    "detention": ("detain", "arrest", "prisoner", "rounded up", "screen", "camps", "detention"),
    "statement": (
        "called for",
        "announc",
        "pledg",
        "declar",
        "will keep",
        "will remain",
        "order",
        "voted",
        "took effect",
        "signed",
        "warned",
        "ultimatum",
        "agreed",
        "ties",
        "relations",
        "negotiat",
        "ceasefire",
        "truce",
        "agreement",
        "deal",
        "withdrawal",
        "rapprochement",
    ),
}


def _stem_automaton() -> ahocorasick.Automaton:
    """Every stem in one Aho-Corasick automaton (C, one pass, overlapping matches found)."""
    automaton = ahocorasick.Automaton()
    owners: dict[str, set[str]] = {}
    for event_type, stems in _STEMS.items():
        for stem in stems:
            owners.setdefault(stem, set()).add(event_type)
    for stem, types in owners.items():
        automaton.add_word(stem, (len(stem), frozenset(types)))
    automaton.make_automaton()
    return automaton


_STEM_AUTOMATON = _stem_automaton()


class StemIndex:
    """Where trigger stems occur in one article: one pass, then a cheap test per sentence."""

    def __init__(self, text: str) -> None:
        found = sorted(
            (last - length + 1, types)
            for last, (length, types) in _STEM_AUTOMATON.iter(text.lower())
        )
        self.positions = [start for start, _ in found]
        self.types = [types for _, types in found]

    def types_between(self, start: int, end: int) -> dict[str, int]:
        """Each type with a stem in [start, end), and where its first stem begins."""
        first: dict[str, int] = {}
        low, high = bisect_left(self.positions, start), bisect_left(self.positions, end)
        for position, types in zip(self.positions[low:high], self.types[low:high]):
            for event_type in types:
                first.setdefault(event_type, position)
        return first


#: No pattern puts more than this many characters before the stem it needs.
_MAX_PREFIX = 80


def _first_real(
    text: str,
    span: tuple[int, int],
    scan_from: int,
    event_type: str,
    pattern: re.Pattern[str],
    nominal: bool,
) -> tuple[Trigger | None, bool]:
    """The first match of `pattern` that reports a real happening, and whether any matched."""
    start, end = span
    matched = False
    for match in pattern.finditer(text, scan_from, end):
        matched = True
        if nominal and _REFERENCE_ONLY.search(text[max(start, match.start() - 40) : match.start()]):
            continue
        if event_type == "statement" and _ATTRIBUTION_END.match(text[match.end() : end]):
            continue  # '..., the prime minister announced.' attributes; it is not the news
        if _is_real(text, start, end, match.start(), match.end()):
            return Trigger(event_type, match.start(), match.end(), match.group()), True
    return None, matched


def _fold(found: dict[str, Trigger], text: str, start: int, end: int) -> list[Trigger]:
    """Combatant killings become battles; weaker readings fold into stronger types."""
    violent = {"airstrike", "shelling", "explosion", "clash"}
    if "killing" in found and (
        _COMBATANTS_DIED.search(text, start, end)
        or (not violent & found.keys() and _COMBATANTS_KILLED.search(text, start, end))
    ):
        killing = found.pop("killing")
        found.setdefault("clash", Trigger("clash", killing.start, killing.end, killing.text))
    killing = found.get("killing")
    if killing and killing.text.lower().startswith("attacked") and "clash" in found:
        del found["clash"]  # 'attacked a camp for displaced people': an attack on civilians
    for weak, strong in SUBSUMED_BY.items():
        if weak in found and strong & found.keys():
            del found[weak]
    return sorted(found.values(), key=lambda t: t.start)


def find_triggers(text: str, start: int, end: int, stems: StemIndex | None = None) -> list[Trigger]:
    """The first real trigger of each event type in text[start:end], weaker types folded.

    Pass the article's StemIndex when calling sentence by sentence: it saves a scan per type.
    """
    index = stems if stems is not None else StemIndex(text[start:end])
    offset = 0 if stems is not None else start
    present = index.types_between(start - offset, end - offset)
    if not present:
        return []
    found: dict[str, Trigger] = {}
    nominal_matches: list[tuple[str, re.Pattern[str], int]] = []
    any_verbal = False
    for event_type, verbal, nominal in _PATTERNS:
        if event_type not in present:
            continue
        scan_from = max(start, present[event_type] + offset - _MAX_PREFIX)
        trigger, matched = _first_real(text, (start, end), scan_from, event_type, verbal, False)
        any_verbal |= matched
        if trigger:
            found[event_type] = trigger
        else:
            nominal_matches.append((event_type, nominal, scan_from))
    if nominal_matches and (found or any_verbal or _took_place(text, start, end)):
        for event_type, nominal, scan_from in nominal_matches:
            trigger, _ = _first_real(text, (start, end), scan_from, event_type, nominal, True)
            if trigger:
                found[event_type] = trigger
    return _fold(found, text, start, end)
