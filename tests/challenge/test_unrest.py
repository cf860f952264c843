"""CivilUnrest: protests, riots, marches, rallies, sit-ins, looting and crowds met with tear gas.

Every sentence here is written for the suite. Positives are told the many ways reports tell unrest
(verbs, nouns, headlines, passives, "took to the streets", "went on the rampage"), each with the
place and day a reader takes from it. Negatives are called-for, threatened, planned, banned or
called-off protests, the diplomatic protest and the plea ("protested his innocence"), and other
senses of the words (stocks rallied, a riot of colour, a study demonstrated, troops marched).
Unrest takes no participants; its counts are deaths, injured and arrests, and a part is no total.
"""
import pytest

from tests.challenge.support import Case, check, check_absent, check_lacks, count_of

U = "CivilUnrest"


def at(place: str, day: str | None = None) -> dict[str, set]:
    facts = {"location": {place}}
    if day:
        facts["start"] = {day}
    return facts


MON, TUE, WED, THU, FRI, SAT, SUN = ("2023-05-08", "2023-05-09", "2023-05-10", "2023-05-11", "2023-05-12",
                                     "2023-05-06", "2023-05-07")
HEADLINE = {"earliestStart": {"2023-05-11"}, "latestStart": {"2023-05-12"}}

POSITIVE = [
    Case("Thousands of protesters marched through Nairobi on Monday.", U, at("Nairobi", MON)),
    Case("Demonstrators marched on parliament in Accra on Tuesday.", U, at("Accra", TUE)),
    Case("Rioters went on the rampage in Dakar on Monday.", U, at("Dakar", MON)),
    Case("Youths went on the rampage in Conakry on Wednesday, torching cars.", U, at("Conakry", WED)),
    Case("Tens of thousands took to the streets of Tbilisi on Sunday.", U, at("Tbilisi", SUN)),
    Case("Angry residents took to the streets in Lagos on Thursday.", U, at("Lagos", THU)),
    Case("A popular uprising swept through Khartoum in April.", U, {**at("Khartoum"), "start": {"2023-04"}}),
    Case("Students staged a sit-in outside the ministry in Dhaka on Monday.", U, at("Dhaka", MON)),
    Case("A general strike paralysed Buenos Aires on Wednesday as crowds filled the squares.", U,
         at("Buenos Aires", WED)),
    Case("Looting broke out in Johannesburg on Monday.", U, at("Johannesburg", MON)),
    Case("Looters ransacked shops on Tuesday, police in South Africa said.", U, {"country": {"South Africa"}}),
    Case("Protesters torched a police station in Lahore on Tuesday.", U, at("Lahore")),
    Case("Protesters clashed with police in Lima on Monday.", U, at("Lima", MON)),
    Case("Demonstrators clashed with troops in Yangon on Sunday.", U, at("Yangon", SUN)),
    Case("Riot police fired tear gas at crowds in Kampala on Friday.", U, at("Kampala", FRI)),
    Case("Police used water cannon to disperse demonstrators in Paris on Saturday.", U, at("Paris", SAT)),
    Case("Rallies against the government were held in Belgrade on Saturday.", U, at("Belgrade", SAT)),
    Case("Unrest spread to Mombasa on Tuesday.", U, at("Mombasa", TUE)),
    Case("Violent protests rocked Caracas on Monday.", U, at("Caracas", MON)),
    Case("Kenya protests turn deadly", U, {"country": {"Kenya"}, **HEADLINE}),
    Case("Anti-government protests erupt in Yerevan", U, {**at("Yerevan"), **HEADLINE}),
    Case("Mass demonstrations gripped Tehran on Friday.", U, at("Tehran", FRI)),
    Case("Rioting erupted in the suburbs of Paris on Tuesday.", U, at("Paris", TUE)),
    Case("Hundreds of women rallied in Kabul on Monday against the ban.", U, at("Kabul", MON)),
    Case("Farmers protested in Brussels on Tuesday, blocking roads with tractors.", U, at("Brussels", TUE)),
    Case("Protests spread across Peru on Monday.", U, {"country": {"Peru"}, "start": {MON}}),
    Case("Dock workers walked off the job and marched through Seoul on Wednesday.", U, at("Seoul", WED)),
    Case("A wave of protests hit Beirut on Thursday.", U, at("Beirut", THU)),
    Case("Thousands demonstrated in Tel Aviv on Saturday against the judicial reform.", U, at("Tel Aviv", SAT)),
    Case("Angry mobs set fire to cars in Port-au-Prince on Monday.", U, at("Port-au-Prince", MON)),
    Case("Protesters besieged the parliament building in Dhaka on Monday.", U, at("Dhaka", MON)),
    Case("Street battles between protesters and police raged in Nairobi on Wednesday.", U, at("Nairobi", WED)),
    Case("Protesters hurled stones at police in Islamabad on Tuesday.", U, at("Islamabad", TUE)),
    Case("Police and protesters fought running battles in Lahore on Wednesday.", U, at("Lahore", WED)),
    Case("Civil unrest gripped Kinshasa on Monday.", U, at("Kinshasa", MON)),
    Case("Opposition supporters rioted in Maputo on Thursday.", U, at("Maputo", THU)),
    Case("Protesting farmers dumped manure outside the parliament in Brussels on Monday.", U, at("Brussels", MON)),
    Case("Tens of thousands rallied in Madrid on Sunday.", U, at("Madrid", SUN)),
    Case("Thousands marched in Tbilisi on Sunday to denounce the bill.", U, at("Tbilisi", SUN)),
    Case("Demonstrations were staged in Almaty on Tuesday.", U, at("Almaty", TUE)),
    Case("Pro-democracy demonstrators occupied the main square of Bangkok on Saturday.", U, at("Bangkok", SAT)),
    Case("Protesters ransacked the governor's office in Kano on Tuesday.", U, at("Kano", TUE)),
    Case("Students protest in Dhaka over quota system", U, {**at("Dhaka"), **HEADLINE}),
    Case("Tear gas fired at protesters in Nairobi", U, {**at("Nairobi"), **HEADLINE}),
    Case("Thousands march in Tbilisi against foreign agents bill", U, {**at("Tbilisi"), **HEADLINE}),
    Case("Students demonstrate outside parliament in Accra", U, {**at("Accra"), **HEADLINE}),
    Case("Two people were killed in protests in Conakry on Thursday.", U, {**at("Conakry", THU), "deaths": {2}}),
    Case("Demonstrators took to the streets of Kinshasa on Friday, burning tyres.", U, at("Kinshasa", FRI)),
    Case("An angry crowd attacked the police station in Karachi on Monday.", U, at("Karachi")),
    Case("Rampaging youths looted shops in Dakar on Monday.", U, at("Dakar", MON)),
    Case("Crowds poured into the streets of Harare on Saturday.", U, at("Harare", SAT)),
    Case("Riots rocked Maputo on Wednesday after the election result.", U, at("Maputo", WED)),
    Case("Thousands of marchers streamed through Warsaw on Sunday.", U, at("Warsaw", SUN)),
    Case("Thousands rallied against the reform in Paris on Tuesday.", U, at("Paris", TUE)),
    Case("Residents defied a nationwide curfew and marched on the palace in Bishkek on Monday.", U,
         at("Bishkek", MON)),
    Case("Hundreds gathered outside parliament in Accra on Monday to demand the minister's resignation.", U,
         at("Accra", MON)),
    Case("Crowds chanting slogans against the president marched through Abidjan on Saturday.", U, at("Abidjan", SAT)),
    Case("Opposition supporters blocked roads and burned tyres in Kinshasa on Monday.", U, at("Kinshasa", MON)),
    Case("Thousands defied a ban and protested in Minsk on Sunday.", U, at("Minsk", SUN)),
    Case("Supporters of the banned opposition party rallied in Cairo on Friday.", U, at("Cairo", FRI)),
    Case("The government postponed the election amid protests in Conakry on Monday.", U, at("Conakry")),
    Case("Stone-pelting youths clashed with police in Srinagar on Friday.", U, at("Srinagar", FRI)),
]

NO_EVENT = [
    # called for, vowed, threatened, planned, expected: not (yet) unrest
    Case("The opposition called for protests on Friday in Nairobi.", None),
    Case("Opposition leaders vowed to take to the streets of Lagos if the vote is rigged.", None),
    Case("Unions threatened a general strike in Paris next week.", None),
    Case("A rally is planned in Tbilisi for Sunday.", None),
    Case("Students are expected to demonstrate in Dhaka next week.", None),
    Case("The opposition threatened nationwide protests in Zimbabwe.", None),
    Case("Workers may stage a sit-in at the factory in Dhaka.", None),
    Case("Police prepared for possible unrest in Nairobi ahead of the verdict.", None),
    Case("Police warned that any protest in Harare would be dispersed.", None),
    Case("Analysts fear unrest could spread to Mombasa.", None),
    Case("The president warned of riots if fuel prices rise.", None),
    Case("Police said the demonstration in Accra would be illegal.", None),
    Case("Students sometimes protest outside the ministry in Dhaka.", None),
    Case("Organisers hope to hold a rally outside Lusaka next month.", None),
    # banned, called off, cancelled, denied
    Case("The government banned all rallies in Minsk ahead of the vote.", None),
    Case("Authorities banned protests in Dhaka for a month.", None),
    Case("The government outlawed demonstrations in Khartoum on Monday.", None),
    Case("The council discussed a ban on protests outside schools in Paris.", None),
    Case("The rally in Belgrade was cancelled because of rain.", None),
    Case("The march through Kampala was called off on Friday.", None),
    Case("The union called off the general strike in Lagos.", None),
    Case("Organisers postponed the protest in Nairobi until further notice.", None),
    Case("No protests were reported in Almaty on Monday.", None),
    Case("There was no violence in Accra during the vote, observers said.", None),
    Case("The mayor said the city of Lyon had seen no riots in years.", None),
    # the diplomatic protest, the plea, the protest vote
    Case("The embassy in Beijing received a formal protest from Tokyo.", None),
    Case("Japan filed a protest with the Chinese embassy on Monday.", None),
    Case("Lodging a protest with the ambassador, the minister demanded an apology.", None),
    Case("Seoul sent a protest note to Tokyo on Monday.", None),
    Case("The deal was signed under protest in Geneva.", None),
    Case("The decision sparked a storm of protest from rights groups in London.", None),
    Case("The defendant protested his innocence in court in Nairobi.", None),
    Case("Voters cast a protest vote against the ruling party in Warsaw.", None),
    Case("A protest song topped the charts in Seoul.", None),
    Case("Kyiv protested in a statement against the decision of the committee.", None),
    Case("China protested to Tokyo over the visit.", None),
    Case("Beijing protested against the arms sale on Monday.", None),
    # other senses: markets, proofs, sport, colour, comedy
    Case("Stocks rallied in Tokyo on Monday.", None),
    Case("The dollar rallied against the euro on Tuesday.", None),
    Case("Oil rallied on Monday.", None),
    Case("Liverpool rallied in the second half to beat Everton.", None),
    Case("The party rallied behind its candidate in Lima.", None),
    Case("The team rallied to win the match in Madrid.", None),
    Case("The coach said the team demonstrated great spirit in Madrid.", None),
    Case("The study demonstrated that the vaccine works.", None),
    Case("The riot of colour in the garden delighted visitors in Kyoto.", None),
    Case("The film is a riot, critics in London said.", None),
    Case("A rally driver crashed in Finland on Sunday.", None),
    Case("The election was held in March in Lima.", None),
    Case("Markets were in turmoil in London on Monday.", None),
    Case("Thousands of fans crowded the streets of Buenos Aires to celebrate the World Cup.", None),
    Case("The president rallied support in Kano on Tuesday.", None),
    Case("Ministers gathered in Brussels on Monday to call for calm.", None),
    Case("Scientists gathered in Geneva to discuss the findings.", None),
    # forces that march or take to the streets parade, they do not protest
    Case("The troops marched in a parade in Moscow on Tuesday.", None),
    Case("The cadets marched past the president in Abuja on Saturday.", None),
]

OTHER_CLASS = [
    "The health minister resigned in protest at the budget cuts in Lima on Monday.",
    "Soldiers marched into the town of Kidal on Monday.",
    "Rebels marched on Bangui on Sunday.",
    "Troops took to the streets of Bamako after the coup.",
    "Kyrgyz and Tajik border guards clashed on Monday.",
    "The army fought rebels near Beni on Monday.",
    "Gunmen stormed a hotel in Mogadishu on Monday.",
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_unrest(case):
    check(case)


@pytest.mark.parametrize("case", NO_EVENT, ids=str)
def test_no_unrest(case):
    check(case)


@pytest.mark.parametrize("text", OTHER_CLASS, ids=lambda t: t[:60])
def test_not_unrest(text):
    check_absent(text, U)


# Unrest takes no participants: the protesters' nationality, or the state they protest in, is not one.
NO_PARTICIPANT = [
    Case("Kenyan protesters clashed with police in Nairobi on Monday.", U, at("Nairobi", MON)),
    Case("Armenia's opposition supporters rallied in Yerevan on Tuesday.", U, at("Yerevan", TUE)),
    Case("Russian police detained protesters in Moscow on Sunday.", U, at("Moscow", SUN)),
]


@pytest.mark.parametrize("case", NO_PARTICIPANT, ids=str)
def test_unrest_has_no_participant(case):
    check_lacks(case, {"participant": {"Kenya", "Armenia", "Russia"}})


COUNTS = [
    Case("Protesters clashed with police in Nairobi on Monday; the toll stands at 80.", U, {"deaths": {80}}),
    Case("Sixty sought treatment after police fired tear gas at protesters in Accra on Monday.", U,
         {"injured": {60}}),
    Case("Hundreds were detained during protests in Minsk on Sunday.", U, {"arrests": {(200, None)}}),
    Case("Rioters went on the rampage in Dakar on Monday, leaving 7 people dead and 30 injured.", U,
         {"deaths": {7}, "injured": {30}}),
    Case("Police arrested 250 people as protesters took to the streets of Tbilisi on Monday.", U,
         {"arrests": {250}}),
    Case("Three people died when police opened fire on demonstrators in Conakry on Tuesday.", U,
         {"deaths": {3}}),
]


@pytest.mark.parametrize("case", COUNTS, ids=str)
def test_unrest_counts(case):
    check(case)


# A part is no total; killed or wounded together is neither count.
PARTS = [
    (Case("Riots in Dakar left 12 dead on Monday, including 4 police officers.", U, {"deaths": {12}}),
     {"deaths": {4}}),
    (Case("Protests in Tehran left 60 injured on Monday, 40 of them in hospital.", U, {"injured": {60}}),
     {"injured": {40}}),
    (Case("Protesters clashed with police across Peru, and 9 people were killed; four of the dead were "
          "in the capital.", U, {"deaths": {9}}), {"deaths": {4}}),
    (Case("Some 20 people were killed or wounded when rioters went on the rampage in Lagos on Monday.", U),
     {"deaths": {20}, "injured": {20}}),
    (Case("Police detained 90 demonstrators in Almaty on Monday, among them 6 journalists.", U,
          {"arrests": {90}}), {"arrests": {6}}),
]


@pytest.mark.parametrize("case,absent", PARTS, ids=lambda x: str(x) if isinstance(x, Case) else "")
def test_unrest_part_is_not_the_total(case, absent):
    check_lacks(case, absent)


EPISODES = [
    # months apart, more than one episode runs: two
    ("Thousands took to the streets of Nairobi in January. On Monday, rioters went on the rampage in Nairobi.", 2),
    ("Angry mobs looted shops in Durban in 2021. Looting broke out in Durban again on Monday.", 2),
    # days apart, told as one: one
    ("Protesters marched through Accra on Monday. On Wednesday the demonstrators in Accra clashed with police.", 1),
    ("Riots rocked Maputo on Tuesday. The unrest in Maputo spread to its suburbs on Thursday.", 1),
]


@pytest.mark.parametrize("text,n", EPISODES, ids=lambda x: x[:50] if isinstance(x, str) else str(x))
def test_unrest_episodes(text, n):
    assert count_of(text, U) == n
