"""The reader's page on screen: Streamlit's header made a hair translucent, so that a map
scrolled up under it is drawn whole.

Chromium leaves out the part of a WebGL canvas that an opaque layer covers, and in software
WebGL (SwiftShader: `--disable-gpu`, headless, a machine without a usable GPU) it left out as
many rows again at the canvas's bottom: with the map's top scrolled 150 px above the window,
the 60 px header hid 210 rows of it, and the map's lowest 210 rows were drawn blank
(background only, no basemap, no markers) until it was scrolled back fully into view. The
same happens on a bare `st.pydeck_chart` page and on a plain HTML page with a WebGL canvas
under a fixed opaque header (a 2D canvas is drawn whole): Chromium's, not the project's. A
layer that is not opaque hides nothing from the compositor, so the header at opacity 0.999
(no pixel of it changes: 0.1 % of what lies under it is less than one level of 255) leaves
the canvas drawn whole. Screen only: in print the header is hidden (`print_style.HIDDEN`).
"""

from __future__ import annotations

#: The header: fixed at the window's top, the page navigation in it, opaque (the theme's
#: background) in Streamlit's own style.
HEADER = 'header[data-testid="stHeader"]'
#: Below 1: not opaque for Chromium's compositor; as drawn, the same pixels as at 1.
HEADER_OPACITY = 0.999


def map_under_header_style() -> str:
    """The style that keeps a map scrolled under the header drawn whole (see above)."""
    return f"<style>@media screen {{ {HEADER} {{ opacity: {HEADER_OPACITY}; }} }}</style>"
