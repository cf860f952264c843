"""kg.api: one call per command, and the package's lazy public names."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg import api
from kg.errors import InputError, StoreError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "csto-kazakhstan.json"


def test_every_public_name_resolves():
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
    assert kg.process is api.process and kg.Store.__name__ == "Store"
    with pytest.raises(AttributeError):
        kg.no_such_name  # noqa: B018


def test_import_kg_is_cheap():
    code = "import sys, kg; print(any(m.startswith(('rdflib', 'pyoxigraph', 'kg.')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_read_extract_explain_process():
    article = api.read(str(EXAMPLE), published="2022-01-13")
    assert str(article.published).startswith("2022-01-13")
    assert {e.type for e in api.extract(article).events} >= {"TroopWithdrawal", "MilitaryDeployment"}
    assert api.explain(str(EXAMPLE)).startswith("# 5 events")
    done = api.process(str(EXAMPLE))
    assert done.report.conforms and done.graph_iri.startswith("https://w3id.org/kg-loader/id/article/")


def test_process_writes_by_suffix_or_format(tmp_path):
    done = api.process(str(EXAMPLE))
    done.write(str(tmp_path / "a.nq"))
    assert (tmp_path / "a.nq").read_text() == done.serialize("nquads")
    # the N-Quads validation wrote are kg ingest's: those of the triples, sorted
    from kg.rdf import nquads

    assert done.nquads() == nquads(done.triples, str(done.graph_iri)) == done.serialize("nquads")
    assert api.process(str(EXAMPLE), validate=False).nquads() == done.nquads()
    done.write(str(tmp_path / "a.out"), "jsonld")
    assert json.loads((tmp_path / "a.out").read_text())
    done.write(str(tmp_path / "a"))  # no suffix: Turtle
    assert (tmp_path / "a").read_text() == done.serialize("turtle")
    with pytest.raises(InputError, match="does not write '.unknown' files"):
        done.write(str(tmp_path / "a.unknown"))  # a suffix it does not write is no Turtle file


def test_validate_load_query(tmp_path):
    ttl = tmp_path / "csto.ttl"
    api.process(str(EXAMPLE)).write(str(ttl))
    assert api.validate([ttl]).conforms
    summary = api.load([ttl], store=tmp_path / "db")
    assert summary.graphs == 1 and summary.triples > 100 and summary.where == str(tmp_path / "db")
    again = api.load([ttl], store=tmp_path / "db")
    assert again.files[0].graphs[0].replaced
    result = api.query("SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:TroopWithdrawal }", store=tmp_path / "db")
    assert result.bindings[0][0].value == "1"
    with pytest.raises(StoreError, match="no store"):
        api.query("SELECT * WHERE { ?s ?p ?o }", store=tmp_path / "missing")
    with pytest.raises(InputError, match="not both"):
        api.load([ttl], endpoint="http://127.0.0.1:9/store", update_endpoint="http://127.0.0.1:9/update")


def test_ingest(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(EXAMPLE, news / "a.json")
    first = api.ingest([news], store=tmp_path / "db", workers=1)
    assert (first.loaded, first.failed) == (1, 0)
    again = api.ingest([news], store=tmp_path / "db", workers=1)
    assert (again.loaded, again.skipped) == (0, 1)
    with pytest.raises(InputError):
        api.ingest([tmp_path / "missing"], store=tmp_path / "db")


def test_link_cache_and_gazetteer(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_GAZETTEER", str(tmp_path / "user.tsv"))
    assert api.link("Tokayev")[0].qid == "Q200881"
    assert len(api.link("Georgia", "place", limit=1)) == 1
    assert api.cache_info().entries == 0 and api.cache_clear() == 0
    info = api.gazetteer_info()
    assert info.entries >= info.linked > 0 and info.user_path == tmp_path / "user.tsv"
    ent = {"type": "item", "id": "Q99999301", "labels": {"en": {"language": "en", "value": "Testopolis"}},
           "claims": {}}
    src = tmp_path / "slice.json"
    src.write_text("[\n" + json.dumps(ent) + "\n]\n")
    out, stats = api.gazetteer_build([src], tmp_path / "g.tsv", type="place")
    assert out == tmp_path / "g.tsv" and stats.added == 1
