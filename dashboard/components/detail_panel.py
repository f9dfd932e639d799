"""The event detail panel: every claim behind the chosen event, quote by quote."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.detail import event_claims, event_figures, figure_ranges
from dashboard.text import markdown_text

STANCE_WORDS = {
    "asserted": "says",
    "unverified": "reports, unverified",
    "denied": "denies",
    "expected": "expects",
}


def render_detail(claims: pd.DataFrame, figures: pd.DataFrame, event: Mapping[str, Any]) -> None:
    """Summary, date and place, figures side by side, then each claim with its exact quote."""
    st.markdown(
        f"**{markdown_text(event['label'])}** · {markdown_text(event['place'])}"
        f" · {markdown_text(event['date_text'])} ({markdown_text(event['precision_text'])})"
    )
    if event.get("review_status") == "pending":
        st.warning(
            "Extracted automatically from the article text and not yet reviewed by an analyst. "
            "Check the quotes below before relying on it."
        )
    st.markdown(markdown_text(event["summary"]))
    if isinstance(event.get("date_note"), str) and event["date_note"]:
        st.caption("How the date is known: " + markdown_text(event["date_note"]))
    st.caption(
        f"{int(event['n_claims'])} claim(s) from {int(event['independent_sources'])} "
        f"independent source(s); ACLED: {markdown_text(event['acled_event_type'])} / "
        f"{markdown_text(event['acled_sub_event_type'])}"
    )
    figures = event_figures(figures, claims, event["event_id"])
    if not figures.empty:
        st.markdown("**Figures, by source**")
        st.dataframe(
            figures[["quantity", "value", "outlet", "claimant", "raw"]],
            hide_index=True,
            width="stretch",
        )
        ranges = figure_ranges(figures)
        spread = ranges[(ranges["sources"] > 1) & (ranges["low"] != ranges["high"])]
        for _, r in spread.iterrows():
            st.caption(
                f"Sources differ on {markdown_text(r['quantity'])}: "
                f"{r['low']:,.0f} to {r['high']:,.0f} across {int(r['sources'])} outlets."
            )
    st.markdown("**Claims**")
    for _, claim in event_claims(claims, event["event_id"]).iterrows():
        with st.container(border=True):
            st.markdown(
                f"**{markdown_text(claim['outlet'])}** · {markdown_text(claim['published'])}"
                f" · {markdown_text(claim['claimant'])} "
                f"({markdown_text(STANCE_WORDS.get(claim['stance'], claim['stance']))})"
            )
            st.markdown("> " + markdown_text(claim["quote"]))
            if claim["sentence"] != claim["quote"]:
                st.caption("Sentence: " + markdown_text(claim["sentence"]))
            found_by = " · found by the extractor" if claim.get("origin") == "extracted" else ""
            st.caption(
                f"{markdown_text(claim['title'])} · characters "
                f"{claim['char_start']}–{claim['char_end']}{found_by}"
            )
