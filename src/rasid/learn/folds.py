"""Leave-one-outlet-out: each outlet's articles are analysed by models trained without that outlet.

The training articles (gold sets and training annotations, :func:`.train.training_articles`) are
read once and their examples computed once with the rules alone; for each outlet asked for, the
models are trained on the examples of every other outlet and a pipeline with them analyses the
outlet's documents. Outlets with no training examples of their own (the seed's Enab Baladi) are
held out all the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from ..model import Article, Document

def held_out_analyser(shared: Path, embeddings: bool = True) -> Callable[[str, Sequence[Document]], list[Article]]:
    """``analyse(outlet, documents)``: the documents through a pipeline whose models never saw ``outlet``;
    the stance model reads the e5 embedding of what was said unless ``embeddings`` is false (what
    ``rasid ingest --fast`` ships)."""
    try:
        import sklearn  # noqa: F401  (the fold models are trained here)
    except ImportError as exc:
        from ..errors import ConfigError

        raise ConfigError("scoring leave-one-outlet-out trains a model per outlet, which needs scikit-learn",
                          hint="pip install 'rasid[train]'") from exc
    from ..actors.kb import default_kb
    from ..evaluate import load_scorer
    from ..pipeline import Pipeline
    from .models import Models
    from .train import (antecedent_examples, stance_examples, train_antecedent, train_stance, train_target,
                        training_articles)

    kb = default_kb()
    scorer = load_scorer(shared)
    articles = training_articles(shared)
    examples = stance_examples(articles, scorer, Pipeline(kb, None))
    embedded = examples.embedded() if embeddings else None
    antecedents = antecedent_examples(articles, scorer, kb)

    @lru_cache(maxsize=None)
    def pipeline_for(outlet: str) -> Pipeline:
        return Pipeline(kb, Models(target=train_target(examples, exclude_outlet=outlet),
                                   stance=train_stance(examples, exclude_outlet=outlet, embedded=embedded),
                                   antecedent=train_antecedent(antecedents, exclude_outlet=outlet)))

    def analyse(outlet: str, documents: Sequence[Document]) -> list[Article]:
        pipeline = pipeline_for(outlet)
        return [pipeline.run(d) for d in documents]

    return analyse
