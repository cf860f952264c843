"""Names the gazetteer does not know: people and bodies that stay honestly unlinked."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.model import Entity

_WORD = r"[A-Z][a-zA-Z'’\u00C0-\u024F-]+"
# Up to six words: a title and a nationality may stand before the name ("Sri Lankan President ...").
_NAME = re.compile(rf"\b{_WORD}(?:\s+(?:de|van|von|al-|bin|ibn|la|le|da|del|du)?\s*{_WORD}){{1,5}}\b")
_TITLES = re.compile(
    r"\b(?:President|Prime Minister|Premier|Minister|Secretary[- ]General|Secretary|General|Gen\.|"
    r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Commander|Chairman|Chief|Director|Spokes(?:man|woman|person)|"
    r"Ambassador|Mayor|Governor|Colonel|Col\.|Major|Lieutenant|Senator|Leader|leader|opposition leader)\s+$"
)
# Words that make a capitalised run an organisation, a place or a heading rather than a person.
_NOT_PERSON = re.compile(
    r"\b(?:Ministry|Council|Committee|Organi[sz]ation|Agency|University|Institute|Forces?|Army|"
    r"Party|Bank|News|Airport|Street|Square|Office|Service|Union|Republic|Government|Parliament|"
    r"Assembly|Court|Department|Command|Mission|Nations|States|Times|Post|Press|Review|Agency|"
    r"Reuters|Twitter|Facebook|Telegram|Security|Treaty|Collective|Peacekeeping|National|Federal|"
    r"Central|International|Hospital|Secretariat|Region|Province|District|City|Village|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Oops|Something|Please|Rights|Watch|"
    r"Group|Groups|Foundation|Front|Movement|Coalition|Alliance|Brigade|Battalion|Guard|Police|"
    r"Airlines|Airways|Company|Corporation|Television|Radio|Channel|Agency|Network)\b"
)
_TITLE_WORDS = re.compile(
    r"^(?:President|Prime|Minister|Premier|Secretary|Secretary-General|General|Gen\.?|Mr\.?|Mrs\.?|Ms\.?|"
    r"Dr\.?|Commander|Chairman|Chief|Director|Ambassador|Mayor|Governor|Colonel|Col\.?|Major|"
    r"Lieutenant|Lt\.?|Senator|Sen\.?|Deputy|Foreign|Defence|Defense|Interior|Justice|Vice|King|Queen|"
    r"Prince|Sheikh|Pope|Archbishop|Bishop|Opposition|Spokesman|Spokeswoman|Captain|Capt\.?|Admiral|"
    r"Sergeant|Sgt\.?|Judge|Justice|Speaker|Chancellor)$")
_CALENDAR = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                       r"March|April|May|June|July|August|September|October|November|December)$")
_FUNCTION = {"The", "A", "An", "In", "On", "At", "After", "Before", "During", "But", "And", "As",
             "It", "He", "She", "They", "This", "That", "Those", "These", "His", "Her", "Its",
             "Their", "Some", "Several", "When", "While", "Since", "Earlier", "Later", "Local",
             "Both", "Three", "Two", "Back", "Currently", "Official", "Alongside", "Last", "Heavy"}


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    entity: Entity
    titled: bool  # a title ("President", "Gen.") stood before it


def slug(label: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "unnamed"


def unlinked(label: str, type_: str) -> Entity:
    return Entity(key=f"{type_.lower()}/{slug(label)}", label=label, type=type_)


def find_person_names(text: str, taken: list[tuple[int, int]]) -> list[NameMention]:
    """Capitalised runs of two to four words that look like people's names.

    ``taken`` are spans the gazetteer already linked; a run overlapping one is not a new name.
    """
    out: list[NameMention] = []
    for m in _NAME.finditer(text):
        start, end, words = m.start(), m.end(), m.group(0).split()
        lead = True
        # "On Monday Amina Farah": a date after a leading preposition is not part of the name.
        while words and (words[0] in _FUNCTION or (not lead and _CALENDAR.match(words[0]))):
            lead = False
            start += len(words[0]) + 1
            words = words[1:]
            while start < end and text[start].isspace():
                start += 1
        # "Finance Minister Petra Lind": everything up to the last title word is the title.
        titles = [i for i, w in enumerate(words[:-2]) if _TITLE_WORDS.match(w)]
        for w in words[:titles[-1] + 1] if titles else []:
            start += len(w)
            while start < end and text[start].isspace():
                start += 1
        words = words[titles[-1] + 1:] if titles else words
        if len(words) < 2 or _NOT_PERSON.search(" ".join(words)):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        label = re.sub(r"['’]s?$", "", text[start:end])
        titled = bool(_TITLES.search(text[max(0, start - 40):start]))
        out.append(NameMention(start, start + len(label), unlinked(label, "Person"), titled))
    return out


def find_surnames(text: str, people: list[NameMention], taken: list[tuple[int, int]]) -> list[NameMention]:
    """Later mentions of a named person by surname alone ("Massimov was detained")."""
    out: list[NameMention] = []
    spans = [(p.start, p.end) for p in people] + taken
    for p in people:
        surname = p.entity.label.split()[-1]
        if len(surname) < 3:
            continue
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            spans.append((m.start(), m.end()))
            out.append(NameMention(m.start(), m.end(), p.entity, False))
    return out
