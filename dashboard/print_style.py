"""How the reader's page prints (the browser's Print, or Save as PDF): the page, not the app.

Printed as it was, the page carried the filter sidebar on every sheet and lost the map's
basemap: the sheet is narrower than the screen, so the map's box was resized, and Streamlit
drew the deck anew at once, before deck.gl had loaded its basemap images (`BitmapLayer`s load
them asynchronously), leaving markers and labels on white. In print the sidebar, the app's
header, the charts' toolbars, the download buttons and the event search box are hidden and
the sheet is landscape; just before printing a small fixed script holds the map's box at the
width it has on screen (and lets it go after),
so the canvas, basemap included, is printed as drawn; a chart wider than a landscape sheet
(the timeline on a wide screen, cut at the sheet's edge) is shrunk to fit it, and the timeline
to fit under the title on the first sheet (kept whole, it went to the second, and the first
sheet held the title alone).
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
    # controls that do nothing on paper: the downloads (and their row) and the empty event
    # search box
    '[data-testid="stDownloadButton"]',
    ".st-key-downloads",
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
#: The first chart (the timeline) is also shrunk to fit under the page's title and headline
#: on the first sheet: kept whole, at its screen height (972 px with the default data) it
#: did not fit there and went to the second sheet, leaving the first nearly blank. A
#: landscape A4 sheet holds about 718 CSS px at the browser's default margins (Letter 739);
#: the page's top padding is dropped in print, and some room kept. The title and headline
#: above the timeline are measured in the page as drawn, the text under the title taken to
#: wrap onto more lines in proportion when the screen's column is wider than the sheet
#: (at 1920x1080 the headline measured on screen was shorter than on paper, and the
#: timeline went to the second sheet again).
FIRST_SHEET_PX = 700
TITLE = "h1"
MAIN = '[data-testid="stMainBlockContainer"]'

#: The charts printed as a still copy of their drawing (paper only): zooming the live
#: chart (CSS zoom, as before) made Streamlit report its zoomed height to Plotly, which drew
#: the timeline again in half its height at the same font size: bars on top of each other,
#: the legend over the axis and the sources line (seen in page.pdf(), 1280x720 and 1920x1080).
#: The copy is the chart's SVG as drawn on screen, scaled; the live chart is not printed.
PRINT_COPY = "conflict-print-chart"
#: Fixed text, no data in it; registered once per page (the flag), whatever the reruns.
_SCRIPT = (
    "<script>if (!window.__conflictPrintHold) { window.__conflictPrintHold = true;"
    f" const held = {list(HELD)!r};"
    " const still = (chart, zoom) => {"
    "  const plot = chart.querySelector('.svg-container'); if (!plot) return;"
    "  const r = plot.getBoundingClientRect(), copy = plot.cloneNode(true);"
    # ids made unique, and the clip paths the copy refers to its own
    "  copy.querySelectorAll('[id]').forEach((e) => { e.id = 'print-' + e.id; });"
    "  copy.querySelectorAll('*').forEach((e) => { for (const a of [...e.attributes]) {"
    "   if (a.value.includes('url(')) e.setAttribute(a.name,"
    "    a.value.replace(/url\\((['\"]?)#/g, 'url($1#print-')); } });"
    # the layers stacked as Plotly's own style (scoped to its plot) stacks them
    "  copy.querySelectorAll('.main-svg').forEach((e) => { e.style.position = 'absolute';"
    "   e.style.top = '0'; e.style.left = '0'; });"
    "  copy.style.position = 'relative';"
    "  copy.style.transform = 'scale(' + zoom + ')'; copy.style.transformOrigin = '0 0';"
    "  const paper = document.createElement('div');"
    f"  paper.className = '{PRINT_COPY}'; paper.dataset.zoom = String(zoom);"
    "  paper.style.width = r.width * zoom + 'px'; paper.style.height = r.height * zoom + 'px';"
    "  paper.appendChild(copy); chart.after(paper); };"
    " window.addEventListener('beforeprint', () => {"
    f"  document.querySelectorAll('.{PRINT_COPY}').forEach((c) => c.remove());"
    f"  document.querySelectorAll('{MAP}').forEach((box) => {{"
    "   const px = box.getBoundingClientRect().width + 'px';"
    "   held.forEach((p) => box.style.setProperty(p, p === 'flex' ? 'none' : px, 'important'));"
    "  });"
    f"  const title = document.querySelector('{TITLE}');"
    f"  document.querySelectorAll('{CHARTS}').forEach((chart, i) => {{"
    "   const rect = chart.getBoundingClientRect();"
    f"   let zoom = Math.min(1, {SHEET_PX} / rect.width);"
    "   if (i === 0 && title) {"
    "    const t = title.getBoundingClientRect();"
    f"    const wraps = Math.max(1, t.width / {SHEET_PX});"
    "    const above = t.height + (rect.top - t.top - t.height) * wraps;"
    f"    const room = {FIRST_SHEET_PX} - above;"
    "    if (room > 200) zoom = Math.min(zoom, room / rect.height); }"
    "   still(chart, zoom);"
    "  }); });"
    " window.addEventListener('afterprint', () => {"
    f"  document.querySelectorAll('{MAP}').forEach((box) => {{"
    "   held.forEach((p) => box.style.removeProperty(p)); });"
    f"  document.querySelectorAll('.{PRINT_COPY}').forEach((c) => c.remove()); }}); }}</script>"
)


#: Shown on paper only (`dashboard/components/events_table.py`): the note in place of the
#: folded events table (the folded expander itself is hidden there), the open table as
#: an HTML table (`dashboard/print_table.py`) in place of the grid, a canvas that scrolls,
#: and every source named, in place of the folded "All N sources" (`dashboard/app_pages/reader.py`).
PAPER_ONLY = ".st-key-table_print_note, .st-key-table_print, .st-key-sources_print"
FOLDED = ".st-key-table_open:not(:has(details[open])), .st-key-sources_all"
#: Any other folded section (the event detail's "N more claims from ..."; its claims are sent
#: only when it is opened) printed as its label and a line saying it is not on the sheet: it
#: printed as a closed expander, a control that does nothing on paper.
CLOSED_SUMMARY = '[data-testid="stExpander"] details:not([open]) > summary'
CLOSED_NOTE = "Folded on the page, so not in this printout: open it and print again."
GRID = '.st-key-table_open [data-testid="stDataFrame"]'
TABLE_STYLE = (
    "table.print-events { border-collapse: collapse; width: 100%; font-size: 10px; }"
    "table.print-events th, table.print-events td { border: 1px solid #ccc; padding: 2px 4px;"
    " text-align: left; vertical-align: top; }"
    "table.print-events tr { break-inside: avoid; }"
    "table.print-events thead { display: table-header-group; }"
)


def reader_print_html() -> str:
    """The reader page's print style and the script that holds the map's width in print."""
    return (
        f"<style>{PAPER_ONLY}, .{PRINT_COPY} {{ display: none; }} @media print {{"
        f"{PAPER_ONLY} {{ display: block !important; }}"
        f"{FOLDED}, {GRID} {{ display: none !important; }}"
        # the live chart gives way to its still copy on paper
        f".{PRINT_COPY} {{ display: block !important; overflow: hidden; break-inside: avoid; }}"
        f"{CHARTS}:has(+ .{PRINT_COPY}) {{ display: none !important; }}"
        f"*:has(> .{PRINT_COPY}), .stElementContainer:has(.{PRINT_COPY}) {{"
        " height: auto !important; min-height: 0 !important; }"
        f"{CLOSED_SUMMARY} {{ flex-wrap: wrap; }}"
        f'{CLOSED_SUMMARY}::after {{ content: "{CLOSED_NOTE}"; flex-basis: 100%;'
        " font-size: 0.8em; font-style: italic; color: #555; }"
        + TABLE_STYLE
        + f"{MAIN} {{ padding-top: 0 !important; }}"
        "@page { size: landscape; }"
        f"{', '.join(HIDDEN)} {{ display: none !important; }}"
        f"{', '.join(WHOLE)} {{ break-inside: avoid; }}"
        f"{', '.join(UNROLLED)} {{ height: auto !important; max-height: none !important;"
        " overflow: visible !important; }"
        "}</style>" + _SCRIPT
    )
