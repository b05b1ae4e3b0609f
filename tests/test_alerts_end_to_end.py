"""Watchlists end to end, as an analyst uses them: `rasid watchlist add` on an actor with a webhook, a corpus
ingested in two steps (the bundled examples: a local council against Turkey in March, for it in April), the
shift arriving at the webhook exactly once and in the Atom feed, nothing sent again by a new process or a
server started twice; and the API and the alerts page over the same database.
"""

from __future__ import annotations

import json
import time
from importlib import resources

import feedparser
import pytest
from fastapi.testclient import TestClient
from test_alerts import Receiver
from typer.testing import CliRunner

from rasid.actors.kb import default_kb
from rasid.cli import app
from rasid.store import open_store
from rasid.web import create_app

runner = CliRunner()
EXAMPLES = resources.files("rasid") / "examples"
MARCH, APRIL = (str(EXAMPLES / name) for name in ("riyhan_council_2025-03-02.txt", "riyhan_council_2025-04-15.txt"))
TOKEN = "alerts-token"


def _run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_a_shift_reaches_the_webhook_and_the_feed_once_across_a_restart(tmp_path, monkeypatch):
    rx = Receiver()
    db = str(tmp_path / "watch.db")
    try:
        added = _run("watchlist", "add", "council", "--actor", "المجلس المحلي", "--webhook", rx.url,
                     "--allow-private", "--secret", "s3cret", "--db", db)  # "the local council"
        assert "watchlist 1 «council» added" in added.output
        _run("ingest", MARCH, "--db", db, "--fast")
        kinds = [json.loads(body)["alert"]["kind"] for _, body in rx.got]
        assert kinds and set(kinds) == {"statement"}  # statements about Turkey; no shift yet
        _run("ingest", APRIL, "--db", db, "--fast")
        sent = [json.loads(body)["alert"] for _, body in rx.got]
        shifts = [a for a in sent if a["kind"] == "shift"]
        assert len(shifts) == 1 and shifts[0]["record"]["from"] == "against" and shifts[0]["record"]["to"] == "favor"
        assert len({a["id"] for a in sent}) == len(sent)  # each alert once
        again = _run("alerts", "deliver", "--db", db)  # a new process: nothing is sent twice
        assert "0 delivered" in again.output and len(rx.got) == len(sent)
        from rasid.web import app as web

        monkeypatch.setattr(web, "DELIVERY_INTERVAL", 0.05)
        for _ in range(2):  # a server, stopped and started again: it raises and delivers, and sends nothing twice
            served, store = web._serving_app(db, TOKEN, "analyst")
            time.sleep(0.5)
            web._stop_deliveries(served)
            store.close()
            assert served.state.deliverer.total.delivered == 0
        assert len(rx.got) == len(sent)
    finally:
        rx.close()

    listed = [json.loads(line) for line in _run("alerts", "list", "--db", db, "--format", "jsonl").output.splitlines()]
    assert len(listed) == len(sent) and all(a["delivery"]["delivered_at"] for a in listed)
    lists = [json.loads(line) for line in _run("watchlist", "list", "--db", db, "--format", "jsonl").output.splitlines()]
    assert lists[0]["unread"] == len(sent) and lists[0]["signed"] and "secret" not in lists[0]

    store = open_store(db)
    try:
        client = TestClient(create_app(store, default_kb(), token=TOKEN))
        feed = feedparser.parse(client.get("/api/watchlists/1/feed.atom").text)
        assert [e.title for e in feed.entries].count("المجلس المحلي → تركيا: against → favor") == 1  # the local council
        page = client.get("/alerts")
        assert page.status_code == 200 and page.text.count('class="alert shift unread"') == 1
    finally:
        store.close()
    assert "alerts marked read" in _run("alerts", "read", "--db", db, "--watchlist", "council").output
    assert json.loads(_run("watchlist", "list", "--db", db, "--format", "jsonl").output)["unread"] == 0
    assert "removed" in _run("watchlist", "remove", "council", "--db", db).output
    assert _run("alerts", "list", "--db", db, "--format", "jsonl").output.strip() == ""


def test_cli_faults_name_the_flag(tmp_path):
    db = str(tmp_path / "w.db")
    nothing = runner.invoke(app, ["watchlist", "add", "empty", "--db", db])
    assert nothing.exit_code == 2 and "watches nothing" in nothing.output
    local = runner.invoke(app, ["watchlist", "add", "hook", "--actor", "روسيا", "--webhook", "http://127.0.0.1:9/x",
                                "--db", db])  # "Russia"
    assert local.exit_code == 2 and "--allow-private allows a private or loopback receiver" in local.output
    missing = runner.invoke(app, ["alerts", "list", "--watchlist", "nope", "--db", db])
    assert missing.exit_code == 2 and "no watchlist named 'nope'" in missing.output


@pytest.mark.sqlite_only
def test_reading_alerts_of_a_mistyped_database_is_an_error(tmp_path):
    no_db = runner.invoke(app, ["alerts", "list", "--db", str(tmp_path / "typo.db")])
    assert no_db.exit_code != 0 and "typo.db" in no_db.output and not (tmp_path / "typo.db").exists()


def test_the_api_needs_the_token_to_write_and_never_shows_the_secret(tmp_path):
    store = open_store(tmp_path / "api.db")
    try:
        client = TestClient(create_app(store, default_kb(), token=TOKEN))
        auth = {"Authorization": f"Bearer {TOKEN}"}
        body = {"name": "russia", "actors": ["روسيا"], "affiliates": True}  # "Russia"
        assert client.post("/api/watchlists", json=body).status_code == 401
        assert client.post("/api/watchlists", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
        made = client.post("/api/watchlists", json=body, headers=auth)
        assert made.status_code == 201 and made.json()["watchlist"]["actors"] == ["RUS"]
        assert client.post("/api/watchlists", json=body, headers=auth).status_code == 409  # the name is taken
        hook = client.post("/api/watchlists", headers=auth, json={"name": "hook", "targets": ["RUS"], "secret": "x",
                                                                  "webhook": "http://10.0.0.1/hook"})
        assert hook.status_code == 422 and hook.json()["field"] == "webhook" and "private" in hook.json()["error"]
        assert client.post("/api/watchlists", headers=auth, json={"name": "x"}).json()["field"] == "actors"
        listed = client.get("/api/watchlists").json()
        assert listed["total"] == 1 and "secret" not in listed["items"][0]
        assert client.get("/api/alerts", params={"watchlist_id": 99}).json()["total"] == 0
        assert client.get("/api/alerts", params={"unread": "true"}).json()["total"] == 0
        assert client.post("/api/alerts/read", headers=auth, json={}).status_code == 422
        assert client.get("/api/watchlists/99/feed.atom").status_code == 404
        feed = client.get("/api/watchlists/1/feed.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml") and not feedparser.parse(feed.text).bozo
        page = client.get("/alerts", params={"lang": "en", "unread": ""})
        assert page.status_code == 200 and "russia" in page.text and 'id="no-alerts"' in page.text
        assert client.delete("/api/watchlists/1", headers=auth).json() == {"ok": True, "deleted": 1}
        assert client.delete("/api/watchlists/1", headers=auth).status_code == 404
    finally:
        store.close()
