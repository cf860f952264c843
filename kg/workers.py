"""Where ``kg ingest``'s worker processes come from: a forkserver, started as early as the
caller likes. Light on purpose (only multiprocessing): the CLI starts the server before it
imports the rest of kg, so that the server's warm-up overlaps those imports."""
from __future__ import annotations


def worker_context():
    """The multiprocessing context ingest's workers start in: forkserver, so that they never
    inherit the parent's threads (a progress bar's refresher) mid-lock, preloaded so that the
    caches are built once and every worker starts warm; spawn where there is no forkserver."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["kg.ingest", "kg._forkserver"])
    return ctx


def start_forkserver() -> None:
    """Start the forkserver that ingest's workers are forked from now, without waiting for it:
    its warm-up (a new interpreter's imports, the rule pack, gazetteer and shapes, about half a
    second) then runs while this process goes on. Calling it again does nothing."""
    ctx = worker_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
