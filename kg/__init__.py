"""kg-loader: news articles in, a validated, Wikidata-linked RDF knowledge graph out.

    import kg
    done = kg.process("examples/csto-kazakhstan.json")
    done.write("csto.ttl")

Every name below is a kg.api function or class (or an error of kg.errors), imported on first
use so that ``import kg`` stays cheap.
"""
from __future__ import annotations

# The one place the version is written (pyproject.toml reads it): asking importlib.metadata
# costs a scan of the installed distributions, ~40 ms at every start.
__version__ = "0.1.0"

_API = ("read", "extract", "explain", "process", "validate", "load", "query", "ingest", "link",
        "cache_info", "cache_clear", "gazetteer_info", "gazetteer_build", "open_store", "resolve", "conflicts",
        "report", "store_info", "store_drop", "store_export", "update", "serve", "ProcessedArticle",
        "LoadSummary", "GazetteerInfo")
_ERRORS = ("KgError", "InputError", "RDFSyntaxError", "ValidationFailed", "LinkError", "StoreError",
           "EndpointError", "RulePackError")

__all__ = [*_API, *_ERRORS, "Store", "__version__"]


def __getattr__(name: str):
    import importlib

    if name in _API:
        module = "kg.api"
    elif name in _ERRORS:
        module = "kg.errors"
    elif name == "Store":
        module = "kg.store"
    else:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
