"""The site model: what the link stage makes of the records, and all that a template needs.

Everything here is ready to show: sorted, counted, dated and decided. Templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .schema import (AsnDiusulkan, Desa, Edisi, JalurLogistik, KerawananTps, Kontak, Pengamanan, Pimpinan,
                     PotensiGangguan, Sumber)

# ``dasar`` on a view: the legal basis of a restricted item, shown with a TERBATAS mark in the internal
# edition; None for public items (the public edition has no restricted items at all).


@dataclass(frozen=True)
class WithheldNote:
    """What a public page says about what it leaves out: a category and its legal basis, never the value."""

    nama: str
    dasar: str


@dataclass
class Security:
    """Restricted-by-nature records of an agency, for the internal edition: deployments, TPS, disruptions."""

    pengamanan: list[tuple[AgencyRef, Pengamanan]] = field(default_factory=list)
    kerawanan_tps: list[tuple[AgencyRef, KerawananTps]] = field(default_factory=list)
    potensi_gangguan: list[tuple[AgencyRef, PotensiGangguan]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.pengamanan or self.kerawanan_tps or self.potensi_gangguan)


@dataclass
class AgencyRef:
    """How a page names an agency: its short name, linked to its page."""

    slug: str
    singkatan: str
    nama: str


@dataclass
class Figure:
    """One readiness figure of one kecamatan (or the whole edition) as of its latest report."""

    key: str  # e.g. "ektp_rekam"
    label: str  # e.g. "e-KTP terekam"
    value: int | float | None
    date: dt.date | None
    source: AgencyRef | None
    previous: int | float | None = None
    previous_date: dt.date | None = None
    illustrative: bool = False
    unit: str = ""
    history: list[tuple[dt.date, int | float]] = field(default_factory=list)
    dasar: str | None = None

    @property
    def change(self) -> int | float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass
class Percentage:
    """A share shown as a progress bar: part of whole, with the text that says it."""

    label: str
    part: int
    whole: int
    date: dt.date | None
    source: AgencyRef | None
    illustrative: bool = False
    dasar: str | None = None

    @property
    def percent(self) -> float:
        return 100.0 * self.part / self.whole if self.whole else 0.0


@dataclass
class RuleResult:
    """One readiness rule applied to one kecamatan."""

    rule: str  # what the rule demands, e.g. "Linmas ≥ 2 per TPS"
    level: str  # "siap" | "perhatian" | "belum-siap" | "belum-lengkap"
    detail: str  # what the data says, e.g. "1,6 Linmas per TPS"


@dataclass
class ReadinessStatus:
    level: str
    label: str
    decided_by: RuleResult | None
    rules: list[RuleResult]


@dataclass
class BlankSpotView:
    desa_kode: str
    desa_nama: str
    keterangan: str | None
    dasar: str | None = None


@dataclass
class CamatReportView:
    date: dt.date
    illustrative: bool
    catatan: str | None
    jalur_logistik: list[JalurLogistik]
    blank_spot: list[BlankSpotView]
    asn_diserahkan: bool | None
    asn_jumlah: int | None
    asn_tanggal: dt.date | None
    asn_keterangan: str | None
    asn_daftar: list[AsnDiusulkan] = field(default_factory=list)
    sumber: Sumber | None = None
    dasar: str | None = None


@dataclass
class RiskView:
    uraian: str
    tahap: str
    kategori: str
    tingkat: str
    status: str
    mitigasi: str
    tanggal: dt.date
    pemilik: AgencyRef
    kecamatan: list[tuple[str, str, str]]  # (kode, nama, slug)
    illustrative: bool
    dasar: str | None = None


@dataclass
class ActionItemView:
    id: str
    uraian: str
    pemilik: AgencyRef
    rapat_slug: str
    rapat_judul: str
    rapat_tanggal: dt.date
    batas_waktu: dt.date
    status: str
    tanggal_selesai: dt.date | None
    catatan: str | None
    overdue: bool = False
    days_overdue: int = 0
    history: list[tuple[str, dt.date, str, str | None]] = field(default_factory=list)  # (rapat slug, date, status, catatan)
    dasar: str | None = None

    @property
    def open(self) -> bool:
        return self.status in ("terbuka", "berjalan", "terhambat")


@dataclass
class KecamatanView:
    slug: str
    kode: str
    nama: str
    alias: list[str]
    ibu_kota: str | None
    kabupaten_kode: str
    kabupaten_nama: str
    camat: AgencyRef
    kontak: list[Kontak]
    desa: list[Desa]
    jumlah_desa: int
    jumlah_kelurahan: int
    figures: dict[str, Figure]
    bars: list[Percentage]
    linmas_per_tps: float | None
    pemilih_per_tps: float | None
    camat_report: CamatReportView | None
    risks: list[RiskView]
    readiness: ReadinessStatus
    security: Security = field(default_factory=Security)
    withheld: list[WithheldNote] = field(default_factory=list)


@dataclass
class ReportSummary:
    """A line of an agency page: one dated report and its totals."""

    kind: str  # "kependudukan" | "pemilih" | "linmas" | "camat"
    title: str
    date: dt.date
    illustrative: str | None  # None, "semua", or the labels of the illustrative figures
    catatan: str | None
    sumber: Sumber | None
    totals: list[tuple[str, int]]
    rows: list[tuple[str, str, list[int]]]  # (kecamatan nama, slug, values)
    columns: list[str]
    dasar: str | None = None


@dataclass
class AgendaView:
    instansi: list[AgencyRef]
    topik: str
    uraian: str
    dasar: str | None = None


@dataclass
class DecisionView:
    uraian: str
    dasar: str | None = None


@dataclass
class ProgressView:
    item: ActionItemView
    status: str
    previous_status: str
    tanggal_selesai: dt.date | None
    catatan: str | None
    dasar: str | None = None


@dataclass
class FigureChange:
    """An edition total as it stood at the previous meeting and at this one."""

    label: str
    before: int | float | None
    before_date: dt.date | None
    after: int | float
    after_date: dt.date
    source: AgencyRef | None

    @property
    def change(self) -> int | float | None:
        return None if self.before is None else self.after - self.before


@dataclass
class MeetingChanges:
    """What changed since the previous meeting."""

    previous: "MeetingRef | None"
    new_items: list[ActionItemView]
    closed_items: list[ActionItemView]
    overdue_items: list[ActionItemView]
    figures: list[FigureChange] = field(default_factory=list)


@dataclass
class MeetingRef:
    slug: str
    judul: str
    tanggal: dt.date


@dataclass
class RapatView:
    slug: str
    judul: str
    tanggal: dt.date
    waktu: str | None
    tempat: str
    pimpinan: Pimpinan
    peserta: list[AgencyRef]
    ringkasan: str
    agenda: list[AgendaView]
    keputusan: list[DecisionView]
    tindak_lanjut: list[ActionItemView]
    perkembangan: list[ProgressView]
    catatan_data: str | None
    sumber: list[Sumber]
    changes: MeetingChanges | None = None
    dasar: str | None = None
    notulen_internal: str | None = None
    withheld: list[WithheldNote] = field(default_factory=list)




@dataclass
class InstansiView:
    slug: str
    singkatan: str
    nama: str
    jenis: str
    peran: str
    alias: list[str]
    situs: str | None
    kontak: list[Kontak]
    reports: list[ReportSummary]
    action_items: list[ActionItemView]
    risks: list[RiskView]
    agenda: list[tuple[MeetingRef, AgendaView]]
    kecamatan_slug: str | None = None  # for a camat: the kecamatan page
    security: Security = field(default_factory=Security)
    withheld: list[WithheldNote] = field(default_factory=list)

    @property
    def ref(self) -> AgencyRef:
        return AgencyRef(self.slug, self.singkatan, self.nama)


@dataclass
class ReadinessSummary:
    level: str
    label: str
    counts: list[tuple[str, str, int]]  # (level, label, count) in order of severity
    total: int
    bars: list[Percentage]


@dataclass
class SiteModel:
    """One edition, linked and ready to render."""

    edisi: Edisi
    as_of: dt.date
    voting_day: dt.date
    days_to_voting: int
    postponed_from: dt.date | None
    kabupaten: list[tuple[str, str]]
    kecamatan: list[KecamatanView]
    instansi: list[InstansiView]
    rapat: list[RapatView]  # newest first
    action_items: list[ActionItemView]  # overdue first, then by due date
    risks: list[RiskView]
    readiness: ReadinessSummary
    totals: dict[str, Figure]
    illustrative: bool  # any figure in this edition is illustrative
    edition: str = "publik"
    withheld: list[WithheldNote] = field(default_factory=list)  # everything this edition left out

    @property
    def latest_meeting(self) -> RapatView | None:
        return self.rapat[0] if self.rapat else None

    @property
    def open_action_items(self) -> list[ActionItemView]:
        return [item for item in self.action_items if item.open]
