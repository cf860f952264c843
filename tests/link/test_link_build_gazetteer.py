"""tools/build_gazetteer.py regenerates the committed gazetteer from ../shared (skipped without it)."""
from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
needs_shared = pytest.mark.skipif(not (SHARED / "qids.tsv").is_file(), reason="../shared/corpus is absent")


@functools.lru_cache(maxsize=1)
def tool():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", mod)  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


@needs_shared
def test_committed_gazetteer_is_up_to_date(tmp_path):
    out = tmp_path / "g.tsv"
    assert tool().main(["-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (ROOT / "kg" / "data" / "gazetteer.tsv").read_text(encoding="utf-8")


@needs_shared
def test_only_verified_rows_are_used(tmp_path):
    out = tmp_path / "g.tsv"
    tool().main(["-o", str(out)])
    qids = {ln.split("\t")[0] for ln in out.read_text().splitlines() if ln.startswith("Q")}
    assert "Q200881" in qids and "Q232" in qids
    assert "Q187052" not in qids  # Human Rights Watch: a single source only
    assert "Q3238" not in qids  # Tegucigalpa: conflicting sources


@needs_shared
def test_curated_line_for_an_unverified_qid_is_refused(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("qid\tkind\tvalue\tnote\nQ187052\talias\tHRW\t\n")
    with pytest.raises(SystemExit, match="not a verified QID"):
        tool().main(["--aliases", str(aliases), "-o", str(tmp_path / "g.tsv")])


def test_alias_classification():
    classify = tool().classify
    assert classify("Kazakh", "country") == "demonym"
    assert classify("Sri Lankan", "country") == "demonym"
    assert classify("Kyrgyz Republic", "country") == "alias"
    assert classify("UK", "country") == "acronym"
    assert classify("Korea, Republic Of", "country") is None
    assert classify("Nur-Sultan", "capital") == "alias"
