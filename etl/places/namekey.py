"""Transliteration-aware place-name keys: how Qamishli, Qamishlo, al-Qamishli and Kamishli
come to be looked up as one name.

Arabic (and Cyrillic, Amharic ...) place names reach English text in many Latin spellings.
They differ in the ways this module folds away:

- diacritics and letters outside ASCII (`unidecode`: Ḩamāh -> Hamah, Ménaka -> Menaka),
  apostrophes and ayn/hamza marks (Sa'ada, Rif‘at);
- the article: al-, el-, ad-, ar-, as-, ash-, es-, ez- ... as a separate word, anywhere in
  the name (al-Bukamal, Deir ez-Zor, Qalaat al-Madiq);
- vowels (Jarablus/Jerablus, Mayadin/Mayadeen, Tamr/Tamer), y read as a vowel
  (Busaira/Busayrah, Izium/Izyum), a final -eh/-ah (Hassakeh, Maharda);
- consonant spellings: q/k, dh/th, dj/j, ph/f, doubled letters (Qabbasin, Tall/Tel).

`loose_key` is the skeleton left over (Jarabulus and Jerablus are both 'jrbls'): many names
share a short skeleton, so a match on it is only a candidate, and `similarity` (an edit
distance from `rapidfuzz` over `soft_form`, which keeps the vowels but evens out their usual
variants) says how close the two spellings really are. Exact keys
(`etl.places.gazetteer.normalise_name`) are always tried first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Indel
from unidecode import unidecode

#: The Arabic article and its assimilated forms, written as a word of its own.
ARTICLES = frozenset("al el il ul ad ed ar er as es ash esh at et an en az ez adh ath dh".split())
_MARKS = re.compile(r"[’‘'`ʿʾ´]")
_WORDS = re.compile(r"[a-z0-9]+")
_SOFT = (
    ("dj", "j"),
    ("dh", "th"),
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ei", "ay"),
    ("ai", "ay"),
    ("ey", "ay"),
    ("ie", "i"),
)
_AW = re.compile(r"[ao]w(?![aeiouy])")  # Hawl/Hol, Zawr/Zor, Jawhar/Johar
_Y_VOWEL = re.compile(r"(?<![aeiou])y")  # Izyum/Izium, Kupyansk/Kupiansk
_VOWEL_CLASS = str.maketrans("oe", "ui")  # Mourek/Morek, Harem/Harim
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_FINAL_VOWEL = re.compile(r"[aeiou]+$")
_DOUBLE = re.compile(r"([a-z])\1+")
_VOWELS = re.compile(r"[aeiouy]+")
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[^aeiouy])")
SHORT = 3  # loose keys this short match too many names: they need a closer similarity


@lru_cache(maxsize=100_000)
def words(name: str) -> tuple[str, ...]:
    """The name in lower-case ASCII words, articles and marks removed."""
    text = _MARKS.sub("", unidecode(name or "")).lower()
    return tuple(w for w in _WORDS.findall(text) if w not in ARTICLES)


@lru_cache(maxsize=100_000)
def soft_form(name: str) -> str:
    """The name's letters with the usual variants of one sound made one (q/k, ou/u, o/u,
    e/i, ei/ay, aw/o, dh/th, a final -eh/-ah as -a, doubled letters once): for comparing
    two spellings."""
    text = "".join(words(name))
    for old, new in _SOFT:
        text = text.replace(old, new)
    text = _Y_VOWEL.sub("i", _AW.sub("o", text)).translate(_VOWEL_CLASS)
    text = _FINAL_H.sub("", text)
    text = _FINAL_VOWEL.sub(lambda m: "a", text)
    return _DOUBLE.sub(r"\1", text)


@lru_cache(maxsize=100_000)
def loose_key(name: str) -> str:
    """The consonant skeleton of `soft_form` (y read as a vowel): the key two
    transliterations share."""
    return _VOWELS.sub("", soft_form(name))


def query_keys(name: str) -> tuple[str, ...]:
    """Loose keys to look a written name up under: its own, and without an article written
    together with the name ('Albukamal' is also 'Bukamal')."""
    keys = [loose_key(name)]
    joined = "".join(words(name))
    glued = _GLUED_ARTICLE.sub("", joined)
    if glued != joined and len(glued) >= 4:
        keys.append(loose_key(glued))
    return tuple(k for k in dict.fromkeys(keys) if k)


def similarity(a: str, b: str) -> float:
    """How alike two spellings are, 0..1, on their soft forms (1.0: the same name)."""
    return Indel.normalized_similarity(soft_form(a), soft_form(b))


def similarities(a: str, spellings: list[str]) -> list[float]:
    """`similarity(a, b)` for each b of `spellings` (a's soft form made once)."""
    mine, score = soft_form(a), Indel.normalized_similarity
    return [score(mine, soft_form(b)) for b in spellings]


def min_similarity(key: str) -> float:
    """The similarity a loose match needs: the same soft form for a skeleton of one or two
    consonants (Rajo/Raju, not Mora/Emure), closer for a short one."""
    if len(key) < SHORT:
        return 0.99
    return 0.86 if len(key) == SHORT else 0.68
