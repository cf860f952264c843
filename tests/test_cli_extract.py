"""``kg extract`` and ``kg explain``: outputs, formats, overrides, and one-line errors that write nothing."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.vocab import KG, SCHEMA, WD, WDT

runner = CliRunner()
TEXT = ("Ghana deployed 400 soldiers to Liberia on Tuesday at the request of Amina Farah.\n\n"
        "Protests demanding his resignation broke out in Monrovia, where at least 7 people were killed.\n")
KG_BIN = Path(sys.executable).parent / "kg"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def parse(data: str, fmt: str = "turtle") -> Graph:
    ds = Dataset()
    ds.parse(data=data, format=fmt)
    g = Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


def one_error_line(result) -> str:
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ")
    return lines[0]


# -- outputs -------------------------------------------------------------------------------------


def test_extract_to_stdout_is_turtle_with_the_events(article):
    result = runner.invoke(app, ["extract", str(article), "--published", "2023-05-12"])
    assert result.exit_code == 0, result.output
    g = parse(result.stdout)
    (dep,) = g.subjects(RDF.type, KG.MilitaryDeployment)
    assert (dep, WDT.P710, WD.Q117) in g and (dep, WDT.P17, WD.Q1014) in g
    assert (dep, WDT.P580, Literal("2023-05-09", datatype=XSD.date)) in g
    assert list(g.subjects(RDF.type, KG.Resignation)) == []  # demanded, not done


def test_extract_to_a_file_writes_only_the_file(article, tmp_path):
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["extract", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert len(parse(out.read_text(encoding="utf-8"))) > 20
    assert {p.name for p in tmp_path.iterdir()} == {"story.txt", "out.ttl"}  # no temporary file left


@pytest.mark.parametrize("fmt, parse_as", [
    ("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_every_format_on_the_command_line_parses_to_the_same_graph(article, fmt, parse_as):
    turtle = runner.invoke(app, ["extract", str(article)]).stdout
    result = runner.invoke(app, ["extract", str(article), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert parse(result.stdout, parse_as).isomorphic(parse(turtle))


@pytest.mark.parametrize("suffix, parse_as", [(".trig", "trig"), (".nq", "nquads"), (".jsonld", "json-ld")])
def test_the_output_suffix_chooses_the_format(article, tmp_path, suffix, parse_as):
    out = tmp_path / f"out{suffix}"
    assert runner.invoke(app, ["extract", str(article), "-o", str(out)]).exit_code == 0
    assert len(parse(out.read_text(encoding="utf-8"), parse_as)) > 20


def test_the_same_input_twice_gives_identical_output(article, tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    runner.invoke(app, ["extract", str(article), "-o", str(first)])
    runner.invoke(app, ["extract", str(article), "-o", str(second)])
    assert first.read_bytes() == second.read_bytes()


def test_metadata_options_override_the_inputs(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": TEXT, "title": "Old title", "published": "2020-01-01",
                                "url": "https://example.org/old"}), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2023-05-12",
                                 "--title", "New title", "--url", "https://example.org/new"])
    assert result.exit_code == 0, result.output
    g = parse(result.stdout)
    (art,) = g.subjects(RDF.type, KG.Article)
    assert g.value(art, SCHEMA.headline) == Literal("New title")
    assert g.value(art, SCHEMA.url) == URIRef("https://example.org/new")
    assert g.value(art, SCHEMA.datePublished) == Literal("2023-05-12", datatype=XSD.date)


def test_the_json_records_metadata_is_used_when_not_overridden(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": TEXT, "title": "A title", "published": "2023-05-12"}), encoding="utf-8")
    g = parse(runner.invoke(app, ["extract", str(path)]).stdout)
    (dep,) = g.subjects(RDF.type, KG.MilitaryDeployment)
    assert (dep, WDT.P580, Literal("2023-05-09", datatype=XSD.date)) in g


def test_standard_input_is_read_with_a_dash():
    result = runner.invoke(app, ["extract", "-", "--published", "2023-05-12"], input=TEXT)
    assert result.exit_code == 0, result.output
    assert list(parse(result.stdout).subjects(RDF.type, KG.MilitaryDeployment))


def test_no_validate_skips_validation(article, monkeypatch):
    import kg.validate

    def boom(*args, **kwargs):
        raise AssertionError("validate_graph must not be called")

    monkeypatch.setattr(kg.validate, "validate_graph", boom)
    result = runner.invoke(app, ["extract", str(article), "--no-validate"])
    assert result.exit_code == 0, result.output
    assert len(parse(result.stdout)) > 20


def test_base_changes_minted_iris(article):
    result = runner.invoke(app, ["extract", str(article), "--base", "https://example.org/kg/"])
    assert result.exit_code == 0, result.output
    (art,) = parse(result.stdout).subjects(RDF.type, KG.Article)
    assert str(art).startswith("https://example.org/kg/article/")


def test_explain_flag_prints_facts_with_their_rules_on_stderr(article):
    result = runner.invoke(app, ["extract", str(article), "--explain", "--published", "2023-05-12"])
    assert result.exit_code == 0, result.output
    assert "rule=" in result.stderr and "MilitaryDeployment" in result.stderr
    assert "rule=" not in result.stdout
    assert len(parse(result.stdout)) > 20


def test_explain_command_tells_facts_and_skipped_sentences(article):
    result = runner.invoke(app, ["explain", str(article), "--published", "2023-05-12"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[MilitaryDeployment]" in out and "rule=participant:" in out and "2023-05-09" in out
    assert "Resignation" in out and "demanded" in out  # why the resignation is not an event


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, content", [
    ("missing.txt", None),
    ("empty.txt", b""),
    ("blank.txt", b"  \n\n "),
    ("binary.txt", bytes(range(256)) * 8),
    ("notext.json", b'{"title": "no text here"}'),
    ("broken.json", b'{"text": "unfinished'),
    ("latin1.txt", "Caf\u00e9 troops".encode("latin-1")),
])
def test_bad_input_is_one_line_exit_2_and_no_output_file(tmp_path, name, content):
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert name in one_error_line(result)
    assert not out.exists()
    assert result.stdout == ""


def test_a_folder_is_not_an_article(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2
    one_error_line(result)


@pytest.mark.parametrize("args", [["--format", "rdfxml-ish"], ["--published", "12 May 2023"]])
def test_bad_options_are_one_line_errors(article, tmp_path, args):
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["extract", str(article), "-o", str(out), *args])
    assert result.exit_code == 2
    one_error_line(result)
    assert not out.exists()


def test_an_output_folder_that_does_not_exist_is_an_error(article, tmp_path):
    result = runner.invoke(app, ["extract", str(article), "-o", str(tmp_path / "nope" / "out.ttl")])
    assert result.exit_code == 2
    one_error_line(result)


def fake_failure(graph, shapes=None, **options):
    from kg.validate import Issue, Report

    issue = Issue(focus="https://w3id.org/kg-loader/id/event/x", path=None,
                  message="made-up violation for the test", severity="Violation")
    return Report(conforms=False, issues=(issue,), report_graph=Graph())


def test_a_validation_failure_writes_nothing_and_exits_1(article, tmp_path, monkeypatch):
    import kg.validate

    monkeypatch.setattr(kg.validate, "validate_graph", fake_failure)
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["extract", str(article), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[-1].startswith("kg: error: ")
    assert "made-up violation" in result.stderr  # the report says what is wrong


def test_an_existing_output_is_kept_when_validation_fails(article, tmp_path, monkeypatch):
    import kg.validate

    out = tmp_path / "out.ttl"
    out.write_text("previous", encoding="utf-8")
    monkeypatch.setattr(kg.validate, "validate_graph", fake_failure)
    assert runner.invoke(app, ["extract", str(article), "-o", str(out)]).exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous"


# -- the installed command -------------------------------------------------------------------------


@pytest.mark.skipif(not KG_BIN.exists(), reason="the kg script is not installed in this environment")
def test_the_installed_command_reads_stdin_and_reports_errors_in_one_line(tmp_path):
    ok = subprocess.run([str(KG_BIN), "extract", "-", "--published", "2023-05-12"], input=TEXT,
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert list(parse(ok.stdout).subjects(RDF.type, KG.MilitaryDeployment))
    bad = subprocess.run([str(KG_BIN), "extract", str(tmp_path / "missing.txt")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.strip().splitlines() == [bad.stderr.strip()]
    assert bad.stderr.startswith("kg: error: ")


@pytest.mark.parametrize("command", ["extract", "explain"])
def test_a_url_on_a_private_address_is_refused_in_one_line(command, monkeypatch):
    monkeypatch.delenv("KG_ALLOW_PRIVATE_URLS", raising=False)
    result = runner.invoke(app, [command, "http://169.254.169.254/latest/meta-data/"])
    assert result.exit_code == 2
    assert "refused: 169.254.169.254 is a private, loopback or link-local address" in one_error_line(result)


def test_output_onto_a_folder_is_one_line(article, tmp_path):
    result = runner.invoke(app, ["extract", str(article), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in one_error_line(result)


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(article, tmp_path):
    target, link = tmp_path / "target.ttl", tmp_path / "link.ttl"
    link.symlink_to(target)
    assert runner.invoke(app, ["extract", str(article), "-o", str(link)]).exit_code == 0
    assert link.is_symlink() and target.read_text().startswith("@prefix")


def test_output_into_a_fifo_streams_without_replacing_it(article, tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    assert runner.invoke(app, ["extract", str(article), "-o", str(fifo)]).exit_code == 0
    reader.join(10)
    assert got and got[0].startswith("@prefix")
    assert fifo.is_fifo()


def test_output_files_follow_the_umask(article, tmp_path):
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / "a.ttl"
        assert runner.invoke(app, ["extract", str(article), "-o", str(out)]).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)


def test_an_output_suffix_it_does_not_write_is_one_line(article, tmp_path):
    result = runner.invoke(app, ["extract", str(article), "-o", str(tmp_path / "x.rdf")])
    assert result.exit_code == 2 and "does not write '.rdf' files" in one_error_line(result)
    assert not (tmp_path / "x.rdf").exists()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("kg-loader ")


def test_trig_uses_the_prefixes_turtle_uses(article):
    trig = runner.invoke(app, ["extract", str(article), "--format", "trig"]).stdout
    assert "@prefix schema: <http://schema.org/>" in trig and "schema1" not in trig


def test_json_ld_is_compacted_with_an_embedded_context(article):
    import json

    doc = json.loads(runner.invoke(app, ["extract", str(article), "--format", "jsonld"]).stdout)
    assert doc["@context"]["kg"] == "https://w3id.org/kg-loader/ontology#"
    assert doc["@context"]["schema"] == "http://schema.org/"
    assert any("kg:Article" in node.get("@type", []) for node in doc["@graph"])


def test_explain_takes_the_metadata_extract_takes(article):
    result = runner.invoke(app, ["explain", str(article), "--published", "2023-05-12", "--url", "https://example.org/a",
                                 "--title", "A headline"])
    assert result.exit_code == 0 and "events" in result.stdout
    bad = runner.invoke(app, ["explain", str(article), "--url", "not a url"])
    assert bad.exit_code == 2 and "is not an absolute http(s) URL" in one_error_line(bad)
