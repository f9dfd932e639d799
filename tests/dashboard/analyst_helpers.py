"""Driving the analyst page with AppTest: the upload fixtures, and finding widgets by label."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.text import WORD_JOINER
from etl.settings import ROOT

APP = str(ROOT / "dashboard" / "app.py")
UPLOADS = Path(__file__).parent / "uploads"
#: The files uploaded in the story, and the zip built from uploads/in_zip (fixed timestamps).
FILES = ("jisr_shelling.txt", "manbij_bombing.md", "hajin_strikes.html")
MIME = {".txt": "text/plain", ".md": "text/markdown", ".html": "text/html"}


def zipped(folder: Path = UPLOADS / "in_zip", prefix: str = "march/") -> bytes:
    """The files of `folder` in a zip, as an archive mailed by a colleague would hold them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            info = zipfile.ZipInfo(prefix + file.name, (2019, 3, 20, 12, 0, 0))
            archive.writestr(info, file.read_bytes())
    return buffer.getvalue()


def story_files() -> list[tuple[str, bytes, str]]:
    """A .txt with a header block, an AP-style .md, an .html page and a .zip of two more."""
    files = [(name, (UPLOADS / name).read_bytes(), MIME[Path(name).suffix]) for name in FILES]
    return [*files, ("march_wires.zip", zipped(), "application/zip")]


def analyst_page(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    """The app opened on its analyst page."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    at.run()
    at.switch_page("app_pages/analyst.py").run()
    assert not at.exception, at.exception
    return at


def sign(at: AppTest, name: str = "Ana Analyst") -> AppTest:
    """Type the name recorded with decisions (asked once per session)."""
    at.text_input(key="analyst_name_given").input(name)
    button(at, "Continue").click().run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    """The button whose label starts with `label` (labels carry counts)."""
    found = [b for b in at.button if b.label.startswith(label)]
    assert found, f"no button {label!r} among {[b.label for b in at.button]}"
    return found[0]


def texts(at: AppTest) -> str:
    """Every text element's value, joined (Markdown as written, escapes included)."""
    parts = [*at.markdown, *at.caption, *at.info, *at.success, *at.error, *at.warning]
    return "\n".join(str(p.value) for p in parts)


def as_read(markdown: str) -> str:
    """What a reader sees of escaped Markdown: escapes undone, invisible joiners dropped."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def chart_event_ids(at: AppTest) -> set[str]:
    """The event ids drawn on the reader's timeline (its points' customdata)."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    found = set()
    for trace in spec["data"]:
        for value in trace.get("customdata") or []:
            found.add(value[0] if isinstance(value, list) else value)
    return found


def ask_for_map(at: AppTest) -> AppTest:
    """What the browser's width probe does once the page above the map is drawn or the reader
    scrolls (`dashboard/components/width_probe.py`, JavaScript AppTest does not run): ask for
    the map and the event detail beside it, which a session's first run leaves out; then the
    next run."""
    at.session_state["map_width_wanted"] = True
    return at.run()


def map_json(at: AppTest) -> str:
    """The reader's map, as the JSON deck.gl receives (non-ASCII letters as they are)."""
    return json.dumps(json.loads(at.get("deck_gl_json_chart")[0].proto.json), ensure_ascii=False)
