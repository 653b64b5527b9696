"""The Kemendagri region tree (Kepmendagri 2025), read from the reference CSV shipped with the package.

Read once per process and indexed once: a code's name, its parent and its children are dictionary lookups,
never a scan of the 91,600 codes.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE = Path(__file__).parent / "reference" / "wilayah-kemendagri-2025.csv"
LEVELS = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}


@dataclass(frozen=True)
class RegionTree:
    names: dict[str, str]
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _slugs: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # made once per code

    def __post_init__(self) -> None:
        if not self._children:
            children: dict[str, list[str]] = {}
            for code in self.names:
                children.setdefault(self.parent(code), []).append(code)
            for codes in children.values():
                codes.sort()
            self._children.update(children)

    def name(self, code: str) -> str | None:
        return self.names.get(code)

    def __contains__(self, code: str) -> bool:
        return code in self.names

    @staticmethod
    def parent(code: str) -> str:
        """The code one level up ("62.04.01" → "62.04"); a province's parent is "" (the country)."""
        return code.rsplit(".", 1)[0] if "." in code else ""

    def children(self, code: str) -> list[str]:
        """Direct children of ``code`` ("" for the provinces), sorted by code."""
        return self._children.get(code, [])

    @staticmethod
    def province(code: str) -> str:
        return code.split(".", 1)[0]

    @staticmethod
    def level(code: str) -> str:
        return LEVELS[code.count(".") + 1]

    @staticmethod
    def village_kind(code: str) -> str:
        """desa (2xxx, 3xxx) or kelurahan (1xxx), from the last part of a desa/kelurahan code."""
        return "kelurahan" if code.rsplit(".", 1)[-1].startswith("1") else "desa"

    def slug(self, code: str) -> str:
        """The URL part of a province or kabupaten/kota: "kalimantan-tengah", "barito-selatan", "kota-palangka-raya".

        "Kabupaten" is dropped and "Kota" kept, so "Kabupaten Malang" and "Kota Malang" stay apart; the
        result is unique across the country (tested against the whole reference).
        """
        found = self._slugs.get(code)
        if found is None:
            found = self._slugs[code] = slugify(re.sub(r"^Kabupaten\s+", "", self.names.get(code, code)))
        return found


def slugify(text: str) -> str:
    """Lower-case ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@functools.lru_cache(maxsize=1)
def region_tree(path: Path = REFERENCE) -> RegionTree:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)  # not DictReader: a dict per row of 91,599 took twice as long
        header = next(rows)
        code, name = header.index("kode"), header.index("nama")
        # A few reference names carry stray spaces ("Bukit Harapan "); editors' text is trimmed, so are they.
        return RegionTree({row[code]: " ".join(row[name].split()) for row in rows})
