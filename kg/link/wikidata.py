"""Online lookup against the Wikidata API, polite and cached (``--online``; off by default).

``wbsearchentities`` gives candidates for a name, ``wbgetentities`` their English labels,
descriptions and classes (P31), 50 ids per request. A candidate is accepted only if its class
fits the slot (a location must be a place) and its score clears a threshold; otherwise the name
stays unlinked. Every answer is cached on disk (kg.link.cache), so a rerun asks nothing.

Politeness, as Wikimedia's API etiquette asks: a descriptive User-Agent, ``maxlag``, one request
at a time, retries with exponential backoff that honour ``Retry-After`` (urllib3's Retry on the
session, kg.retry).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any, Callable

from kg.errors import LinkError
from kg.link.cache import Cache
from kg.link.gazetteer import SLOT_TYPES, Candidate
from kg.link.normalize import query_key
from kg.model import Entity
from kg.resources import DATA_DIR

DEFAULT_API = "https://www.wikidata.org/w/api.php"
USER_AGENT = ("kg-loader/0.1 (news articles to a Wikidata-linked knowledge graph; "
              "https://w3id.org/kg-loader) python-requests")
BATCH = 50  # wbgetentities accepts at most 50 ids per request
THRESHOLD = 0.8
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAXLAG_WAIT = 5.0  # seconds to wait for a lagged database that did not say how long

# Fallback when a candidate's classes are not in gazetteer-wikidata-classes.tsv: the English
# labels of its P31 classes. Checked in this order (a "news agency" is not a place).
_PERSON_WORDS = ("human",)
_ORG_WORDS = ("organization", "organisation", "agency", "company", "enterprise", "business",
              "political party", "alliance", "association", "institution", "ministry", "government",
              "council", "committee", "armed forces", "military", "army", "newspaper", "broadcaster",
              "news", "non-governmental", "intergovernmental", "militia", "terrorist", "coalition",
              "movement", "federation", "foundation", "court", "police", "parliament", "legislature",
              "union", "bank", "university", "mission", "force")
_COUNTRY_WORDS = ("country", "sovereign state")
_CITY_WORDS = ("city", "town", "village", "capital", "metropolis", "settlement", "municipality",
               "commune")
_PLACE_WORDS = ("region", "province", "oblast", "district", "county", "prefecture", "territory",
                "state", "republic", "kingdom", "island", "administrative", "territorial entity",
                "krai", "canton", "enclave", "autonomous", "neighbourhood", "neighborhood",
                "peninsula", "geographic", "area", "emirate", "dependency", "federal subject")


@dataclass(frozen=True)
class WikidataItem:
    qid: str
    label: str | None
    description: str | None
    aliases: tuple[str, ...]
    classes: tuple[str, ...]  # P31 QIDs


def load_classes(path=None) -> dict[str, str]:
    """Verified class QID -> Entity.type, from the data file."""
    path = path or DATA_DIR / "gazetteer-wikidata-classes.tsv"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "qid\t")):
            continue
        qid, _slot, etype = line.split("\t")[:3]
        out[qid.strip()] = etype.strip()
    return out


def type_from_labels(labels: list[str]) -> str:
    """Entity.type from the English labels of an item's classes ("Thing" when none fits)."""
    low = [s.casefold() for s in labels]
    for words, etype in ((_PERSON_WORDS, "Person"), (_COUNTRY_WORDS, "Country"),
                         (_ORG_WORDS, "Organization"), (_CITY_WORDS, "City"), (_PLACE_WORDS, "Place")):
        if any(w in s for s in low for w in words):
            return etype
    return "Thing"


class _UnusableAnswer(Exception):
    """An answer that came back but cannot be used: malformed JSON, a lagged database."""


def _cause(exc: Exception) -> str:
    """The name of the error under requests' ConnectionError (urllib3 wraps it when retries run out)."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return type(reason).__name__ if isinstance(reason, Exception) else type(exc).__name__


class WikidataClient:
    """A small, polite, caching client of the Wikidata API."""

    def __init__(
        self,
        api_url: str | None = None,
        cache: Cache | None = None,
        *,
        timeout: float | tuple[float, float] = (5.0, 20.0),
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        maxlag: int = 5,
        user_agent: str | None = None,
        offline: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        session: Any = None,
    ):
        self.api_url = api_url or os.environ.get("KG_WIKIDATA_API") or DEFAULT_API
        self.cache = cache if cache is not None else Cache()
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.maxlag = maxlag
        self.user_agent = user_agent or os.environ.get("KG_USER_AGENT") or USER_AGENT
        self.offline = offline
        self.sleep = sleep
        self._session = session
        self._retrying = False
        self._classes: dict[str, str] | None = None
        self.requests_sent = 0  # HTTP requests made (cache hits excluded)

    # -- transport ----------------------------------------------------------------------
    def _policy(self):
        from kg.retry import retry_policy

        return retry_policy(self.retries, self.backoff, _RETRY_STATUS, self.max_wait, pause=self.sleep)

    def _http(self):
        if not self._retrying:  # a session given to the client gets the retries too
            from kg.retry import retrying_session

            given = self._session is not None
            self._session = retrying_session(self._policy(), self._session)
            if not given:
                self._session.headers.update({"User-Agent": self.user_agent, "Accept": "application/json"})
            self._retrying = True
        return self._session

    def call(self, params: dict[str, Any]) -> dict[str, Any] | None:
        """One API call, answered from the cache when possible (None: offline and not cached)."""
        params = {**params, "format": "json", "formatversion": "2"}
        cached = self.cache.get(params)
        if cached is not None:
            return cached
        if self.offline:
            return None
        data = self._fetch(params)
        self.cache.put(params, data)
        return data

    def _fetch(self, params: dict[str, Any]) -> dict[str, Any]:
        """The answer's JSON. The session's urllib3 Retry retries dropped connections, timeouts,
        429 and 5xx; answers that came back but cannot be used (malformed JSON, a lagged
        database) are retried here under the same policy."""
        import requests
        from urllib3.exceptions import MaxRetryError

        from kg.retry import attempts_of

        session = self._http()
        retry = self._policy().new(other=self.retries)  # unusable answers count as "other" errors
        while True:
            wait_for = None  # the answer whose Retry-After says how long to wait
            try:
                resp = session.get(self.api_url, params={**params, "maxlag": self.maxlag},
                                   timeout=self.timeout)
            except requests.RequestException as exc:
                self.requests_sent += self.retries + 1  # urllib3 gives up when its retries are spent
                timed_out = isinstance(exc, requests.Timeout) or "timed out" in str(exc).lower()
                last = "timed out" if timed_out else f"connection failed ({_cause(exc)})"
                raise LinkError(f"Wikidata API unavailable after {self.retries + 1} attempts: {last}") from None
            self.requests_sent += attempts_of(resp)
            if resp.status_code in _RETRY_STATUS:
                raise LinkError(f"Wikidata API unavailable after {attempts_of(resp)} attempts: "
                                f"HTTP {resp.status_code}")
            if resp.status_code >= 400:
                raise LinkError(f"Wikidata API refused the request: HTTP {resp.status_code}")
            try:
                data = resp.json()
            except ValueError:
                last = "malformed JSON in the answer"
            else:
                if not isinstance(data, dict):
                    last = "unexpected answer (not a JSON object)"
                elif "error" in data:
                    err = data["error"] if isinstance(data["error"], dict) else {}
                    if err.get("code") != "maxlag":
                        info = str(err.get("info") or err.get("code") or "unknown error")
                        raise LinkError(f"Wikidata API error: {info.splitlines()[0][:200]}")
                    last = "database lagged (maxlag)"
                    wait_for = resp
                else:
                    return data
            try:
                retry = retry.increment("GET", self.api_url, error=_UnusableAnswer(last))
            except MaxRetryError:
                raise LinkError(f"Wikidata API unavailable after {retry.attempts} attempts: {last}") from None
            if wait_for is not None and not wait_for.headers.get("Retry-After"):
                self.sleep(min(_MAXLAG_WAIT, self.max_wait))  # the API asks for a pause, not a backoff
            else:
                retry.sleep(wait_for)

    # -- API ----------------------------------------------------------------------------
    def search(self, name: str, limit: int = 7, language: str = "en") -> list[dict[str, Any]] | None:
        data = self.call({"action": "wbsearchentities", "search": name, "language": language,
                          "uselang": language, "type": "item", "limit": limit})
        if data is None:
            return None
        results = data.get("search")
        if not isinstance(results, list):
            raise LinkError("Wikidata API answered wbsearchentities without a 'search' list")
        return [r for r in results if isinstance(r, dict) and isinstance(r.get("id"), str)]

    def items(self, qids: list[str], language: str = "en",
              props: str = "labels|descriptions|aliases|claims") -> dict[str, WikidataItem]:
        """Labels, descriptions, aliases and P31 classes of items, 50 per request."""
        out: dict[str, WikidataItem] = {}
        ids = sorted(set(qids), key=lambda q: int(q[1:]) if q[1:].isdigit() else 0)
        for i in range(0, len(ids), BATCH):
            batch = ids[i:i + BATCH]
            data = self.call({"action": "wbgetentities", "ids": "|".join(batch),
                              "props": props, "languages": language})
            if data is None:
                continue
            entities = data.get("entities")
            if not isinstance(entities, dict):
                raise LinkError("Wikidata API answered wbgetentities without 'entities'")
            for qid, ent in entities.items():
                if isinstance(ent, dict) and "missing" not in ent:
                    out[qid] = _parse_item(qid, ent, language)
        return out

    def class_types(self, classes: set[str]) -> dict[str, str]:
        """Entity.type of each class QID: the verified table first, then its English label."""
        if self._classes is None:
            self._classes = load_classes()
        known = {c: self._classes[c] for c in classes if c in self._classes}
        rest = sorted(classes - known.keys())
        if rest:
            for qid, item in self.items(rest, props="labels").items():
                known[qid] = type_from_labels([item.label or ""])
        return known

    def candidates(self, name: str, type: str | None = None, limit: int = 7) -> list[Candidate]:
        """Ranked candidates for a name, each with its type; those not fitting ``type`` are dropped."""
        if type is not None and type not in SLOT_TYPES:
            raise LinkError(f"unknown type {type!r} (expected place, person or organization)")
        before = self.requests_sent
        hits = self.search(name, limit=limit)
        if not hits:
            return []
        items = self.items([h["id"] for h in hits])
        class_type = self.class_types({c for it in items.values() for c in it.classes})
        source = "api" if self.requests_sent > before else "cache"
        want = query_key(name)
        out: list[Candidate] = []
        for pos, hit in enumerate(hits):
            item = items.get(hit["id"])
            if item is None:
                continue
            etype = _item_type(item, class_type)
            if type is not None and etype not in SLOT_TYPES[type]:
                continue
            out.append(Candidate(key=item.qid, label=item.label or hit.get("label") or item.qid,
                                 type=etype, score=_score(want, item, hit, pos), source=source,
                                 qid=item.qid, description=item.description))
        return sorted(out, key=lambda c: -c.score)


def _parse_item(qid: str, ent: dict[str, Any], language: str) -> WikidataItem:
    def text(field: str) -> str | None:
        v = (ent.get(field) or {}).get(language)
        return v.get("value") if isinstance(v, dict) else None

    aliases = (ent.get("aliases") or {}).get(language) or []
    classes = []
    for claim in (ent.get("claims") or {}).get("P31") or []:
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            classes.append(value["id"])
        elif isinstance(value, dict) and "numeric-id" in value:
            classes.append(f"Q{value['numeric-id']}")
    return WikidataItem(qid, text("labels"), text("descriptions"),
                        tuple(a["value"] for a in aliases if isinstance(a, dict) and "value" in a),
                        tuple(classes))


def _item_type(item: WikidataItem, class_type: dict[str, str]) -> str:
    types = {class_type.get(c, "Thing") for c in item.classes}
    for etype in ("Person", "Country", "City", "Place", "Organization"):
        if etype in types:
            return etype
    return "Thing"


def _score(want: str, item: WikidataItem, hit: dict[str, Any], pos: int) -> float:
    """1.0 for an exact label, 0.9 for an exact alias, 0.6 otherwise; minus 0.04 per search rank."""
    if item.label and query_key(item.label) == want:
        base = 1.0
    elif any(query_key(a) == want for a in item.aliases):
        base = 0.9
    else:
        base = 0.6
    return round(max(0.0, base - 0.04 * pos), 3)


def resolve_online(name: str, type: str | None, client: WikidataClient,
                   threshold: float = THRESHOLD) -> Entity | None:
    """The Wikidata entity a name denotes, or None when no candidate fits well enough."""
    cands = [c for c in client.candidates(name, type) if c.type != "Thing"]
    if not cands or cands[0].score < threshold:
        return None
    if len(cands) > 1 and cands[1].score >= cands[0].score:
        return None  # two equally good answers: leave the name unlinked rather than guess
    return cands[0].entity
