"""Event identity: mentions of one event merge, distinct events stay apart, withdrawals find their deployment."""
from __future__ import annotations

from kg.model import Article, Entity, EventRef
from kg.pipeline import extract

PUB = "2023-05-12"  # a Friday


def run(text: str, published: str | None = PUB):
    return extract(Article(text=text, published=published))


def of_type(ex, type_: str):
    return [e for e in ex.events if e.type == type_]


def test_sentences_about_one_deployment_make_one_event_with_all_their_facts():
    text = ("Kenya deployed 800 troops to Somalia on Monday. "
            "The Kenyan soldiers arrived in Mogadishu on Tuesday. "
            "The deployment is expected to last 30 days.")
    ex = run(text)
    (dep,) = of_type(ex, "MilitaryDeployment")
    props = {f.prop for f in dep.facts}
    assert {"participant", "country", "location", "troops", "plannedDuration"} <= props
    assert [f.value.iso for f in dep.facts if f.prop == "plannedDuration"] == ["P30D"]
    assert len(dep.evidence) == 3  # each sentence is evidence of the one event
    assert [e.type for e in ex.events] == ["MilitaryDeployment"]


def test_a_fact_stated_twice_is_kept_once_with_its_first_sentence():
    text = "Kenya deployed troops to Somalia on Monday. Kenyan troops were deployed to Somalia."
    (dep,) = of_type(run(text), "MilitaryDeployment")
    kenya = [f for f in dep.facts if f.prop == "participant"]
    assert len(kenya) == 1 and kenya[0].evidence.start == 0


def test_two_attacks_on_different_targets_in_different_sentences_are_two_events():
    text = ("Gunmen attacked the airport in Mogadishu on Monday. "
            "On Wednesday, militants stormed the presidential palace.")
    attacks = of_type(run(text), "Attack")
    assert len(attacks) == 2
    assert [a.key for a in attacks] == ["attack-1", "attack-2"]


def test_two_mentions_of_one_attack_on_one_target_merge():
    text = ("Gunmen attacked the airport in Mogadishu on Monday. "
            "The attack on the airport lasted several hours.")
    assert len(of_type(run(text), "Attack")) == 1


def test_an_event_of_2010_recalled_in_a_2022_article_is_a_separate_event():
    text = ("Kenya deployed troops to Somalia on Monday. "
            "In 2010, Kenyan soldiers were deployed to Somalia after a wave of raids.")
    deps = of_type(run(text, "2022-03-01"), "MilitaryDeployment")
    assert len(deps) == 2
    starts = sorted(f.value.iso for d in deps for f in d.facts if f.prop == "start")
    assert starts == ["2010", "2022-02-28"]


def test_a_withdrawal_points_to_the_deployment_it_ends():
    text = ("Nigeria deployed 1,500 troops to Niger on Monday. "
            "Nigerian troops began withdrawing from Niger on Thursday.")
    ex = run(text)
    (dep,) = of_type(ex, "MilitaryDeployment")
    (wd,) = of_type(ex, "TroopWithdrawal")
    refs = [f.value for f in wd.facts if f.prop == "withdrawalOf"]
    assert refs == [EventRef(dep.key)]


def test_a_withdrawal_with_no_place_borrows_its_deployments_place():
    text = ("Nigeria deployed troops to Niger on Monday. "
            "On Thursday the Nigerian contingent began to withdraw.")
    ex = run(text)
    (wd,) = of_type(ex, "TroopWithdrawal")
    countries = {f.value.qid for f in wd.facts if f.prop == "country" and isinstance(f.value, Entity)}
    assert countries == {"Q1032"}


def test_without_a_deployment_a_withdrawal_points_nowhere():
    ex = run("Nigerian troops began withdrawing from Niger on Thursday.")
    (wd,) = of_type(ex, "TroopWithdrawal")
    assert not [f for f in wd.facts if f.prop == "withdrawalOf"]


def test_event_keys_are_deterministic_and_numbered_per_class_in_text_order():
    text = ("Protests broke out in Lusaka on Monday. Ghana deployed 400 soldiers to Liberia on Tuesday. "
            "Riots followed in Accra on Wednesday, where a curfew was imposed.")
    first, second = run(text), run(text)
    assert [e.key for e in first.events] == [e.key for e in second.events]
    assert first.events == second.events
    keys = [e.key for e in first.events]
    assert "militaryDeployment-1" in keys and "civilUnrest-1" in keys
    assert len(set(keys)) == len(keys)


def test_an_event_label_says_what_who_and_where():
    (dep,) = of_type(run("Ghana deployed 400 soldiers to Liberia on Tuesday."), "MilitaryDeployment")
    assert dep.label.startswith("Military deployment")
    assert "Ghana" in dep.label and "Liberia" in dep.label and "2023-05-09" in dep.label


def test_an_end_before_a_start_is_dropped_not_exported():
    from kg.extract.merge import _in_time_order
    from kg.model import DateValue, Fact, Span

    here = Span(0, 4, "text")
    facts = [Fact("start", DateValue("2023-05-10"), here), Fact("end", DateValue("2023-05-08"), here),
             Fact("end", DateValue("2023-05"), here), Fact("end", DateValue("2023-05-12"), here)]
    kept = [f.value.iso for f in _in_time_order(facts) if f.prop == "end"]
    assert kept == ["2023-05", "2023-05-12"]
