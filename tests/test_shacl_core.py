"""kg.shacl_core must never call a graph conforming that the SHACL engine fails.

The examples' graphs, and thousands of graphs made from them by one random change each (a fact
dropped, a value of the wrong kind, type or form, a second value, a blank node, a class changed),
are checked by both: wherever kg.shacl_core is certain, the engine must find no violation; and
validate_graph(warnings=False), which trusts it, must give the report the engine path gives.
"""
from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

import kg.validate as V
from kg.api import extract
from kg.rdf import to_triples
from kg.shacl_core import compile_shapes

EXAMPLES = sorted(p for p in (Path(__file__).resolve().parents[1] / "examples").iterdir() if p.is_file())
XSD = "http://www.w3.org/2001/XMLSchema#"
KG = "https://w3id.org/kg-loader/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture(scope="module")
def graphs() -> list[list[tuple]]:
    return [V.data_triples(to_triples(extract(str(p)))) for p in EXAMPLES]


def engine_violations(triples: list[tuple], shapes: Graph | None = None) -> bool:
    """Whether the SHACL engine (violation shapes only) reports any result for ``triples``."""
    engine = V.shacl_engine()
    shapes = V.load_shapes() if shapes is None else shapes
    try:
        report = V._engine_report(engine, V._for_engine(engine, shapes, warnings=False), triples)
    except Exception:  # noqa: BLE001 - pyshacl refuses some graphs outright: they fail too
        return True
    return any(True for _ in report.objects(None, V.SH.result))


def certain(triples: list[tuple], shapes: Graph | None = None) -> bool:
    shapes = V.load_shapes() if shapes is None else shapes
    return V.core_shapes(shapes).certainly_conforms(V.TripleIndex(triples))


def test_the_examples_are_certain_and_conform(graphs):
    assert len(graphs) >= 5
    for triples in graphs:
        assert certain(triples)
        assert not engine_violations(triples)


def _literal(rng: random.Random) -> ox.Literal:
    return rng.choice([
        ox.Literal("x"), ox.Literal(""), ox.Literal("12"), ox.Literal("en", language="en"),
        ox.Literal("-3", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("007", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("1.5", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("seven", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("12", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal("2022-02-30", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("2022-01-06", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("2022-01-06Z", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("2022-1-6", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("2022-13", datatype=ox.NamedNode(XSD + "gYearMonth")),
        ox.Literal("2022-01", datatype=ox.NamedNode(XSD + "gYearMonth")),
        ox.Literal("22", datatype=ox.NamedNode(XSD + "gYear")),
        ox.Literal("2022", datatype=ox.NamedNode(XSD + "gYear")),
        ox.Literal("2022-01-06T10:00:00", datatype=ox.NamedNode(XSD + "dateTime")),
        ox.Literal("P", datatype=ox.NamedNode(XSD + "duration")),
        ox.Literal("P10D", datatype=ox.NamedNode(XSD + "duration")),
        ox.Literal("PT", datatype=ox.NamedNode(XSD + "duration")),
        ox.Literal("yes", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("abc\n", datatype=ox.NamedNode(XSD + "string")),
        ox.Literal("0" * 64 + "\n"),
        ox.Literal("a\x01b"),
    ])


def _node(rng: random.Random, triples: list[tuple]):
    pool = [t[0] for t in triples] + [t[2] for t in triples if not isinstance(t[2], ox.Literal)]
    return rng.choice([
        ox.BlankNode(), ox.NamedNode("http://www.wikidata.org/entity/Q0"),
        ox.NamedNode("http://www.wikidata.org/entity/Q12x"), ox.NamedNode("http://www.wikidata.org/entity/P17"),
        ox.NamedNode("http://example.org/elsewhere"), ox.NamedNode(KG + "Linked"), ox.NamedNode(KG + "Unlinked"),
        ox.NamedNode(KG + "Article"), ox.NamedNode(KG + "MilitaryDeployment"), ox.NamedNode(KG + "Coup"),
        ox.NamedNode(KG + "TroopWithdrawal"), ox.NamedNode(KG + "Event"),
        rng.choice(pool),
    ])


def mutate(triples: list[tuple], rng: random.Random) -> list[tuple]:
    """``triples`` with one random change."""
    out = list(triples)
    i = rng.randrange(len(out))
    s, p, o = out[i]
    kind = rng.randrange(7)
    if kind == 0:
        del out[i]
    elif kind == 1:  # another value beside this one
        out.append((s, p, _literal(rng) if rng.random() < 0.5 else _node(rng, triples)))
    elif kind == 2:  # this value replaced by a literal
        out[i] = (s, p, _literal(rng))
    elif kind == 3:  # ... or by a node
        out[i] = (s, p, _node(rng, triples))
    elif kind == 4:  # the subject's other facts moved onto another node
        other = _node(rng, triples)
        out = [(other if t[0] == s else t[0], t[1], t[2]) for t in out]
    elif kind == 5:  # a class changed or added
        typed = [j for j, t in enumerate(out) if t[1] == RDF_TYPE]
        j = rng.choice(typed)
        out[j] = (out[j][0], RDF_TYPE, _node(rng, triples))
    else:  # a value moved to another property of the same subject
        props = sorted({t[1] for t in out if t[0] == s}, key=str)
        out[i] = (s, rng.choice(props), o)
    return list(dict.fromkeys(out))


def test_never_certain_where_the_engine_finds_a_violation(graphs):
    rng = random.Random(20261201)
    failed = certified = 0
    for n in range(1500):
        triples = mutate(graphs[n % len(graphs)], rng)
        violated = engine_violations(triples)
        sure = certain(triples)
        assert not (sure and violated), f"mutant {n}: certain, but the engine finds a violation"
        failed += violated
        certified += sure
    # The mutants test something: many fail, and many harmless ones are still certified.
    assert failed > 300 and certified > 300, (failed, certified)


def test_validate_graph_trusting_it_reports_what_the_engine_path_reports(graphs, monkeypatch):
    rng = random.Random(7)
    mutants = [mutate(graphs[n % len(graphs)], rng) for n in range(300)]
    fast = [outcome(m) for m in mutants]

    class NeverCertain:
        def certainly_conforms(self, index):
            return False

    monkeypatch.setattr(V, "core_shapes", lambda shapes: NeverCertain())
    slow = [outcome(m) for m in mutants]
    assert fast == slow
    assert any(r[0] is False for r in slow) and any(r[0] is True for r in slow)


def outcome(triples: list[tuple]) -> tuple:
    try:
        report = V.validate_graph(triples, warnings=False)
    except Exception as exc:  # noqa: BLE001 - pyshacl refuses some graphs outright
        return ("raised", type(exc).__name__)
    return report.conforms, report.issues


SHAPES_HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def compiled(text: str):
    g = Graph().parse(data=SHAPES_HEAD + text, format="turtle")
    from kg.rdf import converted, ox_term

    return compile_shapes(list(converted(iter(g), ox_term)))


def index(*triples) -> V.TripleIndex:
    ex = "http://example.org/"
    return V.TripleIndex([tuple(ox.NamedNode(ex + x) if isinstance(x, str) else x for x in t) for t in triples])


@pytest.mark.parametrize("constraint", [
    "sh:closed true", "sh:sparql [ sh:select 'SELECT $this WHERE { }' ]", "sh:maxLength 3",
    "sh:property [ sh:path [ sh:zeroOrMorePath ex:p ] ; sh:minCount 1 ]",
    "sh:property [ sh:path ex:p ; sh:maxExclusive 3 ]",
    "sh:property [ sh:path ex:p ; sh:pattern 'a' ; sh:flags 'i' ]",
])
def test_what_it_does_not_implement_is_never_certain(constraint):
    shapes = compiled(f"ex:S a sh:NodeShape ; sh:targetNode ex:a ; {constraint} .")
    assert not shapes.certainly_conforms(index(("a", "p", "b")))


def test_a_shape_that_refers_to_itself_ends_not_certain():
    shapes = compiled("ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:node ex:S ] .")
    assert not shapes.certainly_conforms(index(("a", "p", "b"), ("b", "p", "a")))


def test_a_warning_inside_a_violation_shape_does_not_fail_the_graph():
    shapes = compiled("""ex:S a sh:NodeShape ; sh:targetNode ex:a ;
        sh:property [ sh:path ex:p ; sh:minCount 2 ; sh:severity sh:Warning ] ;
        sh:property [ sh:path ex:p ; sh:minCount 1 ] .""")
    assert shapes.certainly_conforms(index(("a", "p", "b")))
    assert not shapes.certainly_conforms(index(("a", "q", "b")))


def test_classes_are_read_through_the_data_graphs_subclasses():
    shapes = compiled("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .")
    sub = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    typed = ("a", RDF_TYPE, ox.NamedNode("http://example.org/D"))
    assert not shapes.certainly_conforms(index(typed, ("D", sub, ox.NamedNode("http://example.org/C"))))
    assert shapes.certainly_conforms(index(typed))  # not a C: nothing to check
