"""kg.workers: the forkserver kg ingest's workers come from."""
from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest

from kg.workers import worker_context

needs_forkserver = pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                                      reason="no forkserver on this platform")


@needs_forkserver
def test_workers_are_forked_from_a_server_that_preloads_the_pipeline():
    ctx = worker_context()
    assert ctx.get_start_method() == "forkserver"
    from multiprocessing import forkserver

    assert forkserver._forkserver._preload_modules == ["kg.ingest", "kg._forkserver"]


@needs_forkserver
def test_starting_the_server_imports_nothing_of_kg_but_this_module_and_twice_is_once():
    code = ("import sys, kg.workers as w; w.start_forkserver(); from multiprocessing import forkserver as f; "
            "pid = f._forkserver._forkserver_pid; w.start_forkserver(); "
            "assert f._forkserver._forkserver_pid == pid; "
            "print(sorted(m for m in sys.modules if m.startswith('kg')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['kg', 'kg.workers']"


@pytest.mark.parametrize("args, starts", [
    (["ingest", "articles/"], True),
    (["ingest", "articles/", "--cluster", "local"], False),
    (["ingest", "--help"], False),
    (["extract", "a.txt"], False),
])
def test_kg_ingest_starts_the_forkserver_before_the_command_line_is_imported(args, starts):
    # The command line is a stub here: what counts is whether typer was loaded when the server
    # was asked for, and that the command line runs either way.
    code = ("import sys, types, kg.workers as w; started, ran = [], []; "
            "w.start_forkserver = lambda: started.append('typer' in sys.modules); "
            "stub = types.ModuleType('kg.cli'); stub.main = lambda: ran.append(True); "
            "sys.modules['kg.cli'] = stub; "
            f"sys.argv = ['kg', *{args!r}]; "
            "import kg.__main__ as entry; entry.main(); print(started, ran)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ("[False] [True]" if starts else "[] [True]")
