"""Queries have a time limit, a stopping server interrupts them, and `rasid serve` ends on SIGTERM.

No test here measures time: a query that never ends (a recursive CTE without a bound) is stopped by a
deadline already past, or by the stop flag. How fast the server stops is measured by
benchmarks/bench_web.py.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from web_support import TOKEN, web_kb

from rasid.store import open_store
from rasid.web import create_app
from rasid.web.limits import QueryLimits

ENDLESS = {"sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
                     "SELECT count(*) FROM (SELECT x FROM n LIMIT -1)",
           "postgresql": "SELECT pg_sleep(3600)"}


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "limits.db")
    yield store
    store.close()


def endless(store):
    def run(*_args, **_kwargs):
        with store.engine.connect() as conn:
            return conn.execute(sa.text(ENDLESS[conn.dialect.name])).scalar()
    return run


def test_web_limits_a_slow_query_is_answered_with_503(store, monkeypatch):
    app = create_app(store, web_kb(), token=TOKEN, query_timeout=0.0)
    monkeypatch.setattr(app.state.data, "timeline", endless(store))
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/actors/RUS")
        assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
        assert "longer than this server&#39;s limit of 0 s" in page.text and "narrow the request" in page.text
        api = client.get("/api/actors/RUS/timeline")
        assert api.status_code == 503
        body = api.json()
        assert body["ok"] is False and body["status"] == 503 and "limit of 0 s" in body["error"]
        if store.engine.dialect.name == "sqlite":
            # small queries pass under the same limit (SQLite checks it every few thousand steps; PostgreSQL's
            # statement_timeout of a millisecond can stop any query on a database the other tests filled)
            assert client.get("/api/status").status_code == 200


def sqlite_only(store):
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's progress handler; PostgreSQL statements end at statement_timeout")


def test_web_limits_stop_interrupts_running_queries(store):
    sqlite_only(store)
    limits = QueryLimits(None)
    limits.attach(store.engine)
    limits.stop()
    with pytest.raises(sa.exc.OperationalError) as caught:
        endless(store)()
    assert limits.interruption(caught.value) == "the server is shutting down; send the request again once it is back"
    assert limits.interruption(ValueError("unrelated")) is None


def test_web_limits_upkeep_is_not_cut_by_the_deadline(store):
    sqlite_only(store)
    limits = QueryLimits(0.0)
    limits.attach(store.engine)
    with limits.request():
        with pytest.raises(sa.exc.OperationalError):
            endless(store)()
        with limits.unlimited(), store.engine.connect() as conn:
            assert conn.execute(sa.text("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                                        "WHERE x < 200000) SELECT count(*) FROM n")).scalar() == 200000


def test_web_limits_upkeep_time_is_not_counted(monkeypatch):
    # a fake clock: the request starts at 0 with 5 s; upkeep runs from 1 to 100; at 101 its queries still run
    import rasid.web.limits as limits_module

    now = [0.0]
    monkeypatch.setattr(limits_module, "_now", lambda: now[0])
    limits = QueryLimits(5.0)
    with limits.request():
        now[0] = 1.0
        with limits.unlimited():
            now[0] = 100.0
            assert limits._interrupt() == 0
        now[0] = 101.0
        assert limits._interrupt() == 0
        now[0] = 104.5
        assert limits._interrupt() == 1
    assert limits._interrupt() == 0  # outside a request: no deadline


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.sqlite_only  # rasid serve on a SQLite file (the PostgreSQL pass redirects stores, not this file)
@pytest.mark.parametrize("workers", [1, 2])
def test_web_limits_serve_stops_on_sigterm(tmp_path, workers):
    db = tmp_path / "serve.db"
    open_store(db).close()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen([sys.executable, "-c", "from rasid.cli import main; main()", "serve", "--db", str(db),
                             "--port", str(port), "--workers", str(workers)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):  # up to a minute to start on a loaded machine
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
        else:
            pytest.fail("rasid serve did not answer within a minute")
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=5)  # a generous bound: the benchmark measures the real figure
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert code in (0, -signal.SIGTERM)
    if workers > 1:  # the supervisor stopped its worker processes before it ended
        log = proc.stdout.read().decode() if proc.stdout else ""
        started = re.findall(r"Started server process \[(\d+)\]", log)
        assert len(started) == workers, log
        for pid in map(int, started):
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)


def test_web_limits_serve_needs_a_worker():
    from rasid.errors import ConfigError
    from rasid.web.app import serve

    with pytest.raises(ConfigError, match="cannot serve with 0 worker processes"):
        serve(None, workers=0)
