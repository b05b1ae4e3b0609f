"""Export records validate against the JSON Schemas shipped in rasid/schema/ (needs jsonschema)."""

from __future__ import annotations

import pytest
from store_samples import hts_article, make_shift, salvation_article, small_kb, undated_article

from rasid.export import SCHEMAS, article_record, load_schema, shift_record, statement_record

jsonschema = pytest.importorskip("jsonschema", reason="install jsonschema to check the export schemas")


def validator(name: str):
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schemas_are_valid_draft_2020_12():
    for name in SCHEMAS:
        assert load_schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        validator(name)


def test_statement_records_validate():
    check = validator("statement")
    kb = small_kb()
    for article in (salvation_article(), hts_article(), undated_article()):
        for st in article.statements:
            for kb_or_none in (kb, None):
                check.validate(statement_record(article, st, kb_or_none))


def test_statement_schema_rejects_drift():
    check = validator("statement")
    article = salvation_article()
    record = statement_record(article, article.statements[0], None)
    assert not check.is_valid({**record, "extra": 1})
    assert not check.is_valid({**record, "kind": "shout"})
    assert not check.is_valid({**record, "date": {"value": "10/03/2024", "text": None, "source": "explicit"}})


def test_article_records_validate():
    check = validator("article")
    for article in (salvation_article(), hts_article(), undated_article()):
        check.validate(article_record(article))


def test_shift_records_validate():
    check = validator("shift")
    check.validate(shift_record(make_shift(), small_kb(), {"art-salvation": salvation_article()}))
    check.validate(shift_record(make_shift(via=()), None))
