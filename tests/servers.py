"""Real SPARQL servers for tests: `oxigraph serve` and Virtuoso, on 127.0.0.1 and a free port.

Each server runs in its own temporary folder and process group, is waited for with a bounded
timeout, and is killed on stop(). When a binary is missing, ``*_missing()`` says why, so
fixtures can skip with that reason (.ci/install-servers.sh installs both for CI).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

START_TIMEOUT = 90.0  # a fresh Virtuoso database takes ~10 s to create on a slow machine


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dead_url(path: str = "/store") -> str:
    """A URL on which nothing listens (a port just freed)."""
    return f"http://127.0.0.1:{free_port()}{path}"


@dataclass
class Server:
    name: str
    proc: subprocess.Popen
    workdir: Path
    base: str
    gsp: str
    query: str
    update: str
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=5)

    def log_tail(self, n: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


def _wait_http(server: Server, url: str, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.proc.returncode}:\n"
                               f"{server.log_tail()}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.name} did not answer on {url} within {timeout:.0f} s:\n"
                       f"{server.log_tail()}")


def _spawn(cmd: list[str], workdir: Path, log: Path) -> subprocess.Popen:
    out = log.open("wb")
    try:
        # A process group of its own, so stop() ends the server and nothing else.
        return subprocess.Popen(cmd, cwd=workdir, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    finally:
        out.close()


# -- Oxigraph --------------------------------------------------------------------------------


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")  # the venv's, from the PyPI package
    if beside.exists():
        return str(beside)
    return shutil.which("oxigraph")


def oxigraph_missing() -> str | None:
    if oxigraph_binary() is None:
        return "oxigraph server not installed (pip install oxigraph)"
    return None


def start_oxigraph(workdir: Path) -> Server:
    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError(oxigraph_missing())
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = workdir / "oxigraph.log"
    proc = _spawn([binary, "serve", "--location", str(workdir / "data"),
                   "--bind", f"127.0.0.1:{port}"], workdir, log)
    server = Server("oxigraph", proc, workdir, base, gsp=f"{base}/store", query=f"{base}/query",
                    update=f"{base}/update", log=log)
    _wait_http(server, f"{base}/query?query=ASK%7B%7D")
    return server


# -- Virtuoso --------------------------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., {d}
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxMemPoolSize = 100000000
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}/www
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
HTTPThreadSize = 280000
Charset = UTF-8
EnabledGzipContent = 1

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 60
DeferInferenceRulesInit = 0
"""

# The anonymous SPARQL user may write: tests use the auth-less endpoints on 127.0.0.1 only.
VIRTUOSO_GRANTS = ('GRANT SPARQL_UPDATE TO "SPARQL"; '
                   "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")


def virtuoso_binaries() -> tuple[str, str] | None:
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    return (server, isql) if server and isql else None


def virtuoso_missing() -> str | None:
    if virtuoso_binaries() is None:
        return ("Virtuoso not installed (apt-get install virtuoso-opensource; "
                ".ci/install-servers.sh does it)")
    return None


def start_virtuoso(workdir: Path) -> Server:
    found = virtuoso_binaries()
    if found is None:
        raise RuntimeError(virtuoso_missing())
    server_bin, isql = found
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "www").mkdir(exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=workdir, sql_port=sql_port, http_port=http_port))
    log = workdir / "virtuoso.out"
    proc = _spawn([server_bin, "-f", "-c", str(ini)], workdir, log)
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", proc, workdir, base, gsp=f"{base}/sparql-graph-crud",
                    query=f"{base}/sparql", update=f"{base}/sparql", log=log)
    _wait_http(server, f"{base}/sparql?query=ASK%7B%7D")
    done = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                           f"exec={VIRTUOSO_GRANTS}"], capture_output=True, text=True,
                          timeout=60, cwd=workdir)
    if done.returncode != 0 or "Error" in done.stdout + done.stderr:
        server.stop()
        raise RuntimeError(f"granting SPARQL_UPDATE failed: {done.stdout}{done.stderr}")
    return server
