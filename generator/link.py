"""Link: typed records → the site model, with references checked and consistency rules applied.

References between files (an agenda item names an agency, a report names a kecamatan by its Kemendagri
code) are resolved here, region codes are checked against the Kemendagri reference, and the rules that
span records run: e-KTP recorded ≤ wajib KTP ≤ population, printed ≤ recorded, Linmas ≥ 2 per TPS
(a warning), an action item due on or after its meeting, "selesai" needs a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from . import messages as msg
from .load import Document
from .exemptions import CATEGORIES, citations, format_citations
from .model import (ActionItemView, AgencyRef, AgendaView, BlankSpotView, CamatReportView, DecisionView, Figure,
                    FigureChange,
                    InstansiView, KecamatanView, MeetingChanges, MeetingRef, Percentage, ProgressView, RapatView,
                    ReadinessSummary, ReportSummary, RiskView, Security, SiteModel, WithheldNote)
from .problems import Problems, Severity
from .readiness import LABELS, LEVELS, LINMAS_PER_TPS, kecamatan_readiness, overall_level
from .regions import RegionTree, region_tree
from .schema import AsnDiusulkan, ClassifiedRecord, Instansi, Kontak, Laporan, Risiko
from .types import e164
from .validate import EditionRecords, Record

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
AGENCY_ORDER = ["sekretariat", "kpu", "bawaslu", "polri", "tni", "kejaksaan", "kesbangpol", "disdukcapil",
                "satpol-pp", "opd-lain", "camat"]


@dataclass
class _Point:
    date: dt.date
    value: int
    agency: str
    illustrative: bool
    label_suffix: str = ""
    dasar: str | None = None


def link(records: EditionRecords, problems: Problems, regions: RegionTree | None = None,
         edition: str = "internal", withheld: list | tuple = ()) -> SiteModel | None:
    """The site model of one edition, or None when the edition file itself is missing or invalid.

    ``withheld`` are the notes of ``generator.edition.filter_edition``: what the public edition left out, by page.
    """
    if records.edisi is None:
        return None
    model = _Linker(records, problems, regions or region_tree()).run()
    model.edition = edition
    attach_withheld(model, withheld)
    return model


KNOWN_LISTED = 20  # names listed in an "unknown agency" message

SECURITY_CATEGORIES = {"pengamanan", "kerawanan_tps", "potensi_gangguan"}


def basis(record) -> str | None:
    """The legal basis of a record its editor marked restricted, as written; None for a public record."""
    return record.dasar if isinstance(record, ClassifiedRecord) and record.akses == "terbatas" else None


def attach_withheld(model: SiteModel, withheld) -> None:
    """Put each note of what was withheld on the pages it belonged to (category and basis, never the value)."""
    kecamatan = {k.slug: k for k in model.kecamatan}
    by_code = {k.kode: k for k in model.kecamatan}
    instansi = {i.slug: i for i in model.instansi}
    rapat = {r.slug: r for r in model.rapat}
    bases: dict[str, set[str]] = defaultdict(set)  # one note per category, with every citation it had
    for item in withheld:
        bases[item.kategori].update(item.dasar)

    def note_of(kategori: str) -> WithheldNote:
        return WithheldNote(CATEGORIES[kategori].nama, format_citations(bases[kategori]) or "UU 14/2008 Pasal 17")

    for item in withheld:
        note = note_of(item.kategori)
        pages = [model]
        if item.source_kind == "instansi":
            pages.append(instansi.get(item.source_slug))
        elif item.source_kind == "kecamatan":
            pages += [kecamatan.get(item.source_slug), instansi.get(camat_slug(item.source_slug))]
        elif item.source_kind == "rapat":
            pages.append(rapat.get(item.source_slug))
        pages += [by_code.get(code) for code in item.kecamatan]
        if item.kategori in SECURITY_CATEGORIES:
            # On every kecamatan page or on none: a notice only where forces are deployed would show where.
            pages += model.kecamatan
        for page in pages:
            if page is not None and note not in page.withheld:
                page.withheld.append(note)
    for page in [model, *model.kecamatan, *model.instansi, *model.rapat]:
        page.withheld.sort(key=lambda n: (n.nama, n.dasar))


class _Linker:
    def __init__(self, records: EditionRecords, problems: Problems, regions: RegionTree):
        self.records = records
        self.problems = problems
        self.regions = regions
        self.edisi = records.edisi.data
        self.series: dict[tuple[str, str], list[_Point]] = defaultdict(list)  # (kecamatan code, key) → points
        self.agencies: dict[str, AgencyRef] = {}
        self.kecamatan_by_code: dict[str, Record] = {}
        self.pending_checks: list[tuple] = []  # reports to compare once all are collected

    # --- helpers ------------------------------------------------------------------------------

    def error(self, document: Document, loc: tuple, message: str, key: bool = False) -> None:
        self.problems.add(document.problem(loc, message, key=key))

    def warn(self, document: Document, loc: tuple, message: str) -> None:
        self.problems.add(document.problem(loc, message, severity=Severity.WARNING))

    def check_agency(self, document: Document, loc: tuple, slug: str) -> AgencyRef | None:
        if slug in self.agencies:
            return self.agencies[slug]
        if self.is_invalid_agency(slug):
            return None  # its own file is already reported; one mistake, one message
        import difflib

        close = difflib.get_close_matches(slug, list(self.agencies), n=1, cutoff=0.6)
        hint = msg.UNKNOWN_KEY_HINT.format(suggestion=close[0]) if close else ""
        known = sorted(self.agencies)
        listed = ", ".join(known[:KNOWN_LISTED]) + (f", … ({len(known) - KNOWN_LISTED} lainnya)"
                                                    if len(known) > KNOWN_LISTED else "")
        self.error(document, loc, msg.UNKNOWN_AGENCY.format(ref=slug, hint=hint, known=listed))
        return None

    def is_invalid_agency(self, slug: str) -> bool:
        invalid = self.records.invalid
        return slug in invalid.get("instansi", ()) or (
            slug.startswith("camat-") and slug.removeprefix("camat-") in invalid.get("kecamatan", ()))

    def check_kecamatan(self, document: Document, loc: tuple, code: str) -> Record | None:
        if code in self.kecamatan_by_code:
            return self.kecamatan_by_code[code]
        if self.records.invalid.get("kecamatan") and self.regions.name(code) and \
                RegionTree.parent(code) in self.edisi.wilayah.kabupaten:
            return None  # may well be the kecamatan whose file is invalid, already reported
        name = self.regions.name(code)
        hint = f" ({name})" if name else ""
        if name is None:
            self.error(document, loc, msg.REGION_UNKNOWN.format(code=code))
        else:
            self.error(document, loc, msg.UNKNOWN_KECAMATAN.format(ref=code, hint=hint))
        return None

    # --- the story ----------------------------------------------------------------------------

    def run(self) -> SiteModel:
        self.check_edition()
        self.index_kecamatan()
        self.index_agencies()
        self.collect_reports()
        actions, meetings = self.link_meetings()
        risks = self.link_risks()
        kecamatan = [self.kecamatan_view(record, risks) for record in self.sorted_kecamatan()]
        instansi = self.instansi_views(actions, risks, meetings)
        self.link_security(kecamatan, instansi)
        self.check_restricted_values()
        dates = [m.tanggal for m in meetings] + [p.date for points in self.series.values() for p in points]
        as_of = self.edisi.tanggal_data or (max(dates) if dates else self.edisi.pemungutan_suara.rencana)
        for item in actions:
            item.overdue = item.open and item.batas_waktu < as_of
            item.days_overdue = (as_of - item.batas_waktu).days if item.overdue else 0
        totals = self.totals()
        for index, meeting in enumerate(meetings):
            meeting.changes = self.meeting_changes(meeting, meetings[index + 1] if index + 1 < len(meetings) else None,
                                                   actions, totals)
        voting = self.edisi.pemungutan_suara.pelaksanaan or self.edisi.pemungutan_suara.rencana
        postponed = self.edisi.pemungutan_suara.rencana if self.edisi.pemungutan_suara.pelaksanaan and \
            self.edisi.pemungutan_suara.pelaksanaan != self.edisi.pemungutan_suara.rencana else None
        return SiteModel(
            edisi=self.edisi,
            as_of=as_of,
            voting_day=voting,
            days_to_voting=(voting - as_of).days,
            postponed_from=postponed,
            kabupaten=[(code, self.regions.name(code) or code) for code in self.edisi.wilayah.kabupaten],
            kecamatan=kecamatan,
            instansi=instansi,
            rapat=meetings,
            action_items=sorted(actions, key=lambda a: (not a.overdue, not a.open, a.batas_waktu, a.id)),
            risks=risks,
            readiness=self.readiness_summary(kecamatan, totals),
            totals=totals,
            illustrative=any(p.illustrative for points in self.series.values() for p in points),
        )

    # --- regions ------------------------------------------------------------------------------

    def check_edition(self) -> None:
        document = self.records.edisi.document
        wilayah = self.edisi.wilayah
        if self.regions.name(wilayah.provinsi) is None:
            self.error(document, ("wilayah", "provinsi"), msg.REGION_UNKNOWN.format(code=wilayah.provinsi))
        for index, code in enumerate(wilayah.kabupaten):
            loc = ("wilayah", "kabupaten", index)
            if self.regions.name(code) is None:
                self.error(document, loc, msg.REGION_UNKNOWN.format(code=code))
            elif RegionTree.parent(code) != wilayah.provinsi:
                self.error(document, loc, msg.REGION_NOT_UNDER.format(
                    code=code, parent=wilayah.provinsi, parent_name=self.regions.name(wilayah.provinsi) or "?"))
        for index, stage in enumerate(self.edisi.tahapan):
            if stage.selesai and stage.selesai < stage.mulai:
                self.error(document, ("tahapan", index, "selesai"), msg.STAGE_ORDER.format(
                    end=stage.selesai.isoformat(), start=stage.mulai.isoformat()))

    def index_kecamatan(self) -> None:
        kabupaten = set(self.edisi.wilayah.kabupaten)
        for slug, record in sorted(self.records.kecamatan.items()):
            data, document = record.data, record.document
            if data.kode in self.kecamatan_by_code:
                other = self.kecamatan_by_code[data.kode].document.display
                self.error(document, ("kode",), msg.DUPLICATE_CODE.format(code=data.kode, other=other))
                continue
            official = self.regions.name(data.kode)
            if official is None:
                self.error(document, ("kode",), msg.REGION_UNKNOWN.format(code=data.kode))
            elif RegionTree.parent(data.kode) not in kabupaten:
                self.error(document, ("kode",), msg.REGION_NOT_IN_EDITION.format(
                    code=data.kode, wilayah=", ".join(sorted(kabupaten))))
            elif official != data.nama and official not in data.alias:
                self.warn(document, ("nama",), msg.REGION_NAME.format(name=data.nama, official=official,
                                                                      code=data.kode))
            self.kecamatan_by_code[data.kode] = record
            self.check_desa(record)
        if self.records.complete:
            for code in sorted(k for k in kabupaten if RegionTree.parent(k) == self.edisi.wilayah.provinsi):
                for child in self.regions.children(code):
                    if child not in self.kecamatan_by_code:
                        self.warn(self.records.edisi.document, ("wilayah", "kabupaten"), msg.KECAMATAN_MISSING.format(
                            code=child, name=self.regions.name(child)))

    def check_desa(self, record: Record) -> None:
        data, document = record.data, record.document
        seen: dict[str, int] = {}
        for index, desa in enumerate(data.desa):
            loc = ("desa", index, "kode")
            if desa.kode in seen:
                self.error(document, loc, msg.DUPLICATE_CODE.format(
                    code=desa.kode, other=f"desa[{seen[desa.kode]}]"))
                continue
            seen[desa.kode] = index
            official = self.regions.name(desa.kode)
            if official is None:
                self.error(document, loc, msg.REGION_UNKNOWN.format(code=desa.kode))
                continue
            if RegionTree.parent(desa.kode) != data.kode:
                self.error(document, loc, msg.REGION_NOT_UNDER.format(
                    code=desa.kode, parent=data.kode, parent_name=data.nama))
                continue
            actual = RegionTree.village_kind(desa.kode)
            if actual != desa.jenis:
                self.error(document, ("desa", index, "jenis"), msg.REGION_KIND.format(
                    code=desa.kode, actual=actual, digit="1" if actual == "kelurahan" else "2", declared=desa.jenis))
            if official != desa.nama:
                self.warn(document, ("desa", index, "nama"), msg.DESA_NAME.format(
                    name=desa.nama, official=official, code=desa.kode))

    def sorted_kecamatan(self) -> list[Record]:
        return [self.kecamatan_by_code[code] for code in sorted(self.kecamatan_by_code)]

    # --- agencies -----------------------------------------------------------------------------

    def index_agencies(self) -> None:
        for slug, record in sorted(self.records.instansi.items()):
            self.agencies[slug] = AgencyRef(slug, record.data.singkatan, record.data.nama)
        for record in self.sorted_kecamatan():
            slug = camat_slug(record.slug)
            self.agencies[slug] = AgencyRef(slug, f"Camat {record.data.nama}", f"Kecamatan {record.data.nama}")
        self.check_agency(self.records.edisi.document, ("desk", "sekretariat"), self.edisi.desk.sekretariat)

    # --- reports ------------------------------------------------------------------------------

    def collect_reports(self) -> None:
        for slug, record in sorted(self.records.instansi.items()):
            for field, (kind, allowed) in REPORT_KINDS.items():
                reports = getattr(record.data, field)
                if reports and record.data.jenis != allowed:
                    self.error(record.document, (field,), msg.REPORT_WRONG_AGENCY.format(
                        kind=kind, allowed=allowed, actual=record.data.jenis), key=True)
                    continue
                self.check_report_dates(record.document, field, reports, kind)
                for index, report in enumerate(reports):
                    self.collect_rows(slug, record.document, (field, index), report, kind)

    def check_report_dates(self, document: Document, field: str, reports: list[Laporan], kind: str) -> None:
        seen: dict[dt.date, int] = {}
        for index, report in enumerate(reports):
            if report.tanggal in seen:
                other = document.mark((field, seen[report.tanggal], "tanggal")).line
                self.error(document, (field, index, "tanggal"), msg.REPORT_DUPLICATE_DATE.format(
                    kind=kind, date=report.tanggal.isoformat(), other_line=other))
            seen.setdefault(report.tanggal, index)

    def collect_rows(self, agency: str, document: Document, loc: tuple, report, kind: str) -> None:
        seen: set[str] = set()
        for index, row in enumerate(report.kecamatan):
            row_loc = loc + ("kecamatan", index)
            if row.kecamatan in seen:
                self.error(document, row_loc + ("kecamatan",), msg.REPORT_DUPLICATE_KECAMATAN.format(
                    code=row.kecamatan))
                continue
            seen.add(row.kecamatan)
            if self.check_kecamatan(document, row_loc + ("kecamatan",), row.kecamatan) is None:
                continue
            if kind == "kependudukan":
                if row.wajib_ktp > row.penduduk:
                    self.error(document, row_loc + ("wajib_ktp",), msg.WAJIB_OVER_POPULATION.format(
                        wajib=row.wajib_ktp, population=row.penduduk))
                if row.ektp_rekam > row.wajib_ktp:
                    self.error(document, row_loc + ("ektp_rekam",), msg.RECORDED_OVER_WAJIB.format(
                        recorded=row.ektp_rekam, wajib=row.wajib_ktp))
                if row.ektp_cetak > row.ektp_rekam:
                    self.error(document, row_loc + ("ektp_cetak",), msg.PRINTED_OVER_RECORDED.format(
                        printed=row.ektp_cetak, recorded=row.ektp_rekam))
            suffix = f" ({report.tahap})" if kind == "pemilih" else ""
            for key, (_, figure_kind) in FIGURES.items():
                if figure_kind == kind:
                    self.series[(row.kecamatan, key)].append(
                        _Point(report.tanggal, getattr(row, key), agency, is_illustrative(report, key), suffix,
                               basis(report)))
        self.pending_checks.append((kind, document, loc, report))

    def latest_on(self, code: str, key: str, day: dt.date) -> _Point | None:
        points = [p for p in self.series.get((code, key), []) if p.date <= day]
        return max(points, key=lambda p: p.date) if points else None

    def cross_report_checks(self) -> None:
        """Rules that compare reports of different agencies, run once every report is collected."""
        cap = self.edisi.batas_pemilih_per_tps
        for kind, document, loc, report in self.pending_checks:
            seen: set[str] = set()
            for index, row in enumerate(report.kecamatan):
                if row.kecamatan not in self.kecamatan_by_code or row.kecamatan in seen:
                    continue
                seen.add(row.kecamatan)
                row_loc = loc + ("kecamatan", index)
                if kind == "pemilih":
                    population = self.latest_on(row.kecamatan, "penduduk", report.tanggal)
                    if population and row.pemilih > population.value:
                        self.error(document, row_loc + ("pemilih",), msg.VOTERS_OVER_POPULATION.format(
                            voters=row.pemilih, population=population.value, date=population.date.isoformat()))
                    if row.tps and row.pemilih / row.tps > cap:
                        self.error(document, row_loc + ("tps",), msg.VOTERS_PER_TPS.format(
                            average=_decimal(row.pemilih / row.tps), limit=cap))
                if kind == "linmas":
                    tps = self.latest_on(row.kecamatan, "tps", report.tanggal)
                    if tps and tps.value and row.linmas_siap < LINMAS_PER_TPS * tps.value:
                        self.warn(document, row_loc + ("linmas_siap",), msg.LINMAS_PER_TPS.format(
                            linmas=row.linmas_siap, tps=tps.value, ratio=_decimal(row.linmas_siap / tps.value)))

    # --- meetings and action items ------------------------------------------------------------

    def link_meetings(self) -> tuple[list[ActionItemView], list[RapatView]]:
        self.cross_report_checks()
        records = sorted(self.records.rapat.values(), key=lambda r: (r.data.tanggal, r.slug))
        items: dict[str, ActionItemView] = {}
        origin_document: dict[str, str] = {}
        meetings: list[RapatView] = []
        for record in records:
            data, document = record.data, record.document
            peserta = [ref for index, slug in enumerate(data.peserta)
                       if (ref := self.check_agency(document, ("peserta", index), slug))]
            agenda = []
            for index, item in enumerate(data.agenda):
                refs = [ref for j, slug in enumerate(item.instansi)
                        if (ref := self.check_agency(document, ("agenda", index, "instansi", j), slug))]
                agenda.append(AgendaView(refs, item.topik, item.uraian, basis(item)))
            new_items = []
            for index, action in enumerate(data.tindak_lanjut):
                loc = ("tindak_lanjut", index)
                if action.id in items:
                    self.error(document, loc + ("id",), msg.DUPLICATE_ID.format(
                        kind="tindak lanjut", ref=action.id, other=origin_document[action.id]))
                    continue
                owner = self.check_agency(document, loc + ("pemilik",), action.pemilik)
                if action.batas_waktu < data.tanggal:
                    self.error(document, loc + ("batas_waktu",), msg.DUE_BEFORE_MEETING.format(
                        due=action.batas_waktu.isoformat(), meeting=data.tanggal.isoformat()))
                self.check_done(document, loc, action.status, action.tanggal_selesai, data.tanggal)
                if owner is None:
                    continue
                view = ActionItemView(
                    id=action.id, uraian=action.uraian, pemilik=owner, rapat_slug=record.slug, rapat_judul=data.judul,
                    rapat_tanggal=data.tanggal, batas_waktu=action.batas_waktu, status=action.status,
                    tanggal_selesai=action.tanggal_selesai, catatan=action.catatan,
                    history=[(record.slug, data.tanggal, action.status, action.catatan)], dasar=basis(action))
                items[action.id] = view
                origin_document[action.id] = document.display
                new_items.append(view)
            progress = []
            for index, update in enumerate(data.perkembangan):
                loc = ("perkembangan", index)
                item = items.get(update.id)
                if item is None or item.rapat_slug == record.slug:
                    if not self.records.invalid.get("rapat"):  # else it may be in the invalid meeting file
                        self.error(document, loc + ("id",), msg.UNKNOWN_ACTION.format(ref=update.id))
                    continue
                if item.rapat_tanggal >= data.tanggal:
                    self.error(document, loc + ("id",), msg.PROGRESS_BEFORE_ITEM.format(
                        meeting=data.tanggal.isoformat(), origin=item.rapat_tanggal.isoformat()))
                    continue
                self.check_done(document, loc, update.status, update.tanggal_selesai, item.rapat_tanggal)
                progress.append(ProgressView(item, update.status, item.status, update.tanggal_selesai, update.catatan,
                                             basis(update)))
                item.status = update.status
                item.tanggal_selesai = update.tanggal_selesai
                item.catatan = update.catatan or item.catatan
                item.history.append((record.slug, data.tanggal, update.status, update.catatan))
            meetings.append(RapatView(
                slug=record.slug, judul=data.judul, tanggal=data.tanggal, waktu=data.waktu, tempat=data.tempat,
                pimpinan=data.pimpinan, peserta=peserta, ringkasan=data.ringkasan, agenda=agenda,
                keputusan=[DecisionView(k.uraian, basis(k)) for k in data.keputusan], tindak_lanjut=new_items,
                perkembangan=progress, catatan_data=data.catatan_data, sumber=list(data.sumber), dasar=basis(data),
                notulen_internal=data.notulen_internal))
        meetings.reverse()  # newest first
        return list(items.values()), meetings

    def check_done(self, document: Document, loc: tuple, status: str, done: dt.date | None,
                   meeting_day: dt.date) -> None:
        if status == "selesai" and done is None:
            self.error(document, loc + ("status",), msg.DONE_WITHOUT_DATE)
        if status != "selesai" and done is not None:
            self.error(document, loc + ("tanggal_selesai",), msg.DATE_WITHOUT_DONE)
        if done is not None and done < meeting_day:
            self.error(document, loc + ("tanggal_selesai",), msg.FINISHED_BEFORE_MEETING.format(
                done=done.isoformat(), meeting=meeting_day.isoformat()))

    def meeting_changes(self, meeting: RapatView, previous: RapatView | None,
                        actions: list[ActionItemView], totals: dict[str, Figure]) -> MeetingChanges:
        closed = [p.item for p in meeting.perkembangan if p.status in ("selesai", "batal")
                  and p.previous_status not in ("selesai", "batal")]
        overdue = sorted((a for a in actions if a.rapat_tanggal < meeting.tanggal
                          and a.batas_waktu < meeting.tanggal and _status_on(a, meeting.tanggal) in
                          ("terbuka", "berjalan", "terhambat")), key=lambda a: (a.batas_waktu, a.id))
        figures = []
        for figure in totals.values():
            after = _value_on(figure.history, meeting.tanggal)
            before = _value_on(figure.history, previous.tanggal) if previous else None
            if after is not None and (before is None or before[1] != after[1]):
                figures.append(FigureChange(figure.label, before[1] if before else None, before[0] if before else None,
                                            after[1], after[0], figure.source))
        return MeetingChanges(
            previous=MeetingRef(previous.slug, previous.judul, previous.tanggal) if previous else None,
            new_items=list(meeting.tindak_lanjut), closed_items=closed, overdue_items=overdue, figures=figures)

    # --- risks --------------------------------------------------------------------------------

    def link_risks(self) -> list[RiskView]:
        risks: list[RiskView] = []
        sources: list[tuple[str, Document, list[Risiko]]] = [
            (slug, r.document, r.data.risiko) for slug, r in sorted(self.records.instansi.items())]
        sources += [(camat_slug(r.slug), r.document, r.data.risiko) for r in self.sorted_kecamatan()]
        for owner_slug, document, entries in sources:
            for index, risk in enumerate(entries):
                loc = ("risiko", index)
                owner = self.check_agency(document, loc + ("pemilik",), risk.pemilik) if risk.pemilik \
                    else self.agencies.get(owner_slug)
                codes = list(risk.kecamatan)
                if not codes and owner_slug.startswith("camat-"):
                    codes = [r.data.kode for r in self.sorted_kecamatan() if camat_slug(r.slug) == owner_slug]
                places = []
                for j, code in enumerate(codes):
                    record = self.check_kecamatan(document, loc + ("kecamatan", j), code) \
                        if j < len(risk.kecamatan) else self.kecamatan_by_code.get(code)
                    if record is not None:
                        places.append((record.data.kode, record.data.nama, record.slug))
                if owner is None:
                    continue
                risks.append(RiskView(risk.uraian, risk.tahap, risk.kategori, risk.tingkat, risk.status,
                                      risk.mitigasi, risk.tanggal, owner, places, risk.ilustratif, basis(risk)))
        order = {"tinggi": 0, "sedang": 1, "rendah": 2}
        return sorted(risks, key=lambda r: (r.status == "teratasi", order[r.tingkat], r.tanggal, r.uraian))

    # --- restricted records -------------------------------------------------------------------

    def link_security(self, kecamatan: list[KecamatanView], instansi: list[InstansiView]) -> None:
        """Deployments, vulnerable TPS and potential disruptions onto their agency's and kecamatan's pages."""
        by_code = {k.kode: k for k in kecamatan}
        by_slug = {i.slug: i for i in instansi}
        for slug, record in sorted(self.records.instansi.items()):
            owner, document = self.agencies[slug], record.document
            for field in ("pengamanan", "kerawanan_tps", "potensi_gangguan"):
                for index, item in enumerate(getattr(record.data, field)):
                    codes = item.kecamatan if isinstance(item.kecamatan, list) else [item.kecamatan]
                    places = []
                    for j, code in enumerate(codes):
                        loc = (field, index, "kecamatan") + ((j,) if isinstance(item.kecamatan, list) else ())
                        found = self.check_kecamatan(document, loc, code)
                        if found is not None:
                            places.append(found)
                    desa = getattr(item, "desa", None)
                    if desa and places and desa not in {d.kode for d in places[0].data.desa}:
                        self.error(document, (field, index, "desa"), msg.UNKNOWN_DESA.format(
                            ref=desa, kecamatan=f"{places[0].data.kode} {places[0].data.nama}"))
                    getattr(by_slug[slug].security, field).append((owner, item))
                    for place in places:
                        getattr(by_code[place.data.kode].security, field).append((owner, item))

    def check_restricted_values(self) -> None:
        """Restricted values are kept as written; their shape is checked here, as warnings."""
        documents = [r.document for r in self.records.instansi.values()] + \
            [r.document for r in self.records.kecamatan.values()] + [r.document for r in self.records.rapat.values()]
        records = list(self.records.instansi.values()) + list(self.records.kecamatan.values()) + \
            list(self.records.rapat.values())
        for record, document in zip(records, documents):
            for item, loc in _walk(record.data, ()):
                if isinstance(item, ClassifiedRecord) and item.akses == "terbatas" and item.dasar \
                        and not citations(item.dasar):
                    self.warn(document, loc + ("dasar",), msg.BASIS_UNRECOGNIZED.format(text=item.dasar))
                if isinstance(item, (Kontak, AsnDiusulkan)) and item.nip and \
                        not re.fullmatch(r"[0-9]{18}", re.sub(r"\s", "", item.nip)):
                    self.warn(document, loc + ("nip",), msg.NIP_SHAPE.format(text=item.nip))
                if isinstance(item, Kontak) and item.nik and not re.fullmatch(r"[0-9]{16}", item.nik):
                    self.warn(document, loc + ("nik",), msg.NIK_SHAPE.format(text=item.nik))
                if isinstance(item, Kontak) and item.telepon_pribadi and e164(item.telepon_pribadi) is None:
                    self.warn(document, loc + ("telepon_pribadi",), msg.PHONE_SHAPE.format(text=item.telepon_pribadi))

    # --- views --------------------------------------------------------------------------------

    def figure(self, code: str, key: str) -> Figure:
        label, _ = FIGURES[key]
        points = sorted(self.series.get((code, key), []), key=lambda p: p.date)
        if not points:
            return Figure(key, label, None, None, None)
        last = points[-1]
        before = points[-2] if len(points) > 1 else None
        return Figure(key, label + last.label_suffix, last.value, last.date, self.agencies.get(last.agency),
                      previous=before.value if before else None, previous_date=before.date if before else None,
                      illustrative=last.illustrative, history=[(p.date, p.value) for p in points], dasar=last.dasar)

    def kecamatan_view(self, record: Record, risks: list[RiskView]) -> KecamatanView:
        data = record.data
        figures = {key: self.figure(data.kode, key) for key in FIGURES}
        camat = self.agencies[camat_slug(record.slug)]
        report = self.camat_report(record)
        own_risks = [r for r in risks if any(code == data.kode for code, _, _ in r.kecamatan)]
        readiness = kecamatan_readiness(
            figures, report.asn_diserahkan if report else None, len(report.blank_spot) if report else 0,
            own_risks, self.edisi.batas_pemilih_per_tps)
        tps = figures["tps"].value
        return KecamatanView(
            slug=record.slug, kode=data.kode, nama=data.nama, alias=list(data.alias), ibu_kota=data.ibu_kota,
            kabupaten_kode=RegionTree.parent(data.kode),
            kabupaten_nama=self.regions.name(RegionTree.parent(data.kode)) or "",
            camat=camat, kontak=list(data.kontak), desa=sorted(data.desa, key=lambda d: d.kode),
            jumlah_desa=sum(1 for d in data.desa if d.jenis == "desa"),
            jumlah_kelurahan=sum(1 for d in data.desa if d.jenis == "kelurahan"),
            figures=figures, bars=_bars(figures),
            linmas_per_tps=figures["linmas_siap"].value / tps if tps and figures["linmas_siap"].value is not None
            else None,
            pemilih_per_tps=figures["pemilih"].value / tps if tps and figures["pemilih"].value is not None else None,
            camat_report=report, risks=own_risks, readiness=readiness)

    def camat_report(self, record: Record) -> CamatReportView | None:
        data, document = record.data, record.document
        desa_names = {d.kode: d.nama for d in data.desa}
        self.check_report_dates(document, "laporan", data.laporan, "camat")
        views = []
        for index, report in enumerate(data.laporan):
            spots = []
            for j, spot in enumerate(report.blank_spot):
                if spot.desa not in desa_names:
                    self.error(document, ("laporan", index, "blank_spot", j, "desa"), msg.UNKNOWN_DESA.format(
                        ref=spot.desa, kecamatan=f"{data.kode} {data.nama}"))
                    continue
                spots.append(BlankSpotView(spot.desa, desa_names[spot.desa], spot.keterangan, basis(spot)))
            asn = report.usulan_asn_panwascam
            views.append(CamatReportView(
                report.tanggal, report.ilustratif, report.catatan, list(report.jalur_logistik), spots,
                asn.diserahkan if asn else None, asn.jumlah if asn else None, asn.tanggal if asn else None,
                asn.keterangan if asn else None, list(asn.daftar) if asn else [], report.sumber, basis(report)))
        return max(views, key=lambda v: v.date) if views else None

    def instansi_views(self, actions: list[ActionItemView], risks: list[RiskView],
                       meetings: list[RapatView]) -> list[InstansiView]:
        views = []
        for slug, record in self.records.instansi.items():
            data = record.data
            views.append(InstansiView(
                slug=slug, singkatan=data.singkatan, nama=data.nama, jenis=data.jenis, peran=data.peran,
                alias=list(data.alias), situs=data.situs, kontak=list(data.kontak),
                reports=self.report_summaries(data),
                action_items=[], risks=[], agenda=[]))
        for record in self.sorted_kecamatan():
            ref = self.agencies[camat_slug(record.slug)]
            views.append(InstansiView(
                slug=ref.slug, singkatan=ref.singkatan, nama=ref.nama, jenis="camat",
                peran=f"Memfasilitasi jajaran KPU dan Bawaslu di Kecamatan {record.data.nama}, melaporkan jalur "
                      "distribusi logistik, jaringan komunikasi dan usulan ASN untuk Panwascam.",
                alias=[], situs=None, kontak=list(record.data.kontak), reports=self.camat_summaries(record),
                action_items=[], risks=[], agenda=[], kecamatan_slug=record.slug))
        by_slug = {v.slug: v for v in views}
        for item in sorted(actions, key=lambda a: (a.batas_waktu, a.id)):
            by_slug[item.pemilik.slug].action_items.append(item)
        for risk in risks:
            by_slug[risk.pemilik.slug].risks.append(risk)
        for meeting in meetings:
            for agenda in meeting.agenda:
                for ref in agenda.instansi:
                    by_slug[ref.slug].agenda.append((MeetingRef(meeting.slug, meeting.judul, meeting.tanggal), agenda))
        # camat stay in the order of their kecamatan codes (a stable sort)
        return sorted(views, key=lambda v: (AGENCY_ORDER.index(v.jenis), "" if v.jenis == "camat" else v.singkatan))

    def report_summaries(self, data: Instansi) -> list[ReportSummary]:
        names = {code: (r.data.nama, r.slug) for code, r in self.kecamatan_by_code.items()}
        out = []
        for field, (kind, _) in REPORT_KINDS.items():
            keys = [key for key, (_, k) in FIGURES.items() if k == kind]
            for report in getattr(data, field):
                rows = [(names[row.kecamatan][0], names[row.kecamatan][1], [getattr(row, k) for k in keys])
                        for row in sorted(report.kecamatan, key=lambda r: r.kecamatan) if row.kecamatan in names]
                totals = [(FIGURES[k][0], sum(r[2][i] for r in rows)) for i, k in enumerate(keys)]
                if kind == "kependudukan" and report.stok_blangko is not None:
                    totals.append(("Stok blangko e-KTP", report.stok_blangko))
                title = {"kependudukan": "Laporan kependudukan dan e-KTP", "linmas": "Laporan kesiapan Linmas",
                         "pemilih": f"Laporan pemilih dan TPS ({getattr(report, 'tahap', '')})"}[kind]
                out.append(ReportSummary(kind, title, report.tanggal, _illustrative_note(report), report.catatan,
                                         report.sumber, totals, rows, [FIGURES[k][0] for k in keys], basis(report)))
        return sorted(out, key=lambda r: (r.date, r.kind), reverse=True)

    def camat_summaries(self, record: Record) -> list[ReportSummary]:
        out = []
        for report in record.data.laporan:
            asn = report.usulan_asn_panwascam
            totals = [("Jalur logistik", len(report.jalur_logistik)), ("Desa blank spot", len(report.blank_spot))]
            if asn and asn.jumlah is not None:
                totals.append(("ASN diusulkan untuk Panwascam", asn.jumlah))
            out.append(ReportSummary("camat", "Laporan camat", report.tanggal, _illustrative_note(report),
                                     report.catatan, report.sumber, totals, [], [], basis(report)))
        return sorted(out, key=lambda r: r.date, reverse=True)

    def totals(self) -> dict[str, Figure]:
        """Edition totals per figure, summed over kecamatan for each report date."""
        out = {}
        for key, (label, _) in FIGURES.items():
            by_date: dict[dt.date, list[_Point]] = defaultdict(list)
            for (code, k), points in self.series.items():
                if k == key:
                    for point in points:
                        by_date[point.date].append(point)
            dates = sorted(by_date)
            if not dates:
                out[key] = Figure(key, label, None, None, None)
                continue
            last, before = by_date[dates[-1]], by_date[dates[-2]] if len(dates) > 1 else None
            out[key] = Figure(
                key, label + last[0].label_suffix, sum(p.value for p in last), dates[-1],
                self.agencies.get(last[0].agency),
                previous=sum(p.value for p in before) if before else None,
                previous_date=dates[-2] if before else None,
                illustrative=any(p.illustrative for p in last),
                history=[(d, sum(p.value for p in by_date[d])) for d in dates],
                dasar=next((p.dasar for p in last if p.dasar), None))
        return out

    def readiness_summary(self, kecamatan: list[KecamatanView], totals: dict[str, Figure]) -> ReadinessSummary:
        levels = [k.readiness.level for k in kecamatan]
        level = overall_level(levels)
        counts = [(lv, LABELS[lv], levels.count(lv)) for lv in LEVELS]
        return ReadinessSummary(level, LABELS[level], counts, len(kecamatan), _bars(totals))


def is_illustrative(report: Laporan, key: str | None = None) -> bool:
    """Whether a report's figure ``key`` (or, without a key, any of its figures) is illustrative."""
    flag = report.ilustratif
    if isinstance(flag, bool):
        return flag
    return key in flag if key else bool(flag)


def _illustrative_note(report: Laporan) -> str | None:
    """None, "semua" or the labels of the illustrative figures of a report."""
    flag = report.ilustratif
    if isinstance(flag, bool):
        return "semua" if flag else None
    labels = {**{k: v[0] for k, v in FIGURES.items()}, "stok_blangko": "stok blangko"}
    return ", ".join(labels[key][:1].lower() + labels[key][1:] for key in flag) or None


def _walk(value, loc: tuple):
    """Every model instance inside ``value``, with its place in the document."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        yield value, loc
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), loc + (name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, loc + (index,))


def camat_slug(kecamatan_slug: str) -> str:
    return f"camat-{kecamatan_slug}"


def _bars(figures: dict[str, Figure]) -> list[Percentage]:
    bars = []
    wajib, rekam, cetak = figures["wajib_ktp"], figures["ektp_rekam"], figures["ektp_cetak"]
    if wajib.value and rekam.value is not None:
        bars.append(Percentage("Perekaman e-KTP (terekam dari wajib KTP)", rekam.value, wajib.value, rekam.date,
                               rekam.source, rekam.illustrative, rekam.dasar))
    if rekam.value and cetak.value is not None:
        bars.append(Percentage("Pencetakan e-KTP (tercetak dari terekam)", cetak.value, rekam.value, cetak.date,
                               cetak.source, cetak.illustrative, cetak.dasar))
    linmas, tps = figures["linmas_siap"], figures["tps"]
    if tps.value and linmas.value is not None:
        bars.append(Percentage(f"Linmas siap dari kebutuhan {LINMAS_PER_TPS} per TPS",
                               min(linmas.value, LINMAS_PER_TPS * tps.value), LINMAS_PER_TPS * tps.value,
                               linmas.date, linmas.source, linmas.illustrative, linmas.dasar))
    return bars


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _value_on(history: list[tuple[dt.date, int | float]], day: dt.date) -> tuple[dt.date, int | float] | None:
    """The latest (date, value) reported on or before ``day``."""
    known = [point for point in history if point[0] <= day]
    return known[-1] if known else None


def _status_on(item: ActionItemView, day: dt.date) -> str:
    """The status an action item had at the meeting of ``day``, with the progress reported there."""
    status = item.history[0][2]
    for _, when, new_status, _ in item.history:
        if when <= day:
            status = new_status
    return status
