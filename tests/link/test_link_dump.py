"""The dump builder on a small slice written here in Wikidata's official JSON dump format."""
from __future__ import annotations

import bz2
import gzip
import json

import pytest

from kg.errors import InputError
from kg.link.dump import build_from_dump, build_stats, iter_entities
from kg.link.gazetteer import load_gazetteer


def statement(prop: str, qid: str, rank: str = "normal") -> dict:
    return {"mainsnak": {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
                         "datavalue": {"value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid},
                                       "type": "wikibase-entityid"}},
            "type": "statement", "id": f"X${prop}{qid}", "rank": rank}


def entity(qid, label, p31=(), p17=(), aliases=(), description=None, lang="en"):
    ent = {"type": "item", "id": qid,
           "labels": {lang: {"language": lang, "value": label}} if label else {},
           "descriptions": {lang: {"language": lang, "value": description}} if description else {},
           "aliases": {lang: [{"language": lang, "value": a} for a in aliases]},
           "claims": {}, "sitelinks": {}}
    if p31:
        ent["claims"]["P31"] = [statement("P31", c) for c in p31]
    if p17:
        ent["claims"]["P17"] = [statement("P17", c, r) for c, r in p17]
    return ent


# Real QIDs are verified ones (../shared/corpus); Q99999xxx are made-up test entities.
SLICE = [
    entity("Q232", "Kazakhstan", p31=["Q6256", "Q3624078"], aliases=["Republic of Kazakhstan", "KZ"],
           description="country in Central Asia"),
    entity("Q99999201", "Testville", p31=["Q515"], p17=[("Q99999999", "deprecated"), ("Q232", "normal")],
           aliases=["Test Town"], description="made-up city"),
    entity("Q99999202", "Jane Testperson", p31=["Q5"], aliases=["J. Testperson"]),
    entity("Q99999203", "Test Alliance", p31=["Q43229"], aliases=["TA", "T.A."]),
    entity("Q99999204", "Some Painting", p31=["Q99999100"]),  # unknown class: skipped
    entity("Q99999205", None, p31=["Q515"]),  # no English label: skipped
    entity("Q99999206", "Ville en français", p31=["Q515"], lang="fr"),  # French only: skipped
]


def dump_text(entities) -> str:
    # The official layout: "[", one entity per line each ending with ",", the last without, "]".
    lines = [json.dumps(e, ensure_ascii=False) for e in entities]
    return "[\n" + ",\n".join(lines) + "\n]\n"


@pytest.mark.parametrize("suffix,opener", [(".json", open), (".json.gz", gzip.open), (".json.bz2", bz2.open)])
def test_builds_rows_from_each_format(tmp_path, suffix, opener):
    src = tmp_path / f"slice{suffix}"
    with opener(src, "wt", encoding="utf-8") as fh:
        fh.write(dump_text(SLICE))
    out = tmp_path / "user.tsv"
    assert build_from_dump([src], out) == 4
    gaz = load_gazetteer(out)
    assert gaz.get("Q232").type == "Country"
    town = gaz.get("Q99999201")
    assert town.type == "City" and town.description == "made-up city"
    assert gaz.country_of(town).qid == "Q232"  # the deprecated P17 was ignored
    assert gaz.get("Q99999202").type == "Person"
    assert gaz.get("Q99999203").type == "Organization"
    assert gaz.get("Q99999204") is None and gaz.get("Q99999205") is None and gaz.get("Q99999206") is None
    ms = gaz.scan("The Test Alliance (TA) met in Test Town, Kazakhstan.")
    assert [m.entity.qid for m in ms] == ["Q99999203", "Q99999203", "Q99999201", "Q232"]


def test_json_lines_and_extending_an_existing_file(tmp_path):
    first = tmp_path / "a.json"
    first.write_text("\n".join(json.dumps(e) for e in SLICE[:2]) + "\n")
    second = tmp_path / "b.json"
    second.write_text(dump_text(SLICE[1:4]))
    out = tmp_path / "sub" / "user.tsv"
    assert build_from_dump([first], out) == 2
    stats = build_stats([second], out)
    assert (stats.read, stats.added, stats.skipped) == (3, 2, 1)  # Testville was already there
    qids = [ln.split("\t")[0] for ln in out.read_text().splitlines() if ln.startswith("Q")]
    assert qids == ["Q232", "Q99999201", "Q99999202", "Q99999203"]


def test_default_type_for_a_slice_of_one_kind(tmp_path):
    src = tmp_path / "places.json"
    src.write_text(dump_text([SLICE[4], SLICE[2]]))
    out = tmp_path / "user.tsv"
    assert build_from_dump([src], out, default_type="place") == 1
    gaz = load_gazetteer(out)
    assert gaz.get("Q99999204").type == "Place"
    assert gaz.get("Q99999202") is None  # a person is not a place, whatever the slice says


def test_malformed_lines_are_counted_not_fatal(tmp_path):
    src = tmp_path / "broken.json"
    src.write_text("[\n" + json.dumps(SLICE[0]) + ",\n{broken json,\n]\n")
    stats = build_stats([src], tmp_path / "out.tsv")
    assert (stats.added, stats.bad_lines) == (1, 1)


def test_not_a_dump_is_an_input_error(tmp_path):
    src = tmp_path / "notes.json"
    src.write_text("hello\nworld\n")
    with pytest.raises(InputError, match="no Wikidata entities"):
        build_from_dump([src], tmp_path / "out.tsv")


def test_missing_and_corrupt_files(tmp_path):
    with pytest.raises(InputError, match="not found"):
        build_from_dump([tmp_path / "nope.json"], tmp_path / "out.tsv")
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="cannot read"):
        build_from_dump([bad], tmp_path / "out.tsv")
    with pytest.raises(InputError, match="unknown type"):
        build_from_dump([bad], tmp_path / "out.tsv", default_type="thing")


def test_iter_entities_streams(tmp_path):
    src = tmp_path / "s.json"
    src.write_text(dump_text(SLICE))
    it = iter_entities(src)
    assert next(it)["id"] == "Q232"


def test_entity_data_documents_one_per_line(tmp_path):
    # What Special:EntityData/Q....json answers: {"entities": {qid: entity}}, one per line.
    src = tmp_path / "entitydata.json"
    src.write_text("\n".join(json.dumps({"entities": {e["id"]: e}}) for e in SLICE[:3]) + "\n")
    assert build_from_dump([src], tmp_path / "out.tsv") == 3


def coordinate_statement(lat, lon, rank="normal", globe="http://www.wikidata.org/entity/Q2") -> dict:
    return {"mainsnak": {"snaktype": "value", "property": "P625", "datatype": "globe-coordinate",
                         "datavalue": {"value": {"latitude": lat, "longitude": lon, "altitude": None,
                                                 "precision": 0.0001, "globe": globe},
                                       "type": "globecoordinate"}},
            "type": "statement", "id": f"X$P625{lat}", "rank": rank}


def test_coordinates_and_memberships_are_kept(tmp_path):
    town = entity("Q99999211", "Coordtown", p31=["Q515"], p17=[("Q232", "normal")])
    town["claims"]["P625"] = [
        coordinate_statement(10.0, 20.0, "deprecated"),
        coordinate_statement(1.5, 2.5, globe="http://www.wikidata.org/entity/Q405"),  # on the Moon
        coordinate_statement(43.25, 76.9167),
    ]
    state = entity("Q99999212", "Memberland", p31=["Q6256"])
    state["claims"]["P463"] = [statement("P463", "Q99999203"), statement("P463", "Q99999213", "preferred"),
                               statement("P463", "Q99999214", "deprecated")]
    plain = entity("Q99999215", "Plainville", p31=["Q515"])
    src = tmp_path / "slice.json"
    src.write_text(dump_text([town, state, plain]), encoding="utf-8")
    out = tmp_path / "user.tsv"
    assert build_from_dump([src], out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[1].split("\t")
    assert header[-3:] == ["lat", "lon", "member_of"]
    rows = {ln.split("\t")[0]: dict(zip(header, ln.split("\t"))) for ln in lines[2:]}
    assert (rows["Q99999211"]["lat"], rows["Q99999211"]["lon"]) == ("43.25", "76.9167")
    assert rows["Q99999212"]["member_of"] == "Q99999213|Q99999203"
    assert rows["Q99999215"]["lat"] == rows["Q99999215"]["member_of"] == ""
    gaz = load_gazetteer(out)
    recs = {r.entity.key: r for r in gaz.records()}
    assert recs["Q99999211"].coords == (43.25, 76.9167)
    assert recs["Q99999212"].member_of == ("Q99999213", "Q99999203")
    assert recs["Q99999215"].coords is None and recs["Q99999215"].member_of == ()


def test_an_old_ten_column_user_gazetteer_still_loads(tmp_path):
    old = tmp_path / "old.tsv"
    old.write_text("qid\tlabel\ttype\tcountry_qid\taliases\tacronyms\tdemonyms\tflags\tdescription\tsource\n"
                   "Q99999216\tOldtown\tcity\tQ232\t\t\t\t\tmade-up\ttest\n", encoding="utf-8")
    (rec,) = load_gazetteer(old).records()
    assert rec.coords is None and rec.member_of == ()


def test_malformed_member_qid_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("Q99999217\tBadtown\tcity\tQ232\t\t\t\t\t\ttest\t1\t2\tNATO\n", encoding="utf-8")
    with pytest.raises(InputError, match="member_of"):
        load_gazetteer(bad)


@pytest.mark.parametrize("suffix,opener", [(".json", open), (".json.gz", gzip.open)])
def test_progress_counts_the_bytes_of_the_files_read(tmp_path, suffix, opener):
    import kg.link.dump as dump

    many = [entity(f"Q99{n:07d}", f"Testplace {n}", p31=["Q515"]) for n in range(1, 1202)]
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    for path, part in ((first, many[:700]), (second, many[700:])):
        with opener(path, "wt", encoding="utf-8") as fh:
            fh.write(dump_text(part))
    total = first.stat().st_size + second.stat().st_size
    ticks: list = []
    stats = build_stats([first, second], tmp_path / "user.tsv", progress=ticks.append)
    assert stats.read == 1201
    assert [t.read for t in ticks] == [500, 700, 1000, 1201]  # every 500 entities and after each file
    assert all(t.bytes_total == total for t in ticks)
    done = [t.bytes_done for t in ticks]
    assert done == sorted(done) and done[1] == first.stat().st_size and done[-1] == total
    assert 0 < done[0] <= first.stat().st_size and ticks[-1].added == 1201
    assert dump._PROGRESS_EVERY == 500
