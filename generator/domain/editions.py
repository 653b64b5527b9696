"""The two editions of every build."""

PUBLIK = "publik"  # the transparency edition: GitHub Pages, the public web
INTERNAL = "internal"  # everything, for the desk's officials, on the intranet only
EDITIONS = (PUBLIK, INTERNAL)
