"""The shared seed and dev articles: each extracts, validates and quotes its text verbatim.

The articles are third-party text, read from ../shared/corpus and never copied here; the tests
skip when the corpus is absent. No scores are asserted: the scorer in ../shared/eval does that.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF

from kg.api import process_article, read
from kg.vocab import KG, OA, WD, WDT

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
ARTICLES = sorted(p for split in ("seed", "dev") for p in (CORPUS / split).glob("*.json")
                  if not p.name.endswith(".gold.json")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not ARTICLES, reason="../shared/corpus is not here")

_done: dict[Path, object] = {}


def processed(path: Path):
    # Each article is extracted and validated once for all the tests that look at it.
    if path not in _done:
        _done[path] = process_article(read(str(path)))
    return _done[path]


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p in ARTICLES])
def test_every_article_extracts_and_validates(path):
    done = processed(path)
    assert done.report is not None and done.report.conforms
    assert len(done.graph) > 0
    assert next(done.graph.subjects(RDF.type, KG.Article), None) is not None


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p in ARTICLES])
def test_every_quote_is_a_verbatim_slice_of_the_article(path):
    done = processed(path)
    text = done.article.text
    selectors = set(done.graph.subjects(RDF.type, OA.TextPositionSelector))
    for sel in selectors:
        start = done.graph.value(sel, OA.start).toPython()
        end = done.graph.value(sel, OA.end).toPython()
        assert str(done.graph.value(sel, OA.exact)) == text[start:end]
    for f in (f for e in done.extraction.events for f in e.facts):
        assert text[f.evidence.start:f.evidence.end] == f.evidence.text


def test_the_seed_reports_a_deployment_its_withdrawal_and_the_alliances_members():
    seed = CORPUS / "seed" / "seed.json"
    if not seed.exists():
        pytest.skip("no seed article")
    g = processed(seed).graph
    deployments = set(g.subjects(RDF.type, KG.MilitaryDeployment))
    withdrawals = set(g.subjects(RDF.type, KG.TroopWithdrawal))
    assert deployments and withdrawals
    assert any(g.value(w, KG.withdrawalOf) in deployments for w in withdrawals)
    members = set(g.subjects(WDT.P463, WD.Q318693))
    assert len(members) >= 5
    assert all(str(m).startswith(str(WD)) for m in members)
