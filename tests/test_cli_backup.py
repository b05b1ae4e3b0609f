"""`rasid dump` / `rasid restore` round-trip a database, corrections included."""

from typer.testing import CliRunner

from rasid.cli import app

from conftest import FIXTURES

runner = CliRunner()


def test_cli_dump_restore_round_trip(tmp_path):
    src, dst, dump_file = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "dump.jsonl"
    assert runner.invoke(app, ["ingest", str(FIXTURES / "scrape_council.txt"), "--db", str(src)]).exit_code == 0
    res = runner.invoke(app, ["dump", "--db", str(src), "--output", str(dump_file)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["restore", str(dump_file), "--db", str(dst)])
    assert res.exit_code == 0 and "restored" in res.output, res.output
    a = runner.invoke(app, ["export", "statements", "--db", str(src)]).output
    b = runner.invoke(app, ["export", "statements", "--db", str(dst)]).output
    assert a == b and a.strip()
    again = runner.invoke(app, ["restore", str(dump_file), "--db", str(dst)])
    assert again.exit_code == 1 and "empty" in again.output.lower()


def test_cli_restore_of_a_missing_file(tmp_path):
    res = runner.invoke(app, ["restore", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 1 and "nope.jsonl" in res.output
