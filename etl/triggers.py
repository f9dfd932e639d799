"""What a sentence says happened: event-type triggers, kept only when the event is real.

A trigger is a phrase that reports a happening of one type ("coalition airstrikes", "trucks
were seen leaving", "killed four civilians"). It is dropped when the sentence only expects,
threatens, denies or imagines it ("will attack", "denied any negotiations", "would mark an
end"), or when it is a generic tally ("a war that has killed 360,000 people").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_W = r"(?<![\w-])"  # word start that also refuses a hyphen before it
_E = r"(?![\w-])"

TRIGGERS: dict[str, str] = {
    "airstrike": r"air ?strikes?|air raids?|air assault|air (?:and|&) ground(?:-based)? strikes|"
    r"aerial (?:bombardment|attacks?|strikes?)|drone strikes?|(?:war)?planes? (?:struck|bombed|hit)|"
    r"jets? (?:struck|bombed|hit)|bombed from the air|strikes? by (?:the )?(?:US-led |U\.S\.-led )?coalition",
    "shelling": r"shell(?:ing|ed|s)|rocket (?:fire|attacks?)|rockets? (?:hit|struck|slammed|landed)|"
    r"fired rockets|artillery (?:fire|strikes?|barrage)|mortar (?:fire|rounds|shells|attacks?)|"
    r"missiles? (?:hit|struck|slammed)|missile (?:strikes?|attacks?)|barrel bombs?|bombard(?:ment|ed)",
    "explosion": r"explosions?|blasts?|car[- ]bombs?|truck bombs?|suicide (?:bomb(?:ing|er)s?|attacks?)|"
    r"bombings?|IEDs?|roadside bombs?|exploded|detonated|landmines?|booby[- ]trap",
    "clash": r"clash(?:es|ed)?|fighting|fought|battles?|offensive|assault|ground advance|advanced on|"
    r"stormed|gunfights?|firefights?|military operations?|operations? against|ambush(?:ed)?|"
    r"counter-?attack(?:ed|s)?|attacked|attacks? on|retak(?:en|e|ing)|recaptur(?:ed|e)|captured the|"
    r"seized|overran|push(?:ed)? into|snipers?",
    "surrender": r"surrender(?:ed|ing|s)?|handed themselves (?:over|in)|gave themselves up|"
    r"laid down (?:their )?arms|turned themselves in",
    "killing": r"killed|executed|massacred?|murdered|beheaded|shot dead|slaughtered|gunned down",
    "deaths": r"died|deaths?|starved to death|froze to death|death toll",
    "siege": r"under siege|besieged|encircled|surrounded|trapped|holed up|siege|hostage|human shields?|"
    r"prevent(?:ed|ing)? (?:\w+ ){0,4}from (?:leaving|fleeing)|cut off",
    "evacuation": r"evacuat(?:ed|ion|ions|ing|e)|convoys?|humanitarian corridor|safe passage|"
    r"(?:trucks?|buses|vehicles)(?: \w+){0,4} (?:left|leaving|emerged|carrying|drove|driving)|"
    r"exodus|emerged from|(?:left|quit|exited) the (?:last )?(?:\w+ )?(?:enclave|pocket|area|holdout|territory)",
    "displacement": r"fled|displaced|flee(?:ing)?|streamed out|have left|had left|refugees|uprooted|exodus",
    "detention": r"detained|detention|arrested|captured \d|taken prisoner|screen(?:ed|ing)|"
    r"held in (?:makeshift )?camps|rounded up",
    "statement": r"called for|announced|pledged|declared|will keep|will remain|ordered|"
    r"negotiations?|ceasefire|truce|deal|agreement|withdraw(?:al|ing)",
}
_PATTERNS = {t: re.compile(_W + "(?:" + p + ")" + _E, re.I) for t, p in TRIGGERS.items()}

#: When these types are in a sentence, the keys' weaker readings are folded into them.
SUBSUMED_BY = {
    "killing": {"airstrike", "shelling", "explosion", "clash"},
    "deaths": {"airstrike", "shelling", "explosion", "clash", "killing"},
    "displacement": {"evacuation"},
    "statement": {"airstrike", "shelling", "explosion", "clash", "surrender", "killing", "evacuation",
                  "detention", "deaths"},
}

_NOT_REAL = re.compile(
    r"\b(?:will|would|could|might|may|shall|to be|plans? to|planning to|expected to|expects? to|"
    r"threaten(?:ed|s|ing)? to|vow(?:ed|s)? to|set to|about to|ready to|prepared to|intends? to|"
    r"aims? to|seeks? to|trying to|tried to|hopes? to|wants? to|if|unless|ahead of|before launching|"
    r"not|no|never|denied|denies|deny|rejected|refused to|without|failed to|unable to|"
    r"instead of|rather than|fears? of|risk of|calls? for an end to)\b[^.;]{0,45}$",
    re.I,
)
_GENERIC = re.compile(r"\b(?:war|conflict|fighting|violence|uprising)\s+(?:that|which)\s+(?:has|have|had)\s+$", re.I)
_HEADLINE_MIN_WORDS = 4


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int
    end: int
    text: str


def _is_real(text: str, sentence_start: int, start: int) -> bool:
    """False when the words just before the trigger make it expected, denied or generic."""
    left = text[max(sentence_start, start - 80) : start]
    clause = re.split(r"[,;:—]|\bbut\b|\band\b", left)[-1]
    return not (_NOT_REAL.search(clause) or _GENERIC.search(left))


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """The first real trigger of each event type in text[start:end], weaker types folded."""
    found: dict[str, Trigger] = {}
    for event_type, pattern in _PATTERNS.items():
        for match in pattern.finditer(text, start, end):
            if _is_real(text, start, match.start()):
                found[event_type] = Trigger(event_type, match.start(), match.end(), match.group())
                break
    for weak, strong in SUBSUMED_BY.items():
        if weak in found and strong & found.keys():
            del found[weak]
    return sorted(found.values(), key=lambda t: t.start)
