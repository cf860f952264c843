"""Dates a careful reader gives: windows, narrative time, news of the day (kg/extract/timeline.py).

Every text here is written for these tests; publication is Friday 2023-05-12.
"""
from __future__ import annotations

from kg.model import Article, DateValue
from kg.pipeline import extract

PUB = "2023-05-12"


def dates_of(text: str, type_: str, published: str | None = PUB) -> dict[str, set[str]]:
    events = [e for e in extract(Article(text=text, published=published)).events if e.type == type_]
    assert len(events) == 1, [e.type for e in events]
    out: dict[str, set[str]] = {}
    for f in events[0].facts:
        if isinstance(f.value, DateValue):
            out.setdefault(f.prop, set()).add(f.value.iso)
    return out


def test_last_week_is_a_window_never_an_invented_day():
    got = dates_of("Police detained the journalist Tomas Berg in Riga last week.", "Arrest")
    assert got == {"earliestDate": {"2023-05-01"}, "latestDate": {"2023-05-07"}}


def test_a_range_of_days_is_a_window_on_the_start_of_a_lasting_event():
    got = dates_of("Protesters marched through Lusaka on May 3-5.", "CivilUnrest")
    assert got == {"earliestStart": {"2023-05-03"}, "latestStart": {"2023-05-05"}}


def test_a_date_carries_into_the_next_sentence_of_its_paragraph():
    text = ("On May 3 the council in Bamako dissolved parliament. "
            "Soldiers then stormed the state radio building.")
    assert dates_of(text, "Attack") == {"date": {"2023-05-03"}}


def test_a_new_paragraph_starts_a_new_episode():
    text = ("On May 3 the council in Bamako dissolved parliament.\n\n"
            "Soldiers then stormed the state radio building.")
    assert "date" not in dates_of(text, "Attack")


def test_an_aside_recalling_an_earlier_event_is_not_dated_by_the_narrative():
    text = ("Troops left Bamako on May 3. The city airport reopened a week after it was attacked.")
    assert dates_of(text, "Attack") == {}


def test_the_lede_with_no_date_happened_on_the_publication_day_or_the_day_before():
    got = dates_of("Police fired tear gas at protesters in Lusaka.", "CivilUnrest")
    assert got == {"earliestStart": {"2023-05-11"}, "latestStart": {"2023-05-12"}}


def test_news_told_in_the_present_perfect_is_dated_by_the_publication_day():
    assert dates_of("Prime Minister Petra Lind has resigned.", "Resignation") == {"date": {PUB}}


def test_an_undated_event_far_down_the_article_is_left_undated():
    text = ("Ministers met in Riga on Friday to discuss the budget. They agreed on taxes. "
            "They agreed on spending.\n\nThe opposition leader Tomas Berg resigned.")
    assert dates_of(text, "Resignation") == {}


def test_without_a_publication_date_nothing_is_guessed():
    assert dates_of("Police fired tear gas at protesters in Lusaka.", "CivilUnrest", None) == {}


def test_a_year_an_event_is_compared_with_is_not_its_date():
    got = dates_of("Chile sent troops to Bolivia on Saturday, its first such deployment since 1990.",
                   "MilitaryDeployment")
    assert got == {"start": {"2023-05-06"}}


def test_a_day_during_ongoing_unrest_is_not_its_start():
    text = "Police fired tear gas at protesters in Lusaka on Tuesday during ongoing protests over fuel prices."
    assert dates_of(text, "CivilUnrest") == {}


def test_an_event_a_week_before_a_dated_one_is_a_window_around_that_day():
    text = "Ghanaian troops left Liberia on Thursday, a week after they were deployed to Monrovia."
    got = dates_of(text, "MilitaryDeployment")
    assert (got["earliestStart"], got["latestStart"]) == ({"2023-05-03"}, {"2023-05-05"})
    assert "start" not in got  # Thursday is when they left


def test_days_before_a_named_day_is_that_many_days_before():
    text = "The curfew in Bamako was lifted on May 10, three days after gunmen attacked the city hall."
    assert dates_of(text, "Attack") == {"date": {"2023-05-07"}}


def test_now_anchors_an_offset_at_the_publication_day():
    text = "The airport in Accra has now reopened, a week after it was attacked."
    assert dates_of(text, "Attack") == {"earliestDate": {"2023-05-04"}, "latestDate": {"2023-05-06"}}


def test_the_date_of_a_verb_does_not_date_what_it_was_for():
    text = "Troops patrolled the streets of Yerevan on Saturday to contain the demonstrations."
    assert dates_of(text, "MilitaryDeployment") == {"start": {"2023-05-06"}}


def test_news_told_in_the_present_progressive_is_dated_by_the_publication_day():
    assert dates_of("Soldiers are patrolling the streets of Conakry.", "MilitaryDeployment") == {"start": {PUB}}


def test_a_passive_present_perfect_after_the_trigger_is_news_of_the_day():
    got = dates_of("A state of emergency has been declared in the Tigray region.", "StateOfEmergency")
    assert got == {"start": {PUB}}


def test_a_headline_verb_in_the_simple_present_is_news_of_the_day():
    assert dates_of("Defence minister Ivo Maric resigns", "Resignation") == {"date": {PUB}}


def test_a_headline_plural_noun_is_not_a_present_tense_verb():
    got = dates_of("Lagos protests spread to the north", "CivilUnrest")
    assert got == {"earliestStart": {"2023-05-11"}, "latestStart": {"2023-05-12"}}


def test_an_end_told_as_news_ends_an_event_dated_by_its_start():
    text = "The government has lifted the curfew imposed in Dushanbe on May 1."
    assert dates_of(text, "StateOfEmergency") == {"start": {"2023-05-01"}, "end": {PUB}}


def test_the_nth_day_of_an_event_counts_back_to_its_start():
    text = "On Wednesday the protests in Tbilisi entered their fourth day."
    assert dates_of(text, "CivilUnrest") == {"start": {"2023-05-07"}}


def test_the_days_since_another_event_count_back_from_publication():
    text = "Police have detained hundreds of protesters in Minsk in the four days since the vote."
    got = dates_of(text, "CivilUnrest")
    assert (got["earliestStart"], got["latestStart"]) == ({"2023-05-08"}, {"2023-05-09"})


def test_the_day_when_another_event_happened_dates_it_too():
    text = ("The army declared a curfew in Khartoum on May 2, the day when protests broke out "
            "across the country.")
    assert dates_of(text, "CivilUnrest") == {"start": {"2023-05-02"}}


def test_a_dateline_dates_the_article_not_the_event():
    text = "Lusaka, May 9 (Agency) Police detained the opposition leader Hakainde Banda."
    # left out as a dateline, May 9 dates nothing: the lede's news happened just before publication
    assert dates_of(text, "Arrest") == {"earliestDate": {"2023-05-11"}, "latestDate": {"2023-05-12"}}


def test_an_event_first_told_as_to_come_is_dated_where_it_is_told_as_done():
    text = ("The prime minister of Latvia, Janis Ozols, had said he would resign. "
            "His resignation comes after a week of strikes.")
    assert dates_of(text, "Resignation") == {"date": {PUB}}


def test_an_event_only_told_as_to_come_is_not_dated():
    assert dates_of("The prime minister of Latvia, Janis Ozols, will resign.", "Resignation") == {}


def test_a_later_telling_as_news_of_the_day_dates_an_event_first_told_without_tense():
    text = ("Ministers met in Vilnius to discuss the budget. They agreed on taxes. They agreed on spending. "
            "The ministry condemned the attack on the embassy in Vilnius. "
            "The attack comes as talks on the budget stall.")
    assert dates_of(text, "Attack") == {"date": {PUB}}


def test_the_situation_stabilized_ends_the_crisis_told_before_not_the_event_beside_it():
    text = ("In March riots broke out in Osh. The situation was stabilized by March 9, leading to "
            "the lifting of the curfew on March 20.")
    assert dates_of(text, "CivilUnrest") == {"start": {"2023-03"}, "end": {"2023-03-09"}}
    assert dates_of(text, "StateOfEmergency")["end"] == {"2023-03-20"}


def test_a_lasting_event_known_by_its_end_started_in_the_period_its_paragraph_tells():
    text = ("In March riots broke out in Osh. The government lifted the curfew on March 20.")
    assert dates_of(text, "StateOfEmergency") == {
        "end": {"2023-03-20"}, "earliestStart": {"2023-03-01"}, "latestStart": {"2023-03-19"}}


def test_the_day_after_counts_from_the_day_named_before_it():
    text = "Rebels withdrew from Goma on Thursday, the day after troops were deployed to the city."
    assert dates_of(text, "MilitaryDeployment") == {"start": {"2023-05-10"}}
    assert dates_of(text, "TroopWithdrawal") == {"start": {"2023-05-11"}}


def test_a_vague_span_up_to_now_is_a_window_of_two_to_nine_units():
    got = dates_of("Security forces have clashed with protesters in Conakry in recent weeks.", "CivilUnrest")
    assert got == {"earliestStart": {"2023-03-10"}, "latestStart": {"2023-04-28"}}


def test_how_long_it_has_run_told_as_now_counts_back_from_publication():
    text = "Prime minister Lena Ostrova resigns\nHer resignation comes after two weeks of protests in Riga."
    assert dates_of(text, "CivilUnrest") == {"earliestStart": {"2023-04-27"}, "latestStart": {"2023-04-29"}}
    assert dates_of(text, "Resignation") == {"date": {"2023-05-12"}}
