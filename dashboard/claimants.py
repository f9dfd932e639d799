"""Claimants grouped under their organisation: the filter offers 'United Nations', the detail
still names the office ('UN human rights office (OHCHR)') (pure, apart from reading the table).

The grouping is a small table in `data/lexicon/organisations.csv`: actor_id, organisation_id,
organisation (its name), note. An actor the table does not list is its own organisation, so a
new claimant needs no row. An organisation id is the id of an actor of that organisation
('un'), so a link that names that actor keeps its meaning.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from etl.settings import ROOT

ORGANISATIONS_CSV = ROOT / "data" / "lexicon" / "organisations.csv"
COLUMNS = ("actor_id", "organisation_id", "organisation")


class OrganisationTableError(ValueError):
    """The organisations table cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Organisations:
    """actor id -> organisation id, and organisation id -> its name."""

    parent: Mapping[str, str]
    names: Mapping[str, str]

    def of(self, actor: str) -> str:
        return self.parent.get(actor, actor)

    def label(self, organisation: str, actor_names: Mapping[str, str]) -> str:
        """The store's name for the organisation's own actor, else the table's."""
        return actor_names.get(organisation) or self.names.get(organisation, organisation)

    def members(self, organisation: str) -> list[str]:
        """Actor ids grouped under an organisation (itself included)."""
        return sorted({organisation, *(a for a, o in self.parent.items() if o == organisation)})


NONE = Organisations(parent={}, names={})


def parse_organisations(rows: Iterable[Mapping[str, str]], source: str) -> Organisations:
    """The table from CSV rows; a broken row is named by `source`:line."""
    parent: dict[str, str] = {}
    names: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        actor, org, name = (" ".join((row.get(c) or "").split()) for c in COLUMNS)
        if not actor or not org or not name:
            raise OrganisationTableError(
                f"{source}:{line}: actor_id, organisation_id and organisation are all needed"
            )
        if actor in parent:
            raise OrganisationTableError(f"{source}:{line}: actor {actor!r} is listed twice")
        if names.get(org, name) != name:
            raise OrganisationTableError(
                f"{source}:{line}: organisation {org!r} is named {names[org]!r} above, "
                f"{name!r} here"
            )
        parent[actor], names[org] = org, name
    nested = sorted(o for o in set(parent.values()) if parent.get(o, o) != o)
    if nested:
        raise OrganisationTableError(
            f"{source}: organisation {nested[0]!r} is itself grouped under "
            f"{parent[nested[0]]!r}; one level only"
        )
    return Organisations(parent=parent, names=names)


def read_organisations(path: Path = ORGANISATIONS_CSV) -> Organisations:
    """The shipped table; a missing file means no grouping (each actor its own organisation)."""
    if not path.exists():
        return NONE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise OrganisationTableError(f"{path}: missing column(s) {', '.join(missing)}")
            return parse_organisations(reader, str(path))
    except (UnicodeDecodeError, csv.Error) as error:
        raise OrganisationTableError(f"{path}: not a UTF-8 CSV file ({error})") from error


@lru_cache(maxsize=1)
def load_shipped() -> tuple[Organisations, str | None]:
    """The shipped table, and the problem that made it unusable (then no grouping at all:
    the page still opens, and says why claimants are not grouped)."""
    try:
        return read_organisations(), None
    except (OrganisationTableError, OSError) as error:
        return NONE, str(error)


def shipped() -> Organisations:
    return load_shipped()[0]


def organisations_of(actors: Iterable[str], table: Organisations) -> list[str]:
    """The organisations behind an event's claimant actors, each once, sorted."""
    return sorted({table.of(a) for a in actors})


def claimant_options(
    actors: Iterable[str], actor_names: Mapping[str, str], table: Organisations
) -> tuple[tuple[str, str], ...]:
    """(organisation id, name) for every organisation behind these actors, by name."""
    orgs = {table.of(a) for a in actors}
    pairs = {(o, table.label(o, actor_names)) for o in orgs}
    return tuple(sorted(pairs, key=lambda p: (p[1].casefold(), p[0])))


def office_text(claimant: str, office: str | None, organisation: str | None) -> str:
    """How the detail names who said it: the words of the article, then the office, then the
    organisation when it differs: 'UN rights chief (Michelle Bachelet) — UN human rights
    office (OHCHR), United Nations'."""
    said = claimant.casefold()
    parts = [p for p in (office, organisation) if isinstance(p, str) and p]
    # a name the article's words already hold ('the Syrian Observatory for Human Rights') is
    # not repeated
    parts = [p for i, p in enumerate(parts) if p not in parts[:i] and p.casefold() not in said]
    return claimant + (" — " + ", ".join(parts) if parts else "")
