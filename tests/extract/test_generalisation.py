"""Constructions met in articles beyond the seed: each a short text of our own."""
import pytest

from kg.model import Article, Entity
from kg.pipeline import extract

PUB = "2023-05-12"  # a Friday


def events_of(text: str, published: str | None = PUB):
    return extract(Article(text=text, published=published)).events


def values(event, prop):
    return [f.value for f in event.facts if f.prop == prop]


def labels(event, prop):
    return {v.label for v in values(event, prop) if isinstance(v, Entity)}


def test_crossing_into_a_country_is_a_deployment_with_its_demonym_sender():
    (ev,) = [e for e in events_of("About 800 Ugandan soldiers crossed the bridge into Kenya on Monday.")
             if e.type == "MilitaryDeployment"]
    assert labels(ev, "participant") == {"Uganda"}
    assert labels(ev, "country") == {"Kenya"}
    assert [v.value for v in values(ev, "troops")] == [800]


def test_a_government_named_by_its_demonym_requests_troops():
    (ev,) = [e for e in events_of("Troops were sent at the request of the Malian government.")
             if e.type == "MilitaryDeployment"]
    assert labels(ev, "requestedBy") == {"Mali"}


def test_a_region_inside_a_country_stays_a_location():
    (ev,) = [e for e in events_of("Protests erupted in Karakalpakstan on Friday.") if e.type == "CivilUnrest"]
    assert "Karakalpakstan" in labels(ev, "location")
    assert labels(ev, "country") == {"Uzbekistan"}


def test_a_vague_region_yields_to_a_state():
    (ev,) = [e for e in events_of("Russia deployed troops to Kazakhstan, its ally in Central Asia.")
             if e.type == "MilitaryDeployment"]
    assert "Central Asia" not in labels(ev, "location")
    assert labels(ev, "country") == {"Kazakhstan"}


def test_raids_strikes_and_hostage_taking_are_attacks():
    for text in ("Police raided the compound in Bishkek on Wednesday.",
                 "Air strikes hit the city of Aleppo on Monday.",
                 "Gunmen took 20 workers hostage in Niger on Tuesday."):
        assert any(e.type == "Attack" for e in events_of(text)), text


def test_quitting_office_is_a_resignation_but_demanding_it_is_not():
    assert any(e.type == "Resignation" for e in events_of("Prime Minister Ana Petrova quit as leader on Monday."))
    assert not any(e.type == "Resignation" for e in events_of("Protesters demanded that the minister quit."))


def test_tolls_that_rise_and_lists_that_qualify_a_count():
    (ev,) = [e for e in events_of("Riots shook Almaty. The number of people detained rose to 9,900, "
                                  "and 225 people, including 19 police officers, were killed.")
             if e.type == "CivilUnrest"]
    assert [q.value for q in values(ev, "arrests")] == [9900]
    assert [q.value for q in values(ev, "deaths")] == [225]


def test_a_headline_count_before_another_is_not_taken_for_it():
    (ev,) = [e for e in events_of("Arrests top 5,000, two dead as protests spread in Minsk")
             if e.type == "CivilUnrest"]
    assert [q.value for q in values(ev, "arrests")] == [5000]
    assert [q.value for q in values(ev, "deaths")] == [2]


def test_invited_troops_who_began_leaving_give_a_deployment_and_its_withdrawal():
    evs = events_of("The president invited troops from the CSTO alliance, who began leaving on Thursday.")
    (dep,) = [e for e in evs if e.type == "MilitaryDeployment"]
    (wd,) = [e for e in evs if e.type == "TroopWithdrawal"]
    assert [v.iso for v in values(wd, "start")] == ["2023-05-11"]
    assert [v.key for v in values(wd, "withdrawalOf")] == [dep.key]


def test_troops_leaving_need_a_place_or_a_time_not_casualties():
    assert not any(e.type == "TroopWithdrawal" for e in events_of(
        "Clashes between protesters and peacekeepers left 30 soldiers injured in Zvecan."))
    assert any(e.type == "TroopWithdrawal" for e in events_of("The last French troops left on Sunday."))


def test_a_place_followed_by_where_locates_what_happened_there():
    (ev,) = [e for e in events_of("The riots spread to Almaty, where rioters set the city hall ablaze.")
             if e.type == "Attack"]
    assert labels(ev, "location") == {"Almaty"}


def test_at_the_request_of_a_titled_person_names_the_person():
    (ev,) = [e for e in events_of("Troops were sent to Kazakhstan at the request of Kazakh President "
                                  "Kassym-Jomart Tokayev.") if e.type == "MilitaryDeployment"]
    assert labels(ev, "requestedBy") == {"Kassym-Jomart Tokayev"}


def test_a_negation_in_an_earlier_verb_phrase_does_not_reach_a_later_one():
    evs = events_of("He ordered troops to fire without warning and declared a state of emergency on Monday.")
    assert any(e.type == "StateOfEmergency" for e in evs)


def test_a_withdrawal_to_come_is_not_dated_by_the_day_it_was_announced():
    (ev,) = [e for e in events_of("The bloc will begin pulling its troops out of Mali in two days, the "
                                  "president told parliament on Friday. The withdrawal will take no more "
                                  "than 10 days.") if e.type == "TroopWithdrawal"]
    assert values(ev, "start") == [] and values(ev, "end") == []
    assert [d.days for d in values(ev, "plannedDuration")] == [10]


def test_states_that_pledge_units_take_part():
    (ev,) = [e for e in events_of("Russian troops were flown to Kazakhstan. Belarus and Armenia also "
                                  "pledged units.") if e.type == "MilitaryDeployment"]
    assert {"Russia", "Belarus", "Armenia"} <= labels(ev, "participant")


def test_the_new_prime_minister_is_not_the_one_dismissed():
    (ev,) = [e for e in events_of("Tokayev named Alikhan Smailov as the new prime minister after the "
                                  "previous cabinet was sacked last week.") if e.type == "Resignation"]
    assert labels(ev, "participant") == set()


def test_troops_on_their_own_streets_are_a_deployment_by_their_own_state():
    (ev,) = [e for e in events_of("Police detained dozens of activists, and troops were deployed on the streets "
                                  "of Yerevan.") if e.type == "MilitaryDeployment"]
    assert {f.value.qid for f in ev.facts if f.prop == "participant"} == {"Q399"}
    assert "Q1953" in {f.value.qid for f in ev.facts if f.prop == "location"}


def test_soldiers_patrolling_their_capital_are_a_deployment_and_police_grenades_are_none():
    (ev,) = [e for e in events_of("Soldiers patrolled the streets of Santiago, Chile, on Saturday to contain the "
                                  "demonstrations.") if e.type == "MilitaryDeployment"]
    assert {f.value.qid for f in ev.facts if f.prop == "participant"} == {"Q298"}
    assert "MilitaryDeployment" not in [e.type for e in events_of(
        "Police in Yerevan deployed stun grenades against the crowd on Sunday.")]


def test_fighting_with_protesters_is_unrest_not_an_armed_clash():
    types = [e.type for e in events_of("Soldiers clashed with protesters in Yangon on Wednesday.")]
    assert "ArmedClash" not in types and "CivilUnrest" in types
    assert "ArmedClash" in [e.type for e in events_of(
        "Soldiers clashed with rebels near Goma on Wednesday.")]


def test_a_border_clash_told_from_both_sides_is_one_clash_between_the_two_states():
    evs = [e for e in events_of("Fifty-nine Kyrgyz citizens were killed in clashes on the border with Tajikistan. "
                                "Troops fought on Wednesday in the Batken region.") if e.type == "ArmedClash"]
    assert len(evs) == 1
    assert labels(evs[0], "participant") == {"Kyrgyzstan", "Tajikistan"}


def test_rebels_fighting_is_an_armed_clash_and_seizing_a_town_an_attack():
    evs = events_of("Rebels seized the town of Bambari, and fighting with the army has displaced thousands.")
    assert {e.type for e in evs} >= {"Attack", "ArmedClash"}


def test_a_day_named_for_another_event_does_not_date_this_one():
    (ev,) = [e for e in events_of("Rwanda sent troops to the Central African Republic ahead of Sunday's vote.")
             if e.type == "MilitaryDeployment"]
    assert values(ev, "start") == []


def test_looting_and_arson_amid_riots_are_the_unrest_but_a_building_set_ablaze_is_an_attack():
    assert "Attack" not in [e.type for e in events_of(
        "Shops and cars were torched and looting spread as riots swept Lusaka on Monday.")]
    assert "Attack" in [e.type for e in events_of(
        "Protesters set fire to the city hall in Lusaka on Monday.")]


def test_soldiers_seizing_the_state_broadcaster_is_an_attack():
    assert "Attack" in [e.type for e in events_of("Soldiers seized the state broadcaster in Harare on Tuesday.")]


def test_a_violent_face_off_between_armies_is_a_clash_not_unrest():
    types = [e.type for e in events_of(
        "Indian and Chinese soldiers were killed in a violent face-off in the Galwan valley on Monday.")]
    assert "ArmedClash" in types and "CivilUnrest" not in types


def test_a_government_named_by_its_demonym_deploys_its_troops():
    (ev,) = [e for e in events_of("The South African government is deploying 25,000 troops to Durban.")
             if e.type == "MilitaryDeployment"]
    assert "Q258" in {f.value.qid for f in ev.facts if f.prop == "participant"}


@pytest.mark.parametrize("text, type_", [
    ("Gunmen opened fire on worshippers at a mosque in Kano on Friday.", "Attack"),
    ("Assailants shot dead two police officers in Kismayo on Monday.", "Attack"),
    ("A roadside bomb struck a convoy near Kandahar on Sunday.", "Attack"),
    ("Students staged a sit-in outside the ministry in Dhaka on Monday.", "CivilUnrest"),
    ("Youths went on the rampage in Nairobi on Tuesday.", "CivilUnrest"),
])
def test_how_else_reports_tell_attacks_and_unrest(text, type_):
    assert type_ in [e.type for e in events_of(text)]


def test_a_diplomatic_protest_is_no_unrest():
    assert "CivilUnrest" not in [e.type for e in events_of(
        "Ghana lodged a formal protest with the Togolese embassy in Accra on Monday.")]
