from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ART, ARTICLE_TRIPLES, article_turtle

from kg.errors import InputError, RDFSyntaxError
from kg.store.rdfio import (GraphData, batches, change_update, check_iri, file_graph_iri,
                            insert_operation, read_graphs, replace_update)


def test_turtle_goes_into_its_articles_graph(article_file: Path):
    parsed = read_graphs(article_file)
    assert [g.iri for g in parsed.graphs] == [ART + "aa01"]
    assert parsed.triples == ARTICLE_TRIPLES
    assert all(q.graph_name == ox.NamedNode(ART + "aa01") for q in parsed.graphs[0].quads)


def test_trig_keeps_its_named_graphs(two_articles_trig: Path):
    parsed = read_graphs(two_articles_trig)
    assert sorted(g.iri for g in parsed.graphs) == [ART + "bb01", ART + "bb02"]
    assert [len(g) for g in parsed.graphs] == [ARTICLE_TRIPLES, ARTICLE_TRIPLES]


def test_nquads_and_ntriples(tmp_path: Path, two_articles_trig: Path):
    quads = list(ox.parse(path=str(two_articles_trig)))
    nq = tmp_path / "x.nq"
    nq.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    assert read_graphs(nq).triples == 2 * ARTICLE_TRIPLES
    nt = tmp_path / "x.nt"
    nt.write_bytes(ox.serialize(ox.parse(article_turtle("cc01"), format=ox.RdfFormat.TURTLE),
                                format=ox.RdfFormat.N_TRIPLES))
    assert [g.iri for g in read_graphs(nt).graphs] == [ART + "cc01"]


def test_turtle_without_article_uses_the_files_uri(tmp_path: Path):
    p = tmp_path / "plain.ttl"
    p.write_text("<http://example.org/a> <http://example.org/p> 1 .\n")
    assert [g.iri for g in read_graphs(p).graphs] == [file_graph_iri(p)]
    assert file_graph_iri(p).startswith("file:///")


def test_turtle_with_two_articles_is_not_split_by_guessing(tmp_path: Path):
    p = tmp_path / "both.ttl"
    p.write_text(article_turtle("dd01") + article_turtle("dd02").split("\n\n", 1)[1])
    assert [g.iri for g in read_graphs(p).graphs] == [file_graph_iri(p)]


@pytest.mark.parametrize("content, error", [
    (b"<http://a> <http://b> \"unterminated .\n", RDFSyntaxError),
    (bytes(range(256)) * 4, RDFSyntaxError),
    (b"", InputError),
    (b"@prefix ex: <http://example.org/> .\n", InputError),  # no triples at all
])
def test_bad_files_give_one_line_errors(tmp_path: Path, content: bytes, error):
    p = tmp_path / "bad.ttl"
    p.write_bytes(content)
    with pytest.raises(error) as info:
        read_graphs(p)
    assert "\n" not in str(info.value) and str(p) in str(info.value)


def test_missing_file_and_unknown_extension(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_graphs(tmp_path / "nope.ttl")
    odd = tmp_path / "x.docx"
    odd.write_text("hello")
    with pytest.raises(InputError, match="extension"):
        read_graphs(odd)


def test_format_option_overrides_extension(tmp_path: Path):
    p = tmp_path / "article.data"
    p.write_text(article_turtle("ee01"))
    assert read_graphs(p, fmt="turtle").triples == ARTICLE_TRIPLES
    with pytest.raises(InputError, match="unknown RDF format"):
        read_graphs(p, fmt="docx")


def test_same_blank_node_label_in_two_files_stays_two_nodes(tmp_path: Path):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    a.write_text("_:x <http://example.org/p> 1 .\n")
    b.write_text("_:x <http://example.org/p> 2 .\n")
    sa = read_graphs(a).graphs[0].quads[0].subject
    sb = read_graphs(b).graphs[0].quads[0].subject
    assert sa != sb


def test_batches_keep_blank_node_groups_whole():
    p = ox.NamedNode("http://example.org/p")
    triples = []
    for i in range(30):
        b = ox.BlankNode(f"b{i}")
        triples += [ox.Triple(ox.NamedNode(f"http://example.org/s{i}"), p, b),
                    ox.Triple(b, p, ox.Literal(str(i))), ox.Triple(b, p, ox.BlankNode(f"c{i}")),
                    ox.Triple(ox.BlankNode(f"c{i}"), p, ox.Literal("deep"))]
    triples += [ox.Triple(ox.NamedNode(f"http://example.org/t{i}"), p, ox.Literal("x"))
                for i in range(50)]
    parts = batches(triples, 10)
    assert sum(len(x) for x in parts) == len(triples)
    assert all(len(x) <= 10 for x in parts)
    for part in parts:  # every blank node's triples sit in exactly one batch
        for t in part:
            for node in (t.subject, t.object):
                if isinstance(node, ox.BlankNode):
                    assert not any(node in (u.subject, u.object) for other in parts
                                   if other is not part for u in other)


def test_update_text_replaces_and_uses_a_template_for_blank_nodes():
    p = ox.NamedNode("http://example.org/p")
    plain = replace_update(ART + "x", [ox.Triple(p, p, ox.Literal("a"))])
    assert plain.startswith(f"DROP SILENT GRAPH <{ART}x> ;") and "INSERT DATA" in plain
    with_bnode = insert_operation(ART + "x", [ox.Triple(ox.BlankNode(), p, ox.Literal("a"))])
    assert with_bnode.startswith("INSERT {") and with_bnode.endswith("WHERE {}")
    store = ox.Store()
    store.update(plain)
    store.update(with_bnode)
    assert len(store) == 2


@pytest.mark.parametrize("bad", ["", "http://a b", "http://a>", 'http://a"'])
def test_graph_iris_that_would_break_sparql_are_refused(bad: str):
    with pytest.raises(InputError):
        check_iri(bad)


def _graph(hexid: str, **kw) -> GraphData:
    node = ox.NamedNode(ART + hexid)
    return GraphData(ART + hexid, tuple(ox.Quad(t.subject, t.predicate, t.object, node) for t in
                                        ox.parse(article_turtle(hexid, **kw), format=ox.RdfFormat.TURTLE)))


def test_a_change_update_touches_only_the_triples_that_differ():
    old = _graph("aa01", named=True)
    assert change_update(old, old.quads) is None
    new = _graph("aa01", named=True, troops=3000)
    update = change_update(new, old.quads)
    assert update.startswith("DELETE DATA") and "INSERT DATA" in update
    assert "2030" in update and "3000" in update and "textSha256" not in update
    store = ox.Store()
    store.extend(old.quads)
    store.update(update)
    assert set(store) == set(new.quads)


@pytest.mark.parametrize("old_named, new_named", [(True, False), (False, True), (False, False)])
def test_a_graph_with_blank_nodes_is_replaced_whole(old_named: bool, new_named: bool):
    old = _graph("aa01", named=old_named)
    new = _graph("aa01", named=new_named, troops=3000)
    update = change_update(new, old.quads)
    assert update.startswith(f"DROP SILENT GRAPH <{ART}aa01> ;")
    store = ox.Store()
    store.extend(old.quads)
    store.update(update)
    assert len(store) == ARTICLE_TRIPLES

    def shape(quads):
        return sorted(tuple("_" if isinstance(t, ox.BlankNode) else str(t) for t in (q.subject, q.predicate, q.object))
                      for q in quads)

    assert shape(store) == shape(new.quads)
