"""The directory of an election edition: who and where every record is, indexed once.

Kecamatan by Kemendagri code, agencies (and the camat of each kecamatan) by the name other files use for
them, and the page each of them has. Both ``checks`` (which reports what does not resolve) and ``views``
(which leaves it out) look things up here, so neither scans the records per record. Emits no problems.

Page paths follow the level of the desk, so URLs stay short for a regency and unique for the country,
where kecamatan names repeat (291 names occur more than once in the Kemendagri tree):

    kabupaten desk   kecamatan/jenamas.md
    provinsi desk    kecamatan/barito-selatan/jenamas.md             (index per kabupaten)
    nasional desk    kecamatan/kalimantan-tengah/barito-selatan/jenamas.md   (index per provinsi, kabupaten)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.domain.model import AgencyRef
from generator.domain.regions import RegionTree
from generator.load.schema import Edisi
from generator.load.validate import EditionRecords, Record

CAMAT_PREFIX = "camat-"
CAMAT_ANCHOR = "laporan-camat"  # the heading of the camat's part of a kecamatan page


def camat_code_slug(code: str) -> str:
    """The name of a camat that is unique in any edition: ``camat-62-04-01``."""
    return CAMAT_PREFIX + code.replace(".", "-")


def stem(slug: str) -> str:
    """The file name part of a record's slug (``barito-selatan/jenamas`` → ``jenamas``)."""
    return slug.rsplit("/", 1)[-1]


@dataclass
class Directory:
    edisi: Edisi
    regions: RegionTree
    level: str  # "kabupaten" | "provinsi" | "nasional"
    provinces: list[str]
    kabupaten: list[str]  # every kabupaten/kota the desk covers, sorted
    kecamatan_by_code: dict[str, Record] = field(default_factory=dict)
    agencies: dict[str, AgencyRef] = field(default_factory=dict)
    camat_by_slug: dict[str, AgencyRef] = field(default_factory=dict)  # kecamatan record slug → its camat
    ambiguous_camat: dict[str, list[str]] = field(default_factory=dict)  # camat-<stem> → codes sharing the stem
    covered: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.covered = frozenset(self.kabupaten)

    @classmethod
    def build(cls, records: EditionRecords, regions: RegionTree) -> "Directory":
        edisi = records.edisi.data
        wilayah = edisi.wilayah
        provinces = sorted(set(wilayah.provinsi))
        kabupaten = sorted(set(wilayah.kabupaten)) if wilayah.kabupaten else \
            [code for province in provinces for code in regions.children(province)]
        directory = cls(edisi, regions, wilayah.tingkat, provinces, kabupaten)
        for slug, record in sorted(records.kecamatan.items()):
            directory.kecamatan_by_code.setdefault(record.data.kode, record)
        for slug, record in sorted(records.instansi.items()):
            directory.agencies[slug] = AgencyRef(slug, record.data.singkatan, record.data.nama, f"instansi/{slug}.md")
        stems: dict[str, list[Record]] = {}
        for code, record in sorted(directory.kecamatan_by_code.items()):
            stems.setdefault(stem(record.slug), []).append(record)
        for code, record in sorted(directory.kecamatan_by_code.items()):
            same = stems[stem(record.slug)]
            name = CAMAT_PREFIX + stem(record.slug) if len(same) == 1 else camat_code_slug(code)
            ref = AgencyRef(name, f"Camat {record.data.nama}", f"Kecamatan {record.data.nama}",
                            f"{directory.kecamatan_page(record)}#{CAMAT_ANCHOR}")
            directory.camat_by_slug[record.slug] = ref
            directory.agencies.setdefault(camat_code_slug(code), ref)
            if len(same) == 1:
                directory.agencies.setdefault(name, ref)
            else:
                directory.ambiguous_camat[CAMAT_PREFIX + stem(record.slug)] = [r.data.kode for r in same]
        return directory

    # --- pages ------------------------------------------------------------------------------------

    def region_parts(self, code: str) -> list[str]:
        """The URL folders of a region under kecamatan/, by the desk's level."""
        province, kabupaten = RegionTree.province(code), code[:5]
        if self.level == "nasional":
            return [self.regions.slug(province)] + ([self.regions.slug(kabupaten)] if len(code) >= 5 else [])
        if self.level == "provinsi" and len(code) >= 5:
            return [self.regions.slug(kabupaten)]
        return []

    def has_page(self, code: str) -> bool:
        """Whether a province or kabupaten/kota has an index page of its own, below the desk's whole area."""
        return bool(self.region_parts(code))

    def region_page(self, code: str) -> str:
        """The index page of a province or kabupaten/kota (the desk's own area is ``kecamatan/index.md``)."""
        return "/".join(["kecamatan", *self.region_parts(code), "index.md"])

    def kecamatan_page(self, record: Record) -> str:
        return "/".join(["kecamatan", *self.region_parts(record.data.kode), stem(record.slug) + ".md"])

    def names(self) -> list[str]:
        """The names of the agencies and camat, as messages list them (each camat once, by its usual name)."""
        return sorted({*self.agencies} - {camat_code_slug(code) for code in self.kecamatan_by_code} |
                      {ref.slug for ref in self.camat_by_slug.values()})

    def desa_names(self) -> dict[str, str]:
        return {d.kode: d.nama for record in self.kecamatan_by_code.values() for d in record.data.desa}

    def camat(self, record: Record) -> AgencyRef:
        return self.camat_by_slug[record.slug]

    def covers(self, code: str) -> bool:
        """Whether a kecamatan (or kabupaten) code lies in the desk's area."""
        return code[:5] in self.covered

    def sorted_kecamatan(self) -> list[Record]:
        return [self.kecamatan_by_code[code] for code in sorted(self.kecamatan_by_code)]


def attendees(records: EditionRecords, regions: RegionTree) -> list[str]:
    """Every agency of the edition, the secretariat first, then each kecamatan's camat in code order."""
    directory = Directory.build(records, regions)
    secretariat = records.edisi.data.desk.sekretariat
    agencies = sorted(records.instansi, key=lambda slug: (slug != secretariat, slug))
    camat = [directory.camat_by_slug[slug].slug for slug, _ in
             sorted(records.kecamatan.items(), key=lambda item: item[1].data.kode) if slug in directory.camat_by_slug]
    return agencies + camat
