"""The SPARQL queries the README shows (examples/queries/*.rq) answer on the bundled examples."""
from pathlib import Path

import pytest

from kg import api
from kg.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))
EXAMPLES = [ROOT / "examples" / "csto-kazakhstan.json", ROOT / "examples" / "protest-arrests.html",
            ROOT / "examples" / "niger-coup.json"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    with EmbeddedStore(path) as st:
        for i, example in enumerate(EXAMPLES):
            done = api.process_article(api.read(str(example)))
            out = path.parent / f"example-{i}.nq"
            out.write_text(done.serialize("nquads"), encoding="utf-8")
            st.load_file(out)
    return path


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_readme_query_answers(store, query):
    with EmbeddedStore(store, read_only=True) as st:
        result = st.query(query.read_text())
    assert result.rows, f"{query.name} returned no rows"


def test_queries_exist_for_each_fact_kind():
    assert {q.stem for q in QUERIES} >= {"deployments", "withdrawals", "casualties", "events-by-type",
                                         "memberships", "entities", "coups"}
