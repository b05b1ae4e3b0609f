"""Shared test fixtures. Tests that need ../shared skip with a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (the shared data folder is absent on this machine)")
    return path


@pytest.fixture
def shared():
    return shared_path


@pytest.fixture(scope="session")
def kb():
    from rasid.actors.kb import default_kb

    return default_kb()


@pytest.fixture
def analyze(kb):
    """Analyse a raw scrape or a body text written in a test."""
    from rasid.model import Document
    from rasid.pipeline import run

    def _analyze(text: str, published: str | None = "2024-11-30T12:00:00", title: str = "عنوان تجريبي"):
        fields = {"title": title, "published": published}
        return run(Document(origin="test", content=text, format="record", fields=fields), kb)

    return _analyze
