"""A stand-in for the Wikidata API on 127.0.0.1, answering in the real response format
(formatversion=2), with scripted failures: 429 + Retry-After, 500s, slow answers, bad JSON."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest

# Items the fake API knows. Real QIDs are ones verified in ../shared/corpus; Q99999xxx are
# made-up decoys that exist only in these tests.
ITEMS = {
    "Q200881": {"label": "Kassym-Jomart Tokayev", "description": "President of Kazakhstan",
                "aliases": ["Tokayev", "Qasym-Zhomart Toqaev"], "p31": ["Q5"]},
    "Q99999001": {"label": "Tokayev", "description": "made-up decoy: a village", "aliases": [],
                  "p31": ["Q99999101"]},
    "Q35493": {"label": "Almaty", "description": "largest city in Kazakhstan", "aliases": ["Alma-Ata"],
               "p31": ["Q515"]},
    "Q99999002": {"label": "Almaty Region", "description": "made-up decoy: a region", "aliases": [],
                  "p31": ["Q99999102"]},
    "Q318693": {"label": "Collective Security Treaty Organization", "description": "military alliance",
                "aliases": ["CSTO"], "p31": ["Q43229"]},
    "Q99999003": {"label": "Zzyzx Thing", "description": "made-up decoy: an abstract thing", "aliases": [],
                  "p31": ["Q99999103"]},
    "Q99999004": {"label": "Marat Zhanuzakov", "description": "made-up decoy: an opposition leader",
                  "aliases": [], "p31": ["Q5"]},
    "Q99999005": {"label": "Zhanuzakov", "description": "made-up decoy: a village", "aliases": [],
                  "p31": ["Q99999101"]},
    # classes
    "Q5": {"label": "human", "p31": []},
    "Q515": {"label": "city", "p31": []},
    "Q43229": {"label": "organization", "p31": []},
    "Q99999101": {"label": "village of Kazakhstan", "p31": []},
    "Q99999102": {"label": "region of Kazakhstan", "p31": []},
    "Q99999103": {"label": "abstract concept", "p31": []},
}
SEARCH = {
    "tokayev": ["Q200881", "Q99999001"],
    "almaty": ["Q35493", "Q99999002"],
    "csto": ["Q318693"],
    "almaty region": ["Q99999002", "Q35493"],
    "zzyzx": ["Q99999003"],
    "marat zhanuzakov": ["Q99999004", "Q99999005"],
}


def search_answer(term: str, limit: int) -> dict:
    hits = []
    for qid in SEARCH.get(term.casefold(), [])[:limit]:
        it = ITEMS[qid]
        match = ("label", it["label"]) if it["label"].casefold() == term.casefold() else (
            "alias", next((a for a in it["aliases"] if a.casefold() == term.casefold()), it["label"]))
        hits.append({
            "id": qid, "title": qid, "pageid": int(qid[1:]) % 100000,
            "concepturi": f"http://www.wikidata.org/entity/{qid}", "repository": "wikidata",
            "url": f"//www.wikidata.org/wiki/{qid}",
            "display": {"label": {"value": it["label"], "language": "en"},
                        "description": {"value": it.get("description", ""), "language": "en"}},
            "label": it["label"], "description": it.get("description", ""),
            "match": {"type": match[0], "language": "en", "text": match[1]},
            **({"aliases": [match[1]]} if match[0] == "alias" else {}),
        })
    return {"searchinfo": {"search": term}, "search": hits, "search-continue": len(hits), "success": 1}


def entities_answer(ids: list[str], props: str) -> dict:
    out = {}
    for qid in ids:
        it = ITEMS.get(qid)
        if it is None:
            out[qid] = {"id": qid, "missing": ""}
            continue
        ent: dict = {"type": "item", "id": qid}
        if "labels" in props:
            ent["labels"] = {"en": {"language": "en", "value": it["label"]}}
        if "descriptions" in props and it.get("description"):
            ent["descriptions"] = {"en": {"language": "en", "value": it["description"]}}
        if "aliases" in props:
            ent["aliases"] = {"en": [{"language": "en", "value": a} for a in it.get("aliases", [])]}
        if "claims" in props:
            ent["claims"] = {"P31": [{
                "mainsnak": {"snaktype": "value", "property": "P31", "datatype": "wikibase-item",
                             "datavalue": {"type": "wikibase-entityid",
                                           "value": {"entity-type": "item", "numeric-id": int(c[1:]), "id": c}}},
                "type": "statement", "id": f"{qid}$0000", "rank": "normal"} for c in it["p31"]]}
        out[qid] = ent
    return {"entities": out, "success": 1}


@dataclass
class Scripted:
    status: int = 200
    body: bytes | None = None  # None: the normal answer
    headers: dict = field(default_factory=dict)
    delay: float = 0.0


class FakeWikidata:
    def __init__(self):
        self.requests: list[tuple[dict, dict]] = []
        self.script: list[Scripted] = []  # consumed one per request, before normal answers
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                params = dict(parse_qsl(urlsplit(self.path).query))
                with fake.lock:
                    fake.requests.append((params, dict(self.headers)))
                    step = fake.script.pop(0) if fake.script else Scripted()
                if step.delay:
                    time.sleep(step.delay)
                body = step.body
                if body is None and step.status == 200:
                    action = params.get("action")
                    if action == "wbsearchentities":
                        answer = search_answer(params.get("search", ""), int(params.get("limit", 7)))
                    elif action == "wbgetentities":
                        answer = entities_answer(params.get("ids", "").split("|"), params.get("props", ""))
                    else:
                        answer = {"error": {"code": "badvalue", "info": f"Unrecognized value for parameter \"action\": {action}."}}
                    body = json.dumps(answer).encode()
                body = body or b""
                try:
                    self.send_response(step.status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    for k, v in step.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/w/api.php"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @staticmethod
    def step(status: int = 200, body: bytes | None = None, headers: dict | None = None,
             delay: float = 0.0) -> Scripted:
        return Scripted(status, body, headers or {}, delay)

    def actions(self) -> list[str]:
        return [p.get("action", "") for p, _ in self.requests]


@pytest.fixture(autouse=True)
def no_user_files(tmp_path, monkeypatch):
    """Keep the user's own gazetteer and cache out of these tests."""
    monkeypatch.setenv("KG_GAZETTEER", str(tmp_path / "no-user-gazetteer.tsv"))
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def fake_wikidata():
    fake = FakeWikidata()
    fake.thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def cache_path(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "wikidata.sqlite"
