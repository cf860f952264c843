"""Who took part: actors named by a nationality, a possessive, a subject, a list of sources, or as
perpetrators; and no actor read from another clause, a source or a person's nationality."""
import pytest

from tests.challenge.support import Case, check, check_lacks

DEPLOY, WITHDRAW, ATTACK, CLASH, QUIT = (
    "MilitaryDeployment", "TroopWithdrawal", "Attack", "ArmedClash", "Resignation")

TAKES_PART = [
    # a nationality adjective before a force, a weapon or a service
    Case("Kenyan police officers were deployed to Haiti on Monday.", DEPLOY,
         {"participant": {"Kenya"}, "country": {"Haiti"}}),
    Case("Belarusian aircraft were deployed to an airfield in Kaliningrad on Monday.", DEPLOY,
         {"participant": {"Belarus"}}),
    Case("Rwandan troops were sent to Cabo Delgado in July.", DEPLOY,
         {"participant": {"Rwanda"}, "country": {"Mozambique"}}),
    Case("A Russian rocket attack on Kharkiv killed three people on Monday.", ATTACK,
         {"participant": {"Russia"}, "location": {"Kharkiv"}}),
    Case("Turkish drone strikes hit villages near Dohuk on Monday.", ATTACK,
         {"participant": {"Turkey"}}),
    Case("Armenian and Azerbaijani forces clashed along the border on Monday.", CLASH,
         {"participant": {"Armenia", "Azerbaijan"}}),
    Case("Sudanese troops killed twelve civilians in Darfur on Monday.", ATTACK,
         {"participant": {"Sudan"}}),
    Case("Ethiopian warplanes bombed a market in Tigray on Monday.", ATTACK,
         {"participant": {"Ethiopia"}}),
    Case("Peruvian soldiers withdrew from the border area on Monday.", WITHDRAW,
         {"participant": {"Peru"}}),
    Case("Pakistani artillery shelled villages near the Line of Control on Monday.", ATTACK,
         {"participant": {"Pakistan"}}),
    Case("The French withdrawal from Mali was completed in August.", WITHDRAW,
         {"participant": {"France"}, "country": {"Mali"}}),
    Case("Three soldiers were killed in fights with Azerbaijani troops near the border on Monday.", CLASH,
         {"participant": {"Azerbaijan"}}),
    Case("The Ugandan deployment to Somalia began in March.", DEPLOY, {"participant": {"Uganda"}}),
    # a possessive
    Case("Germany's soldiers were deployed to Lithuania on Monday.", DEPLOY,
         {"participant": {"Germany"}, "country": {"Lithuania"}}),
    Case("Brazil's army deployed soldiers to Rio de Janeiro on Monday.", DEPLOY,
         {"participant": {"Brazil"}}),
    Case("Australia's navy deployed two warships and 300 sailors to Fiji on Monday.", DEPLOY,
         {"participant": {"Australia"}, "country": {"Fiji"}}),
    Case("France's troops began leaving Niger on Monday.", WITHDRAW,
         {"participant": {"France"}, "country": {"Niger"}}),
    Case("Russia's air force bombed a hospital in Idlib on Monday.", ATTACK,
         {"participant": {"Russia"}}),
    # an active subject
    Case("On Tuesday President Kais Saied sacked Prime Minister Hichem Mechichi.", QUIT,
         {"participant": {"Kais Saied", "Hichem Mechichi"}}),
    Case("President Gustavo Petro dismissed his defence minister on Monday.", QUIT,
         {"participant": {"Gustavo Petro"}}),
    Case("The minister was dismissed by President Emmerson Mnangagwa on Monday.", QUIT,
         {"participant": {"Emmerson Mnangagwa"}}),
    Case("Uganda deployed troops to eastern Congo on Monday.", DEPLOY,
         {"participant": {"Uganda"}}),
    Case("Colombia sent 200 soldiers to the border with Venezuela on Monday.", DEPLOY,
         {"participant": {"Colombia"}}),
    # forces from a list of states
    Case("Units from Chad, Niger and Cameroon were deployed to Nigeria on Monday.", DEPLOY,
         {"participant": {"Chad", "Niger", "Cameroon"}, "country": {"Nigeria"}}),
    Case("Troops from Kenya, Uganda and Burundi were sent to Somalia on Monday.", DEPLOY,
         {"participant": {"Kenya", "Uganda", "Burundi"}, "country": {"Somalia"}}),
    Case("Contingents from Bangladesh, Nepal and Ghana arrived in South Sudan on Monday.", DEPLOY,
         {"participant": {"Bangladesh", "Nepal", "Ghana"}}),
    Case("Soldiers from Senegal and Ghana were deployed to Gambia on Monday.", DEPLOY,
         {"participant": {"Senegal", "Ghana"}, "country": {"The Gambia"}}),
    # perpetrators
    Case("Twelve villagers were killed by Sudanese troops in Darfur on Monday.", ATTACK,
         {"participant": {"Sudan"}}),
    Case("A school in Kharkiv was shelled by Russian forces on Monday.", ATTACK,
         {"participant": {"Russia"}}),
    Case("The convoy was ambushed by Malian soldiers near Gao on Monday.", ATTACK,
         {"participant": {"Mali"}}),
    # a national force named by its name or acronym acts for its state (the force itself stays unlinked)
    Case("The SANDF deployed 25,000 troops to KwaZulu-Natal on Thursday.", DEPLOY,
         {"participant": {"South Africa", "South African National Defence Force"}}),
    Case("Kenya Defence Forces troops were sent to Haiti on Monday.", DEPLOY,
         {"participant": {"Kenya"}, "country": {"Haiti"}}),
    Case("A patrol was attacked by PLA troops near the border on Monday.", ATTACK,
         {"participant": {"China"}}),
    Case("The Tatmadaw clashed with ethnic rebels near Myawaddy on Monday.", CLASH,
         {"participant": {"Myanmar"}}),
]


@pytest.mark.parametrize("case", TAKES_PART, ids=str)
def test_who_takes_part(case):
    check(case)


NOT_PARTICIPANTS = [
    # a state the units came from is not a place of the deployment
    (Case("Units from Chad, Niger and Cameroon were deployed to Nigeria on Monday.", DEPLOY),
     {"country": {"Chad", "Niger", "Cameroon"}}),
    (Case("Troops from Kenya, Uganda and Burundi were sent to Somalia on Monday.", DEPLOY),
     {"country": {"Kenya", "Uganda", "Burundi"}}),
    # a person's nationality is not a state taking part
    (Case("A French journalist was killed in a bomb attack in Bamako on Monday.", ATTACK),
     {"participant": {"France"}}),
    (Case("A Ghanaian-owned hotel was attacked in Ouagadougou on Monday.", ATTACK),
     {"participant": {"Ghana"}}),
    (Case("Two Chinese engineers were killed in a bombing in Karachi on Monday.", ATTACK),
     {"participant": {"China"}}),
    (Case("A Canadian aid worker was wounded in an attack in Kabul on Monday.", ATTACK),
     {"participant": {"Canada"}}),
    # the source of the news is not an actor
    (Case("Peacekeepers were deployed to Bangui on Monday, France's foreign ministry said.", DEPLOY),
     {"participant": {"France"}}),
    (Case("Soldiers were deployed to Juba on Monday, Uganda's state broadcaster reported.", DEPLOY),
     {"participant": {"Uganda"}}),
    (Case("Kenya sent troops to Haiti on Monday, an American agency reported.", DEPLOY,
          {"participant": {"Kenya"}}), {"participant": {"United States"}}),
    # a background aside about another state's deed
    (Case("Turkish troops clashed with Kurdish fighters near Qamishli on Monday, in a region "
          "where Russian troops have long patrolled the roads.", CLASH, {"participant": {"Turkey"}}),
     {"participant": {"Russia"}}),
    (Case("Nigerian soldiers were deployed to Maiduguri on Monday, months after Chad withdrew "
          "its troops from the region.", DEPLOY), {"participant": {"Chad"}}),
    # the state attacked is not the attacker
    (Case("Ukrainian officials said a Russian missile strike hit Odessa on Monday.", ATTACK,
          {"participant": {"Russia"}}), {"participant": {"Ukraine"}}),
    # a state named as a place is not an actor
    (Case("Gunmen attacked a police station in Mexico on Monday.", ATTACK),
     {"participant": {"Mexico"}}),
    (Case("Protesters clashed with police in Bolivia's capital on Monday.", "CivilUnrest"),
     {"participant": {"Bolivia"}}),
]


@pytest.mark.parametrize("case,absent", NOT_PARTICIPANTS, ids=lambda x: str(x) if isinstance(x, Case) else "")
def test_who_does_not_take_part(case, absent):
    check_lacks(case, absent)
