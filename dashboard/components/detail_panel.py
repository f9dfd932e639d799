"""The event detail panel: the grade of corroboration, the figures in the sources' own words,
and the claims grouped by source, folded after the first few."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.claimants import Organisations, office_text, shipped
from dashboard.corroboration import CONTESTED, INDEPENDENT_MEANING, grade
from dashboard.detail import (
    claims_by_source,
    event_claims,
    event_figures,
    figure_summaries,
    place_precision,
)
from dashboard.text import markdown_text

STANCE_WORDS = {
    "asserted": "says",
    "unverified": "reports, unverified",
    "denied": "denies",
    "expected": "expects",
}
#: Sources shown open; the rest are folded into one expander.
OPEN_SOURCES = 3
#: Claims shown open for each of those sources; the rest are folded under the source.
OPEN_CLAIMS = 1


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def render_detail(
    claims: pd.DataFrame,
    figures: pd.DataFrame,
    event: Mapping[str, Any],
    organisations: Organisations | None = None,
) -> None:
    """Summary, date and place, the grade, the figures, then the claims by source."""
    where = place_precision(event.get("geo_precision"), event.get("radius_km"))
    st.markdown(
        f"**{markdown_text(event['label'])}** · {markdown_text(event['place'])}"
        + (f" ({where})" if where else "")
        + f" · {markdown_text(event['date_text'])} ({markdown_text(event['precision_text'])})"
    )
    if event.get("review_status") == "pending":
        st.warning(
            "Extracted automatically from the article text and not yet reviewed by an analyst. "
            "Check the quotes below before relying on it."
        )
    st.markdown(markdown_text(event["summary"]))
    mine = event_claims(claims, event["event_id"])
    level = grade(mine, int(event["independent_sources"]))
    icon = "⚠️ " if level.level == CONTESTED else ""
    st.markdown(f"{icon}**{markdown_text(level.words)}**", help=INDEPENDENT_MEANING)
    # one caption of two paragraphs, not two elements (each element is rendered anew by the
    # browser on every rerun: the detail column was most of React's work for a filter click)
    notes = []
    if isinstance(event.get("date_note"), str) and event["date_note"]:
        notes.append("How the date is known: " + markdown_text(event["date_note"]))
    if isinstance(event.get("place_note"), str) and event["place_note"]:
        # 'placed at Hajin, named in the sentence before; approximate, within about 25 km'
        notes.append("How the place is known: " + markdown_text(event["place_note"]))
    notes.append(
        f"ACLED: {markdown_text(event['acled_event_type'])} / "
        f"{markdown_text(event['acled_sub_event_type'])}"
    )
    st.caption("\n\n".join(notes))
    if not figures.empty:  # (joining and grouping no figures drew nothing, in 10-16 ms)
        _render_figures(event_figures(figures, claims, event["event_id"]))
    _render_claims(mine, shipped() if organisations is None else organisations)


def _folded(label: str, key: str) -> DeltaGenerator | None:
    """An expander whose claims are made only while it is open (opening it reruns): a
    claim is a bordered box of three or four elements, and the default event's two closed
    expanders held 65 of the first page's 129 elements, all rendered by the browser before
    the charts were drawn (issue 10)."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def _render_figures(figures: pd.DataFrame) -> None:
    """Each quantity with what every source said, in its words; the numbers come second.

    A list, not a table: at 1280 px the detail column is ~330 px wide, where a table cuts the
    outlet and claimant columns to a few letters."""
    summaries = figure_summaries(figures)
    if not summaries:
        return
    st.markdown("**Figures, in the sources' words**")
    for item in summaries:
        head = f"**{markdown_text(item['quantity'].capitalize())}**"
        if item["unknown"]:  # 'dozens of soldiers': the dead told, not counted
            head += " · toll unknown"
        said = [
            f"“{markdown_text(raw)}” — {markdown_text(outlet)}"
            + (f", per {markdown_text(claimant)}" if claimant and claimant != outlet else "")
            for raw, outlet, claimant in item["said"]
        ]
        if len(said) == 1:  # one source: one line
            st.markdown(f"{head}: {said[0]}")
        else:
            if item["differ"]:
                head += " · sources differ"
            st.markdown(head + "\n" + "\n".join("- " + line for line in said))
        if item["unknown"]:
            st.caption(f"No source counts the dead: the words span {item['numbers']}, not a count.")
        elif item["differ"] and len(said) > 1:
            st.caption(f"In numbers: {item['numbers']}.")


def _render_claims(claims: pd.DataFrame, organisations: Organisations) -> None:
    groups = claims_by_source(claims)
    st.markdown(
        f"**Claims, by source** · {_n(len(claims), 'claim')} from {_n(len(groups), 'outlet')}"
    )
    for number, (outlet, rows) in enumerate(groups[:OPEN_SOURCES]):
        st.markdown(f"**{markdown_text(outlet)}** · {_n(len(rows), 'claim')}")
        for _, claim in rows.head(OPEN_CLAIMS).iterrows():
            _render_claim(claim, organisations)
        folded = rows.iloc[OPEN_CLAIMS:]
        if not folded.empty:
            label = f"{_n(len(folded), 'more claim')} from {markdown_text(outlet)}"
            box = _folded(label, f"detail_fold_{number}")
            if box is not None:
                with box:
                    for _, claim in folded.iterrows():
                        _render_claim(claim, organisations)
    rest = groups[OPEN_SOURCES:]
    if rest:
        names = ", ".join(outlet for outlet, _ in rest)
        label = f"{_n(len(rest), 'more source')}: {markdown_text(names)}"
        box = _folded(label, "detail_fold_rest")
        if box is not None:
            with box:
                for outlet, rows in rest:
                    st.markdown(f"**{markdown_text(outlet)}** · {_n(len(rows), 'claim')}")
                    for _, claim in rows.iterrows():
                        _render_claim(claim, organisations)


def _who(claim: pd.Series, organisations: Organisations) -> str:
    """The claimant as the article names them, then the office, then its organisation."""
    actor = claim.get("claimant_actor")
    organisation = None
    if isinstance(actor, str) and organisations.of(actor) != actor:
        organisation = organisations.names.get(organisations.of(actor))
    return office_text(str(claim["claimant"]), claim.get("claimant_org"), organisation)


def _render_claim(claim: pd.Series, organisations: Organisations) -> None:
    """A bordered box: who says it and when, the quote, then in small print the sentence
    and where it stands, as one caption of two paragraphs (the same look as two captions;
    the browser renders each element anew on every rerun, issue 10). The quote stays an
    element of its own: in one Markdown element with the line above, it sat 16 px closer."""
    with st.container(border=True):
        stance = STANCE_WORDS.get(claim["stance"], claim["stance"])
        st.markdown(
            f"{markdown_text(_who(claim, organisations))} ({markdown_text(stance)})"
            f" · {markdown_text(claim['published'])}"
        )
        st.markdown("> " + markdown_text(claim["quote"]))
        small = []
        if claim["sentence"] != claim["quote"]:
            small.append("Sentence: " + markdown_text(claim["sentence"]))
        found_by = " · found by the extractor" if claim.get("origin") == "extracted" else ""
        small.append(
            f"{markdown_text(claim['title'])} · characters "
            f"{claim['char_start']}–{claim['char_end']}{found_by}"
        )
        st.caption("\n\n".join(small))
