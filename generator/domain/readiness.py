"""Readiness status of a kecamatan: a few plain rules, each telling what it demands and what the data says.

The rules run in order; the status is the most severe level any rule gives, and the first rule that gives
it is the one shown as having decided. Each rule decides on the exact figure and writes it so that the number a
reader sees agrees with the verdict (``generator.domain.thresholds``, where every threshold is named with its source).
"""

from __future__ import annotations

from fractions import Fraction

from generator.domain.model import (
    Figure,
    Percentage,
    ReadinessStatus,
    ReadinessSummary,
    RiskView,
    RuleResult,
    RuleSpec,
    Shown,
)
from generator.domain.thresholds import (
    COMPLETE_PERCENT,
    EKTP_RECORDED_PERCENT,
    LINMAS_PER_TPS,
    Threshold,
    percent,
    ratio,
    shown,
    voter_cap,
)

LEVELS = ["belum-siap", "belum-lengkap", "perhatian", "siap"]  # most severe first
LABELS = {
    "siap": "Siap",
    "perhatian": "Perlu perhatian",
    "belum-lengkap": "Data belum lengkap",
    "belum-siap": "Belum siap",
}
COLOURS = {  # (text, background) of each status wherever it is shown: the pages' badges (the theme's
    # bulletin.css, .bdp-badge--<level>, holds the same values) and the link preview's card
    "siap": ("#1b5e20", "#e8f5e9"),
    "perhatian": ("#7a4100", "#fff3e0"),
    "belum-lengkap": ("#37474f", "#eceff1"),
    "belum-siap": ("#b71c1c", "#ffebee"),
}

REPORTS_RULE = "Laporan Disdukcapil, KPU, Satpol PP dan camat tersedia"
LINMAS_RULE = f"Linmas paling sedikit {LINMAS_PER_TPS.text} per TPS ({LINMAS_PER_TPS.source})"
EKTP_RULE = f"Perekaman e-KTP paling sedikit {EKTP_RECORDED_PERCENT.text}% wajib KTP"
ASN_RULE = "Usulan ASN untuk sekretariat Panwascam sudah diserahkan"
BLANK_SPOT_RULE = "Tidak ada desa tanpa sinyal komunikasi (blank spot)"
RISK_RULE = "Tidak ada risiko tingkat tinggi yang belum teratasi"


def voters_rule(cap: Threshold) -> str:
    return f"Rata-rata pemilih per TPS paling banyak {cap.text}"


def rule_specs(voter_limit: int) -> list[RuleSpec]:
    """The rules as the index page explains them, in the order they run."""
    return [
        RuleSpec(REPORTS_RULE, "bila belum", LABELS["belum-lengkap"]),
        RuleSpec(LINMAS_RULE, "bila kurang", LABELS["belum-siap"]),
        RuleSpec(voters_rule(voter_cap(voter_limit)), "bila melebihi", LABELS["belum-siap"]),
        RuleSpec(ASN_RULE, "bila belum", LABELS["belum-siap"]),
        RuleSpec(EKTP_RULE, "bila kurang", LABELS["perhatian"]),
        RuleSpec(BLANK_SPOT_RULE, "bila ada", LABELS["perhatian"]),
        RuleSpec(RISK_RULE, "bila ada", LABELS["perhatian"]),
    ]


def summary(levels: list[str], bars: list[Percentage]) -> ReadinessSummary:
    """The status of a region: its most severe kecamatan status, and how many kecamatan have each."""
    level = overall_level(levels)
    counts = [(lv, LABELS[lv], levels.count(lv)) for lv in LEVELS]
    return ReadinessSummary(level, LABELS[level], counts, len(levels), bars)


def measure(value: Fraction | None, *thresholds: Threshold, decimals: int = 1) -> Shown | None:
    """A derived figure (a ratio or a share) with the text that shows it beside the verdict of ``thresholds``."""
    if value is None:
        return None
    return Shown(value, shown(value, thresholds, decimals))


def linmas_per_tps(linmas: int | None, tps: int | None) -> Shown | None:
    return measure(ratio(linmas, tps), LINMAS_PER_TPS)


def voters_per_tps(voters: int | None, tps: int | None, limit: int) -> Shown | None:
    return measure(ratio(voters, tps), voter_cap(limit))


def ektp_recorded(recorded: int | None, wajib: int | None) -> Shown | None:
    return measure(percent(recorded, wajib), EKTP_RECORDED_PERCENT, COMPLETE_PERCENT)


def measures(figures: dict[str, Figure], voter_limit: int) -> dict[str, Shown | None]:
    """The derived figures a kecamatan's rules read, each with the text it is shown by: Linmas per TPS, voters
    per TPS, e-KTP recorded (percent of wajib KTP)."""
    tps = figures["tps"].value
    return {"linmas_per_tps": linmas_per_tps(figures["linmas_siap"].value, tps),
            "pemilih_per_tps": voters_per_tps(figures["pemilih"].value, tps, voter_limit),
            "ektp_rekam": ektp_recorded(figures["ektp_rekam"].value, figures["wajib_ktp"].value)}


def kecamatan_readiness(figures: dict[str, Figure], asn_diserahkan: bool | None, blank_spots: int,
                        risks: list[RiskView], voter_limit: int,
                        measured: dict[str, Shown | None] | None = None) -> ReadinessStatus:
    """The rules applied in order. ``measured``: the figures of ``measures()``, where the caller has them."""
    measured = measures(figures, voter_limit) if measured is None else measured
    rules: list[RuleResult] = []

    missing = [f.label for key, f in figures.items() if key in ("penduduk", "pemilih", "linmas_siap")
               and f.value is None]
    if asn_diserahkan is None:
        missing.append("laporan camat")
    rules.append(RuleResult(
        REPORTS_RULE, "belum-lengkap" if missing else "siap",
        "belum ada: " + ", ".join(missing) if missing else "semua laporan tersedia", "Laporan"))

    linmas, tps = figures["linmas_siap"].value, figures["tps"].value
    per_tps = measured["linmas_per_tps"]
    if per_tps is not None:
        rules.append(RuleResult(
            LINMAS_RULE, "siap" if LINMAS_PER_TPS.met(per_tps.value) else "belum-siap",
            f"{per_tps.text} Linmas per TPS ({linmas} Linmas, {tps} TPS)", "Linmas"))

    cap = voter_cap(voter_limit)
    average = measured["pemilih_per_tps"]
    if average is not None:
        rules.append(RuleResult(
            voters_rule(cap), "siap" if cap.met(average.value) else "belum-siap",
            f"{average.text} pemilih per TPS", "Pemilih per TPS"))

    if asn_diserahkan is not None:
        rules.append(RuleResult(
            ASN_RULE, "siap" if asn_diserahkan else "belum-siap",
            "sudah diserahkan" if asn_diserahkan else "belum diserahkan", "Usulan ASN Panwascam"))

    share = measured["ektp_rekam"]
    if share is not None:
        rules.append(RuleResult(
            EKTP_RULE, "siap" if EKTP_RECORDED_PERCENT.met(share.value) else "perhatian", f"{share.text}% terekam",
            "Perekaman e-KTP"))

    if asn_diserahkan is not None:
        rules.append(RuleResult(
            BLANK_SPOT_RULE, "siap" if blank_spots == 0 else "perhatian",
            "tidak ada blank spot" if blank_spots == 0 else f"{blank_spots} desa tanpa sinyal", "Blank spot"))

    high = [r for r in risks if r.tingkat == "tinggi" and r.status != "teratasi"]
    rules.append(RuleResult(
        RISK_RULE, "perhatian" if high else "siap",
        f"{len(high)} risiko tinggi belum teratasi" if high else "tidak ada", "Risiko tinggi"))

    return decide(rules)


def decide(rules: list[RuleResult]) -> ReadinessStatus:
    level = min((r.level for r in rules), key=LEVELS.index, default="belum-lengkap")
    decided_by = None if level == "siap" else next((r for r in rules if r.level == level), None)
    return ReadinessStatus(level, LABELS[level], decided_by, rules)


def overall_level(levels: list[str]) -> str:
    return min(levels, key=LEVELS.index) if levels else "belum-lengkap"

