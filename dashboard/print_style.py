"""How the reader's page prints (the browser's Print, or Save as PDF): the page, not the app.

Printed as it was, the page carried the filter sidebar on every sheet and lost the map's
basemap: the sheet is narrower than the screen, so the map's box was resized, and Streamlit
drew the deck anew at once, before deck.gl had loaded its basemap images (`BitmapLayer`s load
them asynchronously), leaving markers and labels on white. In print the sidebar, the app's
header, the charts' toolbars, the download buttons and the event search box are hidden and
the sheet is landscape; just before printing a small fixed script holds the map's box at the
width it has on screen (and lets it go after),
so the canvas, basemap included, is printed as drawn; a chart wider than a landscape sheet
(the timeline on a wide screen, cut at the sheet's edge) is shrunk to fit it.
"""

from __future__ import annotations

#: Streamlit's own chrome, and the charts' toolbars: nothing a printed page needs.
HIDDEN = (
    '[data-testid="stSidebar"]',
    '[data-testid="stSidebarCollapsedControl"]',
    '[data-testid="stHeader"]',
    '[data-testid="stToolbar"]',
    '[data-testid="stDecoration"]',
    '[data-testid="stStatusWidget"]',
    ".modebar-container",
    # controls that do nothing on paper: the downloads and the empty event search box
    '[data-testid="stDownloadButton"]',
    ".st-key-event_find",
)
#: Kept whole on one sheet: the map was cut in two across the first and second sheets
#: (1280x720, A4 landscape), the timeline can be too.
WHOLE = (
    '[data-testid="stDeckGlJsonChart"]',
    '[data-testid="stPlotlyChart"]',
    '.stElementContainer:has([data-testid="stDeckGlJsonChart"])',
    '.stElementContainer:has([data-testid="stPlotlyChart"])',
)
#: The event detail's own scrolling panel (and the box it sits in), printed whole: a sheet
#: cannot scroll, and the claims, who reported what, were cut at the panel's 640 px.
UNROLLED = (".st-key-detail_body", '[data-testid="stLayoutWrapper"]:has(> .st-key-detail_body)')
#: The map's boxes: the deck's and the one its canvas sits in.
MAP = '[data-testid="stDeckGlJsonChart"], [data-testid="stDeckGlJsonChart"] > div'
HELD = ("width", "min-width", "max-width", "flex")

#: The charts (Plotly's SVG keeps its screen width in print): shrunk to fit a landscape sheet,
#: A4 or Letter, at the browser's default margins (about 980 CSS px; some room kept).
CHARTS = '[data-testid="stPlotlyChart"]'
SHEET_PX = 940

#: Fixed text, no data in it; registered once per page (the flag), whatever the reruns.
_SCRIPT = (
    "<script>if (!window.__conflictPrintHold) { window.__conflictPrintHold = true;"
    f" const held = {list(HELD)!r};"
    " window.addEventListener('beforeprint', () => {"
    f"  document.querySelectorAll('{MAP}').forEach((box) => {{"
    "   const px = box.getBoundingClientRect().width + 'px';"
    "   held.forEach((p) => box.style.setProperty(p, p === 'flex' ? 'none' : px, 'important'));"
    "  });"
    f"  document.querySelectorAll('{CHARTS}').forEach((chart) => {{"
    "   const width = chart.getBoundingClientRect().width;"
    "   const box = chart.closest('[data-testid=\"stElementContainer\"]') || chart;"
    f"   if (width > {SHEET_PX}) box.style.zoom = String({SHEET_PX} / width);"
    "  }); });"
    " window.addEventListener('afterprint', () => {"
    f"  document.querySelectorAll('{MAP}').forEach((box) => {{"
    "   held.forEach((p) => box.style.removeProperty(p)); });"
    f"  document.querySelectorAll('{CHARTS}').forEach((chart) => {{"
    "   (chart.closest('[data-testid=\"stElementContainer\"]') || chart)"
    ".style.removeProperty('zoom'); }); }); }</script>"
)


def reader_print_html() -> str:
    """The reader page's print style and the script that holds the map's width in print."""
    return (
        "<style>@media print {"
        "@page { size: landscape; }"
        f"{', '.join(HIDDEN)} {{ display: none !important; }}"
        f"{', '.join(WHOLE)} {{ break-inside: avoid; }}"
        f"{', '.join(UNROLLED)} {{ height: auto !important; max-height: none !important;"
        " overflow: visible !important; }"
        "}</style>" + _SCRIPT
    )
