"""Shared test fixtures. Tests that need ../shared skip with a clear message when it is absent."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

BACKEND = os.environ.get("RASID_TEST_BACKEND", "sqlite")
PG_URL = os.environ.get("RASID_TEST_POSTGRES_URL")

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


def _analyzer(kb, models):
    from rasid.model import Document
    from rasid.pipeline import Pipeline

    pipeline = Pipeline(kb, models)

    def _analyze(text: str, published: str | None = "2024-11-30T12:00:00", title: str = "عنوان تجريبي"):
        fields = {"title": title, "published": published}
        return pipeline.run(Document(origin="test", content=text, format="record", fields=fields))

    return _analyze


@pytest.fixture
def analyze(kb):
    """Analyse a raw scrape or a body text written in a test, with the shipped learned models."""
    from rasid.learn.models import default_models

    return _analyzer(kb, default_models())


@pytest.fixture
def analyze_rules(kb):
    """Analyse a text with the rules alone (no learned model): for tests of what the rules propose."""
    return _analyzer(kb, None)


# --- the second backend ---------------------------------------------------------------
#
# With RASID_TEST_BACKEND=postgresql (and RASID_TEST_POSTGRES_URL naming a server), every store
# a test opens on a SQLite file is opened instead on its own fresh PostgreSQL database, so the
# whole suite runs against both backends. Tests that inspect the SQLite file itself are marked
# ``sqlite_only`` and skip there.

def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test inspects a SQLite file directly")
    if BACKEND != "postgresql":
        return
    if not PG_URL:
        raise pytest.UsageError("RASID_TEST_BACKEND=postgresql needs RASID_TEST_POSTGRES_URL")
    import sqlalchemy as sa

    from rasid.store import db as store_db

    original = store_db.resolve_url
    admin = sa.create_engine(original(PG_URL), isolation_level="AUTOCOMMIT")
    created: set[str] = set()

    def to_postgres(location=None):
        url = original(location)
        if url.get_backend_name() != "sqlite" or not url.database:
            return url
        name = "t_" + hashlib.sha1(url.database.encode()).hexdigest()[:20]
        if name not in created:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            created.add(name)
        return original(PG_URL).set(database=name)

    store_db.resolve_url = to_postgres
    config._rasid_pg = (admin, created)


def pytest_unconfigure(config):
    state = getattr(config, "_rasid_pg", None)
    if state is None:
        return
    import sqlalchemy as sa

    admin, created = state
    with admin.connect() as conn:
        for name in created:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def pytest_collection_modifyitems(config, items):
    if BACKEND != "postgresql":
        return
    skip = pytest.mark.skip(reason="inspects a SQLite file directly; runs in the SQLite pass")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)
