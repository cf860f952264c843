"""Resignation: a named person leaves office (resigns, quits, steps down, is sacked or ousted).

Every sentence here is written for the suite. Negatives are demanded, threatened, denied or
hypothetical resignations and other senses of the same words ("dismissed the charges",
"resigned to defeat", "quit smoking", "shots were fired").
"""
import pytest

from tests.challenge.support import Case, check, check_absent

R = "Resignation"

POSITIVE = [
    Case("Finance Minister Petra Lind resigned on Monday.", R,
         {"participant": {"Petra Lind"}, "date": {"2023-05-08"}}),
    Case("Kenyan Interior Minister Samuel Otieno has resigned, his office said.", R,
         {"participant": {"Samuel Otieno"}}),
    Case("Defence Minister Jorge Ramos stepped down on Tuesday after the procurement scandal.", R,
         {"participant": {"Jorge Ramos"}, "date": {"2023-05-09"}}),
    Case("Police chief Anil Mehta stepped aside on Wednesday pending an inquiry.", R,
         {"participant": {"Anil Mehta"}, "date": {"2023-05-10"}}),
    Case("Prime Minister Hugo Fernandes quit as head of the government on Sunday.", R,
         {"participant": {"Hugo Fernandes"}, "date": {"2023-05-07"}}),
    Case("Health Minister Maria Kowalska quit her post over the vaccine contracts.", R,
         {"participant": {"Maria Kowalska"}}),
    Case("The ministry confirmed that its spokesman, Omar Barakat, had quit.", R,
         {"participant": {"Omar Barakat"}}),
    Case("Army chief Tomas Rivera was relieved of his post on Friday.", R,
         {"participant": {"Tomas Rivera"}, "date": {"2023-05-12"}}),
    Case("Anti-corruption chief Peter Mwangi was relieved of his duties in Nairobi on Tuesday.", R,
         {"participant": {"Peter Mwangi"}, "location": {"Nairobi"}, "date": {"2023-05-09"}}),
    Case("The president dismissed Interior Minister Ahmed Karim on Monday.", R,
         {"participant": {"Ahmed Karim"}, "date": {"2023-05-08"}}),
    Case("Moscow's deputy mayor Pavel Orlov was dismissed from his post on Thursday.", R,
         {"participant": {"Pavel Orlov"}, "date": {"2023-05-11"}}),
    Case("The dismissal of army commander Ali Haidar on Tuesday stunned Baghdad.", R,
         {"participant": {"Ali Haidar"}, "date": {"2023-05-09"}}),
    Case("Transport Minister Lena Hoffmann was fired on Wednesday.", R,
         {"participant": {"Lena Hoffmann"}, "date": {"2023-05-10"}}),
    Case("The mayor fired police commissioner Dan Brennan after the riot.", R,
         {"participant": {"Dan Brennan"}}),
    Case("Chancellor Kwasi Kwarteng has been sacked, Downing Street confirmed.", R,
         {"participant": {"Kwasi Kwarteng"}}),
    Case("Prime Minister sacks Home Secretary Julia Marsh", R, {"participant": {"Julia Marsh"}}),
    Case("The sacking of central bank governor Emil Novak on Friday rattled markets in Prague.", R,
         {"participant": {"Emil Novak"}, "date": {"2023-05-12"}}),
    Case("Pakistan's Prime Minister Imran Khan was ousted in a no-confidence vote on Sunday.", R,
         {"participant": {"Imran Khan"}, "date": {"2023-05-07"}}),
    Case("Congress removed President Jorge Salas from office on Wednesday.", R,
         {"participant": {"Jorge Salas"}, "date": {"2023-05-10"}}),
    Case("Lawmakers voted to remove Justice Minister Olena Bondar from her post on Tuesday.", R,
         {"participant": {"Olena Bondar"}, "date": {"2023-05-09"}}),
    Case("The resignation of Foreign Minister Nadia Haddad was announced in Beirut on Friday.", R,
         {"participant": {"Nadia Haddad"}, "location": {"Beirut"}}),
    Case("Governor Mark Delaney announces resignation", R, {"participant": {"Mark Delaney"}}),
    Case("Chief Justice Felix Okoye steps down", R, {"participant": {"Felix Okoye"}}),
    Case("Central bank governor Emil Novak handed in his resignation on Thursday.", R,
         {"participant": {"Emil Novak"}, "date": {"2023-05-11"}}),
    Case("In Madrid, Deputy Prime Minister Carmen Vidal tendered her resignation on Friday.", R,
         {"participant": {"Carmen Vidal"}, "location": {"Madrid"}, "date": {"2023-05-12"}}),
    Case("Resigning in a televised address, Prime Minister Paolo Greco said his coalition had collapsed.", R,
         {"participant": {"Paolo Greco"}}),
    Case("Days after the vote, the speaker of parliament, Kevin Moyo, stepped down.", R,
         {"participant": {"Kevin Moyo"}}),
    Case("Mayor Daniela Ruiz gave up her post in Bogota on Wednesday.", R,
         {"participant": {"Daniela Ruiz"}, "location": {"Bogotá"}, "date": {"2023-05-10"}}),
    Case("Police commissioner Rachel Kamau was forced out on Thursday.", R,
         {"participant": {"Rachel Kamau"}, "date": {"2023-05-11"}}),
    Case("Senator Ana Teixeira was forced to resign as speaker of the senate in Brasilia.", R,
         {"participant": {"Ana Teixeira"}}),
    Case("Foreign Minister Ivan Petrov quits", R, {"participant": {"Ivan Petrov"}}),
    Case("Tunisia's president sacked Prime Minister Hichem Mechichi on Sunday.", R,
         {"participant": {"Hichem Mechichi"}, "date": {"2023-05-07"}}),
    Case("The cabinet in Kathmandu resigned en masse on Wednesday.", R, {"date": {"2023-05-10"}}),
    Case("Ministers resign en masse in Lima", R),
    Case("Electoral commission head Joseph Mensah stood down on Monday.", R,
         {"participant": {"Joseph Mensah"}, "date": {"2023-05-08"}}),
    Case("Sports Minister Kwame Asante has left his post, the presidency said.", R,
         {"participant": {"Kwame Asante"}}),
    Case("Nigeria's army chief, Musa Danjuma, was removed as head of the army on Monday.", R,
         {"participant": {"Musa Danjuma"}, "date": {"2023-05-08"}}),
    Case("Bolivian President Juan Mamani resigns amid protests", R, {"participant": {"Juan Mamani"}}),
    Case("Having lost the party vote, Chancellor Greta Vogel stepped down as leader on Saturday.", R,
         {"participant": {"Greta Vogel"}, "date": {"2023-05-06"}}),
    Case("Opposition leader Nelson Banda was impeached by parliament in Lusaka on Tuesday.", R,
         {"participant": {"Nelson Banda"}, "date": {"2023-05-09"}}),
    Case("Jakarta police chief Budi Santoso was suspended and then dismissed on Friday.", R,
         {"participant": {"Budi Santoso"}, "date": {"2023-05-12"}}),
    Case("Defence Minister Amir Dahan put in his papers on Thursday.", R,
         {"participant": {"Amir Dahan"}, "date": {"2023-05-11"}}),
    Case("Party leader Rosa Lind bowed out on Monday after the defeat.", R,
         {"participant": {"Rosa Lind"}, "date": {"2023-05-08"}}),
    Case("Police chief Anil Mehta was axed on Friday.", R,
         {"participant": {"Anil Mehta"}, "date": {"2023-05-12"}}),
    Case("Kyiv's defence minister Oleh Marchenko was relieved of his duties on Monday.", R,
         {"participant": {"Oleh Marchenko"}, "date": {"2023-05-08"}}),
    # a vote that removes a holder from office
    Case("Congress voted to remove President Pedro Salas in Lima on Wednesday.", R,
         {"participant": {"Pedro Salas"}, "date": {"2023-05-10"}}),
    Case("Parliament voted Prime Minister Mira Kostova out of office on Tuesday.", R,
         {"participant": {"Mira Kostova"}, "date": {"2023-05-09"}}),
]

NO_EVENT = [
    # a vote to come, or one that failed, removes nobody
    Case("Lawmakers will vote next week on whether to remove President Pedro Salas.", None),
    Case("Parliament failed to vote to remove Prime Minister Mira Kostova.", None),
    Case("Opposition parties demanded the resignation of Prime Minister Ali Hassan.", None),
    Case("Opposition leaders called for President Nadia Ruiz to step down.", None),
    Case("The minister refused to resign despite the scandal.", None),
    Case("Prime Minister Tomas Berg said he would not step down.", None),
    Case("Analysts say the governor could be forced to quit.", None),
    Case("The president ruled out resigning.", None),
    Case("The minister denied reports that she had resigned.", None),
    Case("The president threatened to sack the whole cabinet.", None),
    Case("Calls for the governor's resignation grew louder in Lagos.", None),
    Case("If convicted, the mayor will have to resign.", None),
    Case("The minister offered to resign, but the prime minister refused to accept it.", None),
    Case("The new president, Lucia Moreno, was sworn in on Monday.", None),
    Case("Kwame Asante has served as sports minister since 2019.", None),
    Case("The court dismissed the charges against Gen. Ali Haidar.", None),
    Case("The judge dismissed the case against Senator Ana Teixeira on Monday.", None),
    Case("A court in Nairobi dismissed the petition on Tuesday.", None),
    Case("The president dismissed the reports as fake news.", None),
    Case("Dismissing the criticism, Finance Minister Petra Lind said the budget was sound.", None),
    Case("Many Londoners quit smoking last year.", None),
    Case("Fans in Manchester were resigned to defeat after the first half.", None),
    Case("The coach said he had resigned himself to a long season.", None),
    Case("Senator Ana Teixeira stepped down from the podium to greet supporters.", None),
    Case("The president could face impeachment, opposition leader Raila Moyo warned.", None),
    Case("The party's rules require any minister under investigation to step aside.", None),
    Case("The cabinet debated whether Finance Minister Petra Lind should resign.", None),
    Case("Rumours that army chief Tomas Rivera had been dismissed were false.", None),
    Case("The mayor is expected to step down next month.", None),
    Case("A rocket was fired at Kyiv on Monday.", None),
    Case("Sacks of grain were handed out in Mogadishu.", None),
    Case("Finance Minister Petra Lind bowed out of the leadership race on Monday.", None),
    Case("The minister was asked to step down but stayed on.", None),
    Case("Students are pushing for the dismissal of Education Minister Ana Silva.", None),
    Case("Opposition leader Raila Moyo vowed never to step down.", None),
    Case("The governor of Lagos is under pressure to resign.", None),
    Case("Army chief Tomas Rivera retired after 40 years of service.", None),
    Case("Prime Minister Tomas Berg survived a no-confidence vote on Monday.", None),
]

ABSENT = [
    "Soldiers fired on protesters in Khartoum on Monday.",
    "Shots were fired near the home of Senator Ana Teixeira in Manila.",
    "Russia quit the grain deal on Monday.",
    "Britain quit the European Union in 2020.",
    "Sacked factory workers protested outside the ministry in Dhaka on Monday.",
    "The candidate, Mark Otieno, withdrew his candidacy on Monday.",
    "Rebels sacked the town of Goma on Monday.",
    "Protesters want President Jorge Salas to quit.",
    "A bullet fired by soldiers hit the car of Senator Ana Teixeira in Manila.",
    "Police fired tear gas at supporters of Senator Ana Teixeira in Manila on Monday.",
    "Police arrested former minister Pavel Orlov in Moscow on Monday.",
    "The army seized power in Niamey and detained President Mohamed Bazoum.",
    "Parliament declared a state of emergency after Prime Minister Ivan Petrov spoke.",
]


@pytest.mark.parametrize("case", POSITIVE, ids=str)
def test_resignation_reported(case):
    check(case)


@pytest.mark.parametrize("case", NO_EVENT, ids=str)
def test_no_resignation_event(case):
    check(case)


@pytest.mark.parametrize("text", ABSENT, ids=lambda t: t[:60])
def test_other_class_not_resignation(text):
    check_absent(text, R)
