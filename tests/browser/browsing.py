"""Headless Chromium for the browser tests: a page opened offline with all it tries recorded.

Needs Debian's `chromium` and the `playwright` package (no Playwright browser download). Without
them the tests skip, unless SURVEYKG_REQUIRE_BROWSER=1 or CI=true, where they fail instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.export.html.headless import CHROMIUM_ARGS

RECORD_DIALOGS = """
window.__alerts = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__alerts.push(name + ": " + args.map(String).join(" ")); };
}
"""
READY = "() => window.__kgReady !== undefined"
REQUIRED = os.environ.get("SURVEYKG_REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true"


def unavailable(reason: str) -> None:
    """Skip with the reason, or fail where the browser tests must run (CI)."""
    if REQUIRED:
        pytest.fail(
            f"{reason}; the browser tests are required here (CI or SURVEYKG_REQUIRE_BROWSER=1)"
        )
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed: pip install -e '.[test]'")
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        unavailable("chromium is not installed: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """One page opened in a fresh context, with everything it tried to do recorded."""

    page: Any
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def js(self, expression: str, arg: object = None) -> Any:
        return self.page.evaluate(expression, arg)

    def quiet(self) -> None:
        """No console error, no request beyond the file itself, no dialog, nothing blocked."""
        assert self.errors == []
        assert self.blocked == []
        assert all(url.startswith(("file:", "data:")) for url in self.requests), self.requests
        assert self.dialogs == [] and self.js("() => window.__alerts") == []


def visit(browser: Any, path: Path, ready: str = READY) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
    page = context.new_page()
    seen = Visit(page)
    context.route("**/*", seen.route)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda err: seen.errors.append(str(err)))
    page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
    page.add_init_script(RECORD_DIALOGS)
    page.goto(path.as_uri())
    page.wait_for_function(ready, timeout=60_000)
    yield seen
    context.close()
