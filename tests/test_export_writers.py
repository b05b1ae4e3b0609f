"""write_jsonl and write_csv."""

from __future__ import annotations

import csv
import io
import json

from store_samples import hts_article, salvation_article, undated_article

from rasid.export import flatten, statement_record, write_csv, write_jsonl


def records() -> list[dict]:
    out = []
    for article in (hts_article(), salvation_article(), undated_article()):
        out.extend(statement_record(article, st, None) for st in article.statements)
    return out


def test_jsonl_keeps_arabic_and_round_trips():
    buf = io.StringIO()
    assert write_jsonl(records(), buf) == 4
    lines = buf.getvalue().splitlines()
    assert len(lines) == 4
    assert "هيئة تحرير الشام" in lines[0]  # "Hayat Tahrir al-Sham", not \u escapes
    assert [json.loads(line) for line in lines] == records()


def test_flatten_rules():
    flat = flatten({"a": {"b": 1, "c": None}, "d": ["x", "y"], "e": True})
    assert flat == {"a.b": "1", "a.c": "", "d": '["x", "y"]', "e": "true"}


def test_csv_dotted_columns_and_null_objects():
    buf = io.StringIO(newline="")
    assert write_csv(records(), buf) == 4
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    header = list(rows[0])
    # the first record has no parent; the parent's columns sit where the placeholder was
    assert "speaker.parent" not in header
    at = header.index("speaker.type")
    assert header[at + 1 : at + 3] == ["speaker.parent.name", "speaker.parent.actor_id"]
    assert "date.value" in header and "date" not in header
    assert rows[0]["speaker.parent.name"] == ""
    assert rows[2]["speaker.parent.name"] == "حكومة الإنقاذ"
    assert rows[3]["date.value"] == ""  # no date at all
    assert json.loads(rows[0]["targets"])[0]["stance"] == "against"
    assert rows[0]["direct"] == "true"
    assert rows[1]["content"] == "إنها ترفض الاتفاق مع روسيا"


def test_csv_with_fixed_fields_streams():
    buf = io.StringIO(newline="")
    assert write_csv(iter(records()), buf, fields=["id", "speaker.name", "date.value"]) == 4
    lines = buf.getvalue().splitlines()
    assert lines[0] == "id,speaker.name,date.value"
    assert lines[1] == "hts-1,هيئة تحرير الشام,2024-05-02"


def test_issue14_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    import io

    from rasid.export import write_csv

    records = [{"title": "=HYPERLINK(\"http://evil\")", "a": "+cmd|' /C calc'!A0", "b": "@SUM(1+1)", "c": "\t=1+2",
                "d": "-2+3", "e": "-3.5", "f": "عادي", "g": "\r=1"}]
    out = io.StringIO()
    write_csv(records, out)
    row = out.getvalue().splitlines()[1]
    assert "'=HYPERLINK" in row and "'+cmd" in row and "'@SUM" in row and "'\t=1+2" in row and "'-2+3" in row
    assert ",-3.5," in row and "عادي" in row  # a plain number and Arabic text are untouched
    raw = io.StringIO()
    write_csv(records, raw, raw=True)
    assert raw.getvalue().splitlines()[1].startswith('"=HYPERLINK')
