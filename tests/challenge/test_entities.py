"""Challenge: the places, organisations and leaders an event names are linked, or honestly
unlinked; a name that contains a place is not that place. Sentences written for this suite."""
import pytest

from tests.challenge.support import Case, check, events_of, facts_of

POSITIVE = [
    # a region named for its city: an unlinked place that keeps the city's country
    Case("Protesters clashed with riot police in the Almaty region on Monday.", "CivilUnrest",
         {"location": {"Almaty region"}, "country": {"Kazakhstan"}}),
    Case("Security forces arrested opposition leader Marat Zhanuzakov in the Almaty region on Monday.",
         "Arrest", {"country": {"Kazakhstan"}}),
    # an oblast by its English name
    Case("Russian shelling killed four civilians in the Kherson region on Monday.", "Attack",
         {"location": {"Kherson Oblast"}, "country": {"Ukraine"}, "deaths": {4}}),
    # a province is not its capital
    Case("Gunmen attacked a police checkpoint in Baghdad province on Monday, killing two officers.", "Attack",
         {"country": {"Iraq"}}),
    # leaders by their short names
    Case("Soldiers detained Ms Suu Kyi at her residence in Naypyidaw on Monday.", "Arrest",
         {"participant": {"Aung San Suu Kyi"}}),
    Case("President Ramaphosa deployed 10,000 soldiers to KwaZulu-Natal on Monday.", "MilitaryDeployment",
         {"troops": {10000}}),
    # organisations by their other spellings
    Case("The Organization for Security and Cooperation in Europe withdrew its monitors from the "
         "region on Monday.", "TroopWithdrawal",
         {"participant": {"Organization for Security and Co-operation in Europe"}}),
    # a dateline places what the text does not
    Case("TASHKENT \u2013 Police detained opposition leader Bakhtiyor Rashidov on Monday.", "Arrest",
         {"country": {"Uzbekistan"}}),
]

# (sentence, class, a label that must not be among the event's places or participants)
NEGATIVE = [
    ("France 24 reported that gunmen attacked a convoy in northern Mali on Monday.", "Attack", "France"),
    ("Ethnic Albanian protesters clashed with police in Pristina on Monday.", "CivilUnrest", "Albania"),
    ("Protests by ethnic Albanians erupted in Pristina on Monday.", "CivilUnrest", "Albania"),
    ("Police arrested a Russian-speaking activist, Anna Kovalenko, in Tbilisi on Monday.", "Arrest", "Russia"),
    ("Police arrested two members of the Georgia state legislature, Tom Barker and Lee Hall, on Monday.",
     "Arrest", "Georgia"),
    ("Protests erupted across the Almaty region on Monday.", "CivilUnrest", "Almaty"),
    # a person's nationality is not a state taking part
    ("A French aid worker was killed in an attack on a convoy in northern Mali on Monday.", "Attack", "France"),
    ("Belarusian police arrested Australian journalist Tom Reid in Minsk on Monday.", "Arrest", "Australia"),
    ("Qatar Airways suspended flights after a rocket attack on the airport in Erbil on Monday.", "Attack", "Qatar"),
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_entities_linked(case):
    check(case)


@pytest.mark.parametrize("text, cls, absent", NEGATIVE, ids=lambda v: str(v)[:50])
def test_a_name_that_contains_a_place_is_not_that_place(text, cls, absent):
    events = [e for e in events_of(text) if e.type == cls]
    assert events, f"expected {cls}"
    for event in events:
        found = facts_of(event)
        named = set().union(*(found.get(p, set()) for p in ("location", "country", "participant")))
        assert absent not in named, f"{absent} among {named}"
