"""A page's link preview: the 1200×630 JPEG card a chat app or social site shows beside a shared link.

Drawn offline with Pillow and the DejaVu Sans fonts vendored in ``fonts/`` (their licence beside them): the
bulletin's name, the election edition, the page's title and, where the page has one, its readiness status in
words, symbol and colour. A pure function of its ``Card``: the same card gives the same bytes (no time, no
metadata in the file), so a cached image and a fresh one are alike.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # the size WhatsApp, Facebook and X show large (1.91:1)
MEDIA_TYPE = "image/jpeg"
QUALITY = 85  # flat colour and text: about 30-60 KB, far under WhatsApp's 300 KB
FONTS = Path(__file__).parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"

BAND = "#303fa1"  # Material's indigo (the site's header), dark shade: white text on it passes WCAG AA
INK, MUTED, PAPER = "#1a1a1a", "#4a4a4a", "#ffffff"
MARGIN = 64
BAND_HEIGHT = 112
STATUS_HEIGHT = 150
TITLE_SIZES = (68, 58, 50, 44)  # the largest at which the title fits its lines
TITLE_LINES = 3


@dataclass(frozen=True)
class CardStatus:
    """A readiness status as the page shows it: its words, symbol, text colour and background."""

    label: str
    icon: str
    colour: str
    background: str


@dataclass(frozen=True)
class Card:
    name: str  # the bulletin's name (the site's name)
    edition: str  # the election edition's short name, e.g. "Pilkada 2024"
    title: str  # the page's title
    status: CardStatus | None = None  # the beranda's, a region's and a kecamatan's readiness


def alt_text(card: Card) -> str:
    """What the image shows, in words (og:image:alt)."""
    text = f"{card.name}: {card.title} ({card.edition})."
    return f"{text} Status kesiapan: {card.status.label}." if card.status else text


@functools.cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def _fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """``text`` cut at a word (or, for one long word, a character) with "…" so that it fits ``width``."""
    if font.getlength(text) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and font.getlength(" ".join(words) + "…") > width:
        words.pop()
    cut = " ".join(words)
    while cut and font.getlength(cut + "…") > width:
        cut = cut[:-1]
    return cut.rstrip(" ,.;:–-") + "…"


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float, lines: int) -> tuple[list[str], bool]:
    """``text`` in at most ``lines`` lines of ``width``; whether it all fits (else the last line is cut)."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    fits = not words and all(font.getlength(line) <= width for line in out)
    if not fits and out:
        out[-1] = _fit(" ".join([out[-1], *words]), font, width)
    return out, fits


def draw(card: Card) -> bytes:
    """The card as a baseline JPEG of WIDTH × HEIGHT."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN

    pen.rectangle((0, 0, WIDTH, BAND_HEIGHT), fill=BAND)
    name = _font(BOLD, 40)
    pen.text((MARGIN, BAND_HEIGHT // 2), _fit(" ".join(card.name.split()), name, inner), font=name, fill=PAPER,
             anchor="lm")

    bottom = HEIGHT - (STATUS_HEIGHT if card.status else 40)
    edition = _font(REGULAR, 34)
    pen.text((MARGIN, BAND_HEIGHT + 56), _fit(" ".join(card.edition.split()), edition, inner), font=edition,
             fill=MUTED, anchor="ls")

    for size in TITLE_SIZES:  # the largest size at which the whole title fits; else the smallest, cut
        font = _font(BOLD, size)
        lines, fits = _wrap(card.title, font, inner, TITLE_LINES)
        if fits:
            break
    leading = round(size * 1.22)
    top = BAND_HEIGHT + 56 + (bottom - BAND_HEIGHT - 56 - leading * len(lines)) // 2
    for number, line in enumerate(lines):
        pen.text((MARGIN, top + number * leading), line, font=font, fill=INK, anchor="la")

    if card.status:
        status = card.status
        pen.rectangle((0, HEIGHT - STATUS_HEIGHT, WIDTH, HEIGHT), fill=status.background)
        pen.rectangle((0, HEIGHT - STATUS_HEIGHT, 24, HEIGHT), fill=status.colour)
        caption, word = _font(REGULAR, 32), _font(BOLD, 56)
        top = HEIGHT - STATUS_HEIGHT
        pen.text((MARGIN, top + 48), "Status kesiapan", font=caption, fill=status.colour, anchor="ls")
        pen.text((MARGIN, top + 116), _fit(f"{status.icon} {status.label}", word, inner), font=word,
                 fill=status.colour, anchor="ls")
    else:
        pen.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=BAND)

    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY)
    return out.getvalue()
