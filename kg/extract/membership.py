"""Memberships an article states: "the bloc's members are Chad, Mali and Niger"."""
from __future__ import annotations

from kg.extract.mentions import negated
from kg.extract.spans import by_sentence
from kg.lazy_regex import fold
from kg.model import Membership, Span
from kg.rules import Rules, default_rules

_REACH = 60


def find_memberships(sentences: list[Span], matches: list, claimants: dict[int, object],
                     rules: Rules | None = None) -> list[Membership]:
    rules = rules or default_rules()
    out: dict[tuple[str, str], Membership] = {}
    last_org = None  # "the organization" / "the alliance" stands for the one named last
    cues = rules.patterns.lazy("member_cue")
    for sent, inside in zip(sentences, by_sentence(matches, sentences)):
        s = sent.text
        orgs = [m for m in inside if m.entity.type == "Organization" and m.kind != "demonym"]
        # Most sentences hold none of the cue's necessary words: the regex is not run on them.
        for cue in cues.compiled.finditer(s) if cues.may_match(fold(s)) else ():
            if negated(s, cue.start(), rules) or rules.pattern("member_wants").search(s[max(0, cue.start() - 50):cue.end() + 20]):
                continue
            pos = sent.start + cue.start()
            org = min(orgs, key=lambda m: abs(m.start - pos)) if orgs else None
            if org is None or abs(org.start - pos) > _REACH:
                back = rules.pattern("member_anaphor").search(s, cue.end(), min(len(s), cue.end() + 25))
                if last_org is None or back is None:
                    continue
                org = last_org
            for member in _listed_near(inside, pos, s, sent.start, rules):
                key = (member.entity.key, org.entity.key)
                if member.entity.linked and org.entity.linked and key not in out:
                    out[key] = Membership(member.entity, org.entity, sent, claimants.get(sent.start))
        for member, org in _appositions(inside, s, sent.start, rules):
            key = (member.entity.key, org.entity.key)
            if member.entity.linked and org.entity.linked and key not in out:
                out[key] = Membership(member.entity, org.entity, sent, claimants.get(sent.start))
        if orgs:
            last_org = orgs[-1]
    return list(out.values())


def _appositions(inside: list, s: str, base: int, rules: Rules) -> list[tuple]:
    """A state followed by its place in an organisation: "Chile, Mercosur's biggest exporter"."""
    gap, role = rules.pattern("member_apposition_gap"), rules.pattern("member_apposition_role")
    ordered = sorted(inside, key=lambda m: m.start)
    return [(m, o) for m, o in zip(ordered, ordered[1:])
            if m.entity.type == "Country" and m.kind != "demonym"
            and o.entity.type == "Organization" and o.kind != "demonym"
            and gap.fullmatch(s[m.end - base:o.start - base])
            and role.match(s[o.end - base:])]


def _listed_near(inside: list, pos: int, s: str, base: int, rules: Rules) -> list:
    """Countries named within reach of the cue, with every list ("A, B and C") one of them is in."""
    countries = [m for m in inside if m.entity.type == "Country" and m.kind not in {"demonym"}]
    groups: list[list] = []
    for i, m in enumerate(countries):
        joined = i > 0 and rules.pattern("member_list_gap").fullmatch(s[countries[i - 1].end - base:m.start - base]) is not None
        if joined:
            groups[-1].append(m)
        else:
            groups.append([m])
    # "X is a member of the AU, which sent troops to Sudan": a relative clause tells of something else.
    breaks = [base + b.start() for b in rules.pattern("member_relative_break").finditer(s)]
    same_clause = lambda x: not any(min(x.start, pos) < b < max(x.start, pos) for b in breaks)
    return [m for g in groups if any(min(abs(x.start - pos), abs(x.end - pos)) <= _REACH for x in g)
            for m in g if same_clause(m)]
