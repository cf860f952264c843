import pyoxigraph as ox
import pytest

from kg.formats import BY_MEDIA_TYPE, DEFAULT, FORMATS, by_name, by_suffix


def test_every_format_has_one_entry_per_name_and_suffix():
    names = [n for f in FORMATS for n in f.names]
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(names) == len(set(names)) and len(suffixes) == len(set(suffixes))


@pytest.mark.parametrize("suffix, name", [(".ttl", "turtle"), (".trig", "trig"), (".nq", "nquads"),
                                          (".jsonld", "jsonld"), (".json", "jsonld"), (".nt", "nt")])
def test_suffixes_name_the_formats_kg_extract_writes(suffix, name):
    assert by_suffix(f"out{suffix}", writable=True).name == name


def test_formats_kg_does_not_write_are_read_only():
    assert by_suffix("x.rdf").rdflib == "xml" and by_suffix("x.rdf", writable=True) is None
    assert by_name("xml", writable=True) is None and by_name("rdfxml").name == "xml"
    assert by_suffix("x.docx") is None and DEFAULT.name == "turtle"


def test_oxigraph_and_media_types():
    assert by_name("nq").ox() == ox.RdfFormat.N_QUADS
    assert BY_MEDIA_TYPE["text/plain"].ox() == ox.RdfFormat.N_TRIPLES
    assert all(f.ox() is not None for f in FORMATS)
