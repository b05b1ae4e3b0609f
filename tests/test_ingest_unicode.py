"""Invalid Unicode at the boundary: lone surrogates never block a file (issue 14).

JSON may escape lone UTF-16 surrogates ("\\ud800"); Python keeps them in strings, and every
database driver refuses to encode them. They are replaced by U+FFFD and the article flagged;
a document that still cannot be stored is rejected and recorded on its own.
"""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rasid.cli import app
from rasid.ingest.unicode import repair, valid_text
from rasid.model import Article, Rejection
from rasid.store import open_store

runner = CliRunner()

# "The foreign minister said the talks were fruitful."
GOOD = "قال وزير الخارجية إن المحادثات كانت مثمرة وبناءة مع الجانب الآخر في العاصمة."


def _line(**fields):
    # json.dumps with ensure_ascii keeps a lone surrogate as the escape "\udXXX", as real files carry it;
    # each record gets its own text (the same text twice is one article)
    return json.dumps({"title": "خبر", "text": f"{GOOD} رقم {fields['id'][:2]}", **fields})


def test_ingest_unicode_valid_text_replaces_lone_surrogates():
    assert valid_text("abc") == ("abc", 0)
    assert valid_text("a\ud800b\udfff") == ("a\ufffdb\ufffd", 2)
    assert valid_text("قال 😀") == ("قال 😀", 0)  # a real astral character is not a surrogate
    fixed, n = repair({"id": "x\ud800", "tags": ["\udc00", 1], "k\ud801": None})
    assert fixed == {"id": "x\ufffd", "tags": ["\ufffd", 1], "k\ufffd": None} and n == 3


def test_issue14_surrogate_in_id_or_url_does_not_block_the_file(tmp_path):
    lines = [_line(id="a1"), _line(id="a2\ud800"), _line(id="a3", url="https://example.org/\udc00"),
             _line(id="a4", title="عنوان\ud83d"), _line(id="a5", text=GOOD + " \udfff"),
             _line(id="a6"), "not json", _line(id="a8")]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "r.db"
    first = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "rejected" in first.output and "1 rejected" in first.output
    again = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert again.exit_code == 0 and "already done" in again.output
    with open_store(db) as store:
        arts = {a.external_id: a for a in store.articles()}
        assert store.counts()["rejections"] == 1
    # a1..a6 and a8: the lines with surrogates are stored with U+FFFD and flagged
    assert len(arts) == 7
    assert "a2\ufffd" in arts and arts["a2\ufffd"].metadata["unicode_repairs"] >= 1
    assert arts["a3"].url == "https://example.org/\ufffd"
    assert "unicode_repairs" not in arts["a1"].metadata


def test_issue14_a_document_the_store_cannot_write_is_rejected_alone(tmp_path):
    # built through the Python API, so no boundary repaired it: the store must not lose the batch
    bad = Article(id="bad0000000000000", text="نص\ud800 عربي للتجربة", title="x")
    good = Article(id="good000000000000", text="نص عربي سليم للتجربة", title="y")
    with open_store(tmp_path / "r.db") as store:
        outcomes = store.save_ledgered([("k1", good), ("k2", bad), ("k3", Rejection("f\udc00", "read", "why"))])
        assert outcomes == ["ingested", "rejected", "rejected"]
        assert [a.id for a in store.articles()] == ["good000000000000"]
        reasons = {r.origin: r for r in store.rejections()}
        assert reasons["bad0000000000000"].stage == "store" and "could not be stored" in reasons["bad0000000000000"].reason
        assert "f\ufffd" in reasons
        # a rerun finds the stored one done and tries the rejected one again: rejected again, recorded once
        assert store.save_ledgered([("k1", good), ("k2", bad)]) == ["done", "rejected"]
        assert sorted(r.origin for r in store.rejections()) == ["bad0000000000000", "f\ufffd"]


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                     max_leaves=8)
_texty = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0xFFFF), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.fixed_dictionaries(
    {"id": _texty, "url": _texty, "title": _texty, "text": st.one_of(_texty, st.just(GOOD)),
     "published": st.one_of(st.none(), _texty, st.just("2024-01-02"))}, optional={"extra": _json}), max_size=4))
def test_ingest_unicode_arbitrary_json_through_the_cli(tmp_path_factory, records):
    # any JSON (escapes and lone surrogates included): never a traceback, every line accounted for
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = folder / "r.db"
    res = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.output
    assert "Traceback" not in res.output
    with open_store(db) as store:
        counts = store.counts()
    assert counts["articles"] + counts["rejections"] <= len(records)
    again = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert again.exception is None or isinstance(again.exception, SystemExit), again.output
    assert "0 ingested" in again.output
