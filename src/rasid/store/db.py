"""Database URLs, engines and migrations.

``resolve_url`` turns what a user typed (a file path, ``sqlite:///...``,
``postgresql://...``) into a SQLAlchemy URL; ``connect`` makes the engine and
brings the schema to the newest alembic revision.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import NoSuchDatabase, StoreError

DEFAULT_DB_ENV = "RASID_DB"
DEFAULT_DB_FILE = "rasid.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"  # alembic script directory


def default_db_url() -> str:
    """The database used when none is given: ``$RASID_DB``, else ``./rasid.db``."""
    return os.environ.get(DEFAULT_DB_ENV) or DEFAULT_DB_FILE


def resolve_url(db: str | Path | None) -> sa.URL:
    """A SQLAlchemy URL for a path or URL; ``postgresql://`` uses the psycopg 3 driver."""
    raw = str(db) if db is not None else default_db_url()
    if not raw.strip():
        raise StoreError("empty database location", hint=f"give a file path or a URL, or set {DEFAULT_DB_ENV}")
    if "://" not in raw:
        if raw == ":memory:":
            return make_url("sqlite://")
        path = Path(raw).expanduser()
        return make_url(f"sqlite:///{path.resolve()}")
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise StoreError(f"'{_redact(raw)}' is not a database URL: {exc}",
                         hint="use a file path, sqlite:///path/to/rasid.db or postgresql://user@host/dbname") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"database kind '{url.get_backend_name()}' is not supported",
                         hint="use SQLite (a file path or sqlite:///...) or PostgreSQL (postgresql://...)")
    return url


def sqlite_file(db: str | Path | None) -> Path | None:
    """The file a SQLite location names (``rasid.db``, ``sqlite:///path``), or None for a database that
    is not a file of its own (PostgreSQL, ``:memory:``, ``sqlite://``, a ``file:`` URI)."""
    url = resolve_url(db)
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def database_exists(db: str | Path | None) -> bool | None:
    """Whether the SQLite file ``db`` names exists; None for a server database (PostgreSQL), which
    rasid never creates itself, or an in-memory one."""
    path = sqlite_file(db)
    return None if path is None else path.exists()


def check_exists(db: str | Path | None) -> None:
    """Raise :class:`NoSuchDatabase` when ``db`` names a SQLite file that does not exist: reading a
    mistyped path must not create an empty database and answer "no results"."""
    path = sqlite_file(db)
    if path is not None and not path.exists():
        given = "db" if db is not None else ("RASID_DB" if os.environ.get(DEFAULT_DB_ENV) else "default")
        raise NoSuchDatabase(path, given)


def _redact(raw: str) -> str:
    try:
        return make_url(raw).render_as_string(hide_password=True)
    except ArgumentError:
        return raw


BUSY_TIMEOUT_MS = 10000  # how long a SQLite writer waits for another one


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
    finally:
        cur.close()


class WriterBusy(Exception):
    """Another connection is writing the database: an optional write was given up instead of waiting."""


def _locked(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig) or "busy" in str(exc.orig)


@contextmanager
def write_transaction(engine: Engine, *, wait: bool = True) -> Iterator[Connection]:
    """A write transaction that takes SQLite's write lock as it begins (``BEGIN IMMEDIATE``).

    SQLite's default transaction takes the lock at its first write; in WAL mode one that has read
    before another connection committed then fails at once ("database is locked") instead of waiting
    for the lock, so an ingest's batch could fail whenever a reader brought the search index up to
    date meanwhile. Taken at the start, the lock is waited for (``busy_timeout``) and what the
    transaction reads stays current. ``wait=False`` raises :class:`WriterBusy` at once where another
    connection holds the lock: for upkeep a reader may do and a writer does anyway (the search index,
    the stored shifts), so that a page read during an ingest never queues behind its batch.
    Elsewhere (PostgreSQL, whose writers do not lock the whole database) a plain ``engine.begin()``."""
    if engine.url.get_backend_name() != "sqlite":
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection  # pragmas on the driver's connection: no transaction begins
        if not wait:
            raw.execute("PRAGMA busy_timeout=0")
        try:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")  # the driver sees the transaction and adds no BEGIN
            except OperationalError as exc:
                if not wait and _locked(exc):
                    raise WriterBusy(str(exc.orig)) from exc
                raise
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            if not wait:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def make_engine(url: sa.URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database)
            if path.exists() and path.is_dir():
                raise StoreError(f"database path {path} is a directory",
                                 hint="give the path of a file, e.g. rasid.db inside that directory")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for database {path}: {exc.strerror}",
                                 hint="choose a location you can write to") from exc
        kwargs = {}
        if not database or database == ":memory:":
            # one shared connection, or every connection would see its own empty database
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        engine = sa.create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    return ScriptDirectory.from_config(cfg).get_current_head()


_REVISION = re.compile(r"""^(down_)?revision\s*=\s*(?:["']([^"']+)["']|None)\s*$""", re.M)


@lru_cache(maxsize=1)
def _script_head() -> str | None:
    """The head revision as the migration scripts declare it (``revision = "…"`` and
    ``down_revision = "…"``), read without alembic; None when they do not say it plainly (one
    revision and at most one parent per script, a single head): alembic then decides."""
    revisions, parents = [], set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = {bool(m.group(1)): m.group(2) for m in _REVISION.finditer(script.read_text(encoding="utf-8"))}
        if len(found) != 2 or found[False] is None:
            return None
        revisions.append(found[False])
        parents.add(found[True])
    heads = [r for r in revisions if r not in parents]
    return heads[0] if len(heads) == 1 else None


def _stored_revision(conn) -> str | None:
    """The revision a database is at (its one ``alembic_version`` row), or None for a new one
    or anything unusual (left to alembic)."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    return rows[0][0] if len(rows) == 1 else None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates every table on a fresh database).

    A database already at the head is recognised without importing alembic (a tenth of a
    second of every command's start-up)."""
    with engine.connect() as conn:
        stored = _stored_revision(conn)
    if stored is not None and stored == _script_head():
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current is not None and current == head_revision():
        return
    ddl = _transactional_ddl_engine(engine)
    try:
        with ddl.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
    finally:
        if ddl is not engine:
            ddl.dispose()


def _transactional_ddl_engine(engine: Engine) -> Engine:
    """An engine whose transactions include DDL: Python's sqlite3 driver commits each CREATE TABLE
    on its own, so a process killed while it creates a new database's schema would leave half of
    it, which the next run cannot migrate. SQLAlchemy's documented recipe for pysqlite: the driver's
    own transaction handling off, BEGIN emitted by SQLAlchemy. (PostgreSQL's DDL is transactional.)"""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return engine
    ddl = sa.create_engine(url, poolclass=sa.pool.NullPool)

    @event.listens_for(ddl, "connect")
    def _connect(dbapi_conn, record) -> None:
        _sqlite_pragmas(dbapi_conn, record)
        dbapi_conn.isolation_level = None  # (after the pragmas: journal_mode cannot change inside a transaction)

    @event.listens_for(ddl, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # one writer migrates; another waits (busy_timeout)

    return ddl


def connect(db: str | Path | None, *, create: bool = True) -> Engine:
    """An engine on ``db`` with the schema migrated to head; StoreError says what went wrong.

    ``create=False`` refuses a SQLite file that does not exist yet (:class:`NoSuchDatabase`)
    instead of creating it."""
    if not create:
        check_exists(db)
    url = resolve_url(db)
    shown = url.render_as_string(hide_password=True)
    engine = make_engine(url)
    try:
        migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise StoreError(f"cannot open database {shown}: {_why(exc)}", hint=_hint(url, exc), option="db") from exc
    except Exception as exc:  # alembic raises its own CommandError / ResolutionError
        engine.dispose()
        hint = ("the database may have been written by a newer rasid; upgrade rasid or point {option} at another file"
                if "revision" in str(exc).lower() else "this rasid installation may be incomplete; reinstall it")
        raise StoreError(f"cannot migrate database {shown}: {exc}", hint=hint, option="db") from exc
    return engine


def _why(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0] if str(orig or exc).strip() else type(exc).__name__


def _hint(url: sa.URL, exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).lower()
    if url.get_backend_name() == "sqlite":
        if "not a database" in text or "malformed" in text:
            return "the file is not a rasid SQLite database; point {option} (or RASID_DB) at another file"
        if "readonly" in text or "permission" in text or "unable to open" in text:
            return "check that the file and its folder exist and are writable"
        return "check the path, or remove a damaged database file and ingest again"
    return "check that the PostgreSQL server is running and that the URL, user, password and database are right"
