"""A memo of work that need not be done twice: values by the hash of everything they were made from.

Kept in one SQLite file (one file, not one per value: a national build would otherwise write tens of
thousands). Each group of values (the pages of one site edition × election edition) keeps only what its
latest run used, so the memo does not grow with every edit. Values are bytes; what they mean is the user's.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

_BATCH = 500  # keys per query: well below SQLite's limit of bound parameters
_HELD = 16 << 20  # bytes of new values held before they are written: a national edition's pages are 110 MB


class Memo:
    def __init__(self, path: Path, group: str):
        self.path = Path(path)
        self.group = group
        self.stamp = time.time_ns()
        self.added: dict[str, bytes] = {}  # put, not yet written
        self.held = 0  # their bytes
        self.used: list[str] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=120)
        _write_ahead(self.db)
        self.db.execute("CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, grp TEXT, used INTEGER, value BLOB)")

    def get(self, key: str) -> bytes | None:
        row = self.db.execute("SELECT value FROM memo WHERE key = ?", (key,)).fetchone()
        if row is not None:
            self.used.append(key)
        return row[0] if row else None

    def get_many(self, keys) -> dict[str, bytes]:
        """The values of those of ``keys`` the memo holds, asked for together (one query per few hundred keys,
        not one per key)."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), _BATCH):
            batch = keys[start:start + _BATCH]
            marks = ", ".join("?" * len(batch))
            found.update(self.db.execute(f"SELECT key, value FROM memo WHERE key IN ({marks})", batch).fetchall())
        self.used.extend(found)
        return found

    def keep(self, key: str) -> None:
        """Count ``key`` as used by this run, though its value was not read (the caller holds it already)."""
        self.used.append(key)

    def put(self, key: str, value: bytes) -> None:
        self.added[key] = value
        self.held += len(value)
        if self.held >= _HELD:
            with self.db:
                self._store()

    def _store(self) -> None:
        """Write the values put so far (a value is right whenever it is written: its key is all it was made from)."""
        self.db.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?, ?)",
                            [(key, self.group, self.stamp, value) for key, value in self.added.items()])
        self.added.clear()
        self.held = 0

    def write(self) -> None:
        """Store the new values only, and close (a helper's share of a run: what is used is for the run to say)."""
        with self.db:
            self._store()
        self.close()

    def close(self) -> None:
        """Close without storing anything."""
        self.db.close()

    def commit(self) -> None:
        """Store the new values, and forget the group's values this run did not use."""
        with self.db:
            self._store()
            self.db.executemany("UPDATE memo SET used = ?, grp = ? WHERE key = ?",
                                [(self.stamp, self.group, key) for key in self.used])
            self.db.execute("DELETE FROM memo WHERE grp = ? AND used < ?", (self.group, self.stamp))
        self.close()


def _write_ahead(db: sqlite3.Connection) -> None:
    """The memo's file in write-ahead mode, where the processes of one build read and write side by side. Two
    processes that open a new file at once may both try to set it: SQLite refuses the second at once ("database
    is locked", without waiting), and the mode, once set, stays with the file, so it is tried again shortly."""
    for attempt in range(_TRIES):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == _TRIES - 1:
                raise
            time.sleep(0.05)


_TRIES = 200  # 10 s in all: the other process sets the mode in milliseconds
