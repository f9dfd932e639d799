"""AppTest leaves the app's script as __main__; the suite's fixture puts the real one back,
because spawned workers (the extraction pool, Dask) run __main__'s file again."""

from __future__ import annotations

import sys

from streamlit.testing.v1 import AppTest

from tests.conftest import main_module_kept


def _tiny_app() -> None:
    import streamlit as st

    st.write("hello")


def test_apptest_replaces_main_and_the_fixture_puts_it_back():
    before = sys.modules["__main__"]
    with main_module_kept():
        AppTest.from_function(_tiny_app).run()
        replaced = sys.modules["__main__"]
    assert replaced is not before  # Streamlit's behaviour: why the fixture exists
    assert getattr(replaced, "__file__", "") != getattr(before, "__file__", None)
    assert sys.modules["__main__"] is before
