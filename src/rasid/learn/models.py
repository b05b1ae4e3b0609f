"""The learned models a pipeline uses, loaded once from ``rasid/models/`` (see scripts/train_models.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .linear import LinearModel

TARGET_MODEL = "target.json"
STANCE_MODEL = "stance.json"
ANTECEDENT_MODEL = "antecedent.json"


@dataclass(frozen=True)
class Models:
    """The learned decisions of the pipeline; a missing model leaves its decision to the rules."""

    target: LinearModel | None = None  # is an actor of the sentence a target of the statement
    stance: LinearModel | None = None  # with which stance (favor, against, neutral)
    antecedent: LinearModel | None = None  # which speaker or actor a pronoun subject (وأضاف) refers to

    @classmethod
    def load(cls) -> "Models":
        folder = resources.files("rasid.models")

        def one(name: str) -> LinearModel | None:
            path = folder / name
            return LinearModel.load(str(path)) if path.is_file() else None

        return cls(target=one(TARGET_MODEL), stance=one(STANCE_MODEL), antecedent=one(ANTECEDENT_MODEL))


@lru_cache(maxsize=1)
def default_models() -> Models:
    """The models shipped in the package (loaded once per process)."""
    return Models.load()
