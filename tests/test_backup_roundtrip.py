"""rasid.backup: dump a store to JSON Lines and restore it; the table contents come back identical."""

from __future__ import annotations

import io
import json
import os
import uuid

import pytest
import sqlalchemy as sa
from backup_support import fill, snapshot

from rasid.backup import FORMAT, VERSION, dump, restore
from rasid.errors import StoreError
from rasid.store import open_store
from rasid.store.db import head_revision


@pytest.fixture
def filled(tmp_path, kb):
    store = open_store(tmp_path / "source.db")
    fill(store, kb)
    yield store
    store.close()


def _dump(store) -> str:
    buf = io.StringIO()
    dump(store, buf)
    return buf.getvalue()


def _lines(text: str) -> list[str]:
    """JSON Lines split on "\n" only (str.splitlines would also split inside U+2028 in a value)."""
    return text.rstrip("\n").split("\n")


def test_dump_format(filled):
    lines = _lines(_dump(filled))
    header, footer = json.loads(lines[0]), json.loads(lines[-1])
    assert header["format"] == FORMAT and header["version"] == VERSION
    assert header["alembic_revision"] == head_revision()
    names = [t["name"] for t in header["tables"]]
    for table in ("articles", "sentences", "mentions", "statements", "targets", "rejections", "seen_urls",
                  "ingest_ledger", "corrections", "search_docs"):
        assert table in names, table
    assert "alembic_version" not in names and not any(n.startswith("search_fts") for n in names)
    assert names.index("articles") < names.index("statements") < names.index("targets")
    assert footer["end"] is True
    assert sum(footer["rows"].values()) == len(lines) - 2
    assert all(footer["rows"][t] > 0 for t in ("articles", "statements", "targets", "rejections", "seen_urls",
                                              "ingest_ledger", "corrections", "search_docs"))


def test_sqlite_round_trip_is_identical(filled, tmp_path):
    text = _dump(filled)
    with open_store(tmp_path / "copy.db") as copy:
        counts = restore(copy, io.StringIO(text))
        assert snapshot(copy.engine) == snapshot(filled.engine)
        assert counts == json.loads(_lines(text)[-1])["rows"]
        assert [a.id for a in copy.articles()] == [a.id for a in filled.articles()]
        assert copy.get_article("art-tricky") == filled.get_article("art-tricky")
        assert copy.get_article("art-tricky").text == "قال «نعم»\u2028ثم غادر\r\nوانتهى."
        from rasid.web.search import search

        # "Salvation": the full-text index is rebuilt from search_docs
        assert search(copy.engine, "الإنقاذ") == search(filled.engine, "الإنقاذ")
        assert _lines(_dump(copy))[1:] == _lines(text)[1:]  # a second dump is the same, but for the date


def test_restore_from_a_file_in_bytes(filled, tmp_path):
    path = tmp_path / "backup.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        dump(filled, fh)
    with open_store(tmp_path / "copy.db") as copy, path.open("rb") as fh:
        restore(copy, fh)
        assert snapshot(copy.engine) == snapshot(filled.engine)


def test_restore_refuses_a_store_that_is_not_empty(filled):
    with pytest.raises(StoreError, match="not empty"):
        restore(filled, io.StringIO(_dump(filled)))


def test_restore_refuses_a_cut_dump_and_writes_nothing(filled, tmp_path):
    lines = [line + "\n" for line in _lines(_dump(filled))]
    with open_store(tmp_path / "copy.db") as copy:
        with pytest.raises(StoreError, match="cut short"):
            restore(copy, io.StringIO("".join(lines[:-1])))
        assert all(not rows for rows in snapshot(copy.engine).values())
        with pytest.raises(StoreError, match="do not match"):
            restore(copy, io.StringIO("".join(lines[:3] + lines[-1:])))
        assert all(not rows for rows in snapshot(copy.engine).values())


@pytest.mark.parametrize("first, message", [
    ('{"format": "other"}\n', "not a rasid dump"),
    ('{"format": "rasid-dump", "version": 99}\n', "version 99"),
    ('{"format": "rasid-dump", "version": 1, "alembic_revision": "0001", "tables": []}\n', "revision"),
    ("", "empty"),
    ("not json\n", "not JSON"),
])
def test_restore_refuses_foreign_files(tmp_path, first, message):
    with open_store(tmp_path / "copy.db") as copy:
        with pytest.raises(StoreError, match=message):
            restore(copy, io.StringIO(first))


@pytest.mark.sqlite_only
def test_a_new_table_is_included(filled, tmp_path):
    """Tables are discovered by reflection: one added by a later migration is dumped and restored."""
    with filled.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, data BLOB, extra JSON)")
        conn.exec_driver_sql("INSERT INTO notes VALUES (1, 'ملاحظة', X'00FF10', '{\"a\": [1]}'), (2, NULL, NULL, NULL)")
    text = _dump(filled)
    assert any(json.loads(line).get("table") == "notes" for line in _lines(text)[1:-1])
    with open_store(tmp_path / "copy.db") as copy:
        with copy.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, data BLOB, extra JSON)")
        restore(copy, io.StringIO(text))
        assert snapshot(copy.engine) == snapshot(filled.engine)


PG_URL = os.environ.get("RASID_TEST_POSTGRES_URL")


@pytest.mark.skipif(not PG_URL, reason="set RASID_TEST_POSTGRES_URL=postgresql://user@host:port/db to run the "
                                       "SQLite -> PostgreSQL -> SQLite backup round trip")
def test_sqlite_postgres_sqlite_round_trip(filled, tmp_path):
    from rasid.store import resolve_url

    admin = sa.create_engine(resolve_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"rasid_backup_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        pg_url = resolve_url(PG_URL).set(database=name).render_as_string(hide_password=False)
        with open_store(pg_url) as pg:
            restore(pg, io.StringIO(_dump(filled)))
            assert snapshot(pg.engine) == snapshot(filled.engine)
            # serial ids continue after the restored ones
            from rasid.model import Rejection

            pg.record_rejection(Rejection("z.txt", "read", "the file is empty"))
            back = _dump(pg)
            assert len(pg.rejections()) == len(filled.rejections()) + 1
        with open_store(tmp_path / "back.db") as copy:
            restore(copy, io.StringIO(back))
            filled.record_rejection(Rejection("z.txt", "read", "the file is empty"))
            before, after = snapshot(filled.engine), snapshot(copy.engine)
            # created_at of the new rejection differs by the clock; everything else is identical
            assert {k: v for k, v in before.items() if k != "rejections"} == \
                   {k: v for k, v in after.items() if k != "rejections"}
            assert [r[:4] for r in before["rejections"]] == [r[:4] for r in after["rejections"]]
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
