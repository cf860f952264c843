"""Output for people and for machines: ``--format table|json`` on the commands that list things.

The JSON is the library's own dataclasses (dataclasses.asdict), so its keys are their field
names and change only when the library's data does; paths are strings, tuples lists.
"""
from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Annotated, Any

import typer


class ListingFormat(str, Enum):
    table = "table"
    json = "json"


class EntityKind(str, Enum):
    place = "place"
    person = "person"
    organization = "organization"


Format = Annotated[ListingFormat, typer.Option(
    "--format", "-f", help="table for people, json for programs (keys: README, 'Output for programs').")]


def to_jsonable(value: Any) -> Any:
    """A dataclass as its fields (dataclasses.asdict), a list or tuple of them as a list."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def echo_json(value: Any, **extra: Any) -> None:
    """Print ``value`` as indented JSON on standard output, with ``extra`` keys (derived
    figures such as a rate) added to it; paths are written as strings."""
    data = to_jsonable(value)
    if extra:
        data = {**data, **extra}
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
