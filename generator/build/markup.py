"""Markup of Material's that no template override reaches, fixed in the finished HTML (by the plugin).

Material's base.html writes its two page-level toggles (the navigation drawer and the search dialog) as
``<input type="checkbox" … autocomplete="off">``. HTML allows ``autocomplete`` only on text-like inputs, so the
Nu HTML Checker reports it on every page. The inputs sit in base.html itself, outside any block or partial that
the theme (``generator/build/theme/``) could override, so the attribute is taken out of the finished page: on
every Markdown page (``on_post_page``) and on the theme's own pages such as 404.html (``on_post_template``).
Nothing else changes.
"""

from __future__ import annotations

import re

_INPUT = re.compile(r"<input\b[^>]*>")
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def _checkbox_without_autocomplete(match: re.Match) -> str:
    tag = match.group(0)
    return _AUTOCOMPLETE.sub("", tag) if 'type="checkbox"' in tag else tag


def valid_toggles(html: str) -> str:
    return _INPUT.sub(_checkbox_without_autocomplete, html)
