"""The compiled gazetteer index: written once, read back by later processes, same answers."""
from __future__ import annotations

import pytest

from kg.link import gazetteer as gz

TEXT = ("Protesters in Almaty and the Almaty region; NATO, the CSTO and Kazakh troops; "
        "President Tokayev met Ms Suu Kyi in Mandalay.")


def answers(g):
    return [(m.start, m.end, m.entity, m.kind, m.country) for m in g.scan(TEXT)]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(folder))
    return folder


def test_index_is_written_once_and_read_back_with_the_same_answers(cache, monkeypatch):
    first = gz.load_gazetteer(include_user=False)
    expected, records = answers(first), first.records()
    (written,) = cache.glob("gazetteer-*.marshal")

    def no_compiling(_records):
        raise AssertionError("the cached index should have been used")

    monkeypatch.setattr(gz, "_compile", no_compiling)
    again = gz.load_gazetteer(include_user=False)
    assert answers(again) == expected
    assert again.records() == records and len(again) == len(first)
    assert again.get("Q232").label == "Kazakhstan"
    assert [c.qid for c in again.lookup("Tokayev")] == [c.qid for c in first.lookup("Tokayev")]
    assert list(cache.glob("gazetteer-*.marshal")) == [written]


def test_index_without_cache_gives_the_same_answers(cache):
    cached = gz.load_gazetteer(include_user=False)
    eager = gz.Gazetteer(cached.records(), cached.context)  # no cache: compiled in memory
    assert answers(eager) == answers(cached)


def test_a_damaged_index_is_compiled_again(cache):
    expected = answers(gz.load_gazetteer(include_user=False))
    (written,) = cache.glob("gazetteer-*.marshal")
    written.write_bytes(b"\x00not an index")
    assert answers(gz.load_gazetteer(include_user=False)) == expected


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    assert answers(gz.load_gazetteer(include_user=False))


def test_a_changed_user_gazetteer_gets_its_own_index(cache, tmp_path, monkeypatch):
    user = tmp_path / "user.tsv"
    row = {"qid": "Q99999401", "label": "Zzyzx Springs", "type": "city", "source": "made up"}
    user.write_text("\t".join(gz.COLUMNS) + "\n" + "\t".join(row.get(c, "") for c in gz.COLUMNS) + "\n")
    monkeypatch.setenv("KG_GAZETTEER", str(user))
    with_user = gz.load_gazetteer()
    assert [m.entity.qid for m in with_user.scan("Rain fell on Zzyzx Springs.")] == ["Q99999401"]
    without = gz.load_gazetteer(include_user=False)
    assert without.scan("Rain fell on Zzyzx Springs.") == []
    assert len(list(cache.glob("gazetteer-*.marshal"))) == 2
