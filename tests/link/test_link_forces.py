"""kg/data/gazetteer-forces.tsv: national forces left unlinked, each standing for a verified state."""
from __future__ import annotations

from kg.link.gazetteer import PACKAGED, load_gazetteer
from kg.resources import DATA_DIR

FORCES = DATA_DIR / "gazetteer-forces.tsv"


def _rows(path):
    lines = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    header, body = lines[0], lines[1:]
    return [dict(zip(header, cells)) for cells in body]


def test_every_force_is_unlinked_and_its_state_is_a_verified_country():
    countries = {r["qid"] for r in _rows(DATA_DIR / "gazetteer.tsv") if r["type"] == "country"}
    forces = _rows(FORCES)
    assert forces and "gazetteer-forces.tsv" in PACKAGED
    for row in forces:
        assert row["qid"] == "", row["label"]  # never a guessed QID
        assert row["type"] == "organization"
        assert row["country_qid"] in countries, row["label"]


def test_a_force_is_found_by_name_and_acronym_with_its_state():
    found = {m.surface: m for m in load_gazetteer().scan("The SANDF and the People's Liberation Army met.")}
    assert found["SANDF"].entity.qid is None and found["SANDF"].country.label == "South Africa"
    assert found["People's Liberation Army"].country.label == "China"


def test_ambiguous_acronyms_are_not_listed():
    surfaces = {s for r in _rows(FORCES) for s in r["acronyms"].split("|") if s}
    assert not surfaces & {"ZDF", "AFP", "SAF", "RDF", "BSF"}
