"""Link previews, the MkDocs side: each page of the public edition gets its card (``generator.render.card``),
drawn while MkDocs builds the page, and the values of its Open Graph and Twitter tags, in its meta for the
theme (``theme/main.html``) to write.

Previews need absolute addresses: ``bulletin build --base-url`` (or, for ``mkdocs build`` run directly,
``site_url`` in mkdocs.yml). Without one there are none at all, no tags and no cards, and the build says so once
(``OFF``). The internal edition never has them: it sits behind a password on the intranet, where no chat app's
fetcher can read a page. A card is drawn with its page and kept with it in the page cache
(``generator.build.store``), so a page that is not rebuilt is not drawn again.
"""

from __future__ import annotations

import html
import os
import re

from generator.render.card import HEIGHT, MEDIA_TYPE, WIDTH, Card, CardStatus, alt_text, draw
from generator.render.summary import shorten

FOLDER = "pratinjau"  # the cards of an election edition: pratinjau/<page>.jpg
LOCALE = "id_ID"
OFF = ("Pratinjau tautan (Open Graph) tidak dibuat: alamat situs tidak diketahui. Bangun dengan --base-url URL "
       "(mkdocs build: site_url di mkdocs.yml) agar tautan yang dibagikan menampilkan judul, ringkasan dan gambar.")
_TAG = re.compile(r"<[^>]*>")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def card_path(src_uri: str) -> str:
    """Where a page's card goes in its election edition: kecamatan/jenamas.md → pratinjau/kecamatan/jenamas.jpg."""
    return f"{FOLDER}/{src_uri.removesuffix('.md')}.jpg"


def plain(text: str) -> str:
    """Text of a title or meta value as a reader sees it: no tags, entities read, on one line."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def first_paragraph(content: str) -> str:
    """A hand-written page without a ``description``: its first paragraph stands for it."""
    found = _PARAGRAPH.search(content)
    return shorten(plain(found[1])) if found else ""


def card_status(readiness) -> CardStatus | None:
    """The status a generated page's front matter names (``readiness``, from generator.render.summary)."""
    if not isinstance(readiness, dict):
        return None
    values = {key: str(readiness.get(key, "")) for key in ("label", "icon", "colour", "background")}
    if not values["label"] or not all(_COLOUR.fullmatch(values[key]) for key in ("colour", "background")):
        return None
    return CardStatus(**values)


def add_preview(page, config, edition: str) -> str:
    """Draw ``page``'s card into the site folder and put its tags' values in its meta (``preview``), each ready
    to print (escaped); returns where the card went."""
    title = plain(str(page.meta.get("title") or page.title or ""))  # the page's own, as Material's <title>
    card = Card(plain(config.site_name), edition, title, card_status(page.meta.get("readiness")))
    description = plain(str(page.meta.get("description") or "")) or first_paragraph(page.content or "") \
        or f"{title}: {card.name}, {edition}."  # a page of headings and tables alone
    dest = card_path(page.file.src_uri)
    target = os.path.join(config.site_dir, dest)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as handle:
        handle.write(draw(card))
    if not page.meta.get("description"):  # Material's <meta name="description"> says the same
        page.meta["description"] = html.escape(description)
    page.meta["preview"] = {
        "type": "website" if page.is_homepage else "article",
        "site_name": html.escape(card.name), "locale": LOCALE,
        "title": html.escape(title), "description": html.escape(description),
        "url": html.escape(page.canonical_url or ""),
        "image": html.escape(config.site_url.rstrip("/") + "/" + dest), "image_type": MEDIA_TYPE,
        "width": WIDTH, "height": HEIGHT, "alt": html.escape(alt_text(card)),
        "twitter_card": "summary_large_image",
    }
    return dest
