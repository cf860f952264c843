"""Each shape catches a hand-made violation of MODEL.md in an otherwise valid article graph."""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.validate import for_pyshacl, load_shapes, read_rdf, validate_graph
from kg.vocab import KG, KGSH, OA, PROV, WDT

FIXTURE = Path(__file__).parent / "fixtures" / "valid_article.ttl"
KGR = Namespace("https://w3id.org/kg-loader/id/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("http://schema.org/")
# a plain Namespace: pytest probes module globals, and rdflib's closed XSD warns about that
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ARTICLE = KGR["article/fixture"]
DEPLOYMENT = KGR["event/fixture-deployment"]
WITHDRAWAL = KGR["event/fixture-withdrawal"]
UNREST = KGR["event/fixture-unrest"]
SADYKOV = KGR["entity/marat-sadykov"]


@pytest.fixture
def g() -> Graph:
    return read_rdf(FIXTURE)



@pytest.fixture(autouse=True, params=["turbo", "pyshacl"])
def shacl_engine(request, monkeypatch):
    """Every shape must catch its violation with both engines kg can run."""
    monkeypatch.setenv("KG_SHACL_ENGINE", request.param)
    return request.param

def statement_of(g: Graph, s, p, o=None):
    for st in g.subjects(RDF.subject, s):
        if (st, RDF.predicate, p) in g and (o is None or (st, RDF.object, o) in g):
            return st
    raise AssertionError(f"no statement for {s} {p} {o}")


def state(g: Graph, s, p, o, quote: str = "x") -> None:
    """Add a fact together with a complete statement, so only the shape under test can object."""
    g.add((s, p, o))
    st, sel = BNode(), BNode()
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, PROV.wasDerivedFrom, ARTICLE))
    g.add((st, KG.evidence, sel))
    g.add((sel, RDF.type, OA.TextQuoteSelector))
    g.add((sel, RDF.type, OA.TextPositionSelector))
    g.add((sel, OA.exact, Literal(quote)))
    g.add((sel, OA.start, Literal(0)))
    g.add((sel, OA.end, Literal(len(quote))))


def _name(term) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def violations(g: Graph, focus=None, path=None, shape=None):
    report = validate_graph(g)
    assert not report.conforms
    found = [i for i in report.violations
             if (focus is None or i.focus == _name(focus))
             and (path is None or i.path == str(path))
             and (shape is None or i.shape == str(shape))]
    assert found, f"expected a violation on {focus} {path} {shape}, got {report.violations}"
    return found


# -- the valid graph and warnings -----------------------------------------------------------


def test_valid_article_conforms_with_its_two_warnings(g):
    report = validate_graph(g)
    assert report.conforms, report.violations
    assert {(i.focus, i.shape) for i in report.warnings} == {
        (str(SADYKOV), str(KGSH.UnlinkedWarningShape)),
        (str(UNREST), str(KGSH.EventDateWarningShape)),
    }


def test_an_event_without_any_date_is_only_a_warning(g):
    g.remove((DEPLOYMENT, WDT.P580, None))
    g.remove((statement_of(g, DEPLOYMENT, WDT.P580), None, None))
    report = validate_graph(g)
    assert report.conforms, report.violations
    assert any(i.focus == str(DEPLOYMENT) and i.severity == "Warning" for i in report.warnings)


def test_a_withdrawal_without_its_deployment_is_only_a_warning(g):
    g.remove((statement_of(g, WITHDRAWAL, KG.withdrawalOf), None, None))
    g.remove((WITHDRAWAL, KG.withdrawalOf, None))
    report = validate_graph(g)
    assert report.conforms, report.violations
    assert any(i.focus == str(WITHDRAWAL) and i.path == str(KG.withdrawalOf) for i in report.warnings)


# -- events -----------------------------------------------------------------------------------


def test_event_without_label(g):
    g.remove((DEPLOYMENT, RDFS.label, None))
    violations(g, DEPLOYMENT, RDFS.label, KGSH.EventShape)


def test_event_with_two_labels(g):
    g.add((DEPLOYMENT, RDFS.label, Literal("another name")))
    violations(g, DEPLOYMENT, RDFS.label)


def test_event_without_source(g):
    g.remove((WITHDRAWAL, PROV.wasDerivedFrom, None))
    violations(g, WITHDRAWAL, PROV.wasDerivedFrom)


def test_event_derived_from_something_that_is_not_an_article(g):
    g.set((WITHDRAWAL, PROV.wasDerivedFrom, URIRef("https://example.org/rumour")))
    violations(g, WITHDRAWAL, PROV.wasDerivedFrom)


def test_event_typed_only_with_the_superclass(g):
    g.remove((UNREST, RDF.type, None))
    g.add((UNREST, RDF.type, KG.Event))
    violations(g, UNREST, RDF.type)


def test_event_typed_with_two_event_classes(g):
    g.add((UNREST, RDF.type, KG.Attack))
    violations(g, UNREST, RDF.type)


def test_a_finer_class_beside_the_event_class_is_fine(g):
    g.add((UNREST, RDF.type, URIRef("https://example.org/Riot")))
    assert validate_graph(g).conforms


def test_event_only_properties_make_a_node_an_event(g):
    node = KGR["thing/not-an-event"]
    state(g, node, KG.plannedDuration, Literal("P3D", datatype=XSD.duration))
    violations(g, node, RDF.type, KGSH.EventShape)


@pytest.mark.parametrize("prop", [WDT.P1132, WDT.P1120, WDT.P1339, KG.arrestCount])
def test_negative_count(g, prop):
    state(g, UNREST, prop, Literal(-3))
    violations(g, UNREST, prop, KGSH.EventShape)


@pytest.mark.parametrize("value", [Literal("164"), Literal(1.5), Literal("many", datatype=XSD.integer)])
def test_count_that_is_not_an_integer(g, value):
    state(g, UNREST, WDT.P1120, value)
    violations(g, UNREST, WDT.P1120)


@pytest.mark.parametrize("value", [
    Literal("2022-01-06"),  # a plain string
    Literal("2022-01-06T10:00:00", datatype=XSD.dateTime),
    Literal("2022-13-01", datatype=XSD.date),  # ill-typed
    Literal("January 2022", datatype=XSD.gYearMonth),
])
def test_date_of_the_wrong_type(g, value):
    state(g, UNREST, WDT.P585, value)
    violations(g, UNREST, WDT.P585, KGSH.EventShape)


@pytest.mark.parametrize("value", [Literal("2022", datatype=XSD.gYear),
                                   Literal("2022-03", datatype=XSD.gYearMonth)])
def test_partial_dates_are_valid(g, value):
    state(g, UNREST, WDT.P585, value)
    assert validate_graph(g).conforms


def test_end_before_start(g):
    state(g, DEPLOYMENT, WDT.P582, Literal("2022-01-05", datatype=XSD.date))
    found = violations(g, DEPLOYMENT, WDT.P582, KGSH.EventTimeOrderShape)
    assert found[0].value == "2022-01-05"


def test_end_on_the_start_day_or_in_the_start_year_is_not_before_it(g):
    state(g, DEPLOYMENT, WDT.P582, Literal("2022-01-06", datatype=XSD.date))
    state(g, DEPLOYMENT, WDT.P582, Literal("2022", datatype=XSD.gYear))
    assert validate_graph(g).conforms


def test_end_month_before_start_day(g):
    state(g, DEPLOYMENT, WDT.P582, Literal("2021-12", datatype=XSD.gYearMonth))
    violations(g, DEPLOYMENT, WDT.P582, KGSH.EventTimeOrderShape)


def test_planned_duration_that_is_not_a_duration(g):
    state(g, DEPLOYMENT, KG.plannedDuration, Literal("ten days"))
    violations(g, DEPLOYMENT, KG.plannedDuration)


def test_participant_that_is_a_literal(g):
    state(g, DEPLOYMENT, WDT.P710, Literal("Russia"))
    violations(g, DEPLOYMENT, WDT.P710)


# -- withdrawals ------------------------------------------------------------------------------


def test_withdrawal_pointing_to_a_non_deployment(g):
    old = statement_of(g, WITHDRAWAL, KG.withdrawalOf)
    g.remove((old, None, None))
    g.remove((WITHDRAWAL, KG.withdrawalOf, None))
    state(g, WITHDRAWAL, KG.withdrawalOf, UNREST)
    violations(g, WITHDRAWAL, KG.withdrawalOf, KGSH.EventShape)


def test_withdrawal_of_two_deployments(g):
    other = KGR["event/fixture-other-deployment"]
    g.add((other, RDF.type, KG.MilitaryDeployment))
    g.add((other, RDFS.label, Literal("another deployment")))
    g.add((other, PROV.wasDerivedFrom, ARTICLE))
    state(g, WITHDRAWAL, KG.withdrawalOf, other)
    violations(g, WITHDRAWAL, KG.withdrawalOf)


def test_withdrawal_of_on_something_that_is_not_a_withdrawal(g):
    state(g, UNREST, KG.withdrawalOf, DEPLOYMENT)
    violations(g, UNREST, None, KGSH.WithdrawalOfDomainShape)


# -- entities and Wikidata IRIs ---------------------------------------------------------------


@pytest.mark.parametrize("bad", ["Q0", "P31", "Qabc", "Q01", "Q5/x", "L1", ""])
def test_malformed_wikidata_iri(g, bad):
    node = WD[bad]
    g.add((node, RDFS.label, Literal("Somewhere", lang="en")))
    g.add((node, RDF.type, KG.Country))
    state(g, UNREST, WDT.P17, node)
    violations(g, node, None, KGSH.WikidataIRIShape)


def test_wikidata_iri_in_a_statement_subject_is_checked(g):
    st = statement_of(g, WD.Q159, WDT.P463)
    g.set((st, RDF.subject, WD.Q0159))
    violations(g, WD.Q0159, None, KGSH.WikidataIRIShape)


def test_unlinked_entity_with_a_wikidata_iri(g):
    g.add((WD.Q35493, KG.linkStatus, KG.Unlinked))
    violations(g, WD.Q35493, None, KGSH.UnlinkedEntityShape)


def test_link_status_outside_the_two_values(g):
    g.set((SADYKOV, KG.linkStatus, KG.Maybe))
    violations(g, SADYKOV, KG.linkStatus, KGSH.EntityShape)


def test_entity_without_label(g):
    g.remove((WD.Q35493, RDFS.label, None))
    violations(g, WD.Q35493, RDFS.label, KGSH.EntityShape)


def test_entity_with_only_a_non_english_label(g):
    g.remove((WD.Q35493, RDFS.label, None))
    g.add((WD.Q35493, RDFS.label, Literal("Алматы", lang="ru")))
    violations(g, WD.Q35493, RDFS.label)


def test_entity_without_type(g):
    g.remove((WD.Q232, RDF.type, None))
    violations(g, WD.Q232, RDF.type, KGSH.EntityShape)


def test_claimant_entity_needs_a_label_but_a_literal_claimant_is_fine(g):
    st = statement_of(g, DEPLOYMENT, KG.plannedDuration)
    g.set((st, KG.claimedBy, Literal("Kazakh officials")))
    assert validate_graph(g).conforms
    g.set((st, KG.claimedBy, KGR["entity/nobody"]))
    violations(g, st, KG.claimedBy, KGSH.StatementShape)


# -- statements and evidence ------------------------------------------------------------------


def test_fact_without_statement(g):
    g.remove((statement_of(g, DEPLOYMENT, WDT.P1132), None, None))
    found = violations(g, DEPLOYMENT, WDT.P1132, KGSH.TruthyFactStatementShape)
    assert found[0].value == "2000"


def test_statement_whose_object_differs_from_the_fact(g):
    g.set((statement_of(g, DEPLOYMENT, WDT.P1132), RDF.object, Literal(3000)))
    violations(g, DEPLOYMENT, WDT.P1132, KGSH.TruthyFactStatementShape)


def test_membership_without_statement(g):
    g.remove((statement_of(g, WD.Q159, WDT.P463), None, None))
    violations(g, WD.Q159, WDT.P463, KGSH.TruthyFactStatementShape)


def test_statement_without_evidence(g):
    st = statement_of(g, DEPLOYMENT, WDT.P17)
    g.remove((st, KG.evidence, None))
    violations(g, st, KG.evidence, KGSH.StatementShape)
    violations(g, DEPLOYMENT, WDT.P17, KGSH.TruthyFactStatementShape)


def test_statement_not_derived_from_an_article(g):
    st = statement_of(g, DEPLOYMENT, WDT.P17)
    g.remove((st, PROV.wasDerivedFrom, None))
    violations(g, st, PROV.wasDerivedFrom, KGSH.StatementShape)


def test_statement_without_object_or_bounds(g):
    st = statement_of(g, UNREST, KG.arrestCount)
    g.remove((st, KG.minValue, None))
    g.remove((st, KG.maxValue, None))
    violations(g, st, None, KGSH.StatementShape)


def test_vague_bounds_in_the_wrong_order(g):
    st = statement_of(g, UNREST, KG.arrestCount)
    g.set((st, KG.minValue, Literal(1000)))
    violations(g, st, KG.minValue)


def test_statement_with_two_subjects(g):
    st = statement_of(g, DEPLOYMENT, WDT.P17)
    g.add((st, RDF.subject, WITHDRAWAL))
    violations(g, st, RDF.subject)


def test_approximate_that_is_not_a_boolean(g):
    st = statement_of(g, DEPLOYMENT, WDT.P1132)
    g.set((st, KG.approximate, Literal("yes")))
    violations(g, st, KG.approximate)


def _selector(g, p=WDT.P17):
    return g.value(statement_of(g, DEPLOYMENT, p), KG.evidence)


def test_evidence_start_after_end(g):
    sel = _selector(g)
    start, end = g.value(sel, OA.start), g.value(sel, OA.end)
    g.set((sel, OA.start, end))
    g.set((sel, OA.end, start))
    violations(g, sel, OA.start, KGSH.EvidenceShape)


def test_evidence_without_quote(g):
    sel = _selector(g)
    g.remove((sel, OA.exact, None))
    violations(g, sel, OA.exact, KGSH.EvidenceShape)
    violations(g, DEPLOYMENT, WDT.P17, KGSH.TruthyFactStatementShape)


def test_evidence_with_negative_offset(g):
    sel = _selector(g)
    g.set((sel, OA.start, Literal(-1)))
    violations(g, sel, OA.start)


def test_evidence_quote_that_does_not_span_its_offsets(g):
    sel = _selector(g)
    g.set((sel, OA.end, Literal(g.value(sel, OA.end).toPython() + 1)))
    violations(g, sel, OA.exact, KGSH.EvidenceLengthShape)


def test_evidence_not_typed_as_a_position_selector(g):
    sel = _selector(g)
    g.remove((sel, RDF.type, OA.TextPositionSelector))
    violations(g, sel, RDF.type)


# -- the article ------------------------------------------------------------------------------


def test_article_without_hash(g):
    g.remove((ARTICLE, KG.textSha256, None))
    violations(g, ARTICLE, KG.textSha256, KGSH.ArticleShape)


@pytest.mark.parametrize("digest", ["abc", "z" * 64, "0" * 63])
def test_article_with_a_malformed_hash(g, digest):
    g.set((ARTICLE, KG.textSha256, Literal(digest)))
    violations(g, ARTICLE, KG.textSha256)


def test_article_with_two_extractor_versions(g):
    g.add((ARTICLE, KG.extractorVersion, Literal("0.1.0")))
    g.add((ARTICLE, KG.extractorVersion, Literal("0.2.0")))
    violations(g, ARTICLE, KG.extractorVersion, KGSH.ArticleShape)


def test_article_that_is_not_a_news_article(g):
    g.remove((ARTICLE, RDF.type, SCHEMA.NewsArticle))
    violations(g, ARTICLE, RDF.type, KGSH.ArticleShape)


def test_article_with_a_malformed_publication_date(g):
    g.set((ARTICLE, SCHEMA.datePublished, Literal("13 January 2022")))
    violations(g, ARTICLE, SCHEMA.datePublished)


# -- the speed-up changes nothing -------------------------------------------------------------


def _results(report: Graph) -> set:
    return {(report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.value),
             report.value(r, SH.resultSeverity), str(report.value(r, SH.resultMessage)))
            for r in report.objects(None, SH.result)}


def test_rearranged_shapes_give_the_same_results_as_the_files(g):
    g.remove((DEPLOYMENT, RDFS.label, None))
    g.add((UNREST, RDF.type, KG.Attack))
    g.set((ARTICLE, KG.textSha256, Literal("abc")))
    state(g, UNREST, WDT.P1120, Literal(-3))
    g.remove((statement_of(g, DEPLOYMENT, WDT.P17), KG.evidence, None))
    shapes = load_shapes()
    fast = for_pyshacl(shapes)
    assert len(fast) > len(shapes)  # it did rearrange something
    as_written = _results(pyshacl.validate(g, shacl_graph=shapes, inplace=False)[1])
    rearranged = _results(pyshacl.validate(g, shacl_graph=fast, inplace=False)[1])
    assert len(as_written) >= 6
    assert as_written == rearranged


# -- date windows ---------------------------------------------------------------------------


def test_a_window_from_first_to_last_day_conforms(g):
    state(g, UNREST, KG.earliestDate, Literal("2022-01-03", datatype=XSD.date), "last week")
    state(g, UNREST, KG.latestDate, Literal("2022-01-09", datatype=XSD.date), "last week")
    assert validate_graph(g).conforms


def test_a_window_whose_earliest_day_is_after_its_latest(g):
    state(g, UNREST, KG.earliestStart, Literal("2022-01-09", datatype=XSD.date), "last week")
    state(g, UNREST, KG.latestStart, Literal("2022-01-03", datatype=XSD.date), "last week")
    found = violations(g, UNREST, KG.earliestStart, KGSH.EventDateWindowShape)
    assert found[0].value == "2022-01-09"


def test_two_windows_are_paired_by_the_words_they_were_read_from(g):
    state(g, UNREST, KG.earliestStart, Literal("2022-01-03", datatype=XSD.date), "last week")
    state(g, UNREST, KG.latestStart, Literal("2022-01-09", datatype=XSD.date), "last week")
    state(g, UNREST, KG.earliestStart, Literal("2022-01-10", datatype=XSD.date), "this week!")
    state(g, UNREST, KG.latestStart, Literal("2022-01-14", datatype=XSD.date), "this week!")
    assert validate_graph(g).conforms


@pytest.mark.parametrize("half", [KG.earliestEnd, KG.latestEnd])
def test_half_a_window_is_a_violation(g, half):
    state(g, DEPLOYMENT, half, Literal("2022-01-20", datatype=XSD.date), "late January")
    found = violations(g, DEPLOYMENT, half, KGSH.EventDateWindowShape)
    assert "read from the same words" in found[0].message


def test_a_window_without_its_statement_is_a_violation(g):
    g.add((UNREST, KG.earliestDate, Literal("2022-01-03", datatype=XSD.date)))
    violations(g, UNREST, KG.earliestDate, KGSH.TruthyFactStatementShape)
