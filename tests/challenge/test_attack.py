"""Attack: a place or people struck by armed men, bombs, shells, missiles or drones.

Every sentence here is written for the suite. Positives are the many ways reports tell an attack
(headlines, passives, nouns, "gunmen opened fire on", "an explosion ripped through"). Negatives are
threatened, planned, feared, foiled or denied attacks, generic ones ("such attacks must stop"), and
other senses: a heart or panic attack, a cyberattack, words that attack a budget or democracy, an
attacking midfielder, storms, a gas explosion, a film that bombed.

Decided: "the group denied any role in the attack" still reports the attack (by someone else); the
denial is of the role, so the group does not take part. A foiled or thwarted attack is no attack; a
repelled or repulsed one is (it was made). "No one was hurt in the attack" denies the toll, not the attack.
Only the forces that struck take part: "a Russian missile strike", "civilians killed by government
troops", never the state struck or whose citizens died.
"""
import pytest

from tests.challenge.support import Case, check, check_absent, check_lacks, count_of

A = "Attack"

POSITIVE = [
    Case("Gunmen opened fire on worshippers at a mosque in Kano on Friday, killing at least 12 people.", A,
         {"location": {"Kano"}, "date": {"2023-05-12"}, "deaths": {12}}),
    Case("Militants stormed a hotel in Mogadishu on Monday.", A,
         {"location": {"Mogadishu"}, "date": {"2023-05-08"}}),
    Case("The storming of the parliament building in Baghdad on Tuesday left 30 people injured.", A,
         {"location": {"Baghdad"}, "date": {"2023-05-09"}, "injured": {30}}),
    Case("Assailants attacked a police station in Peshawar on Wednesday, killing four officers.", A,
         {"location": {"Peshawar"}, "date": {"2023-05-10"}, "deaths": {4}}),
    Case("A roadside bomb killed three soldiers near Kandahar on Sunday.", A,
         {"location": {"Kandahar"}, "date": {"2023-05-07"}, "deaths": {3}}),
    Case("Russian shelling killed two civilians in Kharkiv on Thursday.", A,
         {"participant": {"Russia"}, "location": {"Kharkiv"}, "date": {"2023-05-11"}, "deaths": {2}}),
    Case("Insurgents ambushed an army convoy near Gao on Saturday.", A,
         {"location": {"Gao"}, "date": {"2023-05-06"}}),
    Case("A suicide bomber blew himself up at a checkpoint in Mogadishu on Tuesday, killing nine people.", A,
         {"location": {"Mogadishu"}, "date": {"2023-05-09"}, "deaths": {9}}),
    Case("A drone strike hit a wedding party in Kunduz on Monday.", A,
         {"location": {"Kunduz"}, "date": {"2023-05-08"}}),
    Case("An explosion ripped through a crowded market in Kabul on Wednesday, killing 15 people and wounding 40.", A,
         {"location": {"Kabul"}, "date": {"2023-05-10"}, "deaths": {15}, "injured": {40}}),
    Case("Suspected jihadists raided a village in Borno on Thursday.", A,
         {"location": {"Borno"}, "date": {"2023-05-11"}}),
    Case("Gunmen kill 9 soldiers in northern Mali", A, {"deaths": {9}, "country": {"Mali"}}),
    Case("Rebels shelled the outskirts of Juba on Friday.", A,
         {"location": {"Juba"}, "date": {"2023-05-12"}}),
    Case("Civilians were killed by government troops in Bangui on Sunday.", A,
         {"location": {"Bangui"}, "date": {"2023-05-07"}}),
    Case("A car bomb exploded outside a hotel in Mogadishu on Thursday, killing at least 8 people.", A,
         {"location": {"Mogadishu"}, "date": {"2023-05-11"}, "deaths": {8}}),
    Case("Armed men attacked a bus near Quetta on Monday, killing 11 passengers.", A,
         {"location": {"Quetta"}, "date": {"2023-05-08"}, "deaths": {11}}),
    Case("Police headquarters in Kirkuk came under attack on Tuesday.", A,
         {"location": {"Kirkuk"}, "date": {"2023-05-09"}}),
    Case("Israeli air strikes hit Gaza on Monday.", A,
         {"participant": {"Israel"}, "location": {"Gaza Strip"}, "date": {"2023-05-08"}}),
    Case("Attackers set fire to a church in Kano on Saturday.", A,
         {"location": {"Kano"}, "date": {"2023-05-06"}}),
    Case("A grenade attack on a bar in Juba wounded 20 people on Sunday.", A,
         {"location": {"Juba"}, "injured": {20}, "date": {"2023-05-07"}}),
    Case("Houthi rebels fired missiles at the airport in Aden on Wednesday.", A,
         {"location": {"Aden"}, "date": {"2023-05-10"}}),
    Case("A mortar attack on the base in Gao killed two peacekeepers.", A,
         {"location": {"Gao"}, "deaths": {2}}),
    Case("Unidentified gunmen shot dead a village chief in Zamfara on Monday.", A,
         {"location": {"Zamfara"}, "date": {"2023-05-08"}}),
    Case("Explosion rips through Kabul mosque, kills 20", A, {"location": {"Kabul"}, "deaths": {20}}),
    Case("Suicide bombing at Peshawar mosque kills 59", A, {"location": {"Peshawar"}, "deaths": {59}}),
    Case("At least 30 people died when gunmen attacked a village in Katsina on Sunday.", A,
         {"location": {"Katsina"}, "date": {"2023-05-07"}}),
    Case("Jihadists killed 12 soldiers in an ambush near Gao on Thursday.", A,
         {"location": {"Gao"}, "date": {"2023-05-11"}}),
    Case("Missiles struck an apartment block in Dnipro on Saturday, killing 40 people.", A,
         {"location": {"Dnipro"}, "date": {"2023-05-06"}, "deaths": {40}}),
    Case("Artillery pounded the outskirts of Aleppo on Friday.", A,
         {"location": {"Aleppo"}, "date": {"2023-05-12"}}),
    Case("Terrorists bombed a railway line near Lahore on Tuesday.", A,
         {"location": {"Lahore"}, "date": {"2023-05-09"}}),
    Case("An assailant stabbed three people outside a school in Manila on Monday.", A,
         {"location": {"Manila"}, "date": {"2023-05-08"}}),
    Case("A drone attack on Kyiv on Tuesday killed three people.", A,
         {"location": {"Kyiv"}, "date": {"2023-05-09"}}),
    Case("Fighters loyal to a warlord stormed the presidential palace in Sanaa on Sunday.", A,
         {"location": {"Sanaa"}, "date": {"2023-05-07"}}),
    Case("Bandits raided three villages in Zamfara on Saturday, killing 25 people.", A,
         {"location": {"Zamfara"}, "date": {"2023-05-06"}, "deaths": {25}}),
    Case("An IED hit a patrol near Kandahar on Friday, wounding four soldiers.", A,
         {"location": {"Kandahar"}, "date": {"2023-05-12"}, "injured": {4}}),
    Case("A blast at a mosque in Quetta killed 14 worshippers on Friday.", A,
         {"location": {"Quetta"}, "date": {"2023-05-12"}, "deaths": {14}}),
    Case("Sudanese warplanes bombed a market in Khartoum on Sunday.", A,
         {"participant": {"Sudan"}, "location": {"Khartoum"}, "date": {"2023-05-07"}}),
    Case("Insurgents launched a rocket attack on the airport in Herat on Monday.", A,
         {"location": {"Herat"}, "date": {"2023-05-08"}}),
    Case("Two soldiers were killed and five wounded when militants attacked a base near Gao.", A,
         {"location": {"Gao"}}),
    Case("Gunmen open fire on bus in Karachi", A, {"location": {"Karachi"}}),
    Case("A bomb went off at a bus station in Kano on Wednesday.", A,
         {"location": {"Kano"}, "date": {"2023-05-10"}}),
    Case("A massacre of villagers in Katsina on Monday left 40 dead.", A,
         {"location": {"Katsina"}, "date": {"2023-05-08"}}),
    Case("A hotel in Mogadishu was attacked by militants on Friday.", A,
         {"location": {"Mogadishu"}, "date": {"2023-05-12"}}),
    Case("The attack on the army base in Kano on Monday killed seven soldiers, including two officers.", A,
         {"location": {"Kano"}, "date": {"2023-05-08"}, "deaths": {7}}),
    Case("Rockets slammed into a residential district of Kharkiv on Sunday.", A,
         {"location": {"Kharkiv"}, "date": {"2023-05-07"}}),
    Case("A suicide car bomb targeted a military convoy near Mosul on Tuesday.", A,
         {"location": {"Mosul"}, "date": {"2023-05-09"}}),
    Case("The group denied any role in the attack on the hotel in Mogadishu on Monday.", A,
         {"location": {"Mogadishu"}, "date": {"2023-05-08"}}),
    Case("Attack on Kabul hotel leaves 5 dead", A, {"location": {"Kabul"}}),
    Case("Malian troops shelled a village near Gao on Tuesday.", A,
         {"participant": {"Mali"}, "location": {"Gao"}, "date": {"2023-05-09"}}),
    Case("Five farmers were gunned down by jihadists near Katsina on Monday.", A,
         {"location": {"Katsina"}, "date": {"2023-05-08"}}),
    Case("A man detonated an explosive vest inside a mosque in Peshawar on Friday.", A,
         {"location": {"Peshawar"}, "date": {"2023-05-12"}}),
    Case("Warplanes bombarded rebel positions near Aleppo on Sunday.", A,
         {"location": {"Aleppo"}, "date": {"2023-05-07"}}),
    Case("Villagers were hacked to death by bandits in Zamfara on Saturday.", A,
         {"location": {"Zamfara"}, "date": {"2023-05-06"}}),
    Case("Twin blasts rock Damascus suburb, killing 34", A, {"deaths": {34}, "country": {"Syria"}}),
    Case("Suicide car bomb explodes near Supreme Court in Kabul", A, {"location": {"Kabul"}}),
    Case("No group has claimed responsibility for the bombing in Kabul on Monday.", A,
         {"location": {"Kabul"}, "date": {"2023-05-08"}}),
    Case("No one was hurt in the attack on the embassy in Kabul on Monday.", A,
         {"location": {"Kabul"}, "date": {"2023-05-08"}}),
    Case("Nobody was injured when rockets hit the airport in Baghdad on Sunday.", A,
         {"location": {"Baghdad"}, "date": {"2023-05-07"}}),
    Case("Peacekeepers came under fire near Gao on Monday.", A, {"location": {"Gao"}, "date": {"2023-05-08"}}),
    Case("Gunmen attacked law enforcement officers in Kano on Monday.", A,
         {"location": {"Kano"}, "date": {"2023-05-08"}}),
    Case("The bombing in Quetta on Friday was the deadliest since 2019.", A,
         {"location": {"Quetta"}, "date": {"2023-05-12"}}),
    Case("The government accused rebels of attacking a convoy near Gao on Monday.", A,
         {"location": {"Gao"}, "date": {"2023-05-08"}}),
    Case("The army said it had repulsed an attack on its base near Gao on Monday.", A,
         {"location": {"Gao"}, "date": {"2023-05-08"}}),
    Case("Security forces repelled an assault on the prison in Kabul on Sunday.", A,
         {"location": {"Kabul"}, "date": {"2023-05-07"}}),
    Case("Troops disarmed the rebels who had attacked the base near Gao.", A, {"location": {"Gao"}}),
    Case("A man rammed his car into a crowd in Berlin on Monday, killing 8.", A,
         {"location": {"Berlin"}, "date": {"2023-05-08"}, "deaths": {8}}),
    Case("A grenade was thrown at a police post in Kano on Sunday.", A,
         {"location": {"Kano"}, "date": {"2023-05-07"}}),
    Case("Militants set off a car bomb outside the ministry in Mogadishu on Monday.", A,
         {"location": {"Mogadishu"}, "date": {"2023-05-08"}}),
    Case("Al-Shabaab fighters overran a military base near Mogadishu on Monday.", A,
         {"location": {"Mogadishu"}, "date": {"2023-05-08"}}),
    Case("A landmine killed four soldiers near Kandahar on Monday.", A,
         {"location": {"Kandahar"}, "date": {"2023-05-08"}, "deaths": {4}}),
    Case("The assault on the town of Gao began at dawn on Monday.", A,
         {"location": {"Gao"}, "date": {"2023-05-08"}}),
    Case("Russian forces pounded Kharkiv with artillery on Tuesday.", A,
         {"participant": {"Russia"}, "location": {"Kharkiv"}, "date": {"2023-05-09"}}),
    Case("The blast at the market in Kano killed 12 people on Monday.", A,
         {"location": {"Kano"}, "deaths": {12}, "date": {"2023-05-08"}}),
]

NO_EVENT = [
    "Officials fear that militants could attack polling stations in Maiduguri.",
    "The army said it was ready to repel any attack on the base near Gao.",
    pytest.param("Critics called the new tax an attack on the poor, the newspaper in Accra reported.",
                 marks=pytest.mark.xfail(strict=True, reason="a policy called an attack on a social group is figurative; only named freedoms and institutions are recognised")),
    pytest.param("The striker scored twice as Lagos United attacked from the first whistle.",
                 marks=pytest.mark.xfail(strict=True, reason="a sports team attacking is not told from an armed party yet")),
    "Analysts say drone strikes are becoming more common across the Sahel.",
    "The minister denied reports that a bomb had exploded at the airport in Kabul.",
    "Farmers said locusts were attacking their crops near Kano.",
    "Police defused a bomb found outside a school in Peshawar on Tuesday.",
    "The rebels threatened to attack the capital, Bamako.",
    "Militants are planning to attack government buildings in Kabul, police warned.",
    "Security forces foiled an attack on a church in Lagos on Sunday.",
    "Police in Nairobi thwarted a bomb attack on the stadium.",
    "Such attacks must stop, the UN chief said in Geneva.",
    "The ruling is an assault on democracy, the opposition said in Nairobi.",
    "Singer Tom Banda died of a heart attack in Lagos on Monday.",
    "A cyberattack on the ministry in Kyiv disrupted its website.",
    "A cyber-attack on the ministry in Kyiv disrupted its website.",
    "The senator attacked the budget in a speech in Nairobi on Monday.",
    "She suffered a panic attack before the exam in Dublin.",
    "Arsenal signed an attacking midfielder from Lyon on Monday.",
    "The minister attacked critics of the reform in an interview.",
    "The rebels said they would storm the city within days.",
    "Heavy storms hit Mombasa on Monday.",
    "Storms toppled trees across Nairobi on Monday.",
    "The minister stormed out of the meeting in Abuja on Monday.",
    "The film bombed at the box office in Seoul.",
    "Officials warned of a possible attack on the airport in Kabul.",
    "The ministry denied that its forces had shelled the village.",
    "Rebels have not attacked the town since March.",
    "Army engineers defused a roadside bomb near Kandahar on Monday.",
    "The general ordered the troops to attack at dawn.",
    "Farmers fear renewed attacks by herders in Benue.",
    "A shark attack killed a swimmer off Durban on Sunday.",
    "The army vowed to retaliate against any attack.",
    "Hackers launched a ransomware attack on the hospital in Dublin.",
    "Critics attacked the government's handling of the crisis in Lima.",
    "Asthma attacks are common among children in Delhi.",
    "The president condemned what he called a verbal attack by the opposition.",
    "The opposition accused the government of an attack on free speech.",
    "A gas explosion destroyed a block of flats in Lagos on Monday.",
    "An explosion at a fireworks factory in Manila was caused by a gas leak.",
    "The team stormed to victory in Nairobi on Sunday.",
    "Fans stormed the pitch after the final in Buenos Aires.",
    "Militants had planned to attack the base in Gao, officials said.",
    "No attack was reported in Gao on Monday.",
    "Officials in Kabul said they had averted a suicide bombing.",
    "The editorial attacked the president's plan in Nairobi.",
    "A suicide attack would be devastating, officials warned in Kabul.",
    "Police prevented an attack on the synagogue in Djerba.",
    "Ghana's attacking players struggled in Accra on Sunday.",
    "Opposition leaders attacked the decision in posts on social media.",
    "Shoppers raided the shelves of supermarkets in London on Saturday.",
    "Residents of Kano fear attacks by bandits.",
    "Journalists bombarded the general with questions in Niamey.",
    "A police officer shot dead a suspect in Lagos on Monday.",
    "The bomb squad said the device near the stadium in Lagos was a hoax.",
    "Rebels had not shelled the town for weeks, residents of Gao said.",
    "Attacks on aid workers have become common in the Sahel.",
    "Fans had a blast at the concert in Accra on Saturday.",
    "A blast of cold air hit Moscow on Monday.",
    "Soldiers pounded on the door of the minister in Accra.",
    "The army came under fire for its handling of the floods in Lagos.",
    "The minister came under fire over the budget in Nairobi.",
    "If the rebels attack Gao, the army will respond.",
    "The senator attacked the new law in a speech in Abuja.",
    "The striker put in a storming performance in Madrid on Sunday.",
    "Rebels are believed to be preparing an assault on Gao.",
    "Police in Kano said the explosion was caused by a gas cylinder.",
    "Militants threatened to bomb the airport in Kabul.",
    "The army dropped leaflets warning of air strikes on Gaza.",
    "The student's essay was an assault on grammar, her teacher in Leeds said.",
]

# Other classes: no attack.
OTHER_CLASS = [
    "The army seized power in Niamey on Wednesday.",
    "Protesters marched through Nairobi on Monday.",
    "Police arrested opposition leader Ousmane Diop in Dakar on Monday.",
    "Troops clashed with rebels near Goma on Monday.",
    "Security forces gunned down protesters in Baghdad on Thursday.",
]

# Only the forces that struck take part; the state struck or whose people died does not.
ROLES = [
    (Case("A Russian missile strike hit Kharkiv on Wednesday, killing 9.", A,
          {"participant": {"Russia"}, "deaths": {9}}), {"participant": {"Ukraine"}}),
    (Case("Israeli warplanes bombed targets in Gaza on Monday.", A, {"participant": {"Israel"}}),
     {"participant": {"Palestine"}}),
    (Case("Gunmen killed two Chinese engineers in Karachi on Monday.", A, {"location": {"Karachi"}}),
     {"participant": {"China", "Pakistan"}}),
    (Case("Ukraine said Russian drones struck Lviv on Sunday.", A, {"participant": {"Russia"}}),
     {"participant": {"Ukraine"}}),
    (Case("Russian forces pounded Kharkiv with artillery on Tuesday.", A, {"participant": {"Russia"}}),
     {"participant": {"Ukraine"}}),
    (Case("A drone struck a residential building in Kyiv overnight, killing two people.", A,
          {"location": {"Kyiv"}, "deaths": {2}}), {"participant": {"Ukraine"}}),
    (Case("The group denied any role in the attack on the hotel in Mogadishu on Monday.", A,
          {"location": {"Mogadishu"}}), {"participant": {"Somalia"}}),
    (Case("Nigeria condemned the attack on its embassy in Kabul on Monday.", A, {"location": {"Kabul"}}),
     {"participant": {"Nigeria"}}),
    (Case("Civilians were killed by Sudanese troops in Khartoum on Monday.", A, {"participant": {"Sudan"}}), {}),
    (Case("A Ukrainian drone attack hit Moscow on Tuesday, Russia said.", A,
          {"participant": {"Ukraine"}, "location": {"Moscow"}}), {"participant": {"Russia"}}),
    (Case("Russia launched missiles at the airport in Kyiv on Monday.", A, {"location": {"Kyiv"}}),
     {"participant": {"Ukraine"}}),
]

# Counts: the total, not a part; "killed or wounded" is no death toll.
COUNTS = [
    (Case("Gunmen attacked a market in Kano, killing at least 12 people, including 5 children.", A,
          {"deaths": {12}}), {"deaths": {5}}),
    (Case("The death toll from the bombing in Kabul stands at 80.", A, {"deaths": {80}}), {}),
    (Case("The bombing in Kabul on Monday claimed 30 lives.", A,
          {"deaths": {30}, "location": {"Kabul"}, "date": {"2023-05-08"}}), {}),
    (Case("A suicide bombing in Kabul killed 12 people, among them 3 children.", A, {"deaths": {12}}),
     {"deaths": {3}}),
    (Case("Militants attacked a base near Gao, leaving 30 soldiers killed or wounded.", A,
          {"location": {"Gao"}}), {"deaths": {30}, "injured": {30}}),
    (Case("Jihadists ambushed a patrol near Gao, killing 9 soldiers, 4 police officers and 3 civilians.", A,
          {"location": {"Gao"}}), {"deaths": {9, 4, 3}}),
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_attack_reported(case):
    check(case)


@pytest.mark.parametrize("text", NO_EVENT, ids=lambda t: t[:60])
def test_no_attack_event(text):
    check(Case(text, None))


@pytest.mark.parametrize("text", OTHER_CLASS, ids=lambda t: t[:60])
def test_other_class_not_attack(text):
    check_absent(text, A)


@pytest.mark.parametrize("case,absent", ROLES + COUNTS, ids=lambda c: str(c) if isinstance(c, Case) else "")
def test_attack_roles_and_counts(case, absent):
    check_lacks(case, absent)


def test_one_attack_told_twice_is_one_event():
    text = ("Gunmen attacked a hotel in Mogadishu on Monday. "
            "The attack on the hotel lasted several hours, police said.")
    assert count_of(text, A) == 1


def test_an_attack_told_again_in_later_sentences_is_one_event():
    text = ("Militants stormed a hotel in Mogadishu on Monday, killing 9 people. The siege of the hotel "
            "ended on Tuesday. Police said the attack on the hotel had been prepared for weeks.")
    assert count_of(text, A) == 1


def test_two_targets_in_two_sentences_are_two_attacks():
    text = "Gunmen attacked a church in Kano on Sunday. Hours later, a bomb exploded at a market in Kano."
    assert count_of(text, A) == 2


def test_two_targets_are_two_attacks():
    text = "Militants stormed the airport in Kabul and set fire to a school in Jalalabad on Monday."
    assert count_of(text, A) == 2
