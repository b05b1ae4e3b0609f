"""Limits enforced while streaming (issue 14): decompressed size, line length, in bounded memory.

Each over-limit input is rejected naming the limit and the flag that raises it; the other
documents of the batch go on; nothing holds more than the limit in memory.
"""

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.cli import app
from rasid.ingest.files import Limits, iter_documents
from rasid.model import Document, Rejection
from rasid.store import open_store

runner = CliRunner()
# "The foreign minister said the talks were fruitful."
GOOD = "قال وزير الخارجية إن المحادثات كانت مثمرة وبناءة مع الجانب الآخر في العاصمة."
MB = 2**20


def _gzip_zeros(path: Path, size: int, prefix: bytes = b"", suffix: bytes = b"") -> Path:
    """A small .gz that inflates to ``size`` bytes (a 'zip bomb' of zeros)."""
    block = b"0" * MB
    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write(prefix)
        for _ in range(size // MB):
            fh.write(block)
        fh.write(suffix)
    return path


def test_ingest_limits_text_bomb_is_rejected_by_its_decompressed_size(tmp_path):
    bomb = _gzip_zeros(tmp_path / "bomb.txt.gz", 80 * MB)
    assert bomb.stat().st_size < 2 * MB  # small on disk
    (item,) = list(iter_documents([bomb]))
    assert isinstance(item, Rejection)
    assert "50 MB limit" in item.reason and "--max-document-mb" in item.reason


def test_ingest_limits_long_jsonl_line_is_rejected_and_the_file_goes_on(tmp_path):
    good = json.dumps({"id": "a", "title": "خبر", "text": GOOD}, ensure_ascii=False).encode()
    huge = b'{"id": "b", "text": "' + b"x" * (3 * MB) + b'"}'
    path = tmp_path / "records.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(good + b"\n" + huge + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    items = list(iter_documents([path], limits=Limits(line_bytes=1 * MB)))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].origin.endswith(":2") and "--max-line-mb" in items[1].reason


def test_ingest_limits_long_csv_row_is_rejected_and_the_file_goes_on(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(f"id,text\n1,{GOOD}\n2,{'y' * (2 * MB)}\n3,{GOOD} ثانية\n", encoding="utf-8")
    items = list(iter_documents([path], limits=Limits(line_bytes=1 * MB)))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert "--max-line-mb" in items[1].reason


def test_ingest_limits_flags_raise_the_limits(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD + "\n" + "و" * (2 * MB), encoding="utf-8")
    db = tmp_path / "r.db"
    res = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--max-document-mb", "1"])
    assert res.exit_code == 1 and "--max-document-mb" in res.output
    res = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--max-document-mb", "10"])
    assert "1 rejected" not in res.output


def test_ingest_limits_stdin_records_are_streamed(tmp_path):
    data = (json.dumps({"id": "s1", "title": "خبر", "text": GOOD}, ensure_ascii=False) + "\n").encode()
    items = list(iter_documents(["-"], stdin=__import__("io").BytesIO(data)))
    assert len(items) == 1 and isinstance(items[0], Document) and items[0].origin == "<stdin>:1"


def _peak_rss_mb(args: list[str]) -> tuple[float, float, str]:
    """Peak resident memory (MB) and wall time of ``rasid`` run in a fresh process."""
    code = ("import resource, sys, time\nfrom rasid.cli import main\nsys.argv = ['rasid'] + sys.argv[1:]\n"
            "t = time.time()\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.time() - t, file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600)
    line = [ln for ln in res.stderr.splitlines() if ln.startswith("PEAK")][-1].split()
    return float(line[1]), float(line[2]), res.stdout + res.stderr


@pytest.mark.sqlite_only  # the rasid subprocess writes a SQLite file, which the test then reads
def test_ingest_limits_bomb_memory_stays_bounded(tmp_path):
    # a .jsonl.gz whose one line inflates to 400 MB, and a .txt.gz of 400 MB: both rejected while they
    # are read, in bounded memory (compared with ingesting one small article) and in seconds
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "a", "title": "خبر", "text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8")
    line_bomb = _gzip_zeros(tmp_path / "bomb.jsonl.gz", 400 * MB, prefix=b'{"id": "x", "text": "', suffix=b'"}\n')
    text_bomb = _gzip_zeros(tmp_path / "bomb.txt.gz", 400 * MB)
    base, _, _ = _peak_rss_mb(["ingest", str(small), "--db", str(tmp_path / "base.db")])
    start = time.time()
    peak, seconds, out = _peak_rss_mb(["ingest", str(line_bomb), str(text_bomb), "--db", str(tmp_path / "b.db")])
    assert "2 rejected" in out, out
    assert peak - base < 300, (base, peak)
    assert time.time() - start < 120
    with open_store(tmp_path / "b.db") as store:
        reasons = [r.reason for r in store.rejections()]
    assert any("--max-line-mb" in r for r in reasons) and any("--max-document-mb" in r for r in reasons), reasons
