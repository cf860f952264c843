"""TroopWithdrawal: troops withdrawn, pulled out, leaving, going home, bases handed over, missions ended.

Every sentence here is written for the suite. Positives assert the class and the facts a careful
reader takes from the sentence; negatives are demanded, refused, hypothetical or other senses of
the same words (a candidacy withdrawn, a team pulling out of a tournament, withdrawal symptoms).
"""
import pytest

from tests.challenge.support import Case, check, check_absent

W = "TroopWithdrawal"
LAST_WEEK = {"earliestStart": {"2023-05-01"}, "latestStart": {"2023-05-07"}}

POSITIVES = [
    Case("France withdrew its last troops from Mali on Monday.", W,
         {"participant": {"France"}, "country": {"Mali"}}),
    Case("US troops pulled out of Afghanistan in August 2021.", W,
         {"participant": {"United States"}, "country": {"Afghanistan"}}),
    Case("The last Russian peacekeepers left Kazakhstan on January 19.", W,
         {"participant": {"Russia"}, "country": {"Kazakhstan"}, "end": {"2023-01-19"}}),
    Case("Kenyan soldiers returned home from Somalia on Friday.", W,
         {"participant": {"Kenya"}, "country": {"Somalia"}, "end": {"2023-05-12"}}),
    Case("The pullout of UN peacekeepers from Mali was completed in December 2022.", W,
         {"participant": {"United Nations"}, "country": {"Mali"}, "end": {"2022-12"}}),
    Case("Britain handed over its last base in Afghanistan to Afghan forces in October 2014.", W,
         {"participant": {"United Kingdom"}, "country": {"Afghanistan"}, "end": {"2014-10"}}),
    Case("The European Union ended its military training mission in Mali.", W,
         {"participant": {"European Union"}, "country": {"Mali"}}),
    Case("Burundian troops began leaving Somalia on Tuesday.", W,
         {"participant": {"Burundi"}, "country": {"Somalia"}, "start": {"2023-05-09"}}),
    Case("Germany withdraws troops from Niger", W,
         {"participant": {"Germany"}, "country": {"Niger"}}),
    Case("The withdrawal of Ethiopian troops from Tigray began last week.", W,
         {"participant": {"Ethiopia"}, "location": {"Tigray"}, **LAST_WEEK}),
    Case("Russia completed the withdrawal of its troops from Kazakhstan on Wednesday.", W,
         {"participant": {"Russia"}, "country": {"Kazakhstan"}, "end": {"2023-05-10"}}),
    Case("The last Dutch soldiers departed Iraq on Thursday.", W,
         {"participant": {"Netherlands"}, "country": {"Iraq"}, "end": {"2023-05-11"}}),
    Case("Chad recalled its contingent from Mali on Monday.", W,
         {"participant": {"Chad"}, "country": {"Mali"}}),
    Case("Sweden brought its soldiers home from Mali in 2022.", W,
         {"participant": {"Sweden"}, "country": {"Mali"}}),
    Case("Spain repatriated 300 troops from Lebanon last month.", W,
         {"participant": {"Spain"}, "country": {"Lebanon"}, "troops": {300}}),
    Case("French soldiers left their base in Niamey on Sunday.", W,
         {"participant": {"France"}, "location": {"Niamey"}, "end": {"2023-05-07"}}),
    Case("Canada ended its combat mission in Afghanistan in 2011.", W,
         {"participant": {"Canada"}, "country": {"Afghanistan"}, "end": {"2011"}}),
    Case("Israeli troops retreated from Gaza on Tuesday.", W,
         {"participant": {"Israel"}, "location": {"Gaza Strip"}}),
    Case("Peacekeepers from Nepal are being withdrawn from Haiti.", W,
         {"participant": {"Nepal"}, "country": {"Haiti"}}),
    Case("Kenya's last troops came home from Somalia on Sunday.", W,
         {"participant": {"Kenya"}, "country": {"Somalia"}, "end": {"2023-05-07"}}),
    Case("US forces handed over a military base to the Iraqi army on Thursday.", W,
         {"participant": {"United States"}, "end": {"2023-05-11"}}),
    Case("Belgian paratroopers flew home from Niger on Wednesday.", W,
         {"participant": {"Belgium"}, "country": {"Niger"}, "end": {"2023-05-10"}}),
    Case("Italy drew down its troops in Iraq last year.", W,
         {"participant": {"Italy"}, "country": {"Iraq"}}),
    Case("Hundreds of soldiers were pulled from Kabul on Friday.", W,
         {"location": {"Kabul"}}),
    Case("The army disengaged from the buffer zone on Monday.", W, {}),
    Case("Russian forces abandoned the city on Friday.", W,
         {"participant": {"Russia"}, "end": {"2023-05-12"}}),
    Case("The drawdown of UN peacekeepers in the Democratic Republic of the Congo began in January.", W,
         {"participant": {"United Nations"}, "country": {"Democratic Republic of the Congo"}, "start": {"2023-01"}}),
    Case("Armenian troops vacated their positions in Azerbaijan on Monday.", W,
         {"participant": {"Armenia"}, "country": {"Azerbaijan"}, "end": {"2023-05-08"}}),
    Case("Tanzanian peacekeepers have left the Democratic Republic of the Congo.", W,
         {"participant": {"Tanzania"}, "country": {"Democratic Republic of the Congo"}, "end": {"2023-05-12"}}),
    Case("Estonia ends its military mission in Mali", W,
         {"participant": {"Estonia"}, "country": {"Mali"}}),
    Case("The Ugandan contingent went home from Somalia in March.", W,
         {"participant": {"Uganda"}, "country": {"Somalia"}, "end": {"2023-03"}}),
    Case("German troops are leaving Mali.", W,
         {"participant": {"Germany"}, "country": {"Mali"}, "start": {"2023-05-12"}}),
    Case("Moroccan soldiers were evacuated from Sudan on Saturday.", W,
         {"participant": {"Morocco"}, "country": {"Sudan"}}),
    Case("The exit of foreign troops from Libya began on Monday.", W,
         {"country": {"Libya"}, "start": {"2023-05-08"}}),
    Case("Rwanda withdrew 1,000 soldiers from the Central African Republic on Tuesday.", W,
         {"participant": {"Rwanda"}, "country": {"Central African Republic"}, "troops": {1000}}),
    Case("The Nigerian army pulled back from the town on Wednesday.", W,
         {"participant": {"Nigeria"}}),
    Case("Australian forces completed their pullout from Afghanistan in June 2021.", W,
         {"participant": {"Australia"}, "country": {"Afghanistan"}, "end": {"2021-06"}}),
    Case("All Cuban soldiers were sent home from Angola in 1991.", W,
         {"participant": {"Cuba"}, "country": {"Angola"}}),
    Case("The UN peacekeeping mission in Mali closed its last camp in December.", W,
         {"participant": {"United Nations"}, "country": {"Mali"}}),
    Case("Soldiers from Chad were redeployed out of Mali on Sunday.", W,
         {"participant": {"Chad"}, "country": {"Mali"}}),
    Case("Thai troops moved out of the disputed temple area in July 2012.", W,
         {"participant": {"Thailand"}}),
    Case("The Portuguese contingent sailed home from Mozambique in April.", W,
         {"participant": {"Portugal"}, "country": {"Mozambique"}}),
    Case("The Russian withdrawal from Kherson was completed on Friday.", W,
         {"participant": {"Russia"}, "end": {"2023-05-12"}}),
    Case("Irish peacekeepers marked the end of their mission in Lebanon on Tuesday.", W,
         {"participant": {"Ireland"}, "country": {"Lebanon"}}),
    Case("The first Ugandan soldiers trickled back home from Somalia on Wednesday.", W,
         {"participant": {"Uganda"}, "country": {"Somalia"}}),
    Case("UN troops transferred control of a base in South Kivu to Congolese police on Wednesday.", W,
         {"participant": {"United Nations"}}),
    Case("The handover of the Barire base to Somali forces took place in June.", W, {"country": {"Somalia"}}),
    pytest.param(Case("The disengagement of Indian and Chinese troops began on Monday.", W,
                      {"participant": {"India", "China"}, "start": {"2023-05-08"}}),
                 marks=pytest.mark.xfail(strict=True, reason="the article's focus country (India, a guess from "
                                         "the first state named) is taken as the host and dropped as a participant")),
    Case("British units are redeploying home from Estonia.", W,
         {"participant": {"United Kingdom"}, "country": {"Estonia"}}),
    Case("The peacekeeping mission was wound down in 2022.", W, {}),
    Case("Nigeria began a phased withdrawal of its troops from Guinea-Bissau.", W,
         {"participant": {"Nigeria"}, "country": {"Guinea-Bissau"}}),
    # a plan told in reported speech: "would" is the backshifted "will", and gives the planned length
    Case("Kenyan troops began leaving Somalia on Monday. The president said the pullout would be "
         "completed within 12 days.", W, {"start": {"2023-05-08"}, "plannedDuration": {12}}),
]

NO_EVENT = [
    # "would" in reported speech is still a hypothesis without a planned length
    "The minister said a withdrawal of the troops from Mali would be a grave mistake.",
    "The candidate withdrew his candidacy on Monday.",
    "She withdrew money from a bank in Lima.",
    "The withdrawal of the bill angered lawmakers in Nairobi.",
    "Mali demanded the withdrawal of French troops.",
    "Russia has no plans to pull out of Syria.",
    "The United States refused to withdraw its forces from Iraq.",
    "Britain pulled out of the European Union in 2020.",
    "The team pulled out of the tournament in Doha.",
    "Investors pulled their money out of Argentina.",
    "The ambassador left Kyiv on Monday.",
    "Tourists returned home from Thailand on Sunday.",
    "Tanzania withdrew from the talks in Arusha.",
    "Israel withdrew its ambassador from Turkey.",
    "Calls for a pullout of troops from Iraq grew louder.",
    "A withdrawal of troops from Somalia would leave a vacuum.",
    "Kenya is considering withdrawing its troops from Somalia.",
    "Peacekeepers will remain in Cyprus until next year.",
    "Ethiopia denied that its troops had left Tigray.",
    "The minister pulled back from his earlier promise.",
    "The bank withdrew its offer for the company.",
    "Soldiers left their weapons at the checkpoint in Juba.",
    "The general threatened to pull his troops out of the capital.",
    "Nigeria withdrew its support for the resolution.",
    "The company pulled its products out of Russia.",
    "Parliament rejected the withdrawal of troops from Kosovo.",
    "Germany ruled out a withdrawal from Mali.",
    "The patient suffered withdrawal symptoms in a hospital in Lagos.",
    "A pullout could take months, the general said.",
    "The mission ended in failure, critics in Paris said.",
    pytest.param("US troops remain in Syria despite calls to leave.", marks=pytest.mark.xfail(
        strict=True, reason="a demand inside the trigger's own words (troops ... leave) is not read as one")),
    "The government withdrew the charges against the journalist.",
    "Senegal withdrew its application to host the summit.",
    "The governor asked the army to leave Lagos.",
    "Troops have not left their barracks in Bamako.",
    "Sudan pulled back its ambassador from Chad.",
    "Troops withdrew cash from the bank in Goma.",
    "Mexico withdrew its objection to the treaty.",
    "The UN insists the peacekeepers should stay in Mali.",
    "The mission of the school is to teach children in Lima.",
    "The singer left the stage in Kyiv after the concert.",
    "Experts doubt that Russian forces would ever leave Crimea.",
    "Qatar withdrew from the coalition in 2017.",
    "Chad recalled its ambassador from Qatar.",
    "The colonel recalled that soldiers had been killed in Gao.",
    "The team returned home from the Olympics in Paris.",
    "The army handed over power to a civilian government in Khartoum.",
    "The military handed over the suspects to police in Lagos.",
    "The army's withdrawal from politics was welcomed in Bangkok.",
]

# Troops going in, or another class: no withdrawal.
OTHER_CLASS = [
    "The troops left for Haiti on Monday.",
    "The soldiers returned fire when attacked near Gao.",
    "France sent 500 troops to Mali on Monday.",
    "Veterans recalled how soldiers fought in Basra.",
    "Soldiers left their barracks and patrolled the streets of Dakar.",
]


@pytest.mark.parametrize("case", POSITIVES, ids=str)
def test_withdrawal(case):
    check(case)


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_withdrawal(text):
    check(Case(text, None))


@pytest.mark.parametrize("text", OTHER_CLASS)
def test_not_a_withdrawal(text):
    check_absent(text, W)
