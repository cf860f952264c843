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
    # the message as one line: where the error box wraps it depends on the typer version's wording
    message = " ".join(res.output.replace("\u2502", " ").split())
    assert res.exit_code == 2 and "'planet' is not one of 'place', 'person', 'organization'" in message


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


def _slice(path, n: int) -> None:
    rows = [json.dumps({"type": "item", "id": f"Q99{i:07d}", "labels": {"en": {"language": "en", "value": f"Testplace {i}"}},
                        "claims": {}}) for i in range(1, n + 1)]
    path.write_text("[\n" + ",\n".join(rows) + "\n]\n")


def test_gazetteer_build_draws_a_progress_bar_on_a_terminal(tmp_path):
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    src = tmp_path / "slice.json"
    _slice(src, 1200)
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run([str(Path(sys.executable).parent / "kg"), "gazetteer", "build", str(src), "--type", "place",
                               "-o", str(tmp_path / "g.tsv")], stdout=subprocess.PIPE, stderr=secondary,
                              env={**os.environ, "COLUMNS": "200"}, timeout=300)
        os.close(secondary)
        drawn = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the terminal closed: all read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(primary)
    assert done.returncode == 0 and b"1200 entries added" in done.stdout
    assert b"gazetteer" in drawn and b"1,200 entities, 1,200 added" in drawn


def test_gazetteer_build_draws_no_bar_off_a_terminal(tmp_path):
    src = tmp_path / "slice.json"
    _slice(src, 600)
    res = runner.invoke(app, ["gazetteer", "build", str(src), "--type", "place", "-o", str(tmp_path / "g.tsv")])
    assert res.exit_code == 0 and res.stderr == "" and "600 entries added" in res.stdout
