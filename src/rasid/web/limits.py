"""A time limit on the web server's queries, and their end when the server is told to stop.

Each request gets a deadline (:meth:`QueryLimits.request`); a query still running past it is
interrupted by the database: on SQLite by a progress handler (``sqlite3.Connection.set_progress_handler``)
that the driver calls every few thousand virtual-machine steps. On PostgreSQL each statement has
``statement_timeout`` (the same number of seconds, per statement rather than per request). When the
server receives SIGTERM or Ctrl-C, :meth:`QueryLimits.stop` interrupts every SQLite query at once, so a
slow request cannot hold the server up (a PostgreSQL statement ends at its timeout).

The one-time upkeep that a read may have to do first (indexing new articles for search, bringing the
stored shifts up to date) runs :meth:`QueryLimits.unlimited`: on SQLite it is not cut short by the
deadline (it would be rolled back and start again on the next request), only by a stop, and its time
is not counted against the request.

:func:`interruption` tells, for an exception raised while answering, whether it is such an
interruption and why; the app answers it with 503 and that reason.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

PROGRESS_STEPS = 10_000  # SQLite virtual-machine steps between two checks of the deadline (well under 1 ms)

_now = time.monotonic  # the clock deadlines are read on

_deadline: ContextVar[float | None] = ContextVar("rasid_query_deadline", default=None)


class QueryLimits:
    """The deadline of the current request's queries (``seconds`` after it starts) and the stop flag."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.stopping = threading.Event()

    def attach(self, engine: Engine) -> None:
        """Make ``engine``'s connections honour the deadline and the stop flag."""
        if engine.dialect.name == "sqlite":
            # on every checkout: connections opened before (a migration, an in-memory database) get it too
            event.listen(engine, "checkout", self._sqlite_checkout)
        elif engine.dialect.name == "postgresql" and self.seconds is not None:
            event.listen(engine, "connect", self._postgres_connect)
            engine.dispose()  # connections made before this (the migration's) do not carry the timeout

    def _sqlite_checkout(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_progress_handler(self._interrupt, PROGRESS_STEPS)

    def _postgres_connect(self, dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            # in milliseconds; 0 would mean "no limit"
            cur.execute(f"SET statement_timeout = {max(1, int(self.seconds * 1000))}")  # type: ignore[operator]
        dbapi_conn.commit()

    def _interrupt(self) -> int:
        if self.stopping.is_set():
            return 1
        deadline = _deadline.get()
        return 1 if deadline is not None and _now() > deadline else 0

    @contextmanager
    def request(self) -> Iterator[None]:
        """The queries run inside get the deadline ``seconds`` from now (none when ``seconds`` is None)."""
        token = _deadline.set(None if self.seconds is None else _now() + self.seconds)
        try:
            yield
        finally:
            _deadline.reset(token)

    @staticmethod
    @contextmanager
    def unlimited() -> Iterator[None]:
        """Upkeep that must finish once started: no deadline (a stop still interrupts it), and the time it
        takes is not counted against the request's deadline."""
        deadline = _deadline.get()
        start = _now()
        _deadline.set(None)
        try:
            yield
        finally:
            _deadline.set(None if deadline is None else deadline + _now() - start)

    def stop(self) -> None:
        """Interrupt every running and future SQLite query: the server is shutting down."""
        self.stopping.set()

    def interruption(self, exc: BaseException) -> str | None:
        """Why ``exc`` (or an exception it was raised from) is a query interrupted here, or None."""
        seen: set[int] = set()
        current: BaseException | None = exc
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            text = str(current).lower()
            name = type(current).__name__
            if name == "QueryCanceled" or "interrupted" in text or "statement timeout" in text:
                if self.stopping.is_set():
                    return "the server is shutting down; send the request again once it is back"
                limit = f"{self.seconds:g} s" if self.seconds is not None else "its time limit"
                return (f"the query took longer than this server's limit of {limit} and was stopped; "
                        "narrow the request (an actor, a target, a month, fewer items per page)")
            current = getattr(current, "orig", None) or current.__cause__ or current.__context__
        return None


class Deadline:
    """ASGI middleware: every HTTP request's queries run under ``limits``' deadline."""

    def __init__(self, app: Any, limits: QueryLimits):
        self.app = app
        self.limits = limits

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with self.limits.request():  # the endpoints' worker threads run in a copy of this context
            await self.app(scope, receive, send)
