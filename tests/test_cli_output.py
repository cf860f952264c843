"""``--format json`` on the commands that list things: the library's dataclasses, field for field."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "csto-kazakhstan.json"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_GAZETTEER", str(tmp_path / "user-gazetteer.tsv"))
    monkeypatch.setenv("KG_WIKIDATA_API", "http://127.0.0.1:9/never-called")


def run_json(*args, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def test_link_json_is_the_candidates_fields():
    (first, *_) = run_json("link", "Tokayev", "--format", "json")
    assert first == {"key": "Q200881", "label": "Kassym-Jomart Tokayev", "type": "Person", "score": 0.9,
                     "source": "gazetteer", "qid": "Q200881", "description": "person"}
    assert run_json("link", "Kazakhstan", "--type", "person", "-f", "json", code=1) == []


def test_type_and_format_refuse_values_outside_their_choices():
    for args in (["link", "Kazakhstan", "--type", "planet"], ["link", "Kazakhstan", "--format", "xml"],
                 ["gazetteer", "build", str(EXAMPLE), "--type", "planet"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "Invalid value" in result.output, result.output


def test_choices_are_listed_in_help():
    assert "place|person|organization" in runner.invoke(app, ["link", "--help"]).output
    assert "table|json" in runner.invoke(app, ["explain", "--help"]).output
    assert "place|person|organization" in runner.invoke(app, ["gazetteer", "build", "--help"]).output


def test_cache_info_json(tmp_path):
    info = run_json("cache", "info", "--format", "json")
    assert info == {"path": str(tmp_path / "cache" / "wikidata.sqlite"), "entries": 0, "size_bytes": 0,
                    "oldest": None, "newest": None}


def test_gazetteer_info_json_agrees_with_the_table(tmp_path):
    info = run_json("gazetteer", "info", "-f", "json")
    assert set(info) == {"entries", "linked", "by_type", "user_path", "user_gazetteer_exists"}
    assert info["entries"] == sum(info["by_type"].values()) and info["by_type"]["Country"] > 190
    assert info["user_path"] == str(tmp_path / "user-gazetteer.tsv") and info["user_gazetteer_exists"] is False
    table = runner.invoke(app, ["gazetteer", "info"]).stdout
    assert f"entries: {info['entries']} ({info['linked']} linked)" in table


def test_explain_json_gives_each_event_its_iri_under_base():
    done = run_json("explain", str(EXAMPLE), "--base", "https://example.org/kg/", "-f", "json")
    assert done["article_iri"] == "https://example.org/kg/article/3af28759a282b4e6"
    events = {e["event"]["key"]: e for e in done["events"]}
    withdrawal = events["troopWithdrawal-1"]
    assert withdrawal["iri"] == "https://example.org/kg/event/3af28759a282b4e6/troopWithdrawal-1"
    start = next(f for f in withdrawal["event"]["facts"] if f["prop"] == "start")
    assert start["value"] == {"iso": "2022-01-13"} and start["rule"] == "date:published-present"
    assert start["evidence"] == {"start": 0, "end": 42, "text": "CSTO peacekeepers start leaving Kazakhstan"}
    ends = next(f for f in withdrawal["event"]["facts"] if f["prop"] == "withdrawalOf")
    assert ends["value"] == {"key": "militaryDeployment-1"}
    assert done["entities"] == 10 and len(done["memberships"]) == 6
    assert all(t["outcome"] == "skipped" and t["detail"] for t in done["skipped"])


def test_explain_text_names_the_article_iri_and_refuses_a_bad_base():
    text = runner.invoke(app, ["explain", str(EXAMPLE), "--base", "https://example.org/kg/"]).stdout
    assert text.splitlines()[1] == "# article <https://example.org/kg/article/3af28759a282b4e6>"
    bad = runner.invoke(app, ["explain", str(EXAMPLE), "--base", "not-an-iri"])
    assert bad.exit_code == 2 and bad.stderr.startswith("kg: error: --base")


def test_explain_help_documents_its_argument_and_options():
    out = " ".join(runner.invoke(app, ["explain", "--help"]).output.replace("│", " ").split())
    for words in ("'-' for standard input", "--base", "--url", "--title", "--published"):
        assert words in out


def test_ingest_json_summary_on_stdout(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 50)
    result = runner.invoke(app, ["ingest", str(EXAMPLE), str(broken), "--store", str(tmp_path / "st"),
                                 "--workers", "1", "--format", "json"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert {k: summary[k] for k in ("loaded", "skipped", "failed", "articles", "ok")} == {
        "loaded": 1, "skipped": 0, "failed": 1, "articles": 2, "ok": False}
    assert summary["triples"] > 300 and summary["rate"] > 0
    (failure,) = summary["failures"]
    assert failure["article"] == str(broken) and failure["stage"] == "read" and "binary" in failure["message"]


def test_conflicts_and_load_list_their_formats():
    conflicts = runner.invoke(app, ["conflicts", "--help"]).output
    assert "text|json" in conflicts
    bad = runner.invoke(app, ["conflicts", str(EXAMPLE), "--format", "yaml"])
    assert bad.exit_code == 2 and "Invalid value" in bad.output
    load = " ".join(runner.invoke(app, ["load", "--help"]).output.replace("│", " ").split())
    assert "turtle, trig, nquads, jsonld, nt, xml, n3" in load
