"""The Kemendagri region tree (Kepmendagri 2025), read from the reference CSV shipped with the package."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).parent / "reference" / "wilayah-kemendagri-2025.csv"
LEVELS = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}


@dataclass(frozen=True)
class RegionTree:
    names: dict[str, str]

    def name(self, code: str) -> str | None:
        return self.names.get(code)

    def __contains__(self, code: str) -> bool:
        return code in self.names

    @staticmethod
    def parent(code: str) -> str:
        return code.rsplit(".", 1)[0]

    def children(self, code: str) -> list[str]:
        """Direct children of ``code``, sorted by code."""
        prefix = code + "."
        depth = code.count(".") + 1
        return sorted(c for c in self.names if c.startswith(prefix) and c.count(".") == depth)

    @staticmethod
    def level(code: str) -> str:
        return LEVELS[code.count(".") + 1]

    @staticmethod
    def village_kind(code: str) -> str:
        """desa (2xxx, 3xxx) or kelurahan (1xxx), from the last part of a desa/kelurahan code."""
        return "kelurahan" if code.rsplit(".", 1)[-1].startswith("1") else "desa"


@functools.lru_cache(maxsize=1)
def region_tree(path: Path = REFERENCE) -> RegionTree:
    with open(path, newline="", encoding="utf-8") as handle:
        return RegionTree({row["kode"]: row["nama"] for row in csv.DictReader(handle)})
