"""How many: deaths, injured, arrests and troops as reports phrase them; a part is never the total,
a count belongs to its own event, and a rising toll is told by its latest figure."""
import pytest

from tests.challenge.support import Case, check, check_lacks

DEPLOY, UNREST, ATTACK, CLASH = "MilitaryDeployment", "CivilUnrest", "Attack", "ArmedClash"

COUNTED = [
    # deaths
    Case("Security forces shot dead 22 demonstrators in Khartoum on Monday.", UNREST, {"deaths": {22}}),
    Case("The toll stands at 80 after a week of riots in Nairobi.", UNREST, {"deaths": {80}}),
    Case("A roadside bomb in Kandahar kills 9 soldiers.", ATTACK, {"deaths": {9}}),
    Case("At least 14 people died when protesters and police clashed in Kinshasa on Monday.", UNREST,
         {"deaths": {14}}),
    Case("Riots in Johannesburg left 72 dead last week.", UNREST, {"deaths": {72}}),
    Case("Two soldiers lost their lives in a clash with militants in Quetta on Monday.", CLASH,
         {"deaths": {2}}),
    Case("Fighting between rival militias in Tripoli killed 32 people on Monday.", CLASH, {"deaths": {32}}),
    Case("The number of people killed in the protests in Nairobi rose to 23 on Monday.", UNREST,
         {"deaths": {23}}),
    Case("The death toll from the unrest in Dakar climbed to 27 on Monday.", UNREST, {"deaths": {27}}),
    Case("The riots in Port-au-Prince have claimed 9 lives since Monday.", UNREST, {"deaths": {9}}),
    Case("Police gunned down 15 protesters in Yangon on Monday.", UNREST, {"deaths": {15}}),
    # injured
    Case("Protests in La Paz turned violent on Monday and 60 people sought treatment for tear gas.",
         UNREST, {"injured": {60}}),
    Case("More than 100 people were hurt in the protests in Lima on Monday.", UNREST, {"injured": {100}}),
    Case("Protests in Paris on Monday left 45 police officers injured.", UNREST, {"injured": {45}}),
    Case("Fifteen people were wounded in clashes between protesters and police in Islamabad.", UNREST,
         {"injured": {15}}),
    Case("Hospitals in Bogota treated 38 people after the protests on Monday.", UNREST, {"injured": {38}}),
    # both
    Case("A suicide bombing in Peshawar on Monday left 17 people dead and 40 injured.", ATTACK,
         {"deaths": {17}, "injured": {40}}),
    Case("A bomb attack on a bus in Quetta killed eight and wounded 22 on Monday.", ATTACK,
         {"deaths": {8}, "injured": {22}}),
    # arrests
    Case("Police arrested 230 protesters in Tbilisi on Monday.", UNREST, {"arrests": {230}}),
    Case("Authorities detained 1,000 people during protests in Tehran on Monday.", UNREST,
         {"arrests": {1000}}),
    Case("Over 500 demonstrators were taken into custody in Minsk on Monday.", UNREST, {"arrests": {500}}),
    Case("Police said 300 people had been rounded up after the riots in Dhaka on Monday.", UNREST,
         {"arrests": {300}}),
    Case("Protests continued in Yerevan on Monday, and some 150 people were behind bars by the evening.",
         UNREST, {"arrests": {150}}),
    # troops
    Case("Mali sent 1,200 soldiers to Menaka on Monday.", DEPLOY, {"troops": {1200}}),
    Case("Rwanda deployed a 1,000-strong force to Cabo Delgado on Monday.", DEPLOY, {"troops": {1000}}),
    Case("A contingent of 450 Fijian peacekeepers arrived in the Golan Heights on Monday.", DEPLOY,
         {"troops": {450}}),
]


@pytest.mark.parametrize("case", COUNTED, ids=str)
def test_counted(case):
    check(case)


NOT_THE_COUNT = [
    # a part is not the total
    (Case("Gunmen attacked a police post in Borno on Monday, killing 12 people, including 5 police "
          "officers.", ATTACK, {"deaths": {12}}), {"deaths": {5}}),
    (Case("Protesters clashed with police in Dhaka on Monday; 60 people were injured, 40 of them "
          "seriously.", UNREST, {"injured": {60}}), {"injured": {40}}),
    (Case("The death toll from the riots in Senegal rose to 16 on Monday; four of the dead were in "
          "the capital.", UNREST, {"deaths": {16}}), {"deaths": {4}}),
    (Case("A bomb attack hit a market in Mogadishu on Monday, killing 9 soldiers, 4 police officers "
          "and 3 civilians.", ATTACK), {"deaths": {9, 4, 3}}),
    (Case("Seven police officers and three soldiers were killed in an attack on a checkpoint in "
          "Burkina Faso on Monday.", ATTACK), {"deaths": {7, 3}}),
    (Case("Police in Lagos arrested 20 protesters on Monday, including 3 journalists.", UNREST,
          {"arrests": {20}}), {"arrests": {3}}),
    (Case("Clashes in Tripoli killed 30 people on Monday, 12 of them fighters.", CLASH,
          {"deaths": {30}}), {"deaths": {12}}),
    (Case("The death toll from the riots in Cape Town rose to 12, including 2 children.", UNREST,
          {"deaths": {12}}), {"deaths": {2}}),
    (Case("Police detained 40 protesters in Minsk on Monday; 15 of them were later released.", UNREST,
          {"arrests": {40}}), {"arrests": {15}}),
    (Case("Of the 25 people arrested at protests in Harare on Monday, 10 were students.", UNREST,
          {"arrests": {25}}), {"arrests": {10}}),
    (Case("An attack on a checkpoint in Sinai killed 4 soldiers on Monday; 2 of the dead were "
          "officers.", ATTACK, {"deaths": {4}}), {"deaths": {2}}),
    # a casualty count is no troop count; killed-or-wounded is no death toll
    (Case("Clashes erupted between troops and rebels near Beni on Monday and 11 troops were wounded.",
          CLASH, {"injured": {11}}), {"troops": {11}}),
    (Case("Rebels attacked an army base in Niger on Monday; 30 soldiers were killed or wounded.",
          ATTACK), {"deaths": {30}, "injured": {30}}),
    (Case("At least 50 people were killed or injured in the riots in Port-au-Prince on Monday.",
          UNREST), {"deaths": {50}, "injured": {50}}),
    (Case("Ukraine said 25 soldiers died or were wounded when Russian forces attacked Bakhmut on Monday.",
          ATTACK), {"deaths": {25}}),
    # a crowd is no casualty or arrest count
    (Case("Protests in Bogota on Monday drew 5,000 people, and police arrested 12.", UNREST,
          {"arrests": {12}}), {"arrests": {5000}, "injured": {5000}}),
    # a count belongs to the event its clause is about
    (Case("Ghana sent 200 soldiers to Mali on Monday to join a 3,000-strong force that West "
          "African states deployed last year.", DEPLOY, {"troops": {200}}), {"troops": {3000}}),
    (Case("Chad deployed 400 troops to Niger on Monday, a year after Benin sent a 1,500-strong "
          "contingent to the region.", DEPLOY, {"troops": {400}}), {"troops": {1500}}),
]


@pytest.mark.parametrize("case,absent", NOT_THE_COUNT, ids=lambda x: str(x) if isinstance(x, Case) else "")
def test_not_the_count(case, absent):
    check_lacks(case, absent)


def test_office_holders_counted_are_the_arrest_not_the_crowd():
    text = ("Protests swept Tbilisi on Monday, and police arrested opposition leader Nika Melia. "
            "Two members of parliament were detained with him.")
    check(Case(text, "Arrest", {"arrests": {2}}))
    check_lacks(Case(text, UNREST), {"arrests": {2}})


RISING = (
    "Protests erupted in Conakry on Monday and 2 people were killed. By Tuesday the death toll had "
    "risen to 5. Officials said on Wednesday that 18 people had died in the protests. On Thursday "
    "the toll stood at at least 35.")


def test_a_rising_toll_is_its_latest_figure():
    check_lacks(Case(RISING, UNREST, {"deaths": {35}}), {"deaths": {2, 5, 18}})


def test_a_rising_injury_count_is_its_latest_figure():
    text = ("Riots broke out in Colombo on Monday and 10 people were injured. By Wednesday the number "
            "of injured had risen to 45.")
    check_lacks(Case(text, UNREST, {"injured": {45}}), {"injured": {10}})
