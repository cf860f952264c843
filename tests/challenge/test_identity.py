"""One event per real-world event, and the class a report belongs to at the boundaries."""
import pytest

from tests.challenge.support import Case, check, check_absent, count_of, events_of

# (text, class, how many events of it the text tells of)
EPISODES = [
    # dates further apart than one episode allows: two events
    ("Protesters rallied in Minsk in October. In March, new protests broke out in Minsk.", "CivilUnrest", 2),
    (("Gunmen attacked a checkpoint near Arish on Monday, April 10. Gunmen attacked a checkpoint near "
      "Arish again on Monday, May 8."), "Attack", 2),
    ("Riots broke out in Dakar in March 2021. Fresh riots erupted in Dakar on Monday.", "CivilUnrest", 2),
    (("Police arrested opposition leader Ousmane Sonko in Dakar in February. Police arrested "
      "Ousmane Sonko again on Monday."), "Arrest", 2),
    # one event told twice: one
    ("A bomb attack hit a market in Kabul on Monday. It was the deadliest attack in the city since 2015.",
     "Attack", 1),
    ("Protests erupted in Nairobi on Monday. On Wednesday the protests in Nairobi continued.", "CivilUnrest", 1),
    (("Kenya deployed troops to Haiti on Monday. The deployment of the Kenyan troops was the first "
      "since 2004."), "MilitaryDeployment", 1),
    ("Gunmen stormed a hotel in Mogadishu on Monday. The attack on the hotel lasted several hours.",
     "Attack", 1),
    ("Protesters clashed with police in Lima on Monday. The unrest spread to Cusco on Tuesday.",
     "CivilUnrest", 1),
    # one place named in other words ("state TV", "the state broadcaster"): one attack
    (("Troops are patrolling Harare after they seized state TV on Tuesday. Soldiers had seized the "
      "state broadcaster ZTV late on Tuesday."), "Attack", 1),
    # two places: two attacks
    (("Gunmen stormed a police station in Kano on Monday. Gunmen stormed a market in Kano on Monday."),
     "Attack", 2),
]


# In a report of unrest, clashes with security forces that name no other armed side are the
# unrest's (event_classes.tsv, absorbs:ArmedClash); a fight with a named armed group stays a clash.
ABSORBED = [
    ("Protesters marched in Baghdad on Friday. Nine people were killed in clashes with security forces.",
     "ArmedClash", 0),
    ("Protesters marched in Bamako on Friday. Soldiers clashed with jihadists near Gao on Saturday.",
     "ArmedClash", 1),
    ("Protesters marched in Dhaka on Friday. Indian and Bangladeshi border guards clashed on Saturday.",
     "ArmedClash", 1),
]


@pytest.mark.parametrize("text,cls,n", ABSORBED, ids=lambda x: x[:50] if isinstance(x, str) else str(x))
def test_unsided_clashes_in_a_report_of_unrest(text, cls, n):
    assert count_of(text, cls) == n


def test_the_absorbed_clash_gives_the_unrest_its_dead():
    (unrest,) = [e for e in events_of(ABSORBED[0][0]) if e.type == "CivilUnrest"]
    assert {f.value.value for f in unrest.facts if f.prop == "deaths"} == {9}


@pytest.mark.parametrize("text,cls,n", EPISODES, ids=lambda x: x[:50] if isinstance(x, str) else str(x))
def test_how_many_events(text, cls, n):
    assert count_of(text, cls) == n


NOT_A_CLASH = [
    "Protesters clashed with police in Caracas on Monday.",
    "Demonstrators fought running battles with soldiers in Khartoum on Monday.",
    "Rioters clashed with troops in Port Moresby on Monday.",
    "Students scuffled with riot police outside parliament in Jakarta on Monday.",
]


@pytest.mark.parametrize("text", NOT_A_CLASH, ids=lambda x: x[:50])
def test_fighting_with_protesters_is_unrest(text):
    check(Case(text, "CivilUnrest"))
    check_absent(text, "ArmedClash")


OWN_STREETS = [
    Case("Soldiers patrolled the streets of Quito on Monday.", "MilitaryDeployment",
         {"participant": {"Ecuador"}}),
    Case("The army was deployed on the streets of Manila on Monday.", "MilitaryDeployment",
         {"participant": {"Philippines"}}),
    Case("Troops were out on the streets of Almaty on Monday after the riots.", "MilitaryDeployment",
         {"participant": {"Kazakhstan"}}),
    Case("Troops were deployed in Johannesburg on Monday to quell the riots.", "MilitaryDeployment",
         {"participant": {"South Africa"}}),
    Case("The government deployed 2,000 soldiers in Lima on Monday to restore order.", "MilitaryDeployment",
         {"participant": {"Peru"}, "troops": {2000}}),
    Case("The army clashed with rebels near Goma on Monday.", "ArmedClash"),
]


@pytest.mark.parametrize("case", OWN_STREETS, ids=str)
def test_classes_at_the_boundary(case):
    check(case)
