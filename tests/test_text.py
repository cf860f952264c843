import pytest

from kg.fold import fold
from kg.text import clean, split_sentences

ARTICLE = """Alliance troops leave the capital

  • Oops!
    Something went wrong.
    Please try again later.
·3-min read
Soldiers salute at a ceremony in the capital - Jane Doe/Agency via Wire
Soldiers salute at a ceremony in the capital - Jane Doe/Agency via Wire

NORTHVILLE (AP) — The alliance began pulling its troops out on Monday. Mr. Smith said the U.S. embassy stayed open.

Sign up for our daily newsletter
We are temporarily suspending article commenting to improve our community.
"""


def test_sentences_keep_offsets():
    c = clean(ARTICLE)
    for s in c.sentences:
        assert ARTICLE[s.start:s.end] == s.text


def test_debris_dropped():
    c = clean(ARTICLE)
    texts = [s.text for s in c.sentences]
    assert not any("Oops" in t or "went wrong" in t or "min read" in t for t in texts)
    assert not any("Jane Doe" in t for t in texts)
    assert not any("newsletter" in t or "commenting" in t for t in texts)


def test_dateline_cut_but_sentence_kept():
    c = clean(ARTICLE)
    assert c.dateline is not None and c.dateline.text.startswith("NORTHVILLE")
    assert any(s.text.startswith("The alliance began pulling") for s in c.sentences)


def test_abbreviations_do_not_split():
    text = "Mr. Smith met Gen. Jones in the U.S. capital on Jan. 6. They left."
    spans = split_sentences(text, 0, len(text))
    assert [s.text for s in spans] == ["Mr. Smith met Gen. Jones in the U.S. capital on Jan. 6.", "They left."]


def test_bylines_timestamps_and_credits_are_debris_but_news_starting_alike_is_not():
    text = ("By Jane Doe and John Roe\n"
            "Published 10:32 GMT, 15 Aug 2022 | Updated 11:02 GMT\n"
            "Updated figures released on Monday showed 230 deaths.\n"
            "Reporting by Jane Doe; Editing by John Roe\n")
    kept = [s.text for s in clean(text).sentences]
    assert kept == ["Updated figures released on Monday showed 230 deaths."]


@pytest.mark.parametrize("text", [
    "", "  \n\n", "KYIV — Troops arrived.\n\n  Caption: photo  \r\nMore text.  ",
    "A\u2028B \u03a3\nx\u03a3 ", ARTICLE, "\u0130stanbul\r\nKelvin \u212a  \n \u017f \u0131", "Advertisement\nText",
])
def test_the_cleaned_text_carries_the_fold_of_the_whole_text(text):
    # Made from the lines' folds; the extractor looks literals up in its slices.
    assert clean(text).folded == fold(text)
