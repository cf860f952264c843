import re
from pathlib import Path

from kg import vocab
from kg.event_classes import event_classes

KG_DIR = Path(vocab.__file__).resolve().parent


def test_event_classes_are_the_table_plus_kg_event():
    assert vocab.event_classes() == (vocab.KG.Event, *(vocab.KG[n] for n in event_classes().names))


def test_validator_takes_its_event_classes_from_the_table():
    import importlib

    validate = importlib.import_module("kg.validate")  # kg.validate, not the kg.api function of that name
    assert set(validate.EVENT_CLASSES) == set(vocab.event_classes())


def test_prefixes_agree():
    assert {p: str(ns) for p, ns in vocab.GRAPH_PREFIXES.items()}.items() <= vocab.PREFIXES.items()
    assert set(vocab.QUERY_PREFIXES) == set(vocab.PREFIXES) - {"kgsh"}


def test_fact_properties_have_iris():
    assert vocab.PROPERTY["participant"] == vocab.WDT.P710
    assert vocab.PROPERTY["arrests"] == vocab.KG.arrestCount
    assert set(vocab.FACT_PROPERTIES) <= set(vocab.PROPERTY.values())


_NAMESPACE = re.compile(r"https://w3id\.org/kg-loader/(ontology#|id/|shapes#)|http://www\.wikidata\.org/"
                        r"|http://schema\.org/|http://www\.w3\.org/")


def test_no_module_but_vocab_spells_a_namespace_iri():
    spelled = [f"{p.relative_to(KG_DIR)}:{n}"
               for p in sorted(KG_DIR.rglob("*.py")) if p.name != "vocab.py"
               for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
               if _NAMESPACE.search(line) and "help=" not in line]
    assert spelled == []


def test_plain_strings_are_the_rdflib_terms():
    assert {p: str(ns) for p, ns in vocab.GRAPH_PREFIXES.items()} == {
        p: vocab.PREFIXES[p] for p in vocab.GRAPH_PREFIXES}
    assert vocab.ARTICLE == vocab.URIRef(vocab.ARTICLE_IRI) == vocab.KG.Article
    assert vocab.TEXT_SHA256 == vocab.KG.textSha256 and vocab.EXTRACTOR_VERSION == vocab.KG.extractorVersion
    assert vocab.STDIN_GRAPH == vocab.KGR["graph/stdin"]
    assert vocab.DATE_PUBLISHED_IRI == str(vocab.SCHEMA.datePublished) and vocab.URL_IRI == str(vocab.SCHEMA.url)
    assert vocab.RDF_TYPE_IRI == str(vocab.RDF.type) and vocab.XSD_STRING_IRI == str(vocab.XSD.string)
    assert vocab.RDF_LANG_STRING_IRI == str(vocab.RDF.langString)
    assert vocab.event_class("Event") == vocab.EVENT


def test_the_store_load_path_does_not_import_rdflib():
    import subprocess
    import sys

    code = ("import sys, kg.cli, kg.store.loading, kg.store.embedded, kg.store.admin; "
            "print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
