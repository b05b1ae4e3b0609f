"""The learned models a pipeline uses, loaded once from ``rasid/models/`` (see scripts/train_models.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .linear import LinearModel

TARGET_MODEL = "target.json"
STANCE_MODEL = "stance.json"
STANCE_PLAIN_MODEL = "stance_plain.json"  # the same decision without the text embedding (rasid ingest --fast)
ANTECEDENT_MODEL = "antecedent.json"


@dataclass(frozen=True)
class Models:
    """The learned decisions of the pipeline; a missing model leaves its decision to the rules."""

    target: LinearModel | None = None  # is an actor of the sentence a target of the statement
    stance: LinearModel | None = None  # with which stance (favor, against, neutral)
    antecedent: LinearModel | None = None  # which speaker or actor a pronoun subject (وأضاف) refers to

    @classmethod
    def load(cls, embeddings: bool = True) -> "Models":
        """The shipped models; without ``embeddings`` the stance model that reads only the rules'
        features (several times faster: the embedding of what was said is most of the cost of
        an article; leave-one-outlet-out the two score within 0.02 stance macro-F1 of each other,
        see docs/models.md and the README)."""
        folder = resources.files("rasid.models")

        def one(name: str) -> LinearModel | None:
            path = folder / name
            return LinearModel.load(str(path)) if path.is_file() else None

        return cls(target=one(TARGET_MODEL), stance=one(STANCE_MODEL if embeddings else STANCE_PLAIN_MODEL),
                   antecedent=one(ANTECEDENT_MODEL))


@lru_cache(maxsize=2)
def default_models(embeddings: bool = True) -> Models:
    """The models shipped in the package (loaded once per process); see :meth:`Models.load`."""
    return Models.load(embeddings)
