"""Shared by the browser tests: Debian's Chromium driven by Playwright, and uvicorn on a free loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("RASID_CHROMIUM", "/usr/bin/chromium")
# no background networking, component updates or first-run pages: the machine has no network
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def playwright_or_skip():
    """Playwright's ``sync_playwright``, or skip the test when Chromium or the package is missing."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set RASID_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install playwright)")
    return sync_playwright


def launch(pw):
    """Chromium from the machine (never a downloaded browser)."""
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


class LiveServer:
    """uvicorn serving ``app`` on 127.0.0.1 (a free port) in a thread; ``with LiveServer(app) as base_url``."""

    def __init__(self, app):
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return f"http://127.0.0.1:{self.port}"
            time.sleep(0.05)
        raise RuntimeError("uvicorn did not start within 10 s")

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
