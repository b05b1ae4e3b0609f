"""HTML extraction against bare trafilatura, on pages with expected snippets (issue 14).

benchmarks/eval_html.py prints the table; here its numbers are floored: on every page rasid keeps
every snippet bare trafilatura keeps (the pre-pass never costs the article a paragraph), it keeps
all the expected snippets of the pages written for the tests, leaks no more boilerplate than the
recorded floor, and reads each page's own publication day (the local day, Hijri dates converted).
The real pages of ../shared are included when present.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LEAKS = 5  # boilerplate snippets that leak, over all pages (bare trafilatura: 11); lower it when it drops


@pytest.fixture(scope="module")
def rows():
    spec = importlib.util.spec_from_file_location("eval_html", ROOT / "benchmarks" / "eval_html.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_html"] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module.score()


def test_extract_html_keeps_everything_trafilatura_keeps(rows):
    worse = [(r.name, r.rasid_with, r.trafilatura_with) for r in rows if r.rasid_with < r.trafilatura_with]
    assert not worse, worse


def test_extract_html_keeps_every_expected_snippet(rows):
    missed = {r.name: r.missed for r in rows if r.missed}
    assert not missed, missed


def test_extract_html_leaks_little_boilerplate(rows):
    leaks = sum(r.rasid_leaks for r in rows)
    assert leaks <= MAX_LEAKS and leaks <= sum(r.trafilatura_leaks for r in rows)


def test_extract_html_publication_day_is_the_pages_own(rows):
    wrong = [(r.name, r.date_expected, r.rasid_date) for r in rows if r.date_expected and r.rasid_date != r.date_expected]
    assert not wrong, wrong
