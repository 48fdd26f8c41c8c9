"""Start the real page on a free port over a temporary store, and drive it with Debian's Chromium.

Every request that is not to this machine is aborted, so the tests also prove the page works offline.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard.server import command

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(store: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """The dashboard server as `strikemap serve` starts it (dashboard/server.py), on a free port."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen(command(port, "127.0.0.1", store),
                            cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            pass
        time.sleep(0.2)  # waiting for a subprocess to listen, not for the page
    proc.kill()
    raise RuntimeError(f"streamlit did not start:\n{log.read_text()}")


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def app_store(tmp_path_factory) -> tuple[Path, str]:
    """A store holding the sample article and the hostile article."""
    pytest.importorskip("dashboard.store", reason="the dashboard reads the store (dashboard/store.py)")
    from tests.browser.seed_store import fill_store

    path = tmp_path_factory.mktemp("store") / "strikemap.sqlite"
    how = fill_store(path, hostile=True)
    return path, how


@pytest.fixture(scope="session")
def app_url(app_store, tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need {CHROMIUM} (make browser-deps)")
    log = tmp_path_factory.mktemp("logs") / "streamlit.log"
    proc, url = start_app(app_store[0], log)
    yield url
    stop_app(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page with outside requests blocked and every JS dialog recorded."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        page.route("**/*", self._route)
        page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        if url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=path, full_page=True)
        return path


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
    yield Page(context.new_page())
    context.close()
