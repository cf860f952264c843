"""`-` is standard input for every command that reads a file: `kg extract a.json | kg load -`,
`kg validate -`, `kg query -`."""
from __future__ import annotations

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
TEXT = "Soldiers were sent to Chad on Monday."


def _extracted(tmp_path, fmt: str = "turtle") -> str:
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    result = runner.invoke(app, ["extract", str(article), "--published", "2023-05-12", "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_extract_piped_into_load_then_query_from_stdin(tmp_path):
    store = str(tmp_path / "db")
    loaded = runner.invoke(app, ["load", "-", "--store", store], input=_extracted(tmp_path))
    assert loaded.exit_code == 0, loaded.output
    assert "loaded" in loaded.stdout
    asked = runner.invoke(app, ["query", "-", "--store", store],
                          input="SELECT (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a <https://w3id.org/kg-loader/ontology#MilitaryDeployment> } }")
    assert asked.exit_code == 0, asked.output
    assert "1" in asked.stdout.split()


def test_validate_reads_turtle_trig_and_json_ld_from_stdin(tmp_path):
    for fmt in ("turtle", "trig", "nt", "jsonld"):
        result = runner.invoke(app, ["validate", "-"], input=_extracted(tmp_path, fmt))
        assert result.exit_code == 0, (fmt, result.output)
        assert "conforms" in result.stdout


def test_empty_or_broken_stdin_is_one_line(tmp_path):
    for command in (["load", "-", "--store", str(tmp_path / "db")], ["validate", "-"]):
        for data in ("", "garbage <"):
            result = runner.invoke(app, command, input=data)
            assert result.exit_code == 2, (command, data, result.output)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("kg: error: -"), result.stderr
