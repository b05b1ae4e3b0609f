"""Short fuzz run of the whole pipeline: every input yields one Article or one explained Rejection.

Invariants: no exception escapes ``run_many``; results come one per input and in order; a
Rejection has a stage, a non-empty reason and the document's origin; every span of an Article lies
within its text and ``Article.offsets.to_raw`` stays within the raw input.
"""

from __future__ import annotations

from fuzz_support import check_pipeline, document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(document(), min_size=1, max_size=4))
def test_run_many_yields_one_result_per_document(kb, docs):
    check_pipeline(docs, kb)
