"""`rasid evaluate` without what it needs says so and how to fix it (no traceback)."""

import sys

from typer.testing import CliRunner

from rasid.cli import app

runner = CliRunner()


def test_evaluate_without_a_shared_folder_names_the_flag(tmp_path):
    result = runner.invoke(app, ["evaluate", "--shared", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no shared data folder" in result.output and "--shared" in result.output


def test_evaluate_without_scikit_learn_names_the_extra(tmp_path, monkeypatch):
    from rasid.learn.folds import held_out_analyser
    from rasid.errors import ConfigError

    monkeypatch.setitem(sys.modules, "sklearn", None)  # import sklearn raises ImportError
    try:
        held_out_analyser(tmp_path)
    except ConfigError as exc:
        assert "scikit-learn" in exc.message and "rasid[train]" in (exc.hint or "")
    else:  # pragma: no cover
        raise AssertionError("no ConfigError")
