"""Readiness status of a kecamatan: a few plain rules, each telling what it demands and what the data says.

The rules run in order; the status is the most severe level any rule gives, and the first rule that gives
it is the one shown as having decided. Thresholds are named here, once.
"""

from __future__ import annotations

from .model import Figure, Percentage, ReadinessStatus, ReadinessSummary, RiskView, RuleResult, RuleSpec

LINMAS_PER_TPS = 2  # UU 7/2017 Pasal 351 ayat 4
EKTP_RECORDED_TARGET = 0.95  # share of wajib KTP with e-KTP recorded

LEVELS = ["belum-siap", "belum-lengkap", "perhatian", "siap"]  # most severe first
LABELS = {
    "siap": "Siap",
    "perhatian": "Perlu perhatian",
    "belum-lengkap": "Data belum lengkap",
    "belum-siap": "Belum siap",
}


def rule_specs(voter_cap: int) -> list[RuleSpec]:
    """The rules as the index page explains them, in the order they run."""
    return [
        RuleSpec("Laporan Disdukcapil, KPU, Satpol PP dan camat tersedia", "bila belum", LABELS["belum-lengkap"]),
        RuleSpec(f"Linmas paling sedikit {LINMAS_PER_TPS} per TPS (UU 7/2017 Pasal 351 ayat 4)", "bila kurang",
                 LABELS["belum-siap"]),
        RuleSpec(f"Rata-rata pemilih per TPS tidak melebihi batas {voter_cap}", "bila melebihi", LABELS["belum-siap"]),
        RuleSpec("Usulan ASN untuk sekretariat Panwascam sudah diserahkan", "bila belum", LABELS["belum-siap"]),
        RuleSpec(f"Perekaman e-KTP paling sedikit {number(EKTP_RECORDED_TARGET * 100, 0)}% wajib KTP", "bila kurang",
                 LABELS["perhatian"]),
        RuleSpec("Tidak ada desa tanpa sinyal komunikasi (blank spot)", "bila ada", LABELS["perhatian"]),
        RuleSpec("Tidak ada risiko tingkat tinggi yang belum teratasi", "bila ada", LABELS["perhatian"]),
    ]


def summary(levels: list[str], bars: list[Percentage]) -> ReadinessSummary:
    """The status of a region: its most severe kecamatan status, and how many kecamatan have each."""
    level = overall_level(levels)
    counts = [(lv, LABELS[lv], levels.count(lv)) for lv in LEVELS]
    return ReadinessSummary(level, LABELS[level], counts, len(levels), bars)


def number(value: float, decimals: int = 1) -> str:
    """Indonesian number format: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def kecamatan_readiness(figures: dict[str, Figure], asn_diserahkan: bool | None, blank_spots: int,
                        risks: list[RiskView], voter_cap: int) -> ReadinessStatus:
    rules: list[RuleResult] = []

    missing = [f.label for key, f in figures.items() if key in ("penduduk", "pemilih", "linmas_siap")
               and f.value is None]
    if asn_diserahkan is None:
        missing.append("laporan camat")
    rules.append(RuleResult(
        "Laporan Disdukcapil, KPU, Satpol PP dan camat tersedia",
        "belum-lengkap" if missing else "siap",
        "belum ada: " + ", ".join(missing) if missing else "semua laporan tersedia"))

    linmas, tps = figures["linmas_siap"].value, figures["tps"].value
    if linmas is not None and tps:
        ratio = linmas / tps
        rules.append(RuleResult(
            f"Linmas paling sedikit {LINMAS_PER_TPS} per TPS (UU 7/2017 Pasal 351 ayat 4)",
            "siap" if ratio >= LINMAS_PER_TPS else "belum-siap",
            f"{number(ratio)} Linmas per TPS ({linmas} Linmas, {tps} TPS)"))

    voters = figures["pemilih"].value
    if voters is not None and tps:
        average = voters / tps
        rules.append(RuleResult(
            f"Rata-rata pemilih per TPS paling banyak {voter_cap}",
            "siap" if average <= voter_cap else "belum-siap",
            f"{number(average)} pemilih per TPS"))

    if asn_diserahkan is not None:
        rules.append(RuleResult(
            "Usulan ASN untuk sekretariat Panwascam sudah diserahkan",
            "siap" if asn_diserahkan else "belum-siap",
            "sudah diserahkan" if asn_diserahkan else "belum diserahkan"))

    recorded, wajib = figures["ektp_rekam"].value, figures["wajib_ktp"].value
    if recorded is not None and wajib:
        share = recorded / wajib
        rules.append(RuleResult(
            f"Perekaman e-KTP paling sedikit {number(EKTP_RECORDED_TARGET * 100, 0)}% wajib KTP",
            "siap" if share >= EKTP_RECORDED_TARGET else "perhatian",
            f"{number(share * 100)}% terekam"))

    if asn_diserahkan is not None:
        rules.append(RuleResult(
            "Tidak ada desa tanpa sinyal komunikasi (blank spot)",
            "siap" if blank_spots == 0 else "perhatian",
            "tidak ada blank spot" if blank_spots == 0 else f"{blank_spots} desa tanpa sinyal"))

    high = [r for r in risks if r.tingkat == "tinggi" and r.status != "teratasi"]
    rules.append(RuleResult(
        "Tidak ada risiko tingkat tinggi yang belum teratasi",
        "perhatian" if high else "siap",
        f"{len(high)} risiko tinggi belum teratasi" if high else "tidak ada"))

    return decide(rules)


def decide(rules: list[RuleResult]) -> ReadinessStatus:
    level = min((r.level for r in rules), key=LEVELS.index, default="belum-lengkap")
    decided_by = None if level == "siap" else next((r for r in rules if r.level == level), None)
    return ReadinessStatus(level, LABELS[level], decided_by, rules)


def overall_level(levels: list[str]) -> str:
    return min(levels, key=LEVELS.index) if levels else "belum-lengkap"
