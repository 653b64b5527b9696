"""Checks: the rules that span records, run once per election edition on the full data.

References between files (an agenda item names an agency, a report names a kecamatan by its Kemendagri code)
must resolve; region codes must exist in the Kemendagri reference and lie in the desk's area; and the
consistency rules hold: e-KTP recorded ≤ wajib KTP ≤ population, printed ≤ recorded, voters ≤ population,
voters per TPS ≤ the cap, Linmas ≥ 2 per TPS (a warning), an action item due on or after its meeting,
"selesai" needs a date. Records → problems, nothing else: the site model is ``views``' job.

Every lookup goes through the ``Directory`` and the ``Series``, built once; no rule scans all records per
record.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from generator.domain.directory import Directory
from generator.domain.regions import RegionTree
from generator.domain.series import REPORT_KINDS, Series, data_date, report_rows
from generator.domain.thresholds import LINMAS_PER_TPS, ratio, shown, voter_cap
from generator.load import messages as msg
from generator.load.exemptions import citations
from generator.load.fields import e164
from generator.load.problems import Problem, Problems, Severity
from generator.load.reader import Document
from generator.load.restricted import FIELD, MARKED, restricted_places
from generator.load.schema import Laporan
from generator.load.validate import EditionRecords, Record

KNOWN_LISTED = 20  # names listed in an "unknown agency" message
ANY_AGENCY = "NAMA-BERKAS"  # the agency of `bulletin new laporan` where no agency file sends reports yet


def check(records: EditionRecords, problems: Problems, regions: RegionTree) -> tuple[Directory, Series] | None:
    """Every cross-file problem of one election edition; the directory and series it was checked with."""
    if records.edisi is None:
        return None
    directory = Directory.build(records, regions)
    series = Series.collect(records, directory)
    _Checker(records, problems, directory, series).run()
    if data_date(records, series) is None:  # the rule the pages follow (SiteModel.reported): one definition
        nothing_reported(records, problems)
    return directory, series


class _Checker:
    def __init__(self, records: EditionRecords, problems: Problems, directory: Directory, series: Series):
        self.records = records
        self.problems = problems
        self.directory = directory
        self.regions = directory.regions
        self.series = series
        self.edisi = records.edisi.data
        self.known_agencies = directory.names()
        self.hints: dict[str, str] = {}  # unknown name → its suggestion, computed once per name

    def run(self) -> None:
        self.edition()
        self.kecamatan()
        self.agencies()
        self.contacts()
        self.reports()
        self.camat_reports()
        self.meetings()
        self.risks()
        self.security()
        self.restricted_values()

    # --- helpers ------------------------------------------------------------------------------

    def error(self, document: Document, loc: tuple, message: str, key: bool = False) -> None:
        self.problems.add(document.problem(loc, message, key=key))

    def warn(self, document: Document, loc: tuple, message: str) -> None:
        self.problems.add(document.problem(loc, message, severity=Severity.WARNING))

    def agency(self, document: Document, loc: tuple, slug: str) -> bool:
        """Whether ``slug`` names an agency (or a camat) of this edition; reported where it does not."""
        if slug in self.directory.agencies:
            return True
        if self.is_invalid_agency(slug):
            return False  # its own file is already reported; one mistake, one message
        if slug in self.directory.ambiguous_camat:
            codes = self.directory.ambiguous_camat[slug]
            self.error(document, loc, msg.AMBIGUOUS_CAMAT.format(
                ref=slug, codes=", ".join(codes), example=f"camat-{codes[0].replace('.', '-')}"))
            return False
        self.error(document, loc, msg.UNKNOWN_AGENCY.format(ref=slug, hint=self.agency_hint(slug),
                                                            known=self.known_listed()))
        return False

    def agency_hint(self, slug: str) -> str:
        if slug not in self.hints:
            close = difflib.get_close_matches(slug, self.known_agencies, n=1, cutoff=0.6)
            self.hints[slug] = msg.UNKNOWN_KEY_HINT.format(suggestion=close[0]) if close else ""
        return self.hints[slug]

    def known_listed(self) -> str:
        known = self.known_agencies
        more = f", … ({len(known) - KNOWN_LISTED} lainnya)" if len(known) > KNOWN_LISTED else ""
        return ", ".join(known[:KNOWN_LISTED]) + more

    def is_invalid_agency(self, slug: str) -> bool:
        invalid = self.records.invalid
        kecamatan = {name.rsplit("/", 1)[-1] for name in invalid.get("kecamatan", ())}
        return slug in invalid.get("instansi", ()) or (slug.startswith("camat-") and slug[6:] in kecamatan)

    def kecamatan_ref(self, document: Document, loc: tuple, code: str) -> Record | None:
        found = self.directory.kecamatan_by_code.get(code)
        if found is not None:
            return found
        name = self.regions.name(code)
        if self.records.invalid.get("kecamatan") and name and self.directory.covers(code):
            return None  # may well be the kecamatan whose file is invalid, already reported
        if name is None:
            self.error(document, loc, msg.REGION_UNKNOWN.format(code=code))
        else:
            self.error(document, loc, msg.UNKNOWN_KECAMATAN.format(ref=code, hint=f" ({name})"))
        return None

    # --- the edition and its regions ----------------------------------------------------------

    def edition(self) -> None:
        document = self.records.edisi.document
        wilayah = self.edisi.wilayah
        for index, code in enumerate(wilayah.provinsi):
            if self.regions.name(code) is None:
                self.error(document, ("wilayah", "provinsi", index), msg.REGION_UNKNOWN.format(code=code))
        if wilayah.tingkat != "nasional" and len(wilayah.provinsi) > 1:
            self.error(document, ("wilayah", "provinsi"), msg.ONE_PROVINCE.format(tingkat=wilayah.tingkat))
        if wilayah.tingkat == "kabupaten" and not wilayah.kabupaten:
            self.error(document, ("wilayah",), msg.KABUPATEN_REQUIRED)
        for index, code in enumerate(wilayah.kabupaten):
            loc = ("wilayah", "kabupaten", index)
            if self.regions.name(code) is None:
                self.error(document, loc, msg.REGION_UNKNOWN.format(code=code))
            elif RegionTree.parent(code) not in wilayah.provinsi:
                self.error(document, loc, msg.REGION_NOT_UNDER.format(
                    code=code, parent=", ".join(wilayah.provinsi),
                    parent_name=", ".join(self.regions.name(p) or "?" for p in wilayah.provinsi)))
        voting = self.edisi.pemungutan_suara
        if voting.rencana is None and voting.pelaksanaan is None:
            self.warn(document, ("pemungutan_suara", "rencana"), msg.VOTING_DAY_MISSING)
        for index, stage in enumerate(self.edisi.tahapan):
            if stage.selesai and stage.selesai < stage.mulai:
                self.error(document, ("tahapan", index, "selesai"), msg.STAGE_ORDER.format(
                    end=stage.selesai.isoformat(), start=stage.mulai.isoformat()))

    def kecamatan(self) -> None:
        seen: dict[str, Record] = {}
        pages: dict[str, Record] = {}
        for slug, record in sorted(self.records.kecamatan.items()):
            data, document = record.data, record.document
            if data.kode in seen:
                self.error(document, ("kode",), msg.DUPLICATE_CODE.format(code=data.kode,
                                                                          other=seen[data.kode].document.display))
                continue
            seen[data.kode] = record
            official = self.regions.name(data.kode)
            if official is None:
                self.error(document, ("kode",), msg.REGION_UNKNOWN.format(code=data.kode))
            elif not self.directory.covers(data.kode):
                self.error(document, ("kode",), msg.REGION_NOT_IN_EDITION.format(
                    code=data.kode, wilayah=self.area_text()))
            elif official != data.nama and official not in data.alias:
                self.warn(document, ("nama",), msg.REGION_NAME.format(name=data.nama, official=official,
                                                                      code=data.kode))
            page = self.directory.kecamatan_page(record)
            if page in pages:
                self.error(document, ("kode",), msg.DUPLICATE_PAGE.format(
                    page=page, other=pages[page].document.display))
            pages.setdefault(page, record)
            self.desa(record)
        undeclared = self.edisi.wilayah.tingkat == "kabupaten" and not self.edisi.wilayah.kabupaten
        if self.records.complete and not undeclared:  # (an area not declared is one mistake, said once)
            for code in self.directory.kabupaten:
                for child in self.regions.children(code):
                    if child not in seen:
                        self.warn(self.records.edisi.document, ("wilayah", "kabupaten"), msg.KECAMATAN_MISSING.format(
                            code=child, name=self.regions.name(child)))

    def area_text(self) -> str:
        wilayah = self.edisi.wilayah
        return ", ".join(wilayah.kabupaten) if wilayah.kabupaten else ", ".join(wilayah.provinsi)

    def desa(self, record: Record) -> None:
        data, document = record.data, record.document
        seen: dict[str, int] = {}
        for index, desa in enumerate(data.desa):
            loc = ("desa", index, "kode")
            if desa.kode in seen:
                self.error(document, loc, msg.DUPLICATE_CODE.format(code=desa.kode, other=f"desa[{seen[desa.kode]}]"))
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

    # --- agencies and their reports -----------------------------------------------------------

    def agencies(self) -> None:
        self.agency(self.records.edisi.document, ("desk", "sekretariat"), self.edisi.desk.sekretariat)
        for slug, record in sorted(self.records.instansi.items()):
            code = record.data.wilayah
            if code is None:
                continue
            if self.regions.name(code) is None:
                self.error(record.document, ("wilayah",), msg.REGION_UNKNOWN.format(code=code))
            elif not self.agency_area_valid(code):
                self.error(record.document, ("wilayah",), msg.AGENCY_OUTSIDE.format(code=code, wilayah=self.area_text()))

    def agency_area_valid(self, code: str) -> bool:
        return self.regions.name(code) is not None and (code in self.edisi.wilayah.provinsi or
                                                        self.directory.covers(code))

    def contacts(self) -> None:
        """Every kecamatan and agency lists an office contact: a new desk is told, file by file, what to fill."""
        for _, record in sorted(self.records.kecamatan.items()):
            if not record.data.kontak:
                self.missing_contact(record.document, msg.CONTACT_MISSING_CAMAT.format(kecamatan=record.data.nama))
        for _, record in sorted(self.records.instansi.items()):
            if not record.data.kontak:
                self.missing_contact(record.document, msg.CONTACT_MISSING_AGENCY.format(instansi=record.data.singkatan))

    def missing_contact(self, document: Document, message: str) -> None:
        """At the line of ``kontak:`` (``kontak: []``, as ``bulletin init`` writes it), or at the line of ``nama:``
        where the file has no ``kontak:`` at all: where the editor writes it, or whose it is."""
        written = ("kontak",) in document.key_marks
        display, mark = document.place(("kontak",) if written else ("nama",), key=True)
        self.problems.add(Problem(display, mark.line, mark.column, "kontak", message, Severity.WARNING))

    def reports(self) -> None:
        for slug, record in sorted(self.records.instansi.items()):
            data, document = record.data, record.document
            for field_name, (kind, allowed) in REPORT_KINDS.items():
                reports = getattr(data, field_name)
                if reports and data.jenis != allowed:
                    self.error(document, (field_name,), msg.REPORT_WRONG_AGENCY.format(
                        kind=kind, allowed=allowed, actual=data.jenis), key=True)
                    continue
                self.report_dates(document, field_name, reports, kind)
                for index, report in enumerate(reports):
                    self.report(record, (field_name, index), report, kind)

    def report_dates(self, document: Document, field_name: str, reports: list[Laporan], kind: str) -> None:
        seen: dict[dt.date, int] = {}
        for index, report in enumerate(reports):
            if report.tanggal in seen:
                other = document.mark((field_name, seen[report.tanggal], "tanggal")).line
                self.error(document, (field_name, index, "tanggal"), msg.REPORT_DUPLICATE_DATE.format(
                    kind=kind, date=report.tanggal.isoformat(), other_line=other))
            seen.setdefault(report.tanggal, index)

    def report(self, record: Record, loc: tuple, report, kind: str) -> None:
        document, area = record.document, record.data.wilayah
        if area and not self.agency_area_valid(area):
            area = None  # its wrong area is reported once, at the agency's wilayah
        seen: set[str] = set()
        for index, row in enumerate(report.kecamatan):
            row_loc = loc + ("kecamatan", index)
            if row.kecamatan in seen:
                self.error(document, row_loc + ("kecamatan",), msg.REPORT_DUPLICATE_KECAMATAN.format(
                    code=row.kecamatan))
                continue
            seen.add(row.kecamatan)
            if self.kecamatan_ref(document, row_loc + ("kecamatan",), row.kecamatan) is None:
                continue
            if area and not row.kecamatan.startswith(area + "."):
                self.error(document, row_loc + ("kecamatan",), msg.REPORT_OUTSIDE_AGENCY.format(
                    code=row.kecamatan, area=area, area_name=self.regions.name(area) or area))
            if kind == "kependudukan":
                self.population_row(document, row_loc, row)
        for index, row in report_rows(report, self.directory.kecamatan_by_code):
            row_loc = loc + ("kecamatan", index)
            if kind == "pemilih":
                self.voters_row(document, row_loc, row, report.tanggal)
            elif kind == "linmas":
                self.linmas_row(document, row_loc, row, report.tanggal)

    def population_row(self, document: Document, loc: tuple, row) -> None:
        if row.wajib_ktp > row.penduduk:
            self.error(document, loc + ("wajib_ktp",), msg.WAJIB_OVER_POPULATION.format(
                wajib=row.wajib_ktp, population=row.penduduk))
        if row.ektp_rekam > row.wajib_ktp:
            self.error(document, loc + ("ektp_rekam",), msg.RECORDED_OVER_WAJIB.format(
                recorded=row.ektp_rekam, wajib=row.wajib_ktp))
        if row.ektp_cetak > row.ektp_rekam:
            self.error(document, loc + ("ektp_cetak",), msg.PRINTED_OVER_RECORDED.format(
                printed=row.ektp_cetak, recorded=row.ektp_rekam))

    def voters_row(self, document: Document, loc: tuple, row, day: dt.date) -> None:
        """Voters against the population Disdukcapil reported by then, and against the TPS cap."""
        population = self.series.latest_on(row.kecamatan, "penduduk", day)
        if population and row.pemilih > population.value:
            self.error(document, loc + ("pemilih",), msg.VOTERS_OVER_POPULATION.format(
                voters=row.pemilih, population=population.value, date=population.date.isoformat()))
        cap = voter_cap(self.edisi.batas_pemilih_per_tps)
        average = ratio(row.pemilih, row.tps)
        if average is not None and not cap.met(average):
            self.error(document, loc + ("tps",), msg.VOTERS_PER_TPS.format(
                average=shown(average, (cap,)), limit=cap.text))

    def linmas_row(self, document: Document, loc: tuple, row, day: dt.date) -> None:
        """Linmas against the TPS that KPU reported by then: a warning, the status page says the rest."""
        tps = self.series.latest_on(row.kecamatan, "tps", day)
        per_tps = ratio(row.linmas_siap, tps.value if tps else None)
        if per_tps is not None and not LINMAS_PER_TPS.met(per_tps):
            self.warn(document, loc + ("linmas_siap",), msg.LINMAS_PER_TPS.format(
                linmas=row.linmas_siap, tps=tps.value, ratio=shown(per_tps, (LINMAS_PER_TPS,)),
                minimum=LINMAS_PER_TPS.text))

    def camat_reports(self) -> None:
        for record in self.directory.sorted_kecamatan():
            data, document = record.data, record.document
            self.report_dates(document, "laporan", data.laporan, "camat")
            desa = {d.kode for d in data.desa}
            for index, report in enumerate(data.laporan):
                for j, spot in enumerate(report.blank_spot):
                    if spot.desa not in desa:
                        self.error(document, ("laporan", index, "blank_spot", j, "desa"), msg.UNKNOWN_DESA.format(
                            ref=spot.desa, kecamatan=f"{data.kode} {data.nama}"))

    # --- meetings and action items ------------------------------------------------------------

    def meetings(self) -> None:
        origin: dict[str, tuple[str, dt.date]] = {}  # action item id → (file, meeting date)
        unowned: set[str] = set()  # action items whose owner is reported already (or its file is invalid)
        for record in sorted(self.records.rapat.values(), key=lambda r: (r.data.tanggal, r.slug)):
            data, document = record.data, record.document
            for index, slug in enumerate(data.peserta):
                self.agency(document, ("peserta", index), slug)
            for index, item in enumerate(data.agenda):
                for j, slug in enumerate(item.instansi):
                    self.agency(document, ("agenda", index, "instansi", j), slug)
            for index, action in enumerate(data.tindak_lanjut):
                loc = ("tindak_lanjut", index)
                if action.id in origin:
                    self.error(document, loc + ("id",), msg.DUPLICATE_ID.format(
                        kind="tindak lanjut", ref=action.id, other=origin[action.id][0]))
                    continue
                known = self.agency(document, loc + ("pemilik",), action.pemilik)
                if action.batas_waktu < data.tanggal:
                    self.error(document, loc + ("batas_waktu",), msg.DUE_BEFORE_MEETING.format(
                        due=action.batas_waktu.isoformat(), meeting=data.tanggal.isoformat()))
                self.done(document, loc, action.status, action.tanggal_selesai, data.tanggal)
                if known:
                    origin[action.id] = (document.display, data.tanggal)
                else:
                    unowned.add(action.id)
            for index, update in enumerate(data.perkembangan):
                loc = ("perkembangan", index)
                item = origin.get(update.id)
                if item is None or item[0] == document.display:
                    if not self.records.invalid.get("rapat") and update.id not in unowned:  # one mistake, one message
                        self.error(document, loc + ("id",), msg.UNKNOWN_ACTION.format(ref=update.id))
                    continue
                if item[1] >= data.tanggal:
                    self.error(document, loc + ("id",), msg.PROGRESS_BEFORE_ITEM.format(
                        meeting=data.tanggal.isoformat(), origin=item[1].isoformat()))
                    continue
                self.done(document, loc, update.status, update.tanggal_selesai, item[1])

    def done(self, document: Document, loc: tuple, status: str, done: dt.date | None, meeting_day: dt.date) -> None:
        if status == "selesai" and done is None:
            self.error(document, loc + ("status",), msg.DONE_WITHOUT_DATE)
        if status != "selesai" and done is not None:
            self.error(document, loc + ("tanggal_selesai",), msg.DATE_WITHOUT_DONE)
        if done is not None and done < meeting_day:
            self.error(document, loc + ("tanggal_selesai",), msg.FINISHED_BEFORE_MEETING.format(
                done=done.isoformat(), meeting=meeting_day.isoformat()))

    # --- risks and restricted records ---------------------------------------------------------

    def risks(self) -> None:
        sources = [(r.document, r.data.risiko) for _, r in sorted(self.records.instansi.items())]
        sources += [(r.document, r.data.risiko) for r in self.directory.sorted_kecamatan()]
        for document, entries in sources:
            for index, risk in enumerate(entries):
                loc = ("risiko", index)
                if risk.pemilik:
                    self.agency(document, loc + ("pemilik",), risk.pemilik)
                for j, code in enumerate(risk.kecamatan):
                    self.kecamatan_ref(document, loc + ("kecamatan", j), code)

    def security(self) -> None:
        for slug, record in sorted(self.records.instansi.items()):
            for field_name in ("pengamanan", "kerawanan_tps", "potensi_gangguan"):
                for index, item in enumerate(getattr(record.data, field_name)):
                    codes = item.kecamatan if isinstance(item.kecamatan, list) else [item.kecamatan]
                    places = []
                    for j, code in enumerate(codes):
                        loc = (field_name, index, "kecamatan") + ((j,) if isinstance(item.kecamatan, list) else ())
                        found = self.kecamatan_ref(record.document, loc, code)
                        if found is not None:
                            places.append(found)
                    desa = getattr(item, "desa", None)
                    if desa and places and desa not in {d.kode for d in places[0].data.desa}:
                        self.error(record.document, (field_name, index, "desa"), msg.UNKNOWN_DESA.format(
                            ref=desa, kecamatan=f"{places[0].data.kode} {places[0].data.nama}"))

    def restricted_values(self) -> None:
        """Restricted values are kept as written; their shape is checked here, as warnings. The places come from
        the one walker of the restricted-data rules, into restricted records too."""
        records = list(self.records.instansi.values()) + list(self.records.kecamatan.values()) + \
            list(self.records.rapat.values())
        for record in records:
            document = record.document
            for place in restricted_places(record.data, inside=True):
                owner = place.owner
                if place.how == MARKED and owner.dasar and not citations(owner.dasar):
                    self.warn(document, place.loc + ("dasar",), msg.BASIS_UNRECOGNIZED.format(text=owner.dasar))
                if place.how != FIELD:
                    continue
                name, value = place.loc[-1], getattr(owner, place.loc[-1])
                if name == "nip" and not re.fullmatch(r"[0-9]{18}", re.sub(r"\s", "", value)):
                    self.warn(document, place.loc, msg.NIP_SHAPE.format(text=value))
                if name == "nik" and not re.fullmatch(r"[0-9]{16}", value):
                    self.warn(document, place.loc, msg.NIK_SHAPE.format(text=value))
                if name == "telepon_pribadi" and e164(value) is None:
                    self.warn(document, place.loc, msg.PHONE_SHAPE.format(text=value))


def nothing_reported(records: EditionRecords, problems: Problems) -> None:
    """A new desk: no agency or camat has reported and no meeting is recorded, so the pages give the data no date.
    Said once, at the edition's id, with the commands that add the first report or meeting."""
    senders = [slug for slug, record in sorted(records.instansi.items())
               if any(record.data.jenis == allowed for _, allowed in REPORT_KINDS.values())]
    document = records.edisi.document
    problems.add(document.problem(("id",), msg.NOTHING_REPORTED.format(instansi=senders[0] if senders else ANY_AGENCY),
                                  key=True, severity=Severity.WARNING))
