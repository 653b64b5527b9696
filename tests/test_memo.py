"""The memo (generator.memo): values by the hash of what they were made from, kept per group for the last run."""

from __future__ import annotations

import sqlite3

import pytest

from generator import memo as memo_module
from generator.memo import Memo


def test_a_run_keeps_what_it_used_and_made_and_forgets_the_rest_of_its_group(tmp_path):
    path = tmp_path / "memo.sqlite"
    first = Memo(path, "publik/e")
    for key in ("a", "b", "c"):
        first.put(key, key.encode())
    first.commit()
    other = Memo(path, "internal/e")
    other.put("x", b"x")
    other.commit()
    second = Memo(path, "publik/e")
    assert second.get("a") == b"a" and second.get_many(["b", "z"]) == {"b": b"b"}
    second.put("d", b"d")
    second.commit()
    third = Memo(path, "publik/e")
    assert third.get_many(["a", "b", "c", "d", "x"]) == {"a": b"a", "b": b"b", "d": b"d", "x": b"x"}


def test_values_are_written_as_they_come_once_they_weigh_enough(tmp_path, monkeypatch):
    """A national edition's pages are 110 MB of new values: they are written on the way, not held until the
    commit; each is right whenever it is written, and the commit forgets what the run did not use as before."""
    monkeypatch.setattr(memo_module, "_HELD", 10)
    path = tmp_path / "memo.sqlite"
    old = Memo(path, "g")
    old.put("lama", b"tidak dipakai lagi")
    old.commit()
    run = Memo(path, "g")
    run.put("kecil", b"123")
    assert run.added == {"kecil": b"123"}  # held: less than the limit
    run.put("besar", b"0123456789")
    assert run.added == {} and run.held == 0
    reader = Memo(path, "lain")
    assert reader.get_many(["kecil", "besar"]) == {"kecil": b"123", "besar": b"0123456789"}  # before the commit
    run.put("akhir", b"1")
    run.commit()
    after = Memo(path, "g")
    assert after.get_many(["lama", "kecil", "besar", "akhir"]) == {"kecil": b"123", "besar": b"0123456789",
                                                                   "akhir": b"1"}


def test_a_new_memo_file_opened_by_two_processes_at_once_waits_for_the_first(monkeypatch):
    """Two processes of one build may open a new memo file at once; SQLite refuses the second one's switch to
    write-ahead mode at once ("database is locked", no waiting), so it looks again shortly, and finds the mode
    the first one set (a cold national build failed with a traceback before)."""
    class Connection:
        def __init__(self):
            self.mode, self.asked = "delete", []

        def execute(self, sql):
            self.asked.append(sql)
            if sql == "PRAGMA journal_mode=WAL":
                self.mode = "wal"  # set by the other process meanwhile
                raise sqlite3.OperationalError("database is locked")
            return self

        def fetchone(self):
            return (self.mode,)

    monkeypatch.setattr(memo_module.time, "sleep", lambda seconds: None)
    connection = Connection()
    memo_module._write_ahead(connection)
    assert connection.asked == ["PRAGMA journal_mode", "PRAGMA journal_mode=WAL", "PRAGMA journal_mode"]

    class Broken(Connection):
        def execute(self, sql):
            raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk"):
        memo_module._write_ahead(Broken())
