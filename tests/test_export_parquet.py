"""Parquet export: nested records round-trip, nulls and missing keys are unified across chunks."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.export import write_parquet

pq = pytest.importorskip("pyarrow.parquet", reason="needs pyarrow")


def test_nested_records_round_trip(tmp_path: Path) -> None:
    records = [
        # "The Salvation Government" speaking about "Russia"
        {"id": "a", "speaker": {"name": "حكومة الإنقاذ", "parent": None}, "targets": [],
         "span": [1, 5], "direct": False, "confidence": 0.5},
        {"id": "b", "speaker": {"name": "وزارة الاقتصاد", "parent": {"name": "حكومة الإنقاذ", "actor_id": "SSG"}},
         "targets": [{"name": "روسيا", "stance": "against", "confidence": 0.9}], "span": [7, 9], "direct": True,
         "confidence": 0.75},
    ]
    path = tmp_path / "statements.parquet"
    assert write_parquet(records, path) == 2
    table = pq.read_table(path)
    assert table.column_names == ["id", "speaker", "targets", "span", "direct", "confidence"]
    rows = table.to_pylist()
    assert rows[0]["speaker"] == {"name": "حكومة الإنقاذ", "parent": None}
    assert rows[1]["speaker"]["parent"] == {"name": "حكومة الإنقاذ", "actor_id": "SSG"}
    assert rows[1]["targets"] == [{"name": "روسيا", "stance": "against", "confidence": 0.9}]
    assert rows[0]["targets"] == [] and rows[1]["span"] == [7, 9]


def test_types_unified_across_chunks(tmp_path: Path) -> None:
    # the first chunk has only nulls / no 'extra' key; later chunks give the types
    records = [{"id": str(i), "url": None} for i in range(5)]
    records += [{"id": str(i), "url": f"https://news.example/{i}", "extra": {"n": i}} for i in range(5, 9)]
    path = tmp_path / "mixed.parquet"
    assert write_parquet(records, path, chunk_size=3) == 9
    table = pq.read_table(path)
    assert str(table.schema.field("url").type) == "string"
    rows = table.to_pylist()
    assert rows[0] == {"id": "0", "url": None, "extra": None}
    assert rows[8] == {"id": "8", "url": "https://news.example/8", "extra": {"n": 8}}


def test_all_null_field_is_written_as_string_and_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "nulls.parquet"
    write_parquet([{"id": "x", "external_id": None}], path)
    assert str(pq.read_table(path).schema.field("external_id").type) == "string"
    empty = tmp_path / "empty.parquet"
    assert write_parquet([], empty) == 0
    assert pq.read_table(empty).num_rows == 0


def test_real_statement_and_plover_records(tmp_path: Path) -> None:
    from store_samples import hts_article, salvation_article, small_kb

    from rasid.export import plover_record, statement_record

    kb = small_kb()
    pairs = [(a, st) for a in (salvation_article(), hts_article()) for st in a.statements]
    assert write_parquet((statement_record(a, st, kb) for a, st in pairs), tmp_path / "s.parquet") == 3
    assert write_parquet((plover_record(a, st, kb) for a, st in pairs), tmp_path / "p.parquet") == 3
    rows = pq.read_table(tmp_path / "p.parquet").to_pylist()
    assert [r["event"] for r in rows] == [["REJECT"], [], ["ACCUSE"]]
    assert rows[0]["recipient"][0]["identifier_id"] == "rus"
