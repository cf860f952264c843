"""``kg extract --online`` / ``kg ingest --online``: names the gazetteer lacks, linked through the
(fake) Wikidata API with ``kg link --online``'s acceptance rules and cached; offline is unchanged.
The article is written for these tests; its people and the API's answers are made up."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg import api
from kg.cli import app
from kg.ingest import Source, process_source
from kg.model import Article, Entity

TEXT = "Police detained opposition leader Marat Zhanuzakov in the Almaty region on Tuesday.\n"
PUB = "2023-05-12"


def arrest_facts(extraction) -> dict[str, set]:
    (event,) = [e for e in extraction.events if e.type == "Arrest"]
    out: dict[str, set] = {}
    for f in event.facts:
        if isinstance(f.value, Entity):
            out.setdefault(f.prop, set()).add((f.value.label, f.value.qid))
    return out


@pytest.fixture
def api_url(fake_wikidata, monkeypatch):
    monkeypatch.setenv("KG_WIKIDATA_API", fake_wikidata.url)
    return fake_wikidata


def test_offline_leaves_unknown_names_unlinked_and_asks_nothing(api_url):
    facts = arrest_facts(api.extract(Article(text=TEXT, published=PUB)))
    assert facts["participant"] == {("Marat Zhanuzakov", None)}
    assert facts["location"] == {("Almaty region", None)}
    assert facts["country"] == {("Kazakhstan", "Q232")}
    assert api_url.requests == []


def test_online_links_what_fits_the_slot_then_the_cache_answers(api_url):
    article = Article(text=TEXT, published=PUB)
    facts = arrest_facts(api.extract(article, online=True))
    # The person is the human, not the village of the same surname; the region is the region.
    assert facts["participant"] == {("Marat Zhanuzakov", "Q99999004")}
    assert facts["location"] == {("Almaty Region", "Q99999002")}
    assert facts["country"] == {("Kazakhstan", "Q232")}  # the gazetteer's own link is kept
    first = api.process(article, online=True).serialize("turtle")
    sent = len(api_url.requests)
    again = api.process(article, online=True).serialize("turtle")
    assert again == first and len(api_url.requests) == sent  # a rerun asks nothing
    assert "Q99999004" in first and "Q99999002" in first


def test_online_leaves_a_name_unlinked_when_nothing_fits(api_url):
    text = "Police detained opposition leader Bolat Qwertyuly in Almaty on Tuesday.\n"
    facts = arrest_facts(api.extract(Article(text=text, published=PUB), online=True))
    assert facts["participant"] == {("Bolat Qwertyuly", None)}
    assert api_url.actions() == ["wbsearchentities"]  # asked once, found nothing


def test_cli_extract_online(api_url, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    offline = runner.invoke(app, ["extract", str(src), "--published", PUB])
    assert offline.exit_code == 0, offline.output
    assert "Q99999004" not in offline.stdout and api_url.requests == []
    online = runner.invoke(app, ["extract", str(src), "--published", PUB, "--online"])
    assert online.exit_code == 0, online.output
    assert "wd:Q99999004" in online.stdout and "wd:Q99999002" in online.stdout


def test_ingest_worker_links_online(api_url):
    record = json.dumps({"url": "https://example.org/a", "title": "Arrest", "published": PUB, "text": TEXT})
    offline = process_source(Source("r:1", "record", "r", record=record))
    online = process_source(Source("r:1", "record", "r", record=record), online=True)
    assert offline.status == online.status == "extracted"
    assert "Q99999004" not in offline.data and "Q99999004" in online.data
