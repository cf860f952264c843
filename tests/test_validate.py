"""kg.validate: reading RDF files, reports and their rendering, and the ``kg validate`` command."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError, RDFSyntaxError
from kg.resources import shapes_dir
from kg.validate import (Report, load_shapes, read_rdf, render, render_text, validate_files,
                         validate_graph)

FIXTURE = Path(__file__).parent / "fixtures" / "valid_article.ttl"
KGR = Namespace("https://w3id.org/kg-loader/id/")
DEPLOYMENT = KGR["event/fixture-deployment"]
runner = CliRunner()


def broken(tmp_path: Path) -> Path:
    """The fixture with one violation: the deployment has lost its label."""
    g = read_rdf(FIXTURE)
    g.remove((DEPLOYMENT, RDFS.label, None))
    out = tmp_path / "broken.ttl"
    g.serialize(out, format="turtle")
    return out


# -- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix,fmt", [(".nt", "nt"), (".jsonld", "json-ld"), (".rdf", "xml"),
                                        (".xml", "xml"), (".json", "json-ld")])
def test_every_triple_format_is_read_by_its_extension(tmp_path, suffix, fmt):
    path = tmp_path / f"article{suffix}"
    read_rdf(FIXTURE).serialize(path, format=fmt)
    assert len(read_rdf(path)) == len(read_rdf(FIXTURE))
    assert validate_files([path]).conforms


def split(g: Graph) -> tuple[Graph, Graph]:
    """The statements with their evidence, and everything else: each half alone is invalid."""
    statements = set(g.subjects(RDF.type, RDF.Statement))
    selectors = {sel for st in statements for sel in g.objects(st, URIRef(
        "https://w3id.org/kg-loader/ontology#evidence"))}
    provenance, facts = Graph(), Graph()
    for s, p, o in g:
        (provenance if s in statements | selectors else facts).add((s, p, o))
    return facts, provenance


@pytest.mark.parametrize("suffix,fmt", [(".trig", "trig"), (".nq", "nquads")])
def test_datasets_are_validated_as_the_union_of_their_graphs(tmp_path, suffix, fmt):
    g = read_rdf(FIXTURE)
    facts, provenance = split(g)
    ds = Dataset()
    for name, half in (("urn:g:facts", facts), ("urn:g:provenance", provenance)):
        named = ds.graph(URIRef(name))
        named += half
    path = tmp_path / f"article{suffix}"
    ds.serialize(path, format=fmt)
    assert len(read_rdf(path)) == len(g)
    assert validate_files([path]).conforms
    assert not validate_graph(facts).conforms


def test_validate_graph_takes_a_dataset_as_its_union():
    ds = Dataset()
    ds.graph(URIRef("urn:g:1")).parse(FIXTURE)
    assert validate_graph(ds).conforms


def test_several_files_are_validated_together(tmp_path):
    facts, provenance = split(read_rdf(FIXTURE))
    facts.serialize(tmp_path / "a.ttl", format="turtle")
    provenance.serialize(tmp_path / "b.nt", format="nt")
    assert not validate_files([tmp_path / "a.ttl"]).conforms
    assert validate_files([tmp_path / "a.ttl", tmp_path / "b.nt"]).conforms


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        validate_files([tmp_path / "nope.ttl"])


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.ttl"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        validate_files([path])


def test_binary_file(tmp_path):
    path = tmp_path / "image.ttl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        validate_files([path])


def test_unknown_extension(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("hello")
    with pytest.raises(InputError, match="unknown RDF format"):
        validate_files([path])


def test_malformed_turtle_names_file_and_line(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text('@prefix ex: <http://example.org/> .\n\nex:a ex:b ex:c .\nex:d ex:e "open .\n')
    with pytest.raises(RDFSyntaxError) as caught:
        validate_files([path])
    message = str(caught.value)
    assert str(path) in message and "line 4" in message and "\n" not in message


@pytest.mark.parametrize("name,text,line", [
    ("bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", 2),
    ("bad.jsonld", '{"@id": "http://a",\n "http://b": }', 2),
    ("bad.rdf", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<x>\n</rdf:RDF>', 3),
])
def test_malformed_files_of_other_formats_are_one_line_errors(tmp_path, name, text, line):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(RDFSyntaxError) as caught:
        validate_files([path])
    assert f"line {line}" in str(caught.value) and "\n" not in str(caught.value)


def test_no_files():
    with pytest.raises(InputError):
        validate_files([])


# -- shapes ------------------------------------------------------------------------------------


def test_shapes_are_loaded_once_per_folder():
    assert load_shapes() is load_shapes(shapes_dir())
    assert (None, RDF.type, SH.NodeShape) in load_shapes()


def test_missing_or_empty_shapes_folder(tmp_path):
    with pytest.raises(InputError):
        load_shapes(tmp_path / "nowhere")
    with pytest.raises(InputError, match="no shapes"):
        load_shapes(tmp_path)


def test_python_checks_run_only_with_the_shapes_that_declare_them(tmp_path):
    # Without the statements, the project's shapes object; shapes about articles alone do not.
    shutil.copy(shapes_dir() / "article.ttl", tmp_path / "article.ttl")
    g = read_rdf(FIXTURE)
    for st in list(g.subjects(RDF.type, RDF.Statement)):
        g.remove((st, None, None))
    path = tmp_path / "nostatements.ttl"
    g.serialize(path, format="turtle")
    assert not validate_files([path]).conforms
    assert validate_files([path], shapes_dir=tmp_path).conforms


# -- reports ---------------------------------------------------------------------------------


def test_report_of_a_violation(tmp_path):
    report = validate_files([broken(tmp_path)])
    assert isinstance(report, Report) and not report.conforms
    assert [(i.focus, i.path) for i in report.violations] == [(str(DEPLOYMENT), str(RDFS.label))]
    assert len(report.warnings) == 2
    assert report.issues[0].severity == "Violation"  # violations come first
    assert (None, SH.conforms, Literal(False)) in report.report_graph


def test_text_report_is_readable(tmp_path):
    text = render_text(validate_files([broken(tmp_path)]))
    assert "Violation" in text and "kgr:event/fixture-deployment" in text and "rdfs:label" in text
    assert "exactly one non-empty rdfs:label" in text
    assert text.rstrip().splitlines()[-1] == "does not conform: 1 violation, 2 warnings"
    assert render(validate_files([FIXTURE])).rstrip().endswith("conforms: 0 violations, 2 warnings")


def test_json_report(tmp_path):
    data = json.loads(render(validate_files([broken(tmp_path)]), "json"))
    assert data["conforms"] is False and data["violations"] == 1 and data["warnings"] == 2
    assert data["issues"][0]["focus"] == str(DEPLOYMENT)
    assert data["issues"][0]["shape"] == "https://w3id.org/kg-loader/shapes#EventShape"


def test_turtle_report_is_a_shacl_report(tmp_path):
    g = Graph().parse(data=render(validate_files([broken(tmp_path)]), "turtle"), format="turtle")
    assert (None, SH.conforms, Literal(False)) in g
    assert len(set(g.objects(None, SH.result))) == 3


def test_python_check_results_are_in_the_report_graph():
    g = read_rdf(FIXTURE)
    st = next(g.subjects(RDF.predicate, URIRef("http://www.wikidata.org/prop/direct/P1132")))
    g.remove((st, None, None))
    report = validate_graph(g)
    shape = URIRef("https://w3id.org/kg-loader/shapes#TruthyFactStatementShape")
    assert (None, SH.sourceShape, shape) in report.report_graph
    assert (None, SH.conforms, Literal(False)) in report.report_graph


def test_unknown_report_format():
    with pytest.raises(InputError):
        render(validate_files([FIXTURE]), "yaml")


# -- the command -----------------------------------------------------------------------------


def test_cli_conforming_file_exits_0():
    result = runner.invoke(app, ["validate", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "conforms: 0 violations, 2 warnings" in result.stdout


def test_cli_violation_exits_1(tmp_path):
    result = runner.invoke(app, ["validate", str(broken(tmp_path))])
    assert result.exit_code == 1
    assert "kgr:event/fixture-deployment" in result.stdout and "Violation" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "turtle"])
def test_cli_machine_readable_reports(tmp_path, fmt):
    result = runner.invoke(app, ["validate", "--format", fmt, str(broken(tmp_path))])
    assert result.exit_code == 1
    if fmt == "json":
        assert json.loads(result.stdout)["violations"] == 1
    else:
        assert (None, SH.conforms, Literal(False)) in Graph().parse(data=result.stdout, format="turtle")


def test_cli_custom_shapes(tmp_path):
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    shutil.copy(shapes_dir() / "article.ttl", shapes / "article.ttl")
    result = runner.invoke(app, ["validate", "--shapes", str(shapes), str(broken(tmp_path))])
    assert result.exit_code == 0  # the label rule is not among these shapes


def _write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("make", [
    lambda d: _write(d, "bad.ttl", b"@prefix ex: <http://example.org/> .\nex:a ex:b .\n"),
    lambda d: d / "missing.ttl",
    lambda d: _write(d, "empty.ttl", b""),
    lambda d: _write(d, "binary.ttl", bytes(range(256)) * 4),
], ids=["malformed", "missing", "empty", "binary"])
def test_cli_unreadable_input_exits_2_with_one_line(tmp_path, make):
    result = runner.invoke(app, ["validate", str(make(tmp_path))])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ")
    assert "Traceback" not in result.output


def test_cli_unreadable_input_among_good_ones_exits_2(tmp_path):
    result = runner.invoke(app, ["validate", str(FIXTURE), str(tmp_path / "missing.ttl")])
    assert result.exit_code == 2


def test_validation_leaves_the_data_graph_as_it_was():
    # kg extract validates the graph it then writes: validation must not add to it
    g = read_rdf(FIXTURE)
    before = set(g)
    validate_graph(g)
    assert set(g) == before


def _issues(report: Report) -> list[tuple]:
    return [(i.severity, i.focus, i.path, i.message, i.value, i.shape) for i in report.issues]


@pytest.mark.parametrize("warnings", [True, False])
def test_the_written_nquads_are_validated_as_the_triples_they_hold(warnings):
    # kg ingest hands the SHACL engine the N-Quads it loads, in the article's named graph: the
    # report must be the one of the triples, blank nodes named as in the data
    from kg.rdf import nquads
    from kg.validate import data_triples

    g = read_rdf(FIXTURE)
    g.remove((DEPLOYMENT, RDFS.label, None))
    st = next(g.subjects(RDF.predicate, URIRef("http://www.wikidata.org/prop/direct/P1132")))
    g.remove((st, RDF.subject, None))  # a fact without its statement
    sel = next(g.objects(None, URIRef("https://w3id.org/kg-loader/ontology#evidence")))
    g.set((sel, URIRef("http://www.w3.org/ns/oa#end"), Literal(10 ** 6)))  # a blank node's violation
    triples = data_triples(g)
    written = nquads(triples, str(KGR["graph/fixture"]))
    from_triples = validate_graph(triples, warnings=warnings)
    from_text = validate_graph(triples, warnings=warnings, nquads=written)
    assert not from_text.conforms and _issues(from_text) == _issues(from_triples)
    assert _issues(from_triples) == _issues(validate_graph(g, warnings=warnings))
    assert any(i.focus.startswith("_:") for i in from_text.violations)
    assert render(from_text, "json") == render(from_triples, "json")


def test_a_batch_check_that_passes_still_gives_the_engines_report_graph_when_read():
    graph = read_rdf(FIXTURE)
    report = validate_graph(graph, warnings=False)
    assert report.conforms and report.issues == ()
    assert (None, SH.conforms, Literal(True)) in report.report_graph
    assert not list(report.report_graph.objects(None, SH.result))
    assert report.report_graph is report.report_graph  # made once


def test_a_report_with_issues_cannot_leave_out_its_graph():
    with pytest.raises(ValueError, match="report graph"):
        Report(conforms=False, issues=())


def test_triples_that_may_repeat_are_counted_once_and_the_mappers_are_taken_as_they_are():
    import pyoxigraph as ox

    from kg.rdf import DistinctTriples, to_triples
    from kg.validate import data_triples
    from kg.pipeline import extract
    from kg.model import Article

    triples = to_triples(extract(Article(text="Troops were sent to Mali on Monday.", published="2023-05-12")))
    assert isinstance(triples, DistinctTriples) and len(set(triples)) == len(triples)
    assert data_triples(triples) is triples
    s = ox.NamedNode("https://example.org/s")
    twice = [(s, s, ox.Literal("x")), (s, s, ox.Literal("x"))]
    assert data_triples(twice) == [twice[0]]
