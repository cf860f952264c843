"""The path of one article: clean, find names, link, read events, merge. Pure: Article in, Extraction out."""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.attribution import find_claimant_span
from kg.extract.dates import find_dates
from kg.extract.events import mentions_in_sentence
from kg.extract.membership import find_memberships
from kg.extract.merge import absorbed_mentions, build_events
from kg.extract.names import find_person_names, find_surnames
from kg.extract.spans import by_sentence, sentence_index
from kg.extract.timeline import date_undated
from kg.model import Article, DateValue, Entity, Extraction, Mention, Span, Trace
from kg.rules import Rules, default_rules
from kg.text import clean


def extract(article: Article, gazetteer=None, rules: Rules | None = None) -> Extraction:
    """Read the events, entities and memberships one article reports.

    ``rules`` is the language's rule pack (kg.rules), default the packaged English one.
    """
    from kg.link.gazetteer import Gazetteer
    from kg.read import checked_article

    article = checked_article(article)
    gaz = gazetteer or Gazetteer.default()
    rules = rules or default_rules()
    text = article.text
    cleaned = clean(text, rules)
    matches = [m for m in gaz.scan(text) if _inside(m, cleaned.sentences)]
    persons = find_person_names(text, [(m.start, m.end) for m in matches], rules)
    persons = [p for p in persons if _inside(p, cleaned.sentences)]
    persons = sorted(persons + find_surnames(text, persons, [(m.start, m.end) for m in matches]),
                     key=lambda p: p.start)
    published = DateValue(article.published) if article.published else None
    pub_year = int(article.published[:4]) if article.published else None

    dates = [d for d in find_dates(text, published, rules=rules, folded=cleaned.folded)
             if _inside(d, cleaned.sentences)]
    traces: list[Trace] = [Trace(d, "skipped", "debris: page furniture, caption, credit or dateline")
                           for d in cleaned.dropped]
    all_mentions = []
    claimants: dict[int, object] = {}
    sentences = cleaned.sentences
    for sent, in_sent, people, when in zip(sentences, by_sentence(matches, sentences),
                                           by_sentence(persons, sentences), by_sentence(dates, sentences)):
        folded = cleaned.folded[sent.start:sent.end]
        claim = find_claimant_span(sent.text, sent.start, in_sent, people, rules, folded)
        found, why = mentions_in_sentence(sent, in_sent, people, when, published, claim, rules, folded)
        traces.extend(why)
        all_mentions.extend(found)
        if claim is not None:
            claimants[sent.start] = claim[0]
    clusters = absorbed_mentions(all_mentions, pub_year, rules.cues["armed_group"])
    date_undated(clusters, cleaned.sentences, dates, text, published, rules)
    focus = _focus_country(matches, clusters, _dateline_countries(gaz, cleaned.dateline))
    events = build_events(clusters, focus)
    memberships = find_memberships(list(cleaned.sentences), matches, claimants, rules)
    used = _used_values(events)
    mentions = tuple(
        Mention(Span(m.start, m.end, m.surface), m.entity, m.kind) for m in matches
    ) + tuple(Mention(Span(p.start, p.end, p.entity.label), p.entity, "name") for p in persons
              if _used(p.entity, used))
    return Extraction(article=article, mentions=mentions, events=tuple(events),
                      memberships=tuple(memberships), traces=tuple(traces))


def _inside(m, sentences: tuple[Span, ...]) -> bool:
    return sentence_index(sentences, m.start, m.end) is not None


def _dateline_countries(gaz, dateline: Span | None) -> list[tuple[Entity, Span]]:
    """The countries of the places a dateline names ("HARARE –", "KYIV, Ukraine (Reuters) -"):
    where the report was filed, which is where its events were seen. Datelines are set in
    capitals, which the case-sensitive scanner would not read, so all-caps words are title-cased
    first (same length: offsets stay valid)."""
    if dateline is None:
        return []
    text = _ALL_CAPS.sub(lambda m: m.group().title(), dateline.text)
    out = []
    for m in gaz.scan(text):
        country = m.entity if m.entity.type == "Country" else m.country
        if country is not None and country.linked:
            out.append((country, Span(dateline.start + m.start, dateline.start + m.end, m.surface)))
    return out


_ALL_CAPS = re.compile(r"\b[A-Z][A-Z'\-]{2,}\b")


def _focus_country(matches, clusters, dateline: list[tuple[Entity, Span]] = ()) -> tuple[Entity, Span] | None:
    """The country the article is mostly about: where its events happen, else the one named most.
    A dateline's country counts as one event seen there."""
    located: Counter[str] = Counter(
        (r.country if r.entity.type != "Country" else r.entity).key
        for c in clusters for m in c.mentions for r in m.roles
        if r.prop == "location" and (r.country is not None or r.entity.type == "Country"))
    counts: Counter[str] = Counter()
    first: dict[str, tuple[Entity, Span]] = {}
    for country, span in dateline[:1]:
        located[country.key] += 1
        counts[country.key] += 1
        first.setdefault(country.key, (country, span))
    for m in matches:
        country = m.entity if m.entity.type == "Country" else getattr(m, "country", None)
        if country is None or not country.linked:
            continue
        counts[country.key] += 1
        first.setdefault(country.key, (country, Span(m.start, m.end, m.surface)))
    if not counts:
        return None
    best = max(counts, key=lambda k: (located[k], counts[k], -first[k][1].start))
    return first[best]


def _used_values(events) -> set | list:
    """Every fact's value and claimant, as a set (a list if one is unhashable): looked up once per
    person, so that a long article's persons times its facts is not walked."""
    values = [v for e in events for f in e.facts for v in (f.value, f.claimed_by)]
    try:
        return set(values)
    except TypeError:
        return values


def _used(entity: Entity, used: set | list) -> bool:
    return entity in used
