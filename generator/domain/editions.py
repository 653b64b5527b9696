"""The two editions of every build."""

PUBLIK = "publik"  # the transparency edition: GitHub Pages, the public web
INTERNAL = "internal"  # everything, for the desk's officials, on the intranet only
EDITIONS = (PUBLIK, INTERNAL)


def offline_copy(edition: str, edisi: str) -> str | None:
    """Where an election edition's ZIP for reading without signal is downloaded (the public edition only)."""
    return f"unduh/buletin-{edisi}.zip" if edition == PUBLIK else None
