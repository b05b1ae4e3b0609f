"""A --db that does not exist: an error for every command that reads, created (and said so) by those that write."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from rasid.cli import app
from rasid.errors import NoSuchDatabase
from rasid.store import check_exists, database_exists, open_store

from conftest import FIXTURES

runner = CliRunner()

# the commands that write create their database; every other command with --db only reads one
CREATES = {"ingest", "watch", "restore", "demo"}
# the arguments a command needs besides --db, to get as far as opening the database
ARGS = {"export": ["articles"], "serve": ["--port", "1"]}


def _commands_with_db() -> dict:
    group = typer.main.get_command(app)
    assert hasattr(group, "commands")
    return {name: cmd for name, cmd in group.commands.items()
            if any("--db" in getattr(p, "opts", ()) for p in cmd.params)}


READERS = sorted(set(_commands_with_db()) - CREATES)


def test_cli_every_command_with_db_is_covered():
    # a new command that takes --db must be listed here: as a reader (tested below) or as a creator
    assert set(_commands_with_db()) == set(READERS) | CREATES
    assert {"statements", "shifts", "export", "dump", "serve"} <= set(READERS)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", READERS)
def test_cli_missing_db_is_an_error(command, tmp_path):
    missing = tmp_path / "typo.db"
    res = runner.invoke(app, [command, *ARGS.get(command, []), "--db", str(missing)])
    assert res.exit_code == 2, res.output
    text = res.output
    assert str(missing) in text and "no such database" in text  # what and why
    assert "--db" in text and f"rasid ingest FILES --db {missing}" in text  # how to fix
    assert not missing.exists()  # and nothing was created


@pytest.mark.sqlite_only
def test_cli_missing_db_from_the_environment_says_so(tmp_path, monkeypatch):
    missing = tmp_path / "env-typo.db"
    monkeypatch.setenv("RASID_DB", str(missing))
    res = runner.invoke(app, ["statements"])
    assert res.exit_code == 2 and "$RASID_DB" in res.output and str(missing) in res.output
    assert not missing.exists()


@pytest.mark.sqlite_only
def test_cli_ingest_creates_the_database_and_says_so(tmp_path):
    db = tmp_path / "new.db"
    res = runner.invoke(app, ["ingest", str(FIXTURES / "scrape_council.txt"), "--db", str(db)])
    assert res.exit_code == 0 and db.exists()
    assert f"rasid: ingest: creating a new database at {db}" in res.output
    again = runner.invoke(app, ["ingest", str(FIXTURES / "scrape_council.txt"), "--db", str(db)])
    assert "creating" not in again.output
    listed = runner.invoke(app, ["statements", "--db", str(db)])
    assert listed.exit_code == 0 and "no such database" not in listed.output


@pytest.mark.sqlite_only
def test_cli_restore_creates_the_database(tmp_path):
    db, copy = tmp_path / "a.db", tmp_path / "b.db"
    runner.invoke(app, ["ingest", str(FIXTURES / "scrape_council.txt"), "--db", str(db)])
    dump = tmp_path / "dump.jsonl"
    assert runner.invoke(app, ["dump", "--db", str(db), "-o", str(dump)]).exit_code == 0
    res = runner.invoke(app, ["restore", str(dump), "--db", str(copy)])
    assert res.exit_code == 0 and copy.exists() and "creating a new database" in res.output


@pytest.mark.sqlite_only
def test_store_open_without_create_refuses_a_missing_file(tmp_path):
    missing = tmp_path / "no.db"
    with pytest.raises(NoSuchDatabase) as info:
        open_store(missing, create=False)
    assert info.value.path == missing.resolve() and not missing.exists()
    assert "no such database" in info.value.message and "create=True" in info.value.message  # the library's words
    with open_store(missing):  # create=True, the default, makes it
        pass
    open_store(missing, create=False).close()


def test_store_urls_are_not_paths():
    # a PostgreSQL URL names no file: nothing to check here (the server says whether the database exists)
    assert database_exists("postgresql://me@db.invalid/rasid") is None
    check_exists("postgresql://me@db.invalid/rasid")
    assert database_exists(":memory:") is None
    check_exists(":memory:")


@pytest.mark.sqlite_only
def test_store_sqlite_url_is_checked_like_a_path(tmp_path):
    missing = tmp_path / "u.db"
    assert database_exists(f"sqlite:///{missing}") is False
    with pytest.raises(NoSuchDatabase):
        check_exists(f"sqlite:///{missing}")
