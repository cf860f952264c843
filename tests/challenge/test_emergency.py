"""StateOfEmergency: a state of emergency, martial law, emergency rule or a curfew declared or in force.

Every sentence here is written for the suite. Negatives are threatened, demanded, planned,
debated or ruled-out emergencies and other senses of "emergency" (emergency services, an
emergency meeting, a climate emergency).
"""
import pytest

from tests.challenge.support import Case, check, check_absent, events_of, facts_of

E = "StateOfEmergency"

POSITIVE = [
    Case("Sri Lanka declared a state of emergency on Tuesday.", E,
         {"country": {"Sri Lanka"}, "start": {"2023-05-09"}}),
    Case("Ecuador's president declared a state of emergency in Guayaquil on Monday.", E,
         {"location": {"Guayaquil"}, "start": {"2023-05-08"}}),
    Case("Peru imposes curfew in Lima", E, {"location": {"Lima"}}),
    Case("Authorities imposed a night-time curfew in Khartoum on Saturday.", E,
         {"location": {"Khartoum"}, "start": {"2023-05-06"}}),
    Case("A curfew was imposed on the city of Jos after clashes.", E, {"location": {"Jos"}}),
    Case("Martial law was declared across Ukraine on Thursday.", E,
         {"country": {"Ukraine"}, "start": {"2023-05-11"}}),
    Case("Kazakhstan introduced emergency rule in Almaty on January 5.", E,
         {"location": {"Almaty"}, "start": {"2023-01-05"}}),
    Case("An emergency was declared in Quito on Friday.", E,
         {"location": {"Quito"}, "start": {"2023-05-12"}}),
    Case("Canada invoked emergency powers in Ottawa on Monday.", E,
         {"location": {"Ottawa"}, "start": {"2023-05-08"}}),
    Case("France extends state of emergency", E, {"country": {"France"}}),
    Case("Bangladesh enforces strict lockdown in Dhaka", E, {"location": {"Dhaka"}}),
    Case("The government placed Caracas under a state of siege on Sunday.", E,
         {"location": {"Caracas"}, "start": {"2023-05-07"}}),
    Case("Spain declared a state of alarm on Saturday.", E,
         {"country": {"Spain"}, "start": {"2023-05-06"}}),
    Case("El Salvador's Congress approved a state of exception on Sunday.", E,
         {"country": {"El Salvador"}, "start": {"2023-05-07"}}),
    Case("A dusk-to-dawn curfew remains in force in Bishkek.", E, {"location": {"Bishkek"}}),
    Case("Mali's junta announced a curfew in Bamako on Wednesday.", E,
         {"location": {"Bamako"}, "start": {"2023-05-10"}}),
    Case("Curfews were imposed in several towns near Mosul on Tuesday.", E,
         {"location": {"Mosul"}, "start": {"2023-05-09"}}),
    Case("Myanmar's military declared martial law in parts of Yangon on Tuesday.", E,
         {"location": {"Yangon"}, "start": {"2023-05-09"}}),
    Case("Ethiopia imposes six-month state of emergency", E, {"country": {"Ethiopia"}}),
    Case("Tonga declares emergency after volcano eruption", E, {"country": {"Tonga"}}),
    Case("Troops enforced the curfew in Freetown overnight.", E, {"location": {"Freetown"}}),
    Case("The curfew in Honiara was lifted on Thursday.", E,
         {"location": {"Honiara"}, "end": {"2023-05-11"}}),
    Case("A nationwide curfew was announced in Sierra Leone on Thursday.", E,
         {"country": {"Sierra Leone"}, "start": {"2023-05-11"}}),
    Case("Emergency rule took effect in Manila at midnight on Monday.", E,
         {"location": {"Manila"}, "start": {"2023-05-08"}}),
    Case("Fiji is under a state of emergency.", E, {"country": {"Fiji"}}),
    Case("Bolivia declares state of emergency over flooding", E, {"country": {"Bolivia"}}),
    Case("The army placed Mandalay under martial law on Tuesday.", E,
         {"location": {"Mandalay"}, "start": {"2023-05-09"}}),
    Case("Lockdown imposed in Beijing", E, {"location": {"Beijing"}}),
    Case("Police are enforcing a weekend curfew across Nairobi.", E, {"location": {"Nairobi"}}),
    Case("Governor Kathy Hochul declared a state of emergency in New York on Friday.", E,
         {"location": {"New York City"}, "start": {"2023-05-12"}}),
    Case("The emergency decree issued in Bangkok on Thursday bans gatherings of more than five people.", E,
         {"location": {"Bangkok"}, "start": {"2023-05-11"}}),
    Case("Armenia declared martial law after fighting broke out on its border.", E,
         {"country": {"Armenia"}}),
    Case("The Tigray region was placed under a state of emergency on Monday.", E,
         {"start": {"2023-05-08"}}),
    Case("Residents of Port-au-Prince were ordered to stay indoors from Monday.", E,
         {"location": {"Port-au-Prince"}}),
    Case("Chad has been under a state of emergency since Monday.", E,
         {"country": {"Chad"}, "start": {"2023-05-08"}}),
    Case("Under the state of emergency declared in Addis Ababa on Friday, gatherings are banned.", E,
         {"location": {"Addis Ababa"}, "start": {"2023-05-12"}}),
    Case("South Africa declared a national state of disaster on Saturday.", E,
         {"country": {"South Africa"}, "start": {"2023-05-06"}}),
    Case("The governor of Lagos State declared a 24-hour curfew on Wednesday.", E,
         {"start": {"2023-05-10"}}),
    Case("Imposing a curfew in Kathmandu on Monday, the government deployed the army.", E,
         {"location": {"Kathmandu"}, "start": {"2023-05-08"}}),
    Case("Sri Lanka declared a state of public emergency on Friday.", E,
         {"country": {"Sri Lanka"}, "start": {"2023-05-12"}}),
    Case("Authorities imposed prohibitory orders in Lahore on Sunday.", E,
         {"location": {"Lahore"}, "start": {"2023-05-07"}}),
    Case("The curfew will be imposed from midnight in Kampala.", E, {"location": {"Kampala"}}),
    Case("Authorities imposed Section 144 in Karachi on Thursday.", E,
         {"location": {"Karachi"}, "start": {"2023-05-11"}}),
    Case("Emergency declared in Suva", E, {"location": {"Suva"}}),
]

NO_EVENT = [
    Case("The opposition threatened to declare a state of emergency.", None),
    Case("Lawmakers called for a curfew in Port Moresby.", None),
    Case("The president refused to impose martial law.", None),
    Case("The president ruled out a state of emergency in Lima.", None),
    Case("There is no need for a curfew, the mayor of Accra said.", None),
    Case("Emergency services rescued 12 people in Manila.", None),
    Case("Doctors treated him in the emergency room in Cairo.", None),
    Case("The UN held an emergency meeting on Sudan on Monday.", None),
    Case("Climate activists say the world faces a climate emergency.", None),
    Case("The city council in London declared a climate emergency.", None),
    Case("A curfew would hurt business, traders in Kano warned.", None),
    Case("The army denied imposing martial law in Yangon.", None),
    pytest.param(Case("Plans for a state of emergency in Lagos were shelved.", None), marks=pytest.mark.xfail(
        strict=True, reason="a plan undone after the trigger (shelved, scrapped) is not read; \"plans to\" must stay an event")),
    Case("The cabinet debated whether to declare a state of emergency.", None),
    Case("Experts warned that a curfew might be needed in Johannesburg.", None),
    Case("An emergency landing was made in Nairobi on Monday.", None),
    Case("The plane made an emergency landing in Lisbon.", None),
    Case("Opposition parties urged the president to declare martial law.", None),
    Case("The government said it was considering a curfew in Dakar.", None),
    Case("Parliament rejected a state of emergency in Quito on Monday.", None),
    Case("The WHO said the outbreak is no longer a global health emergency.", None),
    Case("Governments must not use emergency powers to silence critics.", None),
    Case("Judges in Harare blocked a planned curfew on Monday.", None),
    Case("Hospitals in Kyiv received emergency funding on Monday.", None),
    Case("Ukraine appealed for emergency aid on Monday.", None),
    Case("The president asked parliament to approve a state of emergency.", None),
    Case("Martial arts classes resumed in Seoul on Monday.", None),
    Case("The minister warned of a possible state of emergency.", None),
    Case("An emergency session of parliament opened in Tbilisi.", None),
    Case("The law on states of emergency was amended in Kyiv.", None),
    Case("Emergency crews restored power in Beirut on Monday.", None),
    Case("The army staged an emergency drill in Seoul.", None),
    Case("There was no curfew in Accra on Monday, police said.", None),
    Case("Residents stocked up on food in case a curfew was declared in Abuja.", None),
]

ABSENT = [
    "Soldiers were deployed on the streets of Almaty on Monday.",
    "Protests erupted in Colombo on Monday.",
    "Police arrested opposition leader Ousmane Diop in Dakar on Monday.",
    "Army chief Tomas Rivera was relieved of his post on Friday.",
    "The army seized power in Niamey on Wednesday.",
    "Gunmen attacked a police post in Kano, killing 12.",
    "Emergency workers pulled survivors from the rubble in Antakya.",
    "Rescuers declared the mine safe after the emergency in Soma.",
    "Troops withdrew from Goma after the emergency summit.",
    "The emergency relief convoy reached Khartoum on Monday.",
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_emergency_reported(case):
    check(case)


@pytest.mark.parametrize("case", NO_EVENT, ids=str)
def test_no_emergency_event(case):
    check(case)


@pytest.mark.parametrize("text", ABSENT, ids=lambda t: t[:60])
def test_other_class_not_emergency(text):
    check_absent(text, E)


def test_a_curfew_is_not_the_state_of_emergency_it_came_with():
    events = events_of("Mali declared a state of emergency on Monday.\n\n"
                       "On Wednesday a night curfew was imposed in Bamako.")
    starts = sorted(facts_of(e).get("start", set()).pop() for e in events if e.type == E)
    assert starts == ["2023-05-08", "2023-05-10"]
