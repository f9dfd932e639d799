"""Choosing where an event happened: the spellings of a name, the gazetteers' candidates
ranked for people, and the analyst's choice (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from etl.place_rename import same_name, summary_for_place
from etl.places.countries import country_name
from etl.places.place_search import Candidate, unique_candidates


def country_label(country: str | None) -> str:
    """A candidate's country as a name: the curated gazetteer writes 'Syria', GeoNames 'SY'."""
    return country_name(country) or "?"


def _count(value: float | None) -> str:
    """'1,234', or blank where the gazetteer does not say (not the grid's grey 'None')."""
    return "" if value is None or value != value else f"{round(value):,}"


def candidates_frame(candidates: Sequence[Candidate]) -> pd.DataFrame:
    """The candidates as a table: where each comes from and how far it is from the
    article's other places (blank where not known)."""
    rows = [
        {
            "name": c.name,
            "country": country_label(c.country),
            "from": c.source,
            "latitude": round(c.latitude, 5),
            "longitude": round(c.longitude, 5),
            "km from the article's other places": _count(c.km_from_others),
            "population": _count(c.population),
        }
        for c in candidates
    ]
    columns = ["name", "country", "from", "latitude", "longitude"]
    columns += ["km from the article's other places", "population"]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class PlaceChoice:
    """Where the analyst wants the event: a gazetteer candidate (with the name it was found
    by), or a named point."""

    candidate: Candidate | None = None
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    teach: bool = True  # save the article's spellings with it, for later batches

    def as_candidate(self) -> Candidate:
        """The choice as a gazetteer candidate (a picked point is the analyst's own)."""
        if self.candidate is not None:
            return self.candidate
        name = self.name or "place picked on the map"
        return Candidate(name, float(self.latitude), float(self.longitude), "",
                         "picked by an analyst", None)  # fmt: skip

    def line(self) -> str:
        """'Jisr ash Shughūr (Syria, GeoNames 169023) at 35.81418, 36.31983'."""
        if self.candidate:
            c = self.candidate
            far = "" if c.km_from_others is None else f", {c.km_from_others:,.0f} km from the "
            far += "article's other places" if far else ""
            return (
                f"{c.name} ({country_label(c.country)}, {c.source}) at {c.latitude:.5f}, "
                f"{c.longitude:.5f}{far}"
            )
        return f"{self.name or 'a picked point'} at {self.latitude:.5f}, {self.longitude:.5f}"


def moved_summary(
    summary: str,
    now: tuple[float, float, str] | None,
    choice: PlaceChoice,
    spellings: Iterable[str],
) -> str | None:
    """The summary naming the place `choice` when the event, now at `now` (latitude,
    longitude, name; None if unplaced), is moved there and the summary named where it was,
    as the place's name or as the article spelled it (`spellings`); None when it stays at its
    point (the same place confirmed: its spelling in the summary is the article's), or
    `summary_for_place` changes nothing."""
    target = choice.as_candidate()
    if now is not None and (round(now[0], 5), round(now[1], 5)) == (
        round(target.latitude, 5), round(target.longitude, 5)):  # fmt: skip
        return None
    named = target.name if choice.candidate is not None else choice.name
    old = ([now[2]] if now else []) + list(spellings)
    return summary_for_place(summary, old, named)


def teach_by_default(spellings: Sequence[str], choice: PlaceChoice) -> bool:
    """Whether the articles' spellings should teach the gazetteer this place, unless the
    analyst says otherwise: when the place chosen bears the name the sentence wrote (a
    wrong homonym corrected, or an unknown name placed), not when the event is moved to
    another place than the one named."""
    chosen = choice.as_candidate().name
    names = [chosen] + ([choice.name] if choice.name and choice.candidate is None else [])
    return not spellings or any(same_name(s, n) for s in spellings for n in names)


def rank_candidates(found: Iterable[Candidate], limit: int = 12) -> list[Candidate]:
    """Candidates found under several spellings, each once: the project's places first (as
    found: the analysts' own, then curated), then the others nearest the article's other
    places (by 100 km band) and most populous."""
    unique = unique_candidates(found, limit=10_000)
    project = [c for c in unique if c.place_id]
    others = sorted(
        (c for c in unique if not c.place_id),
        key=lambda c: ((c.km_from_others or 0) // 100, -(c.population or 0)),
    )
    return (project + others)[:limit]
