#!/usr/bin/env python3
"""Regenerate kg/data/gazetteer-actors.tsv: leaders and international bodies proven by two sources.

The third-party tables are not committed; fetch them and give their paths (the first three
options take one or more files, e.g. every historical version of a file):

    Leaders, Wikipedia side: the `data/wikipedia.csv` of github:every-politician-scrapers/
        world-leaders-2021 (the English Wikipedia list of current heads of state and government,
        each office holder's QID read from the article the list links to)   --ep-wikipedia FILE
    Leaders, Wikidata side: the `data/wikidata.csv` of the same repository (a SPARQL query of
        the P39 position holders)                                            --ep-wikidata FILE
        and the `snapshots/*/*/*.json` of github:open-data-archive/world-leaders-current
        (Wikidata P35/P6 holders of 28 states, the EU and the AU)            --oda-snapshot FILE
    Bodies, curated side: `data/general_list.yaml` of github:confirmordeny/supraverden (a
        hand-curated list of international organisations, each with its founding treaty and
        Wikidata code)                                                       --supraverden FILE
    Bodies, Wikidata side: a TSV (qid, name) of the INTL_ORGS registry of OpenSanctions'
        Wikidata position workbench (code index file find_string#57946607384, transcribed from
        read_file output: 104 rows, sport bodies left out)                   --intl-orgs FILE
    Bodies, Wikidata side too: a TSV (qid, name, page) of the `member of` (P463) links of
        SpocWiki/_Standards country pages (a vault generated from Wikidata; transcribed from
        read_file output: Nigeria.md @0629ad79efa6d849f6a889061327b071ac9eb2f6)  --spocwiki FILE
    optional word lists (one word per line) that keep a bare surname from becoming a name:
        --words, --first-names, --surnames (the `web2` list of the PyPI package english-words,
        the census name lists of the PyPI package names), as tools/build_world_gazetteer.py

    .venv/bin/python tools/build_actor_gazetteer.py --ep-wikipedia wp.csv --ep-wikidata wd.csv \
        --oda-snapshot 2026-08-22.json --supraverden general_list.yaml --intl-orgs intl_orgs.tsv \
        --spocwiki spocwiki_member_of.tsv [--words web2.txt --first-names first.txt --surnames last.txt]

The committed kg/data/gazetteer-actors.tsv was built from:
    every-politician-scrapers/world-leaders-2021: every version of data/wikipedia.csv (64) and
        data/wikidata.csv (95) in its history (`git log -- FILE`) up to be7039cf5952d8121c4f1e24eea64cc5dd465633
    open-data-archive/world-leaders-current @b06a1440a6eda040a90166cb3f84d9634d1779b2: its 99
        daily snapshots (2026-05-16 .. 2026-08-22)
    confirmordeny/supraverden @59ab4fa0f92f3c75bb45e230908e612f15e8dbdf data/general_list.yaml
        (CC BY-SA 4.0)
    INTL_ORGS: find_string#57946607384 (OpenSanctions, stored 2026)
    SpocWiki: SpocWiki/_Standards Earth/Continent/Africa/Africa~Central/Nigeria.md
        @0629ad79efa6d849f6a889061327b071ac9eb2f6, its `member of` list (30 links)
    word lists: PyPI english-words 2.0.2 (web2, lower-case entries), PyPI names 0.3.0
        (dist.male.first, dist.female.first, the 1,000 commonest of dist.all.last)

Independence: the Wikipedia list and the Wikidata holders of an office are edited apart (the list
by Wikipedia editors, the claims on Wikidata), so a person the list names for an office and the
Wikidata query gives for it, with one QID and one name, is proven by two sources; the two
Wikidata-side tables (EP's query and open-data-archive's) are one source. The caveat: the list's
QID is the Wikidata item its linked article belongs to, so the two sides agree on who holds the
office independently but share Wikimedia's article-item links. For bodies the curated
supraverden list is one source and the Wikidata-derived INTL_ORGS registry or SpocWiki pages
(one source between them) the other.

A row is written only when both sides give the same QID with a matching name (folded case and
accents, a Wikipedia disambiguator such as "(politician)" dropped); a QID only one side gives, or
whose names disagree, is dropped and counted. QIDs already in kg/data/gazetteer.tsv or
gazetteer-world.tsv are left to those files, and QIDs the project's research tables
(../shared/corpus/qids*.tsv) judged and did not verify, and names they or the annotated articles
(*.gold.json `unlinkable`) judged unlinkable, keep that verdict until a person revises it (the
builder prints the rows it holds, with their proven QIDs). Every surface is a name both
sides give. A person gets the bare surname as an alias only when it is one word of four letters
or more that no other person in the sources bears (as a surname or a given name), that is no
ordinary word, first name or common surname, and that no other entry owns; the scanner then
rejects it after another capitalised word that is no title ("Peter X", but "President X"). A
one-word label gets the `given_name` flag. A body's
acronym is kept only when it has three letters or more, is no word, and no other entry owns it.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from build_world_gazetteer import (add_common_options, clean, read_gazetteer, read_words,  # noqa: E402
                                   research_rows, shared_verdicts)
from kg.link.normalize import key_of  # noqa: E402

COLUMNS = ("qid", "label", "type", "country_qid", "aliases", "acronyms", "demonyms", "flags",
           "description", "source", "lat", "lon")  # gazetteer-world.tsv's columns; actors have no coordinates
QID = re.compile(r"Q[1-9][0-9]*")
TAGS = {
    "wp": "everypolitician:world-leaders-2021/wikipedia",
    "wd": "everypolitician:world-leaders-2021/wikidata",
    "oda": "open-data-archive:world-leaders-current",
    "sv": "supraverden:general_list",
    "io": "opensanctions:INTL_ORGS",
    "sw": "spocwiki:member_of",
}
WIKIDATA_SIDE = ("wd", "oda")
PARTICLES = frozenset({"de", "van", "der", "von", "da", "do", "dos", "del", "la", "le", "al", "el", "bin", "ibn",
                       "ben", "bint", "abu", "of", "ould", "ag", "mac", "st"})


def norm(name: str) -> str:
    s = re.sub(r"\s*\([^)]*\)\s*$", "", name or "")  # "João Lourenço (politician)"
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[\u2019'`.\-_/,]", " ", s)
    s = re.sub(r"\b(the|of|and|for|on|in)\b", " ", s)
    return " ".join(s.replace("organisation", "organization").split())


def display(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name or "").strip()


@dataclass
class Claim:
    """What one side says of one QID."""

    names: Counter = field(default_factory=Counter)  # name -> rows that give it
    offices: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    primary: str = ""  # the source's own main name, when it marks one


def read_ep(paths: list[Path], tag: str, claims: dict[str, dict[str, Claim]],
            country_qids: dict[str, str], states: set[str]) -> None:
    """``states`` collects the folded names of the states the rows are about."""
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                qid = (r.get("officeholder") or "").strip()
                name = r.get("officeholderLabel") or r.get("officeholderlabel") or ""
                if not QID.fullmatch(qid) or not name or QID.fullmatch(name):
                    continue
                c = claims[qid].setdefault(tag, Claim())
                c.names[name.strip()] += 1
                office = (r.get("positionLabel") or r.get("positionlabel") or "").strip()
                if office and not QID.fullmatch(office) and office != name.strip():
                    c.offices.add(office)
                if r.get("country"):
                    states.add(norm(r["country"]))
                country = (r.get("countryid") or "").strip() or country_qids.get(norm(r.get("country", "")), "")
                if country:
                    c.countries.add(country)


def read_oda(paths: list[Path], claims: dict[str, dict[str, Claim]], iso2: dict[str, str]) -> None:
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in (data.get("countries") or {}).values():
            country = iso2.get(((entry.get("country") or {}).get("iso_code") or "").upper(), "")
            for pos in (entry.get("positions") or {}).values():
                holder = pos.get("current_holder") or {}
                qid, name = (holder.get("wikidata_id") or "").strip(), (holder.get("name_en") or "").strip()
                if not QID.fullmatch(qid) or not name:
                    continue
                c = claims[qid].setdefault("oda", Claim())
                c.names[name] += 1
                if pos.get("title_en"):
                    c.offices.add(f"{pos['title_en']}, {entry['country'].get('name_en', '')}".strip(", "))
                if country:
                    c.countries.add(country)


def read_supraverden(path: Path, claims: dict[str, dict[str, Claim]]) -> None:
    """The YAML is a flat map of bodies with scalar fields; only a few fields are read, so a
    line reader does (no YAML library is needed to rebuild)."""
    entry: dict[str, str] = {}

    def flush() -> None:
        qid = entry.get("Wikidata_code", "").strip("'\" ")
        if QID.fullmatch(qid):
            c = claims[qid].setdefault("sv", Claim())
            for k, v in entry.items():
                if k == "Name_en":
                    c.primary = v
                if k == "Name_en" or re.fullmatch(r"Name_other(_\d+)?_en", k):
                    c.names[v] += 1
                elif k == "Abbreviation_en":
                    c.acronyms.add(v)
        entry.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")) and line.rstrip().endswith(":"):
            flush()
        elif m := re.match(r"  ([A-Za-z_0-9]+): (.+)$", line):
            entry[m.group(1)] = m.group(2).strip().strip("'\"")
    flush()


def read_qid_names(path: Path, claims: dict[str, dict[str, Claim]], tag: str) -> None:
    """A TSV whose first two columns are a QID and a name (the transcribed extracts)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2 or not QID.fullmatch(cells[0].strip()):
            continue
        claims[cells[0].strip()].setdefault(tag, Claim()).names[cells[1].strip()] += 1


def held_names(shared: Path | None) -> dict[str, str]:
    """Folded name -> where the project judged it unlinkable: the research tables' rows with no
    verified QID (notfound rows have none, so they are matched by name) and the `unlinkable` lists
    of the annotated articles (*.gold.json: "a QID that is not verified is never written"). Like
    the QID verdicts, these stand until a person revises them with this table's evidence; the
    builder lists the rows it holds back, with their proven QIDs, so that revision is one step."""
    out: dict[str, str] = {}
    if shared is None or not shared.is_dir():
        return out
    for name, r in research_rows(shared):
        if r.get("status", "").strip() not in ("", "verified") and r.get("label"):
            out.setdefault(norm(r["label"]), f"{name}: {r['status'].strip()}")
    for path in sorted(shared.glob("*/*.gold.json")):
        for name in json.loads(path.read_text(encoding="utf-8")).get("unlinkable") or []:
            out.setdefault(norm(name), f"{path.name}: unlinkable")
    return out


def agree(a: Claim, b: Claim) -> bool:
    return bool({norm(x) for x in a.names} & {norm(x) for x in b.names})


@dataclass
class Row:
    qid: str
    label: str
    type: str
    country: str = ""
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    description: str = ""
    sources: tuple[str, ...] = ()
    source_names: tuple[str, ...] = ()  # every name the sources give, agreed or not


def prove(claims: dict[str, dict[str, Claim]], left: tuple[str, ...], right: tuple[str, ...],
          stats: Counter, kind: str) -> dict[str, tuple[list[str], list[str]]]:
    """QID -> (tags of the left side that agree, tags of the right side that agree)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for qid, by in claims.items():
        ls, rs = [t for t in left if t in by], [t for t in right if t in by]
        if not ls and not rs:
            continue
        if not ls or not rs:
            stats[f"{kind}: one source only"] += 1
            continue
        pairs = [(x, y) for x in ls for y in rs if agree(by[x], by[y])]
        if not pairs:
            stats[f"{kind}: names disagree"] += 1
            continue
        out[qid] = (sorted({x for x, _ in pairs}), sorted({y for _, y in pairs}))
    return out


def agreed(claims: list[Claim], others: list[Claim]) -> Counter:
    """The names of ``claims`` that one of ``others`` also gives (folded alike), with how many
    rows give each: every surface of a row is then proven by both sides, so a name one table
    alone carries (a vandalised label, another item's name) never becomes a surface."""
    sides = ({norm(n) for c in claims for n in c.names}, {norm(n) for c in others for n in c.names})
    out: Counter = Counter()
    for group, other in ((claims, sides[1]), (others, sides[0])):
        for c in group:
            for n, k in c.names.items():
                if norm(n) in other:
                    out[display(n)] += k
    return out


def best_name(counts: Counter) -> str:
    return max(counts, key=lambda n: (counts[n], not n.isascii(), len(n), n))


def build(args) -> tuple[list[Row], Counter]:
    stats: Counter = Counter()
    iso2, owners, gaz_qids = read_gazetteer(args.gazetteer)
    _, world_owners, world_qids = read_gazetteer(args.world)
    owners = {**world_owners, **owners}
    verdicts = shared_verdicts(args.shared)
    held = held_names(args.shared)
    country_qids = {}
    for line in args.gazetteer.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 4 and cells[2] == "country":
            for s in [cells[1], *cells[4].split("|")]:
                if s.strip():
                    country_qids.setdefault(norm(s), cells[0])
    known_countries = set(country_qids.values())
    words = read_words(args.words)
    first = read_words(args.first_names)
    last = read_words(args.surnames, args.surname_top)

    people: dict[str, dict[str, Claim]] = defaultdict(dict)
    states: set[str] = set()
    read_ep(args.ep_wikipedia, "wp", people, country_qids, states)
    read_ep(args.ep_wikidata, "wd", people, country_qids, states)
    read_oda(args.oda_snapshot, people, iso2)
    bodies: dict[str, dict[str, Claim]] = defaultdict(dict)
    if args.supraverden:
        read_supraverden(args.supraverden, bodies)
    if args.intl_orgs:
        read_qid_names(args.intl_orgs, bodies, "io")
    if args.spocwiki:
        read_qid_names(args.spocwiki, bodies, "sw")

    rows: list[Row] = []
    for qid, (ls, rs) in sorted(prove(people, ("wp",), WIKIDATA_SIDE, stats, "person").items()):
        by = people[qid]
        names = agreed([by[t] for t in ls], [by[t] for t in rs])
        # The one state of the gazetteer both sides give (or the one side that names any): a
        # monarch of several realms, two items for one state (the Netherlands) or a side's slip
        # leaves the column empty.
        left = {c for t in ls for c in by[t].countries} & known_countries
        right = {c for t in rs for c in by[t].countries} & known_countries
        both = left & right if left and right else left | right
        country = next(iter(both)) if len(both) == 1 else ""
        # Some list rows give the state where the office should be ("Donetsk People's Republic").
        offices = sorted({o for t in ls + rs for o in by[t].offices if norm(o) not in states})
        label = best_name(names)
        aliases = sorted(set(names) - {label})
        rows.append(Row(qid, label, "person", country, aliases,
                        description="person (" + "; ".join(offices[:2]) + ")" if offices else "person",
                        sources=tuple(TAGS[t] for t in ls + rs),
                        source_names=tuple(display(n) for c in by.values() for n in c.names)))
    for qid, (ls, rs) in sorted(prove(bodies, ("sv",), ("io", "sw"), stats, "organization").items()):
        by = bodies[qid]
        names = agreed([by["sv"]], [by[t] for t in rs])
        primary = display(by["sv"].primary)
        label = primary if primary in names else best_name(names)
        rows.append(Row(qid, label, "organization", aliases=sorted(set(names) - {label}),
                        acronyms=sorted(by["sv"].acronyms), description="organization (international)",
                        sources=tuple(TAGS[t] for t in ls + rs)))

    out: list[Row] = []
    for row in rows:
        if row.qid in gaz_qids or row.qid in world_qids:
            stats[f"{row.type}: left to gazetteer.tsv / gazetteer-world.tsv"] += 1
            continue
        if row.qid in verdicts:
            stats[f"{row.type}: research table verdict {verdicts[row.qid]} stands"] += 1
            print(f"  held {row.qid} {row.label}: {verdicts[row.qid]}", file=sys.stderr)
            continue
        # every name any source gives the QID: the verdict may be written in another spelling
        names = [n for n in (row.label, *row.aliases, *row.source_names) if len(n.split()) > 1]
        if hit := next((held[norm(n)] for n in names if norm(n) in held), None):
            stats[f"{row.type}: project verdict unlinkable stands"] += 1
            print(f"  held {row.qid} {row.label}: {hit}", file=sys.stderr)
            continue
        out.append(row)
    return settle(out, owners, words, first, last, stats, people), stats


def fold(word: str) -> str:
    s = unicodedata.normalize("NFKD", word)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def settle(rows: list[Row], owners: dict[tuple[str, ...], str], words: set[str], first: set[str],
           last: set[str], stats: Counter, people: dict[str, dict[str, Claim]] | None = None) -> list[Row]:
    """Drop surfaces another entry owns or two rows share; add guarded surnames and acronyms.
    ``people``: every person the sources name, proven or not, so that a surname two of them
    bear, or one bears as a given name, is no one's alone."""
    seen: Counter = Counter()
    for r in rows:
        for s in {r.label, *r.aliases}:
            seen[key_of(s)] += 1
    bearers: dict[str, set[str]] = defaultdict(set)
    given: set[str] = set()  # a word some leader bears as a given name ("Hamid") is no one's surname
    named = [(r.qid, n) for r in rows if r.type == "person" for n in (r.label, *r.aliases)]
    named += [(q, display(n)) for q, by in (people or {}).items() for c in by.values() for n in c.names]
    for qid, n in named:
        toks = [fold(t) for t in n.split()]
        if len(toks) > 1:
            bearers[toks[-1]].add(qid)
            given.update(toks[:-1])
    for k in owners:
        if len(k) == 1:
            bearers[fold(k[0])].add("owned")  # a surname another entry owns is not a person's alone
    out = []
    for r in rows:
        if not clean(r.label) or key_of(r.label) in owners or seen[key_of(r.label)] > 1:
            stats[f"{r.type}: label owned by another entry or shared"] += 1
            continue
        r.aliases = [a for a in r.aliases if clean(a) and key_of(a) not in owners and seen[key_of(a)] == 1
                     and len(a.split()) > 1]
        if r.type == "person":
            if len(r.label.split()) == 1:
                r.flags.add("given_name")
            sur = r.label.split()[-1]
            low = fold(sur)
            before = r.label.split()[-2] if len(r.label.split()) > 1 else ""
            # "Abdullah of Pahang" is no surname; "De Croo", "Van der Bellen" need their particle.
            # "Abdul Hamid": after Abd-/Abu the next word completes the given name, it is no surname.
            compound = len(r.label.split()) == 2 and before.lower() in ("abdul", "abdel", "abd", "abu")
            if before and before[0].isupper() and before.lower() not in PARTICLES and not compound \
                    and " of " not in r.label and len(sur) >= 4 and sur.isalpha() and sur[0].isupper() \
                    and low not in given and bearers[low] == {r.qid} \
                    and low not in words and low not in first and low not in last:
                r.aliases.append(sur)
                stats["person: bare surname kept"] += 1
        else:
            r.acronyms = [a for a in r.acronyms if a.isupper() and a.isalpha() and len(a) >= 3
                          and a.lower() not in words and key_of(a) not in owners]
        out.append(r)
    return out


def render(rows: list[Row]) -> str:
    head = ("# Generated by tools/build_actor_gazetteer.py; do not edit by hand. Each row's QID was "
            "given,\n# with a matching name, by both sources in its `source` column (people: the "
            "Wikipedia list of\n# heads of state and government and a Wikidata query of the office "
            "holders; bodies: the curated\n# supraverden list and a Wikidata-derived table, the INTL_ORGS "
            "registry or SpocWiki).\n")
    lines = ["\t".join(COLUMNS)]
    for r in sorted(rows, key=lambda r: (r.type, r.label.lower())):
        lines.append("\t".join([r.qid, r.label, r.type, r.country, "|".join(r.aliases), "|".join(r.acronyms),
                                "", ",".join(sorted(r.flags)), r.description.replace("\t", " "),
                                "; ".join(dict.fromkeys(r.sources)), "", ""]))
    return head + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ep-wikipedia", type=Path, nargs="+", default=[])
    ap.add_argument("--ep-wikidata", type=Path, nargs="+", default=[])
    ap.add_argument("--oda-snapshot", type=Path, nargs="+", default=[])
    ap.add_argument("--supraverden", type=Path)
    ap.add_argument("--intl-orgs", type=Path)
    ap.add_argument("--spocwiki", type=Path)
    add_common_options(ap)  # --shared: the annotations' `unlinkable` names stand too (held_names)
    ap.add_argument("--world", type=Path, default=ROOT / "kg" / "data" / "gazetteer-world.tsv")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "kg" / "data" / "gazetteer-actors.tsv")
    args = ap.parse_args(argv)
    rows, stats = build(args)
    args.out.write_text(render(rows), encoding="utf-8")
    by_type = Counter(r.type for r in rows)
    print(f"wrote {len(rows)} rows to {args.out}: " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())),
          file=sys.stderr)
    for k, n in sorted(stats.items()):
        print(f"  {k}: {n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
