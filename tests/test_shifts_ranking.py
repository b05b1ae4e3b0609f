"""Shift ranking: strength of the two stances, statements supporting them, recency."""

from datetime import date

from rasid.model import Stance
from rasid.shifts import _run_lengths, _score


def test_shifts_run_lengths():
    A, F = Stance.AGAINST, Stance.FAVOR
    assert _run_lengths([A, A, F, F, F, A]) == [2, 2, 3, 3, 3, 1]


def test_shifts_score_prefers_strong_supported_recent():
    latest = date(2024, 12, 1)
    strong = _score(0.9, 6, date(2024, 11, 29), latest)
    weak = _score(0.55, 6, date(2024, 11, 29), latest)
    lonely = _score(0.9, 2, date(2024, 11, 29), latest)
    old = _score(0.9, 6, date(2022, 11, 29), latest)
    assert strong > weak and strong > lonely and strong > old
