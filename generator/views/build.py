"""Views: the records an edition may show → the site model, ready to render.

Pure: the same records give the same model, and nothing here reports a problem (``checks`` did that once,
on the full data). A reference that does not resolve, because its record was removed from the public
edition or is invalid, is simply left out. Everything a template needs is decided here: which figure is
which, thresholds, labels, sort orders, which page lists what.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from generator.domain.directory import Directory, stem
from generator.domain.ledger import Ledger
from generator.domain.model import (
    ActionItemView,
    BlankSpotView,
    CamatReportView,
    Crumb,
    DecisionView,
    Figure,
    FigureChange,
    FindingChange,
    InstansiView,
    KecamatanView,
    MeetingChanges,
    MeetingRef,
    Percentage,
    RapatView,
    ReadinessChange,
    ReadinessSince,
    ReadinessStatus,
    RegionRow,
    RegionView,
    ReportSummary,
    RiskView,
    Security,
    Shown,
    SiteModel,
    WithheldNote,
)
from generator.domain.readiness import (
    ektp_recorded,
    kecamatan_readiness,
    linmas_per_tps,
    measures,
    rule_specs,
    summary,
)
from generator.domain.regions import RegionTree
from generator.domain.series import FIGURES, REPORT_KINDS, Series, TotalOn, basis, data_date
from generator.domain.thresholds import COMPLETE_PERCENT, LINMAS_PER_TPS, percent, shown
from generator.load.exemptions import CATEGORIES, format_citations
from generator.load.schema import JENIS_INSTANSI, STATUS_TERTUTUP, Instansi, Laporan
from generator.load.validate import EditionRecords, Record
from generator.views.opendata import open_data

SECURITY_FIELDS = ("pengamanan", "kerawanan_tps", "potensi_gangguan")
RISK_ORDER = {"tinggi": 0, "sedang": 1, "rendah": 2}
# Pages that are mostly one wide table: shown without the table of contents beside it, so the table has the page's
# width (with the region pages of a provincial or national desk).
TABLE_PAGES = ("kecamatan/index.md", "tindak-lanjut.md", "risiko.md")
CHANGES_LISTED = 30  # kecamatan whose readiness changed listed by name; a large desk's others are counted
REPORT_TITLES = {"kependudukan": "Laporan kependudukan dan e-KTP", "linmas": "Laporan kesiapan Linmas",
                 "pemilih": "Laporan pemilih dan TPS ({tahap})"}


def build_views(records: EditionRecords, regions: RegionTree, edition: str = "internal",
                withheld: list | tuple = (), site_url: str | None = None) -> SiteModel | None:
    """The site model of one election edition as one site edition shows it; None without a valid edisi.yml.

    ``withheld`` are the notes of ``generator.edition.filter.filter_edition``: what the public edition left out.
    ``site_url``: the election edition's address when the site has one (pages then give absolute addresses).
    """
    if records.edisi is None:
        return None
    directory = Directory.build(records, regions)
    notes = withheld_by_page(withheld, records, directory)
    model = _Views(records, directory, Series.collect(records, directory), Ledger.build(records, directory),
                   notes).run(edition)
    # the tables of the downloads are made from the finished model: a new value, not a change of it
    return replace(model, data_terbuka=open_data(records, model, directory, site_url), site_url=site_url)


class _Views:
    def __init__(self, records: EditionRecords, directory: Directory, series: Series, ledger: Ledger,
                 notes: "WithheldByPage"):
        self.records = records
        self.notes = notes
        self.directory = directory
        self.regions = directory.regions
        self.series = series
        self.ledger = ledger
        self.edisi = records.edisi.data
        codes = [record.data.kode for record in directory.sorted_kecamatan()]
        self.area_codes = codes
        self.area_events = {key: series.events(codes, key) for key in FIGURES}  # the desk's totals, sorted once

    def run(self, edition: str) -> SiteModel:
        """The whole model in one pass: what each view shows is worked out before it is made."""
        meetings = self.meetings()
        # The date of the data: the newest report or meeting (or tanggal_data). A desk with nothing dated yet has
        # none, and no page gives it one (the voting day is not the data's date); checks warn of it by the same rule.
        as_of = data_date(self.records, self.series)
        current = self.ledger.current(as_of) if as_of else []  # no meeting yet: no action item either
        actions = sorted(current, key=lambda a: (not a.overdue, not a.open, a.batas_waktu, a.id))
        risks = self.risks()
        risks_of: dict[str, list[RiskView]] = defaultdict(list)
        for risk in risks:
            for code in dict.fromkeys(code for code, _, _ in risk.kecamatan):
                risks_of[code].append(risk)
        assigned = self.assignments(actions, risks, meetings)
        security = self.security()
        kecamatan = [self.kecamatan(record, risks_of[record.data.kode], assigned, security)
                     for record in self.directory.sorted_kecamatan()]
        since = self.readiness_since(meetings, kecamatan, as_of)
        instansi = self.instansi(assigned, security)
        area, pages = self.region_pages(kecamatan, instansi, risks)
        totals = area.totals
        planned, held = self.edisi.pemungutan_suara.rencana, self.edisi.pemungutan_suara.pelaksanaan
        voting = held or planned
        return SiteModel(
            edisi=self.edisi, as_of=as_of, voting_day=voting,
            days_to_voting=(voting - as_of).days if as_of and voting else None,
            postponed_from=planned if held and held != planned else None,
            area=area, regions=pages, kecamatan=kecamatan, instansi=instansi, rapat=meetings, action_items=actions,
            risks=risks, readiness=area.readiness, readiness_rules=rule_specs(self.edisi.batas_pemilih_per_tps),
            totals=totals, figure_keys=list(FIGURES), linmas_minimum=LINMAS_PER_TPS.text,
            kontak_camat=kecamatan if area.row_kind == "kecamatan" else [], illustrative=self.series.illustrative,
            moved=self.moved(kecamatan), edition=edition, withheld=self.notes.edition,
            full_width=frozenset([*TABLE_PAGES, *(region.page for region in pages)]), readiness_since=since)

    def moved(self, kecamatan: list[KecamatanView]) -> dict[str, str]:
        """Addresses that readers of a published desk may have kept: release 0.1 published regency desks, where
        each camat had a page under instansi/, now part of its kecamatan's page. (Provincial and national desks
        start with this release's addresses: nothing of theirs moved.)"""
        if self.directory.level != "kabupaten":
            return {}
        return {f"instansi/camat-{stem(k.slug)}.md": k.camat.target for k in kecamatan}

    # --- meetings -----------------------------------------------------------------------------

    def meetings(self) -> list[RapatView]:
        """Each meeting page as the record of its day: action items, overdue items and figures as they stood at
        that meeting, from what was recorded at or before it (``Ledger.as_of``, ``Series.totals_on``)."""
        agencies = self.directory.agencies
        days = [entries.record.data.tanggal for entries in self.ledger.meetings]
        totals = {key: self.series.totals_on(self.area_events[key], key, days) for key in FIGURES}
        views, previous = [], None
        for entries in self.ledger.meetings:
            record, data = entries.record, entries.record.data
            figures = {key: totals[key][data.tanggal] for key in FIGURES}
            new_items = [self.ledger.as_of(item, entries) for item in entries.new_items]
            meeting = RapatView(
                slug=record.slug, judul=data.judul, tanggal=data.tanggal, waktu=data.waktu, tempat=data.tempat,
                pimpinan=data.pimpinan, peserta=[agencies[s] for s in data.peserta if s in agencies],
                ringkasan=data.ringkasan, agenda=entries.agenda,
                keputusan=[DecisionView(k.uraian, basis(k)) for k in data.keputusan], tindak_lanjut=new_items,
                perkembangan=entries.progress, catatan_data=data.catatan_data, sumber=list(data.sumber),
                dasar=basis(data), notulen_internal=data.notulen_internal,
                changes=self.meeting_changes(entries, new_items, figures, previous),
                withheld=self.notes.of("rapat", record.slug))
            views.append(meeting)
            previous = (meeting, figures)
        views.reverse()  # newest first
        return views

    def meeting_changes(self, entries, new_items: list[ActionItemView], figures: dict[str, TotalOn],
                        previous: tuple[RapatView, dict[str, TotalOn]] | None) -> MeetingChanges:
        """What changed since the previous meeting, as known at the end of this one."""
        closed = [p.item for p in entries.progress if p.status in STATUS_TERTUTUP and p.previous_status not in STATUS_TERTUTUP]
        earlier = (self.ledger.as_of(item, entries) for item in self.ledger.items
                   if item.history[0].order < entries.order)
        overdue = sorted((item for item in earlier if item.overdue), key=lambda a: (a.batas_waktu, a.id))
        changed = []
        for key, after in figures.items():
            before = previous[1][key] if previous else None
            if after.value is not None and (before is None or before.value is None or before.value != after.value):
                known = before is not None and before.value is not None
                changed.append(FigureChange(after.label, before.value if known else None,
                                            before.date if known else None, after.value, after.date, after.source))
        meeting = previous[0] if previous else None
        return MeetingChanges(
            previous=MeetingRef(meeting.slug, meeting.judul, meeting.tanggal) if meeting else None,
            new_items=list(new_items), closed_items=closed, overdue_items=overdue, figures=changed)

    def readiness_since(self, meetings: list[RapatView], kecamatan: list[KecamatanView],
                        as_of: dt.date | None) -> ReadinessSince:
        """Each kecamatan's readiness now against the previous meeting: the newest one held before the date of the
        data (one held on that day is the state now). Then is what was reported by the end of that meeting's day,
        judged by the same rules (what a page built from the data cut at that meeting says now)."""
        previous = next((m for m in meetings if as_of and m.tanggal < as_of), None)  # meetings: newest first
        if previous is None:
            return ReadinessSince(None, [], [])
        day = previous.tanggal
        then_levels, changes = [], []
        for record, view in zip(self.directory.sorted_kecamatan(), kecamatan):
            figures = {key: self.series.figure(view.kode, key, day) for key in FIGURES}
            report = self.camat_report(record, day)
            risks = [risk for risk in view.risks if risk.tanggal <= day]
            then, now = self.readiness(figures, report, risks), view.readiness
            then_levels.append(then.level)
            findings = changed_findings(then, now)
            if then.level != now.level or findings:
                changes.append(ReadinessChange(
                    view.nama, then.label, now.label, findings,
                    readiness_basis(view.figures, view.camat_report, view.risks)
                    or readiness_basis(figures, report, risks)))
        changes.sort(key=lambda change: not change.status_changed)  # a new status first, then a finding only
        return ReadinessSince(MeetingRef(previous.slug, previous.judul, day), summary(then_levels, []).counts,
                              changes[:CHANGES_LISTED], max(0, len(changes) - CHANGES_LISTED))

    # --- risks --------------------------------------------------------------------------------

    def risks(self) -> list[RiskView]:
        agencies, by_code = self.directory.agencies, self.directory.kecamatan_by_code
        sources = [(agencies[slug], r.data.risiko, None) for slug, r in sorted(self.records.instansi.items())]
        sources += [(self.directory.camat(r), r.data.risiko, r) for r in self.directory.sorted_kecamatan()]
        risks = []
        for default_owner, entries, kecamatan in sources:
            for risk in entries:
                owner = agencies.get(risk.pemilik) if risk.pemilik else default_owner
                codes = list(risk.kecamatan) or ([kecamatan.data.kode] if kecamatan else [])
                places = [(code, by_code[code].data.nama, self.directory.kecamatan_page(by_code[code]))
                          for code in codes if code in by_code]
                if owner is None:
                    continue
                risks.append(RiskView(risk.uraian, risk.tahap, risk.kategori, risk.tingkat, risk.status,
                                      risk.mitigasi, risk.tanggal, owner, places, risk.ilustratif, basis(risk)))
        return sorted(risks, key=lambda r: (r.status == "teratasi", RISK_ORDER[r.tingkat], r.tanggal, r.uraian))

    # --- kecamatan ----------------------------------------------------------------------------

    def kecamatan(self, record: Record, own_risks: list[RiskView], assigned: "Assignments",
                  security: dict[tuple[str, str], Security]) -> KecamatanView:
        data = record.data
        figures = {key: self.series.figure(data.kode, key) for key in FIGURES}
        measured = measures(figures, self.edisi.batas_pemilih_per_tps)
        report = self.camat_report(record)
        readiness = self.readiness(figures, report, own_risks, measured)
        bars = _bars(figures, measured["ektp_rekam"])
        kabupaten = data.kode[:5]
        desa = sorted(data.desa, key=lambda d: d.kode)
        province = self.regions.name(RegionTree.province(data.kode)) or ""
        return KecamatanView(
            slug=record.slug, kode=data.kode, nama=data.nama, alias=list(data.alias), ibu_kota=data.ibu_kota,
            kabupaten_kode=kabupaten, kabupaten_nama=self.regions.name(kabupaten) or "", provinsi_nama=province,
            page=self.directory.kecamatan_page(record), trail=self.trail(data.kode), camat=self.directory.camat(record),
            kontak=list(data.kontak), desa=desa,
            jumlah_desa=sum(1 for d in data.desa if d.jenis == "desa"),
            jumlah_kelurahan=sum(1 for d in data.desa if d.jenis == "kelurahan"),
            figures=figures, bars=bars, ektp_share=next((b for b in bars if b.key == "ektp_rekam"), None),
            linmas_per_tps=measured["linmas_per_tps"], pemilih_per_tps=measured["pemilih_per_tps"],
            ektp_recorded=measured["ektp_rekam"],
            camat_report=report, camat_reports=self.camat_summaries(record),
            camat_agenda=assigned.camat_agenda.get(record.slug, []),
            camat_action_items=assigned.camat_actions.get(record.slug, []),
            risks=own_risks, readiness=readiness, security=security.get(("kecamatan", data.kode), Security()),
            withheld=self.notes.of("kecamatan", record.slug),
            search_text=(f"Kecamatan {data.nama}, {self.regions.name(kabupaten) or kabupaten}, {province} "
                         f"({data.kode}). Status: {readiness.label}. Desa/kelurahan: "
                         + ", ".join(d.nama for d in desa) + "."))

    def trail(self, code: str) -> list[Crumb]:
        """Kecamatan › province › kabupaten/kota, as far as the desk has pages for them."""
        crumbs = [Crumb("Kecamatan", "kecamatan/index.md")]
        for region in (RegionTree.province(code), code[:5]):
            if self.directory.has_page(region):
                crumbs.append(Crumb(self.regions.name(region) or region, self.directory.region_page(region)))
        return crumbs

    def readiness(self, figures: dict[str, Figure], report: CamatReportView | None, risks: list[RiskView],
                  measured: dict[str, Shown | None] | None = None) -> ReadinessStatus:
        """A kecamatan's status by the rules, from its figures, its camat's report and the risks that concern it."""
        return kecamatan_readiness(figures, report.asn_diserahkan if report else None,
                                   len(report.blank_spot) if report else 0, risks, self.edisi.batas_pemilih_per_tps,
                                   measured)

    def camat_report(self, record: Record, day: dt.date | None = None) -> CamatReportView | None:
        """The camat's latest report, or, with ``day``, the latest one dated on or before it."""
        data = record.data
        desa_names = {d.kode: d.nama for d in data.desa}
        views = []
        for report in data.laporan:
            if day is not None and report.tanggal > day:
                continue
            spots = [BlankSpotView(spot.desa, desa_names[spot.desa], spot.keterangan, basis(spot))
                     for spot in report.blank_spot if spot.desa in desa_names]
            asn = report.usulan_asn_panwascam
            views.append(CamatReportView(
                report.tanggal, report.ilustratif, report.catatan, list(report.jalur_logistik), spots,
                asn.diserahkan if asn else None, asn.jumlah if asn else None, asn.tanggal if asn else None,
                asn.keterangan if asn else None, list(asn.daftar) if asn else [], report.sumber, basis(report)))
        return max(views, key=lambda v: v.date) if views else None

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

    # --- agencies -----------------------------------------------------------------------------

    def instansi(self, assigned: "Assignments", security: dict[tuple[str, str], Security]) -> list[InstansiView]:
        views = []
        for slug, record in self.records.instansi.items():
            data = record.data
            area = data.wilayah if data.wilayah and self.directory.has_page(data.wilayah) else None
            trail = [Crumb("Instansi", "instansi/index.md")]
            if area:
                trail.append(Crumb(self.regions.name(area) or area, self.directory.region_page(area)))
            views.append(InstansiView(
                slug=slug, singkatan=data.singkatan, nama=data.nama, jenis=data.jenis, peran=data.peran,
                alias=list(data.alias), situs=data.situs, kontak=list(data.kontak), reports=self.report_summaries(data),
                action_items=assigned.agency_actions.get(slug, []), risks=assigned.agency_risks.get(slug, []),
                agenda=assigned.agency_agenda.get(slug, []), page=f"instansi/{slug}.md", trail=trail,
                security=security.get(("instansi", slug), Security()), withheld=self.notes.of("instansi", slug),
                wilayah=(data.wilayah, self.regions.name(data.wilayah) or data.wilayah) if data.wilayah else None,
                search_text=f"{data.singkatan}: {data.nama}. {data.peran}"))
        return sorted(views, key=lambda v: (v.wilayah[0] if v.wilayah else "", JENIS_INSTANSI.index(v.jenis),
                                            v.singkatan, v.slug))

    def report_summaries(self, data: Instansi) -> list[ReportSummary]:
        by_code = self.directory.kecamatan_by_code
        out = []
        for field_name, (kind, allowed) in REPORT_KINDS.items():
            if data.jenis != allowed:
                continue
            keys = [key for key, (_, k) in FIGURES.items() if k == kind]
            for report in getattr(data, field_name):
                rows = [(by_code[row.kecamatan].data.nama, self.directory.kecamatan_page(by_code[row.kecamatan]),
                         [getattr(row, k) for k in keys])
                        for row in sorted(report.kecamatan, key=lambda r: r.kecamatan) if row.kecamatan in by_code]
                totals = [(FIGURES[k][0], sum(r[2][i] for r in rows)) for i, k in enumerate(keys)]
                if kind == "kependudukan" and report.stok_blangko is not None:
                    totals.append(("Stok blangko e-KTP", report.stok_blangko))
                title = REPORT_TITLES[kind].format(tahap=getattr(report, "tahap", ""))
                out.append(ReportSummary(kind, title, report.tanggal, _illustrative_note(report), report.catatan,
                                         report.sumber, totals, rows, [FIGURES[k][0] for k in keys], basis(report)))
        return sorted(out, key=lambda r: (r.date, r.kind), reverse=True)

    def assignments(self, actions: list[ActionItemView], risks: list[RiskView],
                    meetings: list[RapatView]) -> "Assignments":
        """Action items, risks and agenda items by the agency (or the camat's kecamatan) they concern."""
        agencies = set(self.records.instansi)
        camat = {self.directory.camat(record).slug: record.slug for record in self.directory.sorted_kecamatan()}
        out = Assignments()
        for item in sorted(actions, key=lambda a: (a.batas_waktu, a.id)):
            if item.pemilik.slug in agencies:
                out.agency_actions[item.pemilik.slug].append(item)
            elif item.pemilik.slug in camat:
                out.camat_actions[camat[item.pemilik.slug]].append(item)
        for risk in risks:
            if risk.pemilik.slug in agencies:
                out.agency_risks[risk.pemilik.slug].append(risk)
        for meeting in meetings:  # newest first
            ref = MeetingRef(meeting.slug, meeting.judul, meeting.tanggal)
            for item in meeting.agenda:
                for owner in item.instansi:
                    if owner.slug in agencies:
                        out.agency_agenda[owner.slug].append((ref, item))
                    elif owner.slug in camat:
                        out.camat_agenda[camat[owner.slug]].append((ref, item))
        return out

    def security(self) -> dict[tuple[str, str], Security]:
        """Deployments, vulnerable TPS and potential disruptions by the page they go on: their agency's
        ("instansi", slug) and each kecamatan's ("kecamatan", code)."""
        by_code = self.directory.kecamatan_by_code
        desa = self.directory.desa_names()
        found: dict[tuple[str, str], dict] = {}
        for slug, record in sorted(self.records.instansi.items()):
            owner = self.directory.agencies[slug]
            for field_name in SECURITY_FIELDS:
                for item in getattr(record.data, field_name):
                    codes = item.kecamatan if isinstance(item.kecamatan, list) else [item.kecamatan]
                    names = {code: f"{by_code[code].data.nama} ({code})" for code in codes if code in by_code}
                    if getattr(item, "desa", None) in desa:
                        names[item.desa] = f"{desa[item.desa]} ({item.desa})"
                    for key in [("instansi", slug)] + [("kecamatan", code) for code in codes if code in by_code]:
                        page = found.setdefault(key, {"names": {}, **{f: [] for f in SECURITY_FIELDS}})
                        page[field_name].append((owner, item))
                        page["names"].update(names)
        return {key: Security(**page) for key, page in found.items()}

    # --- regions ------------------------------------------------------------------------------

    def region_pages(self, kecamatan: list[KecamatanView], instansi: list[InstansiView],
                     risks: list[RiskView]) -> tuple[RegionView, list[RegionView]]:
        """The desk's area and, below it, a page per province and kabupaten/kota as the desk's level asks."""
        directory = self.directory
        members: dict[str, list[KecamatanView]] = {code: [] for code in directory.kabupaten}
        for view in kecamatan:
            members.setdefault(view.kabupaten_kode, []).append(view)
        kabupaten = sorted(members)
        provinces = sorted({RegionTree.province(code) for code in kabupaten})
        for province in provinces:
            members[province] = [v for code in kabupaten if code.startswith(province + ".") for v in members[code]]
        high = _open_high_risks(risks)
        totals = {code: self.totals(views) for code, views in members.items()}
        rows = {code: self.region_row(code, members[code], totals[code], high) for code in members}

        def children(code: str) -> tuple[str, list[RegionRow]]:
            """The rows of a region's table: the regions just below it that have pages, or its kecamatan."""
            if not code and provinces and directory.has_page(provinces[0]):
                return "provinsi", [rows[p] for p in provinces]
            below = [k for k in kabupaten if k.startswith(code)]
            if len(code) < 5 and below and directory.has_page(below[0]):
                return "kabupaten/kota", [rows[k] for k in below]
            return "kecamatan", [self.kecamatan_row(view, high) for view in (members[code] if code else kecamatan)]

        with_page = [code for code in sorted(members) if directory.has_page(code)]
        placed_instansi, placed_risks = self.placement(set(with_page), instansi, risks)
        pages = {}
        for code in with_page:
            row_kind, table = children(code)
            pages[code] = self.region_view(code, "provinsi" if len(code) == 2 else "kabupaten/kota", row_kind,
                                           table, members[code], totals[code], placed_instansi[code],
                                           placed_risks[code])
        row_kind, table = children("")
        area_totals = {key: self.series.total(self.area_codes, key, self.area_events[key]) for key in FIGURES}
        area = self.region_view("", "wilayah desk", row_kind, table, kecamatan, area_totals, placed_instansi[""],
                                placed_risks[""], name=self.area_name(provinces, kabupaten))
        return area, [pages[code] for code in sorted(pages)]

    def totals(self, members: list[KecamatanView]) -> dict[str, Figure]:
        codes = [k.kode for k in members]
        return {key: self.series.total(codes, key) for key in FIGURES}

    def area_name(self, provinces: list[str], kabupaten: list[str]) -> str:
        level, name = self.directory.level, self.regions.name
        if level == "kabupaten":
            return ", ".join(name(code) or code for code in kabupaten)
        if level == "provinsi":
            province = (name(provinces[0]) or provinces[0]) if provinces else ""
            full = bool(provinces) and len(kabupaten) == len(self.regions.children(provinces[0]))
            return f"Provinsi {province}" if full else f"{len(kabupaten)} kabupaten/kota di Provinsi {province}"
        return "Indonesia" if len(provinces) == len(self.regions.children("")) else f"{len(provinces)} provinsi"

    def region_view(self, code: str, jenis: str, row_kind: str, rows: list[RegionRow],
                    members: list[KecamatanView], totals: dict[str, Figure], instansi: list[InstansiView],
                    risks: list[RiskView], name: str | None = None) -> RegionView:
        name = name if name is not None else (self.regions.name(code) or code) if code else ""
        trail = [Crumb("Kecamatan", "kecamatan/index.md")] if code else []
        if len(code) == 5 and self.directory.has_page(code[:2]):
            trail.append(Crumb(self.regions.name(code[:2]) or code[:2], self.directory.region_page(code[:2])))
        return RegionView(
            kode=code, nama=name, jenis=jenis, page=self.directory.region_page(code) if code else "kecamatan/index.md",
            trail=trail, row_kind=row_kind, rows=rows,
            readiness=summary([k.readiness.level for k in members], _bars(totals)), totals=totals,
            instansi=instansi, risks=risks,
            search_text=f"{name} ({code}): {len(members)} kecamatan." if code else "")

    def kecamatan_row(self, view: KecamatanView, high: dict[str, set[int]]) -> RegionRow:
        decided = view.readiness.decided_by
        return RegionRow(
            view.kode, view.nama, view.page, 1, view.jumlah_desa + view.jumlah_kelurahan,
            view.figures["penduduk"].value, view.figures["pemilih"].value, view.figures["tps"].value,
            view.linmas_per_tps, view.ektp_recorded,
            summary([view.readiness.level], []),
            f"{decided.rule}: {decided.detail}" if decided else "semua aturan kesiapan terpenuhi",
            len(high.get(view.kode, ())), readiness_basis(view.figures, view.camat_report, view.risks))

    def region_row(self, code: str, members: list[KecamatanView], totals: dict[str, Figure],
                   high: dict[str, set[int]]) -> RegionRow:
        return RegionRow(
            code, self.regions.name(code) or code, self.directory.region_page(code), len(members),
            sum(k.jumlah_desa + k.jumlah_kelurahan for k in members),
            totals["penduduk"].value, totals["pemilih"].value, totals["tps"].value,
            linmas_per_tps(totals["linmas_siap"].value, totals["tps"].value),
            ektp_recorded(totals["ektp_rekam"].value, totals["wajib_ktp"].value),
            summary([k.readiness.level for k in members], []), None,
            len(set().union(*(high.get(k.kode, set()) for k in members))),
            next(filter(None, (readiness_basis(k.figures, k.camat_report, k.risks) for k in members)), None))

    def placement(self, with_page: set[str], instansi: list[InstansiView],
                  risks: list[RiskView]) -> tuple[dict[str, list[InstansiView]], dict[str, list[RiskView]]]:
        """Each agency and risk by the smallest region page that holds all it concerns ("": the desk's area)."""
        placed_instansi: dict[str, list[InstansiView]] = defaultdict(list)
        placed_risks: dict[str, list[RiskView]] = defaultdict(list)
        for view in instansi:
            code = view.wilayah[0] if view.wilayah else ""
            placed_instansi[code if code in with_page else ""].append(view)
        owners = {v.slug: v.wilayah[0] for v in instansi if v.wilayah}
        for risk in risks:
            codes = {code for code, _, _ in risk.kecamatan}
            kabupaten = {code[:5] for code in codes}
            provinces = {code[:2] for code in codes}
            if not codes and risk.pemilik.slug in owners:
                area_code = owners[risk.pemilik.slug]
                kabupaten, provinces = ({area_code} if len(area_code) == 5 else set()), {area_code[:2]}
            if len(kabupaten) == 1 and next(iter(kabupaten)) in with_page:
                placed_risks[next(iter(kabupaten))].append(risk)
            elif len(provinces) == 1 and next(iter(provinces)) in with_page:
                placed_risks[next(iter(provinces))].append(risk)
            else:
                placed_risks[""].append(risk)
        return placed_instansi, placed_risks


@dataclass
class Assignments:
    """What goes on an agency's page, or on a kecamatan's for its camat, gathered before the pages are made."""

    agency_actions: dict[str, list[ActionItemView]] = field(default_factory=lambda: defaultdict(list))
    camat_actions: dict[str, list[ActionItemView]] = field(default_factory=lambda: defaultdict(list))
    agency_risks: dict[str, list[RiskView]] = field(default_factory=lambda: defaultdict(list))
    agency_agenda: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    camat_agenda: dict[str, list] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True)
class WithheldByPage:
    """The notes of what the public edition withheld, by the page they go on (category and basis, never the value)."""

    edition: list[WithheldNote]  # everything the edition left out: its page of exempted information
    pages: dict[tuple[str, str], list[WithheldNote]]  # ("instansi" | "kecamatan" | "rapat", slug) → its notes

    def of(self, kind: str, slug: str) -> list[WithheldNote]:
        return list(self.pages.get((kind, slug), []))


def withheld_by_page(withheld, records: EditionRecords, directory: Directory) -> WithheldByPage:
    """Each note of what was withheld on the pages it belonged to (category and basis, never the value).

    A page cites the legal bases of what was withheld from it only: a meeting page names nothing withheld from a
    later meeting. The edition's own list (the page of exempted information) cites them all."""
    kecamatan_of_code = {record.data.kode: slug for slug, record in records.kecamatan.items()}
    exists = {"instansi": records.instansi, "kecamatan": records.kecamatan, "rapat": records.rapat}
    EDITION = ("", "")
    bases: dict[tuple[str, str], dict[str, set[str]]] = {}

    def add(key: tuple[str, str], item) -> None:
        bases.setdefault(key, defaultdict(set))[item.kategori].update(item.dasar)

    for item in withheld:
        add(EDITION, item)
        if item.source_slug in exists.get(item.source_kind, ()):
            add((item.source_kind, item.source_slug), item)
        for code in item.kecamatan:
            if code in kecamatan_of_code:
                add(("kecamatan", kecamatan_of_code[code]), item)
    security = [item for item in withheld if item.kategori in SECURITY_FIELDS]
    if security:
        # On every kecamatan page or on none: a notice only where forces are deployed would show where.
        for record in directory.sorted_kecamatan():
            for item in security:
                add(("kecamatan", record.slug), item)
    notes: dict[tuple[str, frozenset[str]], WithheldNote] = {}  # the same note on many pages: made once

    def note(kategori: str, cited: set[str]) -> WithheldNote:
        key = (kategori, frozenset(cited))
        if key not in notes:
            notes[key] = WithheldNote(CATEGORIES[kategori].nama, format_citations(cited) or "UU 14/2008 Pasal 17")
        return notes[key]

    pages = {key: sorted({note(kategori, cited) for kategori, cited in found.items()}, key=lambda n: (n.nama, n.dasar))
             for key, found in bases.items()}
    return WithheldByPage(pages.pop(EDITION, []), pages)


def _illustrative_note(report: Laporan) -> str | None:
    """None, "semua" or the labels of the illustrative figures of a report."""
    flag = report.ilustratif
    if isinstance(flag, bool):
        return "semua" if flag else None
    labels = {**{k: v[0] for k, v in FIGURES.items()}, "stok_blangko": "stok blangko"}
    return ", ".join(labels[key][:1].lower() + labels[key][1:] for key in flag) or None


def _open_high_risks(risks: list[RiskView]) -> dict[str, set[int]]:
    """Kecamatan code → the open high risks that concern it (by index), for counting per region."""
    out: dict[str, set[int]] = defaultdict(set)
    for index, risk in enumerate(risks):
        if risk.open_high:
            for code, _, _ in risk.kecamatan:
                out[code].add(index)
    return out


def _bars(figures: dict[str, Figure], recorded: Shown | None = None) -> list[Percentage]:
    """The progress bars of a kecamatan or a region: each percentage written so that it agrees with the rule that
    reads it and never says 100% before all is done (``recorded``: the e-KTP share, where it is measured already)."""
    bars = []
    wajib, rekam, cetak = figures["wajib_ktp"], figures["ektp_rekam"], figures["ektp_cetak"]
    if wajib.value and rekam.value is not None:
        recorded = recorded or ektp_recorded(rekam.value, wajib.value)
        bars.append(Percentage("Perekaman e-KTP (terekam dari wajib KTP)", rekam.value, wajib.value, rekam.date,
                               rekam.source, rekam.illustrative, rekam.dasar, key="ektp_rekam", shown=recorded.text))
    if rekam.value and cetak.value is not None:
        bars.append(Percentage("Pencetakan e-KTP (tercetak dari terekam)", cetak.value, rekam.value, cetak.date,
                               cetak.source, cetak.illustrative, cetak.dasar, key="ektp_cetak",
                               shown=shown(percent(cetak.value, rekam.value), (COMPLETE_PERCENT,))))
    linmas, tps = figures["linmas_siap"], figures["tps"]
    if tps.value and linmas.value is not None:
        need = int(LINMAS_PER_TPS.value * tps.value)
        part = min(linmas.value, need)
        bars.append(Percentage(f"Linmas siap dari kebutuhan {LINMAS_PER_TPS.text} per TPS", part, need,
                               linmas.date, linmas.source, linmas.illustrative, linmas.dasar, key="linmas_siap",
                               shown=shown(percent(part, need), (COMPLETE_PERCENT,))))
    return bars


def changed_findings(then: ReadinessStatus, now: ReadinessStatus) -> list[FindingChange]:
    """The rules whose finding changed between two statuses of a kecamatan, where either finding fell short (a
    figure moving while its rule is met both times says nothing about readiness), in the order the rules run."""
    before = {result.rule: result for result in then.rules}
    after = {result.rule: result for result in now.rules}
    changed = []
    for rule in dict.fromkeys([*after, *before]):
        old, new = before.get(rule), after.get(rule)
        found = FindingChange((new or old).topic, old.detail if old else None, new.detail if new else None)
        short = [result for result in (old, new) if result is not None and result.level != "siap"]
        if found.before != found.after and short:
            changed.append(found)
    return changed


def readiness_basis(figures: dict[str, Figure], report: CamatReportView | None,
                    risks: list[RiskView]) -> str | None:
    """The legal basis of a restricted input a kecamatan's status was decided from, if any: one of its figures,
    the camat's report or a blank spot in it, an open high risk. A line stating that status is restricted too."""
    found = [figure.dasar for figure in figures.values()]
    if report:
        found += [report.dasar, *(spot.dasar for spot in report.blank_spot)]
    found += [risk.dasar for risk in risks if risk.open_high]
    return next(filter(None, found), None)
