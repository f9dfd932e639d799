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
from array import array
from collections import Counter, deque
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
#: Two texts are compared when they share at least this share of the fewer word triples of the
#: two (counting those not common): a sentence added breaks two triples, a word changed three,
#: so a near-duplicate shares most of them; texts built of a passage in common with others
#: share a few (within a week's window, where fewer texts hold a triple than in a whole batch,
#: such pairs were compared by the thousand: 1,000 of the bench's long texts, 1,608 pairs
#: compared with the batch's commonness, 19,852 with the window's, 0 found either way).
MIN_SHARED_TRIPLES = 0.5


def _triples(text_words: Sequence[str]) -> set[int]:
    """The text's word triples, each by its hash (an int, not a tuple of three: a large
    batch's index is smaller; two triples of one hash only make a pair compared needlessly)."""
    return {hash(t) for t in zip(text_words, text_words[1:], text_words[2:])}


class _Index:
    """Texts' word triples (by hash) -> the positions of the texts holding them, in the order
    they were added; a text is dropped from it in that same order (`drop_oldest`)."""

    def __init__(self) -> None:
        self.held: dict[int, list[int]] = {}
        #: (position, triples) of the texts held, oldest first (a dropped text's triples are
        #: not made again; only the texts held keep theirs)
        self.members: deque[tuple[int, set[int]]] = deque()

    def add(self, at: int, triples: set[int]) -> None:
        for triple in triples:
            self.held.setdefault(triple, []).append(at)
        self.members.append((at, triples))

    def drop_oldest(self) -> int:
        """Drop the oldest text held: it is first in each of its triples' lists."""
        at, triples = self.members.popleft()
        for triple in triples:
            holders = self.held[triple]
            del holders[0]
            if not holders:
                del self.held[triple]
        return at


def _candidate_pairs(pool: Sequence[Text], n_uploads: int) -> set[tuple[int, int]]:
    """The pairs (new, other) of positions in `pool` (the uploads, then the stored) to compare:
    `new` an upload, `other` an earlier upload or a stored text, sharing a word triple (not one
    of the commonest). With 90% of the shorter text's words in the other in order, a pair
    shares most of its triples, so no near-duplicate is missed; most pairs share none and are
    not compared (1,134 article-length texts: 1.3 million comparisons took 5.3 s in
    rapidfuzz's own cdist on two cores; compared by their shared triples, 38,828
    comparisons, 1.9 s in all).

    Bounded by DAYS: the dated texts are walked in date order and each is looked up in an
    index of the texts dated at most DAYS before it, the older ones dropped as the walk
    passes them (the index holds a week of articles, not the batch: at main it grew ~14 MiB per
    1,000 news-length texts held). Undated texts, compared whatever the other's date, are held
    in an index of their own for the whole walk. A triple is 'common' when more than
    COMMON_TRIPLE of the texts held at the look-up hold it (fewer than the whole pool's, so
    every pair the whole pool's index made a candidate is one here)."""
    pairs: set[tuple[int, int]] = set()

    def pair(a: int, b: int) -> None:
        if a < n_uploads and b < n_uploads:  # two uploads: the later names the earlier
            pairs.add((max(a, b), min(a, b)))
        elif a < n_uploads:  # an upload and a stored text; two stored are not compared
            pairs.add((a, b))
        elif b < n_uploads:
            pairs.add((b, a))

    sizes = array("I", bytes(4 * len(pool)))  # each text's count of triples

    def look_up(at: int, triples: set[int], indexes: Sequence[_Index]) -> None:
        sizes[at] = len(triples)
        near_: Counter[int] = Counter()
        helds = [index.held for index in indexes if index.members]
        if len(helds) == 1:  # (the usual case: one index to read, no lists to add up)
            held = helds[0]
            for triple in triples:
                holders = held.get(triple)
                if holders and len(holders) <= COMMON_TRIPLE:
                    near_.update(holders)
        elif helds:
            for triple in triples:
                lists = [h for h in (held.get(triple) for held in helds) if h]
                if sum(map(len, lists)) <= COMMON_TRIPLE:
                    for holders in lists:
                        near_.update(holders)
        for other, shared in near_.items():
            if other != at and shared >= MIN_SHARED_TRIPLES * min(sizes[at], sizes[other]):
                pair(at, other)

    undated = _Index()
    for at, text in enumerate(pool):
        if text.published is None:
            triples = _triples(text.words)
            look_up(at, triples, [undated])
            undated.add(at, triples)
    window = _Index()
    dated = sorted(
        (at for at, text in enumerate(pool) if text.published is not None),
        key=lambda at: (pool[at].published, at),
    )
    for at in dated:
        day = pool[at].published
        assert day is not None
        while window.members and (day - pool[window.members[0][0]].published).days > DAYS:
            window.drop_oldest()
        triples = _triples(pool[at].words)
        look_up(at, triples, [window, undated])
        window.add(at, triples)
    return pairs


def near_duplicates(uploads: Sequence[Text], stored: Sequence[Text] = ()) -> list[Near]:
    """Each upload resembling an earlier upload of the batch or a stored article (by
    `resemblance`, at THRESHOLD or more), in upload order; identical word lists are left to
    the exact-duplicate check. An upload is named once per article it resembles."""
    pool = [*uploads, *stored]
    found: list[Near] = []
    for i, at in sorted(_candidate_pairs(pool, len(uploads))):
        new, other = pool[i], pool[at]
        if other.words == new.words or not _close_in_time(new.published, other.published):
            continue
        share = resemblance(new.words, other.words)
        if share >= THRESHOLD:
            found.append(Near(new, other, share, at >= len(uploads)))
    return found
