"""kg.rdf: the graph of one article as MODEL.md describes it, and its serialisations."""
from __future__ import annotations

import hashlib

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from kg.errors import InputError
from kg.model import Article
from kg.pipeline import extract
from kg.rdf import article_iri, serialize, to_graph
from kg.vocab import KG, OA, PROV, SCHEMA, WD, WDT

PUB = "2023-05-12"  # a Friday
STORY = (
    "NAIROBI (AP) \u2014 Kenya deployed 800 troops to Somalia on Monday at the request of Amina Farah.\n\n"
    "The Kenyan soldiers arrived in Mogadishu on Tuesday, the African Union said.\n\n"
    "Separately, protests broke out in Nairobi, where at least 9 people were killed and "
    "around 1,200 were detained, police said. Dozens were injured.\n\n"
    "Chad, Niger and Mali are members of the African Union.\n\n"
    "On Thursday the Kenyan contingent began to withdraw.\n\n"
    "Sign up for our newsletter.\n"
)
WIRE = WD.Q7159  # the African Union, the source of one sentence


def graph_of(text: str = STORY, published: str | None = PUB, **kw) -> Graph:
    return to_graph(extract(Article(text=text, published=published, url=kw.pop("url", None),
                                    title=kw.pop("title", None))), **kw)


@pytest.fixture(scope="module")
def story() -> Graph:
    return to_graph(extract(Article(text=STORY, published=PUB, url="https://example.org/kenya",
                                    title="Kenya sends troops")))


def events(g: Graph, cls) -> list[URIRef]:
    return sorted(g.subjects(RDF.type, cls))


def statements(g: Graph, s=None, p=None, o=None) -> list:
    found = []
    for st in g.subjects(RDF.type, RDF.Statement):
        if all(x is None or (st, prop, x) in g for prop, x in
               ((RDF.subject, s), (RDF.predicate, p), (RDF.object, o))):
            found.append(st)
    return found


# -- the article ---------------------------------------------------------------------------------


def test_the_article_node_records_the_extractor_version(story):
    from importlib.metadata import version

    art = article_iri(hashlib.sha256(STORY.encode()).hexdigest())
    assert story.value(art, KG.extractorVersion) == Literal(version("kg-loader"))
    assert len(list(story.triples((None, KG.extractorVersion, None)))) == 1


def test_the_article_node_carries_its_metadata_and_text_hash(story):
    art = article_iri(hashlib.sha256(STORY.encode()).hexdigest())
    assert (art, RDF.type, KG.Article) in story and (art, RDF.type, SCHEMA.NewsArticle) in story
    assert story.value(art, KG.textSha256) == Literal(hashlib.sha256(STORY.encode()).hexdigest())
    assert story.value(art, SCHEMA.url) == URIRef("https://example.org/kenya")
    assert story.value(art, SCHEMA.headline) == Literal("Kenya sends troops")
    assert story.value(art, SCHEMA.datePublished) == Literal(PUB, datatype=XSD.date)
    mentioned = set(story.objects(art, SCHEMA.mentions))
    assert {WD.Q114, WD.Q1045, WD.Q2449, WD.Q3870, WD.Q7159} <= mentioned
    assert all(str(m).startswith(str(WD)) for m in mentioned)


def test_unknown_metadata_is_left_out_not_invented():
    g = graph_of("Kenya deployed troops to Somalia on Monday.", None)
    (art,) = g.subjects(RDF.type, KG.Article)
    assert g.value(art, SCHEMA.datePublished) is None
    assert g.value(art, SCHEMA.url) is None and g.value(art, SCHEMA.headline) is None
    (dep,) = events(g, KG.MilitaryDeployment)
    assert [o for p in (WDT.P580, WDT.P582, WDT.P585) for o in g.objects(dep, p)] == []  # Monday of when?


@pytest.mark.parametrize("published, datatype", [("2023-05", XSD.gYearMonth), ("2023", XSD.gYear)])
def test_a_partial_publication_date_keeps_its_precision(published, datatype):
    g = graph_of("Kenya deployed troops to Somalia.", published)
    (art,) = g.subjects(RDF.type, KG.Article)
    assert g.value(art, SCHEMA.datePublished) == Literal(published, datatype=datatype)


# -- events and their facts ------------------------------------------------------------------------


def test_each_event_has_its_class_a_label_and_its_source(story):
    art = next(story.subjects(RDF.type, KG.Article))
    (dep,) = events(story, KG.MilitaryDeployment)
    (unrest,) = events(story, KG.CivilUnrest)
    for ev in (dep, unrest):
        assert story.value(ev, RDFS.label).language == "en"
        assert story.value(ev, PROV.wasDerivedFrom) == art
    assert (dep, WDT.P710, WD.Q114) in story
    assert (dep, WDT.P17, WD.Q1045) in story
    assert (dep, WDT.P276, WD.Q2449) in story
    assert (dep, WDT.P1132, Literal(800, datatype=XSD.integer)) in story
    assert (dep, WDT.P580, Literal("2023-05-08", datatype=XSD.date)) in story
    assert (unrest, WDT.P276, WD.Q3870) in story


def test_the_withdrawal_points_to_the_deployment_node(story):
    (dep,) = events(story, KG.MilitaryDeployment)
    (wd,) = events(story, KG.TroopWithdrawal)
    assert list(story.objects(wd, KG.withdrawalOf)) == [dep]
    assert statements(story, wd, KG.withdrawalOf, dep)


def test_the_requester_of_a_deployment_is_stated(story):
    (dep,) = events(story, KG.MilitaryDeployment)
    (who,) = story.objects(dep, KG.requestedBy)
    assert story.value(who, RDFS.label) == Literal("Amina Farah", lang="en")


def test_an_approximate_figure_is_the_number_with_approximate_on_its_statement(story):
    (unrest,) = events(story, KG.CivilUnrest)
    assert (unrest, KG.arrestCount, Literal(1200, datatype=XSD.integer)) in story
    (st,) = statements(story, unrest, KG.arrestCount, Literal(1200, datatype=XSD.integer))
    assert story.value(st, KG.approximate) == Literal(True)


def test_an_exact_figure_has_no_approximate_flag(story):
    (dep,) = events(story, KG.MilitaryDeployment)
    (st,) = statements(story, dep, WDT.P1132)
    assert story.value(st, KG.approximate) is None


def test_at_least_is_the_number_of_deaths(story):
    (unrest,) = events(story, KG.CivilUnrest)
    assert list(story.objects(unrest, WDT.P1120)) == [Literal(9, datatype=XSD.integer)]


def test_a_vague_figure_is_a_minimum_on_a_statement_and_no_truthy_value(story):
    (unrest,) = events(story, KG.CivilUnrest)
    assert list(story.objects(unrest, WDT.P1339)) == []
    (st,) = statements(story, unrest, WDT.P1339)
    assert story.value(st, RDF.object) is None
    assert story.value(st, KG.minValue).toPython() > 1


def test_two_figures_for_one_fact_are_both_stated():
    text = ("Riots in Dakar killed 60 people on Monday, police said. "
            "On Tuesday riots in Dakar killed 90 people, a hospital said.")
    g = graph_of(text)
    (unrest,) = events(g, KG.CivilUnrest)
    assert {o.toPython() for o in g.objects(unrest, WDT.P1120)} == {60, 90}


# -- provenance ---------------------------------------------------------------------------------


def truthy_event_facts(g: Graph):
    evs = {e for cls in (KG.MilitaryDeployment, KG.TroopWithdrawal, KG.CivilUnrest, KG.Attack,
                         KG.ArmedClash, KG.Resignation, KG.Arrest, KG.StateOfEmergency)
           for e in g.subjects(RDF.type, cls)}
    skip = {RDF.type, RDFS.label, PROV.wasDerivedFrom}
    return [(s, p, o) for s in evs for p, o in g.predicate_objects(s) if p not in skip]


def test_every_truthy_fact_and_membership_has_a_statement_with_verbatim_evidence(story):
    art = next(story.subjects(RDF.type, KG.Article))
    facts = truthy_event_facts(story) + list(story.triples((None, WDT.P463, None)))
    assert len(facts) > 12
    for s, p, o in facts:
        sts = statements(story, s, p, o)
        assert sts, (s, p, o)
        for st in sts:
            assert story.value(st, PROV.wasDerivedFrom) == art
            sel = story.value(st, KG.evidence)
            assert (sel, RDF.type, OA.TextQuoteSelector) in story
            assert (sel, RDF.type, OA.TextPositionSelector) in story
            start, end = story.value(sel, OA.start).toPython(), story.value(sel, OA.end).toPython()
            assert str(story.value(sel, OA.exact)) == STORY[start:end]
            assert end > start


def test_memberships_are_truthy_and_reified(story):
    assert {(s, o) for s, o in story.subject_objects(WDT.P463)} == {
        (WD.Q657, WD.Q7159), (WD.Q1032, WD.Q7159), (WD.Q912, WD.Q7159)}


def test_a_linked_source_is_claimed_by_its_iri_and_a_described_one_by_words(story):
    (dep,) = events(story, KG.MilitaryDeployment)
    (unrest,) = events(story, KG.CivilUnrest)
    located = statements(story, dep, WDT.P276, WD.Q2449)
    assert [story.value(st, KG.claimedBy) for st in located] == [WIRE]
    (st,) = statements(story, unrest, WDT.P1120)
    assert story.value(st, KG.claimedBy) == Literal("police")


def test_a_fact_the_article_asserts_itself_has_no_claimant(story):
    (dep,) = events(story, KG.MilitaryDeployment)
    (st,) = statements(story, dep, WDT.P1132)
    assert story.value(st, KG.claimedBy) is None


def test_one_fact_from_two_sources_has_one_statement_per_source(story):
    (dep,) = events(story, KG.MilitaryDeployment)
    claimants = {story.value(st, KG.claimedBy) for st in statements(story, dep, WDT.P710, WD.Q114)}
    assert claimants == {None, WIRE}


# -- entities -----------------------------------------------------------------------------------


def test_linked_entities_are_wikidata_iris_with_label_and_type(story):
    assert story.value(WD.Q114, RDFS.label) == Literal("Kenya", lang="en")
    assert (WD.Q114, RDF.type, KG.Country) in story
    assert (WD.Q2449, RDF.type, KG.City) in story
    assert (WD.Q7159, RDF.type, KG.Organization) in story
    assert (WD.Q114, KG.linkStatus, KG.Unlinked) not in story


def test_unlinked_names_are_minted_marked_unlinked_and_never_wikidata(story):
    unlinked = set(story.subjects(KG.linkStatus, KG.Unlinked))
    assert unlinked
    for node in unlinked:
        assert not str(node).startswith(str(WD))
        assert str(node).startswith("https://w3id.org/kg-loader/id/entity/")
        assert story.value(node, RDFS.label) is not None
    farah = next(n for n in unlinked if str(story.value(n, RDFS.label)) == "Amina Farah")
    assert (farah, RDF.type, KG.Person) in story


def test_no_wikidata_iri_is_minted_for_an_unknown_name():
    g = graph_of("Petra Lind resigned on Monday after a week of protests in Oslo.")
    wd_nodes = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(WD))}
    assert wd_nodes == {WD.Q585, WD.Q20}  # Oslo and Norway, nothing for Petra Lind


def test_a_base_iri_replaces_the_default_for_every_minted_node():
    base = "https://example.org/kg/"
    g = graph_of("Petra Lind resigned on Monday.", base=base)
    minted = {t for triple in g for t in triple if isinstance(t, URIRef)
              and not str(t).startswith(("http://www.w3.org/", str(KG), str(WD), str(WDT),
                                          str(SCHEMA), str(PROV), str(OA)))}
    assert minted and all(str(t).startswith(base) for t in minted)


# -- determinism and formats --------------------------------------------------------------------


def test_the_same_input_gives_byte_identical_turtle():
    first, second = graph_of(), graph_of()
    assert serialize(first, "turtle") == serialize(second, "turtle")
    assert serialize(first, "nquads", URIRef("urn:g")) == serialize(second, "nquads", URIRef("urn:g"))


def test_a_different_text_gives_different_iris():
    a, b = graph_of(), graph_of(STORY + "\nMore later.")
    ev = lambda g: set(g.subjects(RDF.type, KG.MilitaryDeployment))  # noqa: E731
    assert ev(a) and not ev(a) & ev(b)


@pytest.mark.parametrize("fmt, parse_as", [
    ("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld"), ("nt", "nt")])
def test_every_format_parses_back_to_the_same_triples(story, fmt, parse_as):
    name = URIRef("https://example.org/graph/1")
    ds = Dataset()
    ds.parse(data=serialize(story, fmt, name), format=parse_as)
    assert len(ds) == len(story)
    back = Graph()
    for s, p, o, _ in ds.quads():
        back.add((s, p, o))
    assert back.isomorphic(story)
    if fmt in {"trig", "nquads"}:
        assert {g.identifier for g in ds.graphs() if len(g)} == {name}


def test_an_unknown_format_is_an_input_error(story):
    with pytest.raises(InputError, match="unknown format"):
        serialize(story, "rdfxml-ish")


def test_turtle_uses_the_models_prefixes(story):
    head = serialize(story, "turtle")
    for prefix, iri in (("kg", KG), ("wd", WD), ("wdt", WDT), ("schema", SCHEMA), ("prov", PROV), ("oa", OA)):
        assert f"@prefix {prefix}: <{iri}> ." in head
    assert "schema1:" not in head


def test_nquads_writes_what_pyoxigraphs_own_writer_writes_sorted():
    import random

    import pyoxigraph as ox

    from kg.rdf import nquads

    rng = random.Random(3)
    # Every ASCII control character, the escapes, line and paragraph separators, a BOM, a
    # character outside the BMP: whatever a literal taken from an article may hold.
    alphabet = [chr(i) for i in range(0x80)] + ["\u2028", "\u2029", "\u0085", "\ufeff", "\u00e9", "\U0001F600"]
    p = ox.NamedNode("https://example.org/p")
    triples = []
    for i in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        s = ox.NamedNode(f"https://example.org/s{i}") if i % 5 else ox.BlankNode(f"b{i}")
        o = (ox.Literal(text), ox.Literal(text, language="en"), ox.NamedNode(f"https://example.org/o%20{i}"),
             ox.Literal(text, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")),
             ox.Literal(str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))[i % 5]
        triples.append((s, p, o))
    graph = "https://example.org/graph/1"
    written = ox.serialize([ox.Quad(s, p, o, ox.NamedNode(graph)) for s, p, o in triples],
                           format=ox.RdfFormat.N_QUADS).decode("utf-8")
    expected = sorted(line + "\n" for line in written.split("\n") if line)
    assert nquads(triples, graph) == "".join(expected)
    assert len(expected) == len(triples)
