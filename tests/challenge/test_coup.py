"""Coup: the armed forces (or a part of them) take power: seized power, toppled, ousted, deposed,
overthrew, took over the state broadcaster, dissolved the government.

Every sentence here is written for the suite. Positives are the ways reports tell a coup (headlines,
passives, "the overthrow of", "a military takeover", "mutinous soldiers took over"). Negatives are
plotted, foiled, attempted, failed, feared, rumoured, threatened or denied coups, figurative ones
("a constitutional coup", "a major coup for the channel", "coup de grace"), and ousting or toppling
with no armed party (a vote, a board, shares, storms).

Decided: a coup is power taken. A plot, a foiled, attempted or failed coup took no power and gives
no Coup ("accused of attempting a coup"). Oust, topple, depose and overthrow need an armed party in
the sentence: a parliament or voters that oust a premier make no coup.
"""
import pytest

from tests.challenge.support import Case, check, check_absent, check_lacks, count_of, events_of

C = "Coup"

POSITIVE = [
    Case("The army seized power in Niamey on Wednesday.", C, {"location": {"Niamey"}, "date": {"2023-05-10"}}),
    Case("Soldiers ousted President Ali Bongo in Libreville on Wednesday.", C,
         {"location": {"Libreville"}, "date": {"2023-05-10"}}),
    Case("Mutinous soldiers took over the state broadcaster in Ouagadougou on Friday.", C,
         {"location": {"Ouagadougou"}, "date": {"2023-05-12"}}),
    Case("Military officers toppled the government in Conakry on Sunday.", C,
         {"location": {"Conakry"}, "date": {"2023-05-07"}}),
    Case("Army deposes president in Niger", C, {"country": {"Niger"}}),
    Case("Army officers staged a coup in Conakry on Sunday.", C, {"location": {"Conakry"}, "date": {"2023-05-07"}}),
    Case("The president was overthrown by the military in Khartoum on Monday.", C,
         {"location": {"Khartoum"}, "date": {"2023-05-08"}}),
    Case("Myanmar's military seized power in Naypyidaw on Monday.", C,
         {"location": {"Naypyidaw"}, "date": {"2023-05-08"}}),
    Case("A military takeover in Niamey on Wednesday drew condemnation.", C,
         {"location": {"Niamey"}, "date": {"2023-05-10"}}),
    Case("The presidential guard dissolved the government in Niamey on Wednesday.", C,
         {"location": {"Niamey"}, "date": {"2023-05-10"}}),
    Case("Army ousts president in Gabon", C, {"country": {"Gabon"}}),
    Case("Soldiers announced on state television in Libreville that they had seized power.", C,
         {"location": {"Libreville"}}),
    Case("The coup in Khartoum on Monday left at least 10 people dead.", C,
         {"location": {"Khartoum"}, "date": {"2023-05-08"}, "deaths": {10}}),
    Case("Colonel Mamady Keita and his special forces toppled the president in Conakry.", C,
         {"location": {"Conakry"}}),
    Case("Rebel officers overthrew the elected government in Ouagadougou on Friday.", C,
         {"location": {"Ouagadougou"}, "date": {"2023-05-12"}}),
    Case("Troops surrounded the palace in Niamey and seized power on Wednesday.", C,
         {"location": {"Niamey"}, "date": {"2023-05-10"}}),
    Case("The coup d'etat in Bamako on Tuesday was condemned by the African Union.", C,
         {"location": {"Bamako"}, "date": {"2023-05-09"}}),
    Case("Burkina Faso army captain seizes power", C, {"country": {"Burkina Faso"}}),
    Case("A group of colonels grabbed power in Bamako in August 2020.", C,
         {"location": {"Bamako"}, "date": {"2020-08"}}),
    Case("Mutinous soldiers declared that they had dissolved the government in Libreville.", C,
         {"location": {"Libreville"}}),
    Case("Thailand's army took over the government in Bangkok in May 2014.", C,
         {"location": {"Bangkok"}, "date": {"2014-05"}}),
    Case("The military wrested control of the country from the president in Bamako on Tuesday.", C,
         {"location": {"Bamako"}, "date": {"2023-05-09"}}),
    Case("Soldiers suspended the constitution in Conakry on Sunday.", C,
         {"location": {"Conakry"}, "date": {"2023-05-07"}}),
    Case("A junta seized power in Naypyidaw in February 2021.", C, {"location": {"Naypyidaw"}, "date": {"2021-02"}}),
    Case("The army removed President Hassan Ali from power in Khartoum on Tuesday.", C,
         {"location": {"Khartoum"}, "date": {"2023-05-09"}}),
    Case("Gabon coup: officers seize power after election", C, {"country": {"Gabon"}}),
    Case("The army's overthrow of the president in Niamey on Wednesday stunned the region.", C,
         {"location": {"Niamey"}, "date": {"2023-05-10"}}),
    Case("Tanks rolled through Ouagadougou as the army took power on Friday.", C,
         {"location": {"Ouagadougou"}, "date": {"2023-05-12"}}),
    Case("A second coup in eight months took place in Ouagadougou on Friday.", C,
         {"location": {"Ouagadougou"}, "date": {"2023-05-12"}}),
    Case("Sudan's army chief dissolved the civilian government in Khartoum on Monday.", C,
         {"location": {"Khartoum"}, "date": {"2023-05-08"}}),
    Case("Putschists detained the president in Libreville on Wednesday.", C,
         {"location": {"Libreville"}, "date": {"2023-05-10"}}),
    Case("President Paul Kabore was ousted by the army in Ouagadougou on Monday.", C,
         {"location": {"Ouagadougou"}, "date": {"2023-05-08"}}),
    Case("Army officers in Niger announce they have overthrown the president", C, {"country": {"Niger"}}),
    Case("A military coup ousted the prime minister in Bangkok in 2006.", C, {"location": {"Bangkok"}, "date": {"2006"}}),
    Case("The military took power in Myanmar on February 1, 2021.", C,
         {"country": {"Myanmar"}, "date": {"2021-02-01"}}),
    Case("A putsch in Bamako on Tuesday ended ten years of civilian rule.", C,
         {"location": {"Bamako"}, "date": {"2023-05-09"}}),
    Case("The junta that seized power in Conakry on Sunday closed the borders.", C,
         {"location": {"Conakry"}, "date": {"2023-05-07"}}),
    Case("Renegade soldiers seized control of the country in Bissau on Monday.", C,
         {"location": {"Bissau"}, "date": {"2023-05-08"}}),
    Case("Soldiers seized the state television station in Niamey on Monday.", C,
         {"location": {"Niamey"}, "date": {"2023-05-08"}}),
    Case("The dissolution of the government by soldiers in Niamey on Monday stunned diplomats.", C,
         {"location": {"Niamey"}, "date": {"2023-05-08"}}),
    Case("The army deposed the president in Harare on Wednesday.", C, {"location": {"Harare"}, "date": {"2023-05-10"}}),
    Case("In a bloodless coup on Monday, officers took control of the government in Bangkok.", C,
         {"location": {"Bangkok"}, "date": {"2023-05-08"}}),
    Case("Mutineers toppled President Jean Ndayi in Bangui on Sunday.", C,
         {"location": {"Bangui"}, "date": {"2023-05-07"}}),
    Case("The toppling of the president by the army in Khartoum on Monday surprised diplomats.", C,
         {"location": {"Khartoum"}, "date": {"2023-05-08"}}),
    Case("Mali's military rulers, who took power in a coup in Bamako in 2020, delayed the vote.", C,
         {"location": {"Bamako"}}),
    Case("The army seized power in Khartoum on Monday, killing at least 7 people.", C,
         {"location": {"Khartoum"}, "date": {"2023-05-08"}, "deaths": {7}}),
    Case("The ousting of the president by soldiers in Libreville on Wednesday was the latest coup.", C,
         {"location": {"Libreville"}, "date": {"2023-05-10"}}),
    Case("Mutinous soldiers unseated the president in Ouagadougou on Monday.", C,
         {"location": {"Ouagadougou"}, "date": {"2023-05-08"}}),
    Case("Soldiers took over in Niamey on Wednesday.", C, {"location": {"Niamey"}, "date": {"2023-05-10"}}),
    Case("Soldiers seized the state radio in Niamey and announced the dissolution of the government.", C,
         {"location": {"Niamey"}}),
    Case("Military takes over in Sudan", C, {"country": {"Sudan"}}),
    # told as a noun
    Case("The soldiers detained the president after their seizure of power in Niamey on Monday.", C,
         {"location": {"Niamey"}, "date": {"2023-05-08"}}),
    Case("The military takeover in Bamako on Tuesday drew condemnation.", C,
         {"location": {"Bamako"}, "date": {"2023-05-09"}}),
]

NO_EVENT = [
    "Analysts in Dakar fear a military takeover.",
    "The opposition accused the ruling party of a seizure of power in parliament in Lima.",
    "The military takeover of the airport in Juba ended the siege.",
    "Officials in Bamako said they had foiled a coup plot.",
    "The government said it had thwarted a coup attempt in Conakry.",
    "The opposition accused the president of staging a constitutional coup in Caracas.",
    "Landing the interview was a major coup for the channel.",
    "The general denied planning a coup in Khartoum.",
    "Analysts warned that the army could seize power in Niamey.",
    "Rumours of a coup swept through Bamako on Monday.",
    "Former minister Karim Aliyev was convicted of attempting a coup.",
    "The opposition leader called on the army to overthrow the government.",
    "The striker's coup de grace sealed the win in Madrid.",
    "The army has no intention of taking power, the general said in Bamako.",
    "Thirty soldiers were arrested over an alleged coup plot in Ouagadougou.",
    "Shares toppled on Monday in Tokyo.",
    "Storms toppled trees across Nairobi on Monday.",
    "The military has ruled out a takeover, the army chief said in Bangkok.",
    "A coup would plunge the country into chaos, the president warned in Abuja.",
    "Soldiers in Dakar have never seized power.",
    "The president took power after winning the election in Lusaka.",
    "Fears of a coup grew in Bamako on Monday.",
    "The general is suspected of plotting a coup in Khartoum.",
    "The president said the army might try to overthrow him.",
    "Rebels vowed to overthrow the government in Bangui.",
    "A coup is not the answer, the bishop said in Bamako.",
    "Officers planned to seize power in Conakry, prosecutors said.",
    "Soldiers mutinied over unpaid wages in Bouake on Monday.",
    "The ruling party grabbed power in the 2019 election, critics say.",
    "Security forces arrested soldiers suspected of preparing a putsch in Bamako.",
    "The coup attempt was crushed within hours in Ankara.",
    "A failed coup in Ankara left hundreds dead.",
    "The military refused to take power in Lima.",
    "Voters ousted the ruling party in the election in Lusaka.",
    "The upstart club toppled the champions in Madrid on Sunday.",
    "The minister called the court ruling a judicial coup.",
    "The minister joked that the new menu was a coup for the canteen.",
    "The army seized power stations across the region, the rebels said.",
    "The company's takeover of the bank in Lagos was approved.",
    "Investors ousted the founder of the startup in Nairobi.",
    "Any seizure of power by the army would be illegal, the court ruled.",
    "The president was overthrown by voters in Accra in December.",
    "Leaked documents show the general wanted to depose the king.",
    "The ruling coalition lost power in the election in Nairobi.",
    "Generals denied staging a coup in Naypyidaw.",
    "The army remained loyal and the coup bid failed in Bissau.",
    "Nobody has seized power in Bamako, the spokesman said.",
    "The opposition unseated the president in the election in Lusaka.",
    "The junta in Bamako promised to hand power to civilians in 2024.",
    "Soldiers loyal to the president repelled the putschists in Bissau.",
    "The army warned it would not allow anyone to seize power in Conakry.",
    "Coups have become frequent in West Africa, analysts in Dakar say.",
]

# Other classes: no coup.
OTHER_CLASS = [
    # A government ousted by another state's invasion or intervention fell to it, not to a coup.
    "The old regime was overthrown during the 2003 invasion, the museum guide said.",
    "The militia had been driven out and ousted by a foreign intervention years earlier.",
    "Militants stormed a hotel in Mogadishu on Monday.",
    "Prime Minister Ivan Petrov resigned on Monday.",
    "Rebels seized the town of Gao on Monday.",
    "The army took over security in Karachi on Monday.",
    "Troops took over the airport in Kabul on Monday.",
    "Rebels stormed the government headquarters in Aden on Monday.",
    "Police arrested coup leader Amadou Sanogo in Bamako on Monday.",
    "Parliament ousted Prime Minister Kevin Marsh in a no-confidence vote in Canberra.",
    "The board ousted chief executive Sam Reid in London.",
    "Rebels ousted government troops from the town of Gao on Monday.",
    "Protesters toppled a statue of the former dictator in Bamako on Monday.",
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_coup_reported(case):
    check(case)


@pytest.mark.parametrize("text", NO_EVENT, ids=lambda t: t[:60])
def test_no_coup_event(text):
    check(Case(text, None))


@pytest.mark.parametrize("text", OTHER_CLASS, ids=lambda t: t[:60])
def test_other_class_not_coup(text):
    check_absent(text, C)


# Counts: a coup's dead and wounded; "killed or wounded" is neither.
COUNTS = [
    (Case("The coup in Bamako on Tuesday left 4 soldiers dead and 11 wounded.", C,
          {"deaths": {4}, "injured": {11}, "date": {"2023-05-09"}}), {}),
    (Case("Fighting during the coup in Khartoum killed or wounded 50 people.", C, {"location": {"Khartoum"}}),
     {"deaths": {50}, "injured": {50}}),
    (Case("The army seized power in Conakry on Sunday; 3 guards were killed or wounded.", C,
          {"location": {"Conakry"}}), {"deaths": {3}, "injured": {3}}),
]


@pytest.mark.parametrize("case,absent", COUNTS, ids=lambda c: str(c) if isinstance(c, Case) else "")
def test_coup_counts(case, absent):
    check_lacks(case, absent)


def test_a_coup_has_no_participant():
    # Who seized power is a junta or the army, not a state that takes part (takes_part: none).
    events = [e for e in events_of("Nigerien soldiers seized power in Niamey on Wednesday.") if e.type == C]
    assert events and not any(f.prop == "participant" for f in events[0].facts)


def test_one_coup_told_twice_is_one_event():
    text = ("The army seized power in Niamey on Wednesday. "
            "The coup in Niamey was condemned by neighbouring states.")
    assert count_of(text, C) == 1
