"""ArmedClash: armed forces fighting armed forces or armed groups (clashes, fighting, firefights,
exchanges of fire, skirmishes, gun battles, battles that rage).

Every sentence here is written for the suite. Positives are told the many ways reports tell a fight
(verbs, nouns, headlines, passives), each with its place and day, and its sides when the sentence
names them by a state, a nationality ("Azerbaijani and Armenian forces", "Kyrgyz border guards") or a
possessive ("Germany's soldiers"). Negatives are fights to come, feared, denied or avoided, a
ceasefire or truce alone (the end of no fight told), and other senses: clashing views, a clash of
dates, a clash of civilisations, fighting a fire or inflation, a boxer's fight, a debate.
Protesters against police or troops are unrest, not an armed clash.
"""
import pytest

from tests.challenge.support import Case, check, check_absent, check_lacks, count_of

C = "ArmedClash"
MON, TUE, WED, THU, FRI, SAT, SUN = ("2023-05-08", "2023-05-09", "2023-05-10", "2023-05-11", "2023-05-12",
                                     "2023-05-06", "2023-05-07")


def fact(day: str | None = None, place: str | None = None, sides: set | None = None, **more) -> dict[str, set]:
    facts: dict[str, set] = {}
    if day:
        facts["start"] = {day}
    if place:
        facts["location"] = {place}
    if sides:
        facts["participant"] = sides
    facts.update({k: {v} for k, v in more.items()})
    return facts


AZ_AM = {"Azerbaijan", "Armenia"}

POSITIVE = [
    Case("Azerbaijani and Armenian forces clashed on the border on Tuesday.", C, fact(TUE, sides=AZ_AM)),
    Case("Kyrgyz border guards clashed with Tajik troops near Batken on Monday.", C,
         fact(MON, "Batken", {"Kyrgyzstan", "Tajikistan"})),
    Case("Heavy fighting broke out between the army and rebels in Bamenda on Sunday.", C, fact(SUN, "Bamenda")),
    Case("Troops exchanged fire with militants in Zamfara on Wednesday.", C, fact(WED, "Zamfara")),
    Case("An exchange of fire between Indian and Pakistani soldiers took place along the Line of Control on "
         "Monday.", C, fact(MON, sides={"India", "Pakistan"})),
    Case("Skirmishes between Sudanese army units and paramilitaries erupted in Khartoum on Saturday.", C,
         fact(SAT, "Khartoum", {"Sudan"})),
    Case("Battles raged between government forces and rebels in Tigray on Thursday.", C, fact(THU, "Tigray")),
    Case("A firefight between soldiers and insurgents killed 14 people in Kunduz on Monday.", C,
         fact(MON, "Kunduz", deaths=14)),
    Case("Government troops fought Islamist militants outside Mogadishu on Friday.", C, fact(FRI, "Mogadishu")),
    Case("Clashes between Kosovo police and Serb gunmen left three dead on Sunday.", C,
         fact(SUN, sides={"Kosovo"}, deaths=3)),
    Case("Clashes erupted between Indian and Chinese troops in Ladakh on Tuesday.", C,
         fact(TUE, "Ladakh", {"India", "China"})),
    Case("Ethiopian and Eritrean forces clashed near the border on Monday.", C, fact(MON, sides={"Ethiopia", "Eritrea"})),
    Case("Rebels and soldiers fought a gun battle in Borno on Wednesday.", C, fact(WED, "Borno")),
    Case("Fighting between the Sudanese army and paramilitaries raged in Khartoum on Monday.", C,
         fact(MON, "Khartoum", {"Sudan"})),
    Case("Israeli forces exchanged fire with Hezbollah fighters on the Lebanese border on Sunday.", C,
         fact(SUN, sides={"Israel"})),
    Case("Border clashes between Thailand and Cambodia killed four soldiers on Friday.", C,
         fact(FRI, sides={"Thailand", "Cambodia"}, deaths=4)),
    Case("Armenian and Azerbaijani troops exchanged fire overnight on Tuesday.", C, fact(TUE, sides=AZ_AM)),
    Case("Russian and Ukrainian forces fought for control of the town on Monday.", C,
         fact(MON, sides={"Russia", "Ukraine"})),
    Case("Militants attacked an army post and clashed with soldiers near Gao on Thursday.", C, fact(THU, "Gao")),
    Case("Two rival armed groups clashed in Zamfara on Tuesday, killing 27 people.", C, fact(TUE, "Zamfara", deaths=27)),
    Case("Germany's soldiers came under fire and fought back against insurgents in Kunduz on Monday.", C,
         fact(MON, "Kunduz", {"Germany"})),
    Case("Skirmishes broke out between Kyrgyz and Tajik border guards on Thursday.", C,
         fact(THU, sides={"Kyrgyzstan", "Tajikistan"})),
    Case("Heavy fighting was reported between rebels and the army in Bamenda on Wednesday.", C, fact(WED, "Bamenda")),
    Case("Soldiers battled gunmen for hours in Zamfara on Friday.", C, fact(FRI, "Zamfara")),
    Case("Renewed fighting between government forces and the rebels broke out in Darfur on Saturday.", C,
         fact(SAT, "Darfur")),
    Case("Mali army clashes with jihadists near Timbuktu", C, {"participant": {"Mali"}, "location": {"Timbuktu"}}),
    Case("Sudanese troops battled paramilitary fighters in Omdurman on Sunday.", C, fact(SUN, "Omdurman", {"Sudan"})),
    Case("Security forces engaged militants in a firefight in Peshawar on Monday.", C, fact(MON, "Peshawar")),
    Case("The army and the rebels traded fire in Tigray on Monday.", C, fact(MON, "Tigray")),
    Case("Fighting between Azerbaijan and Armenia killed more than 100 soldiers on Tuesday.", C,
         fact(TUE, sides=AZ_AM, deaths=100)),
    Case("Hostilities between Armenian and Azerbaijani forces resumed on Monday.", C, fact(MON, sides=AZ_AM)),
    Case("Troops repelled insurgents after a three-hour gun battle in Borno on Thursday.", C, fact(THU, "Borno")),
    Case("Kyrgyz and Tajik border guards exchanged gunfire near Batken on Monday.", C,
         fact(MON, "Batken", {"Kyrgyzstan", "Tajikistan"})),
    Case("Clashes between the army and the RSF intensified in Khartoum on Tuesday.", C, fact(TUE, "Khartoum")),
    Case("Intense fighting raged between Russian and Ukrainian troops in Donetsk on Wednesday.", C,
         fact(WED, "Donetsk", {"Russia", "Ukraine"})),
    Case("At least 9 soldiers died in fighting with militants in Borno on Monday.", C, fact(MON, "Borno", deaths=9)),
    Case("Indian and Chinese soldiers brawled on the border in Arunachal Pradesh on Friday.", C,
         fact(FRI, "Arunachal Pradesh", {"India", "China"})),
    Case("An armed clash between Tajik and Kyrgyz troops broke out on Wednesday.", C,
         fact(WED, sides={"Kyrgyzstan", "Tajikistan"})),
    Case("Fighting flared between Somali troops and al-Shabab militants outside Mogadishu on Monday.", C,
         fact(MON, "Mogadishu", {"Somalia"})),
    Case("Pitched battles between the army and separatists were fought in Bamenda on Tuesday.", C,
         fact(TUE, "Bamenda")),
    Case("Nigerian soldiers battled jihadists in Borno on Saturday.", C, fact(SAT, "Borno", {"Nigeria"})),
    Case("Fighting resumed in Khartoum on Thursday between the army and the paramilitaries.", C, fact(THU, "Khartoum")),
    Case("Ukraine's forces clashed with Russian troops near Kharkiv on Sunday.", C,
         fact(SUN, "Kharkiv", {"Ukraine", "Russia"})),
    Case("Militants and security forces exchanged heavy fire in Peshawar on Tuesday.", C, fact(TUE, "Peshawar")),
    Case("Armenia and Azerbaijan accuse each other as border fighting flares", C, {"participant": AZ_AM}),
    Case("Armenia, Azerbaijan trade fire on border", C, {"participant": AZ_AM, "earliestStart": {"2023-05-11"},
                                                          "latestStart": {"2023-05-12"}}),
    Case("India and Pakistan exchange fire along Kashmir frontier", C, {"participant": {"India", "Pakistan"}}),
    Case("Soldiers fought running gun battles with gunmen in Zamfara on Sunday.", C, fact(SUN, "Zamfara")),
    Case("The army said its troops had clashed with rebels in Tigray on Friday.", C, fact(FRI, "Tigray")),
    Case("Pakistani troops returned fire after Afghan border guards opened fire on Sunday.", C,
         fact(SUN, sides={"Pakistan", "Afghanistan"})),
    Case("A shootout between soldiers and gunmen in Zamfara left five dead on Tuesday.", C,
         fact(TUE, "Zamfara", deaths=5)),
    Case("Cross-border firing between Indian and Pakistani troops killed two soldiers on Monday.", C,
         fact(MON, sides={"India", "Pakistan"}, deaths=2)),
    Case("Four militants were killed in an encounter with security forces in Srinagar on Tuesday.", C,
         fact(TUE, "Srinagar", deaths=4)),
    Case("Afghan border guards opened fire on Pakistani troops on Sunday.", C,
         fact(SUN, sides={"Afghanistan", "Pakistan"})),
    Case("An armed confrontation between Kyrgyz and Tajik border guards broke out near Batken on Monday.", C,
         fact(MON, "Batken", {"Kyrgyzstan", "Tajikistan"})),
    Case("Confrontations between soldiers and rebels killed six in Bamenda on Friday.", C,
         fact(FRI, "Bamenda", deaths=6)),
    Case("Sporadic gunfire echoed across Khartoum on Sunday as the army fought the paramilitaries.", C,
         fact(SUN, "Khartoum")),
    Case("Azerbaijani troops violated the ceasefire on the border with Armenia on Monday.", C,
         fact(MON, sides={"Azerbaijan"})),
    Case("Ceasefire violations by Indian and Pakistani troops were reported along the Line of Control on "
         "Tuesday.", C, fact(TUE)),
    # territory taken by force is won in fighting
    Case("Rebels captured the town of Bunagana on Monday.", C, fact(MON)),
    Case("Government troops recaptured the city of Mosul from militants on Tuesday.", C, fact(TUE, "Mosul")),
    Case("Sudanese troops retook several villages near Kadugli on Sunday.", C, fact(SUN)),
    Case("The army said on Friday it had liberated dozens of settlements in the east.", C, {}),
    Case("Officials said they also took back the town of Kidal on Monday.", C, fact(MON)),
    Case("The town of Kidal fell to Tuareg rebels on Monday.", C, fact(MON, "Kidal")),
    Case("Jihadists seized control of the district of Djibo on Thursday.", C, fact(THU)),
]

NO_EVENT = [
    # places captured, taken or fallen in other senses
    Case("The photographer captured the city of Lima at dawn.", None),
    Case("The ruling party took control of the city council in Lima after the vote.", None),
    Case("Share prices fell to their lowest level in Tokyo.", None),
    Case("In the liberated territories, residents removed the occupiers' posters.", None),
    Case("The opposition captured three provinces in the election.", None),
    Case("Government troops failed to recapture the town of Kidal on Monday.", None),
    # other senses of clash, fight, battle, conflict, exchange
    Case("The two sides often clash over water rights in the valley.", None),
    Case("The ministers had clashing views on the budget.", None),
    Case("The professor warned of a clash of civilisations.", None),
    Case("The meeting between the army chief and the rebel leader was a clash of wills.", None),
    Case("Colours clash in the new design, critics said.", None),
    Case("The schedule clashes with the summit in Geneva.", None),
    Case("The two candidates clashed in a televised debate on Monday.", None),
    Case("Ministers clashed over the budget in parliament on Tuesday.", None),
    Case("The clash between the two ministers dominated the cabinet meeting in Rome.", None),
    Case("The lawyers fought the case in court in Nairobi.", None),
    Case("The boxer fought for the world title in Las Vegas on Saturday.", None),
    Case("The fighting spirit of the team impressed fans in Madrid.", None),
    Case("Doctors are fighting a cholera outbreak in Lusaka.", None),
    Case("The president is fighting corruption in Kyiv.", None),
    Case("Firefighters battled a blaze in Athens on Monday.", None),
    Case("The country is battling inflation, the central bank in Ankara said.", None),
    Case("Soldiers battled the flames near Athens on Monday.", None),
    Case("The army is fighting a wildfire near Athens.", None),
    Case("Soldiers fought back tears at the funeral in Kyiv.", None),
    Case("Exchange rates fell in Cairo on Monday.", None),
    Case("The two companies trade fire in court filings in London.", None),
    Case("An exchange of prisoners between Russia and Ukraine took place on Monday.", None),
    Case("An exchange of views between Chinese and Indian officials took place in Delhi.", None),
    Case("The conflict of interest was reported by the soldiers' union.", None),
    Case("A war of words broke out between Moscow and Kyiv on Monday.", None),
    Case("Armenia and Azerbaijan held talks in Brussels on their border dispute.", None),
    Case("The soldiers trained for urban combat near Kyiv.", None),
    Case("Military exercises were held near the border by Chinese troops.", None),
    Case("Troops fired warning shots into the air near the border on Monday.", None),
    Case("The fighter jets flew over Warsaw during the parade.", None),
    Case("The ambassador returned to Kyiv on Monday after a chance encounter with the minister.", None),
    # a ceasefire or truce alone ends no fight the text tells of
    Case("A ceasefire took hold in Tigray on Monday.", None),
    Case("A truce between the army and the rebels has held since Monday.", None),
    Case("The ceasefire between Israel and Hamas was extended on Monday.", None),
    Case("Sudan's warring parties signed a truce in Jeddah on Saturday.", None),
    Case("A fragile truce took hold in Tigray.", None),
    # feared, threatened, hypothetical, denied or avoided fights
    Case("Fighting could resume between the army and rebels near Goma, the UN warned.", None),
    Case("Both armies said they would avoid any clash on the border.", None),
    Case("The two armies agreed to avoid any fighting on the border.", None),
    Case("There were no clashes between the two armies, the ministry said.", None),
    Case("The general denied that troops had clashed with rebels near Gao.", None),
    Case("The army denied reports of fighting near Gao.", None),
    Case("Troops might clash with militants if talks fail, analysts said.", None),
    Case("Indian and Pakistani troops could clash again, analysts warned.", None),
    Case("The army prepared for a possible clash with rebels near Goma.", None),
    Case("The minister warned of a military conflict with Azerbaijan if talks failed.", None),
    Case("The rebels threatened to attack government forces in Tigray.", None),
    Case("The rebels vowed to keep fighting in Tigray.", None),
    Case("Diplomats fear that fighting between the army and rebels may spread to Bamenda.", None),
    Case("Observers said clashes between the two armies were unlikely.", None),
    # a habit is no event of a day
    Case("Rival militias often clash over smuggling routes in Libya.", None),
    Case("Indian and Bangladeshi border guards frequently exchange fire along the frontier.", None),
]

OTHER_CLASS = [
    "Protesters clashed with riot police in Lima on Monday.",
    "Demonstrators fought running battles with troops in Yangon on Sunday.",
    "Crowds clashed with soldiers outside the palace in Conakry on Monday.",
    "Rioters and police fought in the streets of Dakar on Tuesday.",
    "Russian missiles struck Kyiv on Monday.",
    "Gunmen ambushed a convoy near Gao on Monday.",
    # one side firing is a crackdown or an attack, not a fight between two
    "Security forces opened fire with automatic weapons in Yangon on Monday, witnesses said.",
    "Soldiers opened fire on a crowd in Conakry on Tuesday.",
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_clash(case):
    check(case)


@pytest.mark.parametrize("case", NO_EVENT, ids=str)
def test_no_clash(case):
    check(case)


@pytest.mark.parametrize("text", OTHER_CLASS, ids=lambda t: t[:60])
def test_not_a_clash(text):
    check_absent(text, C)


# The sides are the states whose forces fight, not a state merely named (whose border it is, who reports it).
SIDES = [
    (Case("Kyrgyz border guards clashed with Tajik troops on Monday, the Russian foreign ministry said.", C,
          {"participant": {"Kyrgyzstan", "Tajikistan"}}), {"participant": {"Russia"}}),
    (Case("Germany's soldiers fought insurgents in Kunduz on Monday, officials in Berlin said.", C,
          {"participant": {"Germany"}}), {"participant": {"Afghanistan"}}),
    (Case("Azerbaijani and Armenian forces clashed on Tuesday, days after talks hosted by France.", C,
          {"participant": AZ_AM}), {"participant": {"France"}}),
]


@pytest.mark.parametrize("case,absent", SIDES, ids=lambda x: str(x) if isinstance(x, Case) else "")
def test_clash_sides(case, absent):
    check_lacks(case, absent)


COUNTS = [
    Case("Fighting between the army and rebels in Tigray has killed hundreds; the toll stands at 80 in "
         "Mekelle alone.", C, {"deaths": {80}}),
    Case("Clashes between Kyrgyz and Tajik troops left 24 dead and 87 wounded on Monday.", C,
         {"deaths": {24}, "injured": {87}}),
    Case("The death toll from the fighting between the army and paramilitaries in Khartoum rose to 180 on Tuesday.", C, {"deaths": {180}}),
    Case("Fighting between soldiers and militants in Borno killed 31 people on Monday.", C, {"deaths": {31}}),
    Case("Two soldiers were martyred in a gun battle with militants in Peshawar on Monday.", C, {"deaths": {2}}),
]


@pytest.mark.parametrize("case", COUNTS, ids=str)
def test_clash_counts(case):
    check(case)


PARTS = [
    (Case("Clashes between the army and rebels in Tigray killed 25 people, including 12 soldiers.", C,
          {"deaths": {25}}), {"deaths": {12}}),
    (Case("At least 30 soldiers were killed or wounded in fighting with rebels in Bamenda on Monday.", C),
     {"deaths": {30}, "injured": {30}}),
    (Case("Fighting between troops and rebels in Khartoum left 60 wounded on Monday, 40 of them civilians.", C, {"injured": {60}}),
     {"injured": {40}}),
]


@pytest.mark.parametrize("case,absent", PARTS, ids=lambda x: str(x) if isinstance(x, Case) else "")
def test_clash_part_is_not_the_total(case, absent):
    check_lacks(case, absent)


EPISODES = [
    ("Kyrgyz and Tajik border guards clashed near Batken in September 2022. Fresh clashes between Kyrgyz "
     "and Tajik troops broke out near Batken on Monday.", 2),
    ("Fighting broke out between the army and rebels in Tigray on Monday. On Tuesday the fighting in "
     "Tigray spread to more villages.", 1),
]


@pytest.mark.parametrize("text,n", EPISODES, ids=lambda x: x[:50] if isinstance(x, str) else str(x))
def test_clash_episodes(text, n):
    assert count_of(text, C) == n


def test_a_ceasefire_ends_the_fight_told_before_it():
    text = ("Fighting between Armenian and Azerbaijani forces broke out on the border on Monday. "
            "A ceasefire took hold on Wednesday.")
    check(Case(text, C, {"start": {MON}, "end": {WED}}))
    assert count_of(text, C) == 1
