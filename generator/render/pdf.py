"""A meeting bulletin as a PDF (A4), with WeasyPrint: the meeting's rendered Markdown, as HTML, printed.

Uses the same rendered page as the site, so the PDF says what the page says, in the same edition.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown

from generator.domain.model import MeetingNotFound, SiteModel, meeting_page
from generator.render.markdown import TEMPLATES, render

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "pymdownx.details", "tables"]
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_SITE_LINK = re.compile(r'<a href="(?!https?:|mailto:)[^"]*">(.*?)</a>', re.DOTALL)
_WHATSAPP = re.compile(r'<div class="bdp-wa\b.*?</div>\n?', re.DOTALL)  # holds no div: its text is a code block


def meeting_html(model: SiteModel, slug: str) -> str:
    """The meeting page as a standalone HTML document for printing."""
    pages = render(model)
    path = meeting_page(slug)
    if path not in pages:
        raise MeetingNotFound(slug)
    body = markdown.markdown(_FRONT_MATTER.sub("", pages[path]), extensions=EXTENSIONS)
    body = _SITE_LINK.sub(r"\1", body)  # links between pages of the site mean nothing on paper
    body = _WHATSAPP.sub("", body)  # the text to paste into WhatsApp: the page's business, not the paper's
    body = body.replace("<details ", "<details open ")  # a notice folded to one line on screen: paper has no click
    meeting = model.meeting(slug)
    internal = model.edition == "internal"
    banner = ('<p class="edisi-internal">EDISI INTERNAL · TERBATAS: berisi informasi yang dikecualikan menurut '
              "UU 14/2008 Pasal 17. Jangan diteruskan ke luar Desk Pilkada.</p>") if internal else ""
    css = (TEMPLATES / "pdf.css").read_text(encoding="utf-8")
    title = html.escape(f"{meeting.judul}, {meeting.tanggal.isoformat()}")
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{css}</style></head><body>"
            f'<p class="kop">{html.escape(model.edisi.desk.nama)} · {html.escape(model.edisi.nama_singkat)}'
            f" · buletin rapat</p>{banner}{body}</body></html>")


def meeting_pdf(model: SiteModel, slug: str, out: Path) -> Path:
    from weasyprint import HTML  # imported here: only this command needs it

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=meeting_html(model, slug)).write_pdf(out)
    return out
