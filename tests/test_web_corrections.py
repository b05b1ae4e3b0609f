"""Corrections through the API: validation, and their effect on statements, timelines, shifts and search."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(tmp_path):
    kb = web_kb()
    store = filled_store(tmp_path / "fix.db", kb)
    with TestClient(create_app(store, kb, token=TOKEN), raise_server_exceptions=False) as c:
        yield c
    store.close()


def ssg_russia(client) -> list[dict]:
    return client.get("/api/statements", params={"speaker": "SSG", "target": "RUS"}).json()["items"]


def post(client, body: dict, status: int = 201) -> dict:
    response = client.post("/api/corrections", json=body, headers=AUTH)
    assert response.status_code == status, response.text
    return response.json()


def test_stance_correction_changes_statements_timeline_and_shifts(client):
    items = ssg_russia(client)
    favor = [s for s in items if s["targets"][0]["stance"] == "favor"]
    assert len(favor) >= 2 and client.get("/api/shifts", params={"target": "RUS"}).json()["total"] == 1
    after = favor[0]
    res = post(client, {"statement_id": after["id"], "stances": {"RUS": "against"}, "note": "sarcastic"})
    assert res["statement"]["targets"][0]["stance"] == "against"
    assert res["statement"]["corrected"] is True and res["statement"]["corrections"] == [res["correction"]["id"]]
    now = client.get(f"/api/statements/{after['id']}").json()["statement"]
    assert now["targets"][0]["stance"] == "against" and now["targets"][0]["confidence"] == 1.0
    for other in favor[1:]:  # the analyst reads every November statement as sarcastic
        post(client, {"statement_id": other["id"], "stances": {"RUS": "against"}})
    points = client.get("/api/actors/SSG/timeline", params={"target": "RUS"}).json()["items"]
    assert {p["stance"] for p in points} == {"against"}
    assert client.get("/api/shifts", params={"target": "RUS"}).json()["total"] == 0
    favor_now = client.get("/api/statements", params={"target": "RUS", "stance": "favor"}).json()
    assert favor_now["total"] == 0
    article = client.get(f"/api/articles/{after['article']['id']}").json()["article"]
    assert [c["note"] for c in article["corrections"]][:1] == ["sarcastic"]


def test_speaker_correction_moves_the_statement(client):
    un = client.get("/api/statements", params={"speaker": "الأمم المتحدة"}).json()  # the UN
    st = un["items"][0]
    res = post(client, {"statement_id": st["id"], "speaker": "أنقرة"})  # "Ankara": an alias of Turkey
    assert res["correction"]["speaker"] == {"name": "تركيا", "actor_id": "TUR"}
    assert client.get("/api/statements", params={"speaker": "UN"}).json()["total"] == un["total"] - 1
    moved = client.get("/api/statements", params={"speaker": "TUR"}).json()["items"]
    assert [s["id"] for s in moved] == [st["id"]]


def test_date_targets_and_wrong(client):
    items = ssg_russia(client)
    july = [s for s in items if s["date"]["value"] in ("2024-07-02", "2024-07-10")]
    november = [s for s in items if s["date"]["value"] == "2024-11-30"]
    moved = {"2024-07-02": "2024-12-06", "2024-07-10": "2024-12-05"}
    for st in july:
        post(client, {"statement_id": st["id"], "date": moved[st["date"]["value"]]})
    st = client.get(f"/api/statements/{july[0]['id']}").json()["statement"]
    assert st["date"]["value"] == moved[july[0]["date"]["value"]]
    # the old "against" (two days of it) now comes after the "favor" of November: the shift turns around
    shift = client.get("/api/shifts", params={"target": "RUS"}).json()["items"][0]
    assert (shift["from"], shift["to"]) == ("favor", "against")
    after = november[0]
    post(client, {"statement_id": after["id"], "targets": [{"name": "UKR", "stance": "against"}]})
    st = client.get(f"/api/statements/{after['id']}").json()["statement"]
    assert [(t["actor_id"], t["stance"]) for t in st["targets"]] == [("UKR", "against")]
    before = july[0]
    remaining = len(ssg_russia(client))
    post(client, {"statement_id": before["id"], "wrong": True})
    gone = client.get(f"/api/statements/{before['id']}")
    assert gone.status_code == 404 and "wrong" in gone.json()["error"]
    assert len(ssg_russia(client)) == remaining - 1 and before["id"] not in {s["id"] for s in ssg_russia(client)}
    assert client.get("/api/corrections").json()["total"] == len(july) + 2
    assert client.get("/api/corrections", params={"statement": before["id"]}).json()["total"] == 2


@pytest.mark.parametrize(("body", "field"), [
    ({"stances": {"RUS": "maybe"}}, "stances"),
    ({"stances": {"ISR": "favor"}}, "stances"),
    ({"date": "2024-02-30"}, "date"),
    ({"date": "yesterday"}, "date"),
    ({"speaker": "   "}, "speaker"),
    ({"colour": "red"}, "colour"),
    ({"targets": [{"stance": "favor"}]}, "targets"),
    ({}, None),
])
def test_invalid_corrections_are_422(client, body, field):
    st = ssg_russia(client)[0]
    response = client.post("/api/corrections", json={"statement_id": st["id"], **body}, headers=AUTH)
    assert response.status_code == 422, response.text
    got = response.json()
    assert got["ok"] is False and got["status"] == 422 and got["field"] == field and got["error"]
    assert client.get("/api/corrections").json()["total"] == 0


def test_unknown_statement_is_404(client):
    got = post(client, {"statement_id": "nope", "wrong": True}, status=404)
    assert got["field"] == "statement_id"
    assert client.get("/api/corrections/999").status_code == 404


def test_orphans_are_listed_after_reprocessing(client, tmp_path):
    st = ssg_russia(client)[0]
    post(client, {"statement_id": st["id"], "stances": {"RUS": "neutral"}})
    assert client.get("/api/corrections/orphans").json()["total"] == 0
    store = client.app.state.data.store
    assert store.delete(st["article"]["id"])
    orphans = client.get("/api/corrections/orphans").json()
    assert orphans["total"] == 1 and orphans["items"][0]["statement_id"] == st["id"]
    assert client.get("/api/status").json()["counts"]["orphaned_corrections"] == 1
