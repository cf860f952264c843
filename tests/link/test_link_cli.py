"""kg link / kg cache / kg gazetteer through typer's CliRunner on kg.cli.app."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError

runner = CliRunner()


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_GAZETTEER", str(tmp_path / "user-gazetteer.tsv"))
    monkeypatch.setenv("KG_WIKIDATA_API", "http://127.0.0.1:9/never-called")


def run(*args):
    return runner.invoke(app, list(args))


def test_link_tokayev_puts_q200881_first():
    res = run("link", "Tokayev")
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert "Q200881" in first and "Kassym-Jomart Tokayev" in first and "source=gazetteer" in first


def test_link_type_filter_and_no_candidate():
    assert "Q232" in run("link", "Kazakhstan", "--type", "place").output
    res = run("link", "Kazakhstan", "--type", "person")
    assert res.exit_code == 1 and "no candidate" in res.output


def test_link_bad_type_is_a_usage_error_naming_the_choices():
    res = run("link", "Kazakhstan", "--type", "planet")
    assert res.exit_code == 2 and "'place', 'person', 'organization'" in res.output


def test_link_online_then_cached(fake_wikidata, monkeypatch):
    monkeypatch.setenv("KG_WIKIDATA_API", fake_wikidata.url)
    res = run("link", "Almaty Region", "--online")
    assert res.exit_code == 0, res.output
    assert "source=api" in res.output and "Q99999002" in res.output
    sent = len(fake_wikidata.requests)
    res = run("link", "Almaty Region")  # offline now: the cache answers
    assert "source=cache" in res.output and "Q99999002" in res.output
    assert len(fake_wikidata.requests) == sent
    info = run("cache", "info")
    assert "entries: " in info.output and "entries: 0" not in info.output
    cleared = run("cache", "clear")
    assert cleared.exit_code == 0 and "removed" in cleared.output
    assert "entries: 0" in run("cache", "info").output


def test_gazetteer_build_feeds_the_default_gazetteer(tmp_path):
    ent = {"type": "item", "id": "Q99999301", "labels": {"en": {"language": "en", "value": "Qwxzvkt Fjord"}},
           "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31",
                                            "datavalue": {"value": {"entity-type": "item", "numeric-id": 515, "id": "Q515"},
                                                          "type": "wikibase-entityid"}},
                               "type": "statement", "rank": "normal"}]}}
    src = tmp_path / "slice.json"
    src.write_text("[\n" + json.dumps(ent) + "\n]\n")
    assert "no candidate" in run("link", "Qwxzvkt Fjord").output
    res = run("gazetteer", "build", str(src))
    assert res.exit_code == 0 and "1 entries added" in res.output
    res = run("link", "Qwxzvkt Fjord")
    assert "Q99999301" in res.output and "[City]" in res.output
    assert "entries:" in run("gazetteer", "info").output


def test_gazetteer_build_missing_file_is_an_input_error(tmp_path):
    res = run("gazetteer", "build", str(tmp_path / "missing.json"), "-o", str(tmp_path / "o.tsv"))
    assert res.exit_code == InputError.exit_code and "kg: error:" in res.output
