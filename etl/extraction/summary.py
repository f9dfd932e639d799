"""A readable one-line summary of an extracted event: who did what where, and how many.

"Air strikes by Russia on Ariha: 9 killed (White Helmets rescue service)", "Evacuation of at
least 1,500 people from Baghouz by truck". Built from the fields extraction filled (type,
actors, place, figures, claimant) and a word or two of the sentence, never by cutting the
sentence: the exact quote stays with the claim. At most MAX_CHARS characters, cut only
between words. Plain text: the parts that come from an article are stripped of control
characters and line breaks, and nothing here is markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from etl.extraction.carry import is_arrival
from etl.extraction.mentions import Figure, Mention

MAX_CHARS = 120

#: (what happened, the word before the place)
_WHAT = {
    "airstrike": ("Air strikes", "on"),
    "shelling": ("Shelling", "of"),
    "explosion": ("Explosion", "in"),
    "clash": ("Fighting", "in"),
    "surrender": ("Surrender", "at"),
    "killing": ("Killing of civilians", "in"),
    "deaths": ("Deaths", "in"),
    "siege": ("Siege", "of"),
    "evacuation": ("Evacuation", "from"),
    "displacement": ("Displacement", "in"),
    "detention": ("Detentions", "in"),
    "statement": ("Statement", "in"),
}
#: Types whose people figure reads 'of N people' after the type ('Evacuation of 1,500'),
#: the quantities in the order they are preferred.
_PEOPLE = {
    "evacuation": ("evacuated", "families"),
    "displacement": ("displaced", "families"),
    "detention": ("detained",),
    "surrender": ("surrendered",),
    "deaths": ("died", "killed"),
}
#: Types whose dead are told after the place ('...: 9 killed').
_VIOLENT = {"airstrike", "shelling", "explosion", "clash", "killing"}
_VEHICLE = re.compile(r"\b(?:(trucks?|lorries)|(bus(?:es)?|coaches))\b", re.I)
_LEADING = re.compile(r"^[\W_]*(?:(?:an?|the)\s+)?", re.I)
#: 'from (the) <Name Name>': up to three capitalised words after 'from' ('al-', 'el-' and the
#: like may lead a word: 'from Ras al-Ain'), not 'from the camp'.
_NAME_WORD = r"(?:[a-z]{1,3}-)?[A-Z][\w'’-]*"
_FROM_NAME = re.compile(rf"\bfrom\s+(?:the\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})")
#: A claimant longer than this, or with a comma, is more sentence than source: left out.
CLAIMANT_CHARS = 40


def clean(text: str | None) -> str:
    """One line of printable text: control and format characters dropped, spaces collapsed."""
    if not text:
        return ""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    return " ".join(kept.split())


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def figure_text(figure: Figure) -> str:
    """'at least 1,500', '40-99', '9'; '' for a figure with no bound."""
    low, high = figure.low, figure.high
    if low is None and high is None:
        return ""
    if low is None:
        return f"up to {_number(high)}"  # type: ignore[arg-type]
    if high is None:
        word = figure.qualifier if figure.qualifier in ("at least", "more than") else "at least"
        return f"{word} {_number(low)}"
    if low == high:
        prefix = "about " if figure.qualifier in ("about", "some") else ""
        return prefix + _number(low)
    return f"{_number(low)}–{_number(high)}"


def figure_rank(f: Figure) -> tuple:
    """How two figures of one quantity rank in `_largest` (of equals, the first wins)."""
    return (f.low, f.high or f.low)


def _largest(figures: Iterable[Figure], quantities: tuple[str, ...]) -> Figure | None:
    """The largest figure of the first of `quantities` the event has."""
    figures = list(figures)
    for quantity in quantities:
        chosen = [f for f in figures if f.quantity == quantity and f.low is not None]
        if chosen:
            return max(chosen, key=figure_rank)
    return None


def _toll(figure: Figure | None, word: str) -> str:
    if figure is None or not (amount := figure_text(figure)):
        return ""
    return f"no one {word}" if figure.high == 0 else f"{amount} {word}"


#: Types whose first actor is who it happened to ('Surrender of X'), and types whose actors
#: the summary leaves out (who flees or dies is in the figure, not a side).
_ACTOR_OF = {"surrender", "evacuation"}
_NO_ACTOR = {"displacement", "deaths"}
#: Statement words that say more than 'Statement' ('Ultimatum by the SDF').
_STATEMENT_WORDS = {"ultimatum", "ceasefire", "truce", "agreement", "deal", "negotiations"}


def _who(event_type: str, actor1: str, actor2: str, people: bool) -> str:
    if event_type == "clash":
        if actor1 and actor2:
            return f" between {actor1} and {actor2}"
        return f" involving {actor1}" if actor1 else ""
    if not actor1 or event_type in _NO_ACTOR or (event_type in _ACTOR_OF and people):
        return ""
    return f" of {actor1}" if event_type in _ACTOR_OF else f" by {actor1}"


def _what(best: Mention) -> tuple[str, str]:
    what, preposition = _WHAT.get(best.event_type, (best.event_type.capitalize(), "in"))
    if best.event_type == "statement" and best.trigger.lower() in _STATEMENT_WORDS:
        what = best.trigger.capitalize()
    if best.event_type == "explosion" and best.actor1:
        what = "Bombing"  # someone set it off
    return what, preposition


def _vehicle(sentence: str, figures: list[Figure]) -> str:
    """' by 62 buses' from a vehicle figure, else ' by truck' when the sentence says so."""
    vehicles = _largest(figures, ("trucks", "buses"))
    if vehicles is not None and (amount := figure_text(vehicles)):
        return f" by {amount} {vehicles.quantity}"
    match = _VEHICLE.search(sentence)
    if not match:
        return ""
    return " by truck" if match.group(1) else " by bus"


def _spelled(mention: Mention) -> bool:
    """Whether the mention's place is named in its own sentence (not taken from elsewhere)."""
    return mention.place_start is not None and mention.place_end is not None


def place_words(mention: Mention) -> str:
    """The place as the sentence spells it ('Baghouz'), else the gazetteer's name."""
    if _spelled(mention):
        spelled = mention.sentence[
            mention.place_start - mention.char_start : mention.place_end - mention.char_start
        ]
        if spelled.strip():
            return clean(spelled)
    return clean(mention.place_name)


def _origin(best: Mention, where: str) -> str:
    """' from Baghouz' for people arriving, when the sentence says where from; '' else.
    Arrivals are placed where they arrived (carry.move_places), so the origin is told here."""
    if best.event_type != "displacement" or not is_arrival(best.trigger):
        return ""
    for match in _FROM_NAME.finditer(best.sentence):
        name = clean(match.group(1))
        if name and name not in where and where not in name:
            return f" from {name}"
    return ""


def _claimant(text: str | None) -> str:
    claimant = _LEADING.sub("", clean(text))
    return claimant if claimant and len(claimant) <= CLAIMANT_CHARS and "," not in claimant else ""


def summarize(best: Mention, mentions: Iterable[Mention] = (), place: Mention | None = None) -> str:
    """The event's one-line summary. `best` dates and types it; `mentions` are all its
    sentences (their figures count); `place` is the mention whose place the event took."""
    every = [best, *(m for m in mentions if m is not best)]
    figures = [f for m in every for f in m.figures]
    what, preposition = _what(best)
    people = _largest(figures, _PEOPLE.get(best.event_type, ()))
    amount = figure_text(people) if people is not None else ""
    if people is not None and amount:
        what += f" of {amount} {'families' if people.quantity == 'families' else 'people'}"
    where = place_words(place or best)
    if preposition == "from" and not _spelled(place or best):
        # where people were moved from is known only when the sentence names it: a place
        # taken from the article ('30 trucks carrying families reached the reception
        # area', dateline AL-HOL) may as well be where they went, so no direction is told
        preposition = "in"
    who = _who(best.event_type, clean(best.actor1), clean(best.actor2), bool(amount))
    origin = _origin(best, where)
    if origin:  # 'Arrival of 300 people at Al-Hol camp from Baghouz'
        what, preposition = "Arrival" + what.removeprefix("Displacement"), "at"
    at = f" {preposition} {where}" if where else ""
    parts = [
        what,
        *((at, who) if best.event_type == "siege" else (who, at)),  # 'Siege of X by Y'
        _vehicle(best.sentence, figures) if best.event_type == "evacuation" else "",
        origin,
    ]
    extras = ["", ""]
    if best.event_type in _VIOLENT:
        tolls = [
            _toll(_largest(figures, ("killed", "died")), "killed"),
            _toll(_largest(figures, ("wounded",)), "wounded"),
        ]
        told = [t for t in tolls if t]
        extras = [f": {told[0]}" if told else "", f", {told[1]}" if len(told) > 1 else ""]
    claimant = _claimant(best.claimant)
    tail = f" ({claimant})" if claimant else ""
    return _fit(parts, extras, tail, parts.index(who))


def _fit(parts: list[str], extras: list[str], tail: str, who: int) -> str:
    """The parts that fit in MAX_CHARS: the claimant goes first, then the wounded, then
    the dead, then the actors (parts[who]); what remains too long is cut between words."""
    candidates = [
        parts + extras + [tail],
        parts + extras,
        parts + extras[:1],
        parts,
        [p for i, p in enumerate(parts) if i != who],
    ]
    for candidate in candidates:
        line = "".join(candidate)
        if len(line) <= MAX_CHARS:
            return line
    return shorten("".join(candidates[-1]))


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """Text cut to at most `limit` characters at a word boundary, with an ellipsis."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"
