"""Accuracy floors on the development gold set (../shared/data/gold/dev_almayadeen_40*).

Floors only go up: when a change improves a number, raise its floor here.
"""

import json

import pytest
from typer.testing import CliRunner

from rasid.cli import app

from conftest import shared_path
from test_acceptance_seed import load_scorer

FLOORS = {"f1": 0.955, "target_recall": 0.81, "target_precision": 0.83, "stance_accuracy": 0.855, "stance_macro_f1": 0.835,
          "date_accuracy": 0.955}


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    records = shared_path("data", "gold", "dev_almayadeen_40.jsonl")
    gold_path = shared_path("data", "gold", "dev_almayadeen_40.gold.jsonl")
    db = tmp_path_factory.mktemp("dev") / "dev.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(records), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["export", "statements", "--db", str(db)])
    system = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    scorer = load_scorer()
    return scorer.score(scorer.load_jsonl(str(gold_path)), system)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_acceptance_dev_floor(dev_scores, metric):
    assert dev_scores[metric] >= FLOORS[metric], (metric, dev_scores[metric])
