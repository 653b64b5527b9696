"""The numbers the readiness rules compare figures with, each named once with where it comes from, and how a
figure is written beside the status a rule gave it.

A status and the number printed next to it must never contradict each other. A rule decides on the exact
figure (a fraction of two counts, never a rounded float); the number is then written with as many decimals as it
takes for the written number to fall on the same side of every threshold it is read against ("1,98 Linmas per
TPS", not "2,0", beside *Belum siap*), up to ``MOST_DECIMALS``, and past that it is rounded away from the
threshold (down below a minimum, up above a maximum).
"""

from __future__ import annotations

import functools
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

    def __post_init__(self):  # the bound as two integers, once: it is compared with every figure of the country
        object.__setattr__(self, "_terms", (self.value.numerator, self.value.denominator, self.bound == "min"))

    def met(self, figure: Fraction) -> bool:
        return self.met_ratio(figure.numerator, figure.denominator)

    def met_ratio(self, numerator: int, denominator: int) -> bool:
        """Whether ``numerator / denominator`` (denominator > 0) meets the bound, in integers."""
        top, bottom, at_least = self._terms
        return numerator * bottom >= top * denominator if at_least else numerator * bottom <= top * denominator

    @property
    def text(self) -> str:
        return number(self.value, 0) if self.value.denominator == 1 else number(self.value, MOST_DECIMALS)


LINMAS_PER_TPS = Threshold("Linmas per TPS", Fraction(2), "min", "UU 7/2017 Pasal 351 ayat 4")
EKTP_RECORDED_PERCENT = Threshold(
    "perekaman e-KTP (persen wajib KTP)", Fraction(95), "min",
    "sasaran kerja Desk Pilkada; UU 24/2013 Pasal 63 mewajibkan setiap wajib KTP memiliki KTP-el")
COMPLETE_PERCENT = Threshold("capaian (persen)", Fraction(100), "min", "seluruhnya: tidak ada yang tersisa")


@functools.lru_cache(maxsize=16)
def voter_cap(limit: int) -> Threshold:
    """The most voters per TPS of an election: set by KPU for each election, recorded in its edisi.yml."""
    return Threshold("pemilih per TPS", Fraction(limit), "max",
                     "ketentuan KPU untuk pemilihan ini (batas_pemilih_per_tps di edisi.yml)")


def ratio(part: int | None, whole: int | None) -> Fraction | None:
    """``part / whole`` exactly (counts are integers), or None where it has no meaning (no whole, no part)."""
    if part is None or not whole:
        return None
    return Fraction(part, whole)


def percent(part: int | None, whole: int | None) -> Fraction | None:
    """``part`` as a percentage of ``whole``, exactly."""
    if part is None or not whole:
        return None
    return Fraction(100 * part, whole)


def number(value: float | Fraction | Decimal, decimals: int = 1) -> str:
    """Indonesian number format: 1.234,5."""
    if isinstance(value, Fraction):
        return _written(_scaled(value.numerator, value.denominator, decimals, "half-up"), decimals)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def shown(figure: Fraction, thresholds: tuple[Threshold, ...] = (), decimals: int = 1) -> str:
    """``figure`` as written beside the verdict of ``thresholds``: the written number meets each threshold
    exactly when the figure does."""
    numerator, denominator = figure.numerator, figure.denominator
    judged = [(t, t.met_ratio(numerator, denominator)) for t in thresholds]
    scale = 10 ** decimals
    for places in range(decimals, MOST_DECIMALS + 1):
        scaled = (2 * numerator * scale + denominator) // (2 * denominator)  # rounded half up
        for threshold, verdict in judged:
            if threshold.met_ratio(scaled, scale) != verdict:
                break
        else:
            return _written(scaled, places)
        scale *= 10
    # Still on the other side of some threshold at MOST_DECIMALS: round away from it. Rounding to nearest only
    # ever crosses a bound the figure does not meet (it is monotone, and each bound has few decimals), so each
    # threshold here is failed, and all failed thresholds of one figure point the same way.
    failed = [threshold for threshold, verdict in judged if not verdict]
    mode = "down" if failed[0].bound == "min" else "up"
    return _written(_scaled(numerator, denominator, MOST_DECIMALS, mode), MOST_DECIMALS)


def _scaled(numerator: int, denominator: int, places: int, mode: str) -> int:
    """``numerator / denominator`` times 10**places, as an integer: rounded half up, down or up."""
    scale = 10 ** places
    if mode == "down":
        return numerator * scale // denominator
    if mode == "up":
        return -(-numerator * scale // denominator)
    return (2 * numerator * scale + denominator) // (2 * denominator)


def _written(scaled: int, places: int) -> str:
    """An integer count of 10**-places as Indonesian writes the number: 12345, 2 places → "123,45"."""
    sign, scaled = ("-", -scaled) if scaled < 0 else ("", scaled)
    whole, part = divmod(scaled, 10 ** places)
    text = f"{whole:,}".replace(",", ".")
    return f"{sign}{text},{part:0{places}d}" if places else sign + text
