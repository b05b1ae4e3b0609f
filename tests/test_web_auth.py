"""Writes need 'Authorization: Bearer <token>'; reads need nothing; a server without a token is read-only."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app


@pytest.fixture
def setup(tmp_path):
    kb = web_kb()
    store = filled_store(tmp_path / "auth.db", kb)
    yield store, kb
    store.close()


def a_statement(client) -> dict:
    return client.get("/api/statements", params={"speaker": "SSG", "target": "RUS"}).json()["items"][-1]


def fix(st: dict) -> dict:
    return {"statement_id": st["id"], "stances": {"RUS": "against"}}


def shape(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body == {"ok": False, "error": body["error"], "status": status, "field": None}
    return body


def test_missing_token_is_401(setup):
    client = TestClient(create_app(*setup, token=TOKEN))
    response = client.post("/api/corrections", json=fix(a_statement(client)))
    body = shape(response, 401)
    assert "Authorization: Bearer" in body["error"]
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", [f"Basic {TOKEN}", "Bearer", "Bearer   "])
def test_malformed_header_is_401(setup, header):
    client = TestClient(create_app(*setup, token=TOKEN))
    shape(client.post("/api/corrections", json=fix(a_statement(client)), headers={"Authorization": header}), 401)


def test_wrong_token_is_403(setup):
    client = TestClient(create_app(*setup, token=TOKEN))
    shape(client.post("/api/corrections", json=fix(a_statement(client)),
                      headers={"Authorization": "Bearer not-the-token"}), 403)
    assert client.get("/api/corrections").json()["total"] == 0


def test_read_only_server_refuses_writes(setup):
    client = TestClient(create_app(*setup, token=None))
    body = shape(client.post("/api/corrections", json=fix(a_statement(client)),
                             headers={"Authorization": f"Bearer {TOKEN}"}), 403)
    assert "read-only" in body["error"]
    assert client.get("/api/status").json()["writable"] is False


def test_reads_need_no_token_and_writes_work_with_it(setup):
    client = TestClient(create_app(*setup, token=TOKEN, token_name="lina"))
    st = a_statement(client)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = client.post("/api/corrections", json=fix(st), headers=auth)
    assert created.status_code == 201, created.text
    correction = created.json()["correction"]
    assert correction["author"] == "lina" and correction["stances"] == {"RUS": "against"}
    cid = correction["id"]
    assert client.get(f"/api/corrections/{cid}").json()["correction"]["id"] == cid
    shape(client.delete(f"/api/corrections/{cid}"), 401)
    assert client.delete(f"/api/corrections/{cid}", headers=auth).json() == {"ok": True, "deleted": cid}
    missing = client.delete(f"/api/corrections/{cid}", headers=auth)
    assert missing.status_code == 404 and missing.json()["field"] == "correction_id"
