"""Stored shifts (rasid.stored_shifts) are what find_shifts computes from every statement: the same
shifts in the same order, after each ingest batch, a second ingest that extends existing series,
corrections, a copy linked to its original and a deleted article; and a database without them builds
them once.

The statements are built by hand, as in test_shifts_ranking: the Salvation Government (SSG) and the
group it is the political umbrella of (HTS) speaking about Russia, Turkey and the United States, with
stances that turn, so that the series have several change points and the merge of a change seen by
SSG and HTS (the nearest member wins) and ties of score are exercised.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa

from rasid import stored_shifts
from rasid.batch import IngestSummary, LedgerWriter, document_key
from rasid.corrections import corrected_statements, delete_correction, make_correction, save_correction
from rasid.model import Article, Kind, Mention, Span, Stance, Statement, TargetStance
from rasid.shifts import supported_shifts
from rasid.store import open_store
from rasid.store.db import WriterBusy

A, F = Stance.AGAINST, Stance.FAVOR
SPEAKERS = {"SSG": "حكومة الإنقاذ", "HTS": "هيئة تحرير الشام"}  # the Salvation Government; Hayat Tahrir al-Sham
TARGETS = {"RUS": "روسيا", "TUR": "تركيا", "USA": "الولايات المتحدة"}  # Russia; Turkey; the United States
START = date(2024, 1, 1)


def _articles(first: int, count: int, seed: int, day0: int = 0) -> list[Article]:
    """``count`` articles of three statements each; every speaker's stance toward each target turns
    every ten days or so, with a misread statement now and then."""
    rng = random.Random(seed)
    out = []
    for n in range(first, first + count):
        day = START + timedelta(days=day0 + (n - first) * 2 + rng.randint(0, 1))
        pieces, statements = [], []
        for k in range(3):
            speaker = rng.choice(list(SPEAKERS))
            target = rng.choice(list(TARGETS))
            stance = A if ((day - START).days // 10 + len(target)) % 2 else F
            if rng.random() < 0.1:
                stance = F if stance == A else A  # misread
            start = sum(len(p) for p in pieces)
            text = f"قال المتحدث {n} {k} كلاما {rng.random():.6f}. "  # "the spokesman said words ..."
            pieces.append(text)
            sp = Mention(Span(start, start + 5), SPEAKERS[speaker], SPEAKERS[speaker], speaker, "de_facto_government")
            tg = Mention(Span(start + 6, start + 10), TARGETS[target], TARGETS[target], target, "country")
            statements.append(Statement(
                id=f"s{n}-{k}", speaker=sp, cue=Span(start, start + 3), content=Span(start + 4, start + len(text) - 1),
                sentence=Span(start, start + len(text)), direct=bool(k % 2),
                kind=Kind.CONDEMN if stance == A and k == 0 else Kind.ASSERT,
                targets=(TargetStance(tg, stance, 0.9),)))
        out.append(Article(id=f"{n:016x}", text="".join(pieces), source=f"outlet{n % 3}",
                           published=datetime.combine(day, datetime.min.time()), statements=tuple(statements)))
    return out


def _ingest(store, kb, articles: list[Article], batch_size: int = 7) -> None:
    """What an ingest writes: articles through the ledger writer, batch by batch."""
    stored_shifts.start_if_empty(store, kb)
    writer = LedgerWriter(store, IngestSummary(), batch_size, shifts_kb=kb)
    writer.add([(document_key(a), a) for a in articles])
    writer.flush()


def _recomputed(store, kb, **filters):
    return supported_shifts(corrected_statements(store, originals_only=True), kb, **filters)


def _stored(store, kb, **filters):
    return stored_shifts.read_shifts(store, kb, **filters).shifts


def _assert_same(store, kb):
    expected = _recomputed(store, kb)
    assert expected, "the corpus must make shifts for the comparison to mean something"
    assert _stored(store, kb) == expected
    for filters in ({"actor": "SSG"}, {"actor": SPEAKERS["HTS"]}, {"target": "TUR"},
                    {"since": START + timedelta(days=20), "until": START + timedelta(days=70)}):
        assert _stored(store, kb, **filters) == _recomputed(store, kb, **filters), filters
    return expected


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "shifts.db") as s:
        yield s


def test_stored_shifts_equal_recomputed_after_ingests_and_corrections(store, kb):
    _ingest(store, kb, _articles(0, 30, seed=1))
    assert stored_shifts.status(store, kb) == "current"  # kept current by the ingest, not by the read
    first = _assert_same(store, kb)

    # a second ingest adds statements to the existing series (later days, and some in between)
    _ingest(store, kb, _articles(30, 25, seed=2, day0=40) + _articles(55, 6, seed=3, day0=5))
    assert stored_shifts.status(store, kb) == "current"
    second = _assert_same(store, kb)
    assert second != first

    # a correction turns the stance of the statement after a shift: its series are computed again
    turn = second[0].shift
    article = next(a for a, s in corrected_statements(store) if s.id == turn.after.id)
    fix = save_correction(store, make_correction(article, turn.after, author="test", kb=kb,
                                                 stances={turn.target: str(turn.from_stance)}))
    assert stored_shifts.status(store, kb) == "dirty"
    corrected = _assert_same(store, kb)
    assert corrected != second
    # a correction that moves a statement to another speaker leaves one series and joins another
    moved = next(s for a, s in corrected_statements(store) if s.speaker.actor_id == "SSG")
    moved_article = next(a for a, s in corrected_statements(store) if s.id == moved.id)
    save_correction(store, make_correction(moved_article, moved, author="test", kb=kb, speaker="HTS"))
    _assert_same(store, kb)
    assert delete_correction(store, fix.id)
    _assert_same(store, kb)

    # a copy linked to its original leaves the shifts; a deleted article too
    store.mark_duplicate(second[0].shift.before_article, "0" * 16)
    _assert_same(store, kb)
    store.delete(second[-1].shift.after_article)
    _assert_same(store, kb)


def test_stored_shifts_pages_are_slices_of_the_ranking(store, kb):
    _ingest(store, kb, _articles(0, 40, seed=4))
    everything = stored_shifts.read_shifts(store, kb)
    assert everything.total == len(everything.shifts) >= 3
    page = stored_shifts.read_shifts(store, kb, limit=2, offset=1)
    assert page.total == everything.total
    assert page.shifts == everything.shifts[1:3]
    assert {s.shift.before_article for s in page.shifts} <= set(page.articles)


def test_stored_shifts_database_without_them_builds_once_with_a_message(store, kb):
    store.save_many(_articles(0, 30, seed=5))  # written without the ingest: marks only
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM shift_state"))  # as a database from before migration 0007
    assert stored_shifts.status(store, kb) == "unbuilt"
    messages: list[str] = []
    found = stored_shifts.read_shifts(store, kb, progress=messages.append).shifts
    assert messages and "building the stored shifts" in messages[0]
    assert found == _recomputed(store, kb)
    assert stored_shifts.status(store, kb) == "current"
    messages.clear()
    stored_shifts.read_shifts(store, kb, progress=messages.append)
    assert messages == []  # built once


def test_stored_shifts_refresh_waits_for_a_build(store, kb):
    store.save_many(_articles(0, 10, seed=6))
    assert stored_shifts.refresh(store, kb) is None  # never built: the marks wait for the first read
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM shift_dirty")).scalar() == 10
    stored_shifts.rebuild(store, kb)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM shift_dirty")).scalar() == 0


def test_stored_shifts_cli_reads_the_table_and_rebuilds_on_request(tmp_path, kb, monkeypatch):
    import json

    from typer.testing import CliRunner

    from rasid.cli import app
    from rasid.export import shift_record

    db = tmp_path / "cli.db"
    with open_store(db) as s:
        _ingest(s, kb, _articles(0, 30, seed=7))
        expected = [json.loads(json.dumps(shift_record(x.shift, kb, s.get_article), ensure_ascii=False))
                    for x in _recomputed(s, kb)]
    monkeypatch.setattr("rasid.actors.kb.default_kb", lambda *a: kb)
    runner = CliRunner()
    result = runner.invoke(app, ["shifts", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected
    rebuilt = runner.invoke(app, ["shifts", "--db", str(db), "--format", "jsonl", "--rebuild"])
    assert rebuilt.exit_code == 0
    assert "building the stored shifts" in rebuilt.stderr
    assert [json.loads(line) for line in rebuilt.stdout.splitlines()] == expected


@pytest.mark.sqlite_only
def test_a_reader_does_not_wait_for_an_ingest_to_refresh_the_stored_shifts(store, kb):
    """A page read while an ingest holds the write lock serves the stored shifts as they are, at once;
    the read after the ingest's batch brings the new articles in."""
    _ingest(store, kb, _articles(0, 20, seed=7))
    before = _stored(store, kb)
    store.save_many(_articles(20, 10, seed=8, day0=40))  # written, marked dirty, not yet brought in
    assert stored_shifts.status(store, kb) == "dirty"
    with store.engine.connect() as writer:
        writer.exec_driver_sql("BEGIN IMMEDIATE")  # an ingest's batch transaction
        with pytest.raises(WriterBusy):
            stored_shifts.refresh(store, kb, wait=False)
        # a page read answers at once, from what is committed
        assert stored_shifts.read_shifts(store, kb, wait=False).shifts == before
        writer.exec_driver_sql("ROLLBACK")
    assert stored_shifts.refresh(store, kb, wait=False) == 10
    _assert_same(store, kb)
