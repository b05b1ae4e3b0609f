"""CSV input: column mapping, bad rows as path:row Rejections, encodings, and the suffix hook in iter_documents."""

from __future__ import annotations

from pathlib import Path

from ingest_support import (
    SENTENCE_1,
    SENTENCE_2,
    SENTENCE_3,
    LocalServer,
    Route,
    article_page,
)

from rasid.extract import extract
from rasid.ingest.csvfile import iter_csv
from rasid.ingest.files import iter_documents
from rasid.model import Document, Rejection

HEADLINE = "وزير الخارجية يرفض العقوبات"  # "The foreign minister rejects the sanctions"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_mapped_columns_become_record_fields(tmp_path: Path) -> None:
    csv_text = ("headline,body,date,link,section\n"
                f'{HEADLINE},"{SENTENCE_1} {SENTENCE_2}",2024-11-30,https://news.example/1,سياسة\n')  # "politics"
    path = _write(tmp_path / "news.csv", csv_text)
    docs = list(iter_csv(path, columns={"text": "body", "title": "headline", "published": "date", "url": "link"}))
    assert len(docs) == 1 and isinstance(docs[0], Document)
    doc = docs[0]
    assert doc.format == "record" and doc.origin == f"{path}:2" and doc.url == "https://news.example/1"
    assert doc.fields["title"] == HEADLINE and doc.fields["section"] == "سياسة"
    article = extract(doc)
    assert article.title == HEADLINE and SENTENCE_2 in article.text
    assert article.published is not None and article.published.year == 2024


def test_default_mapping_is_identity_and_multiline_cells_work(tmp_path: Path) -> None:
    csv_text = f'title,text\n{HEADLINE},"{SENTENCE_1}\n{SENTENCE_2}"\nعنوان ثان,{SENTENCE_3}\n'  # "second title"
    docs = list(iter_csv(_write(tmp_path / "n.csv", csv_text)))
    assert [d.origin.rsplit(":", 1)[1] for d in docs] == ["2", "3"]  # spreadsheet rows, not physical lines
    assert SENTENCE_2 in docs[0].content


def test_bad_rows_are_rejected_with_their_row_and_the_rest_goes_on(tmp_path: Path) -> None:
    csv_text = ("title,text\n"
                f"{HEADLINE},{SENTENCE_1}\n"
                "بلا نص,\n"  # "no text"
                f"{HEADLINE},{SENTENCE_2},extra,cells\n"
                "\n"
                f"{HEADLINE},{SENTENCE_3}\n")
    path = _write(tmp_path / "bad.csv", csv_text)
    results = list(iter_csv(path))
    assert [type(r).__name__ for r in results] == ["Document", "Rejection", "Rejection", "Document"]
    assert results[1].origin == f"{path}:3" and "no text" in results[1].reason
    assert results[2].origin == f"{path}:4" and "4 cells" in results[2].reason


def test_missing_text_column_is_one_clear_rejection(tmp_path: Path) -> None:
    path = _write(tmp_path / "cols.csv", f"headline,content\n{HEADLINE},{SENTENCE_1}\n")
    results = list(iter_csv(path))
    assert len(results) == 1 and isinstance(results[0], Rejection)
    assert "'headline', 'content'" in results[0].reason and "--csv-columns text=" in results[0].reason  # the flag, not Python


def test_unknown_mapping_key_and_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "e.csv", "")
    assert "empty" in next(iter_csv(path)).reason
    assert "unknown field 'body'" in next(iter_csv(path, columns={"body": "text"})).reason


def test_windows_1256_csv_from_excel(tmp_path: Path) -> None:
    path = _write(tmp_path / "excel.csv", f"title;text\n{HEADLINE};{SENTENCE_1}\n", "cp1256")
    docs = list(iter_csv(path, delimiter=";"))
    assert isinstance(docs[0], Document) and docs[0].content == SENTENCE_1


def test_tsv_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "n.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + f"title\ttext\n{HEADLINE}\t{SENTENCE_1}\n".encode())
    docs = list(iter_documents([path]))
    assert len(docs) == 1 and docs[0].fields["title"] == HEADLINE


def test_iter_documents_routes_csv_and_passes_the_mapping(tmp_path: Path) -> None:
    _write(tmp_path / "a.csv", f"headline,body\n{HEADLINE},{SENTENCE_1}\n")
    _write(tmp_path / "b.txt", SENTENCE_2)
    results = list(iter_documents([tmp_path], csv_columns={"text": "body", "title": "headline"}))
    assert [r.format for r in results] == ["record", "text"]
    assert results[0].fields["title"] == HEADLINE


def test_iter_documents_fetches_urls() -> None:
    with LocalServer({"/1": Route(200, article_page().encode())}) as srv:
        results = list(iter_documents([srv.url("/1"), srv.url("/missing")], allow_private=True,
                                      fetch_options={"host_delay": 0, "retries": 0}))
    assert isinstance(results[0], Document) and results[0].url == srv.url("/1")
    assert isinstance(results[1], Rejection) and "404" in results[1].reason


def test_iter_documents_refuses_private_urls_by_default() -> None:
    results = list(iter_documents(["http://127.0.0.1:9/x"]))
    assert len(results) == 1 and "loopback" in results[0].reason
