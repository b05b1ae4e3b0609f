"""Rejected documents are recorded with where they came from and why."""

from __future__ import annotations

from rasid.model import Rejection
from rasid.store import open_store


def test_rejections_are_recorded_in_order(tmp_path):
    first = Rejection("feed.jsonl:3", "read", "the line is not JSON")
    second = Rejection("page.html", "extract", "no article body found")
    with open_store(tmp_path / "r.db") as store:
        store.record_rejection(first)
        store.record_rejection(second)
        assert store.rejections() == [first, second]
        assert store.counts()["rejections"] == 2
    with open_store(tmp_path / "r.db") as store:
        assert store.rejections() == [first, second]
