"""A lower bound for `bench_browser.py`: a Streamlit page with nothing but a title, one small
Plotly chart and one small pydeck map, in the project's config.

    .venv/bin/python scripts/bench_browser.py --launcher run --app scripts/bare_page.py \\
        --first-page default

What the reader's page cannot beat in the same Chromium: Streamlit's own JavaScript, Plotly's
and deck.gl's bundles and one WebGL context in software (SwiftShader). With BARE_PAGE_MAP=0
in the environment (and `bench_browser.py --no-map`) the page has no map: a title and the
chart.
"""

import os

import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

st.set_page_config(page_title="Bare page", layout="wide")
st.title("Bare page")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers")))
dot = pdk.Layer(
    "ScatterplotLayer",
    data=[{"position": [40.9, 34.5]}],
    get_position="position",
    get_radius=5000,
    get_fill_color=[0, 114, 178],
)
view = pdk.ViewState(latitude=34.5, longitude=40.9, zoom=5)
if os.environ.get("BARE_PAGE_MAP") != "0":
    st.pydeck_chart(pdk.Deck(layers=[dot], initial_view_state=view, map_style=None), height=520)
