"""kg.pipeline.extract end to end: dates against the publication day, roles, counts, evidence.

All texts are written for these tests. Publication is Friday 2023-05-12 unless a test says otherwise.
"""
from __future__ import annotations

import pytest

from kg.model import Article, DateValue, Entity, Extraction, Quantity
from kg.pipeline import extract

PUB = "2023-05-12"


def run(text: str, published: str | None = PUB, **meta) -> Extraction:
    return extract(Article(text=text, published=published, **meta))


def the(ex: Extraction, type_: str):
    found = [e for e in ex.events if e.type == type_]
    assert len(found) == 1, [e.type for e in ex.events]
    return found[0]


def facts(event, prop: str) -> list:
    return [f.value for f in event.facts if f.prop == prop]


def qids(event, prop: str) -> set[str | None]:
    return {v.qid for v in facts(event, prop) if isinstance(v, Entity)}


def dates(event) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in event.facts:
        if isinstance(f.value, DateValue):
            out.setdefault(f.prop, []).append(f.value.iso)
    return out


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("when, published, start", [
    ("on Monday", PUB, "2023-05-08"),
    ("on Tuesday", PUB, "2023-05-09"),
    ("yesterday", PUB, "2023-05-11"),
    ("on January 6", PUB, "2023-01-06"),
    ("on December 28", "2023-01-03", "2022-12-28"),  # a yearless date is never in the future
    ("last month", "2023-02-10", "2023-01"),
    ("last month", "2023-05", "2023-04"),
    ("in March 2023", PUB, "2023-03"),
    ("in 2022", PUB, "2022"),
    ("on January 6, 2023", None, "2023-01-06"),  # absolute: needs no publication date
])
def test_dates_are_resolved_against_the_publication_date(when, published, start):
    dep = the(run(f"Kenya deployed troops to Somalia {when}.", published), "MilitaryDeployment")
    assert dates(dep) == {"start": [start]}


@pytest.mark.parametrize("when, published", [
    ("on Monday", None),
    ("last month", None),
    ("on January 6", None),  # no year to give it
    ("on Monday", "2023-05"),  # a weekday needs the publication day
])
def test_a_relative_date_is_left_out_when_it_cannot_be_resolved(when, published):
    dep = the(run(f"Kenya deployed troops to Somalia {when}.", published), "MilitaryDeployment")
    assert dates(dep) == {}
    assert qids(dep, "participant") == {"Q114"}  # the rest of the event is still read


def test_a_point_event_gets_a_single_date_and_a_lifted_curfew_an_end():
    arrest = the(run("Police arrested Amina Farah on Monday."), "Arrest")
    assert dates(arrest) == {"date": ["2023-05-08"]}
    curfew = the(run("The curfew in Bamako was lifted on Thursday."), "StateOfEmergency")
    assert dates(curfew) == {"end": ["2023-05-11"]}


def test_the_day_a_statement_was_made_does_not_date_the_event():
    arrest = the(run("Police arrested Amina Farah on Monday, a ministry spokesman said on Thursday."),
                 "Arrest")
    assert dates(arrest) == {"date": ["2023-05-08"]}


def test_news_of_the_day_in_the_present_tense_is_dated_by_publication():
    wd = the(run("Kenyan troops are now leaving Somalia."), "TroopWithdrawal")
    assert dates(wd) == {"start": ["2023-05-12"]}
    assert dates(the(run("Kenyan troops are now leaving Somalia.", None), "TroopWithdrawal")) == {}


# -- roles -------------------------------------------------------------------------------------


def test_troops_from_a_list_of_states_are_all_participants_and_sent_to_is_where():
    dep = the(run("Troops from Chad, Niger and Mali were deployed to Burkina Faso on Sunday."),
              "MilitaryDeployment")
    assert qids(dep, "participant") == {"Q657", "Q1032", "Q912"}
    assert qids(dep, "country") == {"Q965"}
    assert "Q965" not in qids(dep, "participant")


def test_a_city_sent_to_is_the_location_and_its_country_the_country():
    dep = the(run("Nigeria sent troops to Niamey on Monday."), "MilitaryDeployment")
    assert qids(dep, "location") == {"Q3674"}
    assert qids(dep, "country") == {"Q1032"}
    assert qids(dep, "participant") == {"Q1033"}


@pytest.mark.parametrize("text, qid", [
    ("French paratroopers were sent to Chad on Monday.", "Q142"),
    ("Russian paratroopers were deployed to Kazakhstan on Thursday.", "Q159"),
    ("Ghanaian soldiers started pulling out of Liberia on Thursday.", "Q117"),
])
def test_a_demonym_before_a_force_noun_is_the_state_taking_part(text, qid):
    ev = next(e for e in run(text).events)
    assert qids(ev, "participant") == {qid}


def test_a_demonym_before_a_place_noun_is_not_a_participant():
    ex = run("Nigeria deployed troops along the Nigerien border on Monday.")
    dep = the(ex, "MilitaryDeployment")
    assert qids(dep, "participant") == {"Q1033"}


@pytest.mark.parametrize("text, qid", [
    ("Nigeria deployed troops to Niger at the request of Mali.", "Q912"),
    ("Russia deployed paratroopers to Kazakhstan at the request of Kassym-Jomart Tokayev.", "Q200881"),
])
def test_at_the_request_of_names_who_asked(text, qid):
    dep = the(run(text), "MilitaryDeployment")
    assert qids(dep, "requestedBy") == {qid}


def test_a_request_by_an_unknown_person_is_an_unlinked_requester():
    dep = the(run("Nigeria deployed troops to Niger at the request of Amina Farah."), "MilitaryDeployment")
    (who,) = facts(dep, "requestedBy")
    assert who.label == "Amina Farah" and not who.linked


def test_without_a_request_there_is_no_requester():
    dep = the(run("Nigeria deployed troops to Niger on Monday."), "MilitaryDeployment")
    assert facts(dep, "requestedBy") == []


def test_a_clash_between_two_states_has_both_as_participants():
    clash = the(run("Clashes erupted between Ethiopia and Eritrea on Thursday."), "ArmedClash")
    assert qids(clash, "participant") == {"Q115", "Q986"}


def test_the_place_of_unrest_is_where_not_who():
    unrest = the(run("Thousands of protesters rallied in Nairobi on Sunday."), "CivilUnrest")
    assert qids(unrest, "location") == {"Q3870"}
    assert qids(unrest, "country") == {"Q114"}
    assert facts(unrest, "participant") == []


# -- counts ------------------------------------------------------------------------------------


def count(ex: Extraction, type_: str, prop: str) -> list[Quantity]:
    return facts(the(ex, type_), prop)


def test_a_strong_force_counts_its_troops():
    (q,) = count(run("A 3,000-strong force from Nigeria was deployed to Niger on Monday."),
                 "MilitaryDeployment", "troops")
    assert q.value == 3000 and not q.approximate


def test_at_least_twelve_killed_is_twelve_deaths():
    (q,) = count(run("At least 12 people were killed in riots in Dakar."), "CivilUnrest", "deaths")
    assert q.value == 12


def test_around_five_thousand_arrested_is_approximate():
    (q,) = count(run("Police said around 5,000 people were arrested during the protests in Tehran."),
                 "CivilUnrest", "arrests")
    assert (q.value, q.approximate) == (5000, True)


def test_dozens_injured_is_a_minimum_and_no_point_value():
    (q,) = count(run("Dozens were injured when police dispersed protesters in Dhaka."), "CivilUnrest", "injured")
    assert q.value is None and q.min_value and q.min_value > 1


def test_a_count_in_a_later_sentence_joins_the_event_it_belongs_to():
    ex = run("Riots continued in Dakar on Saturday. Hospitals reported 30 people injured.")
    (q,) = count(ex, "CivilUnrest", "injured")
    assert q.value == 30


def test_troops_count_is_not_a_death_toll():
    ex = run("Ghana deployed 400 soldiers to Liberia on Tuesday.")
    assert [q.value for q in count(ex, "MilitaryDeployment", "troops")] == [400]
    assert count(ex, "MilitaryDeployment", "deaths") == []


# -- evidence -----------------------------------------------------------------------------------


STORY = (
    "NAIROBI (AP) \u2014 Kenya deployed 800 troops to Somalia on Monday at the request of Amina Farah.\n\n"
    "The Kenyan soldiers arrived in Mogadishu on Tuesday, the African Union said.\n\n"
    "Separately, protests broke out in Nairobi, where at least 9 people were killed and "
    "around 1,200 were detained, police said.\n\n"
    "Chad, Niger and Mali are members of the African Union.\n\n"
    "Sign up for our newsletter.\n"
)


def test_every_fact_and_membership_quotes_the_text_verbatim():
    ex = run(STORY, url="https://example.org/story", title="Kenya sends troops")
    spans = [f.evidence for e in ex.events for f in e.facts] + [m.evidence for m in ex.memberships]
    spans += [s for e in ex.events for s in e.evidence] + [m.span for m in ex.mentions]
    assert len(spans) > 10
    for s in spans:
        assert STORY[s.start:s.end] == s.text


def test_the_extraction_keeps_its_article_and_is_the_same_every_time():
    a = Article(text=STORY, published=PUB)
    first, second = extract(a), extract(a)
    assert first.article is a
    assert first == second
    assert {e.type for e in first.events} >= {"MilitaryDeployment", "CivilUnrest"}


def test_an_empty_article_gives_an_empty_extraction():
    ex = run("   \n")
    assert (ex.events, ex.memberships, ex.mentions) == ((), (), ())


# -- the public API over the pipeline ---------------------------------------------------------------


def test_process_article_maps_validates_and_names_the_graph_by_the_text():
    from kg.api import process_article
    from kg.rdf import article_iri

    done = process_article(Article(text=STORY, published=PUB))
    assert done.report is not None and done.report.conforms
    assert done.graph_iri == article_iri(done.sha256)
    assert done.extraction == extract(Article(text=STORY, published=PUB))
    assert "kg:MilitaryDeployment" in done.serialize("turtle")


def test_process_article_without_validation_has_no_report():
    from kg.api import process_article

    assert process_article(Article(text=STORY, published=PUB), validate=False).report is None


def test_a_non_conforming_graph_raises_validation_failed_with_its_report(monkeypatch):
    import kg.validate
    from rdflib import Graph

    from kg.api import process_article
    from kg.errors import ValidationFailed

    bad = kg.validate.Report(conforms=False, report_graph=Graph(), issues=(
        kg.validate.Issue(focus="urn:x", path=None, message="made up", severity="Violation"),))
    monkeypatch.setattr(kg.validate, "validate_graph", lambda graph, shapes=None, **options: bad)
    with pytest.raises(ValidationFailed, match="1 SHACL violation") as err:
        process_article(Article(text=STORY, published=PUB))
    assert err.value.report is bad and err.value.exit_code == 1


@pytest.mark.parametrize("dateline", ["ALMATY \u2013 ", "ALMATY, Kazakhstan, May 9 (Reuters) - "])
def test_a_dateline_places_the_events_the_text_does_not_place(dateline):
    text = (dateline + "Police detained opposition leader Marat Zhanuzakov on Tuesday.\n\n"
            "His lawyer said he had been taken to a police station.")
    assert qids(the(run(text), "Arrest"), "country") == {"Q232"}
    assert qids(the(run(text[len(dateline):]), "Arrest"), "country") == set()


def test_a_dateline_outweighs_a_country_named_once_in_passing():
    text = ("TASHKENT \u2013 Police detained opposition leader Bakhtiyor Rashidov on Tuesday.\n\n"
            "His deputy had been living in exile in Turkey since his dismissal last year.\n\n"
            "Rashidov's lawyer said he was held at a police station.")
    assert qids(the(run(text), "Arrest"), "country") == {"Q265"}
