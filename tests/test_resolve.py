"""kg resolve: one node per real-world event across articles. Every article here is written for
these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, RDF

from kg import api
from kg.errors import InputError
from kg.model import Article
from kg.resolve import resolve_dataset
from kg.vocab import KG, RESOLVED_EVENT, RESOLVED_GRAPH, WDT


def _graph_file(tmp_path: Path, name: str, text: str, published: str) -> Path:
    done = api.process_article(Article(text=text, published=published, url=f"https://example.org/{name}"))
    path = tmp_path / f"{name}.trig"
    path.write_text(done.serialize("trig"), encoding="utf-8")
    return path


def _resolve(tmp_path: Path, articles: list[tuple[str, str]]):
    files = [_graph_file(tmp_path, f"a{i}", text, pub) for i, (text, pub) in enumerate(articles)]
    data = Dataset()
    for f in files:
        data.parse(f, format="trig")
    return resolve_dataset(data)


def _clusters_of(result, type_: str) -> list[int]:
    return sorted(len(c) for c in result.clusters if c[0].type == type_)


def test_one_deployment_told_on_different_days_by_three_outlets_is_one_event(tmp_path):
    result = _resolve(tmp_path, [
        ("Ghana deployed 400 soldiers to Liberia on Tuesday.", "2023-05-11"),
        ("Ghanaian troops arrived in Liberia on May 9 after a request from Monrovia.", "2023-05-12"),
        ("About 450 Ghanaian soldiers were sent to Liberia last week, officials said.", "2023-05-16"),
    ])
    assert _clusters_of(result, "MilitaryDeployment") == [3]


def test_two_withdrawals_from_one_country_a_year_apart_are_two(tmp_path):
    result = _resolve(tmp_path, [
        ("Ghanaian troops withdrew from Liberia on March 3, 2021.", "2021-03-04"),
        ("Ghanaian troops withdrew from Liberia on March 9, 2022.", "2022-03-10"),
    ])
    assert _clusters_of(result, "TroopWithdrawal") == [1, 1]


def test_an_unrest_wave_and_a_rally_months_later_are_two(tmp_path):
    result = _resolve(tmp_path, [
        ("Protesters clashed with police in Lusaka on January 5.", "2023-01-06"),
        ("Thousands of protesters marched through Lusaka on Monday.", "2023-05-10"),
    ])
    assert _clusters_of(result, "CivilUnrest") == [1, 1]


def test_disagreeing_figures_are_all_stated_with_a_conflict_naming_their_statements(tmp_path):
    result = _resolve(tmp_path, [
        ("Ghana deployed 400 soldiers to Liberia on Tuesday.", "2023-05-11"),
        ("Ghana deployed 450 soldiers to Liberia on May 9.", "2023-05-10"),
    ])
    g = result.graph
    (resolved,) = [r for r in g.subjects(RDF.type, RESOLVED_EVENT) if (r, RDF.type, KG.MilitaryDeployment) in g]
    assert {int(v) for v in g.objects(resolved, WDT.P1132)} == {400, 450}
    (conflict,) = g.objects(resolved, KG.conflict)
    assert g.value(conflict, KG.property) == WDT.P1132
    assert len(set(g.objects(conflict, KG.claim))) == 2
    assert len(set(g.objects(resolved, KG.account))) == 2


def test_every_article_event_is_the_account_of_exactly_one_resolved_event(tmp_path):
    result = _resolve(tmp_path, [
        ("Ghana deployed 400 soldiers to Liberia on Tuesday. Protesters marched in Accra on Monday.", "2023-05-11"),
        ("Police detained journalist Tomas Berg in Riga on Friday.", "2023-05-12"),
    ])
    accounts = [a for r in result.graph.subjects(RDF.type, RESOLVED_EVENT)
                for a in result.graph.objects(r, KG.account)]
    assert sorted(accounts) == sorted(a.iri for a in result.accounts)
    assert len(accounts) == len(set(accounts)) == 3


def test_resolving_twice_gives_the_same_bytes_and_the_cli_writes_a_named_graph(tmp_path):
    files = [str(_graph_file(tmp_path, "a", "Ghana deployed 400 soldiers to Liberia on Tuesday.", "2023-05-11")),
             str(_graph_file(tmp_path, "b", "Ghana deployed 450 soldiers to Liberia on May 9.", "2023-05-10"))]
    api.resolve(files, output=str(tmp_path / "r1.trig"))
    api.resolve(list(reversed(files)), output=str(tmp_path / "r2.trig"))
    assert (tmp_path / "r1.trig").read_bytes() == (tmp_path / "r2.trig").read_bytes()
    ds = Dataset()
    ds.parse(tmp_path / "r1.trig", format="trig")
    assert len(list(ds.graph(RESOLVED_GRAPH).subjects(RDF.type, RESOLVED_EVENT))) == 1


def test_in_a_store_the_resolved_graph_is_replaced_never_duplicated(tmp_path):
    store = tmp_path / "store"
    files = [_graph_file(tmp_path, "a", "Ghana deployed 400 soldiers to Liberia on Tuesday.", "2023-05-11"),
             _graph_file(tmp_path, "b", "Ghana deployed 450 soldiers to Liberia on May 9.", "2023-05-10")]
    api.load([str(f) for f in files], store=store)
    first = api.resolve(store=store)
    second = api.resolve(store=store)
    assert len(first.clusters) == len(second.clusters) == 1
    rows = api.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?r a kg:ResolvedEvent } }" % RESOLVED_GRAPH,
                     store=store).rows
    assert int(str(rows[0][0]).split("^")[0].strip('"')) == 1


def test_bad_input_is_one_error(tmp_path):
    (tmp_path / "bad.ttl").write_text("this is not turtle <", encoding="utf-8")
    with pytest.raises(InputError):
        api.resolve([str(tmp_path / "bad.ttl")])
    with pytest.raises(InputError):
        api.resolve([str(tmp_path / "missing.ttl")])
    with pytest.raises(InputError):
        api.resolve([])


def test_conflicts_report_the_articles_and_the_figures_in_dispute(tmp_path):
    from kg.resolve import render_disputes

    files = [str(_graph_file(tmp_path, "a", "Ghana deployed 400 soldiers to Liberia on Tuesday.", "2023-05-11")),
             str(_graph_file(tmp_path, "b", "Ghana deployed 450 soldiers to Liberia on May 9.", "2023-05-11"))]
    (report,) = api.conflicts(files)
    assert report.articles == ("https://example.org/a", "https://example.org/b")
    (dispute,) = report.disputes
    assert dispute.property == str(WDT.P1132) and dispute.kind == "disputed"
    assert [c.value for c in dispute.claims] == ["400", "450"]
    text = render_disputes([report])
    assert "wdt:P1132 disputed" in text and "400" in text and "450" in text
    assert '"kind": "disputed"' in render_disputes([report], "json")


def test_dates_at_different_precision_are_no_conflict(tmp_path):
    result = _resolve(tmp_path, [
        ("Ghana deployed 400 soldiers to Liberia on May 9.", "2023-05-11"),
        ("Ghana deployed 400 soldiers to Liberia in May.", "2023-05-11"),
    ])
    assert not list(result.graph.objects(None, KG.conflict))


def test_ingest_resolve_resolves_the_store_after_loading(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Ghana deployed 400 soldiers to Liberia on May 9.", encoding="utf-8")
    (news / "b.txt").write_text("Ghanaian troops were sent to Liberia on May 9, officials said.", encoding="utf-8")
    store = tmp_path / "store"
    api.ingest([str(news)], store=store, workers=1, resolve=True)
    api.ingest([str(news)], store=store, workers=1, resolve=True)  # a rerun replaces, never duplicates
    rows = api.query("SELECT ?r (COUNT(?a) AS ?n) WHERE { GRAPH <%s> { ?r a kg:ResolvedEvent ; kg:account ?a } } "
                     "GROUP BY ?r" % RESOLVED_GRAPH, store=store).rows
    assert len(rows) == 1
