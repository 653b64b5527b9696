"""The action-item ledger: every action item decided at a meeting, followed through the meetings after it.

Meetings are read in date order; each new item is recorded with its owner, and each progress entry of a
later meeting moves its item on (status, finish date, note), keeping the history. Emits no problems: a
reference ``checks`` has already reported (unknown owner, unknown or repeated id) is left out here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .directory import Directory
from .model import ActionItemView, AgendaView, ProgressView
from .series import basis
from .validate import EditionRecords, Record

OPEN = ("terbuka", "berjalan", "terhambat")
CLOSED = ("selesai", "batal")


@dataclass
class MeetingEntries:
    """What one meeting added to the ledger."""

    record: Record
    new_items: list[ActionItemView] = field(default_factory=list)
    progress: list[ProgressView] = field(default_factory=list)
    agenda: list[AgendaView] = field(default_factory=list)


@dataclass
class Ledger:
    items: list[ActionItemView]  # in the order they were decided
    meetings: list[MeetingEntries]  # oldest first

    @classmethod
    def build(cls, records: EditionRecords, directory: Directory) -> "Ledger":
        agencies = directory.agencies
        items: dict[str, ActionItemView] = {}
        meetings = []
        for record in sorted(records.rapat.values(), key=lambda r: (r.data.tanggal, r.slug)):
            data = record.data
            entries = MeetingEntries(record)
            for item in data.agenda:
                refs = [agencies[slug] for slug in item.instansi if slug in agencies]
                entries.agenda.append(AgendaView(refs, item.topik, item.uraian, basis(item)))
            for action in data.tindak_lanjut:
                owner = agencies.get(action.pemilik)
                if action.id in items or owner is None:
                    continue
                view = ActionItemView(
                    id=action.id, uraian=action.uraian, pemilik=owner, rapat_slug=record.slug, rapat_judul=data.judul,
                    rapat_tanggal=data.tanggal, batas_waktu=action.batas_waktu, status=action.status,
                    tanggal_selesai=action.tanggal_selesai, catatan=action.catatan,
                    history=[(record.slug, data.tanggal, action.status, action.catatan)], dasar=basis(action))
                items[action.id] = view
                entries.new_items.append(view)
            for update in data.perkembangan:
                item = items.get(update.id)
                if item is None or item.rapat_tanggal >= data.tanggal:
                    continue
                entries.progress.append(ProgressView(item, update.status, item.status, update.tanggal_selesai,
                                                     update.catatan, basis(update)))
                item.status = update.status
                item.tanggal_selesai = update.tanggal_selesai
                item.catatan = update.catatan or item.catatan
                item.history.append((record.slug, data.tanggal, update.status, update.catatan))
            meetings.append(entries)
        return cls(list(items.values()), meetings)

    def mark_overdue(self, as_of: dt.date) -> None:
        for item in self.items:
            item.overdue = item.open and item.batas_waktu < as_of
            item.days_overdue = (as_of - item.batas_waktu).days if item.overdue else 0


def status_on(item: ActionItemView, day: dt.date) -> str:
    """The status an action item had at the meeting of ``day``, with the progress reported there."""
    status = item.history[0][2]
    for _, when, new_status, _ in item.history:
        if when <= day:
            status = new_status
    return status
