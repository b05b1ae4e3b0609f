"""Hints name the command line's flags when the command line shows them, the library's parameters otherwise."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rasid.batch import ingest
from rasid.cli import FLAGS, app
from rasid.errors import ConfigError, RasidError
from rasid.store import open_store

runner = CliRunner()
SRC = Path(__file__).resolve().parents[1] / "src" / "rasid"


def test_errors_render_their_option_as_a_flag_or_a_parameter():
    exc = ConfigError("{option} must be at least 1, got 0", hint="use e.g. {example}", option="batch_size",
                      example="200")
    assert exc.message == "batch_size must be at least 1, got 0 (use e.g. batch_size=200)"
    assert exc.render({"batch_size": "--batch-size"}) == "--batch-size must be at least 1, got 0 (use e.g. --batch-size 200)"
    assert exc.render({}) == exc.message == str(exc)
    assert exc.reason == "batch_size must be at least 1, got 0" and exc.hint == "use e.g. batch_size=200"
    plain = RasidError("a reason with {braces}", hint="kept {as is}")  # no option: the text is left alone
    assert plain.render(FLAGS) == plain.message == "a reason with {braces} (kept {as is})"


def test_cli_flags_table_names_real_options():
    def commands(group):  # the commands of sub-groups too (rasid watchlist add)
        for cmd in group.commands.values():
            yield from commands(cmd) if hasattr(cmd, "commands") else (cmd,)

    options = {opt for cmd in commands(typer.main.get_command(app)) for p in cmd.params
               for opt in getattr(p, "opts", ())}
    assert set(FLAGS.values()) <= options, set(FLAGS.values()) - options


@pytest.mark.parametrize("args,flag,python", [
    (["--batch-size", "0"], "--batch-size 200", "batch_size"),
    (["--workers", "-1"], "--workers 4", "workers="),
])
def test_cli_ingest_hint_names_the_flag(tmp_path, args, flag, python):
    source = tmp_path / "a.txt"
    source.write_text("عنوان\n\nقال الوزير إن المحادثات ستستأنف غدًا.\n", encoding="utf-8")  # "the minister said talks resume"
    res = runner.invoke(app, ["ingest", str(source), "--db", str(tmp_path / "r.db"), *args])
    assert res.exit_code == 2, res.output
    assert flag in res.output and python not in res.output


def test_library_error_names_the_parameter(tmp_path):
    with open_store(tmp_path / "r.db") as store, pytest.raises(ConfigError) as info:
        ingest([], store, batch_size=0)
    assert "batch_size must be at least 1" in str(info.value) and "batch_size=200" in str(info.value)


def test_cli_csv_mapping_hint_names_the_flag(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("headline,body\nعنوان,نص\n", encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(sheet), "--db", str(tmp_path / "r.db")])
    assert "--csv-columns text=<column>" in res.output and "columns=" not in res.output


# Python spelled in a message: a keyword argument (allow_private=True, batch_size=200) or a dict literal
_PYTHON = re.compile(r"\b[a-z]+_[a-z_]+=|=\{|\bTrue\b|\bFalse\b")
_MESSAGE_DIRS = ["ingest", "store", "extract"]
_MESSAGE_FILES = ["batch.py", "distributed.py", "errors.py", "backup.py", "export.py", "evaluate.py",
                  "stored_shifts.py", "corrections.py"]


def _messages(path: Path):
    """The string pieces given to an error or a Rejection (reasons and hints) in one source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if not (name.endswith(("Error", "Refused", "Skipped")) or name in ("Rejection", "NoSuchDatabase")):
            continue
        for arg in [*node.args, *(k.value for k in node.keywords if k.arg in (None, "hint", "reason"))]:
            for piece in ast.walk(arg):
                if isinstance(piece, ast.Constant) and isinstance(piece.value, str):
                    yield node.lineno, piece.value


def test_no_message_speaks_python():
    files = [p for d in _MESSAGE_DIRS for p in (SRC / d).rglob("*.py")] + [SRC / f for f in _MESSAGE_FILES]
    messages = [(p, line, text) for p in files for line, text in _messages(p)]
    assert len(messages) > 200  # the scan sees the messages (it would pass vacuously otherwise)
    found = [f"{p.relative_to(SRC)}:{line}: {text!r}" for p, line, text in messages if _PYTHON.search(text)]
    assert not found, "messages that name Python instead of the flag (use option=/{option}):\n" + "\n".join(found)
