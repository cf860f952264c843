"""Who says so: the claimant of a sentence, an entity when it is a known name, words otherwise."""
from __future__ import annotations

import pytest

from kg.extract.attribution import find_claimant
from kg.extract.names import find_person_names
from kg.link.gazetteer import Gazetteer
from kg.model import Article, Entity
from kg.pipeline import extract


def claimant(sentence: str):
    matches = Gazetteer.default().scan(sentence)
    persons = find_person_names(sentence, [(m.start, m.end) for m in matches])
    return find_claimant(sentence, 0, matches, persons)


@pytest.mark.parametrize("sentence, qid", [
    ("Troops arrived in Somalia, the African Union said on Monday.", "Q7159"),
    ("\u201cTroops arrived,\u201d said the United Nations.", "Q1065"),
    ("Troops arrived, Kenya said.", "Q114"),
    ("According to NATO, troops arrived.", "Q7184"),
])
def test_a_linked_name_as_the_source_is_the_entity(sentence, qid):
    who = claimant(sentence)
    assert isinstance(who, Entity) and who.qid == qid


def test_an_unlinked_person_as_the_source_is_the_person():
    who = claimant("According to Amina Farah, troops arrived.")
    assert isinstance(who, Entity) and who.label == "Amina Farah" and not who.linked


@pytest.mark.parametrize("sentence, words", [
    ("Kenyan officials said troops arrived.", "Kenyan officials"),
    ("Troops arrived, Kenya\u2019s foreign ministry said.", "Kenya\u2019s foreign ministry"),
    ("Kenya deployed troops, according to the Somali defence ministry.", "Somali defence ministry"),
])
def test_a_description_as_the_source_stays_words(sentence, words):
    who = claimant(sentence)
    assert isinstance(who, str) and words in who


@pytest.mark.parametrize("sentence", [
    "Troops arrived in Somalia on Monday.",
    "Troops arrived, he said.",
    "They said troops arrived.",
])
def test_no_source_or_a_pronoun_gives_no_claimant(sentence):
    assert claimant(sentence) is None


def test_the_claimant_reaches_every_fact_of_the_sentence():
    ex = extract(Article(text="Kenya deployed troops to Somalia on Monday, the African Union said.",
                         published="2023-05-12"))
    (dep,) = ex.events
    assert dep.facts
    assert all(isinstance(f.claimed_by, Entity) and f.claimed_by.qid == "Q7159" for f in dep.facts
               if f.rule != "article-focus-country")


def test_the_source_is_not_made_a_participant():
    ex = extract(Article(text="Kenya deployed troops to Somalia, the African Union said.",
                         published="2023-05-12"))
    (dep,) = ex.events
    participants = {f.value.qid for f in dep.facts if f.prop == "participant"}
    assert participants == {"Q114"}


def test_an_unattributed_sentence_is_asserted_by_the_article_itself():
    ex = extract(Article(text="Kenya deployed troops to Somalia on Monday.", published="2023-05-12"))
    assert all(f.claimed_by is None for e in ex.events for f in e.facts)


def test_a_news_agency_as_the_source_gives_no_other_role():
    ex = extract(Article(text="Kenya deployed troops to Somalia, Reuters reported.", published="2023-05-12"))
    (dep,) = ex.events
    assert all(f.value.qid != "Q130879" for f in dep.facts if isinstance(f.value, Entity))
    assert {f.claimed_by.qid for f in dep.facts} == {"Q130879"}
