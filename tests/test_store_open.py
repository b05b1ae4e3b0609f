"""open_store creates, migrates and reopens databases, and explains failures."""

from __future__ import annotations

import sqlite3

import pytest
from store_samples import salvation_article

from rasid.errors import StoreError
from rasid.store import DEFAULT_DB_ENV, default_db_url, open_store, resolve_url

TABLES = {"articles", "sentences", "mentions", "statements", "targets", "rejections", "alembic_version"}


@pytest.mark.sqlite_only
def test_migration_creates_tables_on_a_fresh_file(tmp_path):
    path = tmp_path / "sub" / "fresh.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert TABLES <= names
    from rasid.store.db import head_revision

    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "again.db"
    with open_store(path) as store:
        store.save(salvation_article())
    with open_store(f"sqlite:///{path}") as store:
        assert store.counts()["articles"] == 1
        assert store.get_article("art-salvation") == salvation_article()
        assert store.save(salvation_article()) is False


@pytest.mark.sqlite_only
def test_foreign_keys_are_enforced(tmp_path):
    import sqlalchemy as sa

    with open_store(tmp_path / "fk.db") as store, store.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.sqlite_only
def test_default_url_comes_from_env(monkeypatch, tmp_path):
    monkeypatch.delenv(DEFAULT_DB_ENV, raising=False)
    assert default_db_url() == "rasid.db"
    target = tmp_path / "env.db"
    monkeypatch.setenv(DEFAULT_DB_ENV, str(target))
    assert default_db_url() == str(target)
    open_store(None).close()
    assert target.exists()


def test_url_forms():
    assert resolve_url("postgresql://u:p@localhost/rasid").drivername == "postgresql+psycopg"
    assert resolve_url("postgresql+psycopg://u@localhost/rasid").drivername == "postgresql+psycopg"
    assert resolve_url("sqlite:////tmp/x.db").database == "/tmp/x.db"
    assert resolve_url("rel/x.db").database.endswith("rel/x.db")
    assert resolve_url(":memory:").database in (None, "")


def test_memory_store_works():
    with open_store(":memory:") as store:
        assert store.save(salvation_article()) is True
        assert store.get_article("art-salvation") == salvation_article()


@pytest.mark.parametrize("bad", ["mysql://u@h/db", "not a url://x"])
def test_unsupported_urls_raise_store_error(bad):
    with pytest.raises(StoreError) as info:
        open_store(bad)
    assert info.value.hint


@pytest.mark.sqlite_only
def test_a_file_that_is_not_a_database_raises_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 50)
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert "notes.db" in str(info.value)
    assert "not a rasid SQLite database" in (info.value.hint or "")


@pytest.mark.sqlite_only
def test_a_directory_raises_store_error(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


@pytest.mark.sqlite_only
def test_a_migration_stopped_midway_leaves_nothing_behind(tmp_path, monkeypatch):
    # a process killed (or failing) while it creates the schema of a new database must leave a file
    # the next run migrates from scratch: the schema is created in one transaction
    from alembic import command

    real_upgrade = command.upgrade

    def stop_after_the_first_revision(config, revision):
        real_upgrade(config, "0002")
        raise RuntimeError("stopped midway")

    path = tmp_path / "half.db"
    monkeypatch.setattr(command, "upgrade", stop_after_the_first_revision)
    with pytest.raises(StoreError):
        open_store(path)
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    con.close()
    assert not tables & TABLES, tables
    monkeypatch.setattr(command, "upgrade", real_upgrade)
    open_store(path).close()  # the next run creates every table


def test_head_revision_is_read_without_alembic_as_alembic_reads_it():
    # a database at the head is opened without importing alembic (start-up): the head read from
    # the migration scripts must be alembic's
    from rasid.store.db import _script_head, head_revision

    assert _script_head() == head_revision()


@pytest.mark.sqlite_only
def test_an_older_database_is_still_migrated(tmp_path):
    from alembic import command

    from rasid.store.db import _alembic_config, connect, head_revision

    path = tmp_path / "old.db"
    engine = connect(path)
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0006")
    engine.dispose()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0006",)]
    con.close()
    open_store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'shift_state'").fetchone() == (1,)
    con.close()
