"""Loading, type checking and lookup of gazetteer files."""
from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.link.gazetteer import COLUMNS, Gazetteer, load_gazetteer
from kg.resources import DATA_DIR

HEADER = "\t".join(COLUMNS) + "\n"


def write(tmp_path, *rows):
    p = tmp_path / "g.tsv"
    p.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_packaged_rows_have_valid_types_and_verified_looking_qids():
    gaz = Gazetteer.default()
    assert len(gaz) > 450
    for rec in gaz.records():
        assert rec.entity.type in {"Country", "City", "Place", "Organization", "Person", "Event"}
        if rec.country_qid:
            country = gaz.get(rec.country_qid)
            assert country is not None and country.type == "Country", rec.entity


def test_every_packaged_qid_is_in_the_generated_file_only_once():
    qids = [ln.split("\t")[0] for ln in (DATA_DIR / "gazetteer.tsv").read_text().splitlines()
            if ln.startswith("Q")]
    assert len(qids) == len(set(qids))


def test_labels_come_from_the_tables():
    gaz = Gazetteer.default()
    assert gaz.get("Q30").label == "United States"
    assert gaz.get("Q318693").label == "Collective Security Treaty Organization"
    assert gaz.get("Q148").label == "China"
    assert gaz.get("Q0") is None


def test_lookup_ranks_tokayev_first():
    cands = Gazetteer.default().lookup("Tokayev")
    assert cands[0].qid == "Q200881" and cands[0].source == "gazetteer"


def test_lookup_normalises_and_filters_by_type():
    gaz = Gazetteer.default()
    assert gaz.lookup("the kyrgyz republic")[0].qid == "Q813"
    assert gaz.lookup("KAZAKHSTAN'S")[0].qid == "Q232"
    assert gaz.lookup("Almaty", "person") == []
    assert gaz.lookup("Almaty", "place")[0].qid == "Q35493"
    assert gaz.lookup("Russians")[0].qid == "Q159"


def test_lookup_fuzzy_as_a_last_resort():
    cands = Gazetteer.default().lookup("Kazakstan")
    assert cands[0].qid == "Q232" and cands[0].score < 0.9


def test_lookup_rejects_unknown_type():
    with pytest.raises(InputError, match="unknown type"):
        Gazetteer.default().lookup("x", "planet")


def test_unknown_type_in_a_file_is_an_input_error(tmp_path):
    p = write(tmp_path, ["Q1", "Somewhere", "planet", "", "", "", "", "", "", ""])
    with pytest.raises(InputError, match="unknown type 'planet'"):
        load_gazetteer(p)


def test_malformed_qid_and_flag_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="malformed QID"):
        load_gazetteer(write(tmp_path, ["X1", "A", "city", "", "", "", "", "", "", ""]))
    with pytest.raises(InputError, match="unknown flag"):
        load_gazetteer(write(tmp_path, ["Q1", "A", "city", "", "", "", "", "sometimes", "", ""]))
    with pytest.raises(InputError, match="not found"):
        load_gazetteer(tmp_path / "missing.tsv")


def test_qidless_rows_get_a_slug_key(tmp_path):
    gaz = load_gazetteer(write(tmp_path, ["", "Nowhere Hills", "region", "", "", "", "", "", "", ""]))
    m = gaz.scan("in the Nowhere Hills today")[0]
    assert m.entity.key == "nowhere-hills" and m.entity.qid is None and m.entity.type == "Place"


def test_user_gazetteer_adds_to_the_packaged_one(tmp_path, monkeypatch):
    p = write(tmp_path, ["Q232", "Kazakhstan", "country", "", "Qazaqstan", "", "", "", "", ""],
              ["Q99999401", "Testburg", "city", "Q232", "", "", "", "", "", ""])
    monkeypatch.setenv("KG_GAZETTEER", str(p))
    gaz = Gazetteer.default()
    assert [m.entity.qid for m in gaz.scan("Qazaqstan and Testburg")] == ["Q232", "Q99999401"]
    assert gaz.get("Q232").description.startswith("country")  # the packaged row stays in charge
    monkeypatch.setenv("KG_GAZETTEER", str(tmp_path / "absent.tsv"))
    assert Gazetteer.default().get("Q99999401") is None
