"""The online path against a fake Wikidata API on 127.0.0.1 (never the real internet)."""
from __future__ import annotations

import json

import pytest

from kg.errors import LinkError
from kg.link.cache import Cache
from kg.link.wikidata import WikidataClient, resolve_online, type_from_labels


def client_for(fake, cache_path, **kw):
    sleeps: list[float] = []
    kw.setdefault("retries", 3)
    kw.setdefault("timeout", 2.0)
    c = WikidataClient(fake.url, Cache(cache_path), sleep=sleeps.append, **kw)
    return c, sleeps


def test_person_found_by_surname(fake_wikidata, cache_path):
    client, _ = client_for(fake_wikidata, cache_path)
    cands = client.candidates("Tokayev", "person")
    assert [c.qid for c in cands] == ["Q200881"]
    assert cands[0].label == "Kassym-Jomart Tokayev" and cands[0].type == "Person"
    assert cands[0].source == "api" and cands[0].description == "President of Kazakhstan"
    ent = resolve_online("Tokayev", "person", client)
    assert ent is not None and ent.qid == "Q200881" and ent.key == "Q200881"


def test_type_must_fit_the_slot(fake_wikidata, cache_path):
    client, _ = client_for(fake_wikidata, cache_path)
    assert resolve_online("Almaty", "place", client).qid == "Q35493"
    assert resolve_online("Almaty", "person", client) is None
    assert resolve_online("CSTO", "organization", client).qid == "Q318693"
    assert resolve_online("CSTO", "place", client) is None


def test_unknown_classes_are_typed_by_their_labels(fake_wikidata, cache_path):
    client, _ = client_for(fake_wikidata, cache_path)
    cands = {c.qid: c for c in client.candidates("Tokayev")}
    assert cands["Q99999001"].type == "City"  # P31 "village of Kazakhstan"
    assert client.candidates("Almaty Region")[0].type == "Place"


def test_unclassifiable_or_weak_candidates_are_refused(fake_wikidata, cache_path):
    client, _ = client_for(fake_wikidata, cache_path)
    assert resolve_online("Zzyzx", None, client) is None  # an abstract concept
    assert resolve_online("Nothing at all", "place", client) is None  # no hit
    # A partial match scores under the threshold.
    assert resolve_online("Almaty", "place", client, threshold=1.01) is None


def test_polite_requests(fake_wikidata, cache_path):
    client, _ = client_for(fake_wikidata, cache_path)
    client.candidates("CSTO")
    params, headers = fake_wikidata.requests[0]
    assert headers["User-Agent"].startswith("kg-loader/") and "https://" in headers["User-Agent"]
    assert params["maxlag"] == "5" and params["format"] == "json" and params["formatversion"] == "2"


def test_ids_are_batched_by_50(fake_wikidata, cache_path):
    client, _ = client_for(fake_wikidata, cache_path)
    ids = [f"Q{n}" for n in range(1, 121)]
    client.items(ids)
    batches = [p["ids"].split("|") for p, _ in fake_wikidata.requests if p["action"] == "wbgetentities"]
    assert [len(b) for b in batches] == [50, 50, 20]
    assert sorted(sum(batches, []), key=lambda q: int(q[1:])) == ids


def test_429_honours_retry_after(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(429, b"", {"Retry-After": "7"})]
    client, sleeps = client_for(fake_wikidata, cache_path)
    assert client.candidates("CSTO")[0].qid == "Q318693"
    assert sleeps == [7.0]


def test_retry_after_is_capped(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(503, b"", {"Retry-After": "3600"})]
    client, sleeps = client_for(fake_wikidata, cache_path, max_wait=30)
    client.candidates("CSTO")
    assert sleeps == [30]


def test_an_unreadable_retry_after_is_a_backoff(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(503, b"", {"Retry-After": "soon"})]
    client, sleeps = client_for(fake_wikidata, cache_path, backoff=0.5)
    assert client.candidates("CSTO")[0].qid == "Q318693"
    assert sleeps == [0.5] and client.requests_sent >= 2


def test_500s_back_off_exponentially(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(500, b"oops"), fake_wikidata.step(502, b"oops")]
    client, sleeps = client_for(fake_wikidata, cache_path, backoff=0.5)
    assert client.candidates("CSTO")[0].qid == "Q318693"
    assert sleeps == [0.5, 1.0]


def test_persistent_500_is_a_link_error(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(500, b"oops")] * 4
    client, sleeps = client_for(fake_wikidata, cache_path)
    with pytest.raises(LinkError, match="after 4 attempts: HTTP 500"):
        client.candidates("CSTO")
    assert len(sleeps) == 3


def test_timeout_then_success(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(delay=1.0)]
    client, sleeps = client_for(fake_wikidata, cache_path, timeout=0.2)
    assert client.candidates("CSTO")[0].qid == "Q318693"
    assert len(sleeps) == 1


def test_timeouts_exhaust_retries(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(delay=0.6)] * 2
    client, _ = client_for(fake_wikidata, cache_path, timeout=0.15, retries=1)
    with pytest.raises(LinkError, match="timed out"):
        client.candidates("CSTO")


def test_malformed_json_is_retried_then_reported(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(200, b"{not json")]
    client, sleeps = client_for(fake_wikidata, cache_path)
    assert client.candidates("CSTO")[0].qid == "Q318693"
    fake_wikidata.script = [fake_wikidata.step(200, b"<html>")] * 4
    client2, _ = client_for(fake_wikidata, cache_path.with_name("other.sqlite"))
    with pytest.raises(LinkError, match="malformed JSON"):
        client2.candidates("CSTO")


def test_maxlag_error_waits_and_retries(fake_wikidata, cache_path):
    lag = {"error": {"code": "maxlag", "info": "Waiting for 10.64.48.23: 6 seconds lagged", "host": "x", "lag": 6}}
    fake_wikidata.script = [fake_wikidata.step(200, json.dumps(lag).encode(), {"Retry-After": "5", "X-Database-Lag": "6"})]
    client, sleeps = client_for(fake_wikidata, cache_path)
    assert client.candidates("CSTO")[0].qid == "Q318693"
    assert sleeps == [5.0]


def test_api_error_is_not_retried(fake_wikidata, cache_path):
    bad = {"error": {"code": "param-missing", "info": "The required parameter \"search\" was missing."}}
    fake_wikidata.script = [fake_wikidata.step(200, json.dumps(bad).encode())]
    client, sleeps = client_for(fake_wikidata, cache_path)
    with pytest.raises(LinkError, match="parameter"):
        client.candidates("CSTO")
    assert sleeps == []


def test_client_error_status_is_a_link_error(fake_wikidata, cache_path):
    fake_wikidata.script = [fake_wikidata.step(403, b"forbidden")]
    client, _ = client_for(fake_wikidata, cache_path)
    with pytest.raises(LinkError, match="HTTP 403"):
        client.candidates("CSTO")


def test_unreachable_api_is_a_link_error(cache_path):
    client = WikidataClient("http://127.0.0.1:9/w/api.php", Cache(cache_path), retries=1,
                            timeout=0.5, sleep=lambda s: None)
    with pytest.raises(LinkError, match="connection failed"):
        client.candidates("CSTO")


def test_cache_makes_a_rerun_offline_and_identical(fake_wikidata, cache_path):
    client, _ = client_for(fake_wikidata, cache_path)
    first = client.candidates("Tokayev")
    sent = len(fake_wikidata.requests)
    assert sent >= 2
    fake_wikidata.script = [fake_wikidata.step(500, b"down")] * 20  # the API is now broken
    again = WikidataClient(fake_wikidata.url, Cache(cache_path), sleep=lambda s: None)
    second = again.candidates("Tokayev")
    assert len(fake_wikidata.requests) == sent and again.requests_sent == 0
    assert [(c.qid, c.score, c.type) for c in second] == [(c.qid, c.score, c.type) for c in first]
    assert {c.source for c in second} == {"cache"}


def test_offline_client_never_asks(fake_wikidata, cache_path):
    client = WikidataClient(fake_wikidata.url, Cache(cache_path), offline=True)
    assert client.candidates("CSTO") == []
    assert fake_wikidata.requests == []


def test_api_url_from_environment(fake_wikidata, cache_path, monkeypatch):
    monkeypatch.setenv("KG_WIKIDATA_API", fake_wikidata.url)
    client = WikidataClient(sleep=lambda s: None)
    assert client.cache.path == cache_path
    assert client.candidates("CSTO")[0].qid == "Q318693"


def test_type_from_labels():
    assert type_from_labels(["human"]) == "Person"
    assert type_from_labels(["sovereign state", "country"]) == "Country"
    assert type_from_labels(["news agency"]) == "Organization"
    assert type_from_labels(["big city"]) == "City"
    assert type_from_labels(["oblast of Kazakhstan"]) == "Place"
    assert type_from_labels(["painting"]) == "Thing"


def test_cache_info_and_clear(tmp_path):
    cache = Cache(tmp_path / "c.sqlite")
    assert cache.info().entries == 0 and cache.clear() == 0
    cache.put({"a": 1}, {"x": [1, 2]})
    assert cache.get({"a": 1}) == {"x": [1, 2]} and cache.get({"a": 2}) is None
    assert cache.info().entries == 1
    assert cache.clear() == 1 and cache.get({"a": 1}) is None


def test_unwritable_cache_is_a_link_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LinkError, match="cannot open the lookup cache"):
        Cache(blocker / "sub" / "c.sqlite").put({"a": 1}, 1)
    assert Cache(blocker / "sub" / "c.sqlite").get({"a": 1}) is None  # reading never creates it
