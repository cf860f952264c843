"""Grow a gazetteer from Wikidata's JSON dump format, streaming (millions of entities are fine).

The dump is one JSON array with one entity per line (``[``, then ``{...},`` lines, then ``]``);
plain JSON Lines work too, as do slices of either, plain or compressed (.json, .json.gz,
.json.bz2). An entity becomes a gazetteer row when it has an English label and its type is
known: from its P31 classes (the verified table kg/data/gazetteer-wikidata-classes.tsv), or
from ``default_type`` when the whole file was cut for one kind of thing ("all cities of ...").
The country of a place comes from its P17 claim, its coordinates from P625 (on Earth), and the
organisations it is a member of from P463; they fill the optional lat, lon and member_of columns. Lines holding ``{"entities": {...}}`` (what
``Special:EntityData/Q….json`` returns) are read too, so a slice can be cut with a query:

    # QIDs of, say, the cities (P31 Q515) of Kazakhstan (P17 Q232), from the query service:
    curl -sG https://query.wikidata.org/sparql -H 'Accept: text/csv' \
      --data-urlencode 'query=SELECT ?item WHERE { ?item wdt:P31 wd:Q515 ; wdt:P17 wd:Q232 }' \
      | tail -n +2 | sed 's#.*/##' > qids.txt
    # their entities, one JSON document per line (pause between requests, as Wikimedia asks):
    while read -r q; do curl -s -A 'my-name (me@example.org)' \
      "https://www.wikidata.org/wiki/Special:EntityData/$q.json"; echo; sleep 1; done < qids.txt > slice.json
    kg gazetteer build slice.json --type place
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.link.gazetteer import COLUMNS, OPTIONAL_COLUMNS, SLOT_TYPES
from kg.link.wikidata import load_classes
from kg.vocab import WD

_QID = re.compile(r"Q[1-9][0-9]*")
# Entity.type -> the gazetteer's type column.
_ROW_TYPE = {"Country": "country", "City": "city", "Place": "place", "Organization": "organization",
             "Person": "person"}
_SLOT_ROW_TYPE = {"place": "place", "person": "person", "organization": "organization"}
_TYPE_ORDER = ("Person", "Country", "City", "Place", "Organization")


@dataclass(frozen=True)
class DumpStats:
    read: int  # entities parsed
    added: int  # rows written
    skipped: int  # entities without English label or known type, or already present
    bad_lines: int  # lines that were not JSON


@dataclass(frozen=True)
class BuildProgress:
    """How far ``build_stats`` is: bytes of the dump files read (compressed bytes for .gz and
    .bz2, so the fraction is honest for either) and entities read and added so far."""

    bytes_done: int
    bytes_total: int
    read: int
    added: int


_PROGRESS_EVERY = 500  # entities between progress reports


def _open(path: Path) -> tuple[IO[str], IO[bytes]]:
    """The file as text, and the file itself (whose position is the bytes read so far)."""
    name = path.name.lower()
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if name.endswith(".gz"):
        return gzip.open(raw, "rt", encoding="utf-8"), raw
    if name.endswith(".bz2"):
        return bz2.open(raw, "rt", encoding="utf-8"), raw
    return io.TextIOWrapper(raw, encoding="utf-8"), raw


def iter_entities(path: str | os.PathLike[str], bad: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """Entities of one dump file, one at a time. Lines that are not JSON are counted in ``bad``."""
    return (ent for ent, _ in _entities_at(Path(path), bad))


def _entities_at(p: Path, bad: list[int] | None) -> Iterator[tuple[dict[str, Any], int]]:
    """Each entity with the bytes of the file read when it was parsed."""
    if not p.is_file():
        raise InputError(f"dump file not found: {p}")
    text, raw = _open(p)
    with raw, text:
        try:
            for line in text:
                line = line.strip()
                if line in ("", "[", "]"):
                    continue
                if line.endswith(","):
                    line = line[:-1]
                try:
                    ent = json.loads(line)
                except ValueError:
                    if bad is not None:
                        bad.append(1)
                    continue
                if isinstance(ent, dict) and isinstance(ent.get("entities"), dict):
                    yield from ((e, raw.tell()) for e in ent["entities"].values() if isinstance(e, dict))
                elif isinstance(ent, dict):
                    yield ent, raw.tell()
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {p}: {exc}") from None


def _claim_ids(ent: dict[str, Any], prop: str) -> list[str]:
    """Item values of a claim, preferred statements first, deprecated ones dropped."""
    stmts = (ent.get("claims") or {}).get(prop) or []
    ranked = sorted((s for s in stmts if isinstance(s, dict) and s.get("rank") != "deprecated"),
                    key=lambda s: s.get("rank") != "preferred")
    out = []
    for s in ranked:
        value = ((s.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict):
            qid = value.get("id") or (f"Q{value['numeric-id']}" if "numeric-id" in value else None)
            if isinstance(qid, str) and _QID.fullmatch(qid):
                out.append(qid)
    return out


_EARTH = str(WD.Q2)  # the globe of coordinates on Earth


def _coordinates(ent: dict[str, Any]) -> tuple[float, float] | None:
    """(latitude, longitude) of the best P625 statement on Earth, or None."""
    stmts = (ent.get("claims") or {}).get("P625") or []
    ranked = sorted((s for s in stmts if isinstance(s, dict) and s.get("rank") != "deprecated"),
                    key=lambda s: s.get("rank") != "preferred")
    for s in ranked:
        value = ((s.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if not isinstance(value, dict) or value.get("globe", _EARTH) != _EARTH:
            continue
        lat, lon = value.get("latitude"), value.get("longitude")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) \
                and not isinstance(lat, bool) and not isinstance(lon, bool) \
                and -90 <= lat <= 90 and -180 <= lon <= 180:
            return round(float(lat), 6), round(float(lon), 6)
    return None


def _clean(s: str) -> str:
    return " ".join(s.replace("|", " ").split())


def entity_row(ent: dict[str, Any], classes: dict[str, str], default_type: str | None = None,
               language: str = "en", source: str = "wikidata dump") -> list[str] | None:
    """The gazetteer row of one dump entity, or None when it cannot be one."""
    qid = ent.get("id")
    if ent.get("type", "item") != "item" or not isinstance(qid, str) or not _QID.fullmatch(qid):
        return None
    label = ((ent.get("labels") or {}).get(language) or {}).get("value")
    if not isinstance(label, str) or not _clean(label):
        return None
    types = {classes[c] for c in _claim_ids(ent, "P31") if c in classes}
    etype = next((t for t in _TYPE_ORDER if t in types), None)
    if default_type is not None:
        if etype is not None and etype not in SLOT_TYPES[default_type]:
            return None  # a person in a slice of places: the slice's query was broader than meant
        row_type = _ROW_TYPE[etype] if etype else _SLOT_ROW_TYPE[default_type]
    elif etype is None:
        return None
    else:
        row_type = _ROW_TYPE[etype]
    label = _clean(label)
    aliases, acronyms = [], []
    for a in (ent.get("aliases") or {}).get(language) or []:
        value = _clean(a.get("value", "")) if isinstance(a, dict) else ""
        if not value or value == label:
            continue
        letters = value.replace(".", "")
        (acronyms if letters.isalpha() and letters.isupper() and len(letters) <= 8 else aliases).append(value)
    countries = _claim_ids(ent, "P17") if row_type not in ("country", "person", "organization") else []
    desc = ((ent.get("descriptions") or {}).get(language) or {}).get("value")
    coords = _coordinates(ent)
    members = _claim_ids(ent, "P463")
    row = [qid, label, row_type, countries[0] if countries else "",
           "|".join(dict.fromkeys(aliases)), "|".join(dict.fromkeys(acronyms)), "", "",
           _clean(desc) if isinstance(desc, str) else "", source,
           f"{coords[0]:g}" if coords else "", f"{coords[1]:g}" if coords else "",
           "|".join(dict.fromkeys(members))]
    return [c.replace("\t", " ") for c in row]


def build_from_dump(paths: Iterable[str | os.PathLike[str]], out_path: str | os.PathLike[str],
                    *, default_type: str | None = None, language: str = "en") -> int:
    """Append the usable entities of dump files to a gazetteer TSV; returns rows added.

    QIDs already in ``out_path`` are kept as they are (rerunning on the same slice adds nothing).
    """
    return build_stats(paths, out_path, default_type=default_type, language=language).added


def build_stats(paths: Iterable[str | os.PathLike[str]], out_path: str | os.PathLike[str],
                *, default_type: str | None = None, language: str = "en",
                progress: Callable[[BuildProgress], None] | None = None) -> DumpStats:
    if default_type is not None and default_type not in SLOT_TYPES:
        raise InputError(f"unknown type {default_type!r} (expected place, person or organization)")
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no dump files given")
    for p in paths:
        if not p.is_file():
            raise InputError(f"dump file not found: {p}")
    out = Path(out_path).expanduser()
    classes = load_classes()
    seen: set[str] = set()
    if out.is_file():
        with open(out, encoding="utf-8") as fh:
            for line in fh:
                qid = line.split("\t", 1)[0]
                if _QID.fullmatch(qid):
                    seen.add(qid)
    read = added = skipped = 0
    bad: list[int] = []
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        new_file = not out.is_file() or out.stat().st_size == 0
        with open(out, "a", encoding="utf-8") as fh:
            if new_file:
                fh.write("# kg-loader user gazetteer, grown from Wikidata dumps with `kg gazetteer build`\n")
                fh.write("\t".join(COLUMNS + OPTIONAL_COLUMNS) + "\n")
            total = sum(p.stat().st_size for p in paths)
            before = 0  # bytes of the files already read
            for p in paths:
                for ent, at in _entities_at(p, bad):
                    read += 1
                    if progress is not None and read % _PROGRESS_EVERY == 0:
                        progress(BuildProgress(before + at, total, read, added))
                    row = entity_row(ent, classes, default_type, language, f"wikidata dump {p.name}")
                    if row is None or row[0] in seen:
                        skipped += 1
                        continue
                    seen.add(row[0])
                    fh.write("\t".join(row) + "\n")
                    added += 1
                before += p.stat().st_size
                if progress is not None:
                    progress(BuildProgress(before, total, read, added))
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    if read == 0 and bad:
        raise InputError(f"no Wikidata entities in {', '.join(map(str, paths))} (is it the JSON dump format?)")
    return DumpStats(read, added, skipped, len(bad))
