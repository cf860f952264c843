import pytest

from tests.challenge.support import Case, check


def test_a_case_fails_when_the_class_is_missing():
    with pytest.raises(AssertionError):
        check(Case("The weather was fine in Almaty on Monday.", "CivilUnrest"))


def test_a_case_fails_when_a_fact_is_wrong():
    with pytest.raises(AssertionError):
        check(Case("Protests erupted in Almaty on Monday.", "CivilUnrest", {"location": {"Bishkek"}}))


def test_a_case_passes_with_its_facts():
    check(Case("Protests erupted in Almaty on Monday.", "CivilUnrest",
               {"location": {"Almaty"}, "start": {"2023-05-08"}}))
