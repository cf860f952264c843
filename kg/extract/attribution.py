"""Who says so: "X said", "according to X", "X told Y", "X's ministry said"."""
from __future__ import annotations

import re

from kg.lazy_regex import fold
from kg.model import Entity
from kg.rules import Rules, default_rules


def find_claimant(sentence: str, base: int, matches: list, persons: list,
                  rules: Rules | None = None) -> Entity | str | None:
    """The source a sentence attributes its content to: an entity when its name is one, else the words."""
    found = find_claimant_span(sentence, base, matches, persons, rules)
    return found[0] if found else None


def find_claimant_span(sentence: str, base: int, matches: list, persons: list,
                       rules: Rules | None = None, folded: str | None = None
                       ) -> tuple[Entity | str, tuple[int, int]] | None:
    """The claimant and where its words stand (absolute offsets), or None. ``folded`` is the
    sentence's fold, when the caller has it."""
    rules = rules or default_rules()
    p = rules.pattern
    who = None
    # "The mission, which has 3,800 troops in Kosovo, said": the relative clause is not the speaker.
    # (A sentence without the clause's words is its own plain form, and keeps its fold.)
    folded = fold(sentence) if folded is None else folded
    relative = rules.patterns.lazy("relative_clause")
    if relative.may_match(folded):
        plain = relative.compiled.sub(lambda r: ";" * len(r.group(0)), sentence)
        folded = fold(plain) if plain != sentence else folded
    else:
        plain = sentence
    for name in ("according_to", "said_subject", "group_said", "subject_said"):
        m = rules.patterns.search(name, plain, folded)
        if m:
            who = m
            break
    if who is None:
        return None
    a, b = who.span("who")
    phrase = sentence[a:b].strip()
    phrase = p("claim_when").sub("", p("claim_trailing").sub("", p("claim_leading").sub("", phrase)))
    # Keep the noun phrase nearest the verb: "In a statement, Russia's ministry of defence".
    phrase = re.split(r",\s*", phrase)[-1].strip()
    if not phrase or p("claim_pronoun").match(phrase):
        return None
    where = (base + a, base + b)
    # A name that is the whole phrase is the entity; a description ("Kazakh officials") stays words.
    for m in list(matches) + list(persons):
        surface = m.surface if hasattr(m, "surface") else m.entity.label
        kind = getattr(m, "kind", "name")
        if kind != "demonym" and base + a <= m.start and m.end <= base + b:
            rest = phrase.replace(surface, "").strip(" ,.'’").removesuffix("'s").strip()
            if not rest or p("claim_title").fullmatch(rest.lower()):
                return m.entity, where
    return phrase[:120], where
