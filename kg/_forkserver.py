"""Imported only by the forkserver that starts ``kg ingest``'s workers (kg.ingest): it builds the
caches every worker needs (the rule pack, the gazetteer, the shapes) once, so that each worker
forked from it starts warm instead of building them again on its first article.

Nothing here runs in any other process; every other module does no work at import.
"""
from kg.api import process_article
from kg.model import Article
from kg.validate import load_shapes, warm_shapes

# Written for this warm-up: a few words of each kind the extractor looks for.
_SAMPLE = ("Troops arrived in the capital on Monday after protests, the government said. "
           "Police arrested 12 people and 3 were killed.")

warm_shapes(load_shapes())
process_article(Article(text=_SAMPLE, title="Warm-up", published="2020-01-01", source="warm-up"),
                validate=False)
