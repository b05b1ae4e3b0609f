"""Acceptance on the reference article (../shared/data/seed) through the commands a user types:
its article fields and its position shift. (Its statement scores are floored leave-one-outlet-out
in tests/test_acceptance_outlets.py.)
"""

import importlib.util
import json

import pytest
from typer.testing import CliRunner

from rasid.cli import app

from conftest import shared_path

def load_scorer():
    path = shared_path("eval", "score_statements.py")
    spec = importlib.util.spec_from_file_location("score_statements", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    seed = shared_path("data", "seed", "enab_baladi_2024-11-30.txt")
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    res = CliRunner().invoke(app, ["ingest", str(seed), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


def _export(db, what):
    res = CliRunner().invoke(app, ["export", what, "--format", "jsonl", "--db", str(db)])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.output.splitlines() if line.strip()]


def test_acceptance_seed_article_fields(seed_db):
    gold = json.loads(shared_path("data", "seed", "enab_baladi_2024-11-30.gold.json").read_text(encoding="utf-8"))["article"]
    (article,) = _export(seed_db, "articles")
    assert article["title"] == gold["title"]
    assert article["published"].startswith(gold["published"])
    assert article["category"] == gold["category"]
    for credit in gold["photo_credit_ok"]:
        assert any(credit in c for c in article["credits"])
    for snippet in gold["body_with"]:
        assert snippet in article["text"]
    for snippet in gold["body_without"]:
        assert snippet not in article["text"]
    for headline in gold["related_ok"]:
        assert headline in article["related"]


def test_acceptance_seed_shift(seed_db):
    gold = json.loads(shared_path("data", "seed", "enab_baladi_2024-11-30.gold.json").read_text(encoding="utf-8"))["shifts"][0]
    shifts = _export(seed_db, "shifts")
    hits = [s for s in shifts if s["actor"]["name"] in gold["actor_ok"] and s["target"]["name"] in gold["target_ok"]
            and s["from"] == gold["from"] and s["to"] == gold["to"] and s["after"]["date"] == gold["after_date"]]
    assert hits, shifts
    assert hits[0]["before"]["quote"] and hits[0]["after"]["quote"]
