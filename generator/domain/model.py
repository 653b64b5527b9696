"""The site model: what the views make of the records, and all that a template needs.

Everything here is ready to show: sorted, counted, dated and decided. Templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

from generator.domain.editions import offline_copy
from generator.load.schema import (
    STATUS_TERBUKA,
    AsnDiusulkan,
    Desa,
    Edisi,
    JalurLogistik,
    KerawananTps,
    Kontak,
    Pengamanan,
    Pimpinan,
    PotensiGangguan,
    Sumber,
    Walidata,
)

# ``dasar`` on a view: the legal basis of a restricted item, shown with a TERBATAS mark in the internal
# edition; None for public items (the public edition has no restricted items at all).


class Badge(NamedTuple):
    """A status badge: its kind (colour and shape) and its words."""

    kind: str
    label: str


def meeting_page(slug: str) -> str:
    """The page of a meeting: where a link to it goes, and where its Markdown is written."""
    return f"rapat/{slug}.md"


def page_url(page: str) -> str:
    """A page's address within its election edition, as MkDocs writes it with directory URLs: ``rapat/x.md`` →
    ``rapat/x/``, ``kecamatan/index.md`` → ``kecamatan/``, ``index.md`` → the edition's root."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


class MeetingNotFound(Exception):
    """No meeting page of this slug in the edition."""


@dataclass(frozen=True)
class WithheldNote:
    """What a public page says about what it leaves out: a category and its legal basis, never the value."""

    nama: str
    dasar: str


@dataclass(frozen=True)
class Security:
    """Restricted-by-nature records of an agency, for the internal edition: deployments, TPS, disruptions."""

    pengamanan: list[tuple[AgencyRef, Pengamanan]] = field(default_factory=list)
    kerawanan_tps: list[tuple[AgencyRef, KerawananTps]] = field(default_factory=list)
    potensi_gangguan: list[tuple[AgencyRef, PotensiGangguan]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # kecamatan or desa code → "Nama (code)"

    def name(self, code: str) -> str:
        return self.names.get(code, code)

    def __bool__(self) -> bool:
        return bool(self.pengamanan or self.kerawanan_tps or self.potensi_gangguan)


@dataclass(frozen=True)
class AgencyRef:
    """How a page names an agency: its short name, linked to its page (a camat: its kecamatan's page)."""

    slug: str
    singkatan: str
    nama: str
    target: str  # the page path, with an #anchor where the agency has part of a page


@dataclass(frozen=True)
class Crumb:
    """One step of the way from a section to a page: "Kecamatan › Kalimantan Tengah › Barito Selatan"."""

    title: str
    target: str


def any_reported(figures: dict[str, "Figure"], keys: list[str]) -> bool:
    """Whether any of these figures has been reported: a table of figures none of which is known yet is not
    shown (the page says in words that no report has come in)."""
    return any(figures[key].value is not None for key in keys if key in figures)


@dataclass(frozen=True)
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
    sources: int = 1  # agencies whose reports make the latest value (a total over several kabupaten: many)

    @property
    def change(self) -> int | float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def source_note(self) -> str | None:
        """What the source column says when no single agency reported the value."""
        return f"{self.sources} instansi" if self.source is None and self.value is not None else None


@dataclass(frozen=True)
class Shown:
    """A derived figure (Linmas per TPS, a share in percent) and the text it is written as: a text that falls on
    the same side of every threshold the figure is judged by (``generator.domain.thresholds``)."""

    value: Fraction  # exact: what a rule decides on
    text: str


@dataclass(frozen=True)
class Percentage:
    """A share shown as a progress bar: part of whole, with the text that says it."""

    label: str
    part: int
    whole: int
    date: dt.date | None
    source: AgencyRef | None
    illustrative: bool = False
    dasar: str | None = None
    key: str = ""  # the figure the bar shows the progress of, e.g. "ektp_rekam"
    shown: str = ""  # the percentage as written (without "%"), agreeing with the status beside it

    @property
    def percent(self) -> float:
        return 100.0 * self.part / self.whole if self.whole else 0.0


@dataclass(frozen=True)
class RuleResult:
    """One readiness rule applied to one kecamatan."""

    rule: str  # what the rule demands, e.g. "Linmas ≥ 2 per TPS"
    level: str  # "siap" | "perhatian" | "belum-siap" | "belum-lengkap"
    detail: str  # what the data says, e.g. "1,6 Linmas per TPS"
    topic: str = ""  # what the rule is about, in a word or two: "Linmas", "Perekaman e-KTP"


@dataclass(frozen=True)
class ReadinessStatus:
    level: str
    label: str
    decided_by: RuleResult | None
    rules: list[RuleResult]


@dataclass(frozen=True)
class BlankSpotView:
    desa_kode: str
    desa_nama: str
    keterangan: str | None
    dasar: str | None = None


@dataclass(frozen=True)
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

    @property
    def asn_reported(self) -> bool:
        """Whether the camat reported on the ASN proposal at all (else: "not yet reported")."""
        return self.asn_diserahkan is not None

    @property
    def asn_badge(self) -> Badge | None:
        """How the page marks the ASN proposal: handed over, or not yet (None: not reported)."""
        if self.asn_diserahkan is None:
            return None
        return Badge("selesai", "Sudah diserahkan") if self.asn_diserahkan else Badge("terhambat", "Belum diserahkan")


@dataclass(frozen=True)
class RiskView:
    uraian: str
    tahap: str
    kategori: str
    tingkat: str
    status: str
    mitigasi: str
    tanggal: dt.date
    pemilik: AgencyRef
    kecamatan: list[tuple[str, str, str]]  # (kode, nama, page)
    illustrative: bool
    dasar: str | None = None

    @property
    def open_high(self) -> bool:
        return self.tingkat == "tinggi" and self.status != "teratasi"


class Step(NamedTuple):
    """One step of an action item: its decision, or a progress entry of a later meeting."""

    rapat_slug: str
    tanggal: dt.date
    order: int  # the meeting's place among the edition's meetings, oldest first
    status: str
    tanggal_selesai: dt.date | None
    catatan: str | None


@dataclass(frozen=True)
class ActionItemView:
    id: str
    uraian: str
    pemilik: AgencyRef
    rapat_slug: str
    rapat_tanggal: dt.date
    batas_waktu: dt.date
    status: str
    tanggal_selesai: dt.date | None
    catatan: str | None
    overdue: bool = False
    days_overdue: int = 0
    history: list[Step] = field(default_factory=list)  # every step up to the state this view shows
    dasar: str | None = None

    @property
    def open(self) -> bool:
        return self.status in STATUS_TERBUKA

    @property
    def rapat_page(self) -> str:
        """The page of the meeting that decided it."""
        return meeting_page(self.rapat_slug)


@dataclass(frozen=True)
class KecamatanView:
    slug: str
    kode: str
    nama: str
    alias: list[str]
    ibu_kota: str | None
    kabupaten_kode: str
    kabupaten_nama: str
    provinsi_nama: str
    page: str
    trail: list[Crumb]
    camat: AgencyRef
    kontak: list[Kontak]
    desa: list[Desa]
    jumlah_desa: int
    jumlah_kelurahan: int
    figures: dict[str, Figure]
    bars: list[Percentage]
    ektp_share: Percentage | None  # e-KTP recorded of wajib KTP, the share the readiness rule reads
    linmas_per_tps: Shown | None
    pemilih_per_tps: Shown | None
    ektp_recorded: Shown | None  # e-KTP recorded, percent of wajib KTP
    camat_report: CamatReportView | None
    camat_reports: list["ReportSummary"]
    camat_agenda: list[tuple["MeetingRef", "AgendaView"]]
    camat_action_items: list["ActionItemView"]
    risks: list[RiskView]
    readiness: ReadinessStatus
    search_text: str
    security: Security = field(default_factory=Security)
    withheld: list[WithheldNote] = field(default_factory=list)

    @property
    def camat_history(self) -> bool:
        """Whether the page shows the camat's earlier reports (there is more than the latest)."""
        return len(self.camat_reports) > 1


@dataclass(frozen=True)
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

    @property
    def all_illustrative(self) -> bool:
        return self.illustrative == "semua"

    @property
    def illustrative_figures(self) -> str | None:
        """The labels of the illustrative figures when only some are; None when none or all are."""
        return None if self.all_illustrative else self.illustrative


@dataclass(frozen=True)
class AgendaView:
    instansi: list[AgencyRef]
    topik: str
    uraian: str
    dasar: str | None = None


@dataclass(frozen=True)
class DecisionView:
    uraian: str
    dasar: str | None = None


@dataclass(frozen=True)
class ProgressView:
    item: ActionItemView
    status: str
    previous_status: str
    tanggal_selesai: dt.date | None
    catatan: str | None
    dasar: str | None = None


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class MeetingChanges:
    """What changed since the previous meeting."""

    previous: "MeetingRef | None"
    new_items: list[ActionItemView]
    closed_items: list[ActionItemView]
    overdue_items: list[ActionItemView]
    figures: list[FigureChange] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingRef:
    slug: str
    judul: str
    tanggal: dt.date

    @property
    def page(self) -> str:
        return meeting_page(self.slug)


@dataclass(frozen=True)
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

    @property
    def page(self) -> str:
        return meeting_page(self.slug)


@dataclass(frozen=True)
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
    page: str
    trail: list[Crumb]
    wilayah: tuple[str, str] | None  # (code, name) of the area it works in; None: the desk's whole area
    search_text: str
    security: Security = field(default_factory=Security)
    withheld: list[WithheldNote] = field(default_factory=list)

    @property
    def ref(self) -> AgencyRef:
        return AgencyRef(self.slug, self.singkatan, self.nama, self.page)

    @property
    def open_action_items(self) -> int:
        return sum(1 for item in self.action_items if item.open)

    @property
    def latest_report(self) -> dt.date | None:
        return self.reports[0].date if self.reports else None


@dataclass(frozen=True)
class ReadinessSummary:
    level: str
    label: str
    counts: list[tuple[str, str, int]]  # (level, label, count) in order of severity
    total: int
    bars: list[Percentage]

    @property
    def other_counts(self) -> list[tuple[str, str, int]]:
        """The counts of the levels other than the summary's own that some kecamatan have (a table cell's note)."""
        return [(level, label, count) for level, label, count in self.counts if count and level != self.level]


@dataclass(frozen=True)
class RuleSpec:
    """A readiness rule as the reader is told it: what it demands and what failing it means."""

    demand: str
    failing: str  # how the reader is told the rule fails: "bila kurang"
    consequence: str  # the label of the level a kecamatan gets when the rule fails


@dataclass(frozen=True)
class RegionRow:
    """One line of a region table: a kecamatan, or a kabupaten/kota or province with its kecamatan summed up."""

    kode: str
    nama: str
    target: str
    jumlah_kecamatan: int
    jumlah_desa: int
    penduduk: int | None
    pemilih: int | None
    tps: int | None
    linmas_per_tps: Shown | None
    ektp_share: Shown | None  # percent
    readiness: ReadinessSummary
    decided_by: str | None  # a kecamatan: the rule and data that decided its status
    risiko_tinggi: int  # open high risks
    dasar: str | None = None  # the legal basis of a restricted input its status was decided from (internal edition)


@dataclass(frozen=True)
class RegionView:
    """An index page of the desk's area, a province or a kabupaten/kota: its parts, figures and agencies."""

    kode: str  # "" for the desk's whole area
    nama: str
    jenis: str  # "provinsi" | "kabupaten/kota" | "wilayah desk"
    page: str
    trail: list[Crumb]
    row_kind: str  # what the rows are: "kecamatan" | "kabupaten/kota" | "provinsi"
    rows: list[RegionRow]
    readiness: ReadinessSummary
    totals: dict[str, Figure]
    instansi: list["InstansiView"]  # agencies that work in exactly this area
    risks: list[RiskView]  # risks of this area that no smaller region page lists
    search_text: str

    @property
    def jumlah_kecamatan(self) -> int:
        return sum(row.jumlah_kecamatan for row in self.rows)

    @property
    def open_high_risks(self) -> int:
        return sum(1 for risk in self.risks if risk.open_high)

    @property
    def rows_are_kecamatan(self) -> bool:
        """Its table lists kecamatan (with their desa and figures), not the regions that sum them."""
        return self.row_kind == "kecamatan"


@dataclass(frozen=True)
class FindingChange:
    """A readiness rule whose finding for a kecamatan changed, in the rule's own words: what the data said at the
    previous meeting and says now (None: the rule could not be applied, its figures were not reported)."""

    topic: str  # the rule's topic (``RuleResult.topic``)
    before: str | None
    after: str | None


@dataclass(frozen=True)
class ReadinessChange:
    """A kecamatan whose readiness moved since the previous meeting: its status then and now, and the findings that
    changed where either of them fell short of a rule."""

    nama: str
    before: str  # the status label at the previous meeting
    after: str  # the status label now
    findings: list[FindingChange]
    dasar: str | None = None  # the legal basis of a restricted input of either status (internal edition)

    @property
    def status_changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class ReadinessSince:
    """Readiness per kecamatan now against the previous meeting: the newest one held before the date of the data,
    its statuses computed by the same rules from what was reported by the end of that day."""

    previous: MeetingRef | None  # None: no meeting before the date of the data
    counts: list[tuple[str, str, int]]  # (level, label, count) of the kecamatan then, in order of severity
    changes: list[ReadinessChange]  # a new status first, then the kecamatan's order; at most CHANGES_LISTED (views)
    more: int = 0  # kecamatan that changed too but are not listed (a large desk)


# --- open data: the tables of an edition's data package ---------------------------------------------

TYPE_LABELS = {  # Table Schema types as the data page names them
    "string": "teks", "integer": "bilangan bulat", "number": "bilangan desimal", "boolean": "true/false",
    "date": "tanggal (TTTT-BB-HH)",
}

@dataclass(frozen=True)
class Column:
    """A column of a downloadable table, as its Table Schema field says it."""

    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date
    description: str  # Indonesian
    unit: str = ""  # e.g. "jiwa", "TPS", "hari"
    constraints: dict = field(default_factory=dict)  # Table Schema constraints: required, enum, minimum, pattern
    format: str = ""  # Table Schema format of a string: "uri", "email"

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]


@dataclass(frozen=True)
class ForeignKey:
    """Columns of a table that name a row of another table (``table``) by its key columns (``reference``)."""

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class DataTable:
    """One downloadable table (a CSV file of the data package): its columns, rows, keys and first rows."""

    name: str  # the resource name; the file is ``<name>.csv``
    title: str
    description: str
    columns: list[Column]
    rows: list[tuple]  # values as Python values, in column order
    primary_key: tuple[str, ...]
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    preview: str = ""  # the header and first rows as the file writes them (long text cut), for the data page
    examples: list[str] = field(default_factory=list)  # each column's value in the first row, as the file writes it
    readers: dict[str, str] = field(default_factory=dict)  # tool → copy-ready code that reads the file with its types

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def references(self) -> list[tuple[list[str], str, tuple[str, ...]]]:
        """The foreign keys grouped by the table and key they refer to: (columns, table, key columns)."""
        grouped: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for key in self.foreign_keys:
            grouped.setdefault((key.table, key.reference), []).extend(key.fields)
        return [(fields, table, reference) for (table, reference), fields in grouped.items()]

    @property
    def described(self) -> list[tuple[Column, str]]:
        """Each column with its value in the first row (empty when the table has none): the data page's table."""
        return list(zip(self.columns, self.examples or [""] * len(self.columns)))

    @property
    def download(self) -> str:
        """Where the file is in the site: under unduh/."""
        return f"unduh/{self.path}"


@dataclass(frozen=True)
class OpenData:
    """An edition's data package: what it is, under which licence, from which sources, and its tables."""

    name: str
    title: str
    description: str
    licence: tuple[str, str, str]  # (identifier, title, address)
    sources: list[Sumber]
    keywords: list[str]
    publisher: str
    as_of: dt.date | None  # the date of the newest report or meeting: when the data last changed (None: none yet)
    edisi: tuple[str, str]  # the election edition: (id, name)
    edition: str  # the site edition: publik | internal
    tables: list[DataTable]
    address: str | None = None  # the absolute address of unduh/ when the site's is known; None: download only
    period: tuple[dt.date, dt.date] | None = None  # Satu Data periode: the first and last report or meeting dates
    producers: list[str] = field(default_factory=list)  # Satu Data produsen data: the desk, then each source agency
    secretariat: tuple[str, str | None] | None = None  # the desk's secretariat: (name, office e-mail)
    custodian: Walidata | None = None  # Satu Data walidata that takes the data in, where the desk names one

    @property
    def offline_copy(self) -> str | None:
        """The whole edition as one ZIP to read without signal (``unduh/buletin-<edisi>.zip``), in the public
        edition only; None in the internal one."""
        return offline_copy(self.edition, self.edisi[0])

    @property
    def offline_folder(self) -> str:
        """The folder the ZIP holds: ``buletin-<edisi>``."""
        return f"buletin-{self.edisi[0]}"


@dataclass(frozen=True)
class PageHeader:
    """What the pages of a kecamatan, an agency or a region take from the edition: with their own view, all
    that decides their text (so a page whose view and header did not change need not be rendered again)."""

    edisi: Edisi
    illustrative: bool
    figure_keys: tuple[str, ...]
    linmas_minimum: str


@dataclass(frozen=True)
class SiteModel:
    """One edition, linked and ready to render."""

    edisi: Edisi
    as_of: dt.date | None  # the date of the data (None: nothing dated has come in yet)
    voting_day: dt.date | None  # None until the voting day is set
    days_to_voting: int | None  # from the date of the data (None without one)
    postponed_from: dt.date | None
    area: RegionView  # the desk's whole area: kecamatan/index.md and the home page's table
    regions: list[RegionView]  # index pages of the provinces and kabupaten/kota below the area
    kecamatan: list[KecamatanView]
    instansi: list[InstansiView]
    rapat: list[RapatView]  # newest first
    action_items: list[ActionItemView]  # overdue first, then by due date
    risks: list[RiskView]  # every risk, for the edition's totals and downloads
    readiness: ReadinessSummary
    readiness_rules: list[RuleSpec]
    totals: dict[str, Figure]
    figure_keys: list[str]  # the order figures are shown in
    linmas_minimum: str  # Linmas per TPS the law asks for, as written
    kontak_camat: list[KecamatanView]  # camat offices the contact page lists (the rest are on region pages)
    illustrative: bool  # any figure in this edition is illustrative
    moved: dict[str, str]  # page path of an earlier release → where it is now
    edition: str = "publik"
    withheld: list[WithheldNote] = field(default_factory=list)  # everything this edition left out
    full_width: frozenset[str] = frozenset()  # pages that are mostly one wide table: no table of contents beside it
    data_terbuka: OpenData | None = None  # the downloadable tables (generator.views.opendata)
    site_url: str | None = None  # the election edition's address, when the site has one (``--base-url``)
    readiness_since: ReadinessSince | None = None  # readiness per kecamatan against the previous meeting

    def address(self, page: str) -> str:
        """Where a reader finds a page: its absolute address when the site's is known, else its path from the
        site's root (``pilkada-2024/rapat/…/``)."""
        return f"{self.site_url or self.edisi.id + '/'}{page_url(page)}"

    def meeting(self, slug: str) -> RapatView:
        """The meeting of this slug (the name of its file in rapat/); MeetingNotFound when the edition has none."""
        for meeting in self.rapat:
            if meeting.slug == slug:
                return meeting
        raise MeetingNotFound(slug)

    @property
    def reported(self) -> bool:
        """Whether anything dated has come in (a report, a meeting, or tanggal_data): a new desk has nothing yet,
        and its pages say so instead of giving a date that is no data's date."""
        return self.as_of is not None

    @property
    def before_voting(self) -> bool:
        """The data date is before voting day: the home page counts the days down (H-n)."""
        return self.days_to_voting is not None and self.days_to_voting > 0

    @property
    def voting_today(self) -> bool:
        return self.days_to_voting == 0

    def hidden(self, page: str) -> tuple[str, ...]:
        """What Material leaves out of a page (front matter ``hide``): the table of contents beside a page that is
        mostly one wide table, so the table has the page's width."""
        return ("toc",) if page in self.full_width else ()

    @property
    def header(self) -> PageHeader:
        return PageHeader(self.edisi, self.illustrative, tuple(self.figure_keys), self.linmas_minimum)

    @property
    def latest_meeting(self) -> RapatView | None:
        return self.rapat[0] if self.rapat else None

    @property
    def open_action_items(self) -> list[ActionItemView]:
        return [item for item in self.action_items if item.open]

    @property
    def overdue_action_items(self) -> list[ActionItemView]:
        return [item for item in self.action_items if item.overdue]
