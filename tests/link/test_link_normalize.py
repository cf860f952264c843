from kg.link.normalize import fold, key_of, query_key, slugify, split_tokens, tokenize


def test_fold_removes_diacritics_and_unifies_apostrophes():
    assert fold("António") == "Antonio"
    assert fold("Kazakhstan\u2019s") == "Kazakhstan's"
    assert fold("Zvečan") == "Zvecan"
    assert fold("Chișinău") == "Chisinau"


def test_tokens_keep_offsets_into_the_original_text():
    text = "In  Almaty\u2019s centre, Russia\u2013led troops."
    for tok in tokenize(text):
        assert fold(text[tok.start:tok.end]) == tok.text
    assert [t.text for t in tokenize(text)] == ["In", "Almaty", "'", "s", "centre", ",", "Russia", "led", "troops"]


def test_decomposed_accents_stay_in_one_token():
    text = "Anto\u0301nio Guterres"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["Antonio", "Guterres"]
    assert text[toks[1].start:toks[1].end] == "Guterres"


def test_hyphens_and_dots_join_like_spaces():
    assert key_of("Guinea-Bissau") == key_of("Guinea Bissau") == ("Guinea", "Bissau")
    assert key_of("U.S.") == ("U", "S")
    assert split_tokens("U.S.").ends == [1, 3]


def test_query_key_drops_article_possessive_and_case():
    assert query_key("the Kyrgyz Republic") == "kyrgyz republic"
    assert query_key("Kazakhstan\u2019s") == "kazakhstan"
    assert query_key("TOKAYEV") == "tokayev"
    assert query_key("  ") == ""


def test_slugify():
    assert slugify("Kok-Tash") == "kok-tash"
    assert slugify("Ménaka") == "menaka"
    assert slugify("!!!") == "unnamed"
