"""A small linear model over named features: multinomial logistic regression, saved as JSON.

Features are ``{name: value}`` dicts that the rules compute (``src=evidence``, ``first_after_cue``,
``score``...); a name the model has not seen weighs nothing. The package only *applies* models
(a dot product, numpy-free); training uses scikit-learn (``pip install 'rasid[train]'``), which
``rasid evaluate`` and ``scripts/train_models.py`` need, not the pipeline.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

Features = Mapping[str, float]


@dataclass(frozen=True)
class LinearModel:
    """``classes`` and, per feature, one weight per class (a binary model has one class weight)."""

    name: str
    classes: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]
    bias: tuple[float, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)

    def scores(self, features: Features) -> list[float]:
        out = list(self.bias)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is None or not value:
                continue
            for k, wk in enumerate(w):
                out[k] += wk * value
        return out

    def proba(self, features: Features) -> dict[str, float]:
        """Class probabilities (softmax; a binary model gives the positive class its sigmoid)."""
        s = self.scores(features)
        if len(self.classes) == 2 and len(s) == 1:
            p = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, s[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(s)
        exps = [math.exp(v - top) for v in s]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "classes": list(self.classes), "bias": list(self.bias),
                "weights": {k: list(v) for k, v in sorted(self.weights.items())}, "meta": dict(self.meta)}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                              encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "LinearModel":
        return cls(data["name"], tuple(data["classes"]), {k: tuple(v) for k, v in data["weights"].items()},
                   tuple(data["bias"]), data.get("meta", {}))

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        try:
            return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"cannot read the model {path}: {exc}",
                              hint="rebuild it with scripts/train_models.py") from exc


def fit(name: str, rows: Sequence[Features], labels: Sequence[str], *, c: float = 1.0,
        class_weight: str | None = None, meta: Mapping[str, Any] | None = None,
        sample_weight: Sequence[float] | None = None) -> LinearModel:
    """Train a logistic regression (L2, lbfgs: deterministic) on feature dicts and string labels."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - the train extra is installed for evaluation
        raise ConfigError("training needs scikit-learn", hint="pip install 'rasid[train]'") from exc
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise ConfigError(f"cannot train {name}: one class only ({classes})", hint="add labelled examples")
    vec = DictVectorizer(sparse=True, sort=True)
    x = vec.fit_transform([dict(r) for r in rows])
    model = LogisticRegression(C=c, max_iter=2000, class_weight=class_weight)
    model.fit(x, list(labels), sample_weight=None if sample_weight is None else list(sample_weight))
    names = vec.get_feature_names_out()
    coef = model.coef_
    weights = {str(n): tuple(round(float(v), 6) for v in coef[:, j]) for j, n in enumerate(names)
               if any(abs(v) > 1e-9 for v in coef[:, j])}
    return LinearModel(name, tuple(str(c_) for c_ in model.classes_), weights,
                       tuple(round(float(b), 6) for b in model.intercept_),
                       {**(meta or {}), "examples": len(rows), "c": c})
