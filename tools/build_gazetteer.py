#!/usr/bin/env python3
"""Regenerate kg/data/gazetteer.tsv from the verified rows of ../shared/corpus/qids*.tsv.

Users' clones have no ../shared, so the generated file is committed; rerun this after the
tables or kg/data/gazetteer-aliases.tsv change:

    .venv/bin/python tools/build_gazetteer.py            # writes kg/data/gazetteer.tsv

Only rows with status ``verified`` (two independent sources agree) become entries. The curated
alias file adds surface forms (names, spellings, acronyms, demonyms) and matching flags for
QIDs that are verified here; a line naming any other QID is an error, so no identity enters the
gazetteer except through the shared tables.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.link.normalize import key_of  # noqa: E402

# Highest priority first: labels come from the first file that has the QID.
TABLES = ("qids.tsv", "qids-extra-kz2022.tsv", "qids-extra-other.tsv", "qids-world.tsv",
          "qids-extra-dev2.tsv")
COLUMNS = ("qid", "label", "type", "country_qid", "aliases", "acronyms", "demonyms", "flags",
           "description", "source")
KINDS = ("name", "alias", "acronym", "demonym")
TYPES = ("country", "state", "capital", "city", "region", "place", "organization", "person", "event")
# Multi-word demonyms end like this ("Sri Lankan", "South Sudanese"); other multi-word aliases are names.
DEMONYM_ENDINGS = ("an", "ese")


@dataclass
class Row:
    qid: str
    label: str
    type: str
    country: str = ""
    surfaces: dict[str, str] = field(default_factory=dict)  # surface -> kind
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    iso2: str = ""
    dropped: set[str] = field(default_factory=set)  # curated drops: derived forms respect them too


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def classify(alias: str, row_type: str) -> str | None:
    """Kind of a surface form from a source table's alias column (None: unusable)."""
    if "(" in alias or "," in alias:  # "Korea, Republic Of", "Micronesia (country)": catalogue forms
        return None
    letters = alias.replace(".", "").replace("&", "")
    if letters.isupper() and len(letters) <= 8 and " " not in alias:
        return "acronym"
    if row_type != "country":
        return "alias"
    words = alias.split()
    if len(words) == 1:
        return "demonym"  # single-word country aliases are demonyms; names are reclassified in the curated file
    return "demonym" if words[-1].endswith(DEMONYM_ENDINGS) and "Republic" not in alias else "alias"


def world_qids(path: Path) -> frozenset[str]:
    """QIDs of gazetteer-world.tsv: that table already gives them a country and coordinates, and
    its builder leaves gazetteer.tsv's QIDs out, so each place lives in exactly one of the two."""
    if not path.is_file():
        return frozenset()
    return frozenset(ln.split("\t", 1)[0] for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.startswith("Q"))


def merge_tables(shared: Path, skip: frozenset[str] = frozenset()) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for name in TABLES:
        path = shared / name
        if not path.is_file():
            raise SystemExit(f"build_gazetteer: missing {path}")
        for r in read_tsv(path):
            qid = (r.get("qid") or r.get("qid_or_pid") or "").strip()
            if r.get("status") != "verified" or not qid.startswith("Q") or qid in skip:
                continue
            rtype = r["type"].strip()
            if rtype not in TYPES:
                raise SystemExit(f"build_gazetteer: {name}: {qid} has unknown type {rtype!r}")
            label = r["label"].strip()
            row = rows.get(qid)
            if row is None:
                row = rows[qid] = Row(qid, label, rtype)
            else:
                if label != row.label:
                    row.surfaces.setdefault(label, "alias")
                # A capital row is more precise than a city row; a country beats its own capital row.
                if (row.type, rtype) in {("city", "capital"), ("capital", "country")}:
                    row.type = rtype
            if name not in row.sources:
                row.sources.append(name)
            row.country = row.country or r.get("country_qid", "").strip()
            row.iso2 = row.iso2 or r.get("iso2", "").strip()
            if r.get("note"):
                row.notes.append(r["note"].strip())
            for chunk in (r.get("aliases") or "").split("|"):
                for alias in chunk.split(" - "):  # "Bruxelles - Brussel"
                    alias = alias.strip()
                    kind = classify(alias, rtype) if alias else None
                    if kind and alias != row.label:
                        row.surfaces.setdefault(alias, kind)
    return rows


def apply_curated(rows: dict[str, Row], path: Path) -> None:
    for n, r in enumerate(read_tsv(path), start=2):
        qid, kind, value = r["qid"].strip(), r["kind"].strip(), r["value"].strip()
        if qid not in rows:
            raise SystemExit(f"build_gazetteer: {path.name}: {qid} is not a verified QID in the tables")
        row = rows[qid]
        if kind in KINDS:
            row.surfaces[value] = kind
        elif kind == "drop":
            row.dropped.add(value)
            if row.surfaces.pop(value, None) is None and row.type != "person":
                print(f"build_gazetteer: note: {qid} has no surface {value!r} to drop", file=sys.stderr)
        elif kind == "flag":
            row.flags.append(value)
        elif kind == "country":
            row.country = value
        elif kind == "label":
            old, row.label = row.label, value
            row.surfaces.pop(value, None)
            if old != value:
                row.surfaces.setdefault(old, "alias")
        else:
            raise SystemExit(f"build_gazetteer: {path.name}: unknown kind {kind!r} for {qid}")


def add_derived(rows: dict[str, Row]) -> None:
    for row in rows.values():
        if row.type == "person":
            # A bare surname names the person ("Tokayev"); the scanner guards it against other first names.
            surname = row.label.split()[-1]
            if surname not in row.dropped:  # "Kyi" is no surname: Burmese names have none
                row.surfaces.setdefault(surname, "alias")
        if row.label.startswith("The ") and row.type == "country":
            row.surfaces.setdefault(row.label[4:], "alias")


def describe(row: Row, rows: dict[str, Row]) -> str:
    country = rows[row.country].label if row.country in rows else ""
    if row.type == "country":
        return f"country (ISO {row.iso2})" if row.iso2 else "country"
    if row.type == "capital":
        return f"capital of {country}" if country else "capital"
    if row.type in ("city", "region", "place"):
        return f"{row.type} in {country}" if country else row.type
    if row.type == "state":
        return "self-declared state"
    if row.type == "organization":
        tags = [n.split(";")[-1].strip() for n in row.notes if n]
        tag = tags[-1] if tags and len(tags[-1]) < 30 else ""
        return f"organization ({tag})" if tag else "organization"
    return row.type


def check(rows: dict[str, Row]) -> list[str]:
    """Consistency problems worth a look: unknown countries, one surface on two entities."""
    problems = []
    for row in rows.values():
        if row.country and (row.country not in rows or rows[row.country].type not in ("country", "state")):
            problems.append(f"{row.qid} {row.label}: country {row.country} is not a verified country")
    owners: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for row in rows.values():
        for surface, kind in [(row.label, "name"), *row.surfaces.items()]:
            owners[key_of(surface)].append((row.qid, kind))
    for key, who in owners.items():
        qids = {q for q, _ in who}
        if len(qids) > 1:
            problems.append(f"surface {' '.join(key)!r} on {sorted(who)} (the scanner keeps the best-ranked)")
    return problems


def render(rows: dict[str, Row]) -> str:
    out = [
        "# Generated by tools/build_gazetteer.py from the `verified` rows of ../shared/corpus/qids*.tsv",
        "# plus kg/data/gazetteer-aliases.tsv. Do not edit by hand: edit those and rerun the tool.",
        "# Each QID here was confirmed by two independent sources (see the `source` tables' evidence).",
        "\t".join(COLUMNS),
    ]
    order = {t: i for i, t in enumerate(TYPES)}
    for row in sorted(rows.values(), key=lambda r: (order[r.type], int(r.qid[1:]))):
        by_kind = {k: [s for s, kk in row.surfaces.items() if kk == k and s != row.label] for k in KINDS}
        cells = [
            row.qid, row.label, row.type, row.country,
            "|".join(by_kind["name"] + by_kind["alias"]), "|".join(by_kind["acronym"]),
            "|".join(by_kind["demonym"]), "|".join(dict.fromkeys(row.flags)),
            describe(row, rows), "; ".join(row.sources),
        ]
        if any("\t" in c or "\n" in c for c in cells):
            raise SystemExit(f"build_gazetteer: tab or newline in a cell of {row.qid}")
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--aliases", type=Path, default=ROOT / "kg" / "data" / "gazetteer-aliases.tsv")
    ap.add_argument("--world", type=Path, default=ROOT / "kg" / "data" / "gazetteer-world.tsv")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "kg" / "data" / "gazetteer.tsv")
    args = ap.parse_args(argv)
    rows = merge_tables(args.shared, world_qids(args.world))
    apply_curated(rows, args.aliases)
    add_derived(rows)
    for problem in check(rows):
        print(f"build_gazetteer: check: {problem}", file=sys.stderr)
    args.out.write_text(render(rows), encoding="utf-8")
    print(f"build_gazetteer: wrote {len(rows)} entries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
