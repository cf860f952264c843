"""MilitaryDeployment: troops sent, flown in, arriving, stationed, called out or on the streets.

Every sentence here is written for the suite. Positives assert the class and the facts a careful
reader takes from the sentence; negatives are planned-but-refused, hypothetical, generic or other
senses of the same words (software deployed, airbags deployed, an invasion of locusts).
"""
import pytest

from tests.challenge.support import Case, check, check_absent

D = "MilitaryDeployment"
LAST_WEEK = {"earliestStart": {"2023-05-01"}, "latestStart": {"2023-05-07"}}

POSITIVES = [
    Case("France sent 500 troops to Mali on Monday.", D,
         {"participant": {"France"}, "country": {"Mali"}, "troops": {500}, "start": {"2023-05-08"}}),
    Case("The United Nations dispatched 300 peacekeepers to South Sudan on Tuesday.", D,
         {"participant": {"United Nations"}, "country": {"South Sudan"}, "troops": {300}, "start": {"2023-05-09"}}),
    Case("Rwandan troops arrived in Mozambique on Wednesday.", D,
         {"participant": {"Rwanda"}, "country": {"Mozambique"}, "start": {"2023-05-10"}}),
    Case("The arrival of Kenyan peacekeepers in Haiti was welcomed by residents of Port-au-Prince.", D,
         {"participant": {"Kenya"}, "country": {"Haiti"}}),
    Case("A contingent of 200 Chadian soldiers was flown to Niger on Sunday.", D,
         {"participant": {"Chad"}, "country": {"Niger"}, "troops": {200}, "start": {"2023-05-07"}}),
    Case("The United States sent military advisers to Ukraine last month.", D,
         {"participant": {"United States"}, "country": {"Ukraine"}, "start": {"2023-04"}}),
    Case("Britain deployed a battalion to Estonia in March.", D,
         {"participant": {"United Kingdom"}, "country": {"Estonia"}, "start": {"2023-03"}}),
    Case("Nigeria launched a counter-terrorism operation in Borno on Monday.", D,
         {"participant": {"Nigeria"}, "location": {"Borno"}, "start": {"2023-05-08"}}),
    Case("Soldiers were deployed on the streets of Lima after days of unrest.", D,
         {"participant": {"Peru"}, "location": {"Lima"}}),
    Case("Troops patrolled the streets of Dakar on Saturday.", D,
         {"participant": {"Senegal"}, "location": {"Dakar"}, "start": {"2023-05-06"}}),
    Case("India sends 100 troops to the Maldives", D,
         {"participant": {"India"}, "country": {"Maldives"}, "troops": {100}}),
    Case("Australia has deployed 150 personnel to the Solomon Islands.", D,
         {"participant": {"Australia"}, "country": {"Solomon Islands"}, "troops": {150}, "start": {"2023-05-12"}}),
    Case("Brazil dispatched army units to Roraima in January.", D,
         {"participant": {"Brazil"}, "location": {"Roraima"}, "start": {"2023-01"}}),
    Case("Some 1,000 Ethiopian soldiers crossed into Somalia on Thursday.", D,
         {"participant": {"Ethiopia"}, "country": {"Somalia"}, "troops": {1000}, "start": {"2023-05-11"}}),
    Case("Japan dispatched Self-Defense Forces personnel to Djibouti.", D,
         {"participant": {"Japan"}, "country": {"Djibouti"}}),
    Case("Pakistan deployed the army in Islamabad on Tuesday.", D,
         {"participant": {"Pakistan"}, "location": {"Islamabad"}, "start": {"2023-05-09"}}),
    Case("Russian paratroopers were sent to Kazakhstan in January 2022.", D,
         {"participant": {"Russia"}, "country": {"Kazakhstan"}, "start": {"2022-01"}}),
    Case("Colombian soldiers were sent into Cauca after the attacks.", D,
         {"participant": {"Colombia"}, "location": {"Cauca"}}),
    Case("Peacekeepers from Bangladesh have arrived in the Central African Republic.", D,
         {"participant": {"Bangladesh"}, "country": {"Central African Republic"}}),
    Case("Senegal contributed 500 troops to the force in Gambia.", D,
         {"participant": {"Senegal"}, "country": {"The Gambia"}, "troops": {500}}),
    Case("Chinese peacekeepers began deploying in Lebanon last week.", D,
         {"participant": {"China"}, "country": {"Lebanon"}, **LAST_WEEK}),
    Case("The deployment of 3,000 Rwandan troops in Cabo Delgado began in July 2021.", D,
         {"participant": {"Rwanda"}, "location": {"Cabo Delgado"}, "troops": {3000}, "start": {"2021-07"}}),
    Case("Poland stationed 1,000 soldiers near its border with Belarus.", D,
         {"participant": {"Poland"}, "troops": {1000}}),
    Case("Mexico deployed 10,000 soldiers to its northern border on Monday.", D,
         {"participant": {"Mexico"}, "troops": {10000}, "start": {"2023-05-08"}}),
    Case("US marines were sent to Haiti to protect the embassy.", D,
         {"participant": {"United States"}, "country": {"Haiti"}}),
    Case("Nigerian troops were airlifted to Sierra Leone on Friday.", D,
         {"participant": {"Nigeria"}, "country": {"Sierra Leone"}, "start": {"2023-05-12"}}),
    Case("Kenyan troops head to the Democratic Republic of the Congo", D,
         {"participant": {"Kenya"}, "country": {"Democratic Republic of the Congo"}}),
    Case("Indonesia sent 600 reinforcements to Papua.", D,
         {"participant": {"Indonesia"}, "location": {"Papua"}}),
    Case("Uganda has deployed troops in the Democratic Republic of the Congo to fight rebels.", D,
         {"participant": {"Uganda"}, "country": {"Democratic Republic of the Congo"}}),
    Case("The army was called out in Lusaka on Friday.", D,
         {"participant": {"Zambia"}, "location": {"Lusaka"}, "start": {"2023-05-12"}}),
    Case("Canada is deploying 400 troops to Latvia.", D,
         {"participant": {"Canada"}, "country": {"Latvia"}, "troops": {400}}),
    Case("Ghanaian peacekeepers took up positions in Lebanon on Monday.", D,
         {"participant": {"Ghana"}, "country": {"Lebanon"}, "start": {"2023-05-08"}}),
    Case("South Africa committed 2,900 troops to the regional force in Mozambique.", D,
         {"participant": {"South Africa"}, "country": {"Mozambique"}, "troops": {2900}}),
    Case("Burundi rushed troops to the border on Tuesday.", D,
         {"participant": {"Burundi"}, "start": {"2023-05-09"}}),
    Case("Ecuador's president ordered troops onto the streets of Guayaquil on Monday.", D,
         {"participant": {"Ecuador"}, "location": {"Guayaquil"}, "start": {"2023-05-08"}}),
    Case("Soldiers fanned out across Port-au-Prince on Sunday.", D,
         {"location": {"Port-au-Prince"}, "start": {"2023-05-07"}}),
    Case("Egypt began a counter-terrorism operation in North Sinai in February.", D,
         {"participant": {"Egypt"}, "location": {"North Sinai"}, "start": {"2023-02"}}),
    Case("Armored vehicles were seen on the streets of Khartoum on Thursday.", D,
         {"location": {"Khartoum"}, "start": {"2023-05-11"}}),
    Case("A battalion of Jordanian peacekeepers was stationed in Kosovo.", D,
         {"participant": {"Jordan"}, "country": {"Kosovo"}}),
    Case("Italian military advisers arrived in Niamey last week.", D,
         {"participant": {"Italy"}, "location": {"Niamey"}, **LAST_WEEK}),
    Case("The Kenyan contingent landed in Port-au-Prince on Saturday.", D,
         {"participant": {"Kenya"}, "location": {"Port-au-Prince"}, "start": {"2023-05-06"}}),
    Case("Hundreds of Russian military personnel were redeployed to Syria.", D,
         {"participant": {"Russia"}, "country": {"Syria"}}),
    Case("Tanks took up positions around the presidential palace in Bamako.", D,
         {"location": {"Bamako"}}),
    Case("Turkey has sent more troops into northern Iraq.", D,
         {"participant": {"Turkey"}, "country": {"Iraq"}, "start": {"2023-05-12"}}),
    Case("The European Union launched a military training mission in Mozambique in November 2021.", D,
         {"participant": {"European Union"}, "country": {"Mozambique"}, "start": {"2021-11"}}),
    Case("Thousands of reservists were called up in Israel on Sunday.", D,
         {"country": {"Israel"}, "start": {"2023-05-07"}}),
    Case("Peacekeepers left for Lebanon on Monday.", D,
         {"country": {"Lebanon"}, "start": {"2023-05-08"}}),
    Case("Bolivia's government called in the army after the riots in La Paz.", D,
         {"participant": {"Bolivia"}}),
    Case("The Indian contingent arrived in Juba last week. It numbers 850 soldiers.", D,
         {"participant": {"India"}, "location": {"Juba"}, **LAST_WEEK}),
]

NO_EVENT = [
    "Poland is ready to send troops to Ukraine.",
    "The chancellor refused calls to deploy the army in Berlin.",
    "The president threatened to send troops to the border.",
    "Opposition leaders demanded that soldiers be deployed in Caracas.",
    "Lawmakers in Tokyo debated whether to deploy soldiers abroad.",
    "The company deployed a new software update on Monday.",
    "She sent a letter to the embassy in Nairobi.",
    "The airbags deployed when the car hit a wall in Lagos.",
    "Kenya offered to send 1,000 police officers to Haiti.",
    "Any intervention in Niger would be a mistake, the minister said.",
    "The minister denied sending troops to Sudan.",
    "Troops should be sent to Goma, the governor said.",
    "The council is considering a peacekeeping mission for Haiti.",
    "An invasion of locusts destroyed crops in Ethiopia.",
    "Fans invaded the pitch in Buenos Aires after the final.",
    "Volunteers were dispatched to help flood victims in Pakistan.",
    "The bank sent staff to its new office in Accra.",
    "Police patrolled the streets of Nairobi on Monday.",
    "Army units will be sent if the violence continues.",
    "Australia sent food and medicine to Tonga on Tuesday.",
    "The space mission was launched from Kazakhstan in 2020.",
    "The EU provided funding to African Union forces in Somalia.",
    "Chile may deploy the army to its northern border.",
    "Parliament voted against deploying troops abroad.",
    "Sending troops is never the answer, the bishop said.",
    "The central bank's intervention in the currency market calmed investors in Ankara.",
    "The minister's arrival in Accra was delayed by fog.",
    "The army stayed in its barracks during the elections in Dakar.",
    "Japan is expected to dispatch troops to Djibouti.",
    "Nigeria has no troops in Niger, the defence ministry said.",
    "Seoul rejected a request to send soldiers to Ukraine.",
    "The prime minister promised to deploy more soldiers to Balochistan.",
    "The army will be deployed to Lima if needed.",
    "Thousands of fans arrived in Doha for the final.",
    "Rescue teams were flown to Turkey after the earthquake.",
    "Canada sent a delegation to the talks in Geneva.",
    "The general warned that troops could enter Kosovo.",
    "China dispatched a team of doctors to Tanzania.",
    "Peacekeeping is a difficult job, soldiers in Cyprus say.",
    "Analysts say a military intervention in Sudan is unlikely.",
    "The opposition called for the army to be sent to Lima.",
    "The startup deployed its chatbot across banks in Singapore.",
    "Surgeons said an early intervention saved the patient in Lagos.",
    "Brazil sent condolences to the families of soldiers killed in Haiti.",
]

# Other classes, or troops going the other way: no deployment.
OTHER_CLASS = [
    "US troops pulled out of Afghanistan in August 2021.",
    "Kenyan soldiers returned home from Somalia on Friday.",
    "All Cuban soldiers were sent home from Angola in 1991.",
    "The soldiers returned fire when attacked near Gao.",
    "The UN peacekeeping mission in Mali closed its last camp in December.",
]


@pytest.mark.parametrize("case", POSITIVES, ids=str)
def test_deployment(case):
    check(case)


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_deployment(text):
    check(Case(text, None))


@pytest.mark.parametrize("text", OTHER_CLASS)
def test_not_a_deployment(text):
    check_absent(text, D)
