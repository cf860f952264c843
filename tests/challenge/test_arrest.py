"""Arrest: named people arrested, detained, taken into custody, held or apprehended.

Every sentence here is written for the suite. Negatives are threatened, demanded, attempted or
denied arrests, warrants (an arrest still to come), counts of unnamed people (a count on the
unrest, not an Arrest) and other senses ("cardiac arrest", "arrested development",
"detention centres", "talks were held").
"""
import pytest

from tests.challenge.support import Case, check, check_absent, events_of, facts_of

A = "Arrest"

POSITIVE = [
    Case("Police arrested opposition leader Ousmane Diop in Dakar on Monday.", A,
         {"participant": {"Ousmane Diop"}, "location": {"Dakar"}, "date": {"2023-05-08"}}),
    Case("Former president Carlos Mendes was detained in Brasilia on Tuesday.", A,
         {"participant": {"Carlos Mendes"}, "location": {"Brasília"}, "date": {"2023-05-09"}}),
    Case("Activist Maria Kalinina was taken into custody in Minsk on Wednesday.", A,
         {"participant": {"Maria Kalinina"}, "location": {"Minsk"}, "date": {"2023-05-10"}}),
    Case("Imran Khan arrested in Islamabad", A, {"participant": {"Imran Khan"}, "location": {"Islamabad"}}),
    Case("The arrest of Alexei Navalny at a Moscow airport on Sunday sparked protests.", A,
         {"participant": {"Alexei Navalny"}, "date": {"2023-05-07"}}),
    Case("Authorities in Tehran apprehended the rapper Reza Tavakoli on Monday.", A,
         {"participant": {"Reza Tavakoli"}, "location": {"Tehran"}, "date": {"2023-05-08"}}),
    Case("Protest leader Omar Diallo was picked up by police in Conakry on Friday.", A,
         {"participant": {"Omar Diallo"}, "location": {"Conakry"}, "date": {"2023-05-12"}}),
    Case("Kenyan police nabbed businessman John Kamau in Mombasa on Thursday.", A,
         {"participant": {"John Kamau"}, "location": {"Mombasa"}, "date": {"2023-05-11"}}),
    Case("Armed officers rounded up journalist Ana Silva and two colleagues in Luanda.", A,
         {"participant": {"Ana Silva"}, "location": {"Luanda"}}),
    Case("Hong Kong police arrest media owner Jimmy Chan", A, {"participant": {"Jimmy Chan"}}),
    Case("Detained on Monday, Sergei Ivanov remains in a cell in Moscow.", A,
         {"participant": {"Sergei Ivanov"}, "date": {"2023-05-08"}}),
    Case("Rights groups say activist Nabeel Hassan has been detained in Manama.", A,
         {"participant": {"Nabeel Hassan"}, "location": {"Manama"}}),
    Case("Turkish authorities detained philanthropist Osman Kaya in Ankara.", A,
         {"participant": {"Osman Kaya"}, "location": {"Ankara"}}),
    Case("Police in La Paz took former interim president Jeanine Rojas into custody on Saturday.", A,
         {"participant": {"Jeanine Rojas"}, "date": {"2023-05-06"}}),
    Case("Opposition leader Kizza Okello was arrested again on Monday.", A,
         {"participant": {"Kizza Okello"}, "date": {"2023-05-08"}}),
    Case("Georgian police detained opposition leader Nika Beridze on Tuesday at his home in Tbilisi.", A,
         {"participant": {"Nika Beridze"}, "date": {"2023-05-09"}}),
    Case("Security forces arrested the governor, Ahmed Musa, in Kano on Monday.", A,
         {"participant": {"Ahmed Musa"}, "location": {"Kano"}, "date": {"2023-05-08"}}),
    Case("The detention of journalist Alsu Karimova in Kazan on Friday drew condemnation.", A,
         {"participant": {"Alsu Karimova"}, "date": {"2023-05-12"}}),
    Case("French police arrested rapper Yasin Benali in Marseille.", A,
         {"participant": {"Yasin Benali"}, "location": {"Marseille"}}),
    Case("Fugitive Carlos Mendez was apprehended in Bogota on Wednesday.", A,
         {"participant": {"Carlos Mendez"}, "location": {"Bogotá"}, "date": {"2023-05-10"}}),
    Case("Cambodia arrests opposition leader Kem Sovann on treason charges", A,
         {"participant": {"Kem Sovann"}}),
    Case("Tunisian police arrest Rached Ghannouchi at his home in Tunis", A,
         {"participant": {"Rached Ghannouchi"}, "location": {"Tunis"}}),
    Case("Journalist Hope Moyo was arrested for the third time in Harare.", A,
         {"participant": {"Hope Moyo"}, "location": {"Harare"}}),
    Case("Military police in Bamako arrested Colonel Issa Traore on Thursday.", A,
         {"participant": {"Issa Traore"}, "location": {"Bamako"}, "date": {"2023-05-11"}}),
    Case("Officers handcuffed activist Liam Byrne outside parliament in Dublin on Saturday.", A,
         {"participant": {"Liam Byrne"}, "location": {"Dublin"}, "date": {"2023-05-06"}}),
    Case("Rights lawyer Li Wei was seized by state security agents in Beijing.", A,
         {"participant": {"Li Wei"}, "location": {"Beijing"}}),
    Case("Student leader Eduardo Lopez is being held in custody in Managua.", A,
         {"participant": {"Eduardo Lopez"}, "location": {"Managua"}}),
    Case("Blogger Tran Minh has been held without charge since Monday.", A,
         {"participant": {"Tran Minh"}}),
    Case("Pakistani rangers arrested former prime minister Imran Khan in Islamabad on Tuesday.", A,
         {"participant": {"Imran Khan"}, "location": {"Islamabad"}, "date": {"2023-05-09"}}),
    Case("Police in Yerevan detained at least 20 protesters, among them activist Davit Petrosyan.", A,
         {"participant": {"Davit Petrosyan"}, "location": {"Yerevan"}}),
    Case("Ahmed Musa's arrest in Kano came hours after the vote.", A,
         {"participant": {"Ahmed Musa"}, "location": {"Kano"}}),
    Case("Police in Athens charged and arrested lawmaker Nikos Pappas on Monday.", A,
         {"participant": {"Nikos Pappas"}, "location": {"Athens"}, "date": {"2023-05-08"}}),
    Case("Nicaragua detains opposition figure Rolando Alvarez", A, {"participant": {"Rolando Alvarez"}}),
    Case("Opposition politician Adama Barrow was arrested by soldiers in Banjul on Sunday.", A,
         {"participant": {"Adama Barrow"}, "location": {"Banjul"}, "date": {"2023-05-07"}}),
    Case("Indian police have detained Sikh preacher Amritpal Singh in Punjab.", A,
         {"participant": {"Amritpal Singh"}}),
    Case("Canadian officers placed trucker Pat King under arrest in Ottawa on Friday.", A,
         {"participant": {"Pat King"}, "location": {"Ottawa"}, "date": {"2023-05-12"}}),
    Case("Anna Berg, a climate campaigner, was led away by police in Stockholm on Thursday.", A,
         {"participant": {"Anna Berg"}, "location": {"Stockholm"}, "date": {"2023-05-11"}}),
    Case("Peruvian police captured rebel leader Victor Quispe in Lima on Wednesday.", A,
         {"participant": {"Victor Quispe"}, "location": {"Lima"}, "date": {"2023-05-10"}}),
    Case("Uzbek border guards detained opposition blogger Otabek Sadikov at Tashkent airport.", A,
         {"participant": {"Otabek Sadikov"}}),
    Case("Former minister Ivan Gorin surrendered to police in Kyiv on Monday.", A,
         {"participant": {"Ivan Gorin"}, "location": {"Kyiv"}, "date": {"2023-05-08"}}),
    Case("The jailing of opposition leader Juan Perez on Tuesday sparked riots in Caracas.", A,
         {"participant": {"Juan Perez"}, "date": {"2023-05-09"}}),
    Case("Former president Omar Sesay began serving a five-year term in Freetown on Wednesday.", A,
         {"participant": {"Omar Sesay"}, "location": {"Freetown"}, "date": {"2023-05-10"}}),
    Case("Activist Nadia Saleh turned herself in at a police station in Amman on Friday.", A,
         {"participant": {"Nadia Saleh"}, "location": {"Amman"}, "date": {"2023-05-12"}}),
    Case("Rights lawyer Paul Mwale was whisked away by plain-clothes police in Lusaka on Monday.", A,
         {"participant": {"Paul Mwale"}, "location": {"Lusaka"}, "date": {"2023-05-08"}}),
    Case("Opposition leader Kemi Adeyemi was put behind bars in Abuja on Tuesday.", A,
         {"participant": {"Kemi Adeyemi"}, "location": {"Abuja"}, "date": {"2023-05-09"}}),
    Case("Police took journalist Sam Kato in for questioning in Kampala on Monday.", A,
         {"participant": {"Sam Kato"}, "location": {"Kampala"}, "date": {"2023-05-08"}}),
    Case("Moroccan authorities arrested journalist Omar Radi in Rabat on Monday.", A,
         {"participant": {"Omar Radi"}, "location": {"Rabat"}, "date": {"2023-05-08"}}),
    # the crowd before "and" is what the first verb was done to, not who was arrested
    Case("On Tuesday police fired tear gas at protesters in Nairobi and arrested the opposition leader "
         "Jomo Wekesa.", A, {"participant": {"Jomo Wekesa"}, "location": {"Nairobi"}, "date": {"2023-05-09"}}),
    Case("Riot police dispersed demonstrators in Dhaka and detained the student leader Rafiq Ahmed on "
         "Sunday.", A, {"participant": {"Rafiq Ahmed"}, "location": {"Dhaka"}, "date": {"2023-05-07"}}),
    # a number in a date before a comma is no count of the arrested
    Case("On May 9, police arrested the opposition leader Amir Hadi in Tehran.", A,
         {"participant": {"Amir Hadi"}, "date": {"2023-05-09"}}),
]

NO_EVENT = [
    Case("Prosecutors said they would seek the arrest of former minister Daniel Oduya.", None),
    Case("The court in Nairobi rejected a request to detain businessman Peter Kamau.", None),
    Case("Journalist Amina Yusuf said she feared being arrested if she returned to Kano.", None),
    Case("Police threatened to arrest anyone who joined the march.", None),
    Case("The court refused to order the arrest of Senator Ana Teixeira.", None),
    Case("An arrest warrant was issued for former president Omar Bashir.", None),
    Case("The court issued a warrant for the arrest of businessman Viktor Orlov.", None),
    Case("Police deny detaining journalist Anna Petrova.", None),
    Case("Actor John Mensah died of cardiac arrest on Monday.", None),
    Case("The drug can cause arrested development in children.", None),
    Case("Lawyer Tomas Berg said his client, Ivan Sokolov, could be detained if he returns.", None),
    Case("Opposition leader Mark Otieno went into hiding to avoid arrest.", None),
    Case("Nobody has been arrested over the killing of journalist Peter Njoroge.", None),
    Case("No one was detained after the death of activist Lina Haddad.", None),
    Case("No arrests have been made in the murder of activist Lina Haddad.", None),
    Case("The government held talks with opposition leader Raila Odinga in Nairobi.", None),
    Case("The summit was held in Addis Ababa, said spokesman Abel Tesfaye.", None),
    Case("Detention centres in Libya are overcrowded, said UN envoy Abdoulaye Bathily.", None),
    Case("If arrested, opposition leader Nelson Chamisa would face treason charges.", None),
    Case("Security forces tried to arrest Congressman Juan Perez, but he escaped.", None),
    Case("Officers were ordered to detain opposition leader Kemi Adeyemi.", None),
    Case("Senator Ana Teixeira faces arrest if she returns to Brazil.", None),
    Case("Authorities have not detained opposition leader Paul Mbeki.", None),
    Case("The police chief, Daniel Okafor, said officers made no arrests at the rally.", None),
    Case("The minister, Pavel Orlov, was held up in traffic on Monday.", None),
    Case("Interior Minister Gerald Martin said there would be arrests.", None),
    Case("Prosecutors sought the arrest of former minister Juan Perez.", None),
    Case("Investigators want to question businessman Viktor Orlov, who fled to Dubai.", None),
    Case("Behind bars for a decade, Nelson Banda wrote three books.", None),
    Case("Police released opposition leader Kizza Okello on bail on Monday.", None),
    Case("Opposition leader Nelson Banda remains at large.", None),
    Case("The cabinet in Rome discussed the detention of migrants.", None),
    Case("Police said they were seeking to detain businessman Viktor Orlov.", None),
    Case("Opposition leader Kemi Adeyemi escaped arrest by fleeing to Ghana.", None),
    Case("Prosecutors want to arrest protest leader Omar Diallo, his lawyer said.", None),
    Case("Police seized two tonnes of cocaine in Guayaquil, commander Luis Vera said.", None),
]

ABSENT = [
    "Police detained 300 people in Paris on Saturday.",
    "Thousands remain in detention after the crackdown in Tehran.",
    "More than 6,000 people were arrested during the protests in Kazakhstan.",
    "The detainees, including activist Rami Aziz, were freed on Friday.",
    "Gunmen seized the airport in Bamako on Monday.",
    "The army seized power in Khartoum on Monday.",
    "Rebels captured the town of Goma, said commander Jean Mbala.",
    "Armed men kidnapped aid worker Julia Novak in Niamey on Monday.",
    "Prime Minister Ivan Petrov resigned on Monday.",
    "Rebel commander Jean Mbala surrendered to United Nations peacekeepers near Goma.",
    "Protesters demanded the arrest of Interior Minister Omar Bashir.",
    "The rally, led by Hope Moyo, was held in Harare on Monday.",
    "The hostages, among them engineer Tom Reed, were held for ten days.",
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_arrest_reported(case):
    check(case)


@pytest.mark.parametrize("case", NO_EVENT, ids=str)
def test_no_arrest_event(case):
    check(case)


@pytest.mark.parametrize("text", ABSENT, ids=lambda t: t[:60])
def test_other_class_not_arrest(text):
    check_absent(text, A)


def test_a_person_recalled_as_detained_is_not_dated_by_the_sentence():
    events = [e for e in events_of("A judge ordered the release of detained journalist Hope Moyo on Monday.")
              if e.type == A]
    assert events and "date" not in facts_of(events[0])
