"""The numbers the readiness rules compare figures with, each named once with where it comes from, and how a
figure is written beside the status a rule gave it.

A status and the number printed next to it must never contradict each other. A rule decides on the exact
figure (a fraction of two counts, never a rounded float); the number is then written with as many decimals as it
takes for the written number to fall on the same side of every threshold it is read against ("1,98 Linmas per
TPS", not "2,0", beside *Belum siap*), up to ``MOST_DECIMALS``, and past that it is rounded away from the
threshold (down below a minimum, up above a maximum).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

MOST_DECIMALS = 4


@dataclass(frozen=True)
class Threshold:
    """A bound a figure is read against: at least (``min``) or at most (``max``) ``value``."""

    name: str  # what is compared, as the reader is told it
    value: Fraction
    bound: str  # "min" | "max"
    source: str  # the law or decision it comes from

    def met(self, figure: Fraction) -> bool:
        return figure >= self.value if self.bound == "min" else figure <= self.value

    @property
    def text(self) -> str:
        return number(self.value, 0) if self.value.denominator == 1 else number(self.value, MOST_DECIMALS)


LINMAS_PER_TPS = Threshold("Linmas per TPS", Fraction(2), "min", "UU 7/2017 Pasal 351 ayat 4")
EKTP_RECORDED_PERCENT = Threshold(
    "perekaman e-KTP (persen wajib KTP)", Fraction(95), "min",
    "sasaran kerja Desk Pilkada; UU 24/2013 Pasal 63 mewajibkan setiap wajib KTP memiliki KTP-el")
COMPLETE_PERCENT = Threshold("capaian (persen)", Fraction(100), "min", "seluruhnya: tidak ada yang tersisa")


def voter_cap(limit: int) -> Threshold:
    """The most voters per TPS of an election: set by KPU for each election, recorded in its edisi.yml."""
    return Threshold("pemilih per TPS", Fraction(limit), "max",
                     "ketentuan KPU untuk pemilihan ini (batas_pemilih_per_tps di edisi.yml)")


def ratio(part: int | float | None, whole: int | float | None) -> Fraction | None:
    """``part / whole`` exactly, or None where it has no meaning (no whole, no part)."""
    if part is None or not whole:
        return None
    return Fraction(part) / Fraction(whole)


def percent(part: int | float | None, whole: int | float | None) -> Fraction | None:
    share = ratio(part, whole)
    return None if share is None else share * 100


def number(value: float | Fraction | Decimal, decimals: int = 1) -> str:
    """Indonesian number format: 1.234,5."""
    if isinstance(value, Fraction):
        value = _decimal(_scaled(value, decimals, "half-up"), decimals)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def shown(figure: Fraction, thresholds: tuple[Threshold, ...] = (), decimals: int = 1) -> str:
    """``figure`` as written beside the verdict of ``thresholds``: the written number meets each threshold
    exactly when the figure does."""
    for places in range(decimals, MOST_DECIMALS + 1):
        written = Fraction(_scaled(figure, places, "half-up"), 10 ** places)
        if all(t.met(written) == t.met(figure) for t in thresholds):
            return number(_decimal(_scaled(figure, places, "half-up"), places), places)
    # Still on the other side of some threshold at MOST_DECIMALS: round away from it. Rounding to nearest only
    # ever crosses a bound the figure does not meet (it is monotone, and each bound has few decimals), so each
    # threshold here is failed, and all failed thresholds of one figure point the same way.
    failed = [t for t in thresholds if not t.met(figure)]
    mode = "down" if failed[0].bound == "min" else "up"
    return number(_decimal(_scaled(figure, MOST_DECIMALS, mode), MOST_DECIMALS), MOST_DECIMALS)


def parse_number(text: str) -> Fraction:
    """An Indonesian number as written ("1.234,56") back as a fraction: what a reader reads."""
    return Fraction(text.replace(".", "").replace(",", "."))


def _scaled(value: Fraction, places: int, mode: str) -> int:
    scaled = Fraction(value) * 10 ** places
    if mode == "down":
        return math.floor(scaled)
    if mode == "up":
        return math.ceil(scaled)
    return math.floor(scaled + Fraction(1, 2))


def _decimal(scaled: int, places: int) -> Decimal:
    return Decimal(scaled).scaleb(-places)
