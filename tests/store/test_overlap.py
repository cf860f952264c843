"""kg.store.overlap: a large N-Quads file checked in a forked process while it bulk-loads.

Every test compares with the sequential way (check, then load), which the rest of the store tests
cover: the overlap must store the same quads, report the same counts, refuse the same files with
the same messages, and leave nothing behind when it refuses.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError, RDFSyntaxError
from kg.store import overlap
from kg.store.admin import export
from kg.store.embedded import EmbeddedStore
from kg.store.loading import load_files

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the overlap needs fork")

ART = "https://w3id.org/kg-loader/id/article/"
KG = "https://w3id.org/kg-loader/ontology#"


def nquads(articles: int, first: int = 0, headline: str = "Troops arrive") -> str:
    """Model-shaped article graphs, written here: a few quads each, with a blank node."""
    lines = []
    for i in range(first, first + articles):
        g = f"<{ART}{i:064x}>"
        lines += [f"{g} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG}Article> {g} .",
                  f'{g} <http://schema.org/headline> "{headline} {i}"@en {g} .',
                  f"{g} <{KG}textSha256> \"{i:064x}\" {g} .",
                  f"{g} <{KG}evidence> _:e{i} {g} .",
                  f'_:e{i} <http://www.w3.org/ns/oa#exact> "about {i} soldiers" {g} .']
    return "\n".join(lines) + "\n"


@pytest.fixture
def every_size(monkeypatch):
    """Small test files take the overlap too, and each use of it is recorded."""
    used: list[bool] = []
    real = overlap.load_while_checking

    def spy(store, source):
        result = real(store, source)
        used.append(result is not None)
        return result

    monkeypatch.setattr(overlap, "MIN_BYTES", 0)
    monkeypatch.setattr(overlap, "load_while_checking", spy)
    return used


def sequential(monkeypatch):
    monkeypatch.setattr(overlap, "eligible", lambda source: False)


def stored(folder: Path) -> list[str]:
    with EmbeddedStore(folder, read_only=True) as store:
        data = ox.Dataset(ox.parse(export(store), format=ox.RdfFormat.N_QUADS))
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in data)


def test_a_file_loaded_while_checked_is_stored_as_the_sequential_way_stores_it(tmp_path, every_size, monkeypatch):
    src = tmp_path / "a.nq"
    src.write_text(nquads(300))
    _, overlapped = load_files([src], store=tmp_path / "x" / "store")
    assert every_size == [True]
    sequential(monkeypatch)
    _, plain = load_files([src], store=tmp_path / "plain")
    assert overlapped == plain and overlapped[0].triples == 1500
    assert stored(tmp_path / "x" / "store") == stored(tmp_path / "plain")


def test_the_real_threshold_lets_a_large_file_overlap_and_a_small_one_not(tmp_path, monkeypatch):
    from kg.store.rdfio import read_input

    big, small = tmp_path / "big.nq", tmp_path / "small.nq"
    big.write_text(nquads(6000))
    small.write_text(nquads(3))
    assert big.stat().st_size >= overlap.MIN_BYTES > small.stat().st_size
    assert overlap.eligible(read_input(big)) and not overlap.eligible(read_input(small))
    assert not overlap.eligible(read_input(_write(tmp_path / "big.trig", nquads(6000))))


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


@pytest.mark.parametrize("tail, error", [
    ("<http://example.org/s> <http://example.org/p> .\n", RDFSyntaxError),  # a syntax error at the end
    ('<http://example.org/s> <http://example.org/p> "' + "x" * 1_000_001 + '" <http://example.org/g> .\n',
     InputError),  # a literal over the limit
])
def test_a_bad_file_is_refused_as_before_and_leaves_no_store(tmp_path, every_size, monkeypatch, tail, error):
    src = _write(tmp_path / "bad.nq", nquads(200) + tail)
    with pytest.raises(error) as overlapped:
        load_files([src], store=tmp_path / "new" / "store")
    assert every_size == [False]
    assert not (tmp_path / "new").exists()
    sequential(monkeypatch)
    with pytest.raises(error) as plain:
        load_files([src], store=tmp_path / "other")
    assert str(overlapped.value) == str(plain.value)


def test_a_bad_file_leaves_a_store_as_it_was(tmp_path, every_size):
    folder = tmp_path / "store"
    load_files([_write(tmp_path / "a.nq", nquads(50))], store=folder)
    before = stored(folder)
    with pytest.raises(RDFSyntaxError):
        load_files([_write(tmp_path / "bad.nq", nquads(50, first=100) + "<http://example.org/s> .\n")], store=folder)
    assert every_size == [True, False]
    assert stored(folder) == before


def test_graphs_already_stored_are_replaced_the_usual_way(tmp_path, every_size, monkeypatch):
    folder, plain = tmp_path / "store", tmp_path / "plain"
    first, again = _write(tmp_path / "a.nq", nquads(40)), _write(tmp_path / "b.nq", nquads(40, headline="Troops leave"))
    for f in (first, again):
        _, results = load_files([f], store=folder)
    assert every_size == [True, False]
    assert all(g.replaced for g in results[0].graphs)
    sequential(monkeypatch)
    for f in (first, again):
        load_files([f], store=plain)
    assert stored(folder) == stored(plain)
    assert any("Troops leave" in q for q in stored(folder)) and not any("Troops arrive" in q for q in stored(folder))


def test_default_graph_content_goes_where_the_sequential_way_puts_it(tmp_path, every_size, monkeypatch):
    src = _write(tmp_path / "a.nq", nquads(20) + f'<{ART}{5:064x}> <http://schema.org/url> "u" .\n')
    _, overlapped = load_files([src], store=tmp_path / "store")
    assert every_size == [False]
    sequential(monkeypatch)
    _, plain = load_files([src], store=tmp_path / "plain")
    assert overlapped == plain
    assert stored(tmp_path / "store") == stored(tmp_path / "plain")


def test_a_checker_that_dies_means_the_usual_way(tmp_path, every_size, monkeypatch):
    monkeypatch.setattr(overlap, "_check_and_report", lambda source, fd: os._exit(3))
    src = _write(tmp_path / "a.nq", nquads(30))
    _, results = load_files([src], store=tmp_path / "store")
    assert every_size == [False] and results[0].triples == 150
    assert len(stored(tmp_path / "store")) == 150


def test_a_refused_last_byte_writes_nothing(tmp_path):
    data = nquads(500).encode()
    with EmbeddedStore(tmp_path / "store") as store:
        with pytest.raises(overlap._Refused):
            store.bulk_load_new(overlap._Gate(data, lambda: False), ox.RdfFormat.N_QUADS)
        assert len(store.store) == 0
        store.bulk_load_new(overlap._Gate(data, lambda: True), ox.RdfFormat.N_QUADS)
        assert len(store.store) == 2500
