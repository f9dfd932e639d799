"""The briefing view: the reader's filters (same URL parameters) as one slide or A4 page,
with an editable title and downloads, and no sidebar or Streamlit chrome.

    /?briefing=slide|a4&show=both|map|timeline&title=...&from=...&to=...&outlets=...

What is on screen is the server's own render (`dashboard.export`), so the PNG, SVG and PDF
downloaded are exactly what the briefer saw.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import streamlit as st

from dashboard.briefing import SHOW, SIZES, briefing_params, clean_title
from dashboard.components.loader import Data, load_data, store_stamp
from dashboard.data import LOAD_ERRORS, load_error_message
from dashboard.export import default_title_of, render, slide
from etl.settings import Paths
from etl.store import current_build

LOG = logging.getLogger("dashboard")
#: Our own constant CSS: the page is the slide, without the app's header, toolbar or sidebar.
CHROME = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stDecoration"] {display: none !important;}
[data-testid="stMainBlockContainer"] {padding: 0.5rem 1.2rem 0.5rem 1.2rem; max-width: 100%;}
[data-testid="stElementContainer"]:has([data-testid="stImage"]), [data-testid="stImage"] {
  width: 100% !important; max-width: 100% !important;}
[data-testid="stImage"] img {height: auto !important; margin: 0 auto; display: block;}
</style>"""
BRIEFING_KEYS = ("briefing", "show", "title")
SHOW_LABELS = {"both": "Map and timeline", "map": "Map", "timeline": "Timeline"}
SIZE_LABELS = {"slide": "Slide 16:9", "a4": "A4 page"}
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


@st.cache_data(max_entries=24, show_spinner="Drawing the slide…")
def _png(store: str, stamp: float, params: tuple[tuple[str, str], ...]) -> bytes:
    """The slide as shown on screen (cached per view and build)."""
    data = load_data(Paths.from_env())
    return _render(data, dict(params), "png", 1.0)


def _render(data: Data, params: dict[str, str], fmt: str, scale: float) -> bytes:
    build = current_build(Paths.from_env().store)
    figure, _ = slide(data.view, data.loaded.tables, data.basemap, params,
                      names=data.batch_names, build=build.name if build else None)  # fmt: skip
    return render(figure, fmt, scale)


def _download(data: Data, params: dict[str, str], fmt: str, scale: float = 1.0):
    """A callable for st.download_button: drawn only when the briefer clicks."""
    return lambda: _render(data, params, fmt, scale)


def _controls(data: Data, params: dict[str, str]) -> dict[str, str]:
    """One row: title, what to show, the page size, downloads and the way back. The URL
    follows the choices, so a copied link reopens this briefing."""
    show, title, size = briefing_params(params)
    default = default_title_of(data.view, data.options, params)  # names what is shown
    # shares that fit each control whole from a 1280 px window up (the three choices of
    # "Show" and the download button were cut there)
    cols = st.columns([4.6, 3.5, 2.2, 1.6, 2.1], vertical_alignment="bottom")
    title = cols[0].text_input("Title", value=title or default, max_chars=120, key="b_title")
    show = cols[1].segmented_control(
        "Show", SHOW, default=show, format_func=SHOW_LABELS.get, key="b_show"
    )
    page = cols[2].segmented_control(
        "Page", list(SIZE_LABELS), default=size.name if size.name in SIZES else "slide",
        format_func=SIZE_LABELS.get, key="b_size",
    )  # fmt: skip
    chosen = dict(params) | {"briefing": page or "slide", "show": show or "both", "title": title}
    if clean_title(title) in ("", default):  # a link without a title names what it shows
        chosen.pop("title")
    if st.query_params.to_dict() != chosen:
        st.query_params.clear()
        st.query_params.update(chosen)
    with cols[3].popover("Download", icon=":material/download:"):
        _downloads(data, chosen)
    back = {k: v for k, v in chosen.items() if k not in BRIEFING_KEYS}
    cols[4].markdown(f"[← Timeline and map](./?{urlencode(back)})")
    return chosen


def _downloads(data: Data, params: dict[str, str]) -> None:
    name = "briefing_" + params["show"]
    width, height = briefing_params(params)[2].pixels
    buttons = [
        (f"PNG {width}×{height}", "png", 1.0, f"{name}.png"),
        (f"PNG {2 * width}×{2 * height} (print)", "png", 2.0, f"{name}@2x.png"),
        ("SVG", "svg", 1.0, f"{name}.svg"),
        ("PDF", "pdf", 1.0, f"{name}.pdf"),
    ]
    for label, fmt, scale, file_name in buttons:
        st.download_button(
            label,
            _download(data, params, fmt, scale),
            file_name=file_name,
            mime=MIME[fmt],
            on_click="ignore",
            width="stretch",
        )


def render_briefing() -> None:
    st.html(CHROME)
    paths = Paths.from_env()
    try:
        data = load_data(paths)
    except LOAD_ERRORS as error:
        LOG.error("could not load the data (store %s)", paths.store, exc_info=error)
        st.error(load_error_message(error, paths), icon="⚠️")
        return
    params = _controls(data, st.query_params.to_dict())
    png = _png(str(paths.store), store_stamp(paths), tuple(sorted(params.items())))
    width, height = briefing_params(params)[2].pixels
    # a slide fits the window whole; a page is read at a readable width and scrolled
    fit = "calc((100vh - 96px) * %.4f)" % (width / height) if width > height else "820px"
    st.html(f'<style>[data-testid="stImage"] img {{width: min(100%, {fit}) !important;}}</style>')
    st.image(png, width=width)  # its own pixels: Streamlit would shrink a wider one to 1460


render_briefing()
