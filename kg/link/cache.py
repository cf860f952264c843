"""An on-disk SQLite cache of Wikidata API answers, so a rerun is offline and deterministic.

One table of (key, JSON value). The key is a digest of the request's parameters, so the same
question always finds the same answer. Location: ``$KG_CACHE_DIR/wikidata.sqlite``, else
``~/.cache/kg-loader/wikidata.sqlite`` (``$XDG_CACHE_HOME`` is honoured).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import LinkError
from kg.resources import cache_dir

FILENAME = "wikidata.sqlite"
_SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    request TEXT NOT NULL,
    value TEXT NOT NULL,
    created REAL NOT NULL
)"""


def request_key(params: dict[str, Any]) -> tuple[str, str]:
    """A stable digest of a request, and the canonical text it was computed from."""
    canon = json.dumps({k: str(v) for k, v in params.items()}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest(), canon


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    size_bytes: int
    oldest: float | None
    newest: float | None


class Cache:
    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path) if path is not None else cache_dir() / FILENAME
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
                conn.execute(_SCHEMA)
                conn.commit()
            except (OSError, sqlite3.Error) as exc:
                raise LinkError(f"cannot open the lookup cache {self.path}: {exc}") from None
            self._conn = conn
        return self._conn

    def get(self, params: dict[str, Any]) -> Any | None:
        key, _ = request_key(params)
        if self._conn is None and not self.path.exists():
            return None  # an offline lookup must not create the cache
        with self._lock:
            try:
                row = self._db().execute("SELECT value FROM answers WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                raise LinkError(f"cannot read the lookup cache {self.path}: {exc}") from None
        return None if row is None else json.loads(row[0])

    def put(self, params: dict[str, Any], value: Any) -> None:
        key, canon = request_key(params)
        data = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self._lock:
            try:
                db = self._db()
                db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", (key, canon, data, time.time()))
                db.commit()
            except sqlite3.Error as exc:
                raise LinkError(f"cannot write the lookup cache {self.path}: {exc}") from None

    def info(self) -> CacheInfo:
        if not self.path.exists():
            return CacheInfo(self.path, 0, 0, None, None)
        with self._lock:
            try:
                n, oldest, newest = self._db().execute(
                    "SELECT COUNT(*), MIN(created), MAX(created) FROM answers").fetchone()
            except sqlite3.Error as exc:
                raise LinkError(f"cannot read the lookup cache {self.path}: {exc}") from None
        return CacheInfo(self.path, n, self.path.stat().st_size, oldest, newest)

    def clear(self) -> int:
        """Forget every answer; returns how many there were."""
        if not self.path.exists():
            return 0
        with self._lock:
            try:
                db = self._db()
                n = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
                db.execute("DELETE FROM answers")
                db.commit()
                db.execute("VACUUM")
            except sqlite3.Error as exc:
                raise LinkError(f"cannot clear the lookup cache {self.path}: {exc}") from None
        return n

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
