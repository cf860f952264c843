"""Names the gazetteer does not know: people found by shape, kept honestly unlinked."""
from __future__ import annotations

import pytest

from kg.extract.names import find_person_names, find_surnames, unlinked
from kg.link.normalize import slugify as slug
from kg.link.gazetteer import Gazetteer


def people(text: str):
    taken = [(m.start, m.end) for m in Gazetteer.default().scan(text)]
    return find_person_names(text, taken), taken


def labels(text: str) -> list[str]:
    return [p.entity.label for p in people(text)[0]]


def test_two_capitalised_words_are_a_person_with_a_stable_unlinked_entity():
    text = "Amina Farah met Tomas Berg in Riga."
    found, _ = people(text)
    assert [p.entity.label for p in found] == ["Amina Farah", "Tomas Berg"]
    for p in found:
        assert text[p.start:p.end] == p.entity.label
        assert p.entity.type == "Person" and p.entity.qid is None and not p.entity.linked
    assert found[0].entity.key == "person/amina-farah"


@pytest.mark.parametrize("text", [
    "The Interior Ministry met on Monday.",
    "Kenya and Somalia signed a pact.",
    "The Kenya Defence Forces arrived.",
    "Thursday Morning Briefing follows.",
])
def test_bodies_places_and_headings_are_not_people(text):
    assert labels(text) == []


def test_a_name_the_gazetteer_linked_is_not_found_again():
    assert labels("Joe Biden met Amina Farah.") == ["Amina Farah"]


def test_an_opening_function_word_is_not_part_of_the_name():
    assert labels("In Nairobi, Amina Farah spoke.") == ["Amina Farah"]
    assert labels("After Amina Farah spoke, talks ended.") == ["Amina Farah"]


def test_a_title_before_the_name_is_noted():
    (p,) = people("Gen. Omar Said spoke.")[0]
    assert p.entity.label == "Omar Said" and p.titled


def test_a_possessive_is_not_part_of_the_name():
    assert labels("Tomas Berg\u2019s office declined to comment.") == ["Tomas Berg"]
    assert labels("Tomas Berg's office declined to comment.") == ["Tomas Berg"]


def test_accented_names_are_kept_and_slugged_to_ascii():
    assert labels("Jos\u00e9 N\u00fa\u00f1ez arrived.") == ["Jos\u00e9 N\u00fa\u00f1ez"]
    assert slug("Jos\u00e9 N\u00fa\u00f1ez") == "jose-nunez"
    assert slug("!!!") == "unnamed"
    assert unlinked("Stra\u00dfe", "Place").key == "place/strasse"  # one slug for all unlinked keys


def test_a_later_surname_alone_is_the_same_person():
    text = "Amina Farah arrived on Monday. Farah left on Tuesday."
    found, taken = people(text)
    later = find_surnames(text, found, taken)
    assert [(p.entity, text[p.start:p.end]) for p in later] == [(found[0].entity, "Farah")]


def test_a_surname_inside_another_word_is_not_a_mention():
    text = "Amina Farah arrived on Monday. The Farahville road was closed."
    found, taken = people(text)
    assert find_surnames(text, found, taken) == []


def test_unlinked_entities_are_keyed_by_type_and_slug():
    e = unlinked("Amani Front", "Organization")
    assert (e.key, e.label, e.type, e.qid, e.linked) == (
        "organization/amani-front", "Amani Front", "Organization", None, False)
