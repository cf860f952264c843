"""Memberships an article states, and the ones it only considers or denies."""
from __future__ import annotations

import pytest

from kg.model import Article
from kg.pipeline import extract


def members(text: str) -> set[tuple[str, str]]:
    ex = extract(Article(text=text, published="2023-05-12"))
    return {(m.member.qid, m.organization.qid) for m in ex.memberships}


def test_a_listed_membership_gives_every_member():
    assert members("Chad, Niger and Mali are members of the African Union.") == {
        ("Q657", "Q7159"), ("Q1032", "Q7159"), ("Q912", "Q7159")}


def test_an_acronym_names_the_organisation():
    assert members("Its fellow members of NATO, Norway and Denmark, sent observers.") == {
        ("Q20", "Q7184"), ("Q35", "Q7184")}


def test_joining_is_membership():
    assert members("Denmark joined NATO in 1949.") == {("Q35", "Q7184")}


@pytest.mark.parametrize("text", [
    "Ghana is considering applying for membership of the African Union.",
    "Ukraine is considering applying for membership in NATO.",
    "Norway is not a member of the European Union.",
    "Georgia hopes to become a member of NATO one day.",
])
def test_wanted_or_denied_membership_is_none(text):
    assert members(text) == set()


def test_unlinked_members_are_left_out_rather_than_guessed():
    assert members("Chad and the Amani Front are members of the African Union.") == {("Q657", "Q7159")}


def test_a_membership_keeps_its_sentence():
    text = "Talks went on. Norway, Denmark and Iceland are members of NATO."
    ex = extract(Article(text=text, published="2023-05-12"))
    assert len(ex.memberships) == 3
    for ms in ex.memberships:
        assert ms.evidence.text == text[ms.evidence.start:ms.evidence.end]
        assert ms.evidence.text.startswith("Norway, Denmark")
        assert ms.claimed_by is None


def test_one_membership_stated_twice_is_one():
    ex = extract(Article(text="Chad is a member of the African Union. Chad joined the African Union long ago.",
                         published="2023-05-12"))
    assert [(m.member.qid, m.organization.qid) for m in ex.memberships] == [("Q657", "Q7159")]


def test_an_organisation_that_groups_or_is_chaired_by_states_has_them_as_members():
    from kg.model import Article
    from kg.pipeline import extract

    grouped = extract(Article(text="The CSTO groups Russia, Belarus and Armenia.")).memberships
    assert sorted(m.member.label for m in grouped) == ["Armenia", "Belarus", "Russia"]
    chaired = extract(Article(text="Armenia holds the rotating chairmanship of the CSTO.")).memberships
    assert [m.member.label for m in chaired] == ["Armenia"]


def test_the_organisation_named_before_is_meant_by_the_organisation():
    from kg.model import Article
    from kg.pipeline import extract

    text = "Serbia asked NATO for help. Montenegro joined the alliance in 2017."
    assert [(m.member.label, m.organization.label) for m in extract(Article(text=text)).memberships] == \
        [("Montenegro", "NATO")]


@pytest.mark.parametrize("text, pair", [
    ("Oil output fell in Nigeria, OPEC's biggest African producer, after the pipeline fire.", ("Q1033", "Q7795")),
    ("Estonia, a NATO member, asked for more air patrols.", ("Q191", "Q7184")),
    ("Talks with Norway, a fellow NATO member state, went on for hours.", ("Q20", "Q7184")),
])
def test_a_state_described_by_its_place_in_an_organisation_is_a_member(text, pair):
    assert pair in members(text)


@pytest.mark.parametrize("text", [
    "Russia, NATO's main adversary, moved ships to the coast.",
    "Turkey, NATO's second-largest army, kept its border closed.",
    "Ukraine, a NATO partner, asked for more shells.",
])
def test_a_state_described_otherwise_beside_an_organisation_is_not_a_member(text):
    assert members(text) == set()
