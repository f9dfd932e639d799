"""When the map's sources line leaves outlets out ("... and 3 more (all listed below)"), the
folded "All N sources" is printed open: a paper-only line names every outlet (a folded
expander printed as a closed control, the names it points to unsaid)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard import sources_line
from dashboard.text import markdown_text
from tests.dashboard.conftest import APP

OUTLETS = [
    "AP story in a newspaper reprint",
    "Agence France-Presse",
    "Associated Press",
    "CBC News",
    "Unnamed UAE outlet (AFP material)",
]


def test_a_cut_sources_line_prints_every_outlet(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent"))
    # the page (a script Streamlit runs) imports these: a 40-character line leaves some out
    cut, summary = sources_line.is_cut, sources_line.outlets_summary
    monkeypatch.setattr(sources_line, "is_cut", lambda outlets, _=0: cut(outlets, 40))
    monkeypatch.setattr(sources_line, "outlets_summary", lambda outlets, _=0: summary(outlets, 40))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.session_state["map_width_wanted"] = True  # as the browser asks once it can draw it
    at.run()
    assert not at.exception, at.exception
    assert any("all listed below" in c.value for c in at.caption)
    folded = [e for e in at.expander if e.label == "All 5 sources"]
    assert len(folded) == 1
    printed = [c.value for c in at.caption if c.value.startswith("All 5 sources: ")]
    assert len(printed) == 1
    listed = printed[0].removeprefix("All 5 sources: ")
    assert listed == markdown_text(", ".join(OUTLETS))  # as text, never as Markdown
