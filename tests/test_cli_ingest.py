"""The CLI: ingest (files, folders, stdin), duplicates, bad input, --db and $RASID_DB, exports."""

import json

import pytest
from typer.testing import CliRunner

from rasid.cli import app

from conftest import FIXTURES

runner = CliRunner()

GOOD = FIXTURES / "scrape_council.txt"


def _jsonl(tmp_path, lines):
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _record(i, text="قالت وزارة الخارجية التركية إن الحدود ستبقى مفتوحة أمام المساعدات."):
    # "The Turkish foreign ministry said the border will stay open to aid."
    return json.dumps({"id": f"ext-{i}", "url": f"https://example.org/{i}", "title": "خبر", "published": "2024-03-01T10:00:00+03:00",
                       "text": text + f" رقم {i}.", "section": "سياسة"}, ensure_ascii=False)


def test_cli_ingest_twice_keeps_one(tmp_path):
    db = tmp_path / "r.db"
    first = runner.invoke(app, ["ingest", str(GOOD), "--db", str(db)])
    second = runner.invoke(app, ["ingest", str(GOOD), "--db", str(db)])
    assert first.exit_code == 0 and "1 ingested" in first.output
    # the same file again: the ledger knows it is done
    assert second.exit_code == 0 and "0 ingested" in second.output and "already done" in second.output
    # the same article under another name: a duplicate, stored once
    copy = tmp_path / "copy.txt"
    copy.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    third = runner.invoke(app, ["ingest", str(copy), "--db", str(db)])
    assert third.exit_code == 0 and "1 duplicates" in third.output
    out = runner.invoke(app, ["export", "articles", "--db", str(db)])
    assert len(out.output.strip().splitlines()) == 1


@pytest.mark.sqlite_only
def test_cli_ingest_db_from_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("RASID_DB", str(db))
    assert runner.invoke(app, ["ingest", str(GOOD)]).exit_code == 0
    assert db.exists()


def test_cli_ingest_folder_and_stdin(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    _jsonl(folder, [_record(1)])
    db = tmp_path / "r.db"
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "2 ingested" in res.output
    res = runner.invoke(app, ["ingest", "-", "--db", str(db)], input=_record(2))
    assert "1 ingested" in res.output


def test_cli_jsonl_keeps_external_id_and_metadata(tmp_path):
    db = tmp_path / "r.db"
    runner.invoke(app, ["ingest", str(_jsonl(tmp_path, [_record(7)])), "--db", str(db)])
    rec = json.loads(runner.invoke(app, ["export", "statements", "--db", str(db)]).output.splitlines()[0])
    assert rec["article"]["external_id"] == "ext-7"
    assert rec["article"]["url"] == "https://example.org/7"
    from rasid.store import open_store

    (article,) = list(open_store(db).articles())
    assert article.metadata["section"] == "سياسة"


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n \n", "empty"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "png"),
])
def test_cli_bad_file_is_rejected_and_recorded(tmp_path, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    db = tmp_path / "r.db"
    res = runner.invoke(app, ["ingest", str(bad), str(GOOD), "--db", str(db)])
    assert res.exit_code == 0  # something was ingested
    assert "1 ingested" in res.output and "1 rejected" in res.output
    assert name in res.output and reason in res.output.lower()
    from rasid.store import open_store

    (rej,) = open_store(db).rejections()
    assert rej.origin.endswith(name)


def test_cli_invalid_utf8_is_rejected_or_decoded(tmp_path):
    # bytes that are neither UTF-8 nor Arabic in any code page
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Ceci n'est pas un article arabe, mais du texte français accentué: é à ç.".encode("latin-1"))
    db = tmp_path / "r.db"
    res = runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert res.exit_code == 1  # nothing could be ingested
    assert "latin.txt" in res.output


def test_cli_bad_jsonl_lines_do_not_stop_the_batch(tmp_path):
    path = _jsonl(tmp_path, [_record(1), "{not json", json.dumps({"id": "x", "title": "no text"}), "[1, 2]", _record(2)])
    db = tmp_path / "r.db"
    res = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert res.exit_code == 0
    assert "2 ingested" in res.output and "3 rejected" in res.output
    assert "records.jsonl:2" in res.output and "not valid JSON" in res.output
    assert "records.jsonl:3" in res.output and "no 'text' or 'html'" in res.output


def test_cli_nothing_ingested_exits_non_zero(tmp_path):
    path = _jsonl(tmp_path, ["{broken"])
    res = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "r.db")])
    assert res.exit_code == 1


def test_cli_missing_path_is_reported(tmp_path):
    res = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "r.db")])
    assert res.exit_code == 1 and "no such file" in res.output


def test_cli_export_csv_and_filters(tmp_path):
    db = tmp_path / "r.db"
    runner.invoke(app, ["ingest", str(_jsonl(tmp_path, [_record(1)])), "--db", str(db)])
    csv_out = runner.invoke(app, ["export", "statements", "--format", "csv", "--db", str(db)]).output
    assert csv_out.splitlines()[0].startswith("id,") and len(csv_out.strip().splitlines()) == 2
    res = runner.invoke(app, ["statements", "--speaker", "الخارجية", "--format", "jsonl", "--db", str(db)])
    assert len(res.output.strip().splitlines()) == 1
    res = runner.invoke(app, ["statements", "--since", "2030-01-01", "--format", "jsonl", "--db", str(db)])
    assert res.output.strip() == ""
    res = runner.invoke(app, ["statements", "--since", "yesterday", "--db", str(db)])
    assert res.exit_code == 2 and "--since" in res.output


def test_cli_demo_runs(tmp_path):
    res = runner.invoke(app, ["demo", "--no-serve", "--db", str(tmp_path / "demo.db")])
    assert res.exit_code == 0, res.output
    assert "against → favor" in res.output


def test_cli_demo_serves_with_one_process(tmp_path, monkeypatch):
    # the demo's server is the one `rasid serve` starts, with its defaults
    calls = []
    monkeypatch.setattr("rasid.web.app.serve", lambda db, **kw: calls.append(kw))
    res = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")])
    assert res.exit_code == 0, res.output
    assert calls and calls[0]["workers"] == 1 and calls[0]["host"] == "127.0.0.1"


def test_cli_persian_article_is_skipped_with_reason(tmp_path):
    # Persian in Arabic script: "The Iranian foreign minister said talks with Saudi Arabia will continue."
    fa = json.dumps({"id": "fa-1", "title": "خبر", "text": "وزیر امور خارجه ایران گفت که مذاکرات با عربستان سعودی "
                     "ادامه خواهد داشت و هیچ تغییری در سیاست کشور ما ایجاد نشده است."}, ensure_ascii=False)
    path = _jsonl(tmp_path, [fa, _record(1)])
    db = tmp_path / "r.db"
    res = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert "1 ingested" in res.output and "records.jsonl:1" in res.output and "'fa'" in res.output
    from rasid.store import open_store

    (rej,) = open_store(db).rejections()
    assert rej.stage == "language"


def test_cli_syndicated_copy_is_linked(tmp_path):
    # the same wire story with a different last sentence: a near-duplicate, linked to its original
    body = ("قالت وزارة الخارجية التركية إن الحدود ستبقى مفتوحة أمام قوافل المساعدات الإنسانية المتجهة إلى الشمال السوري، "
            "وأضافت أن فرق الهلال الأحمر ستواصل عملها في المعابر طوال الأسبوع المقبل رغم الأحوال الجوية السيئة. "
            "وأشارت الوزارة إلى أن عدد الشاحنات التي عبرت منذ بداية الشهر تجاوز ثلاثمئة شاحنة محملة بالغذاء والدواء "
            "والوقود، وأن التنسيق مع المنظمات الدولية مستمر لضمان وصول المساعدات إلى المخيمات في الوقت المناسب. ")
    a = json.dumps({"id": "a", "title": "خبر", "text": body + "وأكدت الوزارة التزامها بالتنسيق مع الأمم المتحدة."}, ensure_ascii=False)
    b = json.dumps({"id": "b", "title": "خبر منقول", "text": body + "المصدر: وكالات."}, ensure_ascii=False)
    db = tmp_path / "r.db"
    res = runner.invoke(app, ["ingest", str(_jsonl(tmp_path, [a, b])), "--db", str(db)])
    assert "2 ingested" in res.output and "1 syndicated" in res.output


def test_cli_syndicated_copies_count_once_in_shifts(tmp_path):
    from rasid.store import open_store

    db = tmp_path / "r.db"
    runner.invoke(app, ["ingest", str(GOOD), "--db", str(db)])
    store = open_store(db)
    (article,) = list(store.articles())
    all_pairs = list(store.statements())
    store.mark_duplicate(article.id, "some-original")
    assert all_pairs and list(store.statements(originals_only=True)) == []


def test_cli_export_parquet_and_plover(tmp_path):
    import pyarrow.parquet as pq

    db = tmp_path / "r.db"
    runner.invoke(app, ["ingest", str(GOOD), "--db", str(db)])
    out = tmp_path / "s.parquet"
    res = runner.invoke(app, ["export", "statements", "--format", "parquet", "--output", str(out), "--db", str(db)])
    assert res.exit_code == 0 and pq.read_table(out).num_rows >= 1
    assert runner.invoke(app, ["export", "statements", "--format", "parquet", "--db", str(db)]).exit_code == 2
    res = runner.invoke(app, ["export", "statements", "--format", "plover", "--all", "--db", str(db)])
    events = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    assert events and all("cite_info" in e and "event" in e for e in events)


def test_cli_ingest_fast_uses_the_stance_model_without_embeddings(tmp_path):
    from rasid.learn.models import Models

    plain, full = Models.load(embeddings=False), Models.load()
    assert plain.stance is not None and plain.stance.meta.get("embedding") is None
    assert full.stance is not None and full.stance.meta.get("embedding") == "content"
    assert plain.target is full.target or plain.target.weights == full.target.weights
    db = tmp_path / "r.db"
    result = runner.invoke(app, ["ingest", str(GOOD), "--db", str(db), "--fast"])
    assert result.exit_code == 0 and "1 ingested" in result.output
    out = runner.invoke(app, ["statements", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0 and out.output.strip()


def test_issue13_cli_rejected_file_is_tried_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    bad = folder / "bad.txt"
    bad.write_bytes(b"")
    db = tmp_path / "r.db"
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "1 ingested" in first.output and f"rejected: {bad}" in first.output
    # nothing fixed: the bad file is read and rejected again, not "already done"
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert f"rejected: {bad}" in again.output and "1 rejected" in again.output, again.output
    assert "1 already done" in again.output
    # fixed: it is ingested
    from batch_support import article_text

    bad.write_text(article_text(5), encoding="utf-8")
    fixed = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "1 ingested" in fixed.output and "0 rejected" in fixed.output, fixed.output
