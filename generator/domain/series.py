"""Figures over time: every dated report figure of every kecamatan, and totals over any set of kecamatan.

A kecamatan's figure is its latest report; a total over several kecamatan on a date is the sum of each
one's latest report on or before that date ("as of"), so agencies that report on different days (one
Disdukcapil per kabupaten, at national scale) still add up. Collected once, read by ``checks`` (rules that
compare reports of different agencies) and ``views``. Emits no problems: unknown kecamatan are left out.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from generator.domain.directory import Directory
from generator.domain.model import AgencyRef, Figure
from generator.load.schema import ClassifiedRecord, Laporan
from generator.load.validate import EditionRecords

# Which agency kind may send which report.
REPORT_KINDS = {
    "laporan_kependudukan": ("kependudukan", "disdukcapil"),
    "laporan_pemilih": ("pemilih", "kpu"),
    "laporan_linmas": ("linmas", "satpol-pp"),
}
FIGURES = {  # key → (label, report kind)
    "penduduk": ("Penduduk", "kependudukan"),
    "wajib_ktp": ("Wajib KTP", "kependudukan"),
    "ektp_rekam": ("e-KTP terekam", "kependudukan"),
    "ektp_cetak": ("e-KTP tercetak", "kependudukan"),
    "pemilih": ("Pemilih", "pemilih"),
    "tps": ("TPS", "pemilih"),
    "linmas_siap": ("Linmas siap", "linmas"),
}


class TotalOn(NamedTuple):
    """A total as it stood on a day."""

    value: int | None
    date: dt.date | None  # of the latest report it is made of
    label: str
    source: AgencyRef | None  # the one agency whose reports make it, if there is one


class Point(NamedTuple):
    date: dt.date
    value: int
    agency: str
    illustrative: bool
    label_suffix: str = ""
    dasar: str | None = None


def basis(record) -> str | None:
    """The legal basis of a record its editor marked restricted, as written; None for a public record."""
    return record.dasar if isinstance(record, ClassifiedRecord) and record.akses == "terbatas" else None


def is_illustrative(report: Laporan, key: str | None = None) -> bool:
    """Whether a report's figure ``key`` (or, without a key, any of its figures) is illustrative."""
    flag = report.ilustratif
    if isinstance(flag, bool):
        return flag
    return key in flag if key else bool(flag)


def agency_reports(records: EditionRecords):
    """(agency slug, record, field, kind, report index, report) of every report its agency may send."""
    for slug, record in sorted(records.instansi.items()):
        for field_name, (kind, allowed) in REPORT_KINDS.items():
            if record.data.jenis != allowed:
                continue
            for index, report in enumerate(getattr(record.data, field_name)):
                yield slug, record, field_name, kind, index, report


def report_rows(report, known) -> list[tuple[int, object]]:
    """(index, row) of a report's rows for known kecamatan, each kecamatan once (the first row counts)."""
    seen: set[str] = set()
    rows = []
    for index, row in enumerate(report.kecamatan):
        if row.kecamatan in seen or row.kecamatan not in known:
            continue
        seen.add(row.kecamatan)
        rows.append((index, row))
    return rows


class Series:
    """Points per (kecamatan code, figure key), sorted by date."""

    def __init__(self, points: dict[tuple[str, str], list[Point]], agencies: dict[str, AgencyRef]):
        self.points = points
        self.agencies = agencies
        self._dates = {key: [p.date for p in series] for key, series in points.items()}

    @classmethod
    def collect(cls, records: EditionRecords, directory: Directory) -> "Series":
        points: dict[tuple[str, str], list[Point]] = defaultdict(list)
        for slug, _record, _field, kind, _index, report in agency_reports(records):
            suffix = f" ({report.tahap})" if kind == "pemilih" else ""
            keys = [key for key, (_, figure_kind) in FIGURES.items() if figure_kind == kind]
            for _, row in report_rows(report, directory.kecamatan_by_code):
                for key in keys:
                    points[(row.kecamatan, key)].append(Point(
                        report.tanggal, getattr(row, key), slug, is_illustrative(report, key), suffix, basis(report)))
        for series in points.values():
            series.sort(key=lambda p: p.date)
        return cls(dict(points), directory.agencies)

    def latest_on(self, code: str, key: str, day: dt.date) -> Point | None:
        """The latest point reported on or before ``day``."""
        dates = self._dates.get((code, key))
        if not dates:
            return None
        index = bisect.bisect_right(dates, day)
        return self.points[(code, key)][index - 1] if index else None

    def dates(self) -> list[dt.date]:
        return sorted({p.date for series in self.points.values() for p in series})

    @property
    def illustrative(self) -> bool:
        return any(p.illustrative for series in self.points.values() for p in series)

    def figure(self, code: str, key: str, day: dt.date | None = None) -> Figure:
        """A kecamatan's figure as of its latest report, or, with ``day``, as it stood on that day (the reports
        dated on or before it)."""
        label, _ = FIGURES[key]
        points = self.points.get((code, key), [])
        if day is not None:
            points = points[:bisect.bisect_right(self._dates.get((code, key), []), day)]
        if not points:
            return Figure(key, label, None, None, None)
        last = points[-1]
        before = points[-2] if len(points) > 1 else None
        return Figure(key, label + last.label_suffix, last.value, last.date, self.agencies.get(last.agency),
                      previous=before.value if before else None, previous_date=before.date if before else None,
                      illustrative=last.illustrative, history=[(p.date, p.value) for p in points], dasar=last.dasar)

    def events(self, codes: list[str], key: str) -> list[tuple[dt.date, str, Point]]:
        """Every report of figure ``key`` of ``codes``, in date order: what a total is summed from."""
        return sorted((p.date, code, p) for code in codes for p in self.points.get((code, key), []))

    def totals_on(self, events: list[tuple[dt.date, str, Point]], key: str,
                  days: list[dt.date]) -> dict[dt.date, TotalOn]:
        """A total (of ``events``, from ``events()``) as it stood on each of ``days``, from the reports dated on or
        before it (what was known then): its value, the date of its latest report, its label and its source."""
        label, _ = FIGURES[key]
        current: dict[str, Point] = {}
        running, latest, out, index = 0, None, {}, 0
        for day in sorted(set(days)):
            while index < len(events) and events[index][0] <= day:
                latest, code, point = events[index]
                running += point.value - (current[code].value if code in current else 0)
                current[code] = point
                index += 1
            suffixes = {p.label_suffix for p in current.values()}
            sources = {p.agency for p in current.values()}
            out[day] = TotalOn(running if current else None, latest,
                               label + (next(iter(suffixes)) if len(suffixes) == 1 else ""),
                               self.agencies.get(next(iter(sources))) if len(sources) == 1 else None)
        return out

    def total(self, codes: list[str], key: str, events: list[tuple[dt.date, str, Point]] | None = None) -> Figure:
        """The sum over ``codes`` as of each date any of them reported, with the latest and the one before
        (``events``: those of ``events(codes, key)``, where the caller has them already)."""
        label, _ = FIGURES[key]
        events = self.events(codes, key) if events is None else events
        if not events:
            return Figure(key, label, None, None, None)
        current: dict[str, Point] = {}
        history: list[tuple[dt.date, int]] = []
        running = 0
        for index, (day, code, point) in enumerate(events):
            running += point.value - (current[code].value if code in current else 0)
            current[code] = point
            if index + 1 == len(events) or events[index + 1][0] != day:
                history.append((day, running))
        latest = list(current.values())
        sources = {p.agency for p in latest}
        source = self.agencies.get(next(iter(sources))) if len(sources) == 1 else None
        suffixes = {p.label_suffix for p in latest}
        before = history[-2] if len(history) > 1 else None
        return Figure(
            key, label + (next(iter(suffixes)) if len(suffixes) == 1 else ""), history[-1][1], history[-1][0], source,
            previous=before[1] if before else None, previous_date=before[0] if before else None,
            illustrative=any(p.illustrative for p in latest), history=history,
            dasar=next((p.dasar for p in latest if p.dasar), None), sources=len(sources))


def data_date(records: EditionRecords, series: Series) -> dt.date | None:
    """The date of the data of an election edition: ``tanggal_data`` where the desk set it, else the newest dated
    report (an agency's figures, a camat's report) or meeting. None: nothing dated has come in yet (a new desk).

    One definition for both stages: ``checks`` warns that nothing is reported yet exactly when ``views`` gives
    the data no date and the pages say that no report or meeting has come in (``SiteModel.reported``)."""
    dates = [record.data.tanggal for record in records.rapat.values()]
    dates += [report.tanggal for record in records.kecamatan.values() for report in record.data.laporan]
    dates += series.dates()
    return records.edisi.data.tanggal_data or max(dates, default=None)
