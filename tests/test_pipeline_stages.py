"""The pipeline: stage order, the failing stage named, run_many never stops on one document."""

import pytest

from rasid import pipeline
from rasid.errors import StageError
from rasid.model import Document, Rejection

TEXT = "قالت وزارة الخارجية التركية إن الحدود ستبقى مفتوحة."  # "The Turkish MFA said the border stays open."


def _doc(origin="doc-1"):
    return Document(origin=origin, content=TEXT, format="record", fields={"title": "t", "published": "2024-01-02"})


def test_pipeline_stages_in_order():
    assert pipeline.STAGES == ("extract", "segment", "actors", "statements", "places", "dates", "stance")
    assert [name for name, _ in pipeline._STAGE_FUNCS] == list(pipeline.STAGES[1:])


def test_pipeline_names_the_failing_stage(monkeypatch, kb):
    def broken(article, kb):
        raise ValueError("boom")

    funcs = tuple((n, broken if n == "dates" else f) for n, f in pipeline._STAGE_FUNCS)
    monkeypatch.setattr(pipeline, "_STAGE_FUNCS", funcs)
    with pytest.raises(StageError) as info:
        pipeline.run(_doc(), kb)
    assert info.value.stage == "dates" and "doc-1" in str(info.value) and "boom" in str(info.value)
    results = list(pipeline.run_many([_doc("a"), _doc("b")], kb))
    assert all(isinstance(r, Rejection) and r.stage == "dates" for r in results)


def test_pipeline_run_many_goes_on_after_a_bad_document(kb):
    bad = Document(origin="bad", content="", format="record", fields={})
    results = list(pipeline.run_many([bad, _doc()], kb))
    assert isinstance(results[0], Rejection) and results[0].origin == "bad"
    assert results[1].statements
