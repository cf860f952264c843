"""kg.store.scan: the check pass of `kg load`, and the native write of a file of new graphs."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ART, ARTICLE_TRIPLES, article_turtle

from kg.errors import InputError, RDFSyntaxError
from kg.store.admin import export
from kg.store.embedded import EmbeddedStore
from kg.store.rdfio import ParsedFile, read_graphs, read_input
from kg.store.scan import ScannedFile, scan

EX = "http://example.org/"

# Named graphs, a graph in two runs, default-graph content about one article, relative IRIs
# (resolved against the file), a language tag in capitals, and one blank node used in two graphs.
MIXED_TRIG = f"""@prefix ex: <{EX}> .
<{ART}m1> a <https://w3id.org/kg-loader/ontology#Article> ; ex:headline "Hi"@EN-GB ; <rel/p> <rel/o> .
ex:g1 {{ ex:s ex:p "1" , _:shared . }}
ex:g2 {{ _:shared ex:p "2" . }}
ex:g1 {{ ex:s ex:p "3" . }}
"""


def _scanned(path: Path, keep=lambda iri: False) -> ScannedFile:
    return scan(read_input(path), keep)


def _canonical(store: EmbeddedStore) -> list[str]:
    data = ox.Dataset(ox.parse(export(store), format=ox.RdfFormat.N_QUADS))
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in data)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    p = tmp_path / "mixed.trig"
    p.write_text(MIXED_TRIG)
    return p


def test_counts_and_order_are_those_of_the_parse(mixed: Path, two_articles_trig: Path, article_file: Path):
    for path in (mixed, two_articles_trig, article_file):
        parsed = read_graphs(path)
        s = _scanned(path)
        assert s.counts == tuple((g.iri, len(g)) for g in parsed.graphs)
        assert s.kept == () and s.plan() is s
    assert _scanned(mixed).default_graph == ART + "m1"
    assert _scanned(two_articles_trig).default_graph is None


def test_kept_graphs_are_the_parsed_ones(mixed: Path):
    parsed = read_graphs(mixed)
    everything = _scanned(mixed, keep=lambda iri: True).plan()
    assert isinstance(everything, ParsedFile)
    assert [g.iri for g in everything.graphs] == [g.iri for g in parsed.graphs]
    ground = [g for g in parsed.graphs if g.iri == ART + "m1"]
    assert [g for g in everything.graphs if g.iri == ART + "m1"] == ground
    some = _scanned(mixed, keep=lambda iri: iri == EX + "g2")
    assert [g.iri for g in some.kept] == [EX + "g2"]
    replanned = some.plan()  # some graphs new, some stored: the whole file parsed again
    assert isinstance(replanned, ParsedFile)
    assert [len(g) for g in replanned.graphs] == [len(g) for g in parsed.graphs]


@pytest.mark.parametrize("name, content", [
    ("syntax.nq", f'<{EX}s> <{EX}p> "x" <{EX}g> .\n<{EX}s> <{EX}p> "open <{EX}g> .\n'),
    ("iri.nq", f'<{EX}s> <{EX}p> <{EX}a b> <{EX}g> .\n'),
    ("blank.nq", f'<{EX}s> <{EX}p> "x" _:g .\n'),
    ("blank-then-bad.nq", f'<{EX}s> <{EX}p> "x" _:g .\n<{EX}s> <{EX}p> .\n'),
    ("comment.nq", "# nothing\n"),
    ("long.trig", f'<{EX}g> {{ <{EX}s> <{EX}p> "{"x" * 1_000_001}" }}\n'),
    ("long-then-bad.trig", f'<{EX}g> {{ <{EX}s> <{EX}p> "{"x" * 1_000_001}" }}\n<{EX}s> .\n'),
])
def test_refusals_are_those_of_the_parse(tmp_path: Path, name: str, content: str):
    p = tmp_path / name
    p.write_text(content)
    with pytest.raises(InputError) as parsed:
        read_graphs(p)
    with pytest.raises(InputError) as scanned:
        _scanned(p)
    assert (type(scanned.value), str(scanned.value)) == (type(parsed.value), str(parsed.value))
    assert isinstance(scanned.value, RDFSyntaxError) == ("bad" in name or name in ("syntax.nq", "iri.nq"))


def test_native_write_stores_what_the_parsed_write_stores(tmp_path: Path, mixed: Path, two_articles_trig: Path):
    nq = tmp_path / "blank.nq"
    quads = list(ox.parse(article_turtle("dd01") + article_turtle("dd02"), format=ox.RdfFormat.TURTLE))
    graph = ox.NamedNode(ART + "dd")
    nq.write_bytes(ox.serialize([ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads],
                                format=ox.RdfFormat.N_QUADS))
    with EmbeddedStore(tmp_path / "native") as native, EmbeddedStore(tmp_path / "parsed") as parsed:
        for path in (mixed, two_articles_trig, nq):
            s = _scanned(path)
            assert native.load_checked(s.plan()) == parsed.load_parsed(read_graphs(path))
        assert _canonical(native) == _canonical(parsed)
        # the blank node the file uses in two graphs is one node, as the parse made it
        rows = native.query(f"SELECT ?b WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?b }} GRAPH <{EX}g2> {{ ?b ?q ?o }} }}")
        assert len(rows.rows) == 1


def test_load_file_replaces_stored_graphs_and_bulk_loads_new_ones(tmp_path: Path, two_articles_trig: Path):
    with EmbeddedStore(tmp_path / "s") as store:
        first = store.load_file(two_articles_trig)
        assert [g.replaced for g in first.graphs] == [False, False]
        p = tmp_path / "revised.trig"
        p.write_text(two_articles_trig.read_text().replace("2030", "3000"))
        again = store.load_file(p)
        assert [g.replaced for g in again.graphs] == [True, True]
        assert store.count() == 2 * ARTICLE_TRIPLES
        assert store.query("SELECT DISTINCT ?n WHERE { GRAPH ?g { ?e wdt:P1132 ?n } }").rows == (("3000",),)


def test_a_graph_in_two_files_is_replaced_by_the_later_one(tmp_path: Path):
    from kg.store.loading import load_files

    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    a.write_text(article_turtle("ee01", troops=1))
    b.write_text(article_turtle("ee01", troops=2))
    where, results = load_files([a, b], store=tmp_path / "s")
    assert [g.replaced for r in results for g in r.graphs] == [False, True]
    with EmbeddedStore(Path(where), read_only=True) as store:
        assert store.query("SELECT ?n WHERE { GRAPH ?g { ?e wdt:P1132 ?n } }").rows == (("2",),)


def test_a_bad_file_leaves_no_store_folder(tmp_path: Path, article_file: Path):
    from kg.store.loading import load_files

    bad = tmp_path / "bad.nq"
    bad.write_text(f'<{EX}s> <{EX}p> "open <{EX}g> .\n')
    with pytest.raises(RDFSyntaxError):
        load_files([article_file, bad], store=tmp_path / "new-store")
    assert not (tmp_path / "new-store").exists()
