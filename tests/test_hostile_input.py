"""Hostile and careless input: each case ends in one InputError line, never a crash, and what is
written can be loaded back. Every input here is made up for the test."""
from __future__ import annotations

import json

import pytest

from kg import api
from kg.errors import InputError
from kg.model import Article
from kg.read import checked_article, read_article

TEXT = "Troops were sent to Mali on Monday."


def write(tmp_path, name: str, data: str | bytes):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return str(path)


@pytest.mark.parametrize("published", ["2022-02-30", "2021-13-01", "9999-12-31", "0000-01-01", "2022-00"])
def test_an_impossible_or_far_publication_date_is_one_input_error(tmp_path, published):
    with pytest.raises(InputError, match="is not a date"):
        read_article(write(tmp_path, "a.txt", TEXT), published=published)
    record = json.dumps({"text": TEXT, "published": published})
    with pytest.raises(InputError, match="is not a date"):
        read_article(write(tmp_path, "a.json", record))


def test_a_lone_surrogate_in_json_becomes_a_replacement_character(tmp_path):
    path = write(tmp_path, "a.json", '{"text": "Troops \\ud800 were sent to Mali.", "title": "x\\udc00"}')
    article = read_article(path)
    assert "\ufffd" in article.text and article.title == "x\ufffd"
    done = api.process(article, published="2023-05-12")
    assert done.serialize("nquads")


def test_a_library_article_with_a_lone_surrogate_is_scrubbed():
    assert checked_article(Article(text="a \udc00 b")).text == "a \ufffd b"


def test_json_nested_too_deep_is_one_line(tmp_path):
    with pytest.raises(InputError, match="nested too deeply"):
        read_article(write(tmp_path, "a.json", "[" * 100_000))


@pytest.mark.parametrize("url", [5, "not a url", "http://x y/", "http://example.org/>", "ftp://example.org/a",
                                 "http://example.org/a\nb", "http://example.org/a\u2028b"])
def test_a_record_url_that_is_no_iri_is_one_input_error(tmp_path, url):
    with pytest.raises(InputError, match="is not an absolute http"):
        read_article(write(tmp_path, "a.json", json.dumps({"text": TEXT, "url": url})))


@pytest.mark.parametrize("base, words", [("not a url", "not an absolute"), ("https://example.org/kg", "must end with")])
def test_a_bad_base_is_refused(base, words):
    with pytest.raises(InputError, match=words):
        api.process(Article(text=TEXT, published="2023-05-12"), base=base)


@pytest.mark.parametrize("text", [
    f"Officials said {'1' + '0' * 400} troops were sent to Mali on Monday.",
    "Officials said 10^400 troops were sent to Mali on Monday.",
])
def test_an_absurd_number_is_no_count(text):
    ex = api.extract(Article(text=text, published="2023-05-12"))
    assert not any(e.troops for e in ex.events if hasattr(e, "troops"))
    done = api.process(Article(text=text, published="2023-05-12"))
    assert "P1132" not in done.serialize("turtle")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x1c"])
def test_a_title_with_a_line_separator_gives_n_quads_that_load(tmp_path, separator):
    from kg.store.rdfio import parse_bytes
    import pyoxigraph as ox

    done = api.process(Article(text=TEXT, title=f"one{separator}two", published="2023-05-12"))
    data = done.serialize("nquads")
    assert not data.startswith("\n")
    graphs = parse_bytes(data.encode(), ox.RdfFormat.N_QUADS, "urn:x:fallback")
    assert sum(len(g) for g in graphs) == len(done.graph)


# -- hostile RDF ------------------------------------------------------------------------------

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
 <rdf:Description rdf:about="http://example.org/s"><ex:p>&c;</ex:p></rdf:Description>
</rdf:RDF>
"""


def _load_and_validate(path):
    from kg.store.rdfio import read_graphs
    from kg.validate import read_rdf

    for reader in (read_graphs, read_rdf):
        with pytest.raises(InputError) as info:
            reader(path)
        assert "\n" not in str(info.value)
        yield str(info.value)


def test_rdf_xml_with_entities_is_refused_before_parsing(tmp_path):
    path = tmp_path / "lol.rdf"
    path.write_text(LAUGHS)
    for message in _load_and_validate(path):
        assert "DTD" in message


def test_a_remote_json_ld_context_is_never_fetched(tmp_path):
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": ["http://169.254.169.254/ctx", {"ex": "http://example.org/"}],
                                "@id": "http://example.org/s", "ex:p": "x"}))
    for message in _load_and_validate(path):
        assert "remote JSON-LD @context" in message


def test_a_huge_literal_is_refused(tmp_path):
    from kg.rdfguard import MAX_LITERAL_CHARS

    path = tmp_path / "big.nt"
    path.write_text(f'<http://example.org/s> <http://example.org/p> "{"a" * (MAX_LITERAL_CHARS + 1)}" .\n')
    for message in _load_and_validate(path):
        assert "limit" in message


@pytest.mark.parametrize("suffix, before", [(".nq", ""), (".nq", "<http://example.org/a> <http://example.org/b> \"c\" .\n"),
                                            (".ttl", "")])
def test_a_huge_literal_among_short_lines_is_refused(tmp_path, suffix, before):
    # N-Quads skip the per-literal check when every line is short: one long line must bring it back.
    from kg.rdfguard import MAX_LITERAL_CHARS

    path = tmp_path / f"big{suffix}"
    short = before * 3
    path.write_text(f'{short}<http://example.org/s> <http://example.org/p> "{"a" * MAX_LITERAL_CHARS}\\u0062" .\n{short}')
    for message in _load_and_validate(path):
        assert "limit" in message


def test_line_lengths_are_checked_at_every_offset():
    from kg.rdfguard import lines_within

    assert lines_within(b"", 3) and lines_within(b"abc", 3) and not lines_within(b"abcd", 3)
    assert lines_within(b"abc\nabc\nabc", 3) and lines_within(b"\n\n\nabc\n", 3)
    assert not lines_within(b"ab\nabc\nabcd\nab", 3) and not lines_within(b"a\nb\nc\nd\nabcd", 3)
    assert lines_within(b"a\nabc\nab\nabc\n" * 50, 3)


def test_an_embedded_json_ld_context_still_loads(tmp_path):
    from kg.store.rdfio import read_graphs

    path = tmp_path / "ok.jsonld"
    path.write_text(json.dumps({"@context": {"ex": "http://example.org/"}, "@id": "http://example.org/s",
                                "ex:p": "x"}))
    assert read_graphs(path).triples == 1


# -- size limits --------------------------------------------------------------------------------

def test_a_file_over_the_limit_is_refused_in_one_line(tmp_path):
    path = write(tmp_path, "a.txt", TEXT * 100)
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        read_article(path, max_bytes=1000)
    assert read_article(path, max_bytes=10_000).text.startswith("Troops")


def test_a_file_that_grew_after_its_size_was_read_is_read_whole_up_to_the_limit(tmp_path, monkeypatch):
    import os

    path = write(tmp_path, "a.txt", TEXT * 20)
    real_fstat = os.fstat

    def stale_fstat(fd):  # the size as it was before the last write
        st = real_fstat(fd)
        return os.stat_result((*st[:6], 10, *st[7:]))

    monkeypatch.setattr(os, "fstat", stale_fstat)
    assert read_article(path).text == read_article(path, max_bytes=len(TEXT) * 20).text
    assert read_article(path).text.count("Mali") == 20
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_article(path, max_bytes=100)


def test_the_default_limit_is_five_mebibytes(tmp_path):
    from kg.read import DEFAULT_MAX_BYTES

    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024
    path = tmp_path / "big.txt"
    path.write_text("word " * (DEFAULT_MAX_BYTES // 5 + 1))
    with pytest.raises(InputError, match="limit"):
        read_article(str(path))


def test_ingest_fails_a_record_over_the_limit_alone(tmp_path):
    from kg.ingest import ingest
    from kg.store.embedded import EmbeddedStore

    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": TEXT * 100}) + "\n")
    log = tmp_path / "errors.jsonl"
    with EmbeddedStore(tmp_path / "db") as store:
        summary = ingest([batch], store, workers=1, error_log=log, max_bytes=1000)
    assert (summary.loaded, summary.failed) == (1, 1)
    assert "over the 1,000-byte limit" in log.read_text()


def test_two_windows_read_from_one_sentence_give_one_window():
    """Found by tools/fuzz.py: a sentence with two vague dates gave one event two windows whose
    halves could not be paired, and the shapes rejected the graph."""
    from kg.pipeline import extract

    text = "In late 2021 last week gunmen attacked a market in Kano."
    article = Article(text=text, published="2021-01-01")
    (event,) = extract(article).events
    assert len([f for f in event.facts if f.prop == "earliestDate"]) == 1
    api.process(article)  # validates
