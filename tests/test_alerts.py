"""Watchlists and alerts (rasid.alerts): what matches, raised once, delivered once, and the Atom feed.

The statements are built by hand (as in test_stored_shifts) and written the way an ingest writes them
(rasid.batch.LedgerWriter, which raises the alerts after every batch): the Salvation Government (SSG)
and Russia's foreign ministry speak about Russia (RUS) and Turkey (TUR). The webhook receiver is a
local HTTP server on the loopback address, so every watchlist that posts to it allows a private address.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import feedparser
import pytest
import sqlalchemy as sa

from rasid import alerts as AL
from rasid.actors.kb import default_kb
from rasid.batch import IngestSummary, LedgerWriter, document_key
from rasid.errors import ConfigError
from rasid.model import Article, Kind, Mention, Span, Stance, Statement, TargetStance
from rasid.store import open_store
from rasid.store.tables import alerts as ALERTS
from rasid.store.tables import watchlists as WATCHLISTS

A, F = Stance.AGAINST, Stance.FAVOR
NAMES = {"SSG": ("حكومة الإنقاذ", "de_facto_government"),  # the Salvation Government
         "RUS_MFA": ("وزارة الخارجية الروسية", "ministry"),  # Russia's foreign ministry
         "RUS": ("روسيا", "country"), "TUR": ("تركيا", "country")}  # Russia; Turkey


@pytest.fixture(scope="module")
def kb():
    return default_kb()


def _statement(n: int, k: int, start: int, text: str, speaker: str, target: str, stance: Stance) -> Statement:
    sp = Mention(Span(start, start + 5), NAMES[speaker][0], NAMES[speaker][0], speaker, NAMES[speaker][1])
    tg = Mention(Span(start + 6, start + 10), NAMES[target][0], NAMES[target][0], target, "country")
    return Statement(id=f"s{n}-{k}", speaker=sp, cue=Span(start, start + 3), content=Span(start + 4, start + len(text) - 1),
                     sentence=Span(start, start + len(text)), direct=True,
                     kind=Kind.CONDEMN if stance == A else Kind.PRAISE, targets=(TargetStance(tg, stance, 0.9, "cue"),))


def article(n: int, day: datetime, said: list[tuple[str, str, Stance, str]]) -> Article:
    """Article ``n`` of ``day``: one statement per (speaker, target, stance, words)."""
    pieces, statements = [], []
    for k, (speaker, target, stance, words) in enumerate(said):
        start = sum(len(p) for p in pieces)
        text = f"قال المتحدث {n} {k} {words}. "  # "the spokesman said ..."
        pieces.append(text)
        statements.append(_statement(n, k, start, text, speaker, target, stance))
    return Article(id=f"{n:016x}", text="".join(pieces), source=f"outlet{n % 3}", published=day,
                   statements=tuple(statements))


def write(store, kb, articles: list[Article]) -> None:
    """What an ingest writes, batch by batch (alerts raised after each)."""
    from rasid import stored_shifts

    stored_shifts.start_if_empty(store, kb)
    writer = LedgerWriter(store, IngestSummary(), 3, shifts_kb=kb)
    writer.add([(document_key(a), a) for a in articles])
    writer.flush()


def turning(first: int, count: int, turn_at: int, day0: datetime, before: Stance = A, after: Stance = F
            ) -> list[Article]:
    """The Salvation Government against Russia (``before``), then for it (``after``) from article ``turn_at``
    on, one article every other day; Russia's foreign ministry speaks about Turkey beside it."""
    out = []
    for n in range(first, first + count):
        stance = after if n >= turn_at else before
        out.append(article(n, day0 + timedelta(days=2 * (n - first)),
                           [("SSG", "RUS", stance, "كلاما عن روسيا ومعبر باب الهوى"),  # "words about Russia and the Bab al-Hawa crossing"
                            ("RUS_MFA", "TUR", F, "كلاما عن تركيا")]))  # "words about Turkey"
    return out


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "alerts.db")
    yield s
    s.close()


# --- watchlists -------------------------------------------------------------------------------

def test_a_watchlist_keeps_known_actors_by_id_and_says_what_is_wrong(store, kb):
    w = AL.create_watchlist(store, kb, "russia", actors=["روسيا"], targets=["TUR", "جهة غير معروفة"])  # unknown body
    assert w.actors == ("RUS",) and w.targets == ("TUR", "جهة غير معروفة")
    assert AL.get_watchlist(store, "russia") == AL.get_watchlist(store, w.id) == w
    with pytest.raises(ConfigError, match="exists already"):
        AL.create_watchlist(store, kb, "russia", actors=["RUS"])
    with pytest.raises(ConfigError, match="watches nothing"):
        AL.create_watchlist(store, kb, "empty", queries=["  "])
    with pytest.raises(ConfigError, match="no webhook"):
        AL.create_watchlist(store, kb, "secret", actors=["RUS"], secret="s")
    with pytest.raises(ConfigError, match="not an http"):
        AL.create_watchlist(store, kb, "ftp", actors=["RUS"], webhook="ftp://example.org/x")
    with pytest.raises(ConfigError, match="loopback") as refused:
        AL.create_watchlist(store, kb, "local", actors=["RUS"], webhook="http://127.0.0.1:8080/hook")
    assert refused.value.render({"allow_private": "--allow-private"}).endswith(
        "(rasid only posts to public addresses; --allow-private allows a private or loopback receiver)")
    assert AL.create_watchlist(store, kb, "local", actors=["RUS"], webhook="http://127.0.0.1:8080/hook",
                               allow_private=True).webhook
    assert "secret" not in AL.get_watchlist(store, "local").public()
    assert AL.delete_watchlist(store, "local") and not AL.delete_watchlist(store, "local")


def test_statements_written_after_the_watchlist_raise_alerts_once(store, kb):
    day = datetime(2024, 3, 1)
    write(store, kb, turning(1, 2, 99, day))  # before the watchlist: never raised
    w = AL.create_watchlist(store, kb, "ssg on russia", actors=["SSG"], targets=["RUS"])
    write(store, kb, turning(10, 4, 99, day + timedelta(days=30)))
    total, found = AL.alerts(store, watchlist=w.id)
    assert total == 4 and {a.key for a in found} == {f"s{n}-0" for n in range(10, 14)}
    assert all(a.kind == "statement" and a.title.startswith("حكومة الإنقاذ: «") for a in found)
    assert found[0].record["speaker"]["actor_id"] == "SSG"
    assert AL.raise_alerts(store, kb) == 0  # raising again adds nothing
    write(store, kb, turning(20, 1, 99, day + timedelta(days=60)))
    assert AL.alerts(store, watchlist=w.id)[0] == 5


def test_affiliates_targets_and_queries(store, kb):
    only = AL.create_watchlist(store, kb, "russia itself", actors=["RUS"])
    family = AL.create_watchlist(store, kb, "russia and who speaks for it", actors=["RUS"], affiliates=True)
    turkey = AL.create_watchlist(store, kb, "about turkey", targets=["تركيا"])
    crossing = AL.create_watchlist(store, kb, "the crossing", queries=["المعبر"])  # "the crossing" (article and all)
    both = AL.create_watchlist(store, kb, "ssg and the crossing", actors=["SSG"], queries=["المعبر", "سوريا"])
    write(store, kb, turning(1, 2, 99, datetime(2024, 3, 1)))
    keys = {w.name: {a.key for a in AL.alerts(store, watchlist=w.id)[1]} for w in (only, family, turkey, crossing, both)}
    assert keys["russia itself"] == set()  # the ministry is not Russia itself
    assert keys["russia and who speaks for it"] == keys["about turkey"] == {"s1-1", "s2-1"}
    assert keys["the crossing"] == keys["ssg and the crossing"] == {"s1-0", "s2-0"}


def test_shifts_raise_one_alert_and_those_that_existed_are_the_baseline(store, kb):
    day = datetime(2024, 1, 1)
    write(store, kb, turning(1, 8, 5, day))  # against Russia in 1-4, for it in 5-8: one shift
    from rasid.stored_shifts import read_shifts

    assert len(read_shifts(store, kb).shifts) == 1
    old = AL.create_watchlist(store, kb, "made after the first turn", targets=["RUS"])
    assert AL.alerts(store, watchlist=old.id, kind="shift")[0] == 0  # the shift that existed is its baseline
    write(store, kb, turning(9, 8, 13, day + timedelta(days=40), F, A))  # for Russia still, then against from 13 on
    shifts = AL.alerts(store, watchlist=old.id, kind="shift")[1]
    assert [a.title for a in shifts] == ["حكومة الإنقاذ → روسيا: favor → against"]
    assert shifts[0].record["after"]["statement"] == "s13-0" and shifts[0].article_id == f"{13:016x}"
    assert AL.raise_alerts(store, kb) == 0 and shifts[0].withdrawn_at is None
    with store.engine.connect() as conn:  # the baseline is stored, never listed
        assert conn.execute(sa.select(sa.func.count()).select_from(ALERTS).where(ALERTS.c.baseline.is_(True))).scalar() == 1


def test_reading_and_marking(store, kb):
    w = AL.create_watchlist(store, kb, "turkey", targets=["TUR"])
    write(store, kb, turning(1, 3, 99, datetime(2024, 3, 1)))
    total, page = AL.alerts(store, watchlist=w.id, limit=2)
    assert total == 3 and len(page) == 2 and page[0].id > page[1].id  # newest first
    assert AL.mark_read(store, [page[0].id]) == 1 and AL.mark_read(store, [page[0].id]) == 0
    assert AL.unread_counts(store) == {w.id: 2}
    assert AL.alerts(store, unread=False)[0] == 1
    assert AL.mark_read(store, watchlist=w.id) == 2 and AL.unread_counts(store) == {}
    assert AL.mark_read(store, watchlist=w.id, read=False) == 3


# --- the webhook ------------------------------------------------------------------------------

class Receiver:
    """A webhook receiver on 127.0.0.1: records every request; ``answers`` are the statuses to give in
    turn (then 200), ``delay`` seconds before answering."""

    def __init__(self, answers: list[int] | None = None, delay: float = 0.0):
        self.got: list[tuple[dict[str, str], bytes]] = []
        self.answers = list(answers or [])
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.got.append(({k.lower(): v for k, v in self.headers.items()}, body))
                time.sleep(delay)
                status = outer.answers.pop(0) if outer.answers else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made: list[Receiver] = []

    def make(*args, **kwargs) -> Receiver:
        made.append(Receiver(*args, **kwargs))
        return made[-1]

    yield make
    for r in made:
        r.close()


def test_each_alert_is_posted_once_signed_and_not_again_after_a_restart(tmp_path, kb, receiver):
    rx = receiver()
    path = tmp_path / "hook.db"
    store = open_store(path)
    AL.create_watchlist(store, kb, "turkey", targets=["TUR"], webhook=rx.url, secret="s3cret", allow_private=True)
    write(store, kb, turning(1, 3, 99, datetime(2024, 3, 1)))
    report = AL.deliver(store)
    assert (report.delivered, report.retrying, report.failed) == (3, 0, 0)
    headers, body = rx.got[0]
    assert headers["x-rasid-signature-256"] == "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    sent = json.loads(body)
    assert sent["watchlist"]["name"] == "turkey" and sent["alert"]["kind"] == "statement"
    assert headers["x-rasid-delivery"] == str(sent["alert"]["id"]) and headers["x-rasid-event"] == "statement"
    assert sorted(json.loads(b)["alert"]["id"] for _, b in rx.got) == [1, 2, 3]
    store.close()
    store = open_store(path)  # a restart
    assert AL.deliver(store).delivered == 0 and len(rx.got) == 3
    assert all(a.delivered_at for a in AL.alerts(store)[1])
    store.close()


def test_a_failing_receiver_is_retried_later_and_every_attempt_recorded(store, kb, receiver):
    rx = receiver(answers=[500])
    AL.create_watchlist(store, kb, "turkey", targets=["TUR"], webhook=rx.url, allow_private=True)
    write(store, kb, turning(1, 1, 99, datetime(2024, 3, 1)))
    t0 = datetime.now(AL.UTC)
    assert AL.deliver(store, now=t0).retrying == 1
    (a,) = AL.alerts(store)[1]
    assert a.attempts == 1 and not a.delivered_at
    wait = datetime.fromisoformat(a.next_attempt_at) - t0
    assert timedelta(seconds=AL.FIRST_RETRY - 2) <= wait <= timedelta(seconds=AL.FIRST_RETRY + 2)
    assert AL.deliver(store, now=t0 + timedelta(seconds=5)).delivered == 0  # not due yet
    assert AL.deliver(store, now=t0 + timedelta(seconds=AL.FIRST_RETRY + 5)).delivered == 1
    attempts = AL.deliveries(store, a.id)
    assert [(d["attempt"], d["status"], d["ok"]) for d in attempts] == [(1, 500, False), (2, 200, True)]
    assert attempts[0]["error"] == "the receiver answered 500"
    assert "rasid-signature" not in " ".join(rx.got[0][0])  # no secret, no signature
    assert AL.retry_delay(1) == AL.FIRST_RETRY and AL.retry_delay(2) == 2 * AL.FIRST_RETRY
    assert AL.retry_delay(50) == AL.MAX_RETRY


def test_a_receiver_that_never_answers_in_time_is_given_up_after_the_last_attempt(store, kb, receiver):
    rx = receiver(delay=1.0)
    AL.create_watchlist(store, kb, "turkey", targets=["TUR"], webhook=rx.url, allow_private=True)
    write(store, kb, turning(1, 1, 99, datetime(2024, 3, 1)))
    moment = datetime.now(AL.UTC)
    for n in range(AL.MAX_ATTEMPTS):
        report = AL.deliver(store, now=moment, timeout=0.2)
        moment += timedelta(seconds=AL.MAX_RETRY + 1)
    assert report.failed == 1
    (a,) = AL.alerts(store)[1]
    assert a.failed and a.attempts == AL.MAX_ATTEMPTS and not a.delivered_at
    attempts = AL.deliveries(store, a.id)
    assert len(attempts) == AL.MAX_ATTEMPTS and attempts[0]["status"] is None
    assert "did not answer within" in attempts[0]["error"]
    assert AL.deliver(store, now=moment).failed == 0  # given up: not tried again


def test_a_private_receiver_is_refused_at_the_connection_too(store, kb, receiver):
    rx = receiver()
    w = AL.create_watchlist(store, kb, "turkey", targets=["TUR"], webhook=rx.url, allow_private=True)
    with store.engine.begin() as conn:  # (as if the receiver's name now resolved to a private address)
        conn.execute(sa.update(WATCHLISTS).where(WATCHLISTS.c.id == w.id).values(allow_private=False))
    write(store, kb, turning(1, 1, 99, datetime(2024, 3, 1)))
    assert AL.deliver(store).retrying == 1 and rx.got == []
    (a,) = AL.alerts(store)[1]
    assert "loopback" in AL.deliveries(store, a.id)[0]["error"]


def test_an_alert_claimed_by_one_deliverer_is_not_sent_by_another(store, kb, receiver):
    rx = receiver()
    AL.create_watchlist(store, kb, "turkey", targets=["TUR"], webhook=rx.url, allow_private=True)
    write(store, kb, turning(1, 1, 99, datetime(2024, 3, 1)))
    (a,) = AL.alerts(store)[1]
    now = datetime.now(AL.UTC)
    assert AL._claim(store, a.id, now)  # another deliverer is sending it
    assert AL.deliver(store, now=now).delivered == 0 and rx.got == []
    assert AL.deliver(store, now=now + timedelta(seconds=AL.CLAIM + 1)).delivered == 1  # its claim ran out


# --- Atom ----------------------------------------------------------------------------------

def test_the_atom_feed_pages_newest_first(store, kb):
    w = AL.create_watchlist(store, kb, "turkey", targets=["TUR"])
    write(store, kb, turning(1, 5, 99, datetime(2024, 3, 1)))
    total, page = AL.alerts(store, watchlist=w.id, limit=2, offset=2)
    xml = AL.atom_feed(w, page, total=total, offset=2, limit=2, feed_url="http://x/watchlists/1/feed.atom",
                       site_url="http://x/alerts")
    feed = feedparser.parse(xml)
    assert not feed.bozo and feed.feed.title == "rasid — turkey"
    assert [e.id for e in feed.entries] == [f"rasid:alert:{w.id}:{a.id}" for a in page]
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["next"].endswith("?offset=4") and links["previous"].endswith("?offset=0")
    assert links["first"].endswith("?offset=0") and links["last"].endswith("?offset=4")
    assert feed.entries[0].title.startswith("وزارة الخارجية الروسية: «")


def test_alerts_a_failed_or_killed_run_left_unraised_are_raised_by_the_next(store, kb, monkeypatch, caplog):
    from rasid import batch
    from rasid.errors import StoreError

    w = AL.create_watchlist(store, kb, "turkey", targets=["TUR"])

    def broken(*args, **kwargs):
        raise StoreError("the database is gone for a moment")

    monkeypatch.setattr(AL, "raise_alerts", broken)
    write(store, kb, turning(1, 2, 99, datetime(2024, 3, 1)))  # stored; the alerts not raised, the batch not stopped
    assert store.counts()["articles"] == 2 and AL.alerts(store)[0] == 0
    assert "alerts not raised after this batch" in caplog.text
    monkeypatch.undo()

    class NoPipeline:  # nothing to analyse: the next run only finds what the last one left
        kb = default_kb()

    batch.ingest([], store, pipeline=NoPipeline())
    assert AL.alerts(store, watchlist=w.id)[0] == 2


def test_a_shift_that_later_statements_undo_is_withdrawn_not_deleted(store, kb):
    day = datetime(2024, 1, 1)
    w = AL.create_watchlist(store, kb, "russia", targets=["RUS"])
    write(store, kb, turning(1, 8, 5, day))  # against Russia in 1-4, for it in 5-8: one shift
    (shift,) = AL.alerts(store, watchlist=w.id, kind="shift")[1]
    # older articles ingested late: for Russia before the first day too, so the change point is no longer there
    write(store, kb, turning(30, 6, 30, day - timedelta(days=40), A, F))
    (now,) = AL.alerts(store, watchlist=w.id, kind="shift")[1][-1:]
    assert now.id == shift.id and now.withdrawn_at is not None
    assert "withdrawn" in AL._summary(now)
