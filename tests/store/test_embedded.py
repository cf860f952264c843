from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ART, ARTICLE_TRIPLES, article_turtle

from kg.errors import InputError, RDFSyntaxError, StoreError
from kg.store.embedded import EmbeddedStore, default_store_path


@pytest.fixture
def store(tmp_path: Path):
    with EmbeddedStore(tmp_path / "store") as s:
        yield s


def test_load_puts_each_article_in_its_graph(store, article_file, two_articles_trig):
    r1 = store.load_file(article_file)
    r2 = store.load_file(two_articles_trig)
    assert [(g.graph_iri, g.triples, g.replaced) for g in r1.graphs] == [
        (ART + "aa01", ARTICLE_TRIPLES, False)]
    assert r2.triples == 2 * ARTICLE_TRIPLES
    assert store.graphs() == [ART + "aa01", ART + "bb01", ART + "bb02"]
    assert store.count() == 3 * ARTICLE_TRIPLES
    assert store.count(ART + "bb02") == ARTICLE_TRIPLES
    assert store.count(ART + "nothing") == 0


def test_loading_again_changes_nothing(store, article_file, two_articles_trig):
    store.load_file(article_file)
    store.load_file(two_articles_trig)
    before = store.query("SELECT ?g ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isBlank(?o)) } "
                         "ORDER BY ?g ?p ?o").rows
    again = store.load_file(two_articles_trig)
    store.load_file(article_file)
    assert all(g.replaced for g in again.graphs)
    assert store.count() == 3 * ARTICLE_TRIPLES
    after = store.query("SELECT ?g ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isBlank(?o)) } "
                        "ORDER BY ?g ?p ?o").rows
    assert after == before


def test_a_changed_article_replaces_its_graph(store, tmp_path: Path):
    p = tmp_path / "a.ttl"
    p.write_text(article_turtle("aa01", troops=2030))
    store.load_file(p)
    p.write_text(article_turtle("aa01", troops=3000, headline="Revised"))
    store.load_file(p)
    rows = store.query("SELECT ?n WHERE { GRAPH ?g { ?e wdt:P1132 ?n } }").rows
    assert rows == (("3000",),)
    assert store.count(ART + "aa01") == ARTICLE_TRIPLES


def test_replace_graph_is_exact_and_accepts_triples(store):
    p = ox.NamedNode("http://example.org/p")
    g = ART + "manual"
    assert store.replace_graph(g, [ox.Triple(p, p, ox.Literal(str(i))) for i in range(5)]) == 5
    assert store.replace_graph(g, [ox.Triple(p, p, ox.Literal("only"))]) == 1
    assert store.query(f"SELECT ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}").rows == (("only",),)


def test_same_blank_node_label_in_two_graphs_is_not_shared(store):
    p = ox.NamedNode("http://example.org/p")
    b = ox.BlankNode("b0")
    store.replace_graph(ART + "g1", [ox.Triple(b, p, ox.Literal("1"))])
    store.replace_graph(ART + "g2", [ox.Triple(b, p, ox.Literal("2"))])
    rows = store.query("SELECT ?s WHERE { GRAPH ?g1 { ?s ?p ?o } GRAPH ?g2 { ?s ?q ?r } "
                       "FILTER(?g1 != ?g2) }").rows
    assert rows == ()


def test_malformed_file_leaves_the_store_unchanged(store, article_file, tmp_path: Path):
    store.load_file(article_file)
    bad = tmp_path / "bad.ttl"
    # a whole valid article first, then a syntax error: none of it may be written
    bad.write_text(article_turtle("ff01") + "\n<http://a> <http://b> \"unterminated .\n")
    with pytest.raises(RDFSyntaxError):
        store.load_file(bad)
    assert store.graphs() == [ART + "aa01"]
    assert store.count() == ARTICLE_TRIPLES


def test_content_hash_is_the_articles_text_sha(store, tmp_path: Path):
    p = tmp_path / "a.ttl"
    p.write_text(article_turtle("aa01", sha="ab" * 32))
    store.load_file(p)
    assert store.content_hash(ART + "aa01") == "ab" * 32
    assert store.content_hash(ART + "absent") is None
    assert store.graph_hashes() == [(ART + "aa01", "ab" * 32)]


def test_validate_refuses_a_graph_that_breaks_the_shapes(store, tmp_path: Path):
    from kg.errors import ValidationFailed

    pytest.importorskip("kg.validate")
    p = tmp_path / "bad.ttl"
    # an event with a negative troop count and no label or source
    p.write_text(article_turtle("aa01") + "\n<https://w3id.org/kg-loader/id/event/x> a "
                 "<https://w3id.org/kg-loader/ontology#MilitaryDeployment> ; "
                 "<http://www.wikidata.org/prop/direct/P1132> -5 .\n")
    with pytest.raises(ValidationFailed):
        store.load_file(p, validate=True)
    assert store.count() == 0
    good = Path(__file__).resolve().parents[1] / "fixtures" / "valid_article.ttl"
    assert store.load_file(good, validate=True).triples > 0
    store.drop_graph(ART + "fixture")
    assert store.count() == 0
    store.load_file(p)  # without --validate a file is trusted and streamed in
    assert store.count() > 0


def test_default_location_follows_kg_store(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "here"))
    assert default_store_path() == tmp_path / "here"
    monkeypatch.delenv("KG_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "xdg" / "kg-loader" / "store"


def test_read_only_store(tmp_path: Path, article_file):
    with pytest.raises(StoreError, match="no store"):
        EmbeddedStore(tmp_path / "absent", read_only=True)
    with EmbeddedStore(tmp_path / "s") as s:
        s.load_file(article_file)
    with EmbeddedStore(tmp_path / "s", read_only=True) as ro:
        assert ro.count() == ARTICLE_TRIPLES
        with pytest.raises(StoreError, match="read-only"):
            ro.load_file(article_file)


def test_bad_query_is_an_input_error(store):
    with pytest.raises(InputError, match="SPARQL syntax error"):
        store.query("SELEC ?x")


def _shape(store: EmbeddedStore, graph: str) -> list[tuple[str, ...]]:
    """A graph's triples with every blank node written as "_" (their labels are the store's)."""
    return sorted(store.query(
        f'SELECT (IF(isBlank(?s), "_", STR(?s)) AS ?S) ?p (IF(isBlank(?o), "_", STR(?o)) AS ?O) '
        f"WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows)


@pytest.mark.parametrize("named_before, named_after", [(True, True), (True, False), (False, True)])
def test_a_changed_article_holds_exactly_its_new_triples(store, tmp_path: Path, named_before, named_after):
    # Named statements are rewritten triple by triple; blank ones make the graph written whole.
    p = tmp_path / "a.ttl"
    p.write_text(article_turtle("aa01", named=named_before))
    store.load_file(p)
    p.write_text(article_turtle("aa01", troops=3000, headline="Revised", named=named_after))
    again = store.load_file(p)
    assert [(g.triples, g.replaced) for g in again.graphs] == [(ARTICLE_TRIPLES, True)]
    with EmbeddedStore(tmp_path / "fresh") as fresh:
        fresh.load_file(p)
        assert _shape(store, ART + "aa01") == _shape(fresh, ART + "aa01")
    assert store.count() == ARTICLE_TRIPLES


def test_reloading_an_unchanged_named_article_keeps_it(store, tmp_path: Path):
    p = tmp_path / "a.ttl"
    p.write_text(article_turtle("aa01", named=True))
    store.load_file(p)
    before = _shape(store, ART + "aa01")
    assert [g.replaced for g in store.load_file(p).graphs] == [True]
    assert _shape(store, ART + "aa01") == before and store.count() == ARTICLE_TRIPLES
