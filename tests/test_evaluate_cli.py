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


def test_evaluate_gold_file_without_text_names_the_line(tmp_path):
    bad = tmp_path / "mine.jsonl"
    bad.write_text('{"id": "a1", "statements": []}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(bad), "--shared", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "mine.jsonl:1" in result.output and "text" in result.output


def test_evaluate_gold_file_scores_it_with_the_shipped_models(tmp_path, shared):
    import json

    # "The Jordanian foreign minister Ayman Safadi said on Monday that his country rejects any attempt to
    # displace the Palestinians, and called on the Security Council to act."
    text = ("عمّان - قال وزير الخارجية الأردني أيمن الصفدي، الاثنين، إن بلاده ترفض أي محاولة لتهجير الفلسطينيين.\n\n"
            "ودعا الصفدي مجلس الأمن الدولي إلى التحرك فورًا لوقف الحرب.")
    gold = {"id": "mine-1", "outlet": "Petra", "published": "2024-01-08", "title": "الصفدي يرفض التهجير",
            "text": text, "statements": [
                {"speaker": "وزير الخارجية الأردني أيمن الصفدي", "speaker_ok": ["أيمن الصفدي", "الصفدي"],
                 "anonymous": False, "cue": "قال", "quote": "بلاده ترفض أي محاولة لتهجير الفلسطينيين",
                 "direct": False, "date": "2024-01-08", "date_text": "الاثنين", "targets": [], "kind": "reject"},
                {"speaker": "الصفدي", "speaker_ok": ["أيمن الصفدي", "الصفدي"], "anonymous": False, "cue": "ودعا",
                 "quote": "مجلس الأمن الدولي إلى التحرك فورًا لوقف الحرب", "direct": False, "date": None,
                 "date_text": None, "targets": [{"name": "مجلس الأمن الدولي", "name_ok": ["مجلس الأمن"],
                                                  "stance": "neutral"}], "kind": "appeal"}]}
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    root = shared("eval", "score_statements.py").parents[1]
    result = runner.invoke(app, ["evaluate", "--gold", str(path), "--shared", str(root), "--json", "--fast"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["mine"]  # only the file: no gold set unless --set asks for one
    row = data["mine"]["outlets"]["Petra"]
    assert row["gold_statements"] == 2 and row["recall"] == 1.0 and row["precision"] == 1.0
