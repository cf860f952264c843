"""Who says so: "X said", "according to X", "X told Y", "X's ministry said"."""
from __future__ import annotations

import re

from kg.model import Entity

_VERBS = r"(?:said|says|say|told|tells|reported|reports|stated|states|announced|announces|claimed|claims|confirmed|noted|added|wrote)"
_ACCORDING = re.compile(r"\b(?:according to|(?:as )?(?:stated|said|reported|announced|confirmed) by)\s+(?:the\s+)?(?P<who>[^,.;]{2,80}?)(?=[,.;]|$)", re.I)
# "Kazakh officials said", "the ministry said", "Russia's ministry of defence said"
_SUBJECT_SAID = re.compile(
    rf"(?P<who>(?:[A-Z][\w'’.-]*|the|a|an|its|his|her|their|local|state|official|security|police|news)"
    rf"(?:\s+(?:[\w'’.-]+)){{0,6}}?)\s*,?\s+{_VERBS}\b"
)
# "..., X said." at the end of a quote or clause
_SAID_SUBJECT = re.compile(rf"[,”\"]\s*{_VERBS}\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){{0,6}}?)\s*[.,]")
_WHEN = re.compile(r"\s+(?:in|on|last|this|earlier|late|early)\s+(?:[A-Z][a-z]+|week|month|year|night)$")
_RELATIVE = re.compile(r",\s*(?:which|who|whose|where)\b(?:[^,]|,(?=\d))*,")
# "..., hospital officials said." / "..., a military source told AFP."
_GROUP_SAID = re.compile(
    rf",\s*(?P<who>(?:[\w'’-]+\s+){{0,3}}(?:officials?|sources?|spokes(?:man|woman|person)|ministry|police|"
    rf"authorities|witnesses|residents|medics|doctors|agency|office|military|army|government|"
    rf"activists|monitors|observers))\s+{_VERBS}\b", re.I)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|which|who|officials?)$", re.I)
_LEADING = re.compile(r"^(?:in a statement,?\s*|but\s+|and\s+|also\s+)", re.I)
_TRAILING = re.compile(r"(?:\s+(?:has|have|had|also|later|earlier|previously|then|again|repeatedly|officially|publicly|would|will))+$", re.I)


def find_claimant(sentence: str, base: int, matches: list, persons: list) -> Entity | str | None:
    """The source a sentence attributes its content to: an entity when its name is one, else the words."""
    found = find_claimant_span(sentence, base, matches, persons)
    return found[0] if found else None


def find_claimant_span(sentence: str, base: int, matches: list, persons: list) -> tuple[Entity | str, tuple[int, int]] | None:
    """The claimant and where its words stand (absolute offsets), or None."""
    who = None
    # "The mission, which has 3,800 troops in Kosovo, said": the relative clause is not the speaker.
    plain = _RELATIVE.sub(lambda r: ";" * len(r.group(0)), sentence)
    for pattern in (_ACCORDING, _SAID_SUBJECT, _GROUP_SAID, _SUBJECT_SAID):
        m = pattern.search(plain)
        if m:
            who = m
            break
    if who is None:
        return None
    a, b = who.span("who")
    phrase = sentence[a:b].strip()
    phrase = _WHEN.sub("", _TRAILING.sub("", _LEADING.sub("", phrase)))
    # Keep the noun phrase nearest the verb: "In a statement, Russia's ministry of defence".
    phrase = re.split(r",\s*", phrase)[-1].strip()
    if not phrase or _PRONOUN.match(phrase):
        return None
    where = (base + a, base + b)
    # A name that is the whole phrase is the entity; a description ("Kazakh officials") stays words.
    for m in list(matches) + list(persons):
        surface = m.surface if hasattr(m, "surface") else m.entity.label
        kind = getattr(m, "kind", "name")
        if kind != "demonym" and base + a <= m.start and m.end <= base + b:
            rest = phrase.replace(surface, "").strip(" ,.'’").removesuffix("'s").strip()
            if not rest or rest.lower() in {"the", "mr", "mrs", "ms", "president", "secretary-general", "prime minister", "gen.", "general"}:
                return m.entity, where
    return phrase[:120], where
