"""Gazetteer.scan on sentences written for these tests."""
import pytest

from kg.link.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(include_user=False)  # the packaged data only, whatever this machine has


def found(gaz, text):
    return [(m.surface, m.entity.qid, m.kind) for m in gaz.scan(text)]


def qids(gaz, text):
    return [m.entity.qid for m in gaz.scan(text)]


def test_offsets_are_verbatim_slices(gaz):
    text = "Yesterday Kazakhstan\u2019s leader flew from Astana to Moscow; the U.S. objected."
    ms = gaz.scan(text)
    assert [m.surface for m in ms] == ["Kazakhstan", "Astana", "Moscow", "U.S."]
    for m in ms:
        assert text[m.start:m.end] == m.surface
    assert [m.start for m in ms] == sorted(m.start for m in ms)


def test_names_acronyms_demonyms_and_labels(gaz):
    ms = gaz.scan("The CSTO sent Russian paratroopers; the Collective Security Treaty Organisation said so.")
    assert [(m.surface, m.entity.qid, m.kind) for m in ms] == [
        ("CSTO", "Q318693", "acronym"),
        ("Russian", "Q159", "demonym"),
        ("Collective Security Treaty Organisation", "Q318693", "alias"),
    ]
    assert ms[0].entity.label == "Collective Security Treaty Organization"
    assert ms[0].entity.type == "Organization"
    assert ms[1].entity.label == "Russia" and ms[1].entity.type == "Country"


def test_lowercase_words_never_match(gaz):
    assert gaz.scan("let us chad the turkey with a guinea and a mali jordan") == []


def test_capitalised_homonym_country_matches(gaz):
    assert qids(gaz, "Troops left Chad and Mali for Niger.") == ["Q657", "Q912", "Q1032"]


def test_us_variants(gaz):
    text = "The US, the U.S., the USA and the United States of America; America too."
    assert set(qids(gaz, text)) == {"Q30"}
    assert len(gaz.scan(text)) == 5
    assert gaz.scan("the U.S.")[0].surface == "U.S."


def test_latin_america_is_not_the_us(gaz):
    assert qids(gaz, "Across Latin America and South America, Latin American leaders met.") == []


def test_possessives_and_hyphenated_compounds(gaz):
    assert found(gaz, "Moscow-led and Russia-led forces left Kazakhstan's cities.") == [
        ("Moscow", "Q649", "name"), ("Russia", "Q159", "name"), ("Kazakhstan", "Q232", "name")]
    assert found(gaz, "a Kyrgyz-Tajik border clash") == [("Kyrgyz", "Q813", "demonym"), ("Tajik", "Q863", "demonym")]


def test_demonym_plurals(gaz):
    assert found(gaz, "Armenians, Kazakhs and Americans") == [
        ("Armenians", "Q399", "demonym"), ("Kazakhs", "Q232", "demonym"), ("Americans", "Q30", "demonym")]


def test_longest_name_wins(gaz):
    assert qids(gaz, "Equatorial Guinea, Papua New Guinea, Guinea-Bissau and Guinea") == [
        "Q983", "Q691", "Q1007", "Q1006"]
    assert qids(gaz, "Nigeria is not Niger") == ["Q1033", "Q1032"]
    assert qids(gaz, "South Sudan and Sudan") == ["Q958", "Q1049"]


def test_new_guinea_island_is_not_guinea(gaz):
    assert qids(gaz, "the island of New Guinea") == []


def test_diacritics_and_transliterations(gaz):
    for name in ("António Guterres", "Antonio Guterres", "Guterres"):
        assert qids(gaz, f"On Monday {name} spoke.") == ["Q311440"], name
    for name in ("Tokayev", "Toqaev", "Tokaev", "Kassym-Jomart Tokayev", "Qasym-Zhomart Toqaev"):
        assert qids(gaz, f"President {name} spoke.") == ["Q200881"], name
    assert qids(gaz, "Sadyr Zhaparov and Japarov") == ["Q25597826", "Q25597826"]


def test_surname_not_after_another_first_name(gaz):
    assert qids(gaz, "his son Hunter Biden was there") == []
    assert qids(gaz, "then Mr Biden and President Putin met") == ["Q6279", "Q7747"]


def test_georgia_country_and_us_state(gaz):
    assert qids(gaz, "Troops crossed from Georgia into Armenia.") == ["Q230", "Q399"]
    assert qids(gaz, "She flew to Tbilisi, Georgia.") == ["Q994", "Q230"]
    assert qids(gaz, "He lives in Macon, Georgia.") == []
    assert qids(gaz, "The Georgia governor signed the bill.") == []


def test_given_name_homonyms(gaz):
    assert qids(gaz, "Jordan Peterson spoke in Jordan.") == ["Q810"]
    assert qids(gaz, "The Niger Delta is in Nigeria.") == ["Q1033"]


def test_city_that_needs_its_country(gaz):
    assert qids(gaz, "Protesters gathered in Colombo.") == []
    assert qids(gaz, "Protesters gathered in Colombo, Sri Lanka.") == ["Q35381", "Q854"]


def test_country_beats_homonymous_capital(gaz):
    assert qids(gaz, "Luxembourg and Djibouti") == ["Q32", "Q977"]


def test_strict_diacritics(gaz):
    assert qids(gaz, "Male protesters marched.") == []
    m = gaz.scan("They flew to Malé, Maldives.")[0]
    assert m.entity.qid == "Q9347" and m.country.qid == "Q826"


def test_country_of_cities_and_places(gaz):
    ms = gaz.scan("Clashes in Almaty and near Kok-Tash.")
    assert ms[0].country.qid == "Q232"
    assert ms[1].entity.qid is None and ms[1].entity.key == "kok-tash"
    assert ms[1].country.qid == "Q813" and ms[1].entity.type == "Place"
    assert gaz.scan("Kazakhstan")[0].country is None


def test_nagorno_karabakh(gaz):
    ms = gaz.scan("the Nagorno-Karabakh Republic and Nagorno-Karabakh")
    assert ms[0].entity.qid == "Q244165"
    assert ms[1].entity.qid is None and ms[1].country.qid == "Q227"


def test_old_names(gaz):
    assert found(gaz, "Nur-Sultan") == [("Nur-Sultan", "Q1520", "alias")]
    assert found(gaz, "the Kyrgyz Republic") == [("Kyrgyz Republic", "Q813", "alias")]


def test_demonym_geographic_exceptions(gaz):
    assert qids(gaz, "the Indian Ocean and the Persian Gulf") == []
    assert qids(gaz, "Indian troops") == ["Q668"]


def test_newspaper_named_after_a_city(gaz):
    assert qids(gaz, "according to the Astana Times") == []


def test_security_council_only_with_the_un(gaz):
    assert qids(gaz, "the Security Council of Kazakhstan met") == ["Q232"]
    assert "Q37470" in qids(gaz, "The UN said the Security Council would vote.")


def test_empty_and_unrelated_text(gaz):
    assert gaz.scan("") == []
    assert gaz.scan("nothing to see here, 12345 !!!") == []
