"""The store on PostgreSQL: runs only when RASID_TEST_POSTGRES_URL names a server to use."""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest
import sqlalchemy as sa
from store_samples import hts_article, salvation_article, undated_article

from rasid.store import open_store, resolve_url

URL = os.environ.get("RASID_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set RASID_TEST_POSTGRES_URL=postgresql://user@host:port/db "
                                                "to run the store tests on PostgreSQL")


@pytest.fixture()
def pg_url():
    """A throwaway database on the server, dropped afterwards."""
    admin = sa.create_engine(resolve_url(URL), isolation_level="AUTOCOMMIT")
    name = f"rasid_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield resolve_url(URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_postgres_round_trip_and_filters(pg_url):
    originals = [salvation_article(), hts_article(), undated_article()]
    with open_store(pg_url) as store:
        assert store.save_many(originals) == [True, True, True]
        assert store.save(salvation_article()) is False
        assert store.get_article("art-salvation") == salvation_article()
        # الانقاذ "the Salvation" without hamza
        assert [st.id for _, st in store.statements(speaker="الانقاذ")] == ["salv-1", "salv-2"]
        assert [st.id for _, st in store.statements(since=date(2024, 3, 11))] == ["salv-2", "hts-1"]
    with open_store(pg_url) as store:
        assert store.counts() == {"articles": 3, "statements": 4, "targets": 3, "rejections": 0}
