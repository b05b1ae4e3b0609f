"""Corrections in the database: stored with who and when, surviving re-ingestion, orphans reported."""

from __future__ import annotations

from web_support import analyze, article_paths, filled_store, web_kb

from rasid.corrections import (corrected_statements, delete_correction, load_corrections, make_correction, orphaned,
                               save_correction)
from rasid.model import Stance
from rasid.shifts import find_shifts


def ssg_on_russia(pairs):
    return [(a, s) for a, s in pairs if s.speaker.actor_id == "SSG" and any(t.target.key == "RUS" for t in s.targets)]


def test_roundtrip_with_author_and_time(tmp_path):
    kb = web_kb()
    store = filled_store(tmp_path / "c.db", kb)
    article, st = ssg_on_russia(store.statements())[-1]
    saved = save_correction(store, make_correction(article, st, author="lina", kb=kb,
                                                   stances={"RUS": "against"}, note="irony"))
    [loaded] = load_corrections(store)
    assert loaded == saved and loaded.id is not None and loaded.author == "lina" and loaded.created_at
    assert loaded.stances == {"RUS": Stance.AGAINST} and loaded.note == "irony"
    assert load_corrections(store, article.id) == [loaded] and load_corrections(store, "other") == []
    assert delete_correction(store, loaded.id) and not delete_correction(store, loaded.id)
    store.close()


def test_corrections_apply_to_reads_and_shifts_and_survive_reingest(tmp_path):
    kb = web_kb()
    store = filled_store(tmp_path / "c.db", kb)
    assert len(find_shifts(store.statements(), kb, target="RUS")) == 1
    # the analyst reads every favourable statement of the later article as against (irony)
    favourable = [(a, s) for a, s in ssg_on_russia(store.statements()) if s.targets[0].stance == Stance.FAVOR]
    assert len(favourable) >= 2 and len({a.id for a, _ in favourable}) == 1
    article = favourable[0][0]
    for _, st in favourable:
        save_correction(store, make_correction(article, st, author="lina", kb=kb, stances={"RUS": "against"}))
    assert find_shifts(corrected_statements(store), kb, target="RUS") == []
    # the article is removed and ingested again (e.g. re-processed): the corrections still apply
    assert store.delete(article.id)
    assert sorted(c.statement_id for c in orphaned(store)) == sorted(st.id for _, st in favourable)
    again = [a for a in analyze(article_paths(examples=False), kb) if a.id == article.id]
    store.save_many(again)
    assert orphaned(store) == []
    stances = {s.targets[0].stance for _, s in ssg_on_russia(corrected_statements(store))}
    assert stances == {Stance.AGAINST}
    store.close()


def test_orphan_when_the_statement_changes(tmp_path):
    from dataclasses import replace

    from rasid.model import Span

    kb = web_kb()
    store = filled_store(tmp_path / "c.db", kb)
    before = len(ssg_on_russia(store.statements()))
    article, st = ssg_on_russia(store.statements())[0]
    save_correction(store, make_correction(article, st, author="lina", kb=kb, wrong=True))
    assert len(ssg_on_russia(corrected_statements(store))) == before - 1
    full = store.get_article(article.id)
    # a newer pipeline cuts the content one character shorter: the correction no longer matches
    changed = tuple(replace(s, content=Span(s.content.start, s.content.end - 1)) if s.id == st.id else s
                    for s in full.statements)
    store.replace(replace(full, statements=changed))
    [orphan] = orphaned(store)
    assert orphan.statement_id == st.id and orphan.wrong is True
    assert len(ssg_on_russia(corrected_statements(store))) == before  # the statement shows again
    store.close()
