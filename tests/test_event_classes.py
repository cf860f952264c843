"""The table of event classes (kg/data/event_classes.tsv) and everything that must agree with it."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

from kg.errors import RulePackError
from kg.event_classes import event_classes, load_event_classes, parse_event_classes

ROOT = Path(__file__).resolve().parents[1]
KG = Namespace("https://w3id.org/kg-loader/ontology#")
KGSH = Namespace("https://w3id.org/kg-loader/shapes#")
SH = Namespace("http://www.w3.org/ns/shacl#")
TABLE = {KG[name] for name in event_classes().names}


def _graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def test_the_event_shape_targets_every_class_and_only_those():
    shapes = _graph(ROOT / "shapes" / "event.ttl")
    for shape in (KGSH.EventShape, KGSH.EventDateWarningShape):
        assert set(shapes.objects(shape, SH.targetClass)) - {KG.Event} == TABLE, shape


MODEL = {KG[n] for n in event_classes().model_names}  # MODEL.md's classes: no finer kind of another


def test_the_event_shape_demands_exactly_one_model_class():
    shapes = _graph(ROOT / "shapes" / "event.ttl")
    (in_list,) = [o for s in shapes.objects(KGSH.EventShape, SH.property)
                  for q in shapes.objects(s, SH.qualifiedValueShape) for o in shapes.objects(q, SH["in"])]
    assert set(Collection(shapes, in_list)) == MODEL


def test_the_ontology_has_every_class_under_event_or_its_model_class_and_the_model_classes_are_disjoint():
    onto = _graph(ROOT / "ontology" / "kg.ttl")
    assert set(onto.subjects(RDFS.subClassOf, KG.Event)) == MODEL
    for c in event_classes():
        if c.within:
            assert (KG[c.name], RDFS.subClassOf, KG[c.within]) in onto
    (disjoint,) = onto.subjects(RDF.type, OWL.AllDisjointClasses)
    assert set(Collection(onto, onto.value(disjoint, OWL.members))) == MODEL


def test_the_model_classes_are_the_eight_of_model_md_and_a_coup_is_an_attack():
    classes = event_classes()
    assert set(classes.model_names) == {"MilitaryDeployment", "TroopWithdrawal", "CivilUnrest", "Attack",
                                        "ArmedClash", "Resignation", "Arrest", "StateOfEmergency"}
    assert classes.types_of("Coup") == ("Attack", "Coup") and classes.types_of("Arrest") == ("Arrest",)
    assert classes.most_specific(["Attack", "Coup"]) == "Coup" and classes.most_specific(["Attack"]) == "Attack"


def test_the_table_answers_what_the_extractor_asks():
    classes = event_classes()
    assert classes["Attack"].timing == "instant" and classes["CivilUnrest"].lasting
    assert classes["Arrest"].admits("Person") and not classes["Arrest"].admits("Country")
    assert classes["MilitaryDeployment"].admits("Country") and not classes["CivilUnrest"].admits("Country")
    assert classes.count_tiers("deaths")[0] == ("CivilUnrest", "ArmedClash")
    assert classes.ending("MilitaryDeployment") == {"TroopWithdrawal"}
    assert classes["TroopWithdrawal"].departure and classes["MilitaryDeployment"].arrival
    assert "Coup" in classes and classes["Coup"].label == "Coup"


GOOD = "Raid\tRaid\tinstant\tpersons\tdeaths:1\t-\t-\n"


@pytest.mark.parametrize("row, message", [
    ("Raid\tRaid\tinstant\tpersons\n", "expected 7 tab-separated columns"),
    ("Raid\tRaid\tsometimes\tpersons\tdeaths:1\t-\t-\n", "timing 'sometimes'"),
    ("Raid\tRaid\tinstant\tcrowds\tdeaths:1\t-\t-\n", "takes_part 'crowds'"),
    ("Raid\tRaid\tinstant\tpersons\tcasualties:1\t-\t-\n", "unknown count kind 'casualties'"),
    ("Raid\tRaid\tinstant\tpersons\tdeaths\t-\t-\n", "needs a tier"),
    ("Raid\tRaid\tinstant\tpersons\tdeaths:1\tcolour\t-\n", "distinct_by 'colour'"),
    ("Raid\tRaid\tinstant\tpersons\tdeaths:1\t-\tflies\n", "unknown role 'flies'"),
    ("Raid\tRaid\tinstant\tpersons\tdeaths:1\t-\tends:Kidnapping\n", "ends an unknown class Kidnapping"),
    ("raid\tRaid\tinstant\tpersons\tdeaths:1\t-\t-\n", "capitalised identifier"),
    (GOOD + GOOD, "listed twice"),
])
def test_a_malformed_row_names_its_file_and_line(row, message):
    with pytest.raises(RulePackError) as err:
        parse_event_classes("# a comment\n" + row, "classes.tsv")
    assert message in str(err.value)
    assert str(err.value).startswith("classes.tsv")
    assert "\n" not in str(err.value)


def test_a_good_row_parses_and_an_unreadable_file_is_one_error(tmp_path):
    assert parse_event_classes(GOOD).names == ("Raid",)
    with pytest.raises(RulePackError, match="cannot read"):
        load_event_classes(tmp_path / "missing.tsv")


def test_shapes_that_miss_a_class_of_the_table_are_refused(tmp_path):
    from kg.validate import load_shapes

    text = (ROOT / "shapes" / "event.ttl").read_text(encoding="utf-8")
    (tmp_path / "event.ttl").write_text(text.replace(" , kg:Coup ;", " ;"), encoding="utf-8")
    with pytest.raises(RulePackError, match="kg:Coup"):
        load_shapes(tmp_path)
