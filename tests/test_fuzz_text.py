"""Short fuzz runs of the Arabic text core: the normaliser's laws and date expressions on random text."""

from __future__ import annotations

from fuzz_support import any_char, arabic_text, check_dates, check_normalize, publication_date
from hypothesis import given, settings
from hypothesis import strategies as st

FAST = settings(max_examples=200, deadline=None)


@FAST
@given(st.one_of(arabic_text(), st.text(any_char, max_size=60)))
def test_fold_idempotent_and_index_maps_back(text):
    check_normalize(text)


@FAST
@given(arabic_text(max_tokens=40), publication_date)
def test_find_dates_any_text_any_publication_date(text, published):
    check_dates(text, published)


@FAST
@given(arabic_text(max_tokens=40), st.dates(min_value=__import__("datetime").date(1990, 1, 1),
                                            max_value=__import__("datetime").date(2040, 12, 31)))
def test_find_dates_realistic_publication_dates(text, published):
    check_dates(text, published)
