"""Memberships an article states: "the other members of the CSTO are Belarus, ..."."""
from __future__ import annotations

import re

from kg.extract.mentions import negated
from kg.model import Membership, Span
from kg.rules import Rules, default_rules

_CUE = re.compile(r"\b(?:members?|membership|member (?:states?|countries|nations)|participation in|joined|founding member|belong(?:s|ed|ing)? to|groups|grouping|comprises|comprising|consists of|consisting of|includes|including|made up of|brings together|chairmanship|chairs)\b", re.I)
_RELATIVE_BREAK = re.compile(r",\s*(?:which|who|whose|where)\b", re.I)
_WANTS = re.compile(r"\b(?:consider(?:s|ed|ing)?|apply(?:ing)?|appl(?:ied|ication)|seek(?:s|ing)?|sought|bid|candidate|aspir\w*|hopes?|wants?|plans? to|observer)\b", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and|&)\s*")
_REACH = 60
_ANAPHOR = re.compile(r"\bthe\s+(?:organi[sz]ation|alliance|bloc|grouping)\b", re.I)


def find_memberships(sentences: list[Span], matches: list, claimants: dict[int, object],
                     rules: Rules | None = None) -> list[Membership]:
    rules = rules or default_rules()
    out: dict[tuple[str, str], Membership] = {}
    last_org = None  # "the organization" / "the alliance" stands for the one named last
    for sent in sentences:
        s = sent.text
        inside = [m for m in matches if sent.start <= m.start and m.end <= sent.end]
        orgs = [m for m in inside if m.entity.type == "Organization" and m.kind != "demonym"]
        for cue in _CUE.finditer(s):
            if negated(s, cue.start(), rules) or _WANTS.search(s[max(0, cue.start() - 50):cue.end() + 20]):
                continue
            pos = sent.start + cue.start()
            org = min(orgs, key=lambda m: abs(m.start - pos)) if orgs else None
            if org is None or abs(org.start - pos) > _REACH:
                back = _ANAPHOR.search(s, cue.end(), min(len(s), cue.end() + 25))
                if last_org is None or back is None:
                    continue
                org = last_org
            for member in _listed_near(inside, pos, s, sent.start):
                key = (member.entity.key, org.entity.key)
                if member.entity.linked and org.entity.linked and key not in out:
                    out[key] = Membership(member.entity, org.entity, sent, claimants.get(sent.start))
        if orgs:
            last_org = orgs[-1]
    return list(out.values())


def _listed_near(inside: list, pos: int, s: str, base: int) -> list:
    """Countries named within reach of the cue, with every list ("A, B and C") one of them is in."""
    countries = [m for m in inside if m.entity.type == "Country" and m.kind not in {"demonym"}]
    groups: list[list] = []
    for i, m in enumerate(countries):
        joined = i > 0 and _LIST_GAP.fullmatch(s[countries[i - 1].end - base:m.start - base]) is not None
        if joined:
            groups[-1].append(m)
        else:
            groups.append([m])
    # "X is a member of the AU, which sent troops to Sudan": a relative clause tells of something else.
    breaks = [base + b.start() for b in _RELATIVE_BREAK.finditer(s)]
    same_clause = lambda x: not any(min(x.start, pos) < b < max(x.start, pos) for b in breaks)
    return [m for g in groups if any(min(abs(x.start - pos), abs(x.end - pos)) <= _REACH for x in g)
            for m in g if same_clause(m)]
