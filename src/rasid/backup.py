"""Backup and restore: the whole database as a versioned JSON Lines stream.

``dump(store, fh)`` writes every table of the store -- articles with their layers, statements,
targets, rejections, and whatever other tables the migrations have made (corrections,
seen_urls, ingest_ledger, search_docs...). Tables are found by reflecting the database, so a
table added by a later migration is included without changing this module.
``restore(store, fh)`` loads such a stream into an empty store at the same schema revision,
in one transaction: a failed restore leaves the store empty.

The stream (UTF-8, one JSON value a line)::

    {"format": "rasid-dump", "version": 1, "alembic_revision": "...", "rasid_version": "...",
     "created_at": "...", "dialect": "sqlite",
     "tables": [{"name": "articles", "primary_key": ["id"],
                 "columns": [{"name": "id", "type": "VARCHAR(64)", "codec": "plain"}, ...]}, ...]}
    {"table": "articles", "row": {"id": "...", "title": "...", "captions": "[\\"...\\"]", ...}}
    ...
    {"end": true, "rows": {"articles": 12, "statements": 40, ...}}

Tables come in foreign-key order (parents first), rows in primary-key order. A column's
``codec`` says how its values are written: ``plain`` (JSON string, number, boolean or null),
``json-text`` (the column's JSON document exactly as stored, as a string; null is SQL NULL),
``base64`` (binary), ``iso`` (dates and times) or ``decimal`` (a decimal as a string). The
last line holds the row count of every table; a stream without it was cut short and is refused.

Not dumped: ``alembic_version`` (the header carries the revision) and, on SQLite, full-text
search virtual tables and their shadow tables (restoring ``search_docs`` rebuilds them through
its triggers).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from .errors import StoreError
from .store import Store

__all__ = ["FORMAT", "VERSION", "dump", "restore"]

FORMAT = "rasid-dump"
VERSION = 1
_SKIP = {"alembic_version"}
_BATCH = 1000


# --------------------------------------------------------------------------- discovery

def _virtual_tables(conn: Connection) -> set[str]:
    """SQLite virtual tables (FTS5...) and their shadow tables: derived data, not dumped."""
    if conn.dialect.name != "sqlite":
        return set()
    rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
    virtual = {name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")}
    return virtual | {name for name, _ in rows if any(name.startswith(v + "_") for v in virtual)}


def _tables(conn: Connection) -> list[sa.Table]:
    """The data tables of the database, parents before children."""
    metadata = sa.MetaData()
    skip = _SKIP | _virtual_tables(conn)
    metadata.reflect(bind=conn, only=lambda name, _: name not in skip and not name.startswith("sqlite_"))
    return list(metadata.sorted_tables)


def _revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _codec(column: sa.Column) -> str:
    kind = column.type
    if isinstance(kind, sa.JSON):
        return "json-text"
    if isinstance(kind, sa.LargeBinary):
        return "base64"
    if isinstance(kind, (sa.Date, sa.DateTime, sa.Time)):
        return "iso"
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return "decimal"
    return "plain"


def _type_name(column: sa.Column, conn: Connection) -> str:
    try:
        return column.type.compile(dialect=conn.dialect)
    except Exception:  # noqa: BLE001 - an exotic reflected type: its class name will do
        return type(column.type).__name__


# --------------------------------------------------------------------------- dump

def _encode(value: Any, codec: str) -> Any:
    if value is None:
        return None
    if codec == "base64":
        return base64.b64encode(bytes(value)).decode("ascii")
    if codec == "iso" or isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if codec == "decimal" or isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _select(table: sa.Table) -> sa.Select:
    columns = [sa.cast(c, sa.Text).label(c.name) if _codec(c) == "json-text" else c for c in table.columns]
    order = list(table.primary_key.columns) or [c for c in table.columns if _codec(c) != "json-text"]
    return sa.select(*columns).order_by(*order)


def _line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def dump(store: Store, fh: IO[str]) -> dict[str, int]:
    """Write the whole database to the text stream ``fh``; returns the row count of each table.

    The tables are read in one transaction (a repeatable-read snapshot on PostgreSQL and SQLite),
    so a dump taken while ``rasid ingest`` runs is consistent.
    """
    from . import __version__

    counts: dict[str, int] = {}
    try:
        with store.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            elif conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN")  # pysqlite would not start a read transaction by itself
            tables = _tables(conn)
            header = {
                "format": FORMAT, "version": VERSION, "alembic_revision": _revision(conn),
                "rasid_version": __version__, "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "dialect": conn.dialect.name,
                "tables": [{"name": t.name, "primary_key": [c.name for c in t.primary_key.columns],
                            "columns": [{"name": c.name, "type": _type_name(c, conn), "codec": _codec(c)}
                                        for c in t.columns]} for t in tables],
            }
            fh.write(_line(header))
            for table in tables:
                codecs = [(c.name, _codec(c)) for c in table.columns]
                n = 0
                result = conn.execution_options(stream_results=True, yield_per=_BATCH).execute(_select(table))
                for row in result:
                    values = {name: _encode(value, codec) for (name, codec), value in zip(codecs, row)}
                    fh.write(_line({"table": table.name, "row": values}))
                    n += 1
                counts[table.name] = n
            fh.write(_line({"end": True, "rows": counts}))
            conn.rollback()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the database {store.url} for a dump: {exc}",
                         hint="check that the database is reachable and is a rasid store") from exc
    return counts


# --------------------------------------------------------------------------- restore

def _lines(fh: IO[str] | IO[bytes]) -> Iterator[tuple[int, Any]]:
    for number, raw in enumerate(fh, 1):
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise StoreError(f"line {number} of the dump is not JSON ({exc.msg} at column {exc.colno})",
                             hint="the dump is damaged; restore from another copy") from exc


def _decode(value: Any, codec: str, column: sa.Column) -> Any:
    if value is None:
        return None
    if codec == "base64":
        return base64.b64decode(value)
    if codec == "iso":
        kind = column.type
        if isinstance(kind, sa.DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, sa.Date):
            return date.fromisoformat(value)
        if isinstance(kind, sa.Time):
            return time.fromisoformat(value)
        return value
    if codec == "decimal":
        return Decimal(value)
    return value


class _RawJSON(sa.types.TypeDecorator):
    """A JSON column written from its stored text, unchanged (cast to JSON on PostgreSQL)."""

    impl = sa.Text
    cache_ok = True

    def bind_expression(self, bindvalue):
        return bindvalue

    def bind_processor(self, dialect):
        return None


class _RawPostgresJSON(_RawJSON):
    cache_ok = True

    def bind_expression(self, bindvalue):
        from sqlalchemy.dialects.postgresql import JSON

        return sa.cast(bindvalue, JSON)


def _insert_table(table: sa.Table, columns: list[str], dialect: str) -> sa.TableClause:
    """A lightweight table for INSERT in which JSON columns take their stored text as is."""
    raw = _RawPostgresJSON if dialect == "postgresql" else _RawJSON
    return sa.table(table.name, *[sa.column(name, raw() if _codec(table.c[name]) == "json-text"
                                            else table.c[name].type) for name in columns])


def _check_header(header: Any, revision: str | None) -> None:
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise StoreError("the file is not a rasid dump (its first line is not a rasid-dump header)",
                         hint="give a file written by `rasid dump`")
    if header.get("version") != VERSION:
        raise StoreError(f"the dump has format version {header.get('version')}; this rasid reads version {VERSION}",
                         hint="restore it with the rasid version that wrote it")
    if header.get("alembic_revision") != revision:
        raise StoreError(f"the dump is of schema revision {header.get('alembic_revision')!r} but the target "
                         f"database is at {revision!r}",
                         hint="restore with the rasid version that wrote the dump, then upgrade rasid and "
                              "open the database once to migrate it")


def _reset_sequences(conn: Connection, tables: Iterable[sa.Table]) -> None:
    """PostgreSQL: move serial sequences past the restored ids, so new rows get fresh ones."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer):
            continue
        name, column = table.name, pk[0].name
        conn.execute(sa.text(
            f'SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX("{column}"), 0) + 1, false) '
            f'FROM "{name}"'), {"t": f'"{name}"', "c": column})


def restore(store: Store, fh: IO[str] | IO[bytes]) -> dict[str, int]:
    """Load a dump written by :func:`dump` into ``store``, which must be empty; returns rows per table.

    Everything is written in one transaction. Raises :class:`StoreError` when the store is not
    empty, when the dump is of another schema revision or format version, names a table or column
    the store lacks, or is damaged or cut short (nothing is written then).
    """
    lines = _lines(fh)
    try:
        with store.engine.begin() as conn:
            revision = _revision(conn)
            first = next(lines, None)
            if first is None:
                raise StoreError("the dump is empty", hint="give a file written by `rasid dump`")
            header = first[1]
            _check_header(header, revision)
            tables = {t.name: t for t in _tables(conn)}
            for name, table in tables.items():
                if conn.execute(sa.select(sa.func.count()).select_from(table)).scalar():
                    raise StoreError(f"the database {store.url} is not empty (table {name} has rows)",
                                     hint="restore into a new database: give --db a new file or an empty "
                                          "PostgreSQL database")
            described: dict[str, list[tuple[str, str]]] = {}
            for spec in header.get("tables", []):
                name = spec["name"]
                if name not in tables:
                    raise StoreError(f"the dump has a table {name!r} that the database lacks",
                                     hint="the database schema differs from the dump's; use a freshly created one")
                missing = [c["name"] for c in spec["columns"] if c["name"] not in tables[name].c]
                if missing:
                    raise StoreError(f"the dump's table {name} has columns the database lacks: {', '.join(missing)}",
                                     hint="the database schema differs from the dump's; use a freshly created one")
                described[name] = [(c["name"], c["codec"]) for c in spec["columns"]]
            counts = {name: 0 for name in described}
            pending: list[dict[str, Any]] = []
            current: str | None = None
            footer: dict[str, Any] | None = None

            def flush() -> None:
                if pending and current is not None:
                    target = _insert_table(tables[current], [n for n, _ in described[current]], conn.dialect.name)
                    conn.execute(sa.insert(target), pending)
                    pending.clear()

            for number, obj in lines:
                if footer is not None:
                    raise StoreError(f"line {number} of the dump comes after its end line",
                                     hint="the dump is damaged; restore from another copy")
                if isinstance(obj, dict) and obj.get("end") is True:
                    footer = obj
                    continue
                if not isinstance(obj, dict) or obj.get("table") not in described or not isinstance(obj.get("row"), dict):
                    raise StoreError(f"line {number} of the dump is not a row of a table named in its header",
                                     hint="the dump is damaged; restore from another copy")
                name = obj["table"]
                if name != current:
                    flush()
                    current = name
                row = obj["row"]
                table = tables[name]
                pending.append({col: _decode(row.get(col), codec, table.c[col]) for col, codec in described[name]})
                counts[name] += 1
                if len(pending) >= _BATCH:
                    flush()
            flush()
            if footer is None:
                raise StoreError("the dump is cut short: it has no end line",
                                 hint="was the file copied completely? restore from another copy")
            expected = footer.get("rows", {})
            wrong = {n: (counts.get(n, 0), c) for n, c in expected.items() if counts.get(n, 0) != c}
            if wrong:
                detail = ", ".join(f"{n}: {got} of {want}" for n, (got, want) in wrong.items())
                raise StoreError(f"the dump's rows do not match its end line ({detail})",
                                 hint="the dump is damaged; restore from another copy")
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn, (tables[n] for n in described))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot restore into {store.url}: {str(getattr(exc, 'orig', None) or exc).splitlines()[0]}",
                         hint="restore into a new, empty database created by this rasid version") from exc
    return counts
