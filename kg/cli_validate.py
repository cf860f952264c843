"""``kg validate FILE...``: check RDF files against the SHACL shapes and print the report."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer


class ReportFormat(str, Enum):
    text = "text"
    turtle = "turtle"
    json = "json"


def validate_command(
    files: List[Path] = typer.Argument(..., help="RDF files (.ttl .trig .nq .nt .jsonld .json .rdf .xml); validated together as one graph.", show_default=False),
    shapes: Optional[Path] = typer.Option(None, "--shapes", help="Folder of SHACL shapes (*.ttl) to use instead of the project's shapes/."),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Report format: readable text, or the SHACL report as Turtle, or JSON."),
) -> None:
    """Check RDF files against the shapes. Exit 0 if they conform, 1 on violations, 2 if unreadable."""
    from kg import api
    from kg.validate import render

    report = api.validate(files, shapes=shapes)
    typer.echo(render(report, fmt.value), nl=False)
    raise typer.Exit(0 if report.conforms else 1)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
