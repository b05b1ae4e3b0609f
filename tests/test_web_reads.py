"""The database reads behind timelines and statement lists give what reading every statement in Python gives."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from web_support import filled_store, web_kb

from rasid.actors.kb import KnowledgeBase
from rasid.model import Actor, Affiliation
from rasid.shifts import timeline
from rasid.web.data import Data, StatementFilter
from rasid.web.reads import family_of, merged_page


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    kb = web_kb()
    store = filled_store(tmp_path_factory.mktemp("reads") / "reads.db", kb)
    yield Data(store, kb)
    store.close()


def python_points(data: Data, actor: str, target: str | None) -> list[tuple[str, str, str, str]]:
    pairs = data.pairs(originals_only=True)
    return sorted((p.day.isoformat(), p.statement.id, p.target, str(p.stance))
                  for p in timeline(pairs, data.kb, actor, target))


@pytest.mark.parametrize("actor", ["SSG", "HTS", "RUS", "UN", "TUR", "UKR"])
@pytest.mark.parametrize("target", [None, "RUS", "UKR"])
def test_web_reads_timeline_matches_the_python_timeline(data, actor, target):
    found = data.timeline(actor, target, limit=None)
    got = sorted((p["day"], p["statement"], p["target"]["key"], p["stance"]) for p in found["items"])
    assert got == python_points(data, actor, target)
    assert found["total"] == len(got)
    months: dict[str, dict[str, int]] = {}
    for day, _, _, stance in got:
        months.setdefault(day[:7], {"favor": 0, "against": 0, "neutral": 0})[stance] += 1
    assert found["months"] == months


def test_web_reads_timeline_pages_in_date_order(data):
    everything = data.timeline("SSG", None, limit=None)["items"]
    assert len(everything) >= 3
    pages = [data.timeline("SSG", None, limit=2, offset=o)["items"] for o in range(0, len(everything), 2)]
    assert [p for chunk in pages for p in chunk] == everything
    newest = data.timeline("SSG", None, limit=None, newest_first=True)["items"]
    assert newest == everything[::-1]
    july = data.timeline("SSG", None, since=date(2024, 7, 1), until=date(2024, 7, 31), limit=None)
    assert {p["day"][:7] for p in july["items"]} == {"2024-07"} and july["total"] == len(july["items"])
    # the chart keeps every month whatever the window
    assert list(july["months"]) == list(data.timeline("SSG", None, limit=1)["months"])


def kb_of(*actors: Actor) -> KnowledgeBase:
    kb = web_kb()
    return KnowledgeBase({**kb.actors, **{a.id: a for a in actors}})


def test_web_reads_family_follows_dated_affiliations():
    # a minister speaks for the government only while in office; a news outlet never speaks for its state
    minister = Actor("MIN", "person", "وزير", "Minister", (),
                     (Affiliation("RUS", "minister_of", date(2020, 1, 1), date(2022, 6, 30)),))
    outlet = Actor("TV", "media", "قناة", "TV", (), (Affiliation("RUS", "organ_of"),))
    fam = family_of(kb_of(minister, outlet), "RUS")
    assert ("MIN", "2020-01-01", "2022-06-30") in fam.windows
    assert "TV" not in fam.ids and "TV" in fam.media
    assert family_of(kb_of(minister, outlet), "TV").ids == ["TV"]  # an outlet's family is itself


@given(st.lists(st.integers(0, 60), unique=True), st.lists(st.integers(0, 60), unique=True),
       st.integers(1, 12), st.integers(0, 80), st.booleans())
def test_web_reads_merged_page_is_a_slice_of_the_merged_order(rows, extra, limit, offset, reverse):
    rows = sorted(set(rows) - set(extra), reverse=reverse)
    fetched: list[tuple[int, int]] = []

    def fetch(start: int, n: int) -> list[int]:
        fetched.append((start, n))
        return rows[start : start + n]

    total, page = merged_page(len(rows), fetch, list(extra), lambda x: x, limit, offset, reverse=reverse)
    everything = sorted(rows + list(extra), reverse=reverse)
    assert total == len(everything) and page == everything[offset : offset + limit]
    assert all(n <= limit + len(extra) for _, n in fetched)


FILTERS = [StatementFilter(), StatementFilter(speaker="SSG"), StatementFilter(speaker="الإنقاذ"),
           StatementFilter(target="روسيا"), StatementFilter(target="RUS", stance="favor"),
           StatementFilter(stance="against"), StatementFilter(since=date(2024, 11, 1)),
           StatementFilter(until=date(2024, 7, 31), kind="statement"), StatementFilter(speaker="%"),
           StatementFilter(target="_")]


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_web_reads_statement_pages_match_the_python_filter(data, flt):
    expected = [st.id for _, st in data.pairs(flt)]
    total, first = data.statement_page(flt, 3, 0)
    assert total == len(expected) and [st.id for _, st in first] == expected[:3]
    pages = [data.statement_page(flt, 2, o)[1] for o in range(0, len(expected) + 2, 2)]
    assert [st.id for chunk in pages for _, st in chunk] == expected


def test_outlet_counts_follow_added_deleted_and_reprocessed_articles(tmp_path):
    # the counts are kept between requests and, while articles are only added (an ingest), brought up to date
    # from the new ones alone; a deletion or a re-processed article reads the archive again
    from dataclasses import replace

    from web_support import analyze, article_paths

    from rasid.store import open_store

    kb = web_kb()
    paths = article_paths()
    articles = analyze(paths, kb)
    store = open_store(tmp_path / "o.db")
    store.save_many(articles[:-1])
    data = Data(store, kb)
    before = dict(data.outlets())
    assert sum(before.values()) == len(articles) - 1
    extra = replace(articles[-1], url="https://news.example.org/2025/01/one")
    store.save(extra)
    after = dict(data.outlets())
    assert after.get("news.example.org") == 1 and sum(after.values()) == len(articles)
    store.save(extra)  # stored again (re-processed): no outlet counts it twice
    assert dict(data.outlets()) == after
    store.delete(extra.id)
    assert dict(data.outlets()) == before
    store.close()
