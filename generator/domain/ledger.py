"""The action-item ledger: every action item decided at a meeting, followed through the meetings after it.

Meetings are read in order (date, then file name); each new item is recorded with its owner, and each progress
entry of a later meeting moves its item on (status, finish date, note), keeping every step. Emits no problems:
a reference ``checks`` has already reported (unknown owner, unknown or repeated id) is left out here.

An item has two faces: as it stands now (``Ledger.items``, for the action-item and agency pages), and as it stood
at a given meeting (``as_of``), made from the steps recorded at or before that meeting only: a meeting page is
the record of its day and says nothing that was known later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from generator.domain.directory import Directory
from generator.domain.model import ActionItemView, AgendaView, ProgressView, Step
from generator.domain.series import basis
from generator.load.schema import STATUS_TERBUKA
from generator.load.validate import EditionRecords, Record


@dataclass
class MeetingEntries:
    """What one meeting added to the ledger."""

    record: Record
    order: int  # its place among the meetings of the edition, oldest first
    new_items: list[ActionItemView] = field(default_factory=list)  # as they stood at this meeting
    progress: list[ProgressView] = field(default_factory=list)
    agenda: list[AgendaView] = field(default_factory=list)


@dataclass
class Ledger:
    items: list[ActionItemView]  # in the order they were decided, as they stand after the last meeting
    meetings: list[MeetingEntries]  # oldest first

    @classmethod
    def build(cls, records: EditionRecords, directory: Directory) -> "Ledger":
        agencies = directory.agencies
        steps: dict[str, list[Step]] = {}
        first: dict[str, ActionItemView] = {}  # each item as it was decided
        meetings = []
        ordered = sorted(records.rapat.values(), key=lambda r: (r.data.tanggal, r.slug))
        for order, record in enumerate(ordered):
            data = record.data
            entries = MeetingEntries(record, order)
            for item in data.agenda:
                refs = [agencies[slug] for slug in item.instansi if slug in agencies]
                entries.agenda.append(AgendaView(refs, item.topik, item.uraian, basis(item)))
            for action in data.tindak_lanjut:
                owner = agencies.get(action.pemilik)
                if action.id in first or owner is None:
                    continue
                steps[action.id] = [Step(record.slug, data.tanggal, order, action.status, action.tanggal_selesai,
                                         action.catatan)]
                first[action.id] = ActionItemView(
                    id=action.id, uraian=action.uraian, pemilik=owner, rapat_slug=record.slug,
                    rapat_tanggal=data.tanggal, batas_waktu=action.batas_waktu, status=action.status,
                    tanggal_selesai=action.tanggal_selesai, catatan=action.catatan, history=steps[action.id][:],
                    dasar=basis(action))
                entries.new_items.append(first[action.id])
            for update in data.perkembangan:
                if update.id not in first or first[update.id].rapat_tanggal >= data.tanggal:
                    continue
                before = _at(first[update.id], steps[update.id])
                steps[update.id].append(Step(record.slug, data.tanggal, order, update.status, update.tanggal_selesai,
                                             update.catatan))
                after = _at(first[update.id], steps[update.id])
                entries.progress.append(ProgressView(after, update.status, before.status, update.tanggal_selesai,
                                                     update.catatan, basis(update)))
            meetings.append(entries)
        items = [_at(item, steps[item.id]) for item in first.values()]
        return cls(items, meetings)

    def as_of(self, item: ActionItemView, meeting: MeetingEntries) -> ActionItemView:
        """``item`` as it stood at the end of ``meeting``, with what was overdue on that day."""
        known = [step for step in item.history if step.order <= meeting.order]
        return overdue_on(_at(item, known), meeting.record.data.tanggal)

    def current(self, as_of: dt.date) -> list[ActionItemView]:
        """Every item as it stands now, overdue counted to ``as_of`` (the date of the newest data)."""
        return [overdue_on(item, as_of) for item in self.items]


def _at(item: ActionItemView, steps: list[Step]) -> ActionItemView:
    """The item after ``steps`` (its first is the decision): the last status and finish date, the last note."""
    last = steps[-1]
    note = next((step.catatan for step in reversed(steps) if step.catatan), None)
    return replace(item, status=last.status, tanggal_selesai=last.tanggal_selesai, catatan=note,
                   history=list(steps), overdue=False, days_overdue=0)


def overdue_on(item: ActionItemView, day: dt.date) -> ActionItemView:
    overdue = item.status in STATUS_TERBUKA and item.batas_waktu < day
    return replace(item, overdue=overdue, days_overdue=(day - item.batas_waktu).days if overdue else 0)
