"""Progress on standard error: lines with a rate when it is not a terminal (a log file, a pipe)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rasid.batch import IngestSummary
from rasid.cli import ProgressLines, app

runner = CliRunner()
TEXT = "قالت وزارة الخارجية التركية إن الحدود ستبقى مفتوحة أمام المساعدات"  # "the Turkish foreign ministry said the border stays open to aid"


def test_progress_lines_every_n_documents_or_seconds():
    now = [100.0]
    lines: list[str] = []
    report = ProgressLines(lines.append, every=1000, seconds=10.0, clock=lambda: now[0])
    now[0] = 101.0
    report(IngestSummary(ingested=400))  # neither 1,000 documents nor 10 s: quiet
    now[0] = 104.0
    report(IngestSummary(ingested=1150, duplicates=47, rejected=3))  # 1,200 documents
    assert lines == ["rasid: ingest: 1,200 documents, 300.0/s, 1,150 ingested, 3 rejected"]
    now[0] = 114.5
    report(IngestSummary(ingested=1300, duplicates=47, rejected=3, skipped=500))  # 10.5 s later
    assert lines[-1] == "rasid: ingest: 1,350 documents, 93.1/s, 1,300 ingested, 3 rejected (500 already done)"
    report(IngestSummary(ingested=1301, duplicates=47, rejected=3, skipped=500))  # right after: quiet
    assert len(lines) == 2


def _records(tmp_path, n):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "title": "خبر", "text": f"{TEXT} رقم {i}."}, ensure_ascii=False)
                              for i in range(n)) + "\n", encoding="utf-8")
    return path


def test_cli_ingest_prints_progress_lines_when_stderr_is_not_a_terminal(tmp_path):
    # the runner's stderr is not a terminal: lines, not the live display
    res = runner.invoke(app, ["ingest", str(_records(tmp_path, 4)), "--db", str(tmp_path / "r.db"),
                              "--batch-size", "2", "--progress-every", "2"])
    assert res.exit_code == 0, res.output
    progress = [line for line in res.output.splitlines() if line.startswith("rasid: ingest: ")
                and "documents" in line]
    assert [p.split(",")[0] for p in progress] == ["rasid: ingest: 2 documents", "rasid: ingest: 4 documents"]
    assert all("/s" in p and "rejected" in p for p in progress)
    assert "4 ingested" in res.output.splitlines()[-1]


def test_cli_ingest_quiet_prints_no_progress(tmp_path):
    res = runner.invoke(app, ["ingest", str(_records(tmp_path, 2)), "--db", str(tmp_path / "r.db"),
                              "--batch-size", "1", "--progress-every", "1", "--quiet"])
    assert res.exit_code == 0 and "documents," not in res.output
