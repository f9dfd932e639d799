"""Near-duplicate articles (pure): the same article brought in twice with its text changed a
little (a word corrected, a sentence added or cut), which the content hash that finds exact
duplicates (`etl.ids.article_id`) tells apart. Found, they are named to the analyst, who
chooses; nothing here stores or leaves out anything.

The measure is over words, not characters: the share of the shorter text's words found in
the other, in the same order (their longest common subsequence, `rapidfuzz`'s LCSseq over
word lists). One text that is the other with a sentence added scores 1.0 (a character ratio
gave the session-34 walk's pair 0.80: 82 characters against 124); a word changed in 30
scores 0.97. THRESHOLD 0.9: a tenth of the shorter text's words may differ or be missing.
Measured (every pair, `tests/etl/test_near_duplicates.py`): the five seed articles (three
outlets on the same weeks at Baghouz) at most 0.27 against each other; the development sets'
passages (devset, devset2, heldout, heldout3, heldout30-32: 1,622 passages, 91,000 pairs of
comparable length) at most 0.83, none at 0.9 or more: two ACLED-style notes of one formula,
'On 1 January, gunmen opened fire on a ... checkpoint in al-Atareb ... Neither injuries nor
fatalities were reported.' against Talbisa's. Such a note one word (the place) from another
of the same week is named as a near-duplicate: the analyst is asked, and stores both.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

#: The least share of the shorter text's words found, in order, in the other.
THRESHOLD = 0.9
#: Texts shorter than this many words are not compared (a line or two matches too easily).
MIN_WORDS = 8
#: The shorter text has at least this share of the longer's words (an article and one of its
#: sentences quoted in another are not the same article).
MIN_LENGTH_SHARE = 0.5
#: Articles whose publication dates are more than this many days apart are not compared (a
#: re-upload carries its date; a story updated a week later is a new article). An article
#: without a date is compared whatever the other's.
DAYS = 7

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, case-folded (punctuation and spacing do not count); each word held
    once however many texts use it (`sys.intern`: a batch's texts share their vocabulary,
    so `etl ingest`'s check of a large batch holds a pointer a word, not a string)."""
    return [sys.intern(w.casefold()) for w in _WORD.findall(text)]


def resemblance(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of the shorter word list's words found in the other in the same order; 0.0
    when either is under MIN_WORDS, their lengths are too far apart (MIN_LENGTH_SHARE) or the
    share is under THRESHOLD (rapidfuzz then stops early)."""
    shorter, longer = sorted((len(a), len(b)))
    if shorter < MIN_WORDS or shorter < MIN_LENGTH_SHARE * longer:
        return 0.0
    common = LCSseq.similarity(a, b, score_cutoff=math.ceil(THRESHOLD * shorter))
    return common / shorter


@dataclass(frozen=True)
class Text:
    """An article to compare: who it is for messages, its words and date, and its title."""

    name: str  # 'clean.csv line 2', 'batch “March wires” (b2019...): wires.zip/a.txt'
    words: tuple[str, ...]
    published: dt.date | None = None
    title: str = ""
    article_id: str = ""  # `etl.ids.article_id` of its text, for the command line's report


@dataclass(frozen=True)
class Near:
    """`new` (an upload) resembles `other`: another upload of the batch (`stored` False) or
    an article in the store."""

    new: Text
    other: Text
    share: float
    stored: bool


def report_line(found: Near) -> str:
    """`etl ingest`'s line for a near-duplicate it stored all the same (a script has no one to
    ask; the analyst page asks): both articles, by name and id, and the share."""
    new, other = found.new, found.other
    where = "a stored article" if found.stored else "an earlier article of this batch"
    return (
        f"near-duplicate: {new.name} ({new.article_id}) resembles {where}, {other.name} "
        f"({other.article_id}): {found.share:.2f} of the shorter text's words are in the other, "
        "in the same order; both are stored"
    )


def _close_in_time(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= DAYS


#: Word triples held by more than this many of the texts compared do not make two of them
#: candidates ('were reported on', 'the death toll'): a near-duplicate pair shares most of
#: its triples (a word changed breaks three), not only the commonest.
COMMON_TRIPLE = 64


def _triples(text_words: Sequence[str]) -> set[int]:
    """The text's word triples, each by its hash (an int, not a tuple of three: a large
    batch's index is smaller; two triples of one hash only make a pair compared needlessly)."""
    return {hash(t) for t in zip(text_words, text_words[1:], text_words[2:])}


def _candidates(uploads: Sequence[Text], pool: Sequence[Text]) -> list[list[int]]:
    """Per upload, the positions in `pool` (the uploads, then the stored) of the texts it
    shares a word triple with (not one of the commonest): with 90% of the shorter text's
    words in the other in order, a pair shares most of its triples, so no near-duplicate is
    missed; most pairs share none and are not compared (1,134 article-length texts: 1.3
    million comparisons took 5.3 s in rapidfuzz's own cdist on two cores; compared by
    their shared triples, 38,828 comparisons, 1.9 s in all)."""
    held: dict[int, list[int]] = {}
    for at, text in enumerate(pool):
        for triple in _triples(text.words):
            held.setdefault(triple, []).append(at)
    out = []
    for i, upload in enumerate(uploads):  # (its triples made again: not all held at once)
        near_ = set()
        for triple in _triples(upload.words):
            holders = held[triple]
            if len(holders) <= COMMON_TRIPLE:
                near_.update(holders)
        out.append(sorted(at for at in near_ if at < i or at >= len(uploads)))
    return out


def near_duplicates(uploads: Sequence[Text], stored: Sequence[Text] = ()) -> list[Near]:
    """Each upload resembling an earlier upload of the batch or a stored article (by
    `resemblance`, at THRESHOLD or more), in upload order; identical word lists are left to
    the exact-duplicate check. An upload is named once per article it resembles."""
    pool = [*uploads, *stored]
    found: list[Near] = []
    for new, positions in zip(uploads, _candidates(uploads, pool), strict=True):
        for at in positions:
            other = pool[at]
            if other.words == new.words or not _close_in_time(new.published, other.published):
                continue
            share = resemblance(new.words, other.words)
            if share >= THRESHOLD:
                found.append(Near(new, other, share, at >= len(uploads)))
    return found
