"""A status never contradicts the number printed beside it.

Each readiness rule decides on the exact figure; the number it prints is written so that a reader who compares it
with the threshold reaches the same verdict (``generator.domain.thresholds``). Property tests over the thresholds: no
count of Linmas, TPS, voters, wajib KTP or e-KTP gives a status that the printed number contradicts, in the rule's
own text, in the figures a kecamatan or region row shows, or in a progress bar.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.domain import thresholds
from generator.domain.model import Figure
from generator.domain.readiness import ektp_recorded, kecamatan_readiness, linmas_per_tps, voters_per_tps
from generator.domain.series import FIGURES
from generator.domain.thresholds import (
    COMPLETE_PERCENT,
    EKTP_RECORDED_PERCENT,
    LINMAS_PER_TPS,
    Threshold,
    shown,
    voter_cap,
)
from generator.views.build import _bars

DAY = dt.date(2024, 11, 15)
NUMBER = re.compile(r"[0-9][0-9.]*(?:,[0-9]+)?")


def parse_number(text: str) -> Fraction:
    """An Indonesian number as written ("1.234,56") back as a fraction: what a reader reads."""
    return Fraction(text.replace(".", "").replace(",", "."))


def figures(**values) -> dict[str, Figure]:
    return {key: Figure(key, label, values.get(key), DAY if values.get(key) is not None else None, None)
            for key, (label, _) in FIGURES.items()}


def first_number(text: str) -> Fraction:
    return parse_number(NUMBER.search(text).group(0))


def rule(status, name: str):
    return next(r for r in status.rules if r.rule.startswith(name))


counts = st.integers(min_value=0, max_value=200_000)
positive = st.integers(min_value=1, max_value=20_000)


@settings(max_examples=400, deadline=None)
@given(linmas=counts, tps=positive)
def test_linmas_per_tps_never_contradicts_its_status(linmas, tps):
    status = kecamatan_readiness(figures(linmas_siap=linmas, tps=tps, penduduk=1, pemilih=tps),
                                 True, 0, [], 10**9)
    result = rule(status, "Linmas")
    assert LINMAS_PER_TPS.met(first_number(result.detail)) == (result.level == "siap"), result.detail
    assert LINMAS_PER_TPS.met(Fraction(linmas, tps)) == (result.level == "siap")
    written = linmas_per_tps(linmas, tps)
    assert LINMAS_PER_TPS.met(parse_number(written.text)) == (result.level == "siap"), written.text
    for bar in _bars(figures(linmas_siap=linmas, tps=tps)):
        complete = linmas >= 2 * tps
        assert COMPLETE_PERCENT.met(parse_number(bar.shown)) == complete, bar.shown


@settings(max_examples=400, deadline=None)
@given(data=st.data(), wajib=st.integers(min_value=1, max_value=5_000_000))
def test_ektp_share_never_contradicts_its_status(data, wajib):
    recorded = data.draw(st.one_of(st.integers(min_value=0, max_value=wajib),
                                   st.integers(min_value=max(0, wajib * 94 // 100), max_value=wajib)))
    status = kecamatan_readiness(figures(wajib_ktp=wajib, ektp_rekam=recorded, penduduk=wajib), True, 0, [], 600)
    result = rule(status, "Perekaman e-KTP")
    met = EKTP_RECORDED_PERCENT.met(Fraction(100 * recorded, wajib))
    assert (result.level == "siap") == met
    for text in (result.detail, ektp_recorded(recorded, wajib).text,
                 next(b.shown for b in _bars(figures(wajib_ktp=wajib, ektp_rekam=recorded)) if b.key == "ektp_rekam")):
        written = first_number(text)
        assert EKTP_RECORDED_PERCENT.met(written) == met, text
        assert COMPLETE_PERCENT.met(written) == (recorded == wajib), text  # 100% only when all are recorded


@settings(max_examples=400, deadline=None)
@given(tps=positive, cap=st.integers(min_value=100, max_value=1000), data=st.data())
def test_voters_per_tps_never_contradicts_its_status(tps, cap, data):
    voters = data.draw(st.one_of(st.integers(min_value=0, max_value=tps * cap * 2),
                                 st.integers(min_value=max(0, tps * cap - tps), max_value=tps * cap + tps)))
    status = kecamatan_readiness(figures(pemilih=voters, tps=tps, penduduk=voters, linmas_siap=2 * tps), True, 0,
                                 [], cap)
    result = rule(status, "Rata-rata pemilih")
    met = voter_cap(cap).met(Fraction(voters, tps))
    assert (result.level == "siap") == met
    assert voter_cap(cap).met(first_number(result.detail)) == met, result.detail
    assert voter_cap(cap).met(parse_number(voters_per_tps(voters, tps, cap).text)) == met


@settings(max_examples=500, deadline=None)
@given(numerator=st.integers(min_value=0, max_value=10**9), denominator=st.integers(min_value=1, max_value=10**6),
       bound=st.sampled_from(["min", "max"]), limit=st.integers(min_value=0, max_value=1000))
def test_a_written_number_falls_where_its_figure_falls(numerator, denominator, bound, limit):
    """The rule of generator.domain.thresholds.shown itself, for any threshold with no decimals."""
    threshold = Threshold("uji", Fraction(limit), bound, "uji")
    figure = Fraction(numerator, denominator)
    written = parse_number(shown(figure, (threshold,)))
    assert threshold.met(written) == threshold.met(figure)
    assert abs(written - figure) < Fraction(1, 10)  # and it stays the number it stands for


@pytest.mark.parametrize("linmas, tps, text, level", [
    (99, 50, "1,98 Linmas per TPS", "belum-siap"),  # the finding: "2,0" beside Belum siap
    (100, 50, "2,0 Linmas per TPS", "siap"),
    (28, 16, "1,8 Linmas per TPS", "belum-siap"),
    (199999, 100000, "1,9999 Linmas per TPS", "belum-siap"),  # beyond four decimals: rounded away from 2
])
def test_linmas_examples(linmas, tps, text, level):
    result = rule(kecamatan_readiness(figures(linmas_siap=linmas, tps=tps, penduduk=1, pemilih=1), True, 0, [], 600),
                  "Linmas")
    assert result.detail.startswith(text) and result.level == level, result


def test_ektp_example_of_the_finding():
    """94,97% recorded: written "94,97%", not "95,0%", beside Perlu perhatian."""
    result = rule(kecamatan_readiness(figures(wajib_ktp=10000, ektp_rekam=9497, penduduk=10000), True, 0, [], 600),
                  "Perekaman e-KTP")
    assert (result.detail, result.level) == ("94,97% terekam", "perhatian")


def test_every_threshold_is_named_once_with_its_source():
    named = [value for value in vars(thresholds).values() if isinstance(value, Threshold)]
    assert {t.name for t in named} >= {"Linmas per TPS", "perekaman e-KTP (persen wajib KTP)"}
    assert all(t.source for t in named + [voter_cap(600)])
    assert "UU 7/2017 Pasal 351 ayat 4" in LINMAS_PER_TPS.source
