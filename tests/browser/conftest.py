"""The browser tests' shared fixtures: the app on its default data, and headless Chromium.

Both are per module (a module may define its own `server` for another store); the sync
Playwright API cannot nest, so each module gets its own browser."""

from __future__ import annotations

import pytest

from tests.browser.serving import CHROMIUM, LAUNCH_ARGS, SHOTS, running_app


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on the embedded default data (the store folder does not exist)."""
    with running_app({"CONFLICT_STORE": str(tmp_path_factory.mktemp("s") / "absent")}) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        SHOTS.mkdir(parents=True, exist_ok=True)
        yield chromium
        chromium.close()
